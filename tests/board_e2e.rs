//! The real binary in a pseudo-terminal: open the board, move a card, quit, check the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::time::Duration;

use support::pty::Term;
use support::qinglan_copy;

/// Another process (another lead's bairi) runs `bairi ARGS`, which must succeed.
fn other_bairi(args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn moving_a_card_changes_exactly_its_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 120, 40, dir.path(), &[]);
    term.wait_for("第83天/100");
    term.wait_for("▶智能装备园一期");
    term.send(">");
    term.wait_for("T01 → 受阻");
    term.send("q");
    assert!(
        term.wait_exit(),
        "bairi exited with an error:\n{}",
        term.screen()
    );
    let after = std::fs::read_to_string(&path).unwrap();
    support::assert_t01_blocked(&before, &after);
}

#[test]
fn a_refused_move_says_why_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(
        &[file, "--today", "2026-11-22", "--lang", "en"],
        80,
        24,
        dir.path(),
        &[],
    );
    term.wait_for("Day 83/100");
    // T02 is blocked with undone milestones: pending sign-off is refused.
    term.send("l");
    term.wait_for("▶");
    term.send(">");
    term.pump(Duration::from_millis(300));
    assert!(term.screen().contains("milestone"), "{}", term.screen());
    term.send("q");
    assert!(term.wait_exit());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_bad_file_prints_its_errors_before_any_screen_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "schema_version = 1\n[campaign]\nname = \"x\"\nstart = \"soon\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .arg(&path)
        .env("LANG", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:4:9: error"), "{err}");
    assert!(!err.contains("\u{1b}[?1049h"), "the screen was taken over");
}

#[test]
fn a_bare_bairi_opens_the_demo_on_day_40() {
    let home = tempfile::tempdir().unwrap();
    let mut term = Term::spawn(&[], 100, 30, home.path(), &[]);
    term.wait_for("第40天/100");
    term.wait_for("已在");
    term.send("q");
    assert!(term.wait_exit());
    let demo = home.path().join("data/bairi/demo.toml");
    assert!(demo.exists(), "the demo copy is in the data dir");
}

#[test]
fn a_hang_up_saves_pending_edits_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    support::autosave_off(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let mut term = Term::board(&path, 100, 30, dir.path());
    term.send(">");
    term.wait_for("未保存");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "autosave is off"
    );
    support::send_signal(term.pid().unwrap(), "HUP");
    term.wait_exit();
    let after = std::fs::read_to_string(&path).unwrap();
    support::assert_t01_blocked(&before, &after);
}

#[test]
fn escape_sequences_in_titles_are_drawn_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "short      = \"智能装备园一期\"",
        "short      = \"\\u001b]0;PWNED\\u0007\\u202e装备园\\u001b[31m\"",
    );
    std::fs::write(&path, text).unwrap();
    let mut term = Term::spawn(
        &[path.to_str().unwrap(), "--today", "2026-11-22"],
        100,
        30,
        dir.path(),
        &[],
    );
    term.wait_for("▶]0;PWNED装备园");
    term.send("q");
    assert!(term.wait_exit());
    let bytes = String::from_utf8_lossy(&term.bytes);
    assert!(
        !bytes.contains("\u{1b}]0;PWNED"),
        "an OSC from the data reached the terminal"
    );
    assert!(!bytes.contains('\u{202e}'));
}

#[test]
fn outside_changes_are_reloaded_keeping_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send("j");
    term.wait_for("▶新材料三期");
    // Another process (another lead's bairi) moves T01 and notes T03.
    other_bairi(&["move", file, "T01", "blocked", "--today", "2026-11-22"]);
    other_bairi(&["note", file, "T03", "外部记录", "--today", "2026-11-22"]);
    term.wait_for("已重新载入");
    term.wait_for("受阻 3");
    assert!(
        term.screen().contains("▶新材料三期"),
        "the selection stays:\n{}",
        term.screen()
    );
    term.send("q");
    assert!(term.wait_exit());
    assert!(std::fs::read_to_string(&path).unwrap().contains("外部记录"));
}

#[test]
fn two_processes_merge_and_a_true_conflict_asks() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    support::autosave_off(dir.path());
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send(">"); // T01 → blocked, unsaved here
    term.wait_for("未保存");
    other_bairi(&[
        "note",
        file,
        "T03",
        "另一位同事的记录",
        "--today",
        "2026-11-22",
    ]);
    other_bairi(&["move", file, "T04", "blocked", "--today", "2026-11-22"]);
    term.send("s");
    term.wait_for("已保存");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("另一位同事的记录"), "their note survives");
    assert_eq!(
        text.matches("status     = \"受阻\"").count(),
        4,
        "T01 (mine) and T04 (theirs) both blocked, with T02 and T08"
    );
    // The same field both ways.
    term.send(">"); // T01 → pending sign-off is refused; move it back instead
    term.send("<");
    term.wait_for("未保存");
    other_bairi(&["move", file, "T01", "not_started", "--today", "2026-11-22"]);
    term.send("s");
    term.wait_for("冲突");
    term.send("m");
    term.wait_for("已保存");
    let text = std::fs::read_to_string(&path).unwrap();
    let t01 = text.find("id         = \"T01\"").unwrap();
    assert!(
        text[t01..t01 + 600].contains("status     = \"推进中\""),
        "mine kept"
    );
    term.send("q");
    assert!(term.wait_exit());
    assert!(!support::lock_held(&path));
}

#[test]
fn the_header_shows_who_else_has_the_board_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut first = Term::spawn(
        &[file, "--today", "2026-11-22"],
        120,
        30,
        dir.path(),
        &[("USER", "wang")],
    );
    first.wait_for("▶智能装备园一期");
    let mut second = Term::spawn(
        &[file, "--today", "2026-11-22"],
        120,
        30,
        dir.path(),
        &[("USER", "li")],
    );
    second.wait_for("[同时打开:wang@");
    first.wait_for("[同时打开:li@");
    second.send("q");
    assert!(second.wait_exit());
    first.pump(Duration::from_millis(2500));
    assert!(
        !first.screen().contains("同时打开"),
        "li left:\n{}",
        first.screen()
    );
    first.send("q");
    assert!(first.wait_exit());
    let presence = dir.path().join(".bairi/qinglan.toml.presence");
    assert!(!presence.exists(), "nothing left behind");
}

#[test]
fn a_half_typed_note_survives_a_hang_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send("n");
    term.wait_for("T01 记录");
    term.send("厂房基础完成一半");
    term.wait_for("厂房基础完成一半");
    support::send_signal(term.pid().unwrap(), "HUP");
    term.wait_exit();
    let draft = dir.path().join(".bairi/qinglan.toml.draft");
    assert!(draft.exists(), "the draft is kept");
    let mut again = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    again.wait_for("恢复了上次未完成的输入");
    again.wait_for("厂房基础完成一半");
    again.send(",明日完成");
    again.send("\r");
    again.wait_for("T01 已记录");
    again.send("q");
    assert!(again.wait_exit());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("text = \"厂房基础完成一半,明日完成\"")
    );
    assert!(!draft.exists());
}

#[test]
fn quitting_without_saving_drops_the_edits_as_the_prompt_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    support::autosave_off(dir.path());
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send(">");
    term.wait_for("未保存");
    term.send("q");
    term.wait_for("y 不保存退出");
    term.send("y");
    assert!(term.wait_exit());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "y means: do not save"
    );
}
