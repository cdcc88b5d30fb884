//! The thin shell around `update`: runs the terminal session, the clock and the disk, and
//! keeps the work whatever ends the session.

mod effects;
mod ending;
mod settings;

mod worker;

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::hits::HitMap;
use crate::app::keymap::Keymap;
use crate::app::model::Model;
use crate::app::msg::Msg;
use crate::app::update::{Effect, update};
use crate::clock::Clock;
use crate::domain::Today;
use crate::store::side::presence::Presence;
use crate::term::{Ending, Screen, Session, TermEvent};
use crate::ui::theme::Theme;
use crate::ui::{Ctx, render_mapped};
use effects::perform;
pub use effects::write_export;
use ending::{finish_saving, keep_draft, keep_the_work, report_recovery};
pub use ending::{write_recovery, write_recovery_text};
use worker::{Job, Worker};

/// How long a save may take once the terminal is gone before the edits go to a recovery copy
/// instead (the whole hang-up must end within a second).
const SAVE_AT_HANG_UP: Duration = Duration::from_millis(600);

/// How long a sync stopped at the end of the session is given to end (its fetch or push is
/// killed at once; a local step is let finish).
const SYNC_AT_END: Duration = Duration::from_millis(300);

/// How the main loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// The user quit: what was to be saved has been, or they chose to drop it.
    Quit,
    /// The terminal or the system ended the session: the work is kept without asking.
    HangUp(Ending),
}

/// What the session needs from the config.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// Capture the mouse (the config's `mouse`).
    pub(crate) mouse: bool,
    /// The config file settings chosen on the board are written to.
    pub(crate) config: Option<PathBuf>,
}

/// Runs the board until the user quits or the session is ended from outside. On a hang-up,
/// SIGHUP or SIGTERM the pending edits are saved (or written to a recovery copy when the save
/// fails or hangs), a half-typed form is kept as a draft, and the presence entry goes.
pub(crate) fn run(
    mut model: Model,
    keymap: &Keymap,
    theme: &Theme,
    clock: Clock,
    options: Options,
) -> io::Result<()> {
    model.use_keymap(keymap.clone());
    let presence = Presence::join(&model.store().path).ok();
    if let Some(p) = &presence {
        update(&mut model, Msg::OthersSeen(p.others()));
    }
    let mut session = Session::open(options.mouse)?;
    let waker = session.waker();
    let mut worker = Worker::start(move || {
        let _ = waker.send(TermEvent::Wake);
    })?;
    // Asking git what waits to be synced takes a few processes: not before the first frame.
    worker.send(Job::SyncStatus(model.store().path.clone()));
    let mut pending = Pending {
        worker,
        config: options.config,
        redraw_all: false,
    };
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(
            &mut session,
            &mut model,
            theme,
            presence.as_ref(),
            clock,
            &mut pending,
        )
    }));
    session.close();
    if let Some(ended) = pending.worker.end_sync(SYNC_AT_END) {
        ending::report_sync_stopped(model.lang, ended);
    }
    match looped {
        Ok(Ok(Ended::Quit)) => {
            keep_draft(&model);
            Ok(())
        }
        Ok(ended) => {
            // The terminal is gone (or the system asked us to stop): keep everything, within
            // one budget of time for whatever saving there is to do.
            let deadline = Instant::now() + SAVE_AT_HANG_UP;
            finish_saving(&mut model, &mut pending.worker, deadline);
            update(&mut model, Msg::HangUp);
            keep_draft(&model);
            drop(presence);
            let kept = keep_the_work(model, clock.now(), deadline);
            match (ended, kept) {
                (_, Err(lost)) => Err(lost),
                (Err(e), Ok(())) => Err(e),
                (Ok(_), Ok(())) => Ok(()),
            }
        }
        Err(_) => {
            keep_draft(&model);
            drop(presence);
            // The state may be inconsistent after a panic: the campaign file is left alone and
            // the unsaved text goes to a recovery copy beside it.
            if model.store().dirty {
                report_recovery(write_recovery(&model, clock.now()));
            }
            Err(io::Error::other(
                "bairi stopped on an internal error (panic)",
            ))
        }
    }
}

fn today_of(model: &Model, now: DateTime<Utc>) -> NaiveDate {
    Today::At(now).resolve(&model.campaign().info.timezone)
}

/// The shell's own state, none of it the app's: the store worker, where settings go, and
/// whether the terminal is to be cleared before the next frame (Ctrl-L).
struct Pending {
    worker: Worker,
    /// Where settings chosen on the board are kept.
    config: Option<PathBuf>,
    /// The terminal is cleared and every cell drawn again before the next frame.
    redraw_all: bool,
}

fn event_loop(
    session: &mut Session,
    model: &mut Model,
    theme: &Theme,
    presence: Option<&Presence>,
    clock: Clock,
    pending: &mut Pending,
) -> io::Result<Ended> {
    let mut redraw = true;
    let mut ticks: u64 = 0;
    loop {
        let now = clock.now();
        if std::mem::take(&mut pending.redraw_all) && session.redraw_all().is_err() {
            return Ok(Ended::HangUp(Ending::WriteFailed));
        }
        if redraw {
            match draw(&mut session.screen, model, theme, now) {
                Ok(hits) => {
                    update(model, Msg::Drawn(hits));
                }
                Err(_) => return Ok(Ended::HangUp(Ending::WriteFailed)),
            }
        }
        // Wake at the next whole second: the countdown shows seconds.
        let wait = Duration::from_millis(1000 - u64::from(now.timestamp_subsec_millis().min(999)));
        let event = match session.events.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                let now = clock.now();
                ticks += 1;
                let mut noticed = false;
                // Not while a sync runs: git may be writing the file; it is read after.
                let quiet = !pending.worker.busy() && !model.sync_running;
                if ticks.is_multiple_of(WATCH_EVERY) && quiet {
                    pending.worker.send(Job::Watch(model.store().watch_point()));
                }
                if let Some(p) = presence.filter(|_| ticks.is_multiple_of(WATCH_EVERY)) {
                    if ticks.is_multiple_of(30) {
                        p.refresh();
                    }
                    noticed |= update(model, Msg::OthersSeen(p.others())).contains(&Effect::Draw);
                }
                update(model, Msg::Tick(today_of(model, now)));
                redraw = noticed || !model.today_pinned || model.presenting().is_some();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Ended::HangUp(Ending::InputClosed)),
        };
        redraw = true;
        let msg = match event {
            TermEvent::HangUp(why) => return Ok(Ended::HangUp(why)),
            TermEvent::Wake => {
                while let Some(done) = pending.worker.next_done() {
                    let effects = update(model, done);
                    if perform(model, effects, pending) {
                        return Ok(Ended::Quit);
                    }
                }
                continue;
            }
            TermEvent::Mouse(event) => Msg::Mouse(event, Instant::now()),
            TermEvent::Key(key) => Msg::Key(key),
            TermEvent::Paste(text) => Msg::Paste(text),
            TermEvent::Resize => Msg::Resize,
        };
        let effects = update(model, msg);
        if perform(model, effects, pending) {
            return Ok(Ended::Quit);
        }
    }
}

/// Draws a frame; returns where things are on it.
fn draw(
    terminal: &mut Screen,
    model: &Model,
    theme: &Theme,
    now: DateTime<Utc>,
) -> io::Result<HitMap> {
    let ctx = Ctx {
        model,
        theme,
        keymap: model.keymap(),
        now,
    };
    let mut hits = HitMap::default();
    terminal.draw(|frame| hits = render_mapped(frame, &ctx))?;
    Ok(hits)
}

/// How often (in seconds of idle ticks) the file is checked for changes made elsewhere.
const WATCH_EVERY: u64 = 2;
