//! The real binary: type a Chinese note, undo it, redo it, and check the file each time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::pty::Term;
use support::qinglan_copy;

#[test]
fn a_chinese_note_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let args = [path.to_str().unwrap(), "--today", "2026-11-22"];
    let mut term = Term::spawn(&args, 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send("n");
    term.wait_for("T01 记录");
    // Typed text and a bracketed paste (as an input method or a paste delivers it).
    term.send("厂房");
    term.send("\u{1b}[200~基础完成,\"验收\"通过\u{1b}[201~");
    term.wait_for("厂房基础完成");
    term.send("\r");
    term.wait_for("T01 已记录");
    let noted = std::fs::read_to_string(&path).unwrap();
    let line = "  { date = 2026-11-22, by = \"li_mx\", text = \"厂房基础完成,\\\"验收\\\"通过\" },";
    assert!(noted.contains(line), "{noted}");
    assert_eq!(noted.len(), before.len() + line.len() + 1);

    term.send("u");
    term.wait_for("已撤销");
    // The save follows on the store worker.
    let on_disk = |term: &mut Term, want: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while std::fs::read_to_string(&path).unwrap() != want {
            assert!(
                std::time::Instant::now() < deadline,
                "not saved as expected"
            );
            term.pump(std::time::Duration::from_millis(20));
        }
    };
    on_disk(&mut term, &before);
    term.send("\u{12}"); // Ctrl-r
    term.wait_for("已重做");
    on_disk(&mut term, &noted);
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn find_jumps_to_a_task_and_x_ticks_its_next_milestone() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let args = [
        path.to_str().unwrap(),
        "--today",
        "2026-11-22",
        "--lang",
        "en",
    ];
    let mut term = Term::spawn(&args, 100, 30, dir.path(), &[]);
    term.wait_for("Day 83/100");
    term.send("/");
    term.wait_for("Find a task");
    term.send("污水");
    term.wait_for("T02 县污水处理厂二期工程");
    term.send("\r");
    term.wait_for("▶BLK 污水厂二期");
    term.send("x");
    term.wait_for("ticked T02");
    // The store worker saves it a moment after the screen says so.
    let ticked = "due = 2026-11-20, done = true, done_on = 2026-11-22 },";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&path).unwrap().contains(ticked)
        && std::time::Instant::now() < deadline
    {
        term.pump(std::time::Duration::from_millis(50));
    }
    assert!(std::fs::read_to_string(&path).unwrap().contains(ticked));
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn the_stand_up_notes_the_first_red_task() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let args = [path.to_str().unwrap(), "--today", "2026-11-22"];
    let mut term = Term::spawn(&args, 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send("2");
    term.wait_for("站会 · 红灯、黄灯任务 · 1/5");
    term.wait_for("T02 县污水处理厂二期工程");
    term.send("n");
    term.wait_for("T02 记录");
    term.send("许可今日下达");
    term.send("\r");
    term.wait_for("T02 已记录");
    term.send(" ");
    term.wait_for("T08 产业园扩区地块养殖场清退");
    term.send("\u{1b}");
    term.wait_for("▶");
    term.send("q");
    assert!(term.wait_exit());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("  { date = 2026-11-22, by = \"li_mx\", text = \"许可今日下达\" },\n]\n\n[[tasks.problems]]\nid          = \"T02-P1\""), "the note ends T02's log");
}

#[test]
fn present_cycles_on_its_own_and_q_quits() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let args = [
        "present",
        path.to_str().unwrap(),
        "--today",
        "2026-11-22",
        "--seconds",
        "1",
    ];
    let mut term = Term::spawn(&args, 100, 30, dir.path(), &[]);
    term.wait_for("剩余天数");
    term.send("n");
    term.wait_for("擂台榜");
    term.send("q");
    assert!(term.wait_exit());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
