//! The board: five status columns (or one at a time on narrow windows), scrolling cards.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::card::card_lines;
use super::text::{cut, width};
use super::{Ctx, area_of};
use crate::app::hits::{Area, HitMap, Spot, Target};
use crate::tr;

/// Narrower than this, one column shows at a time.
const ALL_COLUMNS_MIN_WIDTH: u16 = 60;

/// Swimlane columns are at least this wide; more of them scroll.
const COLUMN_MIN_WIDTH: u16 = 16;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, hits: &mut HitMap) {
    let n = ctx.model.derived.columns.len();
    if n == 0 {
        return;
    }
    if area.width < ALL_COLUMNS_MIN_WIDTH {
        one_column(frame, area, ctx, hits);
        return;
    }
    // Up to five columns share the width; more (swimlanes) scroll around the focused one.
    let fit = usize::from(area.width / COLUMN_MIN_WIDTH).clamp(1, n.max(1));
    let shown = if n <= 5 { n } else { fit.min(n) };
    let focused = ctx.model.column;
    let around = |centre: usize| centre.saturating_sub(shown / 2).min(n - shown);
    let first = ctx
        .model
        .lanes_held
        .and_then(|hold| hold.anchor_while(focused))
        .map(around)
        .filter(|&first| (first..first + shown).contains(&focused))
        .unwrap_or_else(|| around(focused));
    let area = if shown < n {
        let [tabs, rest] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
        ]));
        hidden_lanes(frame, tabs, ctx, first, shown, n);
        rest
    } else {
        area
    };
    let areas = area.layout_vec(&Layout::horizontal(vec![Constraint::Fill(1); shown]));
    for (i, rect) in areas.into_iter().enumerate() {
        column(frame, rect, ctx, first + i, hits);
    }
}

/// `◀ 2 | 3–7/10 | 3 ▶`: how many lanes are hidden to the left, which are shown of how many,
/// and how many are hidden to the right.
fn hidden_lanes(frame: &mut Frame, area: Rect, ctx: &Ctx, first: usize, shown: usize, n: usize) {
    let (prev, next) = (ctx.theme.glyphs.prev, ctx.theme.glyphs.next);
    let right = n - first - shown;
    let mut line = String::new();
    if first > 0 {
        line.push_str(&format!("{prev} {first} | "));
    }
    line.push_str(&format!("{}–{}/{n}", first + 1, first + shown));
    if right > 0 {
        line.push_str(&format!(" | {right} {next}"));
    }
    frame.render_widget(
        Paragraph::new(Line::styled(
            cut(&line, area.width.into()),
            ctx.theme.title(true),
        )),
        area,
    );
}

/// The focused column alone, with a line naming it and where it stands among the others.
fn one_column(frame: &mut Frame, area: Rect, ctx: &Ctx, hits: &mut HitMap) {
    let [tabs, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    let col = ctx.model.column;
    let n = ctx.model.derived.columns.len();
    let label = ctx.t(&ctx.model.derived.columns[col].title).to_owned();
    let (prev, next) = (ctx.theme.glyphs.prev, ctx.theme.glyphs.next);
    let left = if col > 0 {
        format!("{prev} ")
    } else {
        "  ".to_owned()
    };
    let right = if col + 1 < n {
        format!(" {next}")
    } else {
        String::new()
    };
    let line = format!("{left}{label} {}/{n}{right}", col + 1);
    frame.render_widget(
        Paragraph::new(Line::styled(
            cut(&line, tabs.width.into()),
            ctx.theme.title(true),
        )),
        tabs,
    );
    // The arrows at either end of the line move to the column they point to.
    let end = |x: u16| Area {
        x,
        y: tabs.y,
        width: 2.min(tabs.width),
        height: 1,
    };
    if col > 0 {
        hits.add(end(tabs.x), Target::Spot(Spot::Column(col - 1)));
    }
    let right_x = tabs.x + super::text::width(&cut(&line, tabs.width.into())) as u16;
    if col + 1 < n {
        hits.add(
            end(right_x.saturating_sub(2)),
            Target::Spot(Spot::Column(col + 1)),
        );
    }
    column(frame, rest, ctx, col, hits);
}

fn column(frame: &mut Frame, area: Rect, ctx: &Ctx, col: usize, hits: &mut HitMap) {
    let model = ctx.model;
    let focused = model.column == col;
    let column = &model.derived.columns[col];
    let tasks = &column.tasks;
    let title_width = usize::from(area.width.saturating_sub(2));
    // The count stays whole when the name is cut.
    let count = format!(" {}", tasks.len());
    let name = cut(
        ctx.t(&column.title),
        title_width.saturating_sub(width(&count)),
    );
    let title = format!("{name}{count}");
    let mut block = Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(focused))
        .title(Line::styled(
            cut(&title, title_width),
            ctx.theme.title(focused),
        ));
    let inner = block.inner(area);
    let rows = card_rows(inner.height);
    let visible = usize::from(inner.height) / rows.max(1);
    let selected = model.rows[col];
    let scrolled_for = |row: usize| (row + 1).saturating_sub(visible);
    let offset = model
        .cards_held
        .iter()
        .find(|(held, _)| *held == col)
        .and_then(|(_, hold)| hold.anchor_while(selected))
        .map(scrolled_for)
        .filter(|&offset| (offset..offset + visible).contains(&selected))
        .unwrap_or_else(|| scrolled_for(selected));
    let below = tasks.len().saturating_sub(offset + visible);
    if offset > 0 {
        let up = ctx.theme.glyphs.up;
        let text = tr!("{up}{offset}", "{up}{offset}");
        block = block
            .title(Line::styled(text.get(model.lang).to_owned(), ctx.theme.dim()).right_aligned());
    }
    if below > 0 {
        let down = ctx.theme.glyphs.down;
        let text = tr!("{down}还有{below}", "{down}{below} more");
        let text = cut(text.get(model.lang), title_width);
        block = block.title_bottom(Line::styled(text, ctx.theme.dim()).right_aligned());
    }
    frame.render_widget(block, area);
    hits.add(area_of(area), Target::Spot(Spot::Column(col)));
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if tasks.is_empty() {
        let empty = tr!("(无)", "(none)");
        frame.render_widget(
            Paragraph::new(Line::styled(
                empty.get(model.lang).to_owned(),
                ctx.theme.dim(),
            )),
            inner,
        );
        return;
    }
    let mut lines: Vec<Line> = Vec::with_capacity(usize::from(inner.height));
    for (k, (row, &index)) in tasks
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let is_selected = focused && row == selected;
        lines.extend(card_lines(ctx, index, inner.width, rows, is_selected));
        let card = Area {
            x: inner.x,
            y: inner.y + (k * rows) as u16,
            width: inner.width,
            height: rows as u16,
        };
        hits.add(card, Target::Spot(Spot::Card { column: col, row }));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Card height for a column of this inner height: fewer details on short windows.
fn card_rows(inner_height: u16) -> usize {
    match inner_height {
        0..=7 => 1,
        8..=14 => 2,
        _ => 3,
    }
}
