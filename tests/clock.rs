//! One clock for the whole binary: `BAIRI_NOW` fixes the instant, and the demo, `new` and the
//! board agree on "today" at any hour, on both sides of the UTC/Shanghai date line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::{Command, Output};

use serde_json::Value;
use support::pty::Term;

/// The instants around the date line: 16:00 UTC is midnight in Shanghai.
const INSTANTS: [(&str, &str); 4] = [
    ("2026-11-22T03:00:00Z", "2026-11-22"),
    ("2026-11-22T15:59:00Z", "2026-11-22"),
    ("2026-11-22T16:00:00Z", "2026-11-23"),
    ("2026-11-22T23:59:00Z", "2026-11-23"),
];

fn bairi_at(now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("BAIRI_NOW", now)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .output()
        .unwrap()
}

#[test]
fn new_writes_a_campaign_that_opens_on_day_1_at_any_hour() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (now, shanghai)) in INSTANTS
        .iter()
        .chain(&[("2026-11-22T17:44:00Z", "2026-11-23")])
        .enumerate()
    {
        let path = dir.path().join(format!("new{i}.toml"));
        let file = path.to_str().unwrap();
        assert!(bairi_at(now, &["new", file]).status.success());
        let out = bairi_at(now, &["report", file, "--format", "json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["campaign"]["today"], *shanghai, "{now}");
        assert_eq!(json["campaign"]["start"], *shanghai, "{now}");
        assert_eq!(json["campaign"]["day"], 1, "{now}");
    }
}

#[test]
fn an_unreadable_bairi_now_is_a_usage_error_not_the_real_time() {
    let out = bairi_at("tomorrow", &["check", "/nonexistent.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("BAIRI_NOW=tomorrow is not an RFC 3339"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_demo_opens_on_day_40_on_both_sides_of_the_date_line() {
    for (now, _) in INSTANTS {
        let home = tempfile::tempdir().unwrap();
        let mut term = Term::spawn(&[], 100, 30, home.path(), &[("BAIRI_NOW", now)]);
        term.wait_for("已在");
        term.wait_for("第40天/100");
        assert!(term.screen().contains("(今天是第40天)"), "{now}");
        term.send("q");
        assert!(term.wait_exit(), "{now}");
    }
}

#[test]
fn the_header_counts_down_in_the_campaigns_zone() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    // 15:59:30 UTC on 11-22 is 23:59:30 in Shanghai: day 83, and half a minute of it left.
    let mut term = Term::spawn(
        &[path.to_str().unwrap()],
        120,
        40,
        dir.path(),
        &[("BAIRI_NOW", "2026-11-22T15:59:30Z")],
    );
    term.wait_for("第83天/100 · 剩余17天 00:00:");
    term.send("q");
    assert!(term.wait_exit());
    // Past 16:00 UTC it is day 84 there, with a whole day to go.
    let mut term = Term::spawn(
        &[path.to_str().unwrap()],
        120,
        40,
        dir.path(),
        &[("BAIRI_NOW", "2026-11-22T16:00:30Z")],
    );
    term.wait_for("第84天/100 · 剩余16天 23:59:");
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn new_refuses_a_clock_past_the_years_toml_can_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.toml");
    let out = bairi_at("9999-12-01T00:00:00Z", &["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!path.exists(), "no file that fails check is written");
}
