//! The help screen, generated from the keymap so it can never disagree with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::text::{cut, fit};
use crate::app::action::Action;
use crate::i18n::Text;
use crate::tr;

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let close = ctx.hints(&[(&[Action::Close, Action::Quit], Text::new("关闭", "closes"))]);
    let title = tr!(" 帮助 · 按键({close}) ", " Help · keys ({close}) ");
    let mut block = Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(ctx.t(&title), area.width.saturating_sub(2).into()),
            ctx.theme.title(true),
        ));
    let all = help_rows(ctx).len();
    let fits = usize::from(area.height.saturating_sub(2)) * if area.width >= 72 { 2 } else { 1 };
    if all > fits + ctx.model.help_scroll {
        let more = Text::new(" ↓/j 更多 ", " ↓/j more ");
        block = block
            .title_bottom(Line::styled(ctx.t(&more).to_owned(), ctx.theme.key()).right_aligned());
    }
    let inner = block.inner(area);
    super::clear_popup(frame, area);
    frame.render_widget(block, area);
    let rows: Vec<(String, String)> = help_rows(ctx)
        .into_iter()
        .skip(ctx.model.help_scroll.min(all.saturating_sub(1)))
        .collect();
    let height = usize::from(inner.height);
    // Two columns when the list is longer than the window and the window is wide enough.
    let columns = if rows.len() > height && inner.width >= 70 {
        2
    } else {
        1
    };
    let col_width = inner.width / columns;
    for c in 0..columns {
        let area = Rect::new(
            inner.x + c * col_width,
            inner.y,
            col_width.saturating_sub(1),
            inner.height,
        );
        let key_width = 10.min(usize::from(area.width) / 2);
        let text_width = usize::from(area.width).saturating_sub(key_width + 1);
        let lines: Vec<Line> = rows
            .iter()
            .skip(usize::from(c) * height)
            .take(height)
            .map(|(keys, what)| {
                Line::from(vec![
                    Span::styled(fit(keys, key_width), ctx.theme.key()),
                    Span::raw(" "),
                    Span::raw(cut(what, text_width)),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// (keys, what they do) for every bound action, in keymap order.
pub fn help_rows(ctx: &Ctx) -> Vec<(String, String)> {
    ctx.keymap
        .bindings()
        .map(|(action, _)| {
            (
                ctx.keymap.label(action),
                ctx.t(&action.describe()).to_owned(),
            )
        })
        .collect()
}
