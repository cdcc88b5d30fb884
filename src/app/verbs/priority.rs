//! The priority form: 1 top (重中之重), 2 key (重点), 3 normal (一般).

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const FIELDS: &[FieldDef] = &[field(
    "priority",
    (
        "优先级(1重中之重/2重点/3一般)",
        "Priority (1 top/2 key/3 normal)",
    ),
    Kind::Number(1, 3),
    true,
    "",
)];

pub(crate) fn spec(model: &Model, id: &str) -> Spec {
    let now = model.campaign().task(id).map(|t| t.priority.to_string());
    let now = now.unwrap_or_default();
    Spec::new(
        tr!("{id} 优先级", "{id} priority"),
        FIELDS,
        &[("priority", now)],
    )
}

pub(crate) fn submit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let p = v.number("priority").unwrap_or(2).clamp(1, 3) as u8;
    let set = Edit::Priority {
        task: task.to_owned(),
        priority: p,
    };
    make(model, set, |_| {
        tr!("{task} 优先级 {p}", "{task}: priority {p}")
    })
}
