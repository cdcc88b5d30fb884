//! The wall chart (挂图作战): tasks by category over the campaign's days, checkpoints as
//! vertical marks, a today line, milestones as ◆ (done) ✗ (overdue) ! (due soon) ◇ (later),
//! deadlines as ┃; the selected task's details below.

use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::card::light_label;
use super::text::{cut, fit, inert};
use crate::app::action::Action;
use crate::app::wall::{rows, span, span_days};
use crate::domain::light::TaskLight;
use crate::domain::milestone::{MilestoneState, milestone_state};
use crate::i18n::Text;
use crate::tr;

struct Marks {
    done: &'static str,
    overdue: &'static str,
    soon: &'static str,
    later: &'static str,
    deadline: &'static str,
    bar: &'static str,
    checkpoint: &'static str,
    today: &'static str,
}

const UNICODE: Marks = Marks {
    done: "◆",
    overdue: "✗",
    soon: "!",
    later: "◇",
    deadline: "┃",
    bar: "─",
    checkpoint: "┆",
    today: "│",
};
const ASCII: Marks = Marks {
    done: "#",
    overdue: "x",
    soon: "!",
    later: "o",
    deadline: "]",
    bar: "-",
    checkpoint: ":",
    today: "|",
};

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let campaign = model.campaign();
    let marks = if ctx.theme.glyphs.light == "*" {
        &ASCII
    } else {
        &UNICODE
    };
    let block = bordered(ctx, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let [chart, details] = inner.layout(&Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(3),
    ]));
    let label_w = (usize::from(chart.width) / 4).clamp(8, 24);
    let cols = usize::from(chart.width).saturating_sub(label_w + 1);
    let window = Window::new(campaign, model.wall.day_offset, cols);
    let mut lines: Vec<Line> = vec![head_line(ctx, &window, label_w)];
    let all = rows(campaign);
    let visible = usize::from(chart.height).saturating_sub(1);
    let selected = model.wall.row.min(all.len().saturating_sub(1));
    let offset = selected.saturating_sub(visible.saturating_sub(1));
    let below = all.len().saturating_sub(offset + visible);
    more_note(frame, area, ctx, offset, below);
    for (r, row) in all.iter().enumerate().skip(offset).take(visible) {
        match row {
            crate::app::wall::Row::Category(ci) => {
                lines.push(category_line(ctx, *ci, usize::from(chart.width)));
            }
            crate::app::wall::Row::Task(ti) => {
                let chart_row = ChartRow {
                    window: &window,
                    marks,
                    label_w,
                };
                lines.push(chart_row.line(ctx, &campaign.tasks[*ti], r == selected));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), chart);
    // Details of the selected task.
    let mut detail: Vec<Line> = match all.get(selected) {
        Some(crate::app::wall::Row::Task(ti)) => detail_lines(ctx, *ti, details.width),
        _ => Vec::new(),
    };
    if detail.len() < 3 {
        detail.push(Line::styled(
            cut(&legend(ctx, marks), details.width.into()),
            ctx.theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(detail), details);
}

/// The frame, titled with the keys.
fn bordered(ctx: &Ctx, width: u16) -> Block<'static> {
    let keys = ctx.hints(&[
        (
            &[Action::Left, Action::Right],
            Text::new("滚动日期", "days"),
        ),
        (&[Action::Up, Action::Down], Text::new("任务", "tasks")),
        (&[Action::Open], Text::new("详情", "details")),
    ]);
    let title = crate::tr!(" 挂图作战 · {keys} ", " Wall chart · {keys} ");
    Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(ctx.t(&title), width.saturating_sub(2).into()),
            ctx.theme.title(true),
        ))
}

/// The dates shown, then the checkpoint numbers and `v` over today.
fn head_line(ctx: &Ctx, window: &Window, label_w: usize) -> Line<'static> {
    let model = ctx.model;
    let mut head: Vec<char> = vec![' '; window.cols];
    for (i, cp) in model.campaign().info.checkpoints.iter().enumerate() {
        if let Some(c) = window.col_of(*cp) {
            for (k, ch) in (i + 1).to_string().chars().enumerate() {
                if let Some(slot) = head.get_mut(c + k) {
                    *slot = ch;
                }
            }
        }
    }
    if let Some(c) = window.col_of(model.today) {
        head[c] = 'v';
    }
    let span_note = format!(
        "{} ~ {}",
        window.first.format("%m-%d"),
        window.last().format("%m-%d")
    );
    Line::from(vec![
        Span::styled(fit(&span_note, label_w), ctx.theme.dim()),
        Span::raw(" "),
        Span::styled(head.into_iter().collect::<String>(), ctx.theme.dim()),
    ])
}

/// Rows out of sight, said on the bottom border as the board's columns say it.
fn more_note(frame: &mut Frame, area: Rect, ctx: &Ctx, above: usize, below: usize) {
    if (below > 0 || above > 0) && area.height > 2 && area.width > 4 {
        let more = match (above, below) {
            (0, b) => tr!("↓还有{b}项", "↓{b} more"),
            (a, 0) => tr!("↑{a}", "↑{a}"),
            (a, b) => tr!("↑{a} ↓还有{b}项", "↑{a} ↓{b} more"),
        };
        let border = Rect::new(area.x + 1, area.y + area.height - 1, area.width - 2, 1);
        frame.render_widget(
            Paragraph::new(Line::styled(ctx.t(&more).to_owned(), ctx.theme.key()).right_aligned()),
            border,
        );
    }
}

/// A category's name, over its tasks.
fn category_line(ctx: &Ctx, ci: usize, width: usize) -> Line<'static> {
    let cat = &ctx.model.campaign().categories[ci];
    let name = match ctx.model.lang {
        crate::i18n::Lang::Zh => cat.name.clone(),
        crate::i18n::Lang::En => cat.en.clone().unwrap_or_else(|| cat.name.clone()),
    };
    Line::styled(cut(&inert(&name), width), ctx.theme.header())
}

/// How a task's row is drawn: the days shown, the marks, the label's width.
struct ChartRow<'a> {
    window: &'a Window,
    marks: &'a Marks,
    label_w: usize,
}

impl ChartRow<'_> {
    /// The task's label, then a cell for each day shown.
    fn line(&self, ctx: &Ctx, task: &crate::domain::Task, is_sel: bool) -> Line<'static> {
        let base = if is_sel {
            ctx.theme.selected()
        } else {
            Style::new()
        };
        let label = format!(
            "{}{}",
            if is_sel {
                ctx.theme.glyphs.selected
            } else {
                " "
            },
            inert(task.display_title())
        );
        let mut spans = vec![
            Span::styled(fit(&label, self.label_w), base.add_modifier(Modifier::BOLD)),
            Span::raw(" "),
        ];
        let window = self.window;
        for i in 0..window.days {
            let Some(d) = window.day(i) else { break };
            let (text, style) = cell(ctx, task, d, self.marks, ctx.model.today);
            spans.push(Span::styled(text, style));
            if window.width_of(i) > 1 {
                let (fill, style) = filler(ctx, task, d, self.marks);
                spans.push(Span::styled(fill.repeat(window.width_of(i) - 1), style));
            }
        }
        Line::from(spans)
    }
}

/// The selected task: id, title and unit; light, status and deadline; the first reason.
fn detail_lines(ctx: &Ctx, ti: usize, width: u16) -> Vec<Line<'static>> {
    let model = ctx.model;
    let campaign = model.campaign();
    let task = &campaign.tasks[ti];
    let verdict = &model.derived.lights[ti];
    let light = light_label(
        verdict.light,
        verdict.overridden,
        model.lang,
        true,
        &ctx.theme.glyphs,
    );
    let unit = task
        .lead_unit
        .as_deref()
        .and_then(|u| campaign.unit(u))
        .map_or(String::new(), |u| u.name.clone());
    let deadline = task.deadline;
    let mut detail = vec![Line::styled(
        cut(
            &inert(&format!("{} {}  {unit}", task.id, task.title)),
            usize::from(width),
        ),
        ctx.theme.header(),
    )];
    let status = task.status.label(model.lang);
    let second = tr!(
        "{light} · {status} · 完成时限 {deadline}",
        "{light} · {status} · deadline {deadline}"
    );
    detail.push(Line::styled(
        cut(ctx.t(&second), width.into()),
        ctx.theme.light(verdict.light),
    ));
    if let Some(reason) = verdict.reasons.first() {
        detail.push(Line::styled(
            cut(&inert(reason.text(task).get(model.lang)), width.into()),
            ctx.theme.light(verdict.light),
        ));
    }
    detail
}

/// What each mark means.
fn legend(ctx: &Ctx, marks: &Marks) -> String {
    format!(
        "{} {} {} {} {} {} {} {} {} {}",
        marks.done,
        ctx.t(&Text::new("完成", "done")),
        marks.overdue,
        ctx.t(&Text::new("逾期", "overdue")),
        marks.soon,
        ctx.t(&Text::new("临近", "due soon")),
        marks.later,
        ctx.t(&Text::new("待办", "later")),
        marks.deadline,
        ctx.t(&Text::new(
            "时限 · v 今天 · 数字 攻坚节点",
            "deadline · v today · numbers: checkpoints"
        )),
    )
}

/// The days the chart shows: the whole span when it fits (the days stretched over the whole
/// width, some a column wider than others), else one column a day from the scrolled-to day,
/// never past the span's end.
struct Window {
    first: NaiveDate,
    days: usize,
    cols: usize,
}

impl Window {
    fn new(campaign: &crate::domain::Campaign, offset: i64, cols: usize) -> Window {
        let (start, _) = span(campaign);
        let total = usize::try_from(span_days(campaign)).unwrap_or(1).max(1);
        if total <= cols {
            return Window {
                first: start,
                days: total,
                cols,
            };
        }
        let offset = usize::try_from(offset).unwrap_or(0).min(total - cols);
        Window {
            first: start
                .checked_add_days(Days::new(offset as u64))
                .unwrap_or(start),
            days: cols,
            cols,
        }
    }

    fn day(&self, i: usize) -> Option<NaiveDate> {
        self.first.checked_add_days(Days::new(i as u64))
    }

    fn last(&self) -> NaiveDate {
        self.day(self.days.saturating_sub(1)).unwrap_or(self.first)
    }

    /// The first column of the `i`th day shown.
    fn start_of(&self, i: usize) -> usize {
        i * self.cols / self.days.max(1)
    }

    /// How many columns the `i`th day shown takes.
    fn width_of(&self, i: usize) -> usize {
        self.start_of(i + 1) - self.start_of(i)
    }

    /// The column of day `d`, when it is shown.
    fn col_of(&self, d: NaiveDate) -> Option<usize> {
        let n = usize::try_from((d - self.first).num_days()).ok()?;
        (n < self.days).then(|| self.start_of(n))
    }
}

/// The columns after a day's own when a day is wider than one: the bar goes on through them.
fn filler(ctx: &Ctx, task: &crate::domain::Task, d: NaiveDate, m: &Marks) -> (String, Style) {
    if d >= task.start && d < task.deadline {
        (m.bar.to_owned(), ctx.theme.dim())
    } else {
        (" ".to_owned(), Style::new())
    }
}

/// One day of a task's row.
fn cell(
    ctx: &Ctx,
    task: &crate::domain::Task,
    d: NaiveDate,
    m: &Marks,
    today: NaiveDate,
) -> (String, Style) {
    let warn = ctx.model.campaign().rules.light.warn_days;
    if let Some(ms) = task.milestones.iter().find(|x| x.due == d) {
        return match milestone_state(ms, today, warn) {
            MilestoneState::Done { .. } => (m.done.to_owned(), ctx.theme.dim()),
            MilestoneState::Overdue { .. } => {
                (m.overdue.to_owned(), ctx.theme.light(TaskLight::Red))
            }
            MilestoneState::DueSoon { .. } => {
                (m.soon.to_owned(), ctx.theme.light(TaskLight::Yellow))
            }
            MilestoneState::Upcoming { .. } => (m.later.to_owned(), Style::new()),
        };
    }
    if d == task.deadline {
        return (m.deadline.to_owned(), ctx.theme.header());
    }
    if d == today {
        return (m.today.to_owned(), ctx.theme.key());
    }
    if ctx.model.campaign().info.checkpoints.contains(&d) {
        return (m.checkpoint.to_owned(), ctx.theme.dim());
    }
    if d >= task.start && d < task.deadline {
        return (m.bar.to_owned(), ctx.theme.dim());
    }
    (" ".to_owned(), Style::new())
}
