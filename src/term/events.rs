//! Everything the terminal and the system say, as messages on one channel: an input thread
//! (keys, pastes, resizes, mouse), a hang-up watcher on the tty, and a signal thread.

use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};
use rustix::event::{PollFd, PollFlags, poll};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

/// One message for the main loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TermEvent {
    Key(KeyEvent),
    Paste(String),
    Resize,
    Mouse(MouseEvent),
    /// The session must end now, keeping the work: see [`Ending`].
    HangUp(Ending),
    /// Work done elsewhere (the store worker) is ready to be picked up.
    Wake,
}

/// Why a session ended other than by the user's quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// End of file or an error reading the terminal.
    InputClosed,
    /// The tty reported POLLHUP, POLLERR or POLLNVAL: its other end (sshd, tmux) is gone.
    TtyHungUp,
    /// Drawing to the terminal failed.
    WriteFailed,
    Sighup,
    Sigterm,
}

/// Reads the terminal on its own thread. crossterm's reader never returns once the other end
/// is gone (it retries on end of file), so the hang-up watcher, not this thread, is relied on
/// to notice that; the process exits without waiting for this thread.
pub(crate) fn read_input(tx: Sender<TermEvent>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("bairi-input".into())
        .spawn(move || {
            loop {
                let message = match crossterm::event::read() {
                    Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => TermEvent::Key(key),
                    Ok(Event::Key(_) | Event::FocusGained | Event::FocusLost) => continue,
                    Ok(Event::Paste(text)) => TermEvent::Paste(text),
                    Ok(Event::Resize(..)) => TermEvent::Resize,
                    Ok(Event::Mouse(mouse)) => TermEvent::Mouse(mouse),
                    Err(_) => TermEvent::HangUp(Ending::InputClosed),
                };
                let last = matches!(message, TermEvent::HangUp(_));
                if tx.send(message).is_err() || last {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Waits in `poll(2)` for the tty to hang up. Asking for no events means only POLLHUP,
/// POLLERR and POLLNVAL wake it, so it costs nothing while the terminal lives.
pub(crate) fn watch_hang_up(tx: Sender<TermEvent>) -> io::Result<()> {
    let Some(tty) = controlling_tty() else {
        return Ok(());
    };
    std::thread::Builder::new()
        .name("bairi-hangup".into())
        .spawn(move || {
            loop {
                let mut fds = [PollFd::new(&tty, PollFlags::empty())];
                match poll(&mut fds, None) {
                    Ok(_) => {
                        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                        if fds[0].revents().intersects(gone) {
                            let _ = tx.send(TermEvent::HangUp(Ending::TtyHungUp));
                            return;
                        }
                    }
                    Err(rustix::io::Errno::INTR) => {}
                    Err(_) => return,
                }
            }
        })?;
    Ok(())
}

/// The terminal input comes from: standard input when it is one, else `/dev/tty` (as
/// crossterm reads it).
fn controlling_tty() -> Option<OwnedFd> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return stdin.as_fd().try_clone_to_owned().ok();
    }
    std::fs::File::open("/dev/tty").ok().map(OwnedFd::from)
}

/// SIGHUP and SIGTERM, delivered as [`TermEvent::HangUp`]. A second one while the first is
/// being handled (a save stuck on a dead disk) ends the process at once.
pub(crate) struct SignalWatch {
    handle: Handle,
}

pub(crate) fn watch_signals(tx: Sender<TermEvent>) -> io::Result<SignalWatch> {
    let seen = Arc::new(AtomicBool::new(false));
    for signal in [SIGHUP, SIGTERM] {
        // Registered first, so it sees the flag as it was before this signal set it.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&seen))?;
        signal_hook::flag::register(signal, Arc::clone(&seen))?;
    }
    let mut signals = Signals::new([SIGHUP, SIGTERM])?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("bairi-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let why = if signal == SIGHUP {
                    Ending::Sighup
                } else {
                    Ending::Sigterm
                };
                if tx.send(TermEvent::HangUp(why)).is_err() {
                    return;
                }
            }
        })?;
    Ok(SignalWatch { handle })
}

impl SignalWatch {
    pub(crate) fn stop(&self) {
        self.handle.close();
    }
}
