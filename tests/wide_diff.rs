//! Screens drawn one after another through the lean backend: a terminal emulator fed the
//! bytes shows exactly the buffer, even where Chinese text gave way to borders (the second half
//! of a wide character must not be skipped); and Ctrl-L draws a spoiled screen whole again.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use bairi::app::action::Action;
use bairi::i18n::Lang;
use bairi::term::backend::LeanBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::Shared;

fn check_sequence(lang: Lang, w: u16, h: u16, steps: &[&[Action]]) {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", lang);
    let bytes = Shared::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut t = Terminal::with_options(LeanBackend::new(bytes.clone()), options).unwrap();
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(h).unwrap(),
        std::num::NonZeroU16::new(w).unwrap(),
        0,
    );
    let theme = bairi::ui::theme::Theme::default();
    let keymap = bairi::app::keymap::Keymap::default();
    let now = m.today.and_hms_opt(2, 0, 0).unwrap().and_utc();
    for (n, step) in steps.iter().enumerate() {
        support::press(&mut m, step);
        let completed = t
            .draw(|f| {
                let ctx = bairi::ui::Ctx {
                    model: &m,
                    theme: &theme,
                    keymap: &keymap,
                    now,
                };
                bairi::ui::render_mapped(f, &ctx);
            })
            .unwrap();
        let want = support::buffer_text(completed.buffer);
        parser.process(&bytes.take());
        let shown: Vec<String> = parser.screen().rows(0, w).collect();
        let want_rows: Vec<String> = want.lines().map(|l| l.trim_end().to_string()).collect();
        let shown_rows: Vec<String> = shown.iter().map(|l| l.trim_end().to_string()).collect();
        assert_eq!(shown_rows, want_rows, "step {n}");
    }
}

const DOWN5: &[Action] = &[Action::Down; 5];

/// Every view and pop-up in turn, with scrolling, so that each "more below" note over
/// Chinese text gives way to a border and back.
fn tour() -> Vec<&'static [Action]> {
    vec![
        &[],
        &[Action::ShowWall],
        DOWN5,
        DOWN5,
        &[Action::ShowLeaderboard],
        &[Action::Last],
        &[Action::ShowWall],
        &[Action::ShowStandup],
        &[Action::ShowBoard],
        &[Action::Search],
        &[Action::Close],
        &[Action::Filter],
        DOWN5,
        &[Action::Close],
        &[Action::Jump],
        &[Action::Close],
        &[Action::Help],
        &[Action::PageDown],
        &[Action::Close],
        &[Action::Open],
        DOWN5,
        &[Action::Close],
        &[Action::ShowWall],
        &[Action::ShowBoard],
    ]
}

#[test]
fn a_terminal_shows_each_frame_of_a_tour_in_chinese_at_80x24() {
    check_sequence(Lang::Zh, 80, 24, &tour());
}

#[test]
fn a_terminal_shows_each_frame_of_a_tour_in_english_at_80x24() {
    check_sequence(Lang::En, 80, 24, &tour());
}

#[test]
fn a_terminal_shows_each_frame_of_a_tour_at_200x50() {
    check_sequence(Lang::Zh, 200, 50, &tour());
}

/// The screen below the header (whose countdown ticks every second).
fn below_header(term: &support::pty::Term) -> Vec<String> {
    term.parser().screen().rows(0, 80).skip(1).collect()
}

#[test]
fn ctrl_l_draws_a_screen_another_program_spoiled_whole_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let mut term =
        support::pty::Term::spawn(&[file, "--today", "2026-11-22"], 80, 24, dir.path(), &[]);
    term.wait_for("第83天/100");
    term.wait_for("▶");
    term.pump(std::time::Duration::from_millis(300));
    let drawn = below_header(&term);
    // A `wall` message or a background job writes over the board.
    term.scribble("\x1b[5;3H广播:服务器将于今晚维护\x1b[12;40H\x1b[1K".as_bytes());
    assert_ne!(below_header(&term), drawn);
    term.send("\x0c");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while below_header(&term) != drawn && std::time::Instant::now() < deadline {
        term.pump(std::time::Duration::from_millis(50));
    }
    assert_eq!(below_header(&term), drawn, "{}", term.screen());
    term.send("q");
    assert!(term.wait_exit());
}
