//! The milestone forms: adding one (`m`) and editing the selected one (`e` in the details).

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::edit::task_fields::MilestoneFields;
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field("title", ("节点", "Milestone"), Kind::Text, true, ""),
    field("due", ("日期", "Due"), Kind::Date, true, ""),
    field(
        "unit",
        (
            "计入单位(默认牵头单位)",
            "Credited unit (default: lead unit)",
        ),
        Kind::Unit,
        false,
        "",
    ),
];

/// The form for task `id`, holding milestone `index` when it edits one.
pub(crate) fn spec(model: &Model, id: &str, index: Option<usize>) -> Spec {
    let task = model.campaign().task(id);
    let now = index.and_then(|i| task.and_then(|t| t.milestones.get(i)));
    let now = now.map_or_else(Vec::new, |m| {
        vec![
            ("title", m.title.clone()),
            ("due", m.due.to_string()),
            ("unit", m.unit.clone().unwrap_or_default()),
        ]
    });
    Spec::new(tr!("{id} 节点", "{id} milestone"), FIELDS, &now)
}

/// Adds the milestone, or changes milestone `index`; a date left out is today.
pub(crate) fn submit(
    model: &mut Model,
    task: &str,
    index: Option<usize>,
    v: &Values,
) -> Result<Done, Text> {
    let milestone = MilestoneFields {
        title: v.string("title"),
        due: v.date("due").unwrap_or(model.today),
        unit: v.text("unit"),
    };
    let task = task.to_owned();
    if let Some(index) = index {
        let change = Edit::EditMilestone {
            task: task.clone(),
            index,
            milestone,
        };
        return make(model, change, |_| {
            tr!("{task} 节点已修改", "{task}: milestone updated")
        });
    }
    let add = Edit::AddMilestones {
        task: task.clone(),
        milestones: vec![milestone],
    };
    make(model, add, |_| {
        tr!("{task} 已添加节点", "{task}: milestone added")
    })
}
