//! Collects the loader's findings, turning byte spans into lines and columns.

use std::ops::Range;

use super::subject::Subject;
use crate::i18n::Text;
use crate::store::diag::{Diagnostic, Severity};
use crate::store::position::LineIndex;

/// The findings of one load.
pub(crate) struct Findings<'s> {
    text: &'s str,
    /// Made at the first finding: a clean file never needs it.
    index: std::cell::OnceCell<LineIndex<'s>>,
    pub(crate) list: Vec<Diagnostic>,
}

impl<'s> Findings<'s> {
    pub(crate) fn new(text: &'s str) -> Self {
        Findings {
            text,
            index: std::cell::OnceCell::new(),
            list: Vec::new(),
        }
    }

    fn index(&self) -> &LineIndex<'s> {
        self.index.get_or_init(|| LineIndex::new(self.text))
    }

    pub(crate) fn line_of(&self, span: Option<Range<usize>>) -> usize {
        self.index().locate_span(span).0
    }

    pub(crate) fn push(
        &mut self,
        severity: Severity,
        span: Option<Range<usize>>,
        subject: Option<&Subject>,
        message: Text,
        hint: Option<Text>,
    ) {
        let (line, column) = self.index().locate_span(span);
        self.list.push(Diagnostic {
            severity,
            line,
            column,
            subject: subject.map(Subject::text),
            message,
            hint,
        });
    }

    pub(crate) fn error(
        &mut self,
        span: Option<Range<usize>>,
        subject: Option<&Subject>,
        message: Text,
        hint: Option<Text>,
    ) {
        self.push(Severity::Error, span, subject, message, hint);
    }

    pub(crate) fn warn(
        &mut self,
        span: Option<Range<usize>>,
        subject: Option<&Subject>,
        message: Text,
        hint: Option<Text>,
    ) {
        self.push(Severity::Warning, span, subject, message, hint);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// Errors first, then by position.
    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.list
            .sort_by_key(|d| (d.severity, d.line == 0, d.line, d.column));
        self.list
    }
}
