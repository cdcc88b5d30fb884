//! TOML's rules for tables, as the builder applies them: walking a dotted path or header,
//! reading a key path, and the errors for a key written twice or a table extended the wrong
//! way.

use std::borrow::Cow;

use toml_parser::ParseError;
use toml_parser::parser::EventKind;

use super::input::{Input, Piece};
use super::{Item, Key, Origin, Table, Value};

/// Moves a finished element out of the tree, leaving an empty table in its place.
pub(super) fn take_table<'a>(item: &mut Item<'a>) -> Item<'a> {
    let value = std::mem::replace(&mut item.value, Value::Table(Table::default()));
    Item {
        value,
        span: item.span.clone(),
    }
}

pub(super) fn duplicate(key: &Key<'_>, old: Option<&Key<'_>>) -> ParseError {
    let err = ParseError::new("duplicate key").with_unexpected(span_of(key));
    match old {
        Some(old) => err.with_context(span_of(old)),
        None => err,
    }
}

pub(super) fn span_of(key: &Key<'_>) -> toml_parser::Span {
    toml_parser::Span::new_unchecked(key.span.start, key.span.end)
}

/// Walks (creating as needed) the tables named by `path` below a header table or the root.
pub(super) fn descend<'t, 'a>(
    mut table: &'t mut Table<'a>,
    path: &[Key<'a>],
    dotted: bool,
) -> Result<&'t mut Table<'a>, ParseError> {
    for key in path {
        let origin = Origin {
            implicit: true,
            dotted,
            inline: false,
        };
        let item = table.entry_or_table(key, origin);
        let old_span = toml_parser::Span::new_unchecked(item.span.start, item.span.end);
        table = match &mut item.value {
            Value::Array(array) => {
                if !array.of_tables {
                    return Err(cannot_extend("array", key, old_span));
                }
                match array.items.last_mut().map(|i| &mut i.value) {
                    Some(Value::Table(t)) => t,
                    Some(other) => return Err(cannot_extend(other.type_str(), key, old_span)),
                    None => return Err(cannot_extend("array", key, old_span)),
                }
            }
            Value::Table(t) => {
                if t.origin.inline {
                    return Err(ParseError::new(
                        "cannot extend value of type inline table with a dotted key",
                    )
                    .with_unexpected(span_of(key)));
                }
                if dotted && t.origin.implicit {
                    t.origin.dotted = true;
                }
                if dotted && !t.origin.implicit {
                    return Err(duplicate(key, None));
                }
                t
            }
            other => return Err(cannot_extend(other.type_str(), key, old_span)),
        };
    }
    Ok(table)
}

pub(super) fn cannot_extend(type_str: &str, key: &Key<'_>, old: toml_parser::Span) -> ParseError {
    ParseError::new(Cow::Owned(format!(
        "cannot extend value of type {type_str} with a dotted key"
    )))
    .with_unexpected(span_of(key))
    .with_context(old)
}

/// A key, dotted or not: the path before the last part, and the last part.
pub(super) fn on_key<'a>(
    first: Key<'a>,
    input: &mut Input<'_, 'a>,
    errors: &mut Option<ParseError>,
) -> (Vec<Key<'a>>, Option<Key<'a>>) {
    let mut path = Vec::new();
    let mut last = first;
    loop {
        let sep_at = match input.peek_kind() {
            Some(EventKind::KeySep) => 0,
            Some(EventKind::Whitespace) if input.peek_kind_at(1) == Some(EventKind::KeySep) => 1,
            _ => break,
        };
        for _ in 0..=sep_at {
            input.next();
        }
        if input.peek_kind() == Some(EventKind::Whitespace) {
            input.next();
        }
        match input.peek_kind() {
            Some(EventKind::SimpleKey) => {
                if let Some(Piece::Key(next)) = input.next() {
                    path.push(std::mem::replace(&mut last, next));
                }
            }
            _ => break,
        }
    }
    // The lexer stops at this many dots already (see `limits`); a backstop.
    if path.len() >= super::limits::KEY_DOTS_LIMIT as usize {
        let err = ParseError::new(super::limits::Limit::KeyParts.description());
        errors.get_or_insert(err.with_unexpected(span_of(&last)));
        return (Vec::new(), None);
    }
    (path, Some(last))
}
