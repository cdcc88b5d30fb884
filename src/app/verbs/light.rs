//! The leader's light form (领导认定灯色): a light set over the computed one, with a reason
//! and an optional end; `none` removes it.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::domain::Light;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

const LIGHTS: &[&str] = &["red", "yellow", "green", "none"];

const FIELDS: &[FieldDef] = &[
    field(
        "light",
        ("灯色 红灯/黄灯/绿灯/无", "Light red/yellow/green/none"),
        Kind::Choice(LIGHTS),
        true,
        "",
    ),
    field("reason", ("理由", "Reason"), Kind::Text, false, ""),
    field(
        "until",
        ("有效至(可空)", "Until (optional)"),
        Kind::Date,
        false,
        "",
    ),
];

pub(crate) fn spec(model: &Model, id: &str) -> Spec {
    let o = model
        .campaign()
        .task(id)
        .and_then(|t| t.light_override.clone());
    let light = o.as_ref().map_or("", |o| o.light.key()).to_owned();
    let reason = o.as_ref().map_or(String::new(), |o| o.reason.clone());
    let until = o.and_then(|o| o.until).map(|d| d.to_string());
    let title = tr!(
        "{id} 领导认定灯色(无 即取消)",
        "{id} light set by a leader (none removes it)"
    );
    let now = [
        ("light", light),
        ("reason", reason),
        ("until", until.unwrap_or_default()),
    ];
    Spec::new(title, FIELDS, &now)
}

/// A light needs a reason; `none` needs none.
pub(crate) fn submit(model: &mut Model, task: &str, v: &Values) -> Result<Done, Text> {
    let light = v.text("light").and_then(|l| Light::parse(&l));
    let reason = v.string("reason");
    if light.is_some() && reason.is_empty() {
        return Err(Text::new("请写明理由", "give a reason"));
    }
    let light = light.map(|l| (l, reason, v.date("until")));
    let set = Edit::Override {
        task: task.to_owned(),
        light,
    };
    make(model, set, |_| {
        tr!("{task} 灯色已更新", "{task}: light updated")
    })
}
