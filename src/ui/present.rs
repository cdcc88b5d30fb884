//! Presentation mode for the hall screen: the headline numbers in big digits, then the
//! leaderboard and the red list, each cut into as many pages as the screen needs, so every
//! unit and every red task is shown once per cycle. Read-only: no selection, no key hints.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::big;
use super::card::light_label;
use super::leaderboard::{column_head, marks, unit_row};
use super::text::{cut, inert, width};
use crate::app::leaderboard_view::{chosen, shown};
use crate::domain::countdown::{Phase, clock_part, phase, phase_text, remaining};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
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

/// The largest scale of the big digits (each ink cell 4×4 on a 200×50 screen).
const MAX_SCALE: usize = 4;

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
pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx, page: usize) {
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

/// The ink of the big digits.
fn block(ctx: &Ctx) -> &'static str {
    if ctx.theme.glyphs.light == "*" {
        "#"
    } else {
        "█"
    }
}

/// One headline number: a label over big digits, in a style.
struct Figure {
    label: String,
    value: String,
    style: Style,
}

impl Figure {
    fn width(&self, scale: usize) -> usize {
        width(&self.label).max(big::width(&self.value, scale))
    }
}

/// The gap between figures at a scale.
fn gap(scale: usize) -> usize {
    2 + 2 * scale
}

fn row_width(figures: &[Figure], scale: usize) -> usize {
    let inner: usize = figures.iter().map(|f| f.width(scale)).sum();
    inner + gap(scale) * figures.len().saturating_sub(1)
}

/// The label line and the big lines of a row of figures, each figure centred in its column.
fn figure_lines(figures: &[Figure], scale: usize, ink: &str) -> Vec<Line<'static>> {
    let mut labels: Vec<Span> = Vec::new();
    let mut rows: Vec<Vec<Span>> = vec![Vec::new(); big::height(scale)];
    for (i, f) in figures.iter().enumerate() {
        let w = f.width(scale);
        if i > 0 {
            labels.push(Span::raw(" ".repeat(gap(scale))));
            for row in &mut rows {
                row.push(Span::raw(" ".repeat(gap(scale))));
            }
        }
        labels.push(Span::styled(centred(&f.label, w), f.style));
        for (row, text) in rows.iter_mut().zip(big::scaled(&f.value, ink, scale)) {
            row.push(Span::styled(centred(text.trim_end(), w), f.style));
        }
    }
    std::iter::once(Line::from(labels))
        .chain(rows.into_iter().map(Line::from))
        .collect()
}

/// `s` padded with spaces on both sides to `w` columns.
fn centred(s: &str, w: usize) -> String {
    let pad = w.saturating_sub(width(s));
    format!("{}{s}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
}

/// Days left (and the time left today, when the clock runs), the light counts and the
/// campaign-wide milestone rate, as big as the screen allows.
fn headline(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let info = &model.campaign().info;
    let lang = model.lang;
    let current = phase(info, model.today);
    let (w, h) = (usize::from(area.width), usize::from(area.height));
    let days = match current {
        Phase::Running { days_left, .. } => {
            let left = remaining(info, ctx.now).filter(|_| !model.today_pinned);
            let clock = left
                .map(|r| clock_part(r.rest_of_today))
                .map_or(String::new(), |(h, m, s)| format!(" {h:02}:{m:02}:{s:02}"));
            Some(format!("{days_left}{clock}"))
        }
        Phase::LastDay { .. } => remaining(info, ctx.now)
            .filter(|_| !model.today_pinned)
            .map(|r| clock_part(r.rest_of_today))
            .map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}")),
        _ => None,
    };
    let days_label = if days.as_deref().is_some_and(|d| d.contains(':')) {
        Text::new("剩余天数 · 时:分:秒", "days left · hh:mm:ss")
    } else {
        Text::new("剩余天数", "days left")
    };
    let d = &model.derived;
    let g = &ctx.theme.glyphs;
    let (board, _) = shown(model);
    let rate = board.rate().round();
    let rate_label = match board.checkpoint {
        Some(n) => tr!("节点完成率(第{n}节点)", "milestone rate (checkpoint {n})"),
        None => Text::new("节点完成率", "milestone rate"),
    };
    let light = |l: TaskLight| light_label(l, false, lang, true, g);
    let figures = [
        (TaskLight::Red, d.red),
        (TaskLight::Yellow, d.yellow),
        (TaskLight::Green, d.green),
        (TaskLight::Done, d.done),
    ]
    .into_iter()
    .map(|(l, n)| Figure {
        label: light(l),
        value: n.to_string(),
        style: ctx.theme.light(l),
    })
    .chain(std::iter::once(Figure {
        label: ctx.t(&rate_label).to_owned(),
        value: format!("{rate}%"),
        style: ctx.theme.header(),
    }))
    .collect::<Vec<_>>();
    let ink = block(ctx);
    // Name, blank, label, digits, blank, phase, blank, figures' labels and digits.
    let fits = |scale: usize| {
        7 + 2 * big::height(scale) <= h
            && days.as_deref().is_none_or(|d| big::width(d, scale) <= w)
            && row_width(&figures, scale) <= w
    };
    let scale = (1..=MAX_SCALE).rev().find(|&s| fits(s));
    let mut lines: Vec<Line> = vec![
        Line::styled(inert(&info.name), ctx.theme.title(true)),
        Line::raw(""),
    ];
    let big_days = days
        .as_deref()
        .filter(|d| big::width(d, 1) <= w && 7 + big::height(1) <= h);
    if let Some(d) = big_days {
        lines.push(Line::styled(ctx.t(&days_label).to_owned(), ctx.theme.dim()));
        for row in big::scaled(d, ink, scale.unwrap_or(1)) {
            lines.push(Line::styled(row, ctx.theme.light(TaskLight::Red)));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        phase_text(&current, info.total_days(), lang),
        ctx.theme.header(),
    ));
    lines.push(Line::raw(""));
    match scale {
        Some(s) => lines.extend(figure_lines(&figures, s, ink)),
        None => {
            let text = figures
                .iter()
                .map(|f| format!("{} {}", f.label, f.value))
                .collect::<Vec<_>>()
                .join(" · ");
            lines.push(Line::raw(text));
        }
    }
    // Centred on the screen, up and down as well as across.
    let top = h.saturating_sub(lines.len()) / 2;
    let lines: Vec<Line> = std::iter::repeat_n(Line::raw(""), top)
        .chain(lines.into_iter().map(|l| cut_line(l, w)))
        .collect();
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), area);
}

/// A line no wider than `max`: its spans kept (and their styles) up to the cut.
fn cut_line(line: Line<'static>, max: usize) -> Line<'static> {
    let mut room = max;
    let mut spans = Vec::new();
    for span in line.spans {
        if room == 0 {
            break;
        }
        let text = cut(&span.content, room);
        room = room.saturating_sub(width(&text));
        spans.push(Span::styled(text, span.style));
    }
    Line::from(spans).style(line.style)
}

/// Leaderboard rows `from..to`, with the checkpoint, the campaign-wide rate and the legend.
fn units(frame: &mut Frame, area: Rect, ctx: &Ctx, from: usize, to: usize) {
    let model = ctx.model;
    let moment = chosen(model);
    let (board, published) = shown(model);
    let w = usize::from(area.width);
    let when = match moment.checkpoint {
        Some(n) => {
            let date = moment.date.format("%m-%d");
            let state = if published {
                Text::new("已发布", "published")
            } else {
                Text::new("未发布", "not published")
            };
            let state = ctx.t(&state);
            tr!(
                "第{n}节点 {date}({state})",
                "checkpoint {n} {date} ({state})"
            )
        }
        None => Text::new("按今天计算", "as of today"),
    };
    let total = board.units.len();
    let range = if total == 0 {
        String::new()
    } else {
        let first = from + 1;
        ctx.t(&tr!(
            " · 第{first}–{to}名,共{total}个单位",
            " · rows {first}–{to} of {total} units"
        ))
        .to_owned()
    };
    let title = format!(
        "{} · {}{range}",
        ctx.t(&Text::new("擂台榜", "Leaderboard")),
        ctx.t(&when)
    );
    let (done, due) = (board.done, board.due);
    let rate = board.rate().round();
    let overall = tr!(
        "全县节点完成率 {done}/{due}({rate}%)",
        "Campaign-wide milestone rate {done}/{due} ({rate}%)"
    );
    let mut lines = vec![
        Line::styled(cut(&title, w), ctx.theme.title(true)),
        Line::styled(cut(ctx.t(&overall), w), ctx.theme.header()),
        Line::styled(cut(ctx.t(&column_head()), w), ctx.theme.dim()),
    ];
    for u in board.units.iter().take(to).skip(from) {
        lines.push(unit_row(ctx, &board, u, false, area.width));
    }
    if total == 0 {
        let none = Text::new("  (还没有到期的节点)", "  (no milestone due yet)");
        lines.push(Line::styled(ctx.t(&none).to_owned(), ctx.theme.dim()));
    }
    let (flag, card) = marks(ctx);
    let (f, c) = (board.red_flag.len(), board.yellow_card.len());
    let legend = tr!(
        "{flag} 红旗单位 {f} 个 · {card} 黄牌席 {c} 个",
        "{flag} red flag: {f} · {card} yellow card: {c}"
    );
    lines.push(Line::styled(cut(ctx.t(&legend), w), ctx.theme.dim()));
    frame.render_widget(Paragraph::new(lines), area);
}

/// Red tasks `from..to`: each with its lead unit and the reasons for its light.
fn reds(frame: &mut Frame, area: Rect, ctx: &Ctx, from: usize, to: usize) {
    let model = ctx.model;
    let campaign = model.campaign();
    let w = usize::from(area.width);
    let all = red_tasks(ctx);
    let total = all.len();
    let title = if total == 0 {
        Text::new("红灯任务", "Red tasks")
    } else {
        let first = from + 1;
        tr!(
            "红灯任务 · 第{first}–{to}项,共{total}项",
            "Red tasks · {first}–{to} of {total}"
        )
    };
    let mut lines = vec![Line::styled(cut(ctx.t(&title), w), ctx.theme.title(true))];
    let room = usize::from(area.height).saturating_sub(1).max(1);
    for &i in all.iter().take(to).skip(from) {
        let t = &campaign.tasks[i];
        let verdict = &model.derived.lights[i];
        let unit = t
            .lead_unit
            .as_deref()
            .and_then(|u| campaign.unit(u))
            .map_or(String::new(), |u| u.name.clone());
        let head = format!("{} {} {}  {unit}", ctx.theme.glyphs.light, t.id, t.title);
        lines.push(Line::styled(
            cut(&inert(&head), w),
            ctx.theme.light(TaskLight::Red),
        ));
        // A task with more reasons than the page holds shows the ones that fit.
        for reason in verdict.reasons.iter().take(room.saturating_sub(1)) {
            lines.push(Line::raw(cut(
                &inert(&format!("    {}", reason.text(t).get(model.lang))),
                w,
            )));
        }
    }
    if total == 0 {
        lines.push(Line::raw(
            ctx.t(&Text::new("(没有红灯任务)", "(no red tasks)"))
                .to_owned(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
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
