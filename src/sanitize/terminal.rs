//! The one gate for messages bound for a terminal: a writer that passes every line through
//! [`inert`](super::inert), so a file name, an argument or a value echoed in any message can
//! never retitle, clear or recolour the terminal.

use std::io::{self, Write};

/// Writes to `W` a line at a time, each line made inert (line breaks kept, control
/// characters, escape sequences, bidi controls and tag characters gone). Data that must pass
/// as it is (a report body, already made safe by its writer) goes through [`Terminal::raw`].
pub struct Terminal<W: Write> {
    inner: W,
    /// The bytes of the line not yet ended.
    line: Vec<u8>,
}

impl<W: Write> Terminal<W> {
    pub fn new(inner: W) -> Self {
        Terminal {
            inner,
            line: Vec::new(),
        }
    }

    /// The writer underneath, for data written as it is (what is pending is written first).
    pub(crate) fn raw(&mut self) -> &mut W {
        let _ = self.write_pending();
        &mut self.inner
    }

    fn write_pending(&mut self) -> io::Result<()> {
        if self.line.is_empty() {
            return Ok(());
        }
        let shown = super::inert(&String::from_utf8_lossy(&self.line));
        self.line.clear();
        self.inner.write_all(shown.as_bytes())
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..end]);
            self.write_pending()?;
            self.inner.write_all(b"\n")?;
            rest = &rest[end + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_pending()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for Terminal<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_made_inert_and_line_breaks_stay() {
        let mut out = Vec::new();
        {
            let mut t = Terminal::new(&mut out);
            write!(t, "a\u{1b}]0;x\u{7}b").unwrap();
            writeln!(t, "\u{1b}[2Jc\u{9b}d\u{202e}e\u{e0041}").unwrap();
            write!(t, "tail\r\u{1b}[31m").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a]0;xb[2Jcde\ntail [31m");
    }

    #[test]
    fn raw_data_passes_as_it_is_after_what_is_pending() {
        let mut out = Vec::new();
        {
            let mut t = Terminal::new(&mut out);
            write!(t, "x\u{7}").unwrap();
            t.raw().write_all(b"\xEF\xBB\xBFa,b\r\n").unwrap();
        }
        assert_eq!(out, b"x\xEF\xBB\xBFa,b\r\n");
    }
}
