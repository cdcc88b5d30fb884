//! The parts of a task: milestones, log, problems and the light override.

use chrono::NaiveDate;

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use crate::domain::{Light, LightOverride, LogEntry, Milestone, Problem};
use crate::i18n::Text;
use crate::tr;

const MILESTONE_KEYS: &[&str] = &["title", "due", "done", "done_on", "unit", "id"];
const LOG_KEYS: &[&str] = &["date", "text", "by", "kind"];
const PROBLEM_KEYS: &[&str] = &[
    "id",
    "text",
    "raised",
    "resolved",
    "kind",
    "blocking",
    "owner",
    "coordinator",
    "due",
    "resolved_on",
    "result",
];
const OVERRIDE_KEYS: &[&str] = &["light", "reason", "until"];

fn future_warning(f: &mut Findings, e: &Entry, key: &str, date: NaiveDate, today: NaiveDate) {
    if date > today {
        f.warn(
            e.value_span(key),
            Some(&e.subject),
            tr!(
                "`{key}` = {date} 在今天({today})之后",
                "`{key}` = {date} is in the future (today is {today})"
            ),
            Some(Text::new(
                "已完成的事项日期不应晚于今天",
                "a date on something done cannot be later than today",
            )),
        );
    }
}

pub(crate) fn read_milestones(
    task: &Entry,
    f: &mut Findings,
    ids: &mut Ids,
    task_id: &str,
    today: NaiveDate,
) -> Vec<Milestone> {
    let tables = task.tables(f, "milestones");
    let mut out = Vec::with_capacity(tables.len());
    for (n, (table, span)) in tables.into_iter().enumerate() {
        let default_id = format!("{task_id}-M{}", n + 1);
        let mut e = Entry::new(
            table,
            span,
            IdKind::Milestone.subject(&default_id),
            MILESTONE_KEYS,
        );
        let id = match e.str(f, "id", false) {
            Some(id) => {
                e.subject = IdKind::Milestone.subject(&id);
                id
            }
            None => default_id,
        };
        ids.define(f, IdKind::Milestone, &id, e.value_span("id"));
        let title = e.str(f, "title", true);
        let due = e.date(f, "due", true);
        let done = e.bool(f, "done", true);
        let done_on = e.date(f, "done_on", false);
        let unit = e.str(f, "unit", false);
        if let Some(unit) = &unit {
            ids.refer(IdKind::Unit, unit, e.value_span("unit"), &e.subject, "unit");
        }
        match (done, done_on) {
            (Some(false), Some(_)) => f.error(
                e.value_span("done_on"),
                Some(&e.subject),
                Text::new(
                    "写了 done_on 但 done = false",
                    "done_on is set while done = false",
                ),
                Some(Text::new(
                    "改为 done = true,或删去 done_on",
                    "set done = true, or remove done_on",
                )),
            ),
            (Some(true), None) => f.warn(
                e.value_span("done"),
                Some(&e.subject),
                Text::new("已完成但没有 done_on 日期", "done = true without done_on"),
                Some(Text::new(
                    "添加 done_on = 完成日期,完成率才能按日期统计",
                    "add done_on = the date it was done, so rates count it on time",
                )),
            ),
            (Some(true), Some(d)) => future_warning(f, &e, "done_on", d, today),
            _ => {}
        }
        e.finish(f);
        if let (Some(title), Some(due), Some(done)) = (title, due, done) {
            out.push(Milestone {
                id,
                title,
                due,
                done,
                done_on,
                unit,
            });
        }
    }
    out
}

pub(crate) fn read_log(task: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<LogEntry> {
    let tables = task.tables(f, "log");
    let mut out = Vec::with_capacity(tables.len());
    for (table, span) in tables {
        let e = Entry::new(table, span, task.subject.clone(), LOG_KEYS);
        let date = e.date(f, "date", true);
        let text = e.str(f, "text", true);
        let by = e.str(f, "by", false);
        let kind = e.str(f, "kind", false);
        if let Some(by) = &by {
            ids.refer(IdKind::Person, by, e.value_span("by"), &e.subject, "by");
        }
        e.finish(f);
        if let (Some(date), Some(text)) = (date, text) {
            out.push(LogEntry {
                date,
                text,
                by,
                kind,
            });
        }
    }
    out
}

pub(crate) fn read_problems(
    task: &Entry,
    f: &mut Findings,
    ids: &mut Ids,
    today: NaiveDate,
) -> Vec<Problem> {
    let tables = task.tables(f, "problems");
    let mut out = Vec::with_capacity(tables.len());
    for (table, span) in tables {
        let mut e = Entry::new(table, span, task.subject.clone(), PROBLEM_KEYS);
        let id = e.str(f, "id", true);
        if let Some(id) = &id {
            e.subject = IdKind::Problem.subject(id);
            ids.define(f, IdKind::Problem, id, e.value_span("id"));
        }
        let text = e.str(f, "text", true);
        let raised = e.date(f, "raised", true);
        let resolved = e.bool(f, "resolved", true);
        let kind = e.str(f, "kind", false);
        let blocking = e.bool(f, "blocking", false).unwrap_or(false);
        let owner = e.str(f, "owner", false);
        let coordinator = e.str(f, "coordinator", false);
        let due = e.date(f, "due", false);
        let resolved_on = e.date(f, "resolved_on", false);
        let result = e.str(f, "result", false);
        if let Some(owner) = &owner {
            ids.refer(
                IdKind::Unit,
                owner,
                e.value_span("owner"),
                &e.subject,
                "owner",
            );
        }
        if let Some(c) = &coordinator {
            ids.refer(
                IdKind::Person,
                c,
                e.value_span("coordinator"),
                &e.subject,
                "coordinator",
            );
        }
        match resolved {
            Some(true) if result.is_none() => f.warn(
                e.value_span("resolved"),
                Some(&e.subject),
                Text::new(
                    "问题已解决但没有 result(成果清单)",
                    "resolved without a result",
                ),
                Some(Text::new(
                    "添加 result = \"解决办法\",它会进入成果清单",
                    "add result = \"how it was solved\"; it goes on the results list",
                )),
            ),
            Some(false) if due.is_none() => f.warn(
                e.span(),
                Some(&e.subject),
                Text::new(
                    "未解决的问题没有限期(due)",
                    "open problem without a fix-by date (due)",
                ),
                Some(Text::new(
                    "添加 due = 限期日期",
                    "add due = the fix-by date",
                )),
            ),
            _ => {}
        }
        if let (Some(true), Some(d)) = (resolved, resolved_on) {
            future_warning(f, &e, "resolved_on", d, today);
        }
        e.finish(f);
        if let (Some(id), Some(text), Some(raised), Some(resolved)) = (id, text, raised, resolved) {
            out.push(Problem {
                id,
                text,
                raised,
                resolved,
                kind,
                blocking,
                owner,
                coordinator,
                due,
                resolved_on,
                result,
            });
        }
    }
    out
}

pub(crate) fn read_override(task: &Entry, f: &mut Findings) -> Option<LightOverride> {
    let (table, span) = task.table(f, "light_override")?;
    let e = Entry::new(table, span, task.subject.clone(), OVERRIDE_KEYS);
    let light_text = e.str(f, "light", true);
    let reason = e.str(f, "reason", true);
    let until = e.date(f, "until", false);
    e.finish(f);
    let light_text = light_text?;
    let light = Light::parse(&light_text);
    if light.is_none() {
        f.error(
            e.value_span("light"),
            Some(&e.subject),
            tr!(
                "不认识的灯色 `{light_text}`",
                "unknown light `{light_text}`"
            ),
            Some(Text::new(
                "可选 \"red\"、\"yellow\"、\"green\"",
                "use \"red\", \"yellow\" or \"green\"",
            )),
        );
    }
    Some(LightOverride {
        light: light?,
        reason: reason?,
        until,
    })
}
