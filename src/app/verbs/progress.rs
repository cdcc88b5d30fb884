//! The progress form (`%`): the task's progress, 0 to 100.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const FIELDS: &[FieldDef] = &[field(
    "progress",
    ("进度(0–100)", "Progress (0–100)"),
    Kind::Number(0, 100),
    true,
    "",
)];

pub(crate) fn spec(model: &Model, id: &str) -> Spec {
    let now = model.campaign().task(id).and_then(|t| t.progress);
    let now = now.map(|p| p.to_string()).unwrap_or_default();
    Spec::new(
        tr!("{id} 进度 %", "{id} progress %"),
        FIELDS,
        &[("progress", now)],
    )
}

pub(crate) fn submit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let p = v.number("progress").unwrap_or(0).clamp(0, 100) as u8;
    let set = Edit::Progress {
        task: task.to_owned(),
        progress: p,
    };
    make(model, set, |_| {
        tr!("{task} 进度 {p}%", "{task}: progress {p}%")
    })
}
