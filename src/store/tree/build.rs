//! Builds the tree from events with TOML's rules for tables: no key twice, no table defined
//! twice, no mixing of `[header]`, dotted-key and inline tables. Follows the `toml` crate's
//! document builder, so it accepts exactly what `toml_edit` accepts (a test compares them).
//!
//! The elements of one root array of tables (`[[tasks]]`) can be handed out as each one is
//! complete, so a caller can read and drop them while the rest of the file is still unread.

use std::ops::Range;

use toml_parser::ParseError;
use toml_parser::parser::{Event, EventKind};

use super::error::TreeError;
use super::input::{Input, Piece};
use super::layout::{Layout, Tracker};
use super::pieces::Pieces;
use super::rules::{descend, duplicate, on_key, take_table};
use super::values::value;
use super::{Array, Item, Key, Origin, Table, Value};

/// What the whole text held.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub(crate) root: Table<'a>,
    pub layout: Layout,
}

struct Header<'a> {
    path: Vec<Key<'a>>,
    key: Option<Key<'a>>,
    span: Range<usize>,
    is_array: bool,
}

impl Header<'_> {
    /// The root key it is under.
    fn first(&self) -> &str {
        let first = self.path.first().or(self.key.as_ref());
        first.map_or("", |k| k.name.as_ref())
    }

    /// `[[key]]` at the root: a new element of a root array.
    fn is_element(&self) -> bool {
        self.is_array && self.path.is_empty()
    }
}

/// Builds a tree from text, a table at a time.
pub struct Builder<'a> {
    pieces: Pieces<'a>,
    text: &'a str,
    root: Table<'a>,
    current: Table<'a>,
    header: Option<Header<'a>>,
    stream_key: &'static str,
    /// Whether completed elements of `stream_key` are handed out (else they stay in the tree).
    hand_out: bool,
    /// Root keys the caller has read: a later header under one of them is noted in `late`.
    frozen: &'static [&'static str],
    late: bool,
    streamed: Vec<Item<'a>>,
    layout: Tracker,
    /// Where the last statement read ends.
    content_end: usize,
    error: Option<ParseError>,
}

/// Parses a whole text into one tree (nothing streamed; the tasks' layout measured).
pub(crate) fn parse(text: &str) -> Result<Parsed<'_>, TreeError> {
    let mut b = Builder::new(text, "tasks", Pieces::here(text));
    b.keep_elements();
    while b.step()? {}
    b.finish()
}

impl<'a> Builder<'a> {
    /// `stream_key`: the root array of tables whose elements [`Builder::take_streamed`] hands out.
    pub fn new(text: &'a str, stream_key: &'static str, pieces: Pieces<'a>) -> Self {
        Builder {
            pieces,
            text,
            root: Table::default(),
            current: Table::default(),
            header: None,
            stream_key,
            hand_out: true,
            frozen: &[],
            late: false,
            streamed: Vec::new(),
            layout: Tracker::default(),
            content_end: 0,
            error: None,
        }
    }

    /// Reads the next table's worth of text; false at the end.
    pub fn step(&mut self) -> Result<bool, TreeError> {
        let Some(mut batch) = self.pieces.next_batch() else {
            return Ok(false);
        };
        let clean = batch
            .error
            .as_ref()
            .map_or(batch.pieces.len(), |(at, _)| *at);
        self.document(&mut Input::new(&mut batch.pieces[..clean]));
        if let Some((_, err)) = batch.error {
            self.report(err);
        }
        self.pieces.done_with(batch.pieces);
        match &self.error {
            Some(err) => Err(TreeError::from_parse(err)),
            None => Ok(true),
        }
    }

    /// Keeps the elements of the streamed array in the tree (their layout is still measured).
    pub(crate) fn keep_elements(&mut self) {
        self.hand_out = false;
    }

    /// Tells that these root keys have been read: a later header that adds to them (a
    /// sub-table, or the table itself) sets [`Builder::late`].
    pub(crate) fn freeze(&mut self, keys: &'static [&'static str]) {
        self.frozen = keys;
        // The table being read is not in the root yet.
        if let Some(header) = &self.header {
            self.late |= self.adds_to_frozen(header.first(), header.is_element());
        }
    }

    /// Whether a header with this first key adds to something read already: anything under
    /// a frozen key but a new element of a frozen list.
    fn adds_to_frozen(&self, first: &str, element: bool) -> bool {
        let new_element = element && first != "campaign";
        self.frozen.contains(&first) && !new_element
    }

    /// Whether a header came under a frozen key after it was read.
    pub(crate) fn late(&self) -> bool {
        self.late
    }

    /// The root as read so far: its own keys, and the tables whose headers have ended.
    pub(crate) fn root(&self) -> &Table<'a> {
        &self.root
    }

    /// The streamed elements completed since the last call, in file order.
    pub fn take_streamed(&mut self) -> std::vec::Drain<'_, Item<'a>> {
        self.streamed.drain(..)
    }

    /// Ends the text; the last streamed element goes to [`Builder::take_streamed`].
    pub fn finish(&mut self) -> Result<Parsed<'a>, TreeError> {
        self.finish_table();
        if let Some(err) = &self.error {
            return Err(TreeError::from_parse(err));
        }
        self.take_last_streamed();
        self.layout.finish(self.text.len(), self.content_end);
        Ok(Parsed {
            root: std::mem::take(&mut self.root),
            layout: std::mem::take(&mut self.layout.layout),
        })
    }

    fn report(&mut self, err: ParseError) {
        self.error.get_or_insert(err);
    }

    fn document(&mut self, input: &mut Input<'_, 'a>) {
        while let Some(piece) = input.next() {
            match piece {
                Piece::Event(e)
                    if matches!(
                        e.kind(),
                        EventKind::StdTableOpen | EventKind::ArrayTableOpen
                    ) =>
                {
                    self.finish_table();
                    let header = self.on_header(&e, input);
                    self.note_layout(&header);
                    self.content_end = header.span.end;
                    self.start_table(header);
                }
                Piece::Key(first) => {
                    let (path, key) = on_key(first, input, &mut self.error);
                    let Some(key) = key else { break };
                    if input.peek_kind() == Some(EventKind::Whitespace) {
                        input.next();
                    }
                    if input.peek_kind() != Some(EventKind::KeyValSep) {
                        break;
                    }
                    input.next();
                    if input.peek_kind() == Some(EventKind::Whitespace) {
                        input.next();
                    }
                    let value = value(input, &mut self.error);
                    self.content_end = value.span.end;
                    self.capture_key_value(path, key, value);
                }
                _ => {}
            }
            if self.error.is_some() {
                return;
            }
        }
    }

    fn on_header(&mut self, open: &Event, input: &mut Input<'_, 'a>) -> Header<'a> {
        let is_array = open.kind() == EventKind::ArrayTableOpen;
        let mut path = Vec::new();
        let mut key = None;
        let mut end = open.span().end();
        while let Some(piece) = input.next() {
            match piece {
                Piece::Event(e)
                    if matches!(
                        e.kind(),
                        EventKind::ArrayTableClose | EventKind::StdTableClose
                    ) =>
                {
                    end = e.span().end();
                    break;
                }
                Piece::Key(first) => {
                    let (p, k) = on_key(first, input, &mut self.error);
                    path = p;
                    key = k;
                }
                _ => {}
            }
        }
        Header {
            path,
            key,
            span: open.span().start()..end,
            is_array,
        }
    }

    fn note_layout(&mut self, header: &Header<'a>) {
        let start = header.span.start;
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let (first, element) = (header.first(), header.is_element());
        self.late |= self.adds_to_frozen(first, element);
        let (stream_key, end) = (self.stream_key, self.content_end);
        self.layout
            .header(line_start, first, element, stream_key, end);
    }

    fn capture_key_value(&mut self, path: Vec<Key<'a>>, key: Key<'a>, value: Item<'a>) {
        let dotted = !path.is_empty();
        let parent = match descend(&mut self.current, &path, dotted) {
            Ok(t) => t,
            Err(e) => return self.report(e),
        };
        if dotted && !parent.origin.implicit {
            let err = duplicate(&key, None);
            return self.report(err);
        }
        if let Some(old) = parent.key(&key.name) {
            let err = duplicate(&key, Some(old));
            return self.report(err);
        }
        parent.entries.push((key, value));
    }

    fn finish_table(&mut self) {
        let table = std::mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            self.root = table;
            return;
        };
        let Some(key) = header.key else { return };
        let item = Item {
            value: Value::Table(table),
            span: header.span.clone(),
        };
        let streamed = self.hand_out
            && header.is_array
            && header.path.is_empty()
            && !self.stream_key.is_empty()
            && key.name == self.stream_key;
        let parent = match descend(&mut self.root, &header.path, false) {
            Ok(t) => t,
            Err(e) => return self.report(e),
        };
        if !header.is_array {
            parent.entries.push((key, item));
            return;
        }
        let index = match parent.entries.iter().position(|(k, _)| k.name == key.name) {
            Some(i) => i,
            None => {
                let array = Value::Array(Array {
                    items: Vec::new(),
                    of_tables: true,
                });
                let span = header.span.clone();
                parent
                    .entries
                    .push((key.clone(), Item { value: array, span }));
                parent.entries.len() - 1
            }
        };
        let (old_key, old) = &mut parent.entries[index];
        let Value::Array(array) = &mut old.value else {
            let err = duplicate(&key, Some(old_key));
            return self.report(err);
        };
        if !array.of_tables {
            let err = duplicate(&key, Some(old_key));
            return self.report(err);
        }
        let finished = if streamed {
            array.items.last_mut().map(take_table)
        } else {
            None
        };
        array.items.push(item);
        self.streamed.extend(finished);
    }

    fn take_last_streamed(&mut self) {
        if self.stream_key.is_empty() || !self.hand_out {
            return;
        }
        let last = self
            .root
            .get_mut(self.stream_key)
            .and_then(|item| match &mut item.value {
                Value::Array(a) if a.of_tables => a.items.last_mut(),
                _ => None,
            })
            .map(take_table);
        self.streamed.extend(last);
    }

    fn start_table(&mut self, header: Header<'a>) {
        if !header.is_array
            && let Some(key) = &header.key
        {
            let found = match descend(&mut self.root, &header.path, false) {
                Ok(parent) => parent
                    .entries
                    .iter()
                    .position(|(k, _)| k.name == key.name)
                    .map(|i| parent.entries.remove(i)),
                Err(e) => {
                    self.report(e);
                    None
                }
            };
            if let Some((old_key, old)) = found {
                match old.value {
                    Value::Table(t) if t.origin.implicit && !t.origin.dotted => {
                        self.current = t;
                    }
                    _ => {
                        let err = duplicate(key, Some(&old_key));
                        self.report(err);
                    }
                }
            }
        }
        self.current.origin = Origin::default();
        self.header = Some(header);
    }
}
