//! Presentation mode for the hall screen: the headline numbers in big digits, then the
//! leaderboard and the red list, each cut into as many pages as the screen needs, so every
//! unit and every red task is shown once per cycle. Read-only: no selection, no key hints.

mod headline;
mod lists;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use self::headline::headline;
use self::lists::{reds, units};
use super::Ctx;
use super::text::{cut, inert};
use crate::app::leaderboard_view::shown;
use crate::domain::light::TaskLight;
use crate::tr;

/// One page of the cycle; the lists are cut by the screen's height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Days left, the light counts and the campaign-wide rate, in big digits.
    Headline,
    /// Leaderboard rows `from..to`.
    Units { from: usize, to: usize },
    /// Red tasks `from..to` (in file order).
    Reds { from: usize, to: usize },
}

/// The pages of one cycle on a screen of this size: the headline, then the leaderboard and the
/// red list, each as many pages as it takes.
pub fn pages(ctx: &Ctx, area: Rect) -> Vec<Page> {
    let body = body_height(area);
    let mut out = vec![Page::Headline];
    let units = shown(ctx.model).0.units.len();
    // Title, campaign rate, column heading and legend around the rows.
    let per_page = body.saturating_sub(4).max(1);
    out.extend(
        even_slices(units, per_page)
            .into_iter()
            .map(|(from, to)| Page::Units { from, to }),
    );
    let heights: Vec<usize> = red_tasks(ctx)
        .iter()
        .map(|&i| 1 + ctx.model.derived.lights[i].reasons.len())
        .collect();
    let room = body.saturating_sub(1).max(1);
    let mut from = 0;
    let mut used = 0;
    for (i, h) in heights.iter().enumerate() {
        let h = (*h).min(room);
        if used + h > room && i > from {
            out.push(Page::Reds { from, to: i });
            from = i;
            used = 0;
        }
        used += h;
    }
    out.push(Page::Reds {
        from,
        to: heights.len(),
    });
    out
}

/// `n` items in pages of at most `per_page`, the pages as even as can be (24 rows in pages
/// of 19 give 12 and 12, not 19 and 5). No items: one empty page.
fn even_slices(n: usize, per_page: usize) -> Vec<(usize, usize)> {
    let count = n.div_ceil(per_page.max(1)).max(1);
    let base = n / count;
    let extra = n % count;
    let mut out = Vec::with_capacity(count);
    let mut from = 0;
    for i in 0..count {
        let to = from + base + usize::from(i < extra);
        out.push((from, to));
        from = to;
    }
    out
}

/// Rows for a page's content: all but the last, which shows the page number.
fn body_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(1))
}

/// The red tasks now, in file order.
fn red_tasks(ctx: &Ctx) -> Vec<usize> {
    let lights = &ctx.model.derived.lights;
    (0..lights.len())
        .filter(|&i| lights[i].light == TaskLight::Red)
        .collect()
}

/// Draws page `page` of the cycle (the count runs on; it is taken modulo the pages).
pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, page: usize) {
    let all = pages(ctx, area);
    let index = page % all.len().max(1);
    let [body, foot] = area.layout(&Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
    ]));
    match all.get(index).copied().unwrap_or(Page::Headline) {
        Page::Headline => headline(frame, body, ctx),
        Page::Units { from, to } => units(frame, body, ctx, from, to),
        Page::Reds { from, to } => reds(frame, body, ctx, from, to),
    }
    let (n, total) = (index + 1, all.len());
    let number = tr!("第{n}/{total}页", "page {n}/{total}");
    let short = inert(&ctx.model.campaign().info.short);
    let text = format!("{short} · {} · {}", ctx.model.today, ctx.t(&number));
    frame.render_widget(
        Paragraph::new(Line::styled(cut(&text, area.width.into()), ctx.theme.dim()))
            .alignment(Alignment::Right),
        foot,
    );
}

#[cfg(test)]
mod tests {
    use super::even_slices;

    #[test]
    fn pages_are_even_and_cover_every_item() {
        assert_eq!(even_slices(24, 19), vec![(0, 12), (12, 24)]);
        assert_eq!(even_slices(0, 19), vec![(0, 0)]);
        assert_eq!(even_slices(5, 2), vec![(0, 2), (2, 4), (4, 5)]);
    }
}
