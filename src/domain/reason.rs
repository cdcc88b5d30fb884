//! Why a task's light is red or yellow: kept as data while judging (the board judges every
//! task and shows only the colour), worded when a screen or report shows it.

use super::milestone::due_label;
use super::model::Task;
use crate::i18n::{Lang, Text};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A leader set the light (`light_override`).
    Override,
    /// The task's n-th milestone is past due.
    MilestoneOverdue(usize),
    /// The task's n-th milestone is due within the warning days.
    MilestoneDueSoon {
        milestone: usize,
        days: i64,
    },
    PastDeadline,
    /// Past the deadline with every milestone done: only the sign-off (待销号) is missing.
    AwaitingSignOff,
    /// The task's n-th problem is past its fix-by date.
    ProblemOverdue(usize),
    /// The task's n-th problem is open and blocks the work (a 堵点).
    Blocking(usize),
    NotStartedLate,
    /// Whole points behind the expected progress.
    Behind(i64),
}

fn md(date: chrono::NaiveDate) -> String {
    date.format("%m-%d").to_string()
}

impl Reason {
    /// The reason in words, for `task` (the one it was judged on).
    pub fn text(self, task: &Task) -> Text {
        match self {
            Reason::Override => match &task.light_override {
                Some(o) => {
                    let reason = &o.reason;
                    match o.until {
                        Some(until) => {
                            let until = md(until);
                            tr!(
                                "领导认定:{reason}(至 {until})",
                                "set by a leader: {reason} (until {until})"
                            )
                        }
                        None => tr!("领导认定:{reason}", "set by a leader: {reason}"),
                    }
                }
                None => Text::new("领导认定", "set by a leader"),
            },
            Reason::MilestoneOverdue(n) => match task.milestones.get(n) {
                Some(m) => {
                    let (title, due) = (&m.title, md(m.due));
                    tr!(
                        "节点逾期:{title}({due})",
                        "milestone overdue: {title} ({due})"
                    )
                }
                None => Text::new("节点逾期", "milestone overdue"),
            },
            Reason::MilestoneDueSoon { milestone, days } => match task.milestones.get(milestone) {
                Some(m) => {
                    let (title, due) = (&m.title, md(m.due));
                    let (zh, en) = (due_label(days, Lang::Zh), due_label(days, Lang::En));
                    tr!(
                        "节点临近:{title}({due},{zh})",
                        "milestone due soon: {title} ({due}, {en})"
                    )
                }
                None => Text::new("节点临近", "milestone due soon"),
            },
            Reason::PastDeadline => {
                let deadline = md(task.deadline);
                tr!("已超过完成时限 {deadline}", "past the deadline {deadline}")
            }
            Reason::AwaitingSignOff => {
                let deadline = md(task.deadline);
                tr!(
                    "节点已全部完成,待销号(完成时限 {deadline})",
                    "every milestone done: awaiting sign-off (deadline {deadline})"
                )
            }
            Reason::ProblemOverdue(n) => match task.problems.get(n) {
                Some(p) => {
                    let text = &p.text;
                    let due = p.due.map(md).unwrap_or_default();
                    tr!(
                        "问题超期未解决:{text}(限期 {due})",
                        "problem past its fix-by date: {text} ({due})"
                    )
                }
                None => Text::new("问题超期未解决", "problem past its fix-by date"),
            },
            Reason::Blocking(n) => match task.problems.get(n) {
                Some(p) => {
                    let text = &p.text;
                    tr!("堵点未打通:{text}", "blocking problem (堵点) open: {text}")
                }
                None => Text::new("堵点未打通", "blocking problem (堵点) open"),
            },
            Reason::NotStartedLate => {
                let start = md(task.start);
                tr!(
                    "应于 {start} 启动,仍未启动",
                    "still not started (due to start {start})"
                )
            }
            Reason::Behind(pts) => tr!(
                "进度落后序时 {pts} 个百分点",
                "progress {pts} points behind schedule"
            ),
        }
    }
}
