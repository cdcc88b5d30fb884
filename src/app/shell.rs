//! The thin shell around `update`: runs the terminal session, the clock and the disk, and
//! keeps the work whatever ends the session.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};

use super::action::Action;
use super::keymap::Keymap;
use super::model::{Model, Tone, View};
use super::update::{Effect, update};
use crate::clock::Clock;
use crate::domain::Today;
use crate::i18n::Text;
use crate::store::presence::Presence;
use crate::term::{Ending, Screen, Session, TermEvent};
use crate::tr;
use crate::ui::theme::Theme;
use crate::ui::{Ctx, render};

/// How long a save may take once the terminal is gone before the edits go to a recovery copy
/// instead (the whole hang-up must end within a second).
const SAVE_AT_HANG_UP: Duration = Duration::from_millis(600);

/// How the main loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// The user quit: what was to be saved has been, or they chose to drop it.
    Quit,
    /// The terminal or the system ended the session: the work is kept without asking.
    HangUp(Ending),
}

/// Runs the board until the user quits or the session is ended from outside. On a hang-up,
/// SIGHUP or SIGTERM the pending edits are saved (or written to a recovery copy when the save
/// fails or hangs), a half-typed form is kept as a draft, and the presence entry goes.
pub fn run(mut model: Model, keymap: &Keymap, theme: &Theme, clock: Clock) -> io::Result<()> {
    let presence = Presence::join(&model.file.path).ok();
    if let Some(p) = &presence {
        model.others = p.others();
    }
    let mut session = Session::open()?;
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(
            &mut session,
            &mut model,
            keymap,
            theme,
            presence.as_ref(),
            clock,
        )
    }));
    session.close();
    keep_draft(&model);
    drop(presence);
    match looped {
        Ok(Ok(Ended::Quit)) => Ok(()),
        Ok(Ok(Ended::HangUp(_))) => {
            keep_the_work(model, clock.now());
            Ok(())
        }
        Ok(Err(e)) => {
            keep_the_work(model, clock.now());
            Err(e)
        }
        Err(_) => {
            // The state may be inconsistent after a panic: the campaign file is left alone and
            // the unsaved text goes to a recovery copy beside it.
            if model.file.dirty {
                report_recovery(write_recovery(&model, clock.now()));
            }
            Err(io::Error::other(
                "bairi stopped on an internal error (panic)",
            ))
        }
    }
}

/// A half-typed form survives whatever ended the session, and is reopened at the next start.
fn keep_draft(model: &Model) {
    if let Some(text) = model.form.as_ref().and_then(super::draft::to_text) {
        let _ = crate::store::atomic::write_atomically(
            &super::draft::draft_path(&model.file.path),
            text.as_bytes(),
        );
    }
}

/// Saves pending edits, giving the save [`SAVE_AT_HANG_UP`]; when it fails or is still
/// waiting (a lock held elsewhere, a conflict to settle, a moved file, a full disk) the text
/// goes to a recovery copy instead.
fn keep_the_work(model: Model, now: DateTime<Utc>) {
    if !model.file.dirty {
        return;
    }
    let text = model.file.text().to_owned();
    let mut file = model.file;
    let path = file.path.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("bairi-last-save".into())
        .spawn(move || {
            let _ = tx.send(file.save().is_ok());
        });
    if spawned.is_ok() && rx.recv_timeout(SAVE_AT_HANG_UP) == Ok(true) {
        return;
    }
    report_recovery(write_recovery_text(&path, &text, now));
}

/// Says where the edits went, if anyone is still listening (never panics on a dead terminal).
fn report_recovery(written: io::Result<PathBuf>) {
    use std::io::Write;
    let line = match written {
        Ok(path) => crate::sanitize::inert(&format!(
            "bairi: 未保存的修改已写入 {p} / unsaved edits were written to {p}",
            p = path.display()
        )),
        Err(e) => format!("bairi: {e}"),
    };
    let _ = writeln!(io::stderr(), "{line}");
}

/// `FILE.recovered-YYYYmmdd-HHMMSS.toml` beside the campaign, holding the unsaved text.
pub fn write_recovery(model: &Model, now: DateTime<Utc>) -> io::Result<PathBuf> {
    write_recovery_text(&model.file.path, model.file.text(), now)
}

/// Beside the campaign when its directory can be written, else in the data directory.
pub fn write_recovery_text(campaign: &Path, text: &str, now: DateTime<Utc>) -> io::Result<PathBuf> {
    let stamp = now.with_timezone(&chrono::Local).format("%Y%m%d-%H%M%S");
    let mut name = campaign
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "campaign".into());
    name.push(format!(".recovered-{stamp}.toml"));
    let beside = campaign.with_file_name(&name);
    match crate::store::atomic::write_atomically(&beside, text.as_bytes()) {
        Ok(_) => Ok(beside),
        Err(first) => {
            let Some(dirs) = directories::ProjectDirs::from("", "", "bairi") else {
                return Err(first);
            };
            let dir = dirs.data_dir().join("recovered");
            std::fs::create_dir_all(&dir)?;
            let target = dir.join(&name);
            crate::store::atomic::write_atomically(&target, text.as_bytes())?;
            Ok(target)
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

fn event_loop(
    session: &mut Session,
    model: &mut Model,
    keymap: &Keymap,
    theme: &Theme,
    presence: Option<&Presence>,
    clock: Clock,
) -> io::Result<Ended> {
    let mut redraw = true;
    let mut ticks: u64 = 0;
    loop {
        let now = clock.now();
        if redraw {
            if draw(&mut session.screen, model, keymap, theme, now).is_err() {
                return Ok(Ended::HangUp(Ending::WriteFailed));
            }
            redraw = false;
        }
        // Wake at the next whole second: the countdown shows seconds.
        let wait = Duration::from_millis(1000 - u64::from(now.timestamp_subsec_millis().min(999)));
        let event = match session.events.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => {
                let now = clock.now();
                ticks += 1;
                let mut noticed = ticks.is_multiple_of(WATCH_EVERY) && watch(model);
                if let Some(p) = presence.filter(|_| ticks.is_multiple_of(WATCH_EVERY)) {
                    if ticks.is_multiple_of(30) {
                        p.refresh();
                    }
                    let others = p.others();
                    noticed |= others != model.others;
                    model.others = others;
                }
                update(model, Action::Clock, today_of(model, now));
                redraw = noticed || !model.today_pinned || model.present.is_some();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(Ended::HangUp(Ending::InputClosed)),
        };
        let actions: Vec<Action> = match event {
            TermEvent::HangUp(why) => return Ok(Ended::HangUp(why)),
            TermEvent::Key(key) => key_action(model, keymap, &key).into_iter().collect(),
            // A paste (or an input method's text) arrives whole: each character is typed.
            TermEvent::Paste(text) if model.form.is_some() || model.picker.is_some() => {
                text.chars().map(Action::Type).collect()
            }
            TermEvent::Resize => vec![Action::Resize],
            TermEvent::Paste(_) | TermEvent::Mouse(_) => Vec::new(),
        };
        if actions.is_empty() {
            continue;
        }
        if !matches!(
            actions[0],
            Action::Resize | Action::Type(_) | Action::Field(_)
        ) {
            model.message = None;
        }
        redraw = true;
        for action in actions {
            let effects = update(model, action, today_of(model, clock.now()));
            if effects.iter().any(Effect::is_save) {
                // The edit shows at once; the disk follows, and its outcome in the next frame.
                if draw(&mut session.screen, model, keymap, theme, clock.now()).is_err() {
                    perform(model, effects);
                    return Ok(Ended::HangUp(Ending::WriteFailed));
                }
            }
            if perform(model, effects) {
                return Ok(Ended::Quit);
            }
        }
    }
}

fn draw(
    terminal: &mut Screen,
    model: &Model,
    keymap: &Keymap,
    theme: &Theme,
    now: DateTime<Utc>,
) -> io::Result<()> {
    let ctx = Ctx {
        model,
        theme,
        keymap,
        now,
    };
    terminal.draw(|frame| render(frame, &ctx))?;
    Ok(())
}

/// How often (in seconds of idle ticks) the file is checked for changes made elsewhere.
const WATCH_EVERY: u64 = 2;

/// Notices changes made to the file by someone else: reloads them when there is nothing
/// unsaved here (keeping the selection), else warns that a save will be refused.
/// Returns whether anything on screen changed.
fn watch(model: &mut Model) -> bool {
    let before = model.message.clone();
    match model.file.reload_if_changed() {
        Ok(true) => {
            model.undo.clear();
            model.redo.clear();
            model.refresh();
            model.say(
                Tone::Info,
                Text::new(
                    "文件已被其他人修改,已重新载入",
                    "the file was changed elsewhere and has been reloaded",
                ),
            );
        }
        Ok(false) if model.file.dirty && model.file.changed_elsewhere() => {
            model.say(
                Tone::Warning,
                Text::new(
                    "文件已被其他人修改:保存时将合并双方的修改",
                    "the file was changed elsewhere: saving will merge both sides' edits",
                ),
            );
        }
        Ok(false) => {}
        Err(_) => model.say(
            Tone::Warning,
            Text::new(
                "文件已被其他人修改,但有错误,暂未载入(bairi check 查看)",
                "the file was changed elsewhere but has errors; not loaded (see bairi check)",
            ),
        ),
    }
    model.message != before
}

/// What a key press means here: text editing while a form or a list is open, else the
/// keymap; a question takes its answer or "no".
fn key_action(model: &Model, keymap: &Keymap, key: &crossterm::event::KeyEvent) -> Option<Action> {
    use crossterm::event::KeyModifiers;
    if model.form.is_some() || model.picker.is_some() {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        return super::keymap::field_key(key.code, ctrl);
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
            crossterm::event::KeyCode::Esc => Some(Action::Field(super::form::FieldKey::Cancel)),
            _ => None,
        },
        _ => action,
    }
}

/// Performs effects in order; returns true when the app should end. A failed save cancels
/// what follows it (a quit after a failed save would lose the edits).
fn perform(model: &mut Model, effects: Vec<Effect>) -> bool {
    for effect in effects {
        match effect {
            Effect::Save | Effect::SaveKeeping(_) => {
                let keep = match effect {
                    Effect::SaveKeeping(keep) => Some(keep),
                    _ => None,
                };
                match model.file.save_keeping(keep) {
                    Ok(()) => {
                        model.refresh_changed();
                        if model.message.is_none() {
                            model.say(Tone::Info, Text::new("已保存", "saved"));
                        }
                    }
                    Err(crate::store::file::SaveError::Conflicts(list)) => {
                        model.conflicts = list;
                        model.view = View::Conflicts;
                        return false;
                    }
                    Err(err) => {
                        let why = err.message();
                        let (zh, en) = (why.zh, why.en);
                        model.say(
                            Tone::Error,
                            tr!(
                                "保存失败:{zh}。修改仍在内存中,按 s 重试",
                                "Save failed: {en}. The edits are kept; press s to retry"
                            ),
                        );
                        return false;
                    }
                }
            }
            Effect::Quit => return true,
            Effect::Export(path, text) => {
                let shown = path.display().to_string();
                match crate::store::atomic::write_atomically(&path, text.as_bytes()) {
                    Ok(_) => model.say(Tone::Info, tr!("已导出 {shown}", "exported to {shown}")),
                    Err(e) => model.say(
                        Tone::Error,
                        tr!("导出失败 {shown}:{e}", "export to {shown} failed: {e}"),
                    ),
                }
            }
        }
    }
    false
}
