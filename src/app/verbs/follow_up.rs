//! The follow-up order form (督办): the order's text, the unit that must act (default the
//! lead unit), a fix-by date (default the next checkpoint) and the coordinator (default the
//! author). Submitted, it is an ordinary problem of kind `督办`.

use super::{edit, get};
use crate::app::form::{Field, Kind, Value};
use crate::app::model::Model;
use crate::app::update::Effect;
use crate::domain::follow_up::{self, KIND};
use crate::i18n::Text;
use crate::sanitize::inert;
use crate::store::edit::apply::Edit;
use crate::store::file::NewProblem;
use crate::tr;

/// The form's title and fields for task `id`.
pub fn form(model: &Model, id: &str) -> (Text, Vec<Field>) {
    let c = model.campaign();
    let task = c.task(id);
    let unit = task.and_then(|t| t.lead_unit.clone()).unwrap_or_default();
    let due = crate::store::edit::pledge::default_due(&c.info, model.today).to_string();
    let by = model.author.clone().unwrap_or_default();
    let text = order_text(model, id);
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
    let field = |key, zh: &str, en: &str, kind, required, value: &str| {
        Field::new(key, Text::new(zh, en), kind, required, value)
    };
    (
        title,
        vec![
            field(
                "text",
                "督办内容",
                "Order",
                Kind::Text,
                true,
                text.get(model.lang),
            ),
            field("owner", "责任单位", "Unit", Kind::Unit, true, &unit),
            field("due", "整改限期", "Fix by", Kind::Date, true, &due),
            field(
                "coordinator",
                "督办人(可空)",
                "Coordinator (optional)",
                Kind::Person,
                false,
                &by,
            ),
        ],
    )
}

/// The order's text as the form offers it: why the task is chased.
pub fn order_text(model: &Model, id: &str) -> Text {
    let c = &*model.as_of_today();
    let Some(index) = c.task_index(id) else {
        return Text::same("");
    };
    let flagged = model.derived.follow_ups.get(index).copied().flatten();
    follow_up::order_text(c, index, flagged.is_some())
}

/// Records the order as a problem of kind `督办` under task `id`.
pub fn submit(
    model: &mut Model,
    id: &str,
    values: &[(&'static str, Value)],
) -> Result<(Text, Vec<Effect>), Text> {
    let text = |key: &str| get(values, key).text();
    let new = NewProblem {
        text: text("text").unwrap_or_default(),
        kind: Some(KIND.to_owned()),
        blocking: false,
        owner: text("owner"),
        coordinator: text("coordinator"),
        due: get(values, "due").date(),
    };
    let order = Edit::AddProblem {
        task: id.to_owned(),
        problem: new,
    };
    let (made, fx) = edit(model, order)?;
    let pid = made.id();
    Ok((
        tr!(
            "{id} 已下达督办 {pid}",
            "{id}: follow-up order {pid} issued"
        ),
        fx,
    ))
}
