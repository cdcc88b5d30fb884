//! The first thing wrong with a text as TOML, worded for people: where, and what was expected.

use std::ops::Range;

use toml_parser::ParseError;

use super::limits::Limit;

/// The first thing wrong with the text as TOML.
#[derive(Debug, Clone, PartialEq)]
pub struct TreeError {
    pub(crate) message: String,
    pub(crate) span: Option<Range<usize>>,
    /// Set when the text went past one of the [`Limit`]s rather than breaking TOML's rules.
    pub(crate) limit: Option<Limit>,
}

impl TreeError {
    pub(super) fn from_parse(err: &ParseError) -> Self {
        let mut message = err.description().to_owned();
        if let Some(expected) = err.expected().filter(|e| !e.is_empty()) {
            let names: Vec<String> = expected
                .iter()
                .map(|e| match e {
                    toml_parser::Expected::Literal("\n" | "\r\n") => "newline".to_owned(),
                    toml_parser::Expected::Literal(s) => format!("`{}`", shown(s)),
                    toml_parser::Expected::Description(s) => (*s).to_owned(),
                    _ => "?".to_owned(),
                })
                .collect();
            message.push_str(", expected ");
            message.push_str(&names.join(", "));
        }
        let span = err.unexpected().or(err.context());
        TreeError {
            limit: Limit::of(err.description()),
            message,
            span: span.map(|s| s.start()..s.end()),
        }
    }
}

/// A literal the parser expected, as typed: only characters that would not show (a tab, a
/// carriage return) are escaped, not the quotes people are asked for.
fn shown(literal: &str) -> String {
    literal
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}
