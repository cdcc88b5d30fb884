//! The pledge form (承诺践诺): what a unit pledges, by when (default the next checkpoint),
//! and the task it is about, if any.

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::store::edit::pledge::{NewPledge, default_due};
use crate::tr;

const FIELDS: &[FieldDef] = &[
    field("text", ("承诺内容", "Pledge"), Kind::Text, true, ""),
    field(
        "due",
        ("期限(默认下一节点)", "Due (default: next checkpoint)"),
        Kind::Date,
        true,
        "",
    ),
    field(
        "task",
        ("关于任务(可空)", "About task (optional)"),
        Kind::Task,
        false,
        "",
    ),
];

pub(crate) fn spec(model: &Model, unit: &str) -> Spec {
    let c = model.campaign();
    let name = c.unit(unit).map_or(unit.to_owned(), |u| u.name.clone());
    let due = default_due(&c.info, model.today).to_string();
    let title = tr!("{name} 承诺(承诺践诺)", "{name}: pledge");
    Spec::new(title, FIELDS, &[("due", due)])
}

pub(crate) fn submit(model: &mut Model, unit: String, v: &Values) -> Result<Done, Text> {
    let pledge = NewPledge {
        unit,
        text: v.string("text"),
        due: v.date("due"),
        task: v.text("task"),
        by: model.author.clone(),
    };
    make(model, Edit::AddPledge(pledge), |made| {
        let n = made.number();
        tr!("已记录第{n}条承诺", "pledge {n} recorded")
    })
}
