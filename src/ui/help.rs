//! The help screen, generated from the keymap so it can never disagree with the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::text::{cut, fit, width, wrap};
use crate::app::action::Action;
use crate::i18n::Text;
use crate::tr;

/// The widest the help pop-up grows: two columns of the longest English lines side by side.
pub(crate) const MAX_WIDTH: u16 = 150;

/// The narrowest description column worth splitting the help into two for.
const MIN_TEXT: usize = 34;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let close = ctx.hints(&[(&[Action::Close, Action::Quit], Text::new("关闭", "closes"))]);
    let title = tr!(" 帮助 · 按键({close}) ", " Help · keys ({close}) ");
    let mut block = super::titled_block(ctx, ctx.t(&title), area);
    let inner = block.inner(area);
    let rows = help_rows(ctx);
    // Scrolled no further than to the page that ends with the last row.
    let (columns, more) = page(&rows, ctx.model.help_scroll, inner.width, inner.height);
    if more {
        let keys = ctx.hints(&[(&[Action::Down, Action::PageDown], Text::new("更多", "more"))]);
        block = block.title_bottom(
            Line::styled(
                cut(&format!(" {keys} "), area.width.saturating_sub(2).into()),
                ctx.theme.key(),
            )
            .right_aligned(),
        );
    }
    super::clear_popup(frame, area);
    frame.render_widget(block, area);
    let col_width = inner.width / (columns.len().max(1) as u16);
    for (c, lines) in columns.into_iter().enumerate() {
        let area = Rect::new(
            inner.x + c as u16 * col_width,
            inner.y,
            col_width.saturating_sub(1),
            inner.height,
        );
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|(keys, what)| {
                Line::from(vec![
                    Span::styled(keys, ctx.theme.key()),
                    Span::raw(" "),
                    Span::raw(what),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// The page of `rows` scrolled by `scroll` (no further than to the page that ends with the
/// last row): the lines of each column and whether rows are left over. Every page has the
/// same columns and key width, chosen for all the rows, so paging never reflows them.
#[allow(clippy::type_complexity)]
fn page(
    rows: &[(String, String)],
    scroll: usize,
    w: u16,
    h: u16,
) -> (Vec<Vec<(String, String)>>, bool) {
    let key_width = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(usize::from(w) / 3);
    let two = rows.len() > usize::from(h) && usize::from(w) / 2 >= key_width + 2 + MIN_TEXT;
    let shape = (key_width, if two { 2 } else { 1 });
    let last_page = (0..rows.len())
        .find(|&from| !layout(&rows[from..], shape, w, h).1)
        .unwrap_or(0);
    layout(&rows[scroll.min(last_page)..], shape, w, h)
}

/// The lines of each column, (keys, text), and whether rows are left over for the next page.
/// Two columns (`shape`: key width, columns) when the rows overflow one and each column still
/// has room for a readable description (`MIN_TEXT`); a description too long for its column
/// wraps under itself rather than being cut.
#[allow(clippy::type_complexity)]
fn layout(
    rows: &[(String, String)],
    (key_width, columns): (usize, usize),
    w: u16,
    h: u16,
) -> (Vec<Vec<(String, String)>>, bool) {
    let height = usize::from(h);
    let two = columns == 2;
    let text_width = (usize::from(w) / columns)
        .saturating_sub(key_width + 1 + usize::from(two))
        .max(1);
    let lines: usize = rows
        .iter()
        .map(|(_, what)| wrap(what, text_width).len())
        .sum();
    // Two columns share the rows evenly.
    let height = height.min(lines.div_ceil(columns));
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new(); columns];
    let mut col = 0;
    for (i, (keys, what)) in rows.iter().enumerate() {
        let parts = wrap(what, text_width);
        if out[col].len() + parts.len() > height {
            col += 1;
            if col == columns {
                return (out, i < rows.len());
            }
        }
        for (n, part) in parts.into_iter().enumerate() {
            let keys = if n == 0 { keys.as_str() } else { "" };
            out[col].push((fit(keys, key_width), part));
        }
    }
    (out, false)
}

/// (keys, what they do) for every bound action, in keymap order.
pub(crate) fn help_rows(ctx: &Ctx) -> Vec<(String, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_keeps_the_columns_and_the_key_width() {
        let rows: Vec<(String, String)> = (0..60)
            .map(|i| {
                let keys = if i == 0 { "↓/j/Space" } else { "k" };
                (keys.to_owned(), format!("第{i}项 描述、说明、再说明"))
            })
            .collect();
        for (w, h) in [(78, 19), (98, 25), (118, 19)] {
            let first = page(&rows, 0, w, h).0;
            for scroll in 0..rows.len() {
                let columns = page(&rows, scroll, w, h).0;
                assert_eq!(columns.len(), first.len(), "{w}x{h} from {scroll}");
                let key = |c: &Vec<Vec<(String, String)>>| width(&c[0][0].0);
                assert_eq!(key(&columns), key(&first), "{w}x{h} from {scroll}");
            }
        }
    }
}
