//! Building each form with the task's current values.

use super::Purpose;
use crate::app::form::{Field, Form, Kind};
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::task_fields::TaskFields;
use crate::tr;

const LIGHTS: &[&str] = &["red", "yellow", "green", "none"];
use crate::domain::model::REVIEW_KINDS as KINDS;

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
                        "是否堵点(是/否)",
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
                    "优先级(1重中之重/2重点/3一般)",
                    "Priority (1 top/2 key/3 normal)",
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
                    "{id} 领导认定灯色(无 即取消)",
                    "{id} light set by a leader (none removes it)"
                ),
                vec![
                    f(
                        "light",
                        "灯色 红灯/黄灯/绿灯/无",
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
                .map_or_else(|| "2".into(), |p| p.to_string());
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
                        "优先级(1–3)",
                        "Priority (1–3)",
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
                    "对齐到之前的攻坚节点(是/否)",
                    "Snap to the earlier checkpoint (yes/no)",
                    Kind::Flag,
                    false,
                    "no",
                ),
            ],
        ),
        Purpose::Publish { checkpoint } => (
            tr!(
                "发布第{checkpoint}节点擂台榜(发布后冻结,不能重复发布)",
                "publish checkpoint {checkpoint} (frozen once published; only once)"
            ),
            vec![
                f(
                    "kind",
                    "类型 竞赛/督评",
                    "Kind 竞赛 contest / 督评 review",
                    Kind::Choice(KINDS),
                    true,
                    "竞赛",
                ),
                f("note", "备注", "Note", Kind::Text, false, ""),
            ],
        ),
        Purpose::Pledge { unit } => {
            let name = c.unit(unit).map_or(unit.clone(), |u| u.name.clone());
            let due = crate::store::edit::pledge::default_due(&c.info, model.today).to_string();
            (
                tr!("{name} 承诺(承诺践诺)", "{name}: pledge"),
                vec![
                    f("text", "承诺内容", "Pledge", Kind::Text, true, ""),
                    f(
                        "due",
                        "期限(默认下一节点)",
                        "Due (default: next checkpoint)",
                        Kind::Date,
                        true,
                        &due,
                    ),
                    f(
                        "task",
                        "关于任务(可空)",
                        "About task (optional)",
                        Kind::Task,
                        false,
                        "",
                    ),
                ],
            )
        }
        Purpose::CheckPledge { index } => {
            let (name, text, due) = c
                .commitments
                .get(*index)
                .map_or_else(Default::default, |p| {
                    let name = c.unit(&p.unit).map_or(p.unit.clone(), |u| u.name.clone());
                    (name, p.text.clone(), p.due.to_string())
                });
            let n = index + 1;
            (
                tr!(
                    "核查第{n}条承诺 {name}:{text}(期限 {due})",
                    "check pledge {n} {name}: {text} (due {due})"
                ),
                vec![f(
                    "result",
                    "结果 践诺/未践诺",
                    "Result 践诺 (kept) / 未践诺 (broken)",
                    Kind::Choice(super::PLEDGE_RESULTS),
                    true,
                    "践诺",
                )],
            )
        }
        Purpose::FollowUp { task: id } => super::follow_up::form(model, id),
        Purpose::BackScheduleReview { task: id, .. } => (
            tr!(
                "{id} 倒排结果:Enter 添加为节点,Esc 取消",
                "{id} proposed milestones: Enter adds them, Esc cancels"
            ),
            Vec::new(),
        ),
    };
    let notes = notes(model, &purpose);
    let mut fields = fields;
    if matches!(purpose, Purpose::AddTask) {
        add_task_extras(&mut fields, model.today);
    }
    let mut form = Form::new(purpose, title, fields);
    form.today = Some(model.today);
    form.lang = model.lang;
    form.show_ids(model.campaign());
    form.notes = notes;
    model.form = Some(form);
}

/// What a form warns about before it is submitted: publishing a bench that ties stretch.
fn notes(model: &Model, purpose: &Purpose) -> Vec<Text> {
    match purpose {
        Purpose::Publish { checkpoint } => super::publish_board(model, *checkpoint)
            .and_then(|board| {
                board.bench_stretch(model.campaign().rules.leaderboard.yellow_card_bottom)
            })
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The add form's start (today, so a task added mid-campaign is not late at once) and
/// supporting units (配合单位, several), beside the fields they go with.
fn add_task_extras(fields: &mut Vec<Field>, today: chrono::NaiveDate) {
    let at = |fields: &[Field], key: &str| fields.iter().position(|f| f.key == key);
    let co_units = f(
        "co_units",
        "配合单位",
        "Supporting units",
        Kind::Units,
        false,
        "",
    );
    let at_units = at(fields, "lead_unit").map_or(fields.len(), |i| i + 1);
    fields.insert(at_units, co_units);
    let start = f(
        "start",
        "开始",
        "Start",
        Kind::Date,
        false,
        &today.to_string(),
    );
    let at_start = at(fields, "deadline").unwrap_or(fields.len());
    fields.insert(at_start, start);
}
