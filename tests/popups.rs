//! Pop-ups over Chinese cards, as a terminal shows them: the board and then each pop-up are
//! drawn through the lean backend into a terminal emulator, and the pop-up's left border must
//! stand whole on every row (a wide character cut at its edge once hid it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use bairi::app::action::Action;
use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::term::backend::LeanBackend;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// What a terminal of `w`×`h` shows after the board and then the board with `open` applied.
fn screen_after(w: u16, h: u16, open: &[Action]) -> vt100::Parser {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = CampaignFile::open(&path, Today::Date(today())).unwrap();
    let mut model = Model::new(file, today(), Lang::Zh);
    model.author = Some("li_mx".into());
    let (theme, keymap) = (Theme::default(), Keymap::default());
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal = Terminal::with_options(LeanBackend::new(Vec::new()), options).unwrap();
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(h).unwrap(),
        std::num::NonZeroU16::new(w).unwrap(),
        0,
    );
    let mut draw = |model: &Model, parser: &mut vt100::Parser| {
        let ctx = Ctx {
            model,
            theme: &theme,
            keymap: &keymap,
            now,
        };
        terminal.draw(|f| render(f, &ctx)).unwrap();
        parser.process(&std::mem::take(terminal.backend_mut().writer_mut()));
    };
    draw(&model, &mut parser);
    for action in open {
        update(&mut model, *action, today());
        draw(&model, &mut parser);
    }
    parser
}

/// The pop-up's top-left corner: the `┌` that starts the border holding `title`.
fn corner(parser: &vt100::Parser, title: &str) -> Option<(u16, u16)> {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    for y in 0..rows.get() {
        for x in 0..cols.get() {
            if screen.cell(y, x).is_none_or(|c| c.contents() != "┌") {
                continue;
            }
            let ahead: String = (x..cols.get().min(x + 40))
                .filter_map(|x| screen.cell(y, x).map(|c| c.contents().to_owned()))
                .collect();
            if ahead.contains(title) {
                return Some((y, x));
            }
        }
    }
    None
}

/// From the pop-up's `┌` down to its `└`, the left column is border on every row.
fn assert_left_border_whole(parser: &vt100::Parser, title: &str, what: &str) {
    let screen = parser.screen();
    let (y0, x) = corner(parser, title)
        .unwrap_or_else(|| panic!("{what}: no pop-up titled {title}\n{}", screen.contents()));
    for y in y0 + 1..screen.size().0.get() {
        let here = screen.cell(y, x).map(|c| c.contents()).unwrap_or_default();
        if here == "└" {
            return;
        }
        assert_eq!(
            here,
            "│",
            "{what}: row {y}, column {x} is not the border\n{}",
            screen.contents()
        );
    }
    panic!("{what}: the pop-up has no bottom\n{}", screen.contents());
}

#[test]
fn every_pop_up_keeps_its_left_border_over_chinese_cards() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (what, title, open) in [
            ("problem form", "新问题", vec![Action::Problem]),
            ("note form", "记录", vec![Action::Note]),
            ("help", "帮助", vec![Action::Help]),
            (
                "details, then a note",
                "记录",
                vec![Action::Open, Action::Note],
            ),
        ] {
            let parser = screen_after(w, h, &open);
            assert_left_border_whole(&parser, title, &format!("{what} at {w}x{h}"));
        }
    }
}
