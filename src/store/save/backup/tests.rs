//! Copies beside the campaign: every version bairi wrote or overwrote, numbered, thinned.

use super::*;
use chrono::{TimeDelta, TimeZone};

fn policy(keep: usize) -> BackupPolicy {
    BackupPolicy {
        legacy: None,
        keep,
        session_pinned: false,
    }
}

fn texts(policy: &BackupPolicy, file: &Path) -> Vec<String> {
    let copies = policy.copies_of(file).unwrap();
    let read = |c: &Copy| String::from_utf8(c.read().unwrap()).unwrap();
    copies.iter().map(read).collect()
}

/// A save as `CampaignFile::save` does it: what is on disk, then what is written.
fn save(policy: &mut BackupPolicy, file: &Path, text: &str, now: DateTime<Utc>) {
    policy.keep_before(file, now).unwrap();
    fs::write(file, text).unwrap();
    policy.keep_written(file, text.as_bytes(), now).unwrap();
}

#[test]
fn every_version_written_or_overwritten_is_kept_even_under_one_clock_reading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    fs::write(&file, "v0").unwrap();
    let mut p = policy(3);
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
    for n in 1..=5 {
        save(&mut p, &file, &format!("v{n}"), now);
    }
    // An editor changes the file; the next save keeps that version too.
    fs::write(&file, "edited").unwrap();
    save(&mut p, &file, "v6", now);
    assert_eq!(
        texts(&p, &file),
        ["v6", "edited", "v5", "v4", "v3", "v2", "v1", "v0"]
    );
    let copies = p.copies_of(&file).unwrap();
    let pinned: Vec<_> = copies.iter().filter(|c| c.pinned).collect();
    assert_eq!(pinned.len(), 1, "{copies:?}");
    assert_eq!(pinned[0].read().unwrap(), b"v0");
    assert!(
        copies[0]
            .path
            .starts_with(dir.path().join(".bairi/c.toml.copies"))
    );
    // The next session pins the version it found (bairi's own last write), not a new copy.
    let mut next = policy(3);
    save(&mut next, &file, "v7", now);
    let copies = next.copies_of(&file).unwrap();
    assert_eq!(copies.len(), 9);
    assert!(copies[1].pinned && copies[1].read().unwrap() == b"v6");
}

#[test]
fn copies_are_thinned_by_age_and_none_are_kept_at_zero_days() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    fs::write(&file, "start").unwrap();
    let mut p = policy(3);
    let start = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
    // Four days of saves, one every two hours.
    for n in 0..48 {
        save(
            &mut p,
            &file,
            &format!("v{n}"),
            start + TimeDelta::hours(2 * n),
        );
    }
    let copies = p.copies_of(&file).unwrap();
    assert_eq!(copies[0].read().unwrap(), b"v47");
    assert!(copies.len() < 20, "{}", copies.len());
    // The session's first copy was older than three days: thinned away.
    assert!(copies.iter().all(|c| !c.pinned));
    let mut none = policy(0);
    let other = dir.path().join("d.toml");
    fs::write(&other, "x").unwrap();
    save(&mut none, &other, "y", start);
    assert!(none.copies_of(&other).unwrap().is_empty());
}

#[test]
fn an_older_bairis_plain_copies_in_the_data_directory_are_still_listed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    fs::write(&file, "now").unwrap();
    let legacy = dir.path().join("data-backups");
    fs::create_dir(&legacy).unwrap();
    let old = legacy.join(format!("{}20261119T000000.000Z.toml", legacy_prefix(&file)));
    fs::write(&old, "old").unwrap();
    let mut p = BackupPolicy {
        legacy: Some(legacy),
        ..policy(30)
    };
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
    save(&mut p, &file, "new", now);
    assert_eq!(texts(&p, &file), ["new", "now", "old"]);
}
