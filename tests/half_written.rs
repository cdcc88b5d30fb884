//! Issue 14, defect 11: a file on disk caught half written (an editor that writes slowly)
//! is never merged as if its missing tasks were deleted. A file that does not load is read
//! again after short pauses and, if it still does not load, the save is refused with the
//! edits kept; a file that suddenly lost many tasks is treated the same way once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::PathBuf;

use tempfile::TempDir;

use bairi::store::file::{CampaignFile, SaveError};
use bairi::store::load::{Today, load_str};
use bairi::store::merge::theirs::{NotMerged, read_theirs};

use support::edits::{apply, note};
use support::today;

/// Adds a note to `task` as li_mx.
fn noted(file: &mut CampaignFile, task: &str, text: &str) {
    apply(file, note(task, text), today(), Some("li_mx")).unwrap();
}

/// The fixture with one change made elsewhere (a note on T05).
fn theirs(original: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut other = CampaignFile::open(&path, Today::Date(today())).unwrap();
    noted(&mut other, "T05", "他们的记录");
    let text = other.text().to_owned();
    assert_ne!(text, original);
    text
}

/// The example opened with my note on T01, not yet saved: the temp dir, the file's path,
/// the open file, and the whole text the file will have once [`theirs`] is written to it.
fn my_note_unsaved() -> (TempDir, PathBuf, CampaignFile, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let original = std::fs::read_to_string(&path).unwrap();
    let mut file = CampaignFile::open(&path, Today::Date(today())).unwrap();
    noted(&mut file, "T01", "我的记录");
    (dir, path, file, theirs(&original))
}

/// Where to cut `text` so that it ends inside a task's table (inside a string), as a slow
/// editor leaves it.
fn inside_a_task(text: &str) -> usize {
    text.find("县污水处理厂二期").unwrap() + 3
}

fn tasks(text: &str) -> usize {
    load_str(text, Today::Date(today()))
        .unwrap()
        .campaign
        .tasks
        .len()
}

#[test]
fn a_file_that_does_not_load_is_never_merged_and_the_edits_stay() {
    let (_dir, path, mut file, full) = my_note_unsaved();
    let cut = inside_a_task(&full);
    std::fs::write(&path, &full[..cut]).unwrap();
    let err = file.save().unwrap_err();
    assert!(
        matches!(err, SaveError::NotMerged(NotMerged::Unloadable(_))),
        "{err:?}"
    );
    let message = err.message();
    assert!(message.en.contains("does not load") && message.zh.contains("无法读取"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), &full[..cut]);
    assert!(file.dirty && file.text().contains("我的记录"));
    // The editor finishes: the next save merges both.
    std::fs::write(&path, &full).unwrap();
    file.save().unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("我的记录") && saved.contains("他们的记录"));
    assert_eq!(tasks(&saved), 13);
}

/// The merge reads the file again after each wait: here the waits are the test's, and the
/// editor finishes the file during the second one; the third read is merged, whole.
#[test]
fn a_file_finished_while_the_merge_waits_is_read_whole() {
    let (_dir, path, file, full) = my_note_unsaved();
    let cut = inside_a_task(&full);
    std::fs::write(&path, &full[..cut]).unwrap();
    let mut waits = Vec::new();
    let mut pause = |n: usize| {
        waits.push(n);
        if n == 1 {
            std::fs::write(&path, &full).unwrap();
        }
        true
    };
    let read = read_theirs(&path, today(), 13, None, &mut pause).unwrap();
    assert_eq!(read.unwrap().text, full);
    assert_eq!(waits, [0, 1], "read again after each wait, until it loads");
    assert!(file.dirty);
}

/// A file that never loads is read once and once more after each wait the merge is given,
/// then refused.
#[test]
fn a_file_still_half_written_when_the_waits_are_spent_is_refused() {
    let (_dir, path, _file, full) = my_note_unsaved();
    std::fs::write(&path, &full[..inside_a_task(&full)]).unwrap();
    let mut waits = Vec::new();
    let mut pause = |n: usize| {
        waits.push(n);
        n < 2
    };
    let read = read_theirs(&path, today(), 13, None, &mut pause).unwrap();
    assert!(matches!(read, Err(NotMerged::Unloadable(_))), "{read:?}");
    assert_eq!(waits, [0, 1, 2]);
}

/// The same through a save, with its usual waits: the editor finishes once the save is
/// seen holding the lock (it reads the file under it), not after a guessed time.
#[test]
fn a_file_finished_while_the_save_waits_is_merged_whole() {
    let (_dir, path, mut file, full) = my_note_unsaved();
    let cut = inside_a_task(&full);
    std::fs::write(&path, &full[..cut]).unwrap();
    let writer = {
        let (path, full) = (path.clone(), full.clone());
        std::thread::spawn(move || {
            support::wait_until("the save to hold the lock", || support::lock_held(&path));
            std::fs::write(&path, full).unwrap();
        })
    };
    file.save().unwrap();
    writer.join().unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("我的记录") && saved.contains("他们的记录"));
    assert_eq!(tasks(&saved), 13);
}

#[test]
fn a_file_cut_between_tasks_is_not_taken_as_deleting_them() {
    let (_dir, path, mut file, full) = my_note_unsaved();
    // Cut exactly before the 7th [[tasks]]: it still loads, with 6 of 13 tasks.
    let cut = full.match_indices("\n[[tasks]]\n").nth(6).unwrap().0 + 1;
    let half = &full[..cut];
    assert_eq!(tasks(half), 6);
    std::fs::write(&path, half).unwrap();
    let err = file.save().unwrap_err();
    assert!(
        matches!(
            err,
            SaveError::NotMerged(NotMerged::Vanished {
                had: 13,
                lost: 7,
                ..
            })
        ),
        "{err:?}"
    );
    assert!(err.message().en.contains("lost 7 of 13"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), half);
    assert!(file.dirty && file.campaign.tasks.len() == 13);
    // Still the same file at the next save: someone meant it.
    file.save().unwrap();
    assert_eq!(tasks(&std::fs::read_to_string(&path).unwrap()), 6);
}
