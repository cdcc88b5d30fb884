//! The headline page: days left, the light counts and the campaign-wide rate in big digits.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::leaderboard_view::shown;
use crate::domain::countdown::{Phase, clock_part, phase, phase_text, remaining};
use crate::domain::light::TaskLight;
use crate::i18n::Text;
use crate::tr;
use crate::ui::Ctx;
use crate::ui::big;
use crate::ui::card::light_label;
use crate::ui::text::{cut, inert, width};

/// The largest scale of the big digits (each ink cell 4×4 on a 200×50 screen).
const MAX_SCALE: usize = 4;

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
        // The digits move as one block: every row is padded alike (centring each row on its
        // own would shift a row that ends in blank cells).
        let ink_width = big::width(&f.value, scale).saturating_sub(scale);
        for (row, text) in rows.iter_mut().zip(big::scaled(&f.value, ink, scale)) {
            let glyphs: String = text.chars().take(ink_width).collect();
            row.push(Span::styled(centred(&glyphs, w), f.style));
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
pub(super) fn headline(frame: &mut Frame, area: Rect, ctx: &Ctx) {
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
