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
use crate::domain::Light;
use crate::i18n::Text;
use crate::store::edit::apply::{Edit, Made, Stamp};
use crate::store::edit::task_fields::{MilestoneFields, TaskFields};
use crate::store::file::NewProblem;
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

/// Asks the store to make `edit` as the author, today; keeps its undo step, refreshes what
/// is derived from the tasks it changed, and asks to save.
pub fn edit(model: &mut Model, edit: Edit) -> Result<(Made, Vec<Effect>), Text> {
    if model.store.read_only {
        return Err(Text::new(
            "文件只读:只能查看,不能修改",
            "the file is read-only: it can be viewed, not changed",
        ));
    }
    let stamp = Stamp {
        today: model.today,
        by: model.author.clone(),
    };
    let applied = model.store.apply(&edit, &stamp).map_err(|r| r.message())?;
    let Some(undo) = applied.undo else {
        // Already so: no undo step that would undo nothing, and no "u 撤销" to offer.
        return Err(nothing_changed());
    };
    model.undo.push(undo);
    if model.undo.len() > UNDO_DEPTH {
        model.undo.remove(0);
    }
    model.redo.clear();
    model.refresh_changed(applied.changed);
    let effects = if model.autosave {
        vec![Effect::Save]
    } else {
        Vec::new()
    };
    Ok((applied.made, effects))
}

/// What an edit that found things already so says (the board and the command line alike).
pub fn nothing_changed() -> Text {
    Text::new(
        "没有变化:本来就是这样",
        "nothing changed: it already was so",
    )
}

fn get<'a>(values: &'a [(&'static str, Value)], key: &str) -> &'a Value {
    values
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(&Value::Empty, |(_, v)| v)
}

/// Carries out a checked form. `Err` keeps the form open with the reason; a form that
/// changes nothing closes and says so (nothing is written, nothing to undo).
pub fn submit(
    model: &mut Model,
    purpose: Purpose,
    values: &[(&'static str, Value)],
) -> Result<Vec<Effect>, Text> {
    match carry_out(model, purpose, values) {
        Err(why) if why == nothing_changed() => {
            model.form = None;
            model.say(super::message::Tone::Info, why);
            Ok(Vec::new())
        }
        done => done,
    }
}

fn carry_out(
    model: &mut Model,
    purpose: Purpose,
    values: &[(&'static str, Value)],
) -> Result<Vec<Effect>, Text> {
    let today = model.today;
    let by = model.author.clone();
    let text = |key: &str| get(values, key).text();
    let (message, effects) = match purpose {
        Purpose::Note { task } => {
            let note = Edit::Note {
                text: text("text").unwrap_or_default(),
                task: task.clone(),
            };
            let (_, fx) = edit(model, note)?;
            (tr!("{task} 已记录", "{task}: note added"), fx)
        }
        Purpose::Problem { task } => {
            let problem = NewProblem {
                text: text("text").unwrap_or_default(),
                kind: text("kind"),
                blocking: get(values, "blocking").flag(),
                owner: text("owner"),
                due: get(values, "due").date(),
                coordinator: None,
            };
            let task = task.clone();
            let (made, fx) = edit(
                model,
                Edit::AddProblem {
                    task: task.clone(),
                    problem,
                },
            )?;
            let id = made.id();
            (tr!("{task} 新问题 {id}", "{task}: problem {id} logged"), fx)
        }
        Purpose::Resolve { task, problem } => {
            let result = text("result").unwrap_or_default();
            let resolve = Edit::ResolveProblem {
                task,
                problem: problem.clone(),
                result,
            };
            let (_, fx) = edit(model, resolve)?;
            (tr!("{problem} 已解决", "{problem} resolved"), fx)
        }
        Purpose::Progress { task } => {
            let p = get(values, "progress").number().unwrap_or(0).clamp(0, 100) as u8;
            let (_, fx) = edit(
                model,
                Edit::Progress {
                    task: task.clone(),
                    progress: p,
                },
            )?;
            (tr!("{task} 进度 {p}%", "{task}: progress {p}%"), fx)
        }
        Purpose::Priority { task } => {
            let p = get(values, "priority").number().unwrap_or(2).clamp(1, 3) as u8;
            let (_, fx) = edit(
                model,
                Edit::Priority {
                    task: task.clone(),
                    priority: p,
                },
            )?;
            (tr!("{task} 优先级 {p}", "{task}: priority {p}"), fx)
        }
        Purpose::Override { task } => {
            let light = text("light").and_then(|l| Light::parse(&l));
            let reason = text("reason").unwrap_or_default();
            if light.is_some() && reason.is_empty() {
                return Err(Text::new("请写明理由", "give a reason"));
            }
            let until = get(values, "until").date();
            let light = light.map(|l| (l, reason, until));
            let (_, fx) = edit(
                model,
                Edit::Override {
                    task: task.clone(),
                    light,
                },
            )?;
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
                start: None,
            };
            if let Purpose::EditTask { task } = purpose {
                let (_, fx) = edit(
                    model,
                    Edit::EditTask {
                        task: task.clone(),
                        fields,
                    },
                )?;
                (tr!("{task} 已修改", "{task} updated"), fx)
            } else {
                let (made, fx) = edit(model, Edit::AddTask(fields))?;
                let id = made.id();
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
                let change = Edit::EditMilestone {
                    task: task.clone(),
                    index,
                    milestone: m,
                };
                let (_, fx) = edit(model, change)?;
                (tr!("{task} 节点已修改", "{task}: milestone updated"), fx)
            } else {
                let add = Edit::AddMilestones {
                    task: task.clone(),
                    milestones: vec![m],
                };
                let (_, fx) = edit(model, add)?;
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
            let publish = Edit::Publish {
                board: Box::new(board),
                kind,
                note,
            };
            let (made, fx) = edit(model, publish)?;
            let n = made.number();
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
            let (made, fx) = edit(model, Edit::AddPledge(pledge))?;
            let n = made.number();
            (tr!("已记录第{n}条承诺", "pledge {n} recorded"), fx)
        }
        Purpose::CheckPledge { index } => {
            let kept = text("result").as_deref() != Some(BROKEN);
            let n = index + 1;
            let (_, fx) = edit(model, Edit::CheckPledge { number: n, kept })?;
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
            let add = Edit::AddMilestones {
                task: task.clone(),
                milestones: proposals,
            };
            let (_, fx) = edit(model, add)?;
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
