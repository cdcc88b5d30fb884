//! The detail view as one document: every row of a task's details below its pinned title and
//! light (the reasons, the Five Ones, target and deadline, every milestone, problem and note).
//! The view's cursor is a row of this document; a row that is a milestone or a problem is
//! what `x`, `r`, `e` and `d` act on. Built here, not in `ui`, so `update` knows how many rows
//! there are and which item each is; `ui::detail` words the marks and styles each kind.
//! To show more (follow-up orders, say), add rows in [`document`].

use super::detail_items::Item;
use super::model::Model;
use crate::domain::follow_up::{self, FollowUp};
use crate::domain::history;
use crate::domain::milestone::{MilestoneState, due_label, milestone_state};
use crate::domain::{Campaign, LogEntry, Problem, Task};
use crate::i18n::{Lang, Text};
use crate::sanitize::inert;
use crate::tr;

/// What a row is, which decides its mark and style when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// Why the task is due a follow-up order (督办), and whether one was issued.
    FollowUp(FollowUp),
    /// A reason for the light.
    Reason,
    /// A section heading.
    Heading,
    /// A plain line (Five Ones, target, deadline, progress).
    Plain,
    Milestone(MilestoneState),
    OpenProblem,
    /// A resolved problem and its result (the results list).
    ResolvedProblem {
        result: Option<String>,
    },
    /// A note of the task's log.
    Note,
    /// A line of the task's history (a status change, tick, sign-off… the store recorded).
    History,
}

/// One row: its kind, its text (user text already made inert) and the item it selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) kind: RowKind,
    pub(crate) text: String,
    pub(crate) item: Option<Item>,
}

impl Row {
    fn new(kind: RowKind, text: impl Into<String>) -> Row {
        Row {
            kind,
            text: text.into(),
            item: None,
        }
    }
}

/// Rows a page key moves the cursor by.
pub(crate) const PAGE: usize = 10;

/// The document of task `index` (in file order), in the model's language.
pub(crate) fn document(model: &Model, index: usize) -> Vec<Row> {
    let Some(task) = model.campaign().tasks.get(index) else {
        return Vec::new();
    };
    let lang = model.lang;
    let mut out = Vec::new();
    if let Some(state) = model.derived.follow_ups.get(index).copied().flatten() {
        out.push(Row::new(
            RowKind::FollowUp(state),
            follow_up_text(model, index).get(lang),
        ));
    }
    if let Some(verdict) = model.derived.lights.get(index) {
        for reason in &verdict.reasons {
            out.push(Row::new(
                RowKind::Reason,
                inert(reason.text(task).get(lang)),
            ));
        }
    }
    out.extend(open_conflicts(model, &task.id));
    out.extend(five_ones(model, task));
    out.extend(milestones(model, task));
    out.extend(problems(model, task));
    out.extend(log(model, task));
    out
}

/// A person's name, or `—` for nobody.
fn person(campaign: &Campaign, id: Option<&str>) -> String {
    id.map_or_else(
        || "—".to_owned(),
        |p| campaign.person(p).map_or(p.to_owned(), |x| x.name.clone()),
    )
}

fn unit(campaign: &Campaign, id: &str) -> String {
    campaign.unit(id).map_or(id.to_owned(), |u| u.name.clone())
}

fn heading(t: Text, lang: Lang) -> Row {
    Row::new(RowKind::Heading, t.get(lang))
}

/// The Five Ones (五个一), then the target, deadline and progress.
fn five_ones(model: &Model, task: &Task) -> Vec<Row> {
    let (campaign, lang) = (model.campaign(), model.lang);
    let plain = |t: Text| Row::new(RowKind::Plain, inert(t.get(lang)));
    let mut out = vec![heading(Text::new("五个一", "Five Ones"), lang)];
    let leader = person(campaign, task.leader.as_deref());
    let owner = person(campaign, task.owner.as_deref());
    let lead = task
        .lead_unit
        .as_deref()
        .map_or("—".to_owned(), |u| unit(campaign, u));
    let co = if task.co_units.is_empty() {
        "—".to_owned()
    } else {
        task.co_units
            .iter()
            .map(|u| unit(campaign, u))
            .collect::<Vec<_>>()
            .join("、")
    };
    out.push(plain(tr!("  包保领导:{leader}", "  Sponsor: {leader}")));
    out.push(plain(tr!("  牵头单位:{lead}", "  Lead unit: {lead}")));
    out.push(plain(tr!("  配合单位:{co}", "  Supporting: {co}")));
    out.push(plain(tr!("  责任人:{owner}", "  Owner: {owner}")));
    if let Some(target) = &task.target {
        out.push(plain(tr!("目标:{target}", "Target: {target}")));
    }
    let deadline = task.deadline;
    let left = due_label((deadline - model.today).num_days(), lang);
    out.push(plain(tr!(
        "完成时限:{deadline}({left})",
        "Deadline: {deadline} ({left})"
    )));
    if let Some(p) = task.progress {
        let label = task
            .progress_label
            .clone()
            .unwrap_or_else(|| Text::new("进度", "Progress").get(lang).to_owned());
        out.push(Row::new(RowKind::Plain, format!("{}: {p}%", inert(&label))));
    }
    out
}

/// The milestones heading and each milestone with its state.
fn milestones(model: &Model, task: &Task) -> Vec<Row> {
    let (campaign, lang) = (model.campaign(), model.lang);
    let count = task.milestones.len();
    let mut out = vec![heading(tr!("节点({count})", "Milestones ({count})"), lang)];
    for (n, m) in task.milestones.iter().enumerate() {
        let state = milestone_state(m, model.today, campaign.rules.light.warn_days);
        let note = match state {
            MilestoneState::Done { late_days } if late_days > 0 => {
                tr!("完成,晚{late_days}天", "done {late_days}d late")
            }
            MilestoneState::Done { .. } => Text::new("完成", "done"),
            MilestoneState::Overdue { days } => tr!("逾期{days}天", "{days}d overdue"),
            MilestoneState::DueSoon { days } | MilestoneState::Upcoming { days } => {
                Text::same(due_label(days, lang))
            }
        };
        let due = m.due.format("%m-%d");
        out.push(Row {
            kind: RowKind::Milestone(state),
            text: format!("{due} {} ({})", inert(&m.title), note.get(lang)),
            item: Some(Item::Milestone(n)),
        });
    }
    out
}

/// A problem's kind first (督办, 派单…), so an order reads as one.
fn kind_mark(problem: &Problem) -> String {
    problem
        .kind
        .as_deref()
        .map_or(String::new(), |k| format!("【{}】", inert(k)))
}

/// The open problems, then the resolved ones with their results.
fn problems(model: &Model, task: &Task) -> Vec<Row> {
    let (campaign, lang) = (model.campaign(), model.lang);
    let mut out = Vec::new();
    let open: Vec<usize> = (0..task.problems.len())
        .filter(|&p| !task.problems[p].resolved)
        .collect();
    let resolved: Vec<usize> = (0..task.problems.len())
        .filter(|&p| task.problems[p].resolved)
        .collect();
    if !open.is_empty() {
        let n = open.len();
        out.push(heading(tr!("未解决问题({n})", "Open problems ({n})"), lang));
    }
    for p in open {
        let problem = &task.problems[p];
        let due = problem
            .due
            .map_or(String::new(), |d| format!(" {}", d.format("%m-%d")));
        let owner = problem
            .owner
            .as_deref()
            .map_or(String::new(), |u| format!(" [{}]", unit(campaign, u)));
        let kind = kind_mark(problem);
        out.push(Row {
            kind: RowKind::OpenProblem,
            text: format!("{kind}{}{owner}{due}", inert(&problem.text)),
            item: Some(Item::Problem(p)),
        });
    }
    if !resolved.is_empty() {
        let n = resolved.len();
        out.push(heading(
            tr!(
                "已解决问题与成果({n})",
                "Resolved problems and results ({n})"
            ),
            lang,
        ));
    }
    for p in resolved {
        let problem = &task.problems[p];
        out.push(Row {
            kind: RowKind::ResolvedProblem {
                result: problem.result.as_deref().map(inert),
            },
            text: format!("{}{}", kind_mark(problem), inert(&problem.text)),
            item: Some(Item::Problem(p)),
        });
    }
    out
}

/// The notes, then the history, newest first.
fn log(model: &Model, task: &Task) -> Vec<Row> {
    let (campaign, lang) = (model.campaign(), model.lang);
    let line = |entry: &LogEntry, text: &str| {
        let by = entry
            .by
            .as_deref()
            .map_or(String::new(), |b| format!(" {}", person(campaign, Some(b))));
        format!("{}{by}: {}", entry.date.format("%m-%d"), inert(text))
    };
    let mut out = Vec::new();
    let n = history::notes(&task.log).count();
    if n > 0 {
        out.push(heading(
            tr!("记录(共{n}条,新的在前)", "Notes ({n}, newest first)"),
            lang,
        ));
        for entry in history::notes(&task.log).rev() {
            out.push(Row::new(RowKind::Note, line(entry, &entry.text)));
        }
    }
    let n = history::history(&task.log).count();
    if n > 0 {
        out.push(heading(
            tr!("历史(共{n}条,新的在前)", "History ({n}, newest first)"),
            lang,
        ));
        for entry in history::history(&task.log).rev() {
            let text = history::describe(entry, lang);
            out.push(Row::new(RowKind::History, line(entry, &text)));
        }
    }
    out
}

/// `督办:第4、5、6节点连续红灯,尚未下达` / `…,已下达 T08-P3(限期 12-07,县住建局)`.
pub fn follow_up_text(model: &Model, index: usize) -> Text {
    let campaign = &*model.as_of_today();
    let Some(task) = campaign.tasks.get(index) else {
        return Text::same("");
    };
    let numbers = follow_up::last_reviews(campaign).unwrap_or_default();
    let zh_list = numbers.map(|n| n.to_string()).join("、");
    let en_list = numbers.map(|n| n.to_string()).join(", ");
    let since = follow_up::latest_review_date(campaign);
    let Some(order) = follow_up::order_for(task, since) else {
        return Text::new(
            format!("督办:第{zh_list}节点连续红灯,尚未下达督办"),
            format!("Follow-up order: red at checkpoints {en_list}; not issued yet"),
        );
    };
    let id = inert(&order.id);
    let unit = order.owner.as_deref().map_or_else(
        || "—".to_owned(),
        |u| campaign.unit(u).map_or(u.to_owned(), |x| x.name.clone()),
    );
    let (zh_when, en_when) = match (order.resolved_on, order.due) {
        (Some(d), _) => (format!("已办结 {d}"), format!("settled {d}")),
        (None, Some(d)) => (format!("限期 {d}"), format!("fix by {d}")),
        (None, None) => (String::new(), String::new()),
    };
    Text::new(
        format!("督办:第{zh_list}节点连续红灯,已下达 {id}({unit},{zh_when})"),
        format!(
            "Follow-up order: red at checkpoints {en_list}; issued as {id} ({unit}, {en_when})"
        ),
    )
}

/// The row of the first milestone or problem (where the cursor starts), else the top.
pub(crate) fn first_item_row(rows: &[Row]) -> usize {
    rows.iter().position(|r| r.item.is_some()).unwrap_or(0)
}

/// The milestone or problem under the cursor of the detail view, if any.
pub fn selected_item(model: &Model) -> Option<Item> {
    let index = model.selected()?;
    document(model, index)
        .get(model.detail_row)
        .and_then(|r| r.item)
}

/// The task's open `[[conflicts]]` records: a heading, then each field with the file's value
/// and the recorded one, who made each and the day the sync recorded it.
fn open_conflicts(model: &Model, id: &str) -> Vec<Row> {
    let campaign = model.campaign();
    if !campaign
        .conflicts
        .iter()
        .any(|c| c.task.as_deref() == Some(id))
    {
        return Vec::new();
    }
    let lang = model.lang;
    let listed = crate::store::merge::recorded::list(model.store().text());
    let rows: Vec<Row> = listed
        .iter()
        .zip(&campaign.conflicts)
        .filter(|(c, _)| c.task == id)
        .map(|(c, r)| {
            let field = if c.key == crate::store::merge::recorded::WHOLE_TASK {
                Text::new("整个任务", "whole task").get(lang).to_owned()
            } else {
                c.key.clone()
            };
            let (file, record) = (&c.mine, &c.theirs);
            let who = |w: &Option<String>| w.clone().unwrap_or_else(|| "?".to_owned());
            let (kept_by, by) = (who(&r.kept_by), who(&r.by));
            let date = r.date.map_or_else(String::new, |d| d.to_string());
            let text = tr!(
                "  {field}:文件中 {file}({kept_by})· 记录中 {record}({by},{date})",
                "  {field}: in the file {file} ({kept_by}) · recorded {record} ({by}, {date})"
            );
            Row::new(RowKind::Reason, inert(text.get(lang)))
        })
        .collect();
    let n = rows.len();
    let mut out = vec![Row::new(
        RowKind::Heading,
        tr!(
            "未解决的冲突({n} 处,打开看板时 m/t 处理)",
            "Open conflicts ({n}; settled with m/t when the board opens)"
        )
        .get(lang),
    )];
    out.extend(rows);
    out
}
