//! A drawn frame made to say what a terminal will show: the columns a wide (Chinese)
//! character covers hold nothing of their own.
//!
//! ratatui's `Paragraph` writes a wide character without clearing the column it spills into,
//! so a border or an older character stays there in the buffer while the terminal shows the
//! wide one. ratatui's diff then believes the stale cell is on screen and skips it when the
//! next frame draws the same thing there (a `─` of a border): the terminal keeps a gap.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Resets every cell hidden under the second half of a wide character, as the terminal has it.
pub(crate) fn blank_under_wide(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let width = u16::try_from(buffer[(x, y)].symbol().width())
                .unwrap_or(1)
                .max(1);
            for step in 1..width {
                let hidden = x.saturating_add(step);
                if hidden < area.right() {
                    buffer[(hidden, y)].reset();
                }
            }
            x = x.saturating_add(width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn the_column_under_a_wide_character_is_reset() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 1));
        buffer.set_string(0, 0, "──────", ratatui::style::Style::new());
        buffer[(1, 0)].set_symbol("还");
        blank_under_wide(&mut buffer);
        let symbols: Vec<&str> = (0..6).map(|x| buffer[(x, 0)].symbol()).collect();
        assert_eq!(symbols, ["─", "还", " ", "─", "─", "─"]);
    }
}
