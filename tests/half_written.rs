//! Issue 14, defect 11: a file on disk caught half written (an editor that writes slowly)
//! is never merged as if its missing tasks were deleted. A file that does not load is read
//! again after short pauses and, if it still does not load, the save is refused with the
//! edits kept; a file that suddenly lost many tasks is treated the same way once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::PathBuf;
use std::time::Duration;

use tempfile::TempDir;

use bairi::domain::LogEntry;
use bairi::store::file::{CampaignFile, SaveError};
use bairi::store::load::{Today, load_str};
use bairi::store::merge::theirs::NotMerged;

fn note(text: &str) -> LogEntry {
    LogEntry {
        date: support::today(),
        text: text.into(),
        by: Some("li_mx".into()),
        kind: None,
    }
}

/// The fixture with one change made elsewhere (a note on T05).
fn theirs(original: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut other = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    other.append_log("T05", note("他们的记录")).unwrap();
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
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    file.append_log("T01", note("我的记录")).unwrap();
    (dir, path, file, theirs(&original))
}

/// Where to cut `text` so that it ends inside a task's table (inside a string), as a slow
/// editor leaves it.
fn inside_a_task(text: &str) -> usize {
    text.find("县污水处理厂二期").unwrap() + 3
}

fn tasks(text: &str) -> usize {
    load_str(text, Today::Date(support::today()))
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

#[test]
fn a_file_finished_while_the_save_waits_is_merged_whole() {
    let (_dir, path, mut file, full) = my_note_unsaved();
    let cut = inside_a_task(&full);
    std::fs::write(&path, &full[..cut]).unwrap();
    let writer = {
        let (path, full) = (path.clone(), full.clone());
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(60));
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
