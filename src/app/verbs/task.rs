//! The task forms: adding a task (`a`) and editing one (`e`). Adding also asks for the
//! start (today, so a task added mid-campaign is not late at once) and the supporting units.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::edit::task_fields::TaskFields;
use crate::tr;

/// Every field of the add form; the edit form has all but `ADD_ONLY`.
const FIELDS: &[FieldDef] = &[
    field("title", ("名称", "Title"), Kind::Text, true, ""),
    field("short", ("简称", "Short title"), Kind::Text, false, ""),
    field("category", ("分类", "Category"), Kind::Category, true, ""),
    field("leader", ("包保领导", "Sponsor"), Kind::Person, false, ""),
    field(
        "lead_unit",
        ("牵头单位", "Lead unit"),
        Kind::Unit,
        false,
        "",
    ),
    field(
        "co_units",
        ("配合单位", "Supporting units"),
        Kind::Units,
        false,
        "",
    ),
    field("owner", ("责任人", "Owner"), Kind::Person, false, ""),
    field("start", ("开始", "Start"), Kind::Date, false, ""),
    field("deadline", ("完成时限", "Deadline"), Kind::Date, true, ""),
    field(
        "priority",
        ("优先级(1–3)", "Priority (1–3)"),
        Kind::Number(1, 3),
        false,
        "2",
    ),
    field(
        "investment",
        ("总投资", "Investment"),
        Kind::Decimal,
        false,
        "",
    ),
    field("target", ("目标", "Target"), Kind::Text, false, ""),
];

const ADD_ONLY: [&str; 2] = ["co_units", "start"];

pub(crate) fn add_spec(model: &Model) -> Spec {
    let start = [("start", model.today.to_string())];
    Spec::new(Text::new("新任务", "new task"), FIELDS, &start)
}

pub(crate) fn edit_spec(model: &Model, id: &str) -> Spec {
    let t = model.campaign().task(id).map(TaskFields::of);
    let t = t.unwrap_or_default();
    let opt = |s: Option<String>| s.unwrap_or_default();
    let mut now = vec![
        ("title", t.title),
        ("short", opt(t.short)),
        ("category", t.category),
        ("leader", opt(t.leader)),
        ("lead_unit", opt(t.lead_unit)),
        ("owner", opt(t.owner)),
        ("deadline", opt(t.deadline.map(|d| d.to_string()))),
        ("investment", opt(t.investment.map(|x| x.to_string()))),
        ("target", opt(t.target)),
    ];
    if let Some(p) = t.priority {
        now.push(("priority", p.to_string()));
    }
    let table: Vec<FieldDef> = FIELDS
        .iter()
        .filter(|f| !ADD_ONLY.contains(&f.key))
        .copied()
        .collect();
    Spec::new(tr!("编辑任务 {id}", "edit task {id}"), &table, &now)
}

fn fields(v: &Values) -> TaskFields {
    TaskFields {
        title: v.string("title"),
        short: v.text("short"),
        category: v.string("category"),
        leader: v.text("leader"),
        lead_unit: v.text("lead_unit"),
        owner: v.text("owner"),
        deadline: v.date("deadline"),
        priority: v.number("priority"),
        investment: v.decimal("investment"),
        target: v.text("target"),
        start: v.date("start"),
        co_units: v
            .text("co_units")
            .map(|ids| ids.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    }
}

/// Adds the task and selects it.
pub(crate) fn add(model: &mut Model, v: &Values) -> Result<Done, Text> {
    let (made, effects) = super::edit(model, Edit::AddTask(fields(v)))?;
    let id = made.id();
    if let Some(index) = model.campaign().task_index(&id) {
        model.select_task(index);
    }
    Ok(Done::Made(
        tr!("已添加任务 {id}", "task {id} added"),
        effects,
    ))
}

pub(crate) fn edit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let change = Edit::EditTask {
        task: task.to_owned(),
        fields: fields(v),
    };
    make(model, change, |_| tr!("{task} 已修改", "{task} updated"))
}
