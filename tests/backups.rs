//! Issue 14, defect 8: timestamped copies survive a stand-up and a change of `TZ`. The
//! version before a session's first save is always kept, older copies are thinned by age,
//! names are in UTC, and `restore` lists them in local time with what changed after each.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::{Command, Output};

use chrono::{TimeDelta, TimeZone, Utc};

use bairi::clock::Clock;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::store::save::backup::BackupPolicy;
use support::edits::{apply, note};

#[test]
fn a_stand_up_of_fifteen_edits_keeps_the_version_from_before_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let start = Utc.with_ymd_and_hms(2026, 11, 22, 0, 30, 0).unwrap();
    // Yesterday's session: a few saves.
    let mut yesterday = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    yesterday.backups = BackupPolicy {
        legacy: None,
        keep: 10,
        session_pinned: false,
    };
    for n in 0..5 {
        yesterday.clock = Clock::Fixed(start - TimeDelta::hours(20) + TimeDelta::minutes(n));
        let text = format!("昨天 {n}");
        apply(&mut yesterday, note("T02", &text), support::today(), None).unwrap();
        yesterday.save().unwrap();
    }
    let before_meeting = std::fs::read_to_string(&path).unwrap();
    // This morning's stand-up: fifteen edits, each saved, one a minute.
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    file.backups = BackupPolicy::standard(10);
    file.backups.legacy = None;
    for n in 0..15 {
        file.clock = Clock::Fixed(start + TimeDelta::minutes(n));
        let text = format!("站会 {n}");
        apply(&mut file, note("T01", &text), support::today(), None).unwrap();
        file.save().unwrap();
    }
    let copies = file.backups.copies_of(&path).unwrap();
    let texts: Vec<String> = copies
        .iter()
        .map(|c| String::from_utf8(c.read().unwrap()).unwrap())
        .collect();
    assert!(
        texts.contains(&before_meeting),
        "the version before the meeting is kept"
    );
    let pinned: Vec<_> = copies.iter().filter(|c| c.pinned).collect();
    assert_eq!(pinned.len(), 2, "one per session: {copies:?}");
    assert!(
        copies.len() >= 16,
        "every copy of the last hour: {}",
        copies.len()
    );
    assert!(
        copies
            .iter()
            .all(|c| c.path.to_string_lossy().contains('Z'))
    );
}

fn bairi(dir: &std::path::Path, tz: &str, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env("TZ", tz)
        .env("BAIRI_NOW", now)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .output()
        .unwrap()
}

#[test]
fn a_change_of_tz_neither_reorders_nor_deletes_the_newest_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let first = bairi(
        dir.path(),
        "Asia/Shanghai",
        "2026-11-22T08:00:00+08:00",
        &["note", file, "T01", "第一条", "--by", "li_mx"],
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let after_first = std::fs::read_to_string(&path).unwrap();
    // A minute later, from a shell whose TZ is New York (local clock 13 hours behind).
    let second = bairi(
        dir.path(),
        "America/New_York",
        "2026-11-22T08:01:00+08:00",
        &["note", file, "T01", "第二条", "--by", "li_mx"],
    );
    assert!(second.status.success());
    let list = bairi(
        dir.path(),
        "America/New_York",
        "2026-11-22T08:02:00+08:00",
        &["restore", file],
    );
    let listing = String::from_utf8_lossy(&list.stdout);
    // Newest first, in local (New York) time, with what the next version changed.
    let lines: Vec<&str> = listing.lines().collect();
    assert!(lines[0].contains("2026-11-21 19:01:00"), "{listing}");
    assert!(lines[0].contains("(the current version)"), "{listing}");
    assert!(lines[1].contains("2026-11-21 19:00:00"), "{listing}");
    assert!(
        lines[1].contains("then: 1 task(s) changed: T01"),
        "{listing}"
    );
    assert!(
        bairi(
            dir.path(),
            "UTC",
            "2026-11-22T08:03:00+08:00",
            &["restore", file, "2"]
        )
        .status
        .success()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after_first);
}
