//! Typed reading of one table (or inline table), reporting wrong types, missing and unknown keys.

mod collections;
mod scalars;
mod type_errors;
mod unknown_keys;

use std::ops::Range;

use self::type_errors::Kind;
use super::report::Findings;
use super::subject::Subject;
use crate::store::tree::{Item, Table};

/// One table of the file being read, with the keys it may hold.
pub(crate) struct Entry<'d> {
    table: &'d Table<'d>,
    span: Option<Range<usize>>,
    pub(crate) subject: Subject,
    known: &'static [&'static str],
}

impl<'d> Entry<'d> {
    pub(crate) fn new(
        table: &'d Table<'d>,
        span: Option<Range<usize>>,
        subject: impl Into<Subject>,
        known: &'static [&'static str],
    ) -> Self {
        Entry {
            table,
            span,
            subject: subject.into(),
            known,
        }
    }

    pub(crate) fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }

    /// The span of a key's value, else of the table.
    pub(crate) fn value_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .get(key)
            .map(|item| item.span.clone())
            .or_else(|| self.span.clone())
    }

    pub(crate) fn get_item(&self, key: &str) -> Option<&'d Item<'d>> {
        self.table.get(key)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    fn get(&self, f: &mut Findings, key: &str, required: bool, kind: Kind) -> Option<&'d Item<'d>> {
        match self.table.get(key) {
            Some(item) => Some(item),
            None => {
                if required {
                    self.missing(f, key, kind);
                }
                None
            }
        }
    }
}
