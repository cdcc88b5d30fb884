//! `E`'s menu: the formats the view on screen can be exported in, the chosen one highlighted,
//! and its keys (from the keymap) at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::form::frame_block;
use super::text::fit;
use crate::app::action::Action;
use crate::app::export::{ExportFormat, title};
use crate::i18n::Text;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, pick: usize) {
    let hints = ctx.hints(&[
        (&[Action::Up, Action::Down], Text::new("选择", "choose")),
        (&[Action::Open], Text::new("导出", "export")),
        (&[Action::Close], Text::new("取消", "cancel")),
    ]);
    let width = (super::text::width(&hints) + 4).clamp(36, 60) as u16;
    let height = ExportFormat::ALL.len() as u16 + 4;
    let area = super::popup_area(area, width, height);
    super::clear_popup(frame, area);
    let block = frame_block(ctx, ctx.t(&title(ctx.model)), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 4 {
        return;
    }
    let cols = usize::from(inner.width);
    let mut lines: Vec<Line> = ExportFormat::ALL
        .iter()
        .enumerate()
        .map(|(i, format)| {
            let (mark, style) = if i == pick {
                (ctx.theme.glyphs.selected, ctx.theme.selected())
            } else {
                (" ", Style::new())
            };
            let label = format!("{mark} {}", ctx.t(&format.label()));
            Line::styled(fit(&label, cols), style)
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(&hints, cols), ctx.theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}
