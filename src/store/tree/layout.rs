//! Where the tables of the root's arrays (`[[tasks]]`, `[[reviews]]`, ...) are written, so
//! edits can replace a task's text, or add a table after the last of its kind.

use std::ops::Range;

/// The text of one `[[tasks]]` table with its sub-tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// From the start of its header's line to the start of the next table's (trailing blank
    /// lines and comments included).
    pub(crate) range: Range<usize>,
    /// The end of its last header, key or value.
    pub(crate) content_end: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Per element of the streamed array, in file order; `None` where its sub-tables are
    /// not all next to it.
    pub elements: Vec<Option<Region>>,
    /// Per array of tables at the root: where its last element's content ends.
    pub(crate) last_ends: Vec<(String, usize)>,
}

impl Layout {
    /// The end of the line where the last `[[key]]` table's content ends.
    pub(crate) fn after_last(&self, key: &str, text: &str) -> Option<usize> {
        let end = self.last_ends.iter().find(|(k, _)| k == key)?.1;
        Some(text[end..].find('\n').map_or(text.len(), |i| end + i + 1))
    }

    /// After element `index`'s text was replaced by `new` (the element alone, as a TOML
    /// text with its trailing lines): its region is measured again from `new`, and every
    /// place after it moves by the change in length.
    pub(crate) fn replaced(&mut self, index: usize, new: &str) {
        let Some(Some(region)) = self.elements.get(index).cloned() else {
            return;
        };
        let (start, old_end) = (region.range.start, region.range.end);
        let new_end = start + new.len();
        let content_end = super::parse_layout(new)
            .and_then(|l| l.elements.first().cloned().flatten())
            .map_or(new_end, |r| start + r.content_end);
        let moved = |x: usize| x - old_end + new_end;
        for r in self.elements.iter_mut().flatten() {
            if r.range.start >= old_end {
                r.range = moved(r.range.start)..moved(r.range.end);
                r.content_end = moved(r.content_end);
            }
        }
        if let Some(Some(r)) = self.elements.get_mut(index) {
            *r = Region {
                range: start..new_end,
                content_end,
            };
        }
        for (_, end) in &mut self.last_ends {
            if *end >= old_end {
                *end = moved(*end);
            } else if *end >= start {
                // This element's own content end: the last of its kind.
                *end = content_end;
            }
        }
    }
}

/// Follows the headers as they go by.
#[derive(Default)]
pub(super) struct Tracker {
    pub(crate) layout: Layout,
    /// The first key of the table being read, when it is a root array's (one of its
    /// elements, or a sub-table of its last element).
    section: Option<String>,
    /// Where the streamed element being read starts.
    open: Option<usize>,
    /// A streamed element was ended by another table: its sub-tables must not follow.
    left_stream: bool,
}

impl Tracker {
    /// A header at `line_start`; `first` is its first key, `element` whether it is `[[key]]`
    /// at the root; `content_end` where the text before it ends.
    pub(crate) fn header(
        &mut self,
        line_start: usize,
        first: &str,
        element: bool,
        stream_key: &str,
        content_end: usize,
    ) {
        self.end_section(content_end);
        if first == stream_key && element {
            self.close_element(line_start, content_end);
            self.open = Some(line_start);
            self.left_stream = false;
        } else if first == stream_key {
            if self.open.is_none()
                && self.left_stream
                && let Some(last) = self.layout.elements.last_mut()
            {
                *last = None;
            }
        } else {
            self.close_element(line_start, content_end);
        }
        let known = self.layout.last_ends.iter().any(|(k, _)| k == first);
        self.section = (element || known).then(|| first.to_owned());
    }

    /// The end of the text.
    pub(crate) fn finish(&mut self, at: usize, content_end: usize) {
        self.end_section(content_end);
        self.close_element(at, content_end);
    }

    fn end_section(&mut self, content_end: usize) {
        let Some(key) = self.section.take() else {
            return;
        };
        match self.layout.last_ends.iter_mut().find(|(k, _)| *k == key) {
            Some((_, end)) => *end = content_end,
            None => self.layout.last_ends.push((key, content_end)),
        }
    }

    fn close_element(&mut self, at: usize, content_end: usize) {
        if let Some(start) = self.open.take() {
            self.layout.elements.push(Some(Region {
                range: start..at,
                content_end,
            }));
            self.left_stream = true;
        }
    }
}
