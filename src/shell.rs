//! The thin shell around `update`: runs the terminal session, the clock and the disk, and
//! keeps the work whatever ends the session.

mod effects;
mod ending;
mod settings;

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::action::Action;
use crate::app::hits::HitMap;
use crate::app::keymap::Keymap;
use crate::app::model::{Model, View};
use crate::app::mouse::{self, Clicks};
use crate::app::update::{Effect, store, update};
use crate::app::worker::{Done, Job, Worker};
use crate::clock::Clock;
use crate::domain::Today;
use crate::store::side::presence::Presence;
use crate::term::{Ending, Screen, Session, TermEvent};
use crate::ui::theme::Theme;
use crate::ui::{Ctx, render_mapped};
use effects::perform;
pub use effects::write_export;
use ending::{apply_waiting, finish_saving, keep_draft, keep_the_work, report_recovery};
pub use ending::{write_recovery, write_recovery_text};

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
pub struct Options {
    /// Capture the mouse (the config's `mouse`).
    pub mouse: bool,
    /// The config file settings chosen on the board are written to.
    pub config: Option<PathBuf>,
}

/// Runs the board until the user quits or the session is ended from outside. On a hang-up,
/// SIGHUP or SIGTERM the pending edits are saved (or written to a recovery copy when the save
/// fails or hangs), a half-typed form is kept as a draft, and the presence entry goes.
pub fn run(
    mut model: Model,
    keymap: &Keymap,
    theme: &Theme,
    clock: Clock,
    options: Options,
) -> io::Result<()> {
    let presence = Presence::join(&model.store().path).ok();
    if let Some(p) = &presence {
        store::others_seen(&mut model, p.others());
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
        waiting: VecDeque::new(),
        after_save: Vec::new(),
        quit_called_off: false,
        config: options.config,
        redraw_all: false,
    };
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(
            &mut session,
            &mut model,
            keymap,
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
            finish_saving(&mut model, &mut pending, deadline);
            apply_waiting(&mut model, keymap, clock, &mut pending);
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
    if model.today_pinned {
        model.today
    } else {
        Today::At(now).resolve(&model.campaign().info.timezone)
    }
}

/// The loop's own state besides the model: the store worker, keys that wait for a save, and
/// what is to follow a save in flight.
struct Pending {
    worker: Worker,
    /// Terminal input that arrived while a save was in flight and would edit: kept in order,
    /// and read (against the model as it then is) once the save is back.
    waiting: VecDeque<TermEvent>,
    /// Effects that follow a save in flight (a quit after "save and quit"); dropped if it fails.
    after_save: Vec<Effect>,
    /// A quit that was to follow a save was dropped for keys pressed meanwhile: to be said.
    quit_called_off: bool,
    /// Where settings chosen on the board are kept.
    config: Option<PathBuf>,
    /// The terminal is cleared and every cell drawn again before the next frame (Ctrl-L).
    redraw_all: bool,
}

fn event_loop(
    session: &mut Session,
    model: &mut Model,
    keymap: &Keymap,
    theme: &Theme,
    presence: Option<&Presence>,
    clock: Clock,
    pending: &mut Pending,
) -> io::Result<Ended> {
    let mut redraw = true;
    let mut ticks: u64 = 0;
    let mut hits = HitMap::default();
    let mut clicks = Clicks::default();
    loop {
        let now = clock.now();
        if std::mem::take(&mut pending.redraw_all) && session.redraw_all().is_err() {
            return Ok(Ended::HangUp(Ending::WriteFailed));
        }
        if redraw {
            match draw(&mut session.screen, model, keymap, theme, now) {
                Ok(drawn) => hits = drawn,
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
                    noticed |= store::others_seen(model, p.others());
                }
                update(model, Action::Clock, today_of(model, now));
                redraw = noticed || !model.today_pinned || model.present.is_some();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Ended::HangUp(Ending::InputClosed)),
        };
        redraw = true;
        match event {
            TermEvent::HangUp(why) => return Ok(Ended::HangUp(why)),
            TermEvent::Wake => {
                while let Some(done) = pending.worker.next_done() {
                    if settle_done(model, done, pending) {
                        return Ok(Ended::Quit);
                    }
                }
                if replay_waiting(model, keymap, clock, pending) {
                    return Ok(Ended::Quit);
                }
                if std::mem::take(&mut pending.quit_called_off) {
                    store::quit_called_off(model);
                }
            }
            TermEvent::Mouse(event) => {
                // A click is about the screen as it is now: one that would have to wait for a
                // save is dropped rather than applied later to a screen that has changed.
                let actions = mouse::actions(model, &hits, &event, Instant::now(), &mut clicks);
                let waits = !pending.waiting.is_empty()
                    || (model.saving
                        && actions
                            .iter()
                            .any(|a| !store::answerable_while_saving(model, *a)));
                if !waits && run_actions(model, actions, clock, pending) {
                    return Ok(Ended::Quit);
                }
            }
            input => {
                if !pending.waiting.is_empty() {
                    pending.waiting.push_back(input);
                } else if let Some(actions) = answer_now(model, keymap, &input) {
                    if run_actions(model, actions, clock, pending) {
                        return Ok(Ended::Quit);
                    }
                } else {
                    pending.waiting.push_back(input);
                }
            }
        }
    }
}

/// The actions `input` means now, or `None` when it must wait for the save in flight.
fn answer_now(model: &Model, keymap: &Keymap, input: &TermEvent) -> Option<Vec<Action>> {
    let actions: Vec<Action> = match input {
        TermEvent::Key(key) => key_action(model, keymap, key).into_iter().collect(),
        // A paste (or an input method's text) arrives whole: each character is typed.
        TermEvent::Paste(text) if model.form.is_some() || model.picker.is_some() => {
            text.chars().map(Action::Type).collect()
        }
        TermEvent::Resize => vec![Action::Resize],
        _ => Vec::new(),
    };
    let waits = model.saving
        && actions
            .iter()
            .any(|a| !store::answerable_while_saving(model, *a));
    (!waits).then_some(actions)
}

/// Applies actions in order; true when the app should end.
fn run_actions(
    model: &mut Model,
    actions: Vec<Action>,
    clock: Clock,
    pending: &mut Pending,
) -> bool {
    let Some(first) = actions.first() else {
        return false;
    };
    crate::app::update::before_keys(model, *first);
    for action in actions {
        let effects = update(model, action, today_of(model, clock.now()));
        if perform(model, effects, pending) {
            return true;
        }
    }
    false
}

/// Input that waited for a save, read now in order until one must wait again.
fn replay_waiting(model: &mut Model, keymap: &Keymap, clock: Clock, pending: &mut Pending) -> bool {
    while let Some(input) = pending.waiting.pop_front() {
        let Some(actions) = answer_now(model, keymap, &input) else {
            pending.waiting.push_front(input);
            break;
        };
        if run_actions(model, actions, clock, pending) {
            return true;
        }
    }
    false
}

/// Applies one outcome of the store worker; true when the app should end (a quit that
/// waited for its save).
fn settle_done(model: &mut Model, done: Done, pending: &mut Pending) -> bool {
    match done {
        Done::Saved {
            file,
            result,
            unsynced,
        } => {
            let ok = result.is_ok();
            store::saved(model, file, result);
            if model.unsynced.is_some() {
                store::sync_waits(model, unsynced);
            }
            let mut then = std::mem::take(&mut pending.after_save);
            if !ok && then.contains(&Effect::Sync) {
                store::sync_dropped(model);
            }
            if then.contains(&Effect::Quit) && !pending.waiting.is_empty() {
                // Keys pressed while "save and quit" waited: they are done, and the board stays.
                then.retain(|e| *e != Effect::Quit);
                pending.quit_called_off = true;
            }
            ok && perform(model, then, pending)
        }
        Done::Watched { point, noticed } => {
            store::watched(model, &point, noticed);
            false
        }
        Done::SyncStatus(unsynced) => {
            store::sync_waits(model, unsynced);
            false
        }
        Done::Synced { result, unsynced } => {
            store::synced(model, result, unsynced);
            // What the sync brought in is read now, not at the next look.
            pending.worker.send(Job::Watch(model.store().watch_point()));
            false
        }
    }
}

/// Draws a frame; returns where things are on it.
fn draw(
    terminal: &mut Screen,
    model: &Model,
    keymap: &Keymap,
    theme: &Theme,
    now: DateTime<Utc>,
) -> io::Result<HitMap> {
    let ctx = Ctx {
        model,
        theme,
        keymap,
        now,
    };
    let mut hits = HitMap::default();
    terminal.draw(|frame| hits = render_mapped(frame, &ctx))?;
    Ok(hits)
}

/// How often (in seconds of idle ticks) the file is checked for changes made elsewhere.
const WATCH_EVERY: u64 = 2;

/// What a key press means here: text editing while a form or a list is open, else the
/// keymap; a question takes its answer or "no".
fn key_action(model: &Model, keymap: &Keymap, key: &crossterm::event::KeyEvent) -> Option<Action> {
    use crossterm::event::KeyModifiers;
    if model
        .who
        .as_ref()
        .is_some_and(super::app::who::WhoAsk::asking_to_save)
    {
        let yes = keymap.action_for(key) == Some(Action::Yes);
        return Some(if yes { Action::Yes } else { Action::No });
    }
    if model.form.is_some() || model.picker.is_some() {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        return crate::app::keymap::field_key(key.code, ctrl);
    }
    let action = keymap.action_for(key);
    match model.view {
        View::ConfirmQuit => Some(
            action
                .filter(|a| matches!(a, Action::Yes | Action::Save))
                .unwrap_or(Action::No),
        ),
        View::ConfirmDelete(_) => Some(action.filter(|a| *a == Action::Yes).unwrap_or(Action::No)),
        View::Conflicts => match key.code {
            crossterm::event::KeyCode::Char(c) => Some(Action::Type(c)),
            crossterm::event::KeyCode::Esc => {
                Some(Action::Field(crate::app::form::FieldKey::Cancel))
            }
            crossterm::event::KeyCode::Up => Some(Action::Field(crate::app::form::FieldKey::Up)),
            crossterm::event::KeyCode::Down => {
                Some(Action::Field(crate::app::form::FieldKey::Down))
            }
            _ => None,
        },
        _ => action,
    }
}
