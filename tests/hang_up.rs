//! A dropped link loses nothing: the pty's master is closed under the board, as sshd or tmux
//! does, and the board saves (or writes a recovery copy), keeps a draft, leaves no presence
//! entry and exits at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tempfile::TempDir;

use support::pty::Term;
use support::sshd::Link;
use support::{HeldLock, autosave_off, hold_lock, qinglan_copy, send_signal, the_recovery_copy};

const LIMIT: Duration = Duration::from_secs(2);

fn open(path: &Path, home: &Path) -> Link {
    let mut link = Link::spawn(
        &[path.to_str().unwrap(), "--today", "2026-11-22"],
        100,
        30,
        home,
        &[],
    );
    link.wait_for("▶智能装备园一期");
    link
}

/// A copy of the example with autosave off in a fresh folder: the folder, the file, its text.
fn a_copy_without_autosave() -> (TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    autosave_off(dir.path());
    let path = qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    (dir, path, before)
}

/// Moves the selected card (T01) one column right and waits for the board to say it is unsaved.
fn move_t01_unsaved(link: &mut Link) {
    link.send(">");
    link.wait_for("未保存");
}

/// Waits up to `limit` for the board to exit, then lets the lock go; the exit code.
fn exit_then_release(link: &mut Link, limit: Duration, holder: HeldLock) -> Option<i32> {
    let code = link.exit_within(limit);
    holder.release();
    code
}

fn presence_entries(dir: &Path) -> usize {
    std::fs::read_dir(dir.join(".bairi/qinglan.toml.presence"))
        .map_or(0, std::iter::Iterator::count)
}

fn recovery_copies(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".recovered-"))
        .collect();
    found.sort();
    found
}

#[test]
fn ten_hang_ups_with_a_pending_move_each_save_and_exit() {
    for round in 0..10 {
        let (dir, path, before) = a_copy_without_autosave();
        let mut link = open(&path, dir.path());
        assert_eq!(presence_entries(dir.path()), 1, "round {round}");
        move_t01_unsaved(&mut link);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
        let hung_up = Instant::now();
        link.hang_up();
        assert_eq!(link.exit_within(LIMIT), Some(0), "round {round}");
        assert!(hung_up.elapsed() < LIMIT);
        let after = std::fs::read_to_string(&path).unwrap();
        support::assert_t01_blocked(&before, &after);
        assert_eq!(presence_entries(dir.path()), 0, "round {round}");
        assert!(recovery_copies(dir.path()).is_empty());
    }
}

#[test]
fn a_half_typed_chinese_note_is_kept_as_a_draft_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut link = open(&path, dir.path());
    link.send("n");
    link.wait_for("T01 记录");
    link.send("厂房基础完成一半");
    link.wait_for("厂房基础完成一半");
    link.hang_up();
    assert_eq!(link.exit_within(LIMIT), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was saved");
    assert!(dir.path().join(".bairi/qinglan.toml.draft").exists());
    assert_eq!(presence_entries(dir.path()), 0);
    let file = path.to_str().unwrap();
    let mut again = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    again.wait_for("恢复了上次未完成的输入");
    again.wait_for("厂房基础完成一半");
    again.send("\u{1b}");
    again.pump(Duration::from_millis(200));
    again.send("q");
    assert!(again.wait_exit());
}

#[test]
fn an_open_problem_form_with_pending_edits_keeps_both() {
    let (dir, path, before) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    link.send("b");
    link.wait_for("问题");
    link.send("用地指标未落实");
    link.wait_for("用地指标未落实");
    link.hang_up();
    assert_eq!(link.exit_within(LIMIT), Some(0));
    let after = std::fs::read_to_string(&path).unwrap();
    support::assert_t01_blocked(&before, &after);
    let draft = std::fs::read_to_string(dir.path().join(".bairi/qinglan.toml.draft")).unwrap();
    assert!(draft.contains("用地指标未落实"), "{draft}");
    assert_eq!(presence_entries(dir.path()), 0);
}

#[test]
fn a_save_that_fails_at_hang_up_leaves_a_recovery_copy() {
    let (dir, path, _) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    let moved = dir.path().join("moved-away.toml");
    std::fs::rename(&path, &moved).unwrap();
    link.hang_up();
    assert_eq!(link.exit_within(LIMIT), Some(0));
    let kept = the_recovery_copy(dir.path());
    assert!(kept.contains("status     = \"受阻\""));
    assert_eq!(presence_entries(dir.path()), 0);
}

#[test]
fn a_lock_held_elsewhere_at_hang_up_leaves_a_recovery_copy_within_the_limit() {
    let (dir, path, before) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    let holder = hold_lock(&path);
    let hung_up = Instant::now();
    link.hang_up();
    let code = exit_then_release(&mut link, LIMIT, holder);
    assert_eq!(code, Some(0));
    assert!(hung_up.elapsed() < LIMIT);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let kept = the_recovery_copy(dir.path());
    assert!(kept.contains("status     = \"受阻\""));
    assert_eq!(presence_entries(dir.path()), 0);
}

/// One SIGTERM while a save waits for a lock held elsewhere is handled in full: the save
/// is given its time, the presence entry goes, then the edits go to a recovery copy and the
/// board exits 0 (see the lock test above). A second SIGTERM, sent once the first is seen
/// being handled (the presence entry gone, the recovery copy not yet written), ends the
/// process at once with status 1: no recovery copy, the file untouched. Only the
/// second-signal handling gives status 1 and no copy.
#[test]
fn sigterm_twice_ends_a_board_stuck_in_a_save() {
    let (dir, path, before) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    let holder = hold_lock(&path);
    link.send("s");
    link.wait_for("保存中");
    send_signal(link.pid(), "TERM");
    support::wait_until("the first SIGTERM to be handled", || {
        link.pump(Duration::from_millis(5));
        presence_entries(dir.path()) == 0
    });
    assert!(
        recovery_copies(dir.path()).is_empty(),
        "the first SIGTERM alone already wrote its copy: too late for a second"
    );
    send_signal(link.pid(), "TERM");
    let code = exit_then_release(&mut link, LIMIT, holder);
    assert_eq!(code, Some(1), "the second SIGTERM ends the process at once");
    assert!(
        recovery_copies(dir.path()).is_empty(),
        "{:?}",
        recovery_copies(dir.path())
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn sigterm_with_the_terminal_open_saves_and_exits_0() {
    let (dir, path, before) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    send_signal(link.pid(), "TERM");
    assert_eq!(link.exit_within(LIMIT), Some(0));
    let after = std::fs::read_to_string(&path).unwrap();
    support::assert_t01_blocked(&before, &after);
    assert_eq!(presence_entries(dir.path()), 0);
}

#[test]
fn edits_waiting_behind_a_stuck_save_reach_the_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let ticked = before.matches("done = true").count();
    let mut link = open(&path, dir.path());
    let holder = hold_lock(&path);
    link.send("x");
    link.wait_for("保存中");
    link.send("j");
    link.send("x");
    link.send("n");
    link.send("排队中的记录");
    link.hang_up();
    let code = exit_then_release(&mut link, LIMIT, holder);
    assert_eq!(code, Some(0));
    let kept = the_recovery_copy(dir.path());
    assert_eq!(
        kept.matches("done = true").count(),
        ticked + 2,
        "both ticks"
    );
    let draft = std::fs::read_to_string(dir.path().join(".bairi/qinglan.toml.draft")).unwrap();
    assert!(draft.contains("排队中的记录"), "{draft}");
    assert_eq!(presence_entries(dir.path()), 0);
}

#[test]
fn boards_that_lose_the_link_together_keep_one_recovery_copy_each() {
    let dir = tempfile::tempdir().unwrap();
    autosave_off(dir.path());
    let path = qinglan_copy(dir.path());
    let mut links: Vec<Link> = (0..3).map(|_| open(&path, dir.path())).collect();
    for (i, link) in links.iter_mut().enumerate() {
        for _ in 0..i {
            link.send("j");
        }
        link.send("x");
        link.wait_for("未保存");
    }
    std::fs::rename(&path, dir.path().join("away.toml")).unwrap();
    for link in &mut links {
        link.hang_up();
    }
    for link in &mut links {
        assert_eq!(link.exit_within(LIMIT), Some(0));
    }
    assert_eq!(recovery_copies(dir.path()).len(), 3);
}

#[test]
fn with_nowhere_beside_the_campaign_the_edits_go_to_the_home_directory() {
    let dir = tempfile::tempdir().unwrap();
    autosave_off(dir.path());
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let path = qinglan_copy(&work);
    // The data directory cannot be made: its parent is a file.
    std::fs::write(dir.path().join("data"), "not a folder").unwrap();
    let mut link = open(&path, dir.path());
    link.send("x");
    link.wait_for("未保存");
    std::fs::remove_dir_all(&work).unwrap();
    link.hang_up();
    assert_eq!(link.exit_within(LIMIT), Some(0));
    let copies = recovery_copies(dir.path());
    assert_eq!(copies.len(), 1, "{copies:?}");
}

#[test]
fn a_draft_for_a_task_that_is_gone_is_kept_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let draft = dir.path().join(".bairi/qinglan.toml.draft");
    std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
    std::fs::write(
        &draft,
        "kind = \"note\"\ntask = \"T99\"\nextra = \"\"\n[fields]\ntext = \"孤儿\"\n",
    )
    .unwrap();
    let mut link = open(&path, dir.path());
    link.wait_for("T99");
    assert!(link.screen().contains("已不存在"), "{}", link.screen());
    assert!(draft.exists(), "the draft is kept");
    link.send("q");
    assert_eq!(link.exit_within(LIMIT), Some(0));
    assert!(draft.exists());
}

/// Issue 24, defect 1: a recovery copy's name is predictable (time and process id); a link
/// planted there is replaced by the copy, and the file it pointed at is left alone.
#[test]
fn a_link_planted_at_the_recovery_name_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = qinglan_copy(dir.path());
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00+08:00")
        .unwrap()
        .to_utc();
    let stamp = now.with_timezone(&chrono::Local).format("%Y%m%d-%H%M%S");
    let name = format!("qinglan.toml.recovered-{stamp}-{}.toml", std::process::id());
    let victim = dir.path().join("profile");
    std::fs::write(&victim, "mine").unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(&name)).unwrap();
    let written = bairi::shell::write_recovery_text(&campaign, "edits", now).unwrap();
    assert_eq!(written, dir.path().join(&name));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "mine");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), "edits");
}

/// Issue 23, defect 14: the last save is still waiting when the wait runs out, and the edit
/// reaches the file anyway (here another process made the same move while holding the
/// lock; at 10,000 tasks, a merging save that finishes late). A recovery copy would lack
/// whatever else the file took in: none is written, and the edit is in the file.
#[test]
fn an_edit_already_in_the_file_at_hang_up_leaves_no_recovery_copy() {
    let (dir, path, before) = a_copy_without_autosave();
    let mut link = open(&path, dir.path());
    move_t01_unsaved(&mut link);
    let holder = hold_lock(&path);
    let hung_up = Instant::now();
    link.hang_up();
    let t01 = before.find("id         = \"T01\"").unwrap();
    let status = t01 + before[t01..].find("status     = \"推进中\"").unwrap();
    let mut same_move = before.clone();
    same_move.replace_range(
        status..status + "status     = \"推进中\"".len(),
        "status     = \"受阻\"",
    );
    let last_note =
        same_move.find("昼夜交叉作业。\" },\n").unwrap() + "昼夜交叉作业。\" },\n".len();
    same_move.insert_str(
        last_note,
        "  { date = 2026-11-22, by = \"li_mx\", kind = \"状态\", text = \"推进中→受阻\" },\n",
    );
    std::fs::write(&path, &same_move).unwrap();
    std::thread::sleep(Duration::from_millis(800).saturating_sub(hung_up.elapsed()));
    holder.release();
    assert_eq!(link.exit_within(LIMIT), Some(0));
    assert!(
        recovery_copies(dir.path()).is_empty(),
        "{:?}",
        recovery_copies(dir.path())
    );
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now[t01..].starts_with("id         = \"T01\""));
    assert!(now[status..].starts_with("status     = \"受阻\""));
}
