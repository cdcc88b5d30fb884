//! Saves of edited files: atomic, with a backup, never overwriting someone else's changes
//! (merged by task and field, conflicts recorded and settled), the edits kept when a write
//! fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::domain::Status;
use bairi::store::file::{CampaignFile, MilestoneRef, SaveError};
use bairi::store::load::Today;
use support::edits::qinglan_file as open;
use support::edits::{apply, milestone, note, progress, status};
use support::qinglan_copy;

#[test]
fn save_writes_atomically_and_keeps_a_backup() {
    let (mut file, text, dir) = open();
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    assert!(file.dirty);
    file.save().unwrap();
    assert!(!file.dirty);
    let path = dir.path().join("qinglan.toml");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), file.text());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".bairi/qinglan.toml.bak")).unwrap(),
        text
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bairi-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn changes_made_elsewhere_are_merged_not_overwritten() {
    let (mut file, _text, dir) = open();
    let path = dir.path().join("qinglan.toml");
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("progress   = 90", "progress   = 95");
    std::fs::write(&path, &theirs).unwrap();
    file.save().unwrap();
    let merged = std::fs::read_to_string(&path).unwrap();
    assert!(
        merged.contains("progress   = 85") && merged.contains("progress   = 95"),
        "both edits survive"
    );
    assert!(!file.dirty);
}

#[test]
fn two_instances_merge_by_task_and_field_and_conflicts_are_settled() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let today = Today::Date(support::today());
    let mut a = CampaignFile::open(&path, today).unwrap();
    let mut b = CampaignFile::open(&path, today).unwrap();
    // Different tasks and notes on the same task: everything survives.
    apply(
        &mut a,
        status("T01", Status::Blocked),
        support::today(),
        None,
    )
    .unwrap();
    apply(&mut a, note("T03", "甲的记录"), support::today(), None).unwrap();
    apply(&mut b, note("T03", "乙的记录"), support::today(), None).unwrap();
    apply(
        &mut b,
        milestone("T02", MilestoneRef::Index(2), true),
        support::today(),
        None,
    )
    .unwrap();
    a.save().unwrap();
    b.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for expected in [
        "甲的记录",
        "乙的记录",
        "status     = \"受阻\"",
        "due = 2026-11-20, done = true, done_on = 2026-11-22",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
    let reopened = CampaignFile::open(&path, today).unwrap();
    assert_eq!(
        reopened.campaign.task("T01").unwrap().status,
        Status::Blocked
    );
    assert_eq!(
        b.campaign.task("T01").unwrap().status,
        Status::Blocked,
        "b now sees a's edit"
    );
    // The same field both ways: a conflict, settled as asked.
    let mut a = CampaignFile::open(&path, today).unwrap();
    let mut b = CampaignFile::open(&path, today).unwrap();
    apply(&mut a, progress("T05", 90), support::today(), None).unwrap();
    apply(&mut b, progress("T05", 92), support::today(), None).unwrap();
    a.save().unwrap();
    let Err(SaveError::Conflicts(list)) = b.save() else {
        panic!("expected a conflict");
    };
    assert_eq!(
        (list[0].task.as_str(), list[0].key.as_str()),
        ("T05", "progress")
    );
    assert!(b.dirty, "nothing lost while undecided");
    b.save_keeping(Some(bairi::store::merge::Keep::Theirs))
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("progress   = 90")
    );
    let mut c = CampaignFile::open(&path, today).unwrap();
    let mut d = CampaignFile::open(&path, today).unwrap();
    apply(&mut c, progress("T05", 91), support::today(), None).unwrap();
    apply(&mut d, progress("T05", 93), support::today(), None).unwrap();
    c.save().unwrap();
    d.save_keeping(Some(bairi::store::merge::Keep::Mine))
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("progress   = 93")
    );
    assert!(
        !support::lock_held(&path),
        "the lock is released after saving"
    );
}

#[test]
fn a_failed_write_keeps_the_original_and_the_edits() {
    let (mut file, text, dir) = open();
    let path = dir.path().join("qinglan.toml");
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    // Replace the file by a directory of the same name: the write cannot complete.
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert!(file.save().is_err());
    assert!(file.dirty);
    std::fs::remove_dir(&path).unwrap();
    std::fs::write(&path, &text).unwrap();
    assert!(matches!(file.save(), Err(SaveError::ChangedOnDisk)) || file.save().is_ok());
}
