//! The problem form (`p`): a problem logged under the task, owned by its lead unit unless
//! another is named.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::file::NewProblem;
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field("text", ("问题", "Problem"), Kind::Text, true, ""),
    field("kind", ("类别", "Kind"), Kind::Text, false, ""),
    field(
        "blocking",
        ("是否堵点(是/否)", "Blocking (yes/no)"),
        Kind::Flag,
        false,
        "no",
    ),
    field("owner", ("责任单位", "Owner unit"), Kind::Unit, false, ""),
    field("due", ("限期", "Fix by"), Kind::Date, false, ""),
];

pub(crate) fn spec(model: &Model, id: &str) -> Spec {
    let c = model.campaign();
    let unit = c
        .task(id)
        .and_then(|t| t.lead_unit.clone())
        .unwrap_or_default();
    Spec::new(
        tr!("{id} 新问题", "{id} new problem"),
        FIELDS,
        &[("owner", unit)],
    )
}

pub(crate) fn submit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let problem = NewProblem {
        text: v.string("text"),
        kind: v.text("kind"),
        blocking: v.flag("blocking"),
        owner: v.text("owner"),
        due: v.date("due"),
        coordinator: None,
    };
    let add = Edit::AddProblem {
        task: task.to_owned(),
        problem,
    };
    make(model, add, |made| {
        let id = made.id();
        tr!("{task} 新问题 {id}", "{task}: problem {id} logged")
    })
}
