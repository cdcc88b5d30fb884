//! Report golden files for the qinglan example on 2026-11-22 (insta snapshots), the CSV
//! options and the command line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::i18n::Lang;
use bairi::report::doc::{csv, markdown};
use bairi::report::views::{View, build};
use bairi::store::load::{Today, load_str};

fn qinglan() -> bairi::domain::Campaign {
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    load_str(&text, Today::Date(support::today()))
        .unwrap()
        .campaign
}

#[test]
fn markdown_views_in_chinese() {
    let c = qinglan();
    for (name, view) in [
        ("board", View::Board),
        ("standup", View::Standup),
        ("leaderboard", View::Leaderboard),
        ("weekly", View::Weekly),
        ("summary", View::Summary),
    ] {
        let doc = build(&c, support::today(), Lang::Zh, view, None).unwrap();
        insta::assert_snapshot!(format!("markdown_zh_{name}"), markdown(&doc));
    }
}

#[test]
fn csv_views_in_english() {
    let c = qinglan();
    for (name, view) in [
        ("board", View::Board),
        ("leaderboard", View::Leaderboard),
        ("weekly", View::Weekly),
        ("summary", View::Summary),
    ] {
        let doc = build(&c, support::today(), Lang::En, view, None).unwrap();
        insta::assert_snapshot!(format!("csv_en_{name}"), csv(&doc, false));
    }
}

#[test]
fn leaderboard_checkpoints_and_refusals() {
    let c = qinglan();
    let third =
        markdown(&build(&c, support::today(), Lang::En, View::Leaderboard, Some(3)).unwrap());
    assert!(
        third.contains("checkpoint 3 2026-10-12 · published") && third.contains("13/17"),
        "{third}"
    );
    assert!(
        build(&c, support::today(), Lang::En, View::Leaderboard, Some(6)).is_err(),
        "not passed yet"
    );
    let summary = markdown(&build(&c, support::today(), Lang::Zh, View::Summary, None).unwrap());
    assert!(summary.contains("亿元"), "investment in 亿元 when large");
}

#[test]
fn the_command_writes_files_with_a_bom_for_excel() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("board.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args([
            "report",
            support::fixture("qinglan.toml").to_str().unwrap(),
            "--format",
            "csv",
            "--bom",
            "--today",
            "2026-11-22",
            "--out",
        ])
        .arg(&out)
        .env("LANG", "zh_CN.UTF-8")
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 14, "a header and one row per task");
    assert!(text.contains("T02,县污水处理厂二期工程"));
}

#[test]
fn the_summary_csv_totals_row_sums_the_columns_that_sum() {
    let doc = build(&qinglan(), support::today(), Lang::En, View::Summary, None).unwrap();
    assert_eq!(doc.main_totals, 1);
    let text = csv(&doc, false);
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| {
            // The one quoted cell is a category name with a comma.
            let l = l.replace("\"Land, power & approvals\"", "Land power & approvals");
            l.split(',').map(str::to_owned).collect()
        })
        .collect();
    let (header, body) = rows.split_first().unwrap();
    let (total, categories) = body.split_last().unwrap();
    assert_eq!(total[0], "Total");
    for (col, name) in header.iter().enumerate().skip(1) {
        if name == "Milestone rate" {
            continue;
        }
        let sum: f64 = categories
            .iter()
            .map(|r| r[col].parse::<f64>().unwrap())
            .sum();
        assert_eq!(total[col].parse::<f64>().unwrap(), sum, "{name}: {text}");
    }
    let rate = header.iter().position(|h| h == "Milestone rate").unwrap();
    assert_eq!(total[rate], "94%", "the rate is 33/35, not a sum of rates");
    assert_eq!(&total[1..8], ["13", "1", "2", "3", "7", "33", "35"]);
}

#[test]
fn the_markdown_leaderboard_names_tied_flag_units_and_lists_reds_one_a_line() {
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let tied = text
        .replace(
            "red_flag     = [\"jxj\"]\nyellow_card  = [\"cd\", \"xk\"]",
            "red_flag     = [\"jxj\", \"zjj\"]\nyellow_card  = [\"cd\", \"xk\"]",
        )
        .replace("{ unit = \"zjj\", rank = 2,", "{ unit = \"zjj\", rank = 1,");
    assert_ne!(
        tied, text,
        "the fixture's review 5 changed; update this test"
    );
    let c = load_str(&tied, Today::Date(support::today()))
        .unwrap()
        .campaign;
    let md = markdown(&build(&c, support::today(), Lang::Zh, View::Leaderboard, None).unwrap());
    assert!(
        md.contains("\n- ⚑ 红旗单位:县经信局(并列1)、县住建局(并列1)\n"),
        "{md}"
    );
    assert!(md.contains("\n- ▮ 黄牌席:城东街道、溪口镇\n"), "{md}");
    assert!(
        md.contains("\n- 红灯 T05 科创中心先行区块征迁(126亩,3个村312户)(城东街道)\n- 红灯 T06 "),
        "{md}"
    );
}

/// `report --out NAME`: the version of the campaign at `TODAY`, written to `out` in `dir`.
#[cfg(unix)]
fn report_to(dir: &std::path::Path, out: &str) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .current_dir(dir)
        .args([
            "report",
            support::fixture("qinglan.toml").to_str().unwrap(),
            "--format",
            "markdown",
            "--today",
            "2026-11-22",
            "--out",
            out,
        ])
        .env("LANG", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .output()
        .unwrap()
}

/// Issue 24, defect 1: a link planted at `weekly.md` in a shared folder, pointing at the
/// user's `.profile`: the report replaces the link; the `.profile` is unchanged. Issue 23,
/// defect 13: a report written twice leaves no `.bak` (a report is not a campaign).
#[cfg(unix)]
#[test]
fn a_report_replaces_a_planted_link_and_keeps_no_backup() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("profile");
    std::fs::write(&victim, "export PATH=/usr/bin\n").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join("weekly.md")).unwrap();
    let first = report_to(dir.path(), "weekly.md");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "export PATH=/usr/bin\n"
    );
    let weekly = dir.path().join("weekly.md");
    assert!(std::fs::symlink_metadata(&weekly).unwrap().is_file());
    assert!(std::fs::read_to_string(&weekly).unwrap().contains("T02"));
    assert!(report_to(dir.path(), "weekly.md").status.success());
    let names: Vec<String> = walk(dir.path());
    assert_eq!(names, ["profile", "weekly.md"], "no backup, no temp file");
}

/// Every file under `dir`, by its path inside it, sorted.
#[cfg(unix)]
fn walk(dir: &std::path::Path) -> Vec<String> {
    support::files::files_under(dir)
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}
