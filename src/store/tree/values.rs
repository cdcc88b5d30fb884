//! Values: keys and scalars decoded against the source (on the parsing side, see
//! [`decode`]), then arrays and inline tables put together from them.

use std::borrow::Cow;

use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{Event, EventKind};
use toml_parser::{ParseError, Source};

use super::input::{Input, Piece};
use super::rules::{on_key, span_of};
use super::{Array, Datetime, Item, Key, Origin, Table, Value};

/// Decodes the keys and scalars of `events` into `out`; the first error goes to `errors`.
pub(crate) fn decode<'a>(
    events: &[Event],
    source: Source<'a>,
    out: &mut Vec<Piece<'a>>,
    errors: &mut Option<ParseError>,
) {
    out.extend(events.iter().map(|e| match e.kind() {
        EventKind::SimpleKey => Piece::Key(decode_key(e, source, errors)),
        EventKind::Scalar => Piece::Scalar(scalar(e, source, errors)),
        _ => Piece::Event(*e),
    }));
}

fn span(event: &Event) -> std::ops::Range<usize> {
    event.span().start()..event.span().end()
}

fn decode_key<'a>(event: &Event, source: Source<'a>, errors: &mut Option<ParseError>) -> Key<'a> {
    let mut name = Cow::Borrowed("");
    if let Some(raw) = source.get(event) {
        raw.decode_key(&mut name, errors);
    }
    Key {
        name,
        span: span(event),
    }
}

/// `val = string / boolean / array / inline-table / date-time / float / integer`
pub(crate) fn value<'a>(input: &mut Input<'_, 'a>, errors: &mut Option<ParseError>) -> Item<'a> {
    match input.next() {
        Some(Piece::Scalar(item)) => item,
        Some(Piece::Event(e)) if e.kind() == EventKind::InlineTableOpen => {
            inline_table(&e, input, errors)
        }
        Some(Piece::Event(e)) if e.kind() == EventKind::ArrayOpen => array(&e, input, errors),
        _ => Item {
            value: Value::Integer(0),
            span: 0..0,
        },
    }
}

fn scalar<'a>(event: &Event, source: Source<'a>, errors: &mut Option<ParseError>) -> Item<'a> {
    let mut decoded = Cow::Borrowed("");
    let kind = match source.get(event) {
        Some(raw) => raw.decode_scalar(&mut decoded, errors),
        None => ScalarKind::String,
    };
    let mut invalid = |what: &str| {
        errors.get_or_insert(ParseError::new(what.to_owned()).with_unexpected(event.span()));
    };
    let value = match kind {
        ScalarKind::String => Value::String(decoded),
        ScalarKind::Boolean(b) => Value::Boolean(b),
        ScalarKind::DateTime => match decoded.parse::<Datetime>() {
            Ok(dt) => Value::Datetime(dt),
            Err(e) => {
                invalid(&e.to_string());
                Value::Integer(0)
            }
        },
        ScalarKind::Float => match decoded.parse::<f64>() {
            Ok(x) if !x.is_infinite() || decoded.contains("inf") => Value::Float(x),
            _ => {
                invalid("invalid floating-point number");
                Value::Float(0.0)
            }
        },
        ScalarKind::Integer(radix) => match i64::from_str_radix(&decoded, radix.value()) {
            Ok(n) => Value::Integer(n),
            Err(_) => {
                invalid("integer number overflowed");
                Value::Integer(0)
            }
        },
    };
    Item {
        value,
        span: span(event),
    }
}

fn array<'a>(open: &Event, input: &mut Input<'_, 'a>, errors: &mut Option<ParseError>) -> Item<'a> {
    let mut items = Vec::new();
    let mut end = open.span().end();
    let mut current = None;
    while let Some(piece) = input.next() {
        end = piece.end();
        match piece {
            Piece::Scalar(item) => current = Some(item),
            Piece::Event(e) => match e.kind() {
                EventKind::InlineTableOpen => current = Some(inline_table(&e, input, errors)),
                EventKind::ArrayOpen => current = Some(array(&e, input, errors)),
                EventKind::ValueSep => items.extend(current.take()),
                EventKind::ArrayClose => {
                    items.extend(current.take());
                    break;
                }
                EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                _ => break,
            },
            Piece::Key(_) | Piece::Taken => break,
        }
    }
    Item {
        value: Value::Array(Array {
            items,
            of_tables: false,
        }),
        span: open.span().start()..end,
    }
}

fn inline_table<'a>(
    open: &Event,
    input: &mut Input<'_, 'a>,
    errors: &mut Option<ParseError>,
) -> Item<'a> {
    let inline = Origin {
        inline: true,
        ..Origin::default()
    };
    let mut table = Table {
        entries: Vec::new(),
        origin: inline,
    };
    let mut end = open.span().end();
    let mut key: Option<(Vec<Key<'a>>, Key<'a>)> = None;
    let mut current: Option<Item<'a>> = None;
    while let Some(piece) = input.next() {
        end = piece.end();
        match piece {
            Piece::Key(first) => {
                if let (path, Some(k)) = on_key(first, input, errors) {
                    key = Some((path, k));
                }
            }
            Piece::Scalar(item) => current = Some(item),
            Piece::Event(e) => match e.kind() {
                EventKind::KeyValSep
                | EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                EventKind::InlineTableOpen => current = Some(inline_table(&e, input, errors)),
                EventKind::ArrayOpen => current = Some(array(&e, input, errors)),
                EventKind::ValueSep => insert(&mut table, key.take(), current.take(), errors),
                EventKind::InlineTableClose => {
                    insert(&mut table, key.take(), current.take(), errors);
                    break;
                }
                _ => break,
            },
            Piece::Taken => break,
        }
    }
    Item {
        value: Value::Table(table),
        span: open.span().start()..end,
    }
}

fn insert<'a>(
    table: &mut Table<'a>,
    key: Option<(Vec<Key<'a>>, Key<'a>)>,
    value: Option<Item<'a>>,
    errors: &mut Option<ParseError>,
) {
    let (Some((path, key)), Some(value)) = (key, value) else {
        return;
    };
    let target = match descend_inline(table, &path) {
        Ok(t) => t,
        Err(e) => {
            errors.get_or_insert(e);
            return;
        }
    };
    if target.origin.dotted == path.is_empty() {
        errors.get_or_insert(ParseError::new("duplicate key").with_unexpected(span_of(&key)));
        return;
    }
    if let Some(old) = target.key(&key.name) {
        let err = ParseError::new("duplicate key")
            .with_unexpected(span_of(&key))
            .with_context(span_of(old));
        errors.get_or_insert(err);
        return;
    }
    target.entries.push((key, value));
}

/// Dotted keys inside `{ .. }`: they may only extend tables they created themselves.
fn descend_inline<'t, 'a>(
    mut table: &'t mut Table<'a>,
    path: &[Key<'a>],
) -> Result<&'t mut Table<'a>, ParseError> {
    for key in path {
        let origin = Origin {
            implicit: true,
            dotted: true,
            inline: true,
        };
        let item = table.entry_or_table(key, origin);
        let old = toml_parser::Span::new_unchecked(item.span.start, item.span.end);
        table = match &mut item.value {
            Value::Table(t) => {
                if !t.origin.implicit {
                    return Err(ParseError::new("duplicate key").with_unexpected(span_of(key)));
                }
                t
            }
            other => {
                let msg = format!(
                    "cannot extend value of type {} with a dotted key",
                    other.type_str()
                );
                return Err(ParseError::new(msg)
                    .with_unexpected(span_of(key))
                    .with_context(old));
            }
        };
    }
    Ok(table)
}
