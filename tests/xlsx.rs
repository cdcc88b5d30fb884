//! `report --format xlsx`: the workbook read back with calamine, every cell's type and value
//! (and the styles that carry meaning) compared with a golden dump (`tests/golden/`;
//! `UPDATE_GOLDEN=1` rewrites it, review the diff before committing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

fn bairi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .arg("report")
        .arg(support::fixture("qinglan.toml"))
        .args(["--format", "xlsx", "--today", "2026-11-22"])
        .args(args)
        .output()
        .unwrap()
}

fn column(c: u32) -> String {
    let letter = |n: u32| char::from(b'A' + n as u8);
    if c < 26 {
        letter(c).to_string()
    } else {
        format!("{}{}", letter(c / 26 - 1), letter(c % 26))
    }
}

fn date(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (epoch + chrono::Days::new(serial as u64)).to_string()
}

/// Each sheet, each cell: position, type, value, and its number format, fill and boldness.
fn dump(path: &std::path::Path) -> String {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        out.push_str(&format!("== {name}\n"));
        let range = book.worksheet_range(&name).unwrap();
        let styles = book.worksheet_style(&name).unwrap();
        for (r, c, cell) in range.used_cells() {
            let (r, c) = (r as u32, c as u32);
            let value = match cell {
                Data::Int(n) => format!("int {n}"),
                Data::Float(n) => format!("num {n}"),
                Data::String(s) => format!("str {s}"),
                Data::DateTime(d) => format!("date {}", date(d.as_f64())),
                other => format!("{other:?}"),
            };
            let mut extras = String::new();
            if let Some(style) = styles.get((r, c)) {
                if let Some(f) = style
                    .number_format
                    .as_ref()
                    .filter(|f| f.format_code != "General")
                {
                    extras.push_str(&format!(" fmt={}", f.format_code));
                }
                if let Some(color) = style.fill.as_ref().and_then(|f| f.foreground_color) {
                    let (r, g, b) = (color.red, color.green, color.blue);
                    extras.push_str(&format!(" fill={r:02X}{g:02X}{b:02X}"));
                }
                if style
                    .font
                    .as_ref()
                    .is_some_and(|f| f.weight == calamine::FontWeight::Bold)
                {
                    extras.push_str(" bold");
                }
            }
            out.push_str(&format!("{}{} {value}{extras}\n", column(c), r + 1));
        }
    }
    out
}

#[test]
fn the_example_workbook_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("qinglan.xlsx");
    let run = bairi(&["--lang", "zh", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{run:?}");
    let text = dump(&out);
    for sheet in ["任务总览", "站会清单", "擂台榜", "本周清单", "活动总结"] {
        assert!(text.contains(&format!("== {sheet}\n")), "{sheet}");
    }
    assert!(
        text.contains("str 红灯 fill=C00000"),
        "a red light is red and says so"
    );
    support::golden("qinglan_zh.xlsx.txt", &text);
}

#[test]
fn one_view_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lb.xlsx");
    let run = bairi(&["--lang", "en", "--view", "leaderboard", "--out"]);
    assert!(!run.status.success(), "--out needs a value");
    let run = bairi(&[
        "--lang",
        "en",
        "--view",
        "leaderboard",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{run:?}");
    let text = dump(&out);
    assert!(
        text.starts_with("== Leaderboard\nA1 str 百日攻坚 · Leaderboard · checkpoint 5 "),
        "{text}"
    );
    assert!(text.contains("\nA2 str Rank fill=D9E1F2 bold"), "{text}");
    assert_eq!(text.matches("== ").count(), 1);
    assert!(text.contains("G3 num 1 fmt=0%"), "{text}");
}

#[test]
fn without_out_it_refuses_with_a_usage_error() {
    for args in [&["--lang", "zh"][..], &["--lang", "en", "--out", "-"]] {
        let run = bairi(args);
        assert_eq!(run.status.code(), Some(2), "{run:?}");
        assert!(run.stdout.is_empty(), "nothing binary on the terminal");
        let err = String::from_utf8(run.stderr).unwrap();
        assert!(err.contains("--out"), "{err}");
    }
    let zh = bairi(&["--lang", "zh"]);
    assert!(String::from_utf8(zh.stderr).unwrap().contains("需要 --out"));
}

#[test]
fn the_campaign_itself_is_never_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = support::qinglan_copy(dir.path());
    let before = std::fs::read(&campaign).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .arg("report")
        .arg(&campaign)
        .args(["--format", "xlsx", "--today", "2026-11-22", "--out"])
        .arg(&campaign)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    assert_eq!(std::fs::read(&campaign).unwrap(), before);
}
