//! The resolve form (`r`): a problem closed with its result, which goes to the results list.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const FIELDS: &[FieldDef] = &[field(
    "result",
    (
        "解决结果(进入成果清单)",
        "Result (goes to the results list)",
    ),
    Kind::Text,
    true,
    "",
)];

pub(crate) fn spec(id: &str, problem: &str) -> Spec {
    let title = tr!("{id} 解决问题 {problem}", "{id} resolve {problem}");
    Spec::new(title, FIELDS, &[])
}

pub(crate) fn submit(
    model: &mut Model,
    task: String,
    problem: String,
    v: &Values,
) -> Result<Done, Text> {
    let resolve = Edit::ResolveProblem {
        task,
        problem: problem.clone(),
        result: v.string("result"),
    };
    make(model, resolve, |_| {
        tr!("{problem} 已解决", "{problem} resolved")
    })
}
