//! The follow-up order form (督办): the order's text, the unit that must act (default the
//! lead unit), a fix-by date (default the next checkpoint) and the coordinator (default the
//! author). Submitted, it is an ordinary problem of kind `督办`.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::domain::follow_up::{self, KIND};
use crate::i18n::Text;
use crate::sanitize::inert;
use crate::store::edit::apply::Edit;
use crate::store::file::NewProblem;
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field("text", ("督办内容", "Order"), Kind::Text, true, ""),
    field("owner", ("责任单位", "Unit"), Kind::Unit, true, ""),
    field("due", ("整改限期", "Fix by"), Kind::Date, true, ""),
    field(
        "coordinator",
        ("督办人(可空)", "Coordinator (optional)"),
        Kind::Person,
        false,
        "",
    ),
];

/// The form for task `id`, its title saying an order already issued since the last review.
pub(crate) fn spec(model: &Model, id: &str) -> Spec {
    let c = model.campaign();
    let task = c.task(id);
    let unit = task.and_then(|t| t.lead_unit.clone()).unwrap_or_default();
    let due = crate::store::edit::pledge::default_due(&c.info, model.today).to_string();
    let by = model.author.clone().unwrap_or_default();
    let text = order_text(model, id).get(model.lang).to_owned();
    let since = follow_up::latest_review_date(&model.as_of_today());
    let issued = task
        .and_then(|t| follow_up::order_for(t, since))
        .map(|p| inert(&p.id));
    let title = match issued {
        Some(p) => tr!(
            "{id} 下达督办(已有 {p})",
            "{id} follow-up order (already issued: {p})"
        ),
        None => tr!("{id} 下达督办", "{id} follow-up order"),
    };
    let now = [
        ("text", text),
        ("owner", unit),
        ("due", due),
        ("coordinator", by),
    ];
    Spec::new(title, FIELDS, &now)
}

/// The order's text as the form offers it: why the task is chased.
pub(crate) fn order_text(model: &Model, id: &str) -> Text {
    let c = &*model.as_of_today();
    let Some(index) = c.task_index(id) else {
        return Text::same("");
    };
    let flagged = model.derived.follow_ups.get(index).copied().flatten();
    follow_up::order_text(c, index, flagged.is_some())
}

/// Records the order as a problem of kind `督办` under task `id`.
pub(crate) fn submit(model: &mut Model, id: &str, v: &Values) -> Result<Done, Text> {
    let new = NewProblem {
        text: v.string("text"),
        kind: Some(KIND.to_owned()),
        blocking: false,
        owner: v.text("owner"),
        coordinator: v.text("coordinator"),
        due: v.date("due"),
    };
    let order = Edit::AddProblem {
        task: id.to_owned(),
        problem: new,
    };
    make(model, order, |made| {
        let pid = made.id();
        tr!(
            "{id} 已下达督办 {pid}",
            "{id}: follow-up order {pid} issued"
        )
    })
}
