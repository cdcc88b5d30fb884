//! The smaller items of issue 25: help texts, report layouts, wording, wrapping, sync messages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;

fn bairi_in(lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["--lang", lang])
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn report_help_in_chinese_has_no_english_sentences() {
    let out = bairi_in("zh", &["report", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("输出格式"), "{text}");
    for english in [
        "Plain numbered",
        "Excel workbook",
        "ossible values",
        "[default",
    ] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
}

#[test]
fn the_sign_off_refusal_names_no_zero_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let out = bairi_in(
        "zh",
        &["move", file, "T01", "已销号", "--today", "2026-11-01"],
    );
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("T01 还有 1 个节点未完成,不能销号"), "{text}");
    assert!(!text.contains("0 个"), "{text}");
    let out = bairi_in(
        "en",
        &["move", file, "T02", "done", "--today", "2026-11-01"],
    );
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("2 milestone(s) not done and 1 open problem(s)"),
        "{text}"
    );
}

#[test]
fn check_calls_the_campaign_table_campaign_not_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[campaign]").unwrap();
    let name = start + text[start..].find("\nname").unwrap() + 1;
    let end = name + text[name..].find('\n').unwrap();
    let broken = format!("{}name = 5{}", &text[..name], &text[end..]);
    std::fs::write(&path, broken).unwrap();
    for lang in ["zh", "en"] {
        let out = bairi_in(lang, &["check", path.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("[campaign] `name`"), "{text}");
        assert!(!text.contains("[[campaign]]"), "{text}");
    }
}
