//! What each form is for: building it (with the current values) and carrying it out
//! through the file core, with undo.

use chrono::{Days, NaiveDate};

use super::form::{Field, Form, Kind, Value};
use super::model::{Model, Tone, UNDO_DEPTH};
use super::update::Effect;
use crate::domain::{Light, LogEntry};
use crate::i18n::Text;
use crate::store::file::{CampaignFile, NewProblem, Refusal};
use crate::store::file_more::{MilestoneFields, TaskFields};
use crate::tr;

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
}

const LIGHTS: &[&str] = &["red", "yellow", "green", "none"];

fn f(key: &'static str, zh: &str, en: &str, kind: Kind, required: bool, value: &str) -> Field {
    Field::new(key, Text::new(zh, en), kind, required, value)
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// Opens the form for `purpose`, filled with the current values.
pub fn open(model: &mut Model, purpose: Purpose) {
    let c = model.campaign();
    let task = |id: &str| c.task(id);
    let (title, fields): (Text, Vec<Field>) = match &purpose {
        Purpose::Note { task: id } => (
            tr!(
                "{id} 记录(Enter 保存,Esc 取消)",
                "{id} note (Enter saves, Esc cancels)"
            ),
            vec![f("text", "内容", "Note", Kind::Text, true, "")],
        ),
        Purpose::Problem { task: id } => {
            let unit = task(id)
                .and_then(|t| t.lead_unit.clone())
                .unwrap_or_default();
            (
                tr!("{id} 新问题", "{id} new problem"),
                vec![
                    f("text", "问题", "Problem", Kind::Text, true, ""),
                    f("kind", "类别", "Kind", Kind::Text, false, ""),
                    f(
                        "blocking",
                        "是否堵点(yes/no)",
                        "Blocking (yes/no)",
                        Kind::Flag,
                        false,
                        "no",
                    ),
                    f("owner", "责任单位", "Owner unit", Kind::Unit, false, &unit),
                    f("due", "限期", "Fix by", Kind::Date, false, ""),
                ],
            )
        }
        Purpose::Resolve { task: id, problem } => (
            tr!("{id} 解决问题 {problem}", "{id} resolve {problem}"),
            vec![f(
                "result",
                "解决结果(进入成果清单)",
                "Result (goes to the results list)",
                Kind::Text,
                true,
                "",
            )],
        ),
        Purpose::Progress { task: id } => {
            let p = task(id)
                .and_then(|t| t.progress)
                .map(|p| p.to_string())
                .unwrap_or_default();
            (
                tr!("{id} 进度 %", "{id} progress %"),
                vec![f(
                    "progress",
                    "进度(0–100)",
                    "Progress (0–100)",
                    Kind::Number(0, 100),
                    true,
                    &p,
                )],
            )
        }
        Purpose::Priority { task: id } => {
            let p = task(id).map(|t| t.priority.to_string()).unwrap_or_default();
            (
                tr!("{id} 优先级", "{id} priority"),
                vec![f(
                    "priority",
                    "1 重中之重 2 重点 3 一般",
                    "1 top, 2 key, 3 normal",
                    Kind::Number(1, 3),
                    true,
                    &p,
                )],
            )
        }
        Purpose::Override { task: id } => {
            let o = task(id).and_then(|t| t.light_override.clone());
            let light = o.as_ref().map_or("", |o| o.light.key());
            let reason = o.as_ref().map_or(String::new(), |o| o.reason.clone());
            let until = o
                .and_then(|o| o.until)
                .map(|d| d.to_string())
                .unwrap_or_default();
            (
                tr!(
                    "{id} 领导认定灯色(none 取消)",
                    "{id} light set by a leader (none removes it)"
                ),
                vec![
                    f(
                        "light",
                        "灯色 red/yellow/green/none",
                        "Light red/yellow/green/none",
                        Kind::Choice(LIGHTS),
                        true,
                        light,
                    ),
                    f("reason", "理由", "Reason", Kind::Text, false, &reason),
                    f(
                        "until",
                        "有效至(可空)",
                        "Until (optional)",
                        Kind::Date,
                        false,
                        &until,
                    ),
                ],
            )
        }
        Purpose::AddTask | Purpose::EditTask { .. } => {
            let current = match &purpose {
                Purpose::EditTask { task: id } => task(id).map(TaskFields::of).unwrap_or_default(),
                _ => TaskFields::default(),
            };
            let title = match &purpose {
                Purpose::EditTask { task: id } => tr!("编辑任务 {id}", "edit task {id}"),
                _ => Text::new("新任务", "new task"),
            };
            let deadline = current.deadline.map(|d| d.to_string()).unwrap_or_default();
            let priority = current
                .priority
                .map(|p| p.to_string())
                .unwrap_or_else(|| "2".into());
            let investment = current
                .investment
                .map(|x| x.to_string())
                .unwrap_or_default();
            (
                title,
                vec![
                    f("title", "名称", "Title", Kind::Text, true, &current.title),
                    f(
                        "short",
                        "简称",
                        "Short title",
                        Kind::Text,
                        false,
                        opt(&current.short),
                    ),
                    f(
                        "category",
                        "分类",
                        "Category",
                        Kind::Category,
                        true,
                        &current.category,
                    ),
                    f(
                        "leader",
                        "包保领导",
                        "Sponsor",
                        Kind::Person,
                        false,
                        opt(&current.leader),
                    ),
                    f(
                        "lead_unit",
                        "牵头单位",
                        "Lead unit",
                        Kind::Unit,
                        false,
                        opt(&current.lead_unit),
                    ),
                    f(
                        "owner",
                        "责任人",
                        "Owner",
                        Kind::Person,
                        false,
                        opt(&current.owner),
                    ),
                    f(
                        "deadline",
                        "完成时限",
                        "Deadline",
                        Kind::Date,
                        true,
                        &deadline,
                    ),
                    f(
                        "priority",
                        "优先级 1–3",
                        "Priority 1–3",
                        Kind::Number(1, 3),
                        false,
                        &priority,
                    ),
                    f(
                        "investment",
                        "总投资",
                        "Investment",
                        Kind::Decimal,
                        false,
                        &investment,
                    ),
                    f(
                        "target",
                        "目标",
                        "Target",
                        Kind::Text,
                        false,
                        opt(&current.target),
                    ),
                ],
            )
        }
        Purpose::AddMilestone { task: id } | Purpose::EditMilestone { task: id, .. } => {
            let current = match &purpose {
                Purpose::EditMilestone { index, .. } => {
                    task(id).and_then(|t| t.milestones.get(*index)).cloned()
                }
                _ => None,
            };
            let title = current.as_ref().map_or(String::new(), |m| m.title.clone());
            let due = current
                .as_ref()
                .map_or(String::new(), |m| m.due.to_string());
            let unit = current.and_then(|m| m.unit).unwrap_or_default();
            (
                tr!("{id} 节点", "{id} milestone"),
                vec![
                    f("title", "节点", "Milestone", Kind::Text, true, &title),
                    f("due", "日期", "Due", Kind::Date, true, &due),
                    f(
                        "unit",
                        "计入单位(默认牵头单位)",
                        "Credited unit (default: lead unit)",
                        Kind::Unit,
                        false,
                        &unit,
                    ),
                ],
            )
        }
        Purpose::BackSchedule { task: id } => (
            tr!(
                "{id} 倒排工期:步骤 天数,逗号分隔",
                "{id} back-schedule: steps with days, comma-separated"
            ),
            vec![
                f(
                    "steps",
                    "如 签约 10, 腾空 15, 拆除 7",
                    "e.g. sign 10, vacate 15, demolish 7",
                    Kind::Text,
                    true,
                    "",
                ),
                f(
                    "snap",
                    "对齐到之前的攻坚节点(yes/no)",
                    "Snap to the earlier checkpoint (yes/no)",
                    Kind::Flag,
                    false,
                    "no",
                ),
            ],
        ),
        Purpose::BackScheduleReview { task: id, .. } => (
            tr!(
                "{id} 倒排结果:Enter 添加为节点,Esc 取消",
                "{id} proposed milestones: Enter adds them, Esc cancels"
            ),
            Vec::new(),
        ),
    };
    model.form = Some(Form::new(purpose, title, fields));
}

/// Runs an edit with an undo point; refreshes and asks to save on success.
pub fn edit<T>(
    model: &mut Model,
    change: impl FnOnce(&mut CampaignFile) -> Result<T, Refusal>,
) -> Result<(T, Vec<Effect>), Text> {
    let before = model.file.text();
    let result = change(&mut model.file).map_err(|r| r.message())?;
    model.undo.push(before);
    if model.undo.len() > UNDO_DEPTH {
        model.undo.remove(0);
    }
    model.redo.clear();
    model.refresh();
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
            };
            let (id, fx) = edit(model, |f| f.add_problem(&task, new, today))?;
            (tr!("{task} 新问题 {id}", "{task}: problem {id} logged"), fx)
        }
        Purpose::Resolve { task, problem } => {
            let result = text("result").unwrap_or_default();
            let ((), fx) = edit(model, |f| {
                f.resolve_problem(&task, &problem, &result, today)
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
                f.set_override(&task, light.map(|l| (l, reason.as_str(), until)))
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
    model.say(Tone::Info, message);
    Ok(effects)
}

/// `签约 10, 腾空 15, 拆除 7` → [("签约", 10), ...]; `天`/`d` after the number is allowed.
pub fn parse_steps(text: &str) -> Result<Vec<(String, u64)>, Text> {
    let mut steps = Vec::new();
    for part in text
        .split([',', ',', '、', ';', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let number_end = part.trim_end_matches(['天', 'd', 'D', ' ']);
        let digits = number_end
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let (name, days) = number_end.split_at(number_end.len() - digits);
        let name = name.trim();
        match days.parse::<u64>() {
            Ok(days) if days > 0 && !name.is_empty() => steps.push((name.to_owned(), days)),
            _ => {
                return Err(tr!(
                    "看不懂「{part}」:每一步写名称和天数,如 签约 10",
                    "cannot read \"{part}\": write each step as a name and days, e.g. sign 10"
                ));
            }
        }
    }
    if steps.is_empty() {
        return Err(Text::new("请写至少一个步骤", "write at least one step"));
    }
    Ok(steps)
}

/// Due dates counted back from the deadline: the last step ends on it, each earlier step
/// ends where the next begins; optionally moved to the latest checkpoint on or before.
pub fn back_schedule(
    deadline: NaiveDate,
    steps: &[(String, u64)],
    snap: Option<&[NaiveDate]>,
) -> Vec<MilestoneFields> {
    let mut end = deadline;
    let mut out: Vec<MilestoneFields> = Vec::with_capacity(steps.len());
    for (name, days) in steps.iter().rev() {
        let due = match snap {
            Some(checkpoints) => checkpoints
                .iter()
                .rev()
                .find(|c| **c <= end)
                .copied()
                .unwrap_or(end),
            None => end,
        };
        out.push(MilestoneFields {
            title: name.clone(),
            due,
            unit: None,
        });
        end = end.checked_sub_days(Days::new(*days)).unwrap_or(end);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn steps_are_read_in_both_languages() {
        assert_eq!(
            parse_steps("签约 10, 腾空 15天,拆除7").unwrap(),
            vec![("签约".into(), 10), ("腾空".into(), 15), ("拆除".into(), 7)]
        );
        assert!(parse_steps("签约").is_err());
        assert!(parse_steps("").is_err());
    }

    #[test]
    fn dates_count_back_from_the_deadline() {
        let steps = parse_steps("签约 10, 腾空 15, 拆除 7").unwrap();
        let plan = back_schedule(day("2026-11-30"), &steps, None);
        let dues: Vec<String> = plan.iter().map(|m| m.due.to_string()).collect();
        assert_eq!(dues, ["2026-11-08", "2026-11-23", "2026-11-30"]);
        let checkpoints = [day("2026-11-09"), day("2026-11-23"), day("2026-12-09")];
        let snapped = back_schedule(day("2026-11-30"), &steps, Some(&checkpoints));
        let dues: Vec<String> = snapped.iter().map(|m| m.due.to_string()).collect();
        assert_eq!(dues, ["2026-11-08", "2026-11-23", "2026-11-23"]);
    }
}
