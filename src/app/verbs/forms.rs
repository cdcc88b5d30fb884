//! What a form is made of, as data: a table of fields ([`FieldDef`]: key, label in Chinese
//! and English, kind, whether required, default), the values it opens with ([`Spec`]), the
//! checked answers it is submitted with ([`Values`]) and what submitting it did ([`Done`]).
//! Each form's own file (`note.rs`, `task.rs`…) holds its table, its checks and the `Edit`
//! it builds; `verbs.rs` opens and carries out a form from them.

use crate::app::effect::Effect;
use crate::app::form::{Field, Kind, Value};
use crate::app::model::Model;
use crate::i18n::Text;
use crate::store::edit::apply::{Edit, Made};

/// One field of a form's table. The picker a field offers follows from its kind (units,
/// people, categories, tasks, fixed words, yes/no).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FieldDef {
    pub(crate) key: &'static str,
    pub(crate) zh: &'static str,
    pub(crate) en: &'static str,
    pub(crate) kind: Kind,
    pub(crate) required: bool,
    /// What the field holds when the form does not say otherwise (an id for id fields).
    pub(crate) default: &'static str,
}

/// A row of a form's table.
pub(crate) const fn field(
    key: &'static str,
    (zh, en): (&'static str, &'static str),
    kind: Kind,
    required: bool,
    default: &'static str,
) -> FieldDef {
    FieldDef {
        key,
        zh,
        en,
        kind,
        required,
        default,
    }
}

/// A form as it opens: its title, its fields filled in, and warnings shown under them.
#[derive(Debug, Clone)]
pub(crate) struct Spec {
    pub(crate) title: Text,
    pub(crate) fields: Vec<Field>,
    pub(crate) notes: Vec<Text>,
}

impl Spec {
    /// The table's fields in order, each holding its value in `values` (by key) if given
    /// there, else its default.
    pub(crate) fn new(title: Text, table: &[FieldDef], values: &[(&str, String)]) -> Spec {
        let fields = table
            .iter()
            .map(|d| {
                let value = values
                    .iter()
                    .find(|(k, _)| *k == d.key)
                    .map_or(d.default, |(_, v)| v.as_str());
                Field::new(d.key, Text::new(d.zh, d.en), d.kind, d.required, value)
            })
            .collect();
        Spec {
            title,
            fields,
            notes: Vec::new(),
        }
    }
}

/// A submitted form's checked answers, by field key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Values<'a>(pub &'a [(&'static str, Value)]);

impl Values<'_> {
    pub(crate) fn get(&self, key: &str) -> &Value {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&Value::Empty, |(_, v)| v)
    }

    pub(crate) fn text(&self, key: &str) -> Option<String> {
        self.get(key).text()
    }

    /// The text, or empty when the field was left empty.
    pub(crate) fn string(&self, key: &str) -> String {
        self.text(key).unwrap_or_default()
    }

    pub(crate) fn date(&self, key: &str) -> Option<chrono::NaiveDate> {
        self.get(key).date()
    }

    pub(crate) fn number(&self, key: &str) -> Option<i64> {
        self.get(key).number()
    }

    pub(crate) fn decimal(&self, key: &str) -> Option<f64> {
        self.get(key).decimal()
    }

    pub(crate) fn flag(&self, key: &str) -> bool {
        self.get(key).flag()
    }
}

/// What submitting a form did.
#[derive(Debug)]
pub(crate) enum Done {
    /// An edit was made: the form closes and says this (with "u 撤销" to offer).
    Made(Text, Vec<Effect>),
    /// Another form opened in its place (back-scheduling's proposals to confirm).
    Reopened,
}

/// Makes `edit` (see [`super::edit`]) and says what `said` words of what was made.
pub(crate) fn make(
    model: &mut Model,
    edit: Edit,
    said: impl FnOnce(&Made) -> Text,
) -> Result<Done, Text> {
    let (made, effects) = super::edit(model, edit)?;
    Ok(Done::Made(said(&made), effects))
}
