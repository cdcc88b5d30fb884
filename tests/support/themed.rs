//! The board drawn with a chosen theme, as a buffer whose colours a test can read.

use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::ui::theme::Theme;
use ratatui::buffer::Buffer;

/// The model drawn at `w`×`h` with `theme` and the default keys, at 02:00 UTC on its day.
pub fn buffer_with(model: &Model, theme: &Theme, w: u16, h: u16) -> Buffer {
    let backend = ratatui::backend::TestBackend::new(w, h);
    let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
    let now = (model.today.and_hms_opt(2, 0, 0))
        .expect("a time of day")
        .and_utc();
    let keymap = Keymap::default();
    terminal
        .draw(|f| {
            let ctx = bairi::ui::Ctx {
                model,
                theme,
                keymap: &keymap,
                now,
            };
            bairi::ui::render(f, &ctx);
        })
        .expect("draws");
    terminal.backend().buffer().clone()
}
