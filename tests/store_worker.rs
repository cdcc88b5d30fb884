//! Saves run beside the board, not in its way: with the lock held elsewhere a save waits, the
//! board still moves at once and shows `[保存中…]`, and edits typed meanwhile wait for the
//! save, in order, then happen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use support::pty::Term;
use support::{autosave_off, hold_lock, qinglan_copy};

/// The example with autosave off, on a board where T01 was moved right and not yet saved.
fn t01_moved_unsaved() -> (TempDir, PathBuf, Term) {
    let dir = tempfile::tempdir().unwrap();
    autosave_off(dir.path());
    let path = qinglan_copy(dir.path());
    let mut term = Term::board(&path, 120, 40, dir.path());
    term.send(">");
    term.wait_for("未保存");
    (dir, path, term)
}

/// T01's status in the file at `path` as it is now.
fn t01_status(path: &Path) -> bairi::domain::Status {
    let today = bairi::store::load::Today::Date(support::today());
    let file = bairi::store::file::CampaignFile::open(path, today).unwrap();
    file.campaign.task("T01").unwrap().status
}

/// Asserts that the board exits cleanly and the file it leaves has T01 moved to blocked.
fn exits_leaving_t01_blocked(term: &mut Term, path: &Path) {
    assert!(term.wait_exit(), "{}", term.screen());
    assert_eq!(t01_status(path), bairi::domain::Status::Blocked);
}

/// Asks to quit with edits unsaved and answers "save, then quit".
fn save_and_quit(term: &mut Term) {
    term.send("q");
    term.wait_for("s 保存后退出");
    term.send("s");
}

#[test]
fn the_board_answers_while_a_save_waits_and_edits_follow_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut term = Term::board(&path, 120, 40, dir.path());
    let holder = hold_lock(&path);
    term.send(">");
    term.wait_for("保存中");
    // Moving is answered while the save waits for the lock.
    term.send("j");
    let moved = Instant::now();
    while term.screen().contains("▶智能装备园一期") {
        assert!(
            moved.elapsed() < Duration::from_secs(2),
            "{}",
            term.screen()
        );
        term.pump(Duration::from_millis(20));
    }
    assert!(term.screen().contains("保存中"), "{}", term.screen());
    // A note waits for the save; so does what is typed after it.
    term.send("n");
    term.send("第二次督导");
    term.pump(Duration::from_millis(300));
    assert!(!term.screen().contains("记录(Enter"), "{}", term.screen());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "not saved while the lock is held"
    );
    holder.release();
    term.wait_for("第二次督导");
    term.send("\r");
    term.wait_for("已记录");
    term.send("q");
    assert!(term.wait_exit(), "{}", term.screen());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("text = \"第二次督导\""), "{text}");
    assert_eq!(t01_status(&path), bairi::domain::Status::Blocked);
}

#[test]
fn save_and_quit_waits_for_its_save() {
    let (_dir, path, mut term) = t01_moved_unsaved();
    let holder = hold_lock(&path);
    save_and_quit(&mut term);
    term.wait_for("保存中");
    // Still running, and waiting at the lock for its save (not gone without it).
    let pid = term.pid().unwrap();
    support::wait_until("the board to wait at the lock", || {
        term.pump(Duration::from_millis(5));
        support::locks::has_lock_open(pid, &path)
    });
    holder.release();
    exits_leaving_t01_blocked(&mut term, &path);
}

#[test]
fn save_and_quit_stays_open_when_the_save_fails() {
    let (dir, path, mut term) = t01_moved_unsaved();
    std::fs::rename(&path, dir.path().join("elsewhere.toml")).unwrap();
    save_and_quit(&mut term);
    term.wait_for("保存失败");
    term.pump(Duration::from_millis(300));
    assert!(term.screen().contains("未保存"), "{}", term.screen());
    std::fs::rename(dir.path().join("elsewhere.toml"), &path).unwrap();
    term.send("s");
    term.wait_for("已保存");
    term.send("q");
    exits_leaving_t01_blocked(&mut term, &path);
}

#[test]
fn keys_pressed_while_save_and_quit_waits_are_done_and_the_board_stays() {
    let dir = tempfile::tempdir().unwrap();
    autosave_off(dir.path());
    let path = qinglan_copy(dir.path());
    let ticked = std::fs::read_to_string(&path)
        .unwrap()
        .matches("done = true")
        .count();
    let mut term = Term::board(&path, 120, 40, dir.path());
    term.send("x");
    term.wait_for("未保存");
    let holder = hold_lock(&path);
    save_and_quit(&mut term);
    term.wait_for("保存中");
    term.send("j");
    term.pump(Duration::from_millis(100));
    term.send("x");
    term.pump(Duration::from_millis(200));
    holder.release();
    term.wait_for("未退出");
    assert!(term.screen().contains("未保存"), "{}", term.screen());
    term.send("s");
    term.wait_for("已保存");
    term.send("q");
    assert!(term.wait_exit(), "{}", term.screen());
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after.matches("done = true").count(), ticked + 2);
}
