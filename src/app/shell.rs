//! The thin shell around `update`: owns the terminal, the clock, signals and the disk.

use std::io::{self, BufWriter};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use ratatui::Terminal;

use super::action::Action;
use super::keymap::Keymap;
use super::model::{Model, Tone, View};
use super::update::{Effect, update};
use crate::clock::Clock;
use crate::domain::Today;
use crate::i18n::Text;
use crate::tr;
use crate::ui::backend::LeanBackend;
use crate::ui::theme::Theme;
use crate::ui::{Ctx, render};

/// Runs the board until the user quits or the terminal goes away.
pub fn run(mut model: Model, keymap: &Keymap, theme: &Theme, clock: Clock) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let presence = crate::store::presence::Presence::join(&model.file.path).ok();
    if let Some(p) = &presence {
        model.others = p.others();
    }
    let mut terminal = open_terminal()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let looped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(
            &mut terminal,
            &mut model,
            keymap,
            theme,
            &stop,
            presence.as_ref(),
            clock,
        )
    }));
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    // Whatever ended the loop, a half-typed form is kept for the next start.
    if let Some(text) = model.form.as_ref().and_then(super::draft::to_text) {
        let _ = crate::store::atomic::write_atomically(
            &super::draft::draft_path(&model.file.path),
            text.as_bytes(),
        );
    }
    let result = match looped {
        Ok(result) => result,
        Err(_) => {
            // The state may be inconsistent after a panic: the campaign file is left alone and
            // the unsaved text goes to a recovery copy beside it.
            if model.file.dirty {
                match write_recovery(&model, clock.now()) {
                    Ok(path) => eprintln!(
                        "{}",
                        crate::sanitize::inert(&format!(
                            "bairi: 未保存的修改已写入 {p} / unsaved edits were written to {p}",
                            p = path.display()
                        ))
                    ),
                    Err(e) => eprintln!("bairi: {e}"),
                }
            }
            return Err(io::Error::other(
                "bairi stopped on an internal error (panic)",
            ));
        }
    };
    if model.file.dirty {
        // Terminal gone or a signal: keep the work.
        let _ = model.file.save();
    }
    result
}

/// The full-screen terminal, drawn through [`LeanBackend`] with a frame's bytes written at once.
pub type Screen = Terminal<LeanBackend<BufWriter<io::Stdout>>>;

/// Raw mode and the alternate screen, as `ratatui::init` does, with a panic hook that restores
/// the terminal first.
fn open_terminal() -> io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let out = BufWriter::with_capacity(64 * 1024, io::stdout());
    Terminal::new(LeanBackend::new(out))
}

/// `FILE.recovered-YYYYmmdd-HHMMSS.toml` beside the campaign, holding the unsaved text.
pub fn write_recovery(model: &Model, now: DateTime<Utc>) -> io::Result<std::path::PathBuf> {
    let path = &model.file.path;
    let stamp = now.with_timezone(&chrono::Local).format("%Y%m%d-%H%M%S");
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".recovered-{stamp}.toml"));
    let target = path.with_file_name(name);
    crate::store::atomic::write_atomically(&target, model.file.text().as_bytes())?;
    Ok(target)
}

fn today_of(model: &Model, now: DateTime<Utc>) -> NaiveDate {
    if model.today_pinned {
        model.today
    } else {
        Today::At(now).resolve(&model.campaign().info.timezone)
    }
}

fn event_loop(
    terminal: &mut Screen,
    model: &mut Model,
    keymap: &Keymap,
    theme: &Theme,
    stop: &AtomicBool,
    presence: Option<&crate::store::presence::Presence>,
    clock: Clock,
) -> io::Result<()> {
    let mut redraw = true;
    let mut ticks: u64 = 0;
    loop {
        let now = clock.now();
        if redraw {
            draw(terminal, model, keymap, theme, now)?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake at the next whole second: the countdown shows seconds.
        let wait = Duration::from_millis(1000 - u64::from(now.timestamp_subsec_millis().min(999)));
        if !event::poll(wait)? {
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
        let actions: Vec<Action> = match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                key_action(model, keymap, &key).into_iter().collect()
            }
            // A paste (or an input method's text) arrives whole: each character is typed.
            Event::Paste(text) if model.form.is_some() || model.picker.is_some() => {
                text.chars().map(Action::Type).collect()
            }
            Event::Resize(..) => vec![Action::Resize],
            _ => Vec::new(),
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
                draw(terminal, model, keymap, theme, clock.now())?;
            }
            if perform(model, effects) {
                return Ok(());
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
