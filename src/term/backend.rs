//! The terminal backend: crossterm's, drawing the same screen with fewer bytes for slow SSH
//! links. After a Chinese (or other East Asian wide) character the cursor is already two
//! columns on, so it is not moved there again (ratatui's backend moves it after every one);
//! styles are reset once at the end of a frame, and only when one was set; the cursor is
//! hidden or shown only when that changes, and nothing is flushed before the frame is done.
//! Style changes go out as one SGR sequence with only what changed, named colours in their
//! short codes (`31`, not crossterm's `38;5;1`).

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

pub struct LeanBackend<W: Write> {
    writer: W,
    /// Whether the cursor is hidden, once known.
    hidden: Option<bool>,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(writer: W) -> Self {
        LeanBackend {
            writer,
            hidden: None,
        }
    }

    /// Where the bytes go (tests read them).
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    fn out(&mut self) -> &mut W {
        &mut self.writer
    }
}

/// Hangul, CJK ideographs and punctuation, kana, Yi, full-width forms: two columns in every
/// terminal (unlike emoji, which some draw in one).
fn east_asian_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// A cell's look: what an SGR sequence sets.
#[derive(Clone, Copy, PartialEq)]
struct Look {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Look {
    const PLAIN: Look = Look {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Look {
        Look {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// SGR parameters for a colour: `base` 30 (foreground), 40 (background) or 50 (underline,
/// which has no 16-colour codes). The 16 named colours use their short codes, which mean the
/// same palette entries as crossterm's `38;5;N`.
fn color_params(out: &mut String, c: Color, base: u8) {
    use std::fmt::Write as _;
    let short = |n: u8| -> Option<u8> {
        match (base, n) {
            (50, _) => None,
            (_, 0..=7) => Some(base + n),
            (_, 8..=15) => Some(base + 60 + n - 8),
            _ => None,
        }
    };
    let index = match c {
        Color::Reset => {
            let _ = write!(out, "{};", base + 9);
            return;
        }
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) => n,
        Color::Rgb(r, g, b) => {
            let _ = write!(out, "{};2;{r};{g};{b};", base + 8);
            return;
        }
    };
    match short(index) {
        Some(code) => {
            let _ = write!(out, "{code};");
        }
        None => {
            let _ = write!(out, "{};5;{index};", base + 8);
        }
    }
}

/// One SGR sequence taking the terminal from `from` to `to`.
fn sgr(out: &mut String, from: Look, to: Look) {
    use std::fmt::Write as _;
    out.clear();
    let (removed, added) = (from.modifier - to.modifier, to.modifier - from.modifier);
    let mut add = added;
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        out.push_str("22;");
        add |= to.modifier & (Modifier::BOLD | Modifier::DIM);
    }
    for (m, code) in [
        (Modifier::ITALIC, 23),
        (Modifier::UNDERLINED, 24),
        (Modifier::REVERSED, 27),
        (Modifier::HIDDEN, 28),
        (Modifier::CROSSED_OUT, 29),
    ] {
        if removed.contains(m) {
            let _ = write!(out, "{code};");
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        out.push_str("25;");
        add |= to.modifier & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    for (m, code) in [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ] {
        if add.contains(m) {
            let _ = write!(out, "{code};");
        }
    }
    if to.fg != from.fg {
        color_params(out, to.fg, 30);
    }
    if to.bg != from.bg {
        color_params(out, to.bg, 40);
    }
    if to.underline != from.underline {
        color_params(out, to.underline, 50);
    }
    out.pop();
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut look = Look::PLAIN;
        let mut params = String::new();
        // Where the terminal's cursor is after the last character written.
        let mut at: Option<(u16, u16)> = None;
        let w = self.out();
        for (x, y, cell) in content {
            if at != Some((x, y)) {
                queue!(w, MoveTo(x, y))?;
            }
            let next = Look::of(cell);
            if next != look {
                sgr(&mut params, look, next);
                write!(w, "\x1b[{params}m")?;
                look = next;
            }
            let symbol = cell.symbol();
            w.write_all(symbol.as_bytes())?;
            // Where a terminal might draw it narrower (emoji), the cursor is moved again.
            at = match symbol.width() {
                2 if symbol.chars().all(east_asian_wide) => Some((x.saturating_add(2), y)),
                2 => None,
                _ => Some((x.saturating_add(1), y)),
            };
        }
        if look != Look::PLAIN {
            w.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(true) {
            queue!(self.out(), crossterm::cursor::Hide)?;
            self.hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(false) {
            queue!(self.out(), crossterm::cursor::Show)?;
            self.hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        queue!(self.out(), MoveTo(x, y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        use crossterm::terminal::{Clear, ClearType as C};
        let what = match clear_type {
            ClearType::All => C::All,
            ClearType::AfterCursor => C::FromCursorDown,
            ClearType::BeforeCursor => C::FromCursorUp,
            ClearType::CurrentLine => C::CurrentLine,
            ClearType::UntilNewLine => C::UntilNewLine,
        };
        queue!(self.out(), Clear(what))?;
        self.writer.flush()
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let w = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}
