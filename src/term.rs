//! The terminal session: raw mode and the alternate screen, the lean backend, and one channel
//! that brings keys, pastes, resizes, signals and hang-ups to the main loop.

pub mod backend;
pub(crate) mod events;

use std::io::{self, BufWriter};
use std::sync::mpsc::{Receiver, Sender};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use ratatui::Terminal;

use backend::LeanBackend;
pub(crate) use events::{Ending, TermEvent};

/// The full-screen terminal, drawn through [`LeanBackend`] with a frame's bytes written at once.
pub(crate) type Screen = Terminal<LeanBackend<BufWriter<io::Stdout>>>;

/// An open full-screen session. Dropping it (or [`Session::close`]) gives the terminal back.
pub(crate) struct Session {
    pub(crate) screen: Screen,
    pub(crate) events: Receiver<TermEvent>,
    waker: Sender<TermEvent>,
    signals: events::SignalWatch,
    open: bool,
    /// Mouse capture is on (the config's `mouse`), to be switched off again.
    mouse: bool,
}

impl Session {
    /// Clears the terminal and has the next frame draw every cell (Ctrl-L). Unlike ratatui's
    /// `Terminal::clear`, it does not ask the terminal where its cursor is: that answer would
    /// arrive on the input the event thread reads.
    pub(crate) fn redraw_all(&mut self) -> io::Result<()> {
        let size = self.screen.size()?;
        self.screen
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }

    /// Takes over the terminal: signals first (so a hang-up during set-up is not lost), then
    /// raw mode, the alternate screen, bracketed paste and (with `mouse`) mouse capture, with
    /// a panic hook that gives the terminal back before the message is printed.
    pub(crate) fn open(mouse: bool) -> io::Result<Session> {
        let (tx, events) = std::sync::mpsc::channel();
        let signals = events::watch_signals(tx.clone())?;
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal(mouse);
            hook(info);
        }));
        crossterm::terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            EnableBracketedPaste
        )?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        events::watch_hang_up(tx.clone())?;
        events::read_input(tx.clone())?;
        let out = BufWriter::with_capacity(64 * 1024, io::stdout());
        let screen = Terminal::new(LeanBackend::new(out))?;
        Ok(Session {
            screen,
            events,
            waker: tx,
            signals,
            open: true,
            mouse,
        })
    }

    /// A sender for [`TermEvent::Wake`] from other threads.
    pub(crate) fn waker(&self) -> Sender<TermEvent> {
        self.waker.clone()
    }

    /// Gives the terminal back; harmless when it is already gone.
    pub(crate) fn close(&mut self) {
        if std::mem::take(&mut self.open) {
            restore_terminal(self.mouse);
            self.signals.stop();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close();
    }
}

/// Mouse capture and bracketed paste off, the main screen back, raw mode off. Errors are
/// ignored and nothing is printed (`ratatui::restore` prints, and printing to a hung-up
/// terminal panics).
fn restore_terminal(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}
