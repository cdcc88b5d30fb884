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
