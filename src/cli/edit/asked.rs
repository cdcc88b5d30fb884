//! What a command-line edit asks of the file: the change to apply and what to say once made.

use super::Edit;
use crate::domain::Status;
use crate::i18n::{Lang, Text};
use crate::store::edit::apply::{Edit as Change, Made};
use crate::store::edit::task_fields::MilestoneFields;
use crate::store::file::{CampaignFile, MilestoneRef, NewProblem};
use crate::tr;

/// One change to apply, what it says when made, and the milestones a new task gets after.
pub(super) struct Asked {
    pub(crate) change: Change,
    pub(crate) said: Said,
    pub(crate) then: Vec<MilestoneFields>,
}

impl Asked {
    fn say(change: Change, said: Said) -> Self {
        Asked {
            change,
            said,
            then: Vec::new(),
        }
    }
}

/// The change `edit` asks for; `None` when the file already is so (a problem resolved
/// twice), or why it is refused.
pub(super) fn asked(
    file: &CampaignFile,
    edit: Edit,
    by: Option<&String>,
    lang: Lang,
) -> Result<Option<Asked>, Text> {
    let asked = match edit {
        Edit::Move { task, status } => move_to(task, &status, lang)?,
        Edit::Tick {
            task,
            milestone,
            undo,
        } => tick(task, milestone, undo, file.today),
        Edit::Note { task, text } => {
            let said = tr!("{task}: 已添加记录", "{task}: note added");
            Asked::say(Change::Note { task, text }, Said::Always(said))
        }
        Edit::Pledge(mut pledge) => {
            pledge.by = by.cloned();
            Asked::say(Change::AddPledge(pledge), Said::Pledge)
        }
        Edit::FollowUp {
            task,
            unit,
            due,
            text,
        } => {
            let order = Order { unit, due, text };
            let problem = follow_up(file, &task, order, by.cloned(), lang)?;
            let order = Change::AddProblem {
                task: task.clone(),
                problem,
            };
            Asked::say(order, Said::FollowUp(task))
        }
        Edit::CheckPledge { n, kept } => check_pledge(n, kept),
        Edit::Problem { task, problem } => {
            let change = crate::cli::problem::add(&file.campaign, task, problem)?;
            Asked::say(change, Said::Id)
        }
        Edit::Resolve { problem, result } => {
            match crate::cli::problem::resolve(&file.campaign, &problem, &result)? {
                Some(c) => Asked::say(
                    c,
                    Said::Always(tr!("{problem} 已解决", "{problem} resolved")),
                ),
                None => return Ok(None),
            }
        }
        Edit::Set { task, field, value } => {
            let (change, said) = crate::cli::set::change(&file.campaign, task, &field, &value)?;
            Asked::say(change, Said::Always(said))
        }
        Edit::Add(new) => {
            let (fields, then) = crate::cli::add::fields(&file.campaign, new, file.today)?;
            Asked {
                change: Change::AddTask(fields),
                said: Said::Id,
                then,
            }
        }
    };
    Ok(Some(asked))
}

/// `bairi move`: the status named in either language.
fn move_to(task: String, status: &str, lang: Lang) -> Result<Asked, Text> {
    match Status::parse(status) {
        Some(status) => {
            let label = status.label(lang);
            let said = tr!("{task} → {label}", "{task} → {label}");
            Ok(Asked::say(
                Change::Status { task, status },
                Said::Always(said),
            ))
        }
        None => Err(tr!(
            "不认识的状态 `{status}`(可选 not_started in_progress blocked pending_signoff done 或 未启动 推进中 受阻 待销号 已销号)",
            "unknown status `{status}` (use not_started in_progress blocked pending_signoff done, or 未启动 推进中 受阻 待销号 已销号)"
        )),
    }
}

/// `bairi tick`: a milestone by number (from 1) or id, ticked or unticked.
fn tick(task: String, milestone: String, undo: bool, today: chrono::NaiveDate) -> Asked {
    let which = match milestone.parse::<usize>() {
        Ok(n) if n >= 1 => MilestoneRef::Index(n - 1),
        _ => MilestoneRef::Id(milestone.clone()),
    };
    let said = if undo {
        tr!(
            "{task}: 节点 {milestone} 已取消完成",
            "{task}: milestone {milestone} unticked"
        )
    } else {
        tr!(
            "{task}: 节点 {milestone} 已完成({today})",
            "{task}: milestone {milestone} done ({today})"
        )
    };
    let tick = Change::Milestone {
        task,
        milestone: which,
        done: !undo,
    };
    Asked::say(tick, Said::Always(said))
}

/// `bairi pledge --kept N | --broken N`.
fn check_pledge(n: usize, kept: bool) -> Asked {
    let said = if kept {
        tr!("第{n}条承诺:已践诺", "pledge {n}: kept")
    } else {
        tr!("第{n}条承诺:未践诺", "pledge {n}: broken")
    };
    Asked::say(Change::CheckPledge { number: n, kept }, Said::Always(said))
}

/// What `bairi follow-up` was given.
struct Order {
    unit: Option<String>,
    due: Option<chrono::NaiveDate>,
    text: Option<String>,
}

/// A follow-up order for `task`, with the board's defaults for what is not given.
fn follow_up(
    file: &CampaignFile,
    task: &str,
    Order { unit, due, text }: Order,
    by: Option<String>,
    lang: Lang,
) -> Result<NewProblem, Text> {
    use crate::domain::follow_up;
    let campaign = &file.campaign;
    let Some(index) = campaign.task_index(task) else {
        return Err(tr!("没有任务 {task}", "there is no task {task}"));
    };
    let then = campaign.as_of(file.today);
    let flagged = follow_up::follow_ups(&then)
        .get(index)
        .copied()
        .unwrap_or(false);
    let offered = follow_up::order_text(&then, index, flagged);
    Ok(NewProblem {
        text: text.unwrap_or_else(|| offered.get(lang).to_owned()),
        kind: Some(follow_up::KIND.to_owned()),
        blocking: false,
        owner: unit.or_else(|| campaign.tasks[index].lead_unit.clone()),
        coordinator: by,
        due: Some(due.unwrap_or_else(|| {
            crate::store::edit::pledge::default_due(&campaign.info, file.today)
        })),
    })
}

/// What is said when the edit is made: fixed beforehand, or naming what it made.
pub(super) enum Said {
    Always(Text),
    Pledge,
    /// A follow-up order for this task.
    FollowUp(String),
    /// The new id alone, for scripts (`bairi problem`, `bairi add`).
    Id,
}

impl Said {
    pub(super) fn after(self, made: &Made) -> Text {
        match self {
            Said::Always(text) => text,
            Said::Pledge => {
                let n = made.number();
                tr!("已记录第{n}条承诺", "pledge {n} recorded")
            }
            Said::Id => Text::same(made.id()),
            Said::FollowUp(task) => {
                let pid = made.id();
                tr!(
                    "{task} 已下达督办 {pid}",
                    "{task}: follow-up order {pid} issued"
                )
            }
        }
    }
}
