//! A half-written form survives a hang-up, a kill or a crash: it is kept in `.NAME.draft`
//! beside the campaign and reopened, filled in, at the next start.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, value};

use super::form::Form;
use super::input::TextInput;
use super::verbs::Purpose;

/// `.bairi/NAME.draft` beside the campaign.
pub(crate) fn draft_path(campaign: &Path) -> PathBuf {
    crate::store::side::sidecar::path(campaign, ".draft")
}

/// The task a draft is about (`None` for a new task).
pub(crate) fn task_of(p: &Purpose) -> Option<String> {
    p.draft_words()
        .map(|(_, task, _)| task)
        .filter(|t| !t.is_empty())
}

/// The draft's text, if the form holds anything typed.
pub(crate) fn to_text(form: &Form<Purpose>) -> Option<String> {
    if form.fields.iter().all(|f| f.input.text().trim().is_empty()) {
        return None;
    }
    let (kind, task, extra) = form.purpose.draft_words()?;
    let mut doc = DocumentMut::new();
    doc["kind"] = value(kind);
    doc["task"] = value(task);
    doc["extra"] = value(extra);
    let mut fields = Table::new();
    for f in &form.fields {
        fields.insert(f.key, value(f.input.text()));
    }
    doc.insert("fields", Item::Table(fields));
    Some(doc.to_string())
}

/// The stored purpose and field texts.
pub(crate) fn from_text(text: &str) -> Option<(Purpose, Vec<(String, String)>)> {
    let doc: DocumentMut = text.parse().ok()?;
    let s = |k: &str| {
        doc.get(k)
            .and_then(Item::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let p = Purpose::from_draft_words(&s("kind"), s("task"), s("extra"))?;
    let fields = doc
        .get("fields")
        .and_then(Item::as_table)
        .map(|t| {
            t.iter()
                .filter_map(|(k, v)| Some((k.to_owned(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    Some((p, fields))
}

/// Puts stored texts back into a freshly opened form.
pub(crate) fn fill(form: &mut Form<Purpose>, fields: &[(String, String)]) {
    for f in &mut form.fields {
        if let Some((_, text)) = fields.iter().find(|(k, _)| k == f.key) {
            f.input = TextInput::new(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::form::{Field, Kind};
    use crate::i18n::Text;

    #[test]
    fn a_half_typed_follow_up_order_survives_as_a_draft() {
        let purpose = Purpose::FollowUp { task: "T06".into() };
        let field = Field::new("text", Text::same("t"), Kind::Text, true, "限期整改");
        let form = Form::new(purpose.clone(), Text::same("t"), vec![field]);
        let text = to_text(&form).expect("something typed");
        let (back, fields) = from_text(&text).expect("reads back");
        assert_eq!(back, purpose);
        assert_eq!(fields, [("text".to_owned(), "限期整改".to_owned())]);
        assert_eq!(task_of(&back).as_deref(), Some("T06"));
    }
}
