//! What each form is for: building it (with the current values) and carrying it out
//! through the file core, with undo.

pub mod follow_up;
mod forms;
mod schedule;

pub use forms::open;
pub use schedule::{back_schedule, parse_steps};

use super::form::Value;
use super::model::{Model, UNDO_DEPTH};
use super::update::Effect;
use crate::domain::{Light, LogEntry};
use crate::i18n::Text;
use crate::store::edit::task_fields::{MilestoneFields, TaskFields};
use crate::store::file::{CampaignFile, NewProblem, Refusal};
use crate::tr;

/// The answers when a pledge is checked: kept (践诺) or broken (未践诺).
pub const PLEDGE_RESULTS: &[&str] = &["践诺", "未践诺"];
const BROKEN: &str = "未践诺";

/// What submitting a form does.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Note {
        task: String,
    },
    Problem {
        task: String,
    },
    Resolve {
        task: String,
        problem: String,
    },
    Progress {
        task: String,
    },
    Priority {
        task: String,
    },
    Override {
        task: String,
    },
    AddTask,
    EditTask {
        task: String,
    },
    AddMilestone {
        task: String,
    },
    EditMilestone {
        task: String,
        index: usize,
    },
    BackSchedule {
        task: String,
    },
    BackScheduleReview {
        task: String,
        proposals: Vec<MilestoneFields>,
    },
    Publish {
        checkpoint: usize,
    },
    Pledge {
        unit: String,
    },
    CheckPledge {
        /// Index in `commitments`.
        index: usize,
    },
    /// A follow-up order (督办) for a task.
    FollowUp {
        task: String,
    },
}

/// Runs an edit with an undo point; refreshes and asks to save on success.
pub fn edit<T>(
    model: &mut Model,
    change: impl FnOnce(&mut CampaignFile) -> Result<T, Refusal>,
) -> Result<(T, Vec<Effect>), Text> {
    if model.file.read_only {
        return Err(Text::new(
            "文件只读:只能查看,不能修改",
            "the file is read-only: it can be viewed, not changed",
        ));
    }
    let mark = model.file.journal().len();
    let result = change(&mut model.file).map_err(|r| r.message())?;
    let made = model
        .file
        .journal()
        .get(mark..)
        .unwrap_or_default()
        .to_vec();
    if made.iter().all(|s| s.old == s.new) {
        // Already so: no undo step that would undo nothing, and no "u 撤销" to offer.
        return Err(Text::new(
            "没有变化:本来就是这样",
            "nothing changed: it already was so",
        ));
    }
    let tasks = model.file.task_edits(&made);
    model.undo.push(crate::store::edit::splice::Change {
        splices: made,
        generation: model.file.generation(),
        tasks,
    });
    if model.undo.len() > UNDO_DEPTH {
        model.undo.remove(0);
    }
    model.redo.clear();
    model.refresh_changed();
    let effects = if model.autosave {
        vec![Effect::Save]
    } else {
        Vec::new()
    };
    Ok((result, effects))
}

fn get<'a>(values: &'a [(&'static str, Value)], key: &str) -> &'a Value {
    values
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&Value::Empty, |(_, v)| v)
}

/// Carries out a checked form. `Err` keeps the form open with the reason.
pub fn submit(
    model: &mut Model,
    purpose: Purpose,
    values: &[(&'static str, Value)],
) -> Result<Vec<Effect>, Text> {
    let today = model.today;
    let by = model.author.clone();
    let text = |key: &str| get(values, key).text();
    let (message, effects) = match purpose {
        Purpose::Note { task } => {
            let entry = LogEntry {
                date: today,
                text: text("text").unwrap_or_default(),
                by,
                kind: None,
            };
            let ((), fx) = edit(model, |f| f.append_log(&task, entry))?;
            (tr!("{task} 已记录", "{task}: note added"), fx)
        }
        Purpose::Problem { task } => {
            let new = NewProblem {
                text: text("text").unwrap_or_default(),
                kind: text("kind"),
                blocking: get(values, "blocking").flag(),
                owner: text("owner"),
                due: get(values, "due").date(),
                coordinator: None,
            };
            let (id, fx) = edit(model, |f| f.add_problem(&task, new, today))?;
            (tr!("{task} 新问题 {id}", "{task}: problem {id} logged"), fx)
        }
        Purpose::Resolve { task, problem } => {
            let result = text("result").unwrap_or_default();
            let ((), fx) = edit(model, |f| {
                f.resolve_problem(&task, &problem, &result, today, by.as_deref())
            })?;
            (tr!("{problem} 已解决", "{problem} resolved"), fx)
        }
        Purpose::Progress { task } => {
            let p = get(values, "progress").number().unwrap_or(0).clamp(0, 100) as u8;
            let ((), fx) = edit(model, |f| f.set_progress(&task, p))?;
            (tr!("{task} 进度 {p}%", "{task}: progress {p}%"), fx)
        }
        Purpose::Priority { task } => {
            let p = get(values, "priority").number().unwrap_or(2).clamp(1, 3) as u8;
            let ((), fx) = edit(model, |f| f.set_priority(&task, p))?;
            (tr!("{task} 优先级 {p}", "{task}: priority {p}"), fx)
        }
        Purpose::Override { task } => {
            let light = text("light").and_then(|l| Light::parse(&l));
            let reason = text("reason").unwrap_or_default();
            if light.is_some() && reason.is_empty() {
                return Err(Text::new("请写明理由", "give a reason"));
            }
            let until = get(values, "until").date();
            let ((), fx) = edit(model, |f| {
                let light = light.map(|l| (l, reason.as_str(), until));
                f.set_override(&task, light, today, by.as_deref())
            })?;
            (tr!("{task} 灯色已更新", "{task}: light updated"), fx)
        }
        Purpose::AddTask | Purpose::EditTask { .. } => {
            let fields = TaskFields {
                title: text("title").unwrap_or_default(),
                short: text("short"),
                category: text("category").unwrap_or_default(),
                leader: text("leader"),
                lead_unit: text("lead_unit"),
                owner: text("owner"),
                deadline: get(values, "deadline").date(),
                priority: get(values, "priority").number(),
                investment: get(values, "investment").decimal(),
                target: text("target"),
            };
            if let Purpose::EditTask { task } = purpose {
                let ((), fx) = edit(model, |f| f.edit_task(&task, &fields))?;
                (tr!("{task} 已修改", "{task} updated"), fx)
            } else {
                let (id, fx) = edit(model, |f| f.add_task(&fields))?;
                if let Some(index) = model.campaign().task_index(&id) {
                    model.select_task(index);
                }
                (tr!("已添加任务 {id}", "task {id} added"), fx)
            }
        }
        Purpose::AddMilestone { ref task } | Purpose::EditMilestone { ref task, .. } => {
            let task = task.clone();
            let m = MilestoneFields {
                title: text("title").unwrap_or_default(),
                due: get(values, "due").date().unwrap_or(today),
                unit: text("unit"),
            };
            if let Purpose::EditMilestone { index, .. } = purpose {
                let ((), fx) = edit(model, |f| f.edit_milestone(&task, index, &m))?;
                (tr!("{task} 节点已修改", "{task}: milestone updated"), fx)
            } else {
                let ((), fx) = edit(model, |f| f.add_milestones(&task, std::slice::from_ref(&m)))?;
                (tr!("{task} 已添加节点", "{task}: milestone added"), fx)
            }
        }
        Purpose::BackSchedule { task } => {
            let steps = parse_steps(&text("steps").unwrap_or_default())?;
            let Some(t) = model.campaign().task(&task) else {
                return Err(tr!("没有任务 {task}", "there is no task {task}"));
            };
            let snap = get(values, "snap")
                .flag()
                .then_some(model.campaign().info.checkpoints.as_slice());
            let proposals = back_schedule(t.deadline, &steps, snap);
            open(model, Purpose::BackScheduleReview { task, proposals });
            return Ok(Vec::new());
        }
        Purpose::Publish { checkpoint } => {
            let Some(date) = model
                .campaign()
                .info
                .checkpoints
                .get(checkpoint.wrapping_sub(1))
                .copied()
            else {
                return Err(Text::new("没有这个攻坚节点", "there is no such checkpoint"));
            };
            let board = crate::domain::leaderboard::leaderboard_at(
                model.campaign(),
                Some(checkpoint),
                date,
            );
            let kind = text("kind").unwrap_or_else(|| "竞赛".to_owned());
            let note = text("note");
            let (n, fx) = edit(model, |f| f.publish(&board, &kind, note.as_deref()))?;
            (tr!("已发布第{n}节点擂台榜", "checkpoint {n} published"), fx)
        }
        Purpose::Pledge { unit } => {
            let pledge = crate::store::edit::pledge::NewPledge {
                unit,
                text: text("text").unwrap_or_default(),
                due: get(values, "due").date(),
                task: text("task"),
                by,
            };
            let (n, fx) = edit(model, |f| f.add_pledge(&pledge))?;
            (tr!("已记录第{n}条承诺", "pledge {n} recorded"), fx)
        }
        Purpose::CheckPledge { index } => {
            let kept = text("result").as_deref() != Some(BROKEN);
            let n = index + 1;
            let ((), fx) = edit(model, |f| f.check_pledge(n, kept))?;
            let done = if kept {
                tr!("第{n}条承诺:已践诺", "pledge {n}: kept")
            } else {
                tr!("第{n}条承诺:未践诺", "pledge {n}: broken")
            };
            (done, fx)
        }
        Purpose::FollowUp { task } => follow_up::submit(model, &task, values)?,
        Purpose::BackScheduleReview { task, proposals } => {
            let n = proposals.len();
            let ((), fx) = edit(model, |f| f.add_milestones(&task, &proposals))?;
            (
                tr!("{task} 已添加 {n} 个节点", "{task}: {n} milestones added"),
                fx,
            )
        }
    };
    model.form = None;
    model.say_undoable(message);
    Ok(effects)
}
