//! Hostile TOML: deep nesting, endless dotted keys and huge tables are refused with a located
//! message, by the real binary under a memory limit (`prlimit --as`), never by running out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

use std::path::Path;
use std::process::{Command, Output};

/// The address space `check` may use: a few times the largest file below, plus the binary.
const LIMIT_BYTES: u64 = 600 * 1024 * 1024;

/// `bairi check FILE` in `lang` under the memory limit.
fn check_limited(file: &Path, lang: &str) -> Output {
    let home = file.parent().unwrap();
    Command::new("prlimit")
        .arg(format!("--as={LIMIT_BYTES}"))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_bairi"))
        .args(["check", file.to_str().unwrap(), "--today", "2026-11-22"])
        .args(["--lang", lang])
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("prlimit runs bairi")
}

/// Writes `text` as `name` and checks it in both languages: refused (exit 1, not killed),
/// the error at `line:column` of the file, saying `en` / `zh` and what to do.
fn refused(name: &str, text: &[u8], at: &str, en: &str, zh: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    for (lang, what, hint) in [("en", en, " — "), ("zh", zh, " —— ")] {
        let out = check_limited(&file, lang);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name} ({lang}): {err}");
        let located = format!("{}:{at}: ", file.display());
        assert!(err.contains(&located), "{name} ({lang}) not at {at}: {err}");
        assert!(err.contains(what), "{name} ({lang}): {err}");
        assert!(err.contains(hint), "{name} ({lang}) says what to do: {err}");
        assert!(err.len() < 2000, "{name} ({lang}): one short message");
    }
}

#[test]
fn three_megabytes_of_open_brackets_are_refused_within_the_memory_limit() {
    let text = format!("a = {}", "[".repeat(3_000_000));
    // The 81st `[` is one too deep: column 5 + 80.
    refused(
        "brackets.toml",
        text.as_bytes(),
        "1:85",
        "nested more than 80 deep",
        "嵌套超过 80 层",
    );
}

#[test]
fn thirty_megabytes_of_nested_inline_tables_are_refused_within_the_memory_limit() {
    let text = format!("a = {}", "{a=".repeat(10_000_000));
    refused(
        "inline.toml",
        text.as_bytes(),
        "1:245",
        "nested more than 80 deep",
        "嵌套超过 80 层",
    );
}

#[test]
fn a_key_of_a_million_parts_is_refused_within_the_memory_limit() {
    let text = format!("{}a = 1\n", "a.".repeat(1_000_000));
    // The 80th dot, after 80 `a`s and 79 dots.
    refused(
        "dotted.toml",
        text.as_bytes(),
        "1:160",
        "more than 80 parts",
        "超过 80 段",
    );
    let header = format!("[{}a]\n", "a.".repeat(1_000_000));
    refused(
        "header.toml",
        header.as_bytes(),
        "1:161",
        "more than 80 parts",
        "超过 80 段",
    );
}

#[test]
fn a_table_of_fifteen_million_values_is_refused_within_the_memory_limit() {
    let text = format!("schema_version = 1\na = [{}]\n", "1,".repeat(15_000_000));
    refused(
        "wide.toml",
        text.as_bytes(),
        "2:999995",
        "more than 1000000 tokens",
        "超过 1000000 个",
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.toml");
    std::fs::File::create(&file)
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    for (lang, what) in [("en", "the limit is 64 MB"), ("zh", "上限 64 MB")] {
        let out = check_limited(&file, lang);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(err.contains(what), "{err}");
    }
}
