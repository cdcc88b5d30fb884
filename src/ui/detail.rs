//! The detail view of one task: Five Ones, target, deadline, milestones, problems, log, light.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::Ctx;
use super::card::light_label;
use super::text::{cut, inert, wrap};
use crate::domain::Task;
use crate::domain::light::TaskLight;
use crate::domain::milestone::{MilestoneState, due_label, milestone_state};
use crate::i18n::Text;
use crate::tr;

/// Lines of (style, text); wrapped to the width when drawn.
type Rows = Vec<(Style, String, Option<usize>)>;

pub fn render(frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let Some(index) = ctx.model.selected() else {
        return;
    };
    let task = &ctx.model.campaign().tasks[index];
    let title = format!(" {} {} ", task.id, inert(&task.title));
    let block = Block::bordered()
        .border_set(ctx.theme.glyphs.border)
        .border_style(ctx.theme.border(true))
        .title(Line::styled(
            cut(&title, area.width.saturating_sub(2).into()),
            ctx.theme.title(true),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = None;
    for (style, text, item) in rows(ctx, index, task) {
        let selected = item == Some(ctx.model.detail_item);
        if selected {
            selected_line = Some(lines.len());
        }
        let (style, text) = if selected {
            (
                style.patch(ctx.theme.selected()),
                format!(
                    "{}{}",
                    ctx.theme.glyphs.selected,
                    text.get(1..).unwrap_or("")
                ),
            )
        } else {
            (style, text)
        };
        for piece in wrap(&text, width) {
            lines.push(Line::styled(piece, style));
        }
    }
    let height = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = selected_line
        .map_or(0, |l| l.saturating_sub(height / 2))
        .min(max_scroll);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

fn rows(ctx: &Ctx, index: usize, task: &Task) -> Rows {
    let model = ctx.model;
    let campaign = model.campaign();
    let lang = model.lang;
    let today = model.today;
    let theme = ctx.theme;
    let g = &theme.glyphs;
    let person = |id: &Option<String>| -> String {
        id.as_deref()
            .map(|p| campaign.person(p).map_or(p.to_owned(), |x| x.name.clone()))
            .unwrap_or_else(|| "—".to_owned())
    };
    let unit = |id: &str| campaign.unit(id).map_or(id.to_owned(), |u| u.name.clone());
    let heading = |t: Text| (theme.header(), t.get(lang).to_owned(), None);
    let mut out: Rows = Vec::new();
    // Milestones, open problems, resolved problems: the order of `detail_items::items`.
    let mut item = 0usize;

    let verdict = &model.derived.lights[index];
    let status = task.status.label(lang);
    let light = light_label(verdict.light, verdict.overridden, lang, true, g);
    out.push((
        theme.light(verdict.light),
        tr!("{light} · 状态:{status}", "{light} · status: {status}")
            .get(lang)
            .to_owned(),
        None,
    ));
    for reason in &verdict.reasons {
        out.push((
            theme.light(verdict.light),
            format!("  · {}", inert(reason.text(task).get(lang))),
            None,
        ));
    }

    out.push(heading(Text::new("五个一", "Five Ones")));
    let leader = person(&task.leader);
    let owner = person(&task.owner);
    let lead = task.lead_unit.as_deref().map_or("—".to_owned(), unit);
    let co = if task.co_units.is_empty() {
        "—".to_owned()
    } else {
        task.co_units
            .iter()
            .map(|u| unit(u))
            .collect::<Vec<_>>()
            .join("、")
    };
    for t in [
        tr!("  包保领导:{leader}", "  Sponsor: {leader}"),
        tr!("  牵头单位:{lead}", "  Lead unit: {lead}"),
        tr!("  配合单位:{co}", "  Supporting: {co}"),
        tr!("  责任人:{owner}", "  Owner: {owner}"),
    ] {
        out.push((Style::new(), inert(t.get(lang)), None));
    }
    if let Some(target) = &task.target {
        out.push((
            Style::new(),
            inert(tr!("目标:{target}", "Target: {target}").get(lang)),
            None,
        ));
    }
    let deadline = task.deadline;
    let days = (deadline - today).num_days();
    let left = due_label(days, lang);
    out.push((
        Style::new(),
        tr!(
            "完成时限:{deadline}({left})",
            "Deadline: {deadline} ({left})"
        )
        .get(lang)
        .to_owned(),
        None,
    ));
    if let Some(p) = task.progress {
        let label = task
            .progress_label
            .clone()
            .unwrap_or_else(|| Text::new("进度", "Progress").get(lang).to_owned());
        out.push((Style::new(), format!("{}: {p}%", inert(&label)), None));
    }

    let count = task.milestones.len();
    out.push(heading(tr!("节点({count})", "Milestones ({count})")));
    for m in &task.milestones {
        let state = milestone_state(m, today, campaign.rules.light.warn_days);
        let (mark, style, note) = match state {
            MilestoneState::Done { late_days } if late_days > 0 => (
                g.done,
                theme.dim(),
                tr!("完成,晚{late_days}天", "done {late_days}d late"),
            ),
            MilestoneState::Done { .. } => (g.done, theme.dim(), Text::new("完成", "done")),
            MilestoneState::Overdue { days } => (
                g.overdue,
                theme.light(TaskLight::Red),
                tr!("逾期{days}天", "{days}d overdue"),
            ),
            MilestoneState::DueSoon { days } => (
                g.soon,
                theme.light(TaskLight::Yellow),
                Text::same(due_label(days, lang)),
            ),
            MilestoneState::Upcoming { days } => {
                (g.upcoming, Style::new(), Text::same(due_label(days, lang)))
            }
        };
        let due = m.due.format("%m-%d");
        out.push((
            style,
            format!("  {mark} {due} {} ({})", inert(&m.title), note.get(lang)),
            Some(item),
        ));
        item += 1;
    }
    let (open, resolved): (Vec<_>, Vec<_>) = task.problems.iter().partition(|p| !p.resolved);
    if !open.is_empty() {
        out.push(heading(Text::new("未解决问题", "Open problems")));
        for p in open {
            let due = p
                .due
                .map_or(String::new(), |d| format!(" {}", d.format("%m-%d")));
            let owner = p
                .owner
                .as_deref()
                .map_or(String::new(), |u| format!(" [{}]", unit(u)));
            out.push((
                theme.warning(),
                format!("  {} {}{owner}{due}", g.problem, inert(&p.text)),
                Some(item),
            ));
            item += 1;
        }
    }
    if !resolved.is_empty() {
        out.push(heading(Text::new(
            format!("已解决问题 {} 成果", g.arrow),
            format!("Resolved problems {} results", g.arrow),
        )));
        for p in resolved {
            let result = p
                .result
                .as_deref()
                .map_or(String::new(), |r| format!(" {} {}", g.arrow, inert(r)));
            out.push((
                theme.dim(),
                format!("  {} {}{result}", g.done, inert(&p.text)),
                Some(item),
            ));
            item += 1;
        }
    }
    if !task.log.is_empty() {
        out.push(heading(Text::new("最近记录", "Recent notes")));
        for entry in task.log.iter().rev().take(5) {
            let by = entry.by.as_deref().map_or(String::new(), |b| {
                format!(" {}", person(&Some(b.to_owned())))
            });
            out.push((
                Style::new(),
                format!(
                    "  {}{by}: {}",
                    entry.date.format("%m-%d"),
                    inert(&entry.text)
                ),
                None,
            ));
        }
    }
    out
}
