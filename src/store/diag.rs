//! Findings about a campaign file: errors stop the load, warnings are listed.

use std::fmt::Write as _;

use crate::i18n::{Lang, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding: where, about what, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// 1-based line and column (in characters); 0 when the finding is about the whole file.
    pub line: usize,
    pub column: usize,
    /// The task or entry it is about: `任务 T03` / `task T03`, `unit jtj`...
    pub subject: Option<Text>,
    pub message: Text,
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: error: [task T03] message (hint)`, in one language, on one line.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let mut out = String::new();
        let _ = write!(out, "{file}");
        if self.line > 0 {
            let _ = write!(out, ":{}:{}", self.line, self.column);
        }
        let level = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Warning, Lang::En) => "warning",
        };
        let _ = write!(out, ": {level}: ");
        if let Some(subject) = &self.subject {
            let _ = write!(out, "[{}] ", subject.get(lang));
        }
        out.push_str(self.message.get(lang));
        if let Some(hint) = &self.hint {
            let sep = match lang {
                Lang::Zh => " —— ",
                Lang::En => " — ",
            };
            out.push_str(sep);
            out.push_str(hint.get(lang));
        }
        crate::sanitize::inert(&out)
    }
}
