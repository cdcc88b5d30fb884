//! The pledge check form (核查承诺): a pledge marked kept (践诺) or broken (未践诺).

use super::forms::{Done, FieldDef, Spec, Values, field, make};
use crate::app::form::Kind;
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::Edit;
use crate::tr;

/// The answers when a pledge is checked: kept (践诺) or broken (未践诺).
pub(crate) const PLEDGE_RESULTS: &[&str] = &["践诺", "未践诺"];
const BROKEN: &str = "未践诺";

const FIELDS: &[FieldDef] = &[field(
    "result",
    ("结果 践诺/未践诺", "Result 践诺 (kept) / 未践诺 (broken)"),
    Kind::Choice(PLEDGE_RESULTS),
    true,
    "践诺",
)];

/// The form for pledge `index` (in `commitments`).
pub(crate) fn spec(model: &Model, index: usize) -> Spec {
    let c = model.campaign();
    let (name, text, due) = c.commitments.get(index).map_or_else(Default::default, |p| {
        let name = c.unit(&p.unit).map_or(p.unit.clone(), |u| u.name.clone());
        (name, p.text.clone(), p.due.to_string())
    });
    let n = index + 1;
    let title = tr!(
        "核查第{n}条承诺 {name}:{text}(期限 {due})",
        "check pledge {n} {name}: {text} (due {due})"
    );
    Spec::new(title, FIELDS, &[])
}

pub(crate) fn submit(model: &mut Model, index: usize, v: &Values) -> Result<Done, Text> {
    let kept = v.text("result").as_deref() != Some(BROKEN);
    let n = index + 1;
    make(model, Edit::CheckPledge { number: n, kept }, |_| {
        if kept {
            tr!("第{n}条承诺:已践诺", "pledge {n}: kept")
        } else {
            tr!("第{n}条承诺:未践诺", "pledge {n}: broken")
        }
    })
}
