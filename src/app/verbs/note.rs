//! The note form (`n`): one line added to the task's log.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const FIELDS: &[FieldDef] = &[field("text", ("内容", "Note"), Kind::Text, true, "")];

pub(crate) fn spec(id: &str) -> Spec {
    let title = tr!(
        "{id} 记录(Enter 保存,Esc 取消)",
        "{id} note (Enter saves, Esc cancels)"
    );
    Spec::new(title, FIELDS, &[])
}

pub(crate) fn submit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let note = Edit::Note {
        text: v.string("text"),
        task: task.to_owned(),
    };
    make(model, note, |_| tr!("{task} 已记录", "{task}: note added"))
}
