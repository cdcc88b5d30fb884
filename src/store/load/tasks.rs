//! `[[tasks]]`: the cards, their Five Ones, status and the rules that tie them together.

use std::ops::Range;

use chrono::NaiveDate;

use super::entry::Entry;
use super::people::entry_with_id;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use super::task_parts::{read_log, read_milestones, read_override, read_problems};
use crate::domain::{CampaignInfo, Milestone, Problem, Status, StatusSpelling, Task};
use crate::i18n::Text;
use crate::store::tree::Table;
use crate::tr;

const TASK_KEYS: &[&str] = &[
    "id",
    "title",
    "short",
    "category",
    "leader",
    "lead_unit",
    "co_units",
    "owner",
    "status",
    "priority",
    "investment",
    "target",
    "start",
    "deadline",
    "progress",
    "progress_label",
    "milestones",
    "log",
    "problems",
    "closed_on",
    "closed_by",
    "light_override",
];

/// Reads `[[tasks]]` one element at a time (the loader streams them), noting how the file
/// spells statuses.
#[derive(Default)]
pub(crate) struct TaskReader {
    chinese: usize,
    english: usize,
    read: usize,
    pub(crate) tasks: Vec<Task>,
}

impl TaskReader {
    /// Reads the next task; `table` is `None` when the element is not a table.
    pub(crate) fn read(
        &mut self,
        f: &mut Findings,
        ids: &mut Ids,
        table: (&Table, Option<Range<usize>>),
        info: &CampaignInfo,
        today: NaiveDate,
    ) {
        let index = self.read;
        self.read += 1;
        let (e, id) = entry_with_id(f, ids, table, index, "tasks", IdKind::Task, TASK_KEYS);
        let Some(id) = id else {
            return;
        };
        if let Some(raw) = e.str(f, "status", false) {
            if Status::parse(&raw).is_some_and(|s| s.zh() == raw) {
                self.chinese += 1;
            } else {
                self.english += 1;
            }
        }
        if let Some(task) = read_task(&e, f, ids, info, today, id) {
            self.tasks.push(task);
        }
        e.finish(f);
    }

    pub(crate) fn finish(self, spelling: &mut StatusSpelling) -> Vec<Task> {
        if self.chinese > self.english {
            *spelling = StatusSpelling::Chinese;
        }
        self.tasks
    }
}

fn read_task(
    e: &Entry,
    f: &mut Findings,
    ids: &mut Ids,
    info: &CampaignInfo,
    today: NaiveDate,
    id: String,
) -> Option<Task> {
    let subject = e.subject.clone();
    let title = e.str(f, "title", true);
    let short = e.str(f, "short", false);
    let category = e.str(f, "category", true);
    if let Some(c) = &category {
        ids.refer(
            IdKind::Category,
            c,
            e.value_span("category"),
            &subject,
            "category",
        );
    }
    let leader = e.str(f, "leader", false);
    let lead_unit = e.str(f, "lead_unit", false);
    let owner = e.str(f, "owner", false);
    for (key, kind, value) in [
        ("leader", IdKind::Person, &leader),
        ("lead_unit", IdKind::Unit, &lead_unit),
        ("owner", IdKind::Person, &owner),
    ] {
        if let Some(v) = value {
            ids.refer(kind, v, e.value_span(key), &subject, key);
        }
    }
    five_ones(e, f, &leader, &lead_unit, &owner);
    let co_units: Vec<String> = e
        .str_list(f, "co_units")
        .into_iter()
        .map(|(unit, span)| {
            ids.refer(IdKind::Unit, &unit, span, &subject, "co_units");
            unit
        })
        .collect();
    let status = read_status(e, f);
    let priority = e.int_in(f, "priority", false, 1, 3).unwrap_or(2) as u8;
    let investment = e.number(f, "investment", false);
    let target = e.str(f, "target", false);
    let start = e.date(f, "start", false).unwrap_or(info.start);
    let deadline = e.date(f, "deadline", true);
    let progress = e.int_in(f, "progress", false, 0, 100).map(|p| p as u8);
    let progress_label = e.str(f, "progress_label", false);
    let closed_on = e.date(f, "closed_on", false);
    let closed_by = e.str(f, "closed_by", false);
    if let Some(p) = &closed_by {
        ids.refer(
            IdKind::Person,
            p,
            e.value_span("closed_by"),
            &subject,
            "closed_by",
        );
    }
    let light_override = read_override(e, f);
    let milestones = read_milestones(e, f, ids, &id, today);
    let log = read_log(e, f, ids);
    let problems = read_problems(e, f, ids, today);

    check_schedule(e, f, info, start, deadline, &milestones);
    check_status_holds(
        e,
        f,
        status.filter(|_| deadline.is_some()),
        &milestones,
        &problems,
    );
    check_sign_off(e, f, status, closed_on, today);
    Some(Task {
        id,
        title: title?,
        short,
        category: category?,
        leader,
        lead_unit,
        co_units,
        owner,
        status: status?,
        priority,
        investment,
        target,
        start,
        deadline: deadline?,
        progress,
        progress_label,
        milestones,
        log,
        problems,
        closed_on,
        closed_by,
        light_override,
    })
}

/// The deadline against the start and the campaign's end, and the milestones against the
/// deadline and each other.
fn check_schedule(
    e: &Entry,
    f: &mut Findings,
    info: &CampaignInfo,
    start: NaiveDate,
    deadline: Option<NaiveDate>,
    milestones: &[Milestone],
) {
    let subject = &e.subject;
    if let Some(deadline) = deadline {
        if deadline < start {
            f.error(
                e.value_span("deadline"),
                Some(subject),
                tr!(
                    "完成时限 {deadline} 早于开始日期 {start}",
                    "the deadline {deadline} is before the start {start}"
                ),
                Some(Text::new(
                    "请改正 deadline 或 start",
                    "fix deadline or start",
                )),
            );
        }
        if deadline > info.end {
            let end = info.end;
            f.warn(
                e.value_span("deadline"),
                Some(subject),
                tr!(
                    "完成时限 {deadline} 晚于活动结束日 {end}",
                    "the deadline {deadline} is after the campaign's end {end}"
                ),
                None,
            );
        }
        for m in milestones.iter().filter(|m| m.due > deadline) {
            let (t, due) = (&m.title, m.due);
            f.warn(
                e.value_span("milestones"),
                Some(subject),
                tr!(
                    "节点「{t}」的日期 {due} 晚于完成时限 {deadline}",
                    "milestone \"{t}\" is due {due}, after the deadline {deadline}"
                ),
                None,
            );
        }
    }
    if milestones.windows(2).any(|w| w[1].due < w[0].due) {
        f.warn(
            e.value_span("milestones"),
            Some(subject),
            Text::new("节点未按日期先后排列", "milestones are not in date order"),
            Some(Text::new(
                "请按 due 从早到晚排列",
                "list them from the earliest due date",
            )),
        );
    }
    if milestones.is_empty() {
        f.warn(
            e.span(),
            Some(subject),
            Text::new(
                "任务没有节点(挂图作战需要节点)",
                "the task has no milestones",
            ),
            Some(Text::new(
                "添加 milestones = [ { title, due, done = false } ]",
                "add milestones = [ { title, due, done = false } ]",
            )),
        );
    }
}

/// The status against what is left: undone milestones, open problems.
fn check_status_holds(
    e: &Entry,
    f: &mut Findings,
    status: Option<Status>,
    milestones: &[Milestone],
    problems: &[Problem],
) {
    let subject = &e.subject;
    if let Some(status) = status {
        let undone = milestones.iter().filter(|m| !m.done).count();
        let open = problems.iter().filter(|p| !p.resolved).count();
        if let Err(block) = status.may_hold(undone, open) {
            let (message, hint) = block.finding();
            f.error(e.value_span("status"), Some(subject), message, Some(hint));
        }
    }
}

/// A sign-off only on a task crossed off, and not dated in the future.
fn check_sign_off(
    e: &Entry,
    f: &mut Findings,
    status: Option<Status>,
    closed_on: Option<NaiveDate>,
    today: NaiveDate,
) {
    let subject = &e.subject;
    if status.is_some_and(|s| s != Status::Done) {
        // A sign-off kept by a task that is not crossed off (reopened, or a status
        // settled the other way): the file contradicts itself.
        for key in ["closed_on", "closed_by"].into_iter().filter(|k| e.has(k)) {
            f.error(
                e.value_span(key),
                Some(subject),
                tr!(
                    "任务未销号,却有 {key}(销号的日期或人)",
                    "{key} (the sign-off's date or person) on a task that is not crossed off"
                ),
                Some(Text::new(
                    "删除 closed_on 和 closed_by,或重新销号",
                    "remove closed_on and closed_by, or cross the task off again",
                )),
            );
        }
    }
    if let Some(closed) = closed_on.filter(|d| *d > today) {
        f.warn(
            e.value_span("closed_on"),
            Some(subject),
            tr!(
                "销号日期 {closed} 在今天之后",
                "closed_on {closed} is in the future"
            ),
            None,
        );
    }
}

fn read_status(e: &Entry, f: &mut Findings) -> Option<Status> {
    let Some(raw) = e.str(f, "status", false) else {
        return (!e.has("status")).then_some(Status::NotStarted);
    };
    let status = Status::parse(&raw);
    if status.is_none() {
        f.error(
            e.value_span("status"),
            Some(&e.subject),
            tr!("不认识的状态 `{raw}`", "unknown status `{raw}`"),
            Some(Text::new(
                "可选:未启动 推进中 受阻 待销号 已销号(或 not_started in_progress blocked pending_signoff done)",
                "use one of not_started in_progress blocked pending_signoff done (or 未启动 推进中 受阻 待销号 已销号)",
            )),
        );
    }
    status
}

/// A warning naming what is missing of the Five Ones (五个一).
fn five_ones(
    e: &Entry,
    f: &mut Findings,
    leader: &Option<String>,
    unit: &Option<String>,
    owner: &Option<String>,
) {
    let missing: Vec<(&str, &str)> = [
        ("leader", "包保领导", leader),
        ("lead_unit", "牵头单位", unit),
        ("owner", "责任人", owner),
    ]
    .into_iter()
    .filter(|(_, _, v)| v.is_none())
    .map(|(key, zh, _)| (key, zh))
    .collect();
    if missing.is_empty() {
        return;
    }
    let zh: Vec<String> = missing.iter().map(|(k, zh)| format!("{zh}({k})")).collect();
    let en: Vec<&str> = missing.iter().map(|(k, _)| *k).collect();
    f.warn(
        e.span(),
        Some(&e.subject),
        Text::new(
            format!("五个一不完整:缺少{}", zh.join("、")),
            format!("Five Ones incomplete: no {}", en.join(", ")),
        ),
        Some(Text::new(
            "请补齐人员与单位编号",
            "add the person and unit ids",
        )),
    );
}
