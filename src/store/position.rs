//! Byte offsets to 1-based line and column (columns count characters, as editors do).

use std::ops::Range;

const BOM: char = '\u{feff}';

/// The start of every line of a text, for quick offset → (line, column) lookups.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    /// 1-based (line, column) of a byte offset; offsets past the end point after the last byte.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let mut column = self.text[start..end].chars().count() + 1;
        // Nor do they show the carriage return of a CRLF line break as a column.
        if self.text[start..end].ends_with('\r') && self.text[end..].starts_with('\n') {
            column -= 1;
        }
        // Editors hide a byte order mark: the first line's columns are counted without it.
        if line == 0 && end >= BOM.len_utf8() && self.text.starts_with(BOM) {
            column -= 1;
        }
        (line + 1, column)
    }

    /// (line, column) of a span's start, or (0, 0) when there is no span.
    pub(crate) fn locate_span(&self, span: Option<Range<usize>>) -> (usize, usize) {
        span.map_or((0, 0), |s| self.locate(s.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_character_columns() {
        let text = "a = 1\n名称 = \"x\"\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(0), (1, 1));
        assert_eq!(index.locate(4), (1, 5));
        let eq = text.find('=').map_or(0, |_| text.rfind(" = ").unwrap_or(0));
        assert_eq!(index.locate(eq), (2, 3));
        assert_eq!(index.locate(text.find("last").unwrap_or(0)), (4, 1));
        assert_eq!(index.locate(10_000), (4, 5));
        assert_eq!(index.locate_span(None), (0, 0));
    }

    #[test]
    fn the_end_of_a_crlf_line_is_where_an_editor_shows_it() {
        let text = "a = \"x\r\nb = 1\r\n";
        let index = LineIndex::new(text);
        let lf = LineIndex::new("a = \"x\nb = 1\n");
        assert_eq!(index.locate(text.find('\n').unwrap_or(0)), (1, 7));
        assert_eq!(lf.locate(6), (1, 7));
        assert_eq!(index.locate(text.find('\r').unwrap_or(0)), (1, 7));
        assert_eq!(index.locate(text.find('b').unwrap_or(0)), (2, 1));
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let text = "\u{feff}a = \"x\"\nb = 1";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text.find('a').unwrap_or(0)), (1, 1));
        assert_eq!(index.locate(text.find('"').unwrap_or(0)), (1, 5));
        assert_eq!(index.locate(text.find('b').unwrap_or(0)), (2, 1));
    }
}
