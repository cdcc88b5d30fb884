//! The mouse in the real binary: SGR mouse reports written to the pty (`ESC[<0;X;YM` press,
//! `m` release, 64/65 wheel up/down; X and Y count from 1), and `mouse = false` leaving the
//! terminal's mouse alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::pty::Term;
use support::{qinglan_copy, write_config};

const NOW: (&str, &str) = ("BAIRI_NOW", "2026-11-22T10:00:00+08:00");

fn open(dir: &std::path::Path) -> Term {
    let path = qinglan_copy(dir);
    let file = path.to_str().expect("utf-8").to_owned();
    let mut term = Term::spawn(&[&file, "--today", "2026-11-22"], 80, 24, dir, &[NOW]);
    term.wait_for("▶智能装备园一");
    term
}

/// The column (from 1) inside the header's tab `label`, wherever the tabs now stand.
fn tab_column(term: &Term, label: &str) -> u16 {
    let header = term.screen().lines().next().unwrap_or_default().to_owned();
    let at = header.find(label).expect("the tab");
    u16::try_from(unicode_width::UnicodeWidthStr::width(&header[..at]) + 2).unwrap()
}

fn click(term: &mut Term, x: u16, y: u16) {
    term.send(&format!("\u{1b}[<0;{x};{y}M\u{1b}[<0;{x};{y}m"));
}

#[test]
fn a_click_selects_a_double_click_opens_and_a_tab_switches_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = open(dir.path());
    assert!(
        String::from_utf8_lossy(&term.bytes).contains("\u{1b}[?1000h"),
        "mouse capture is on by default"
    );
    // 污水厂二期 (T02) is the first card of the third column (blocked), on screen row 4.
    click(&mut term, 36, 4);
    term.wait_for("▶堵 污水厂二期");
    click(&mut term, 36, 4);
    click(&mut term, 36, 4);
    term.wait_for("县污水处理厂二期工程");
    term.send("\u{1b}");
    term.wait_for("▶堵 污水厂二期");
    // The header's third tab (3擂台榜), on the right of the first line, wherever it now stands.
    let leaderboard = tab_column(&term, "3擂台榜");
    click(&mut term, leaderboard, 1);
    term.wait_for("全县节点完成率");
    let board = tab_column(&term, "1看板");
    click(&mut term, board, 1);
    term.wait_for("▶堵 污水厂二期");
    term.send("q");
    assert!(term.wait_exit());
    assert!(
        String::from_utf8_lossy(&term.bytes).contains("\u{1b}[?1000l"),
        "mouse capture is switched off on the way out"
    );
}

#[test]
fn the_wheel_scrolls_a_column_to_its_last_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut term = open(dir.path());
    for _ in 0..7 {
        term.send("\u{1b}[<65;20;5M");
    }
    term.wait_for("↑2");
    term.wait_for("▶城东小学扩建");
    term.send("\u{1b}[<64;20;5M");
    term.wait_for("↑1");
    term.send("q");
    assert!(term.wait_exit());
}

#[test]
fn mouse_false_leaves_capture_off_and_keys_work() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "mouse = false\n");
    let mut term = open(dir.path());
    term.send("j");
    term.wait_for("▶新材料三期");
    term.send("q");
    assert!(term.wait_exit());
    let written = String::from_utf8_lossy(&term.bytes);
    assert!(
        !written.contains("\u{1b}[?1000h"),
        "capture was switched on"
    );
    assert!(!written.contains("\u{1b}[?1006h"));
}
