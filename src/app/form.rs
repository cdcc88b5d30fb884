//! Forms: labelled one-line fields with pickers for ids and inline validation. A prompt is
//! a form of one field.

mod check;
mod choices;
mod editing;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub(crate) use self::check::echo;
pub(crate) use self::choices::{choices, resolve, suggestions};
pub(crate) use self::editing::edit_text;
use super::input::TextInput;
use crate::i18n::{Lang, Text};

/// Keys that edit a form (routed here instead of the keymap while a form is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    DeleteWord,
    DeleteToStart,
    NextField,
    PrevField,
    Up,
    Down,
    Submit,
    Cancel,
}

/// What a field holds, and so how it is checked and what it offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// A whole number within bounds.
    Number(i64, i64),
    /// A decimal number (investment).
    Decimal,
    Category,
    Unit,
    /// Several units (配合单位), separated by commas, spaces or 、.
    Units,
    Person,
    /// A task, by id (`T059`, or short: `59`, `t59`).
    Task,
    /// One of fixed words (`red`, `yellow`, `green`...), read in either language.
    Choice(&'static [&'static str]),
    /// yes / no (是 / 否).
    Flag,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: &'static str,
    pub label: Text,
    pub kind: Kind,
    pub required: bool,
    pub input: TextInput,
    /// Holds the value it was opened with, untouched: the first character typed replaces it
    /// (drawn highlighted, like selected text).
    pub fresh: bool,
    /// The value it was opened with, as the file holds it: the input shows it made inert,
    /// and a field left as it opened gives this back, so what was not changed is stored as
    /// it was written (never cleaned or trimmed on the way back).
    pub original: String,
}

impl Field {
    pub(crate) fn new(
        key: &'static str,
        label: Text,
        kind: Kind,
        required: bool,
        value: &str,
    ) -> Field {
        Field {
            key,
            label,
            kind,
            required,
            input: TextInput::new(value),
            fresh: !value.is_empty(),
            original: value.to_owned(),
        }
    }
}

/// A checked value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(i64),
    Decimal(f64),
    Flag(bool),
}

impl Value {
    pub(crate) fn text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    pub(crate) fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub(crate) fn number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub(crate) fn decimal(&self) -> Option<f64> {
        match self {
            Value::Decimal(x) => Some(*x),
            Value::Number(n) => Some(*n as f64),
            _ => None,
        }
    }

    pub(crate) fn flag(&self) -> bool {
        matches!(self, Value::Flag(true))
    }
}

/// An open form: its purpose (what submitting does) is kept by the caller.
#[derive(Debug, Clone)]
pub struct Form<P> {
    pub purpose: P,
    pub title: Text,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The highlighted suggestion of the focused id field.
    pub(crate) pick: usize,
    /// The field a check failed on, and why.
    pub error: Option<(usize, Text)>,
    /// Today, for relative dates (`+3`, `明天`, `周五`); without it only full dates are read.
    pub(crate) today: Option<NaiveDate>,
    /// The language id fields are shown in (`县财政局 (czj)`, `红灯` / `red`).
    pub(crate) lang: Lang,
    /// Warnings shown under the fields before submitting (ties stretching the bench, a
    /// proposed step that starts in the past).
    pub notes: Vec<Text>,
}

impl<P> Form<P> {
    pub(crate) fn new(purpose: P, title: Text, fields: Vec<Field>) -> Form<P> {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
            pick: 0,
            error: None,
            today: None,
            lang: Lang::default(),
            notes: Vec::new(),
        }
    }

    pub(crate) fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.input.text())
    }
}
