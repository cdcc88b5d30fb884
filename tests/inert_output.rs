//! Nothing a user or a file supplies reaches a terminal as a control sequence: file names and
//! arguments echoed in messages, and reports (JSON escapes C1 and bidi controls; Markdown,
//! CSV and text drop them and Unicode tag characters).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

/// Retitles the terminal, then clears the screen.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J";

/// No byte of `out` (stdout and stderr) could act on a terminal.
fn assert_inert(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{E0000}'..='\u{E007F}')
            })
            .collect();
        assert!(bad.is_empty(), "{what} {stream}: {bad:?} in {text:?}");
    }
}

fn qinglan_as(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(support::fixture("qinglan.toml"), &path).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    let mut all = args.to_vec();
    all.extend(["--today", "2026-11-22"]);
    support::bairi(&all)
}

#[test]
fn check_does_not_echo_a_hostile_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = qinglan_as(dir.path(), &format!("c{HOSTILE}.toml"));
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("OK"));
    assert_inert("check", &out);
    // Also when the name is only echoed in a refusal.
    let gone = dir.path().join(format!("missing{HOSTILE}.toml"));
    let out = run(&["check", gone.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
    assert_inert("check missing", &out);
}

#[test]
fn edits_do_not_echo_hostile_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let file = qinglan_as(dir.path(), "q.toml");
    let file = file.to_str().unwrap();
    let task = format!("T01{HOSTILE}");
    let out = run(&["move", file, &task, "done"]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("move task", &out);
    let status = format!("done{HOSTILE}");
    let out = run(&["move", file, "T01", &status]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("move status", &out);
    let unit = format!("jxj{HOSTILE}");
    let out = run(&["pledge", file, "--unit", &unit, "--text", "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("pledge --unit", &out);
}

#[test]
fn report_out_does_not_echo_a_hostile_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = qinglan_as(dir.path(), "q.toml");
    let target = dir.path().join(format!("r{HOSTILE}.md"));
    let out = run(&[
        "report",
        file.to_str().unwrap(),
        "--format",
        "markdown",
        "--out",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("wrote"));
    assert_inert("report --out", &out);
    let nowhere = dir.path().join(format!("no{HOSTILE}/r.md"));
    let out = run(&[
        "report",
        file.to_str().unwrap(),
        "--out",
        nowhere.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("report --out nowhere", &out);
}

/// The fixture with T01's title holding a CSI (C1), a bidi override, isolates, marks and
/// Unicode tag characters.
fn hostile_titles(dir: &Path) -> PathBuf {
    let path = dir.join("h.toml");
    let text = std::fs::read_to_string(support::fixture("qinglan.toml"))
        .unwrap()
        .replacen(
            "title      = \"智能装备产业园一期项目开工建设\"",
            "title      = \"智能\u{9b}2J装备\u{202e}cba\u{2066}x\u{2069}\u{200e}\u{200f}\u{61c}园\u{e0001}\u{e0041}\u{e007f}\"",
            1,
        );
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn json_escapes_c1_and_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_titles(dir.path());
    let out = run(&["report", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_inert("json", &out);
    let json = String::from_utf8(out.stdout).unwrap();
    for escaped in [
        "\\u009b", "\\u202e", "\\u2066", "\\u2069", "\\u200e", "\\u200f", "\\u061c",
    ] {
        assert!(json.contains(escaped), "{escaped} in JSON");
    }
    // The data itself is kept: a JSON reader gets the title back as written.
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let titles = v.to_string();
    assert!(titles.contains("智能\u{9b}2J装备\u{202e}cba"), "title kept");
}

#[test]
fn markdown_csv_and_text_reports_drop_controls_and_tag_characters() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_titles(dir.path());
    let file = file.to_str().unwrap();
    for format in ["markdown", "csv", "text"] {
        for view in ["board", "standup", "weekly"] {
            let out = run(&["report", file, "--format", format, "--view", view]);
            assert_eq!(out.status.code(), Some(0), "{format} {view}");
            let csv_crlf = Output {
                stdout: String::from_utf8_lossy(&out.stdout)
                    .replace("\r\n", "\n")
                    .trim_start_matches('\u{feff}')
                    .as_bytes()
                    .to_vec(),
                ..out
            };
            assert_inert(&format!("{format} {view}"), &csv_crlf);
        }
    }
    let out = run(&["report", file, "--format", "text"]);
    assert_eq!(out.status.code(), Some(0));
    assert_inert("briefing", &out);
}
