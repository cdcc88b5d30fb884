//! The weekly report, per unit: milestones due in the next 7 days and overdue ones, open
//! problems, and the week's moves (the history lines of the 7 days up to today: status
//! changes, ticks, sign-offs, lights, problems resolved).

use chrono::Days;

use super::{Ctx, pledges};
use crate::domain::Task;
use crate::domain::history::{self, Event};
use crate::report::doc::{Doc, Section, Table};

pub(super) fn weekly(x: &Ctx) -> Doc {
    let week_end = x.today.checked_add_days(Days::new(7)).unwrap_or(x.today);
    let week_start = x.today.checked_sub_days(Days::new(6)).unwrap_or(x.today);
    let header: Vec<String> = [
        ("单位", "Unit"),
        ("类别", "Kind"),
        ("任务", "Task"),
        ("事项", "Item"),
        ("日期", "Date"),
    ]
    .iter()
    .map(|(z, e)| x.t(z, e))
    .collect();
    let mut sections = Vec::new();
    let mut all_rows = Vec::new();
    for u in &x.c.units {
        let unit = u.id.as_str();
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut row = |kind: String, t: &Task, item: String, date: String| {
            let task = format!("{} {}", t.id, t.display_title());
            rows.push(vec![u.name.clone(), kind, task, item, date]);
        };
        for t in &x.c.tasks {
            for m in t
                .milestones
                .iter()
                .filter(|m| !m.done && m.unit.as_deref().or(t.lead_unit.as_deref()) == Some(unit))
            {
                let kind = if m.due < x.today {
                    x.t("逾期节点", "overdue milestone")
                } else if m.due <= week_end {
                    x.t("本周节点", "due this week")
                } else {
                    continue;
                };
                row(kind, t, m.title.clone(), m.due.to_string());
            }
            for p in t.problems.iter().filter(|p| {
                !p.resolved && p.owner.as_deref().or(t.lead_unit.as_deref()) == Some(unit)
            }) {
                let date = p.due.map(|d| d.to_string()).unwrap_or_default();
                row(x.t("未解决问题", "open problem"), t, p.text.clone(), date);
            }
        }
        for t in &x.c.tasks {
            for e in history::history(&t.log)
                .filter(|e| (week_start..=x.today).contains(&e.date))
                .filter(|e| moved_for(t, e.kind.as_deref(), &e.text) == Some(unit))
            {
                let item = history::describe(e, x.lang);
                row(x.t("本周动态", "move"), t, item, e.date.to_string());
            }
        }
        if rows.is_empty() {
            continue;
        }
        let lines: Vec<String> = rows
            .iter()
            .map(|r| format!("{}:{} — {} {}", r[1], r[2], r[3], r[4]))
            .collect();
        sections.push(Section {
            heading: u.name.clone(),
            lines,
            table: None,
        });
        all_rows.extend(rows);
    }
    let pledges = pledges::due_lines(x);
    if !pledges.is_empty() {
        sections.push(Section {
            heading: x.t("待查承诺", "Pledges to check"),
            lines: pledges,
            table: None,
        });
    }
    Doc {
        sections,
        main: Table {
            header,
            rows: all_rows,
        },
        ..Doc::default()
    }
}

/// The unit a move counts for, as the rest of the week's list does: a milestone's credited
/// unit, a problem's owner, else the task's lead unit.
fn moved_for<'a>(t: &'a Task, kind: Option<&str>, text: &str) -> Option<&'a str> {
    let lead = t.lead_unit.as_deref();
    match kind.and_then(|k| Event::parse(k, text)) {
        Some(Event::Tick { milestone, .. }) => {
            let full = format!("{}-{milestone}", t.id);
            t.milestones
                .iter()
                .find(|m| m.id == milestone || m.id == full)
                .and_then(|m| m.unit.as_deref())
                .or(lead)
        }
        Some(Event::Resolved { problem, .. }) => t
            .problems
            .iter()
            .find(|p| p.id == problem)
            .and_then(|p| p.owner.as_deref())
            .or(lead),
        _ => lead,
    }
}
