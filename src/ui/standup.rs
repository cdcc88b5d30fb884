//! The stand-up screen: one task with the reasons for its light, overdue and due-soon
//! milestones, open problems and the last notes; at the end, what was recorded today.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Ctx;
use super::card::{follow_up_mark, light_label};
use super::text::{cut, inert, wrap};
use crate::app::action::Action;
use crate::app::standup::recorded_today;
use crate::domain::follow_up::FollowUp;
use crate::domain::light::TaskLight;
use crate::domain::milestone::{MilestoneState, due_label, milestone_state};
use crate::domain::{Task, history};
use crate::i18n::Text;
use crate::tr;

type Rows = Vec<(Style, String)>;

pub(crate) fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let model = ctx.model;
    let s = &model.standup;
    let (n, total) = ((s.pos + 1).min(s.queue.len()), s.queue.len());
    let walk = ctx.t(&s.walk.label()).to_owned();
    let title = tr!(
        " 站会 · {walk} · {n}/{total} ",
        " Stand-up · {walk} · {n}/{total} "
    );
    let block = super::titled_block(ctx, ctx.t(&title), area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = match s.queue.get(s.pos) {
        Some(&index) => task_rows(ctx, index),
        None => summary_rows(ctx),
    };
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    for (style, text) in rows {
        for piece in wrap(&text, width) {
            lines.push(Line::styled(piece, style));
        }
    }
    let keys = ctx.hints(&[
        (&[Action::Down], Text::new("下一个", "next")),
        (&[Action::Up], Text::new("上一个", "previous")),
        (&[Action::Note], Text::new("记录", "note")),
        (&[Action::Tick], Text::new("勾选节点", "tick")),
        (
            &[Action::Problem, Action::Resolve],
            Text::new("问题", "problems"),
        ),
        (
            &[Action::MoveNext, Action::MovePrevious],
            Text::new("状态", "status"),
        ),
        (&[Action::Open], Text::new("详情", "details")),
        (&[Action::SwitchView], Text::new("换范围", "walk")),
        (&[Action::Close], Text::new("回看板", "board")),
    ]);
    let height = usize::from(inner.height);
    // The keys on as many lines as they need at the bottom (two at 80 columns), one on a
    // short window.
    let mut key_lines = pack_hints(&keys, width);
    key_lines.truncate((height / 6).max(1));
    lines.truncate(height.saturating_sub(key_lines.len()));
    while lines.len() + key_lines.len() < height {
        lines.push(Line::raw(""));
    }
    for k in key_lines {
        lines.push(Line::styled(cut(&k, width), ctx.theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn task_rows(ctx: &Ctx, index: usize) -> Rows {
    let model = ctx.model;
    let campaign = model.campaign();
    let task = &campaign.tasks[index];
    let lang = model.lang;
    let theme = ctx.theme;
    let g = &theme.glyphs;
    let verdict = &model.derived.lights[index];
    let mut out: Rows = Vec::new();
    let unit = task
        .lead_unit
        .as_deref()
        .and_then(|u| campaign.unit(u))
        .map_or(String::new(), |u| u.name.clone());
    out.push((
        theme.header(),
        inert(&format!("{} {}  {unit}", task.id, task.title)),
    ));
    let light = light_label(verdict.light, verdict.overridden, lang, true, g);
    let status = task.status.label(lang);
    out.push((theme.light(verdict.light), format!("{light} · {status}")));
    out.extend(follow_up_row(ctx, index));
    for reason in &verdict.reasons {
        out.push((
            theme.light(verdict.light),
            format!("  · {}", inert(reason.text(task).get(lang))),
        ));
    }
    pressing_rows(ctx, task, &mut out);
    problem_rows(ctx, task, &mut out);
    note_rows(ctx, task, &mut out);
    out
}

/// The follow-up mark and why, with the key to issue an order while one is due.
fn follow_up_row(ctx: &Ctx, index: usize) -> Option<(Style, String)> {
    let model = ctx.model;
    let (lang, theme) = (model.lang, ctx.theme);
    let state = model.derived.follow_ups.get(index).copied().flatten()?;
    let g = &theme.glyphs;
    let mark = follow_up_mark(state, lang, g);
    let why = crate::app::detail_doc::follow_up_text(model, index);
    let key = if state == FollowUp::Due {
        ctx.hints(&[(&[Action::FollowUp], Text::new("下达督办", "issue it"))])
    } else {
        String::new()
    };
    let key = if key.is_empty() {
        key
    } else {
        format!(" · {key}")
    };
    Some((
        theme.light(TaskLight::Red).add_modifier(Modifier::BOLD),
        format!("{mark} {}{key}", ctx.t(&why)),
    ))
}

/// The milestones overdue or due soon, with their countdown.
fn pressing_rows(ctx: &Ctx, task: &Task, out: &mut Rows) {
    let model = ctx.model;
    let (lang, theme) = (model.lang, ctx.theme);
    let g = &theme.glyphs;
    let warn = model.campaign().rules.light.warn_days;
    let pressing: Vec<_> = task
        .milestones
        .iter()
        .filter_map(|m| match milestone_state(m, model.today, warn) {
            MilestoneState::Overdue { days } => Some((m, -days)),
            MilestoneState::DueSoon { days } => Some((m, days)),
            _ => None,
        })
        .collect();
    if !pressing.is_empty() {
        out.push((
            theme.header(),
            ctx.t(&Text::new(
                "逾期与临近节点",
                "Overdue and due-soon milestones",
            ))
            .to_owned(),
        ));
        for (m, days) in pressing {
            let style = if days < 0 {
                theme.light(TaskLight::Red)
            } else {
                theme.light(TaskLight::Yellow)
            };
            let mark = if days < 0 { g.overdue } else { g.soon };
            out.push((
                style,
                format!(
                    "  {mark} {} {} ({})",
                    m.due.format("%m-%d"),
                    inert(&m.title),
                    due_label(days, lang)
                ),
            ));
        }
    }
}

/// The problems not yet resolved.
fn problem_rows(ctx: &Ctx, task: &Task, out: &mut Rows) {
    let theme = ctx.theme;
    let g = &theme.glyphs;
    let open: Vec<_> = task.problems.iter().filter(|p| !p.resolved).collect();
    if !open.is_empty() {
        out.push((
            theme.header(),
            ctx.t(&Text::new("未解决问题", "Open problems")).to_owned(),
        ));
        for p in open {
            let due = p
                .due
                .map_or(String::new(), |d| format!(" ({})", d.format("%m-%d")));
            out.push((
                theme.warning(),
                format!("  {} {}{due}", g.problem, inert(&p.text)),
            ));
        }
    }
}

/// The last three notes, newest first.
fn note_rows(ctx: &Ctx, task: &Task, out: &mut Rows) {
    let theme = ctx.theme;
    if history::notes(&task.log).next().is_some() {
        out.push((
            theme.header(),
            ctx.t(&Text::new("最近记录", "Last notes")).to_owned(),
        ));
        for e in history::notes(&task.log).rev().take(3) {
            out.push((
                Style::new(),
                format!("  {} {}", e.date.format("%m-%d"), inert(&e.text)),
            ));
        }
    }
}

fn summary_rows(ctx: &Ctx) -> Rows {
    let model = ctx.model;
    let today = recorded_today(model.campaign(), model.today);
    let theme = ctx.theme;
    let mut out: Rows = vec![(
        theme.header(),
        ctx.t(&Text::new("今日记录汇总", "Recorded today"))
            .to_owned(),
    )];
    let sections = [
        (Text::new("记录", "Notes"), &today.notes),
        (Text::new("完成节点", "Milestones done"), &today.ticked),
        (Text::new("新问题", "Problems raised"), &today.raised),
        (
            Text::new("已解决问题", "Problems resolved"),
            &today.resolved,
        ),
    ];
    for (title, items) in sections {
        let n = items.len();
        out.push((theme.key(), format!("{}: {n}", ctx.t(&title))));
        for (id, text) in items {
            out.push((Style::new(), format!("  {id} {}", inert(text))));
        }
    }
    let open = today.open_problems;
    out.push((
        theme.dim(),
        ctx.t(&tr!(
            "全部未解决问题:{open} 个",
            "Open problems in all: {open}"
        ))
        .to_owned(),
    ));
    out.extend(follow_up_rows(ctx));
    out.extend(super::pledges::due_rows(ctx));
    out
}

/// The tasks due a follow-up order (督) and those with one issued (督✓), for the summary.
fn follow_up_rows(ctx: &Ctx) -> Rows {
    let model = ctx.model;
    let campaign = model.campaign();
    let flagged: Vec<(usize, FollowUp)> = model
        .derived
        .follow_ups
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    if flagged.is_empty() {
        return Vec::new();
    }
    let due = flagged.iter().filter(|(_, s)| *s == FollowUp::Due).count();
    let issued = flagged.len() - due;
    let mut out: Rows = vec![(
        ctx.theme.key(),
        ctx.t(&tr!(
            "督办:待下达 {due} 个 · 已下达 {issued} 个",
            "Follow-up orders: {due} to issue · {issued} issued"
        ))
        .to_owned(),
    )];
    for (i, state) in flagged {
        let task = &campaign.tasks[i];
        let mark = follow_up_mark(state, model.lang, &ctx.theme.glyphs);
        let style = if state == FollowUp::Due {
            ctx.theme.light(TaskLight::Red)
        } else {
            ctx.theme.dim()
        };
        out.push((
            style,
            format!("  {mark} {} {}", task.id, inert(task.display_title())),
        ));
    }
    out
}

/// `a · b · c` packed into lines of at most `width` columns, breaking only between hints.
pub(super) fn pack_hints(keys: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for hint in keys.split(" · ") {
        match out.last_mut() {
            Some(line) if super::text::width(line) + 3 + super::text::width(hint) <= width => {
                line.push_str(" · ");
                line.push_str(hint);
            }
            _ => out.push(hint.to_owned()),
        }
    }
    out
}
