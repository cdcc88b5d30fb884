//! A light, read-only TOML tree with byte spans, built from `toml_parser`'s events one
//! `[table]` at a time, so a large file never needs all its tokens in memory at once.
//! Strings borrow the source text unless they hold escapes.

mod build;
mod chunks;
mod error;
mod input;
mod layout;
mod limits;
mod pieces;
mod rules;
mod values;

use std::borrow::Cow;
use std::ops::Range;

pub use build::Builder;
pub(crate) use build::{Parsed, parse};
pub(crate) use error::TreeError;
pub(crate) use layout::Layout;
pub(crate) use limits::Limit;
pub use pieces::Pieces;
pub(crate) use toml_datetime::Datetime;

/// Only the layout of `text`; `None` if it is not TOML.
pub(crate) fn parse_layout(text: &str) -> Option<Layout> {
    parse(text).ok().map(|p| p.layout)
}

/// A key as written, decoded, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Key<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) span: Range<usize>,
}

/// A value with the span of its text (a table: of its header, or of its first key).
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub(crate) value: Value<'a>,
    pub(crate) span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    String(Cow<'a, str>),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(Datetime),
    Array(Array<'a>),
    Table(Table<'a>),
}

/// `[..]`, or the tables of `[[key]]` headers.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Array<'a> {
    pub(crate) items: Vec<Item<'a>>,
    pub(crate) of_tables: bool,
}

/// How a table came to be; TOML forbids mixing some of these.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Created on the way to a deeper header or dotted key, not (yet) defined itself.
    pub(crate) implicit: bool,
    /// Created by dotted keys.
    pub(crate) dotted: bool,
    /// `{ .. }`: closed once written.
    pub(crate) inline: bool,
}

/// Keys in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Table<'a> {
    pub(crate) entries: Vec<(Key<'a>, Item<'a>)>,
    pub(crate) origin: Origin,
}

impl<'a> Table<'a> {
    pub(crate) fn get(&self, key: &str) -> Option<&Item<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, item)| item)
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Item<'a>> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k.name == key)
            .map(|(_, item)| item)
    }

    pub(crate) fn key(&self, key: &str) -> Option<&Key<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k)
    }

    /// The value of `key`, first made an empty table of `origin` if there is none (a table
    /// named on the way to a deeper key).
    pub(crate) fn entry_or_table(&mut self, key: &Key<'a>, origin: Origin) -> &mut Item<'a> {
        let index = match self.entries.iter().position(|(k, _)| k.name == key.name) {
            Some(i) => i,
            None => {
                let table = Table {
                    entries: Vec::new(),
                    origin,
                };
                let item = Item {
                    value: Value::Table(table),
                    span: key.span.clone(),
                };
                self.entries.push((key.clone(), item));
                self.entries.len() - 1
            }
        };
        &mut self.entries[index].1
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Key<'a>, &Item<'a>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<'a> Item<'a> {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_integer(&self) -> Option<i64> {
        match self.value {
            Value::Integer(n) => Some(n),
            _ => None,
        }
    }

    pub(crate) fn as_float(&self) -> Option<f64> {
        match self.value {
            Value::Float(x) => Some(x),
            _ => None,
        }
    }

    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Boolean(b) => Some(b),
            _ => None,
        }
    }

    pub(crate) fn as_datetime(&self) -> Option<&Datetime> {
        match &self.value {
            Value::Datetime(d) => Some(d),
            _ => None,
        }
    }

    /// A written array `[..]` (not the tables of `[[key]]`).
    pub(crate) fn as_array(&self) -> Option<&[Item<'a>]> {
        match &self.value {
            Value::Array(a) if !a.of_tables => Some(&a.items),
            _ => None,
        }
    }

    /// The tables of `[[key]]` headers.
    pub(crate) fn as_array_of_tables(&self) -> Option<&[Item<'a>]> {
        match &self.value {
            Value::Array(a) if a.of_tables => Some(&a.items),
            _ => None,
        }
    }

    /// Any table: `[key]`, dotted, or `{ .. }`.
    pub(crate) fn as_table(&self) -> Option<&Table<'a>> {
        match &self.value {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }

    /// An inline table `{ .. }`.
    pub(crate) fn as_inline_table(&self) -> Option<&Table<'a>> {
        self.as_table().filter(|t| t.origin.inline)
    }
}

impl Value<'_> {
    /// The type's name in TOML's words, for messages.
    pub(crate) fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float(_) => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime(_) => "datetime",
            Value::Array(a) if a.of_tables => "array of tables",
            Value::Array(_) => "array",
            Value::Table(t) if t.origin.inline => "inline table",
            Value::Table(_) => "table",
        }
    }
}

#[cfg(test)]
mod tests;
