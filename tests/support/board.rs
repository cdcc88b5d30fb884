//! The board without a terminal, for tests that drive `update`: the qinglan campaign opened
//! as a model, actions pressed, a frame drawn at a fixed instant.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use bairi::app::action::Action;
use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::i18n::Lang;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};

/// The qinglan board on `today`, with `author` editing (none: the first edit asks).
pub fn model(today: &str, lang: Lang, author: Option<&str>) -> (Model, tempfile::TempDir) {
    let (m, dir, _) = model_with(today, lang, author, |text| text);
    (m, dir)
}

/// The same, with the copy's text changed by `change` before it is opened; also its path.
pub fn model_with(
    today: &str,
    lang: Lang,
    author: Option<&str>,
    change: impl FnOnce(String) -> String,
) -> (Model, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = super::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).expect("the copy reads");
    std::fs::write(&path, change(text)).expect("the copy is written");
    let mut m = super::model_of(&path, today, lang);
    m.author = author.map(str::to_owned);
    (m, dir, path)
}

/// Applies `actions` in order (as already decided); returns every effect asked for.
pub fn press(m: &mut Model, actions: &[Action]) -> Vec<Effect> {
    actions
        .iter()
        .flat_map(|a| update(m, Msg::Action(*a)))
        .collect()
}

/// Draws the board at `width`×`height` with `keymap`, at 2026-11-22 02:00 UTC.
pub fn draw(model: &Model, keymap: &Keymap, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 22, 2, 0, 0)
        .single()
        .expect("a fixed instant");
    let theme = Theme::default();
    let ctx = Ctx {
        model,
        theme: &theme,
        keymap,
        now,
    };
    terminal.draw(|f| render(f, &ctx)).expect("drawn");
    terminal.backend().buffer().clone()
}
