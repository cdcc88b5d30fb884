//! The thin shell around `update`: owns the terminal, the clock, signals and the disk.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;

use super::action::Action;
use super::keymap::Keymap;
use super::model::{Model, Tone, View};
use super::update::{Effect, update};
use crate::i18n::Text;
use crate::tr;
use crate::ui::theme::Theme;
use crate::ui::{Ctx, render};

/// Runs the board until the user quits or the terminal goes away.
pub fn run(mut model: Model, keymap: &Keymap, theme: &Theme) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut model, keymap, theme, &stop);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    if model.file.dirty {
        // Terminal gone or a signal: keep the work.
        let _ = model.file.save();
    }
    result
}

fn today_of(model: &Model, now: DateTime<Utc>) -> NaiveDate {
    if model.today_pinned {
        model.today
    } else {
        model.campaign().info.timezone.date_at(now)
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    model: &mut Model,
    keymap: &Keymap,
    theme: &Theme,
    stop: &AtomicBool,
) -> io::Result<()> {
    let mut redraw = true;
    loop {
        let now = Utc::now();
        if redraw {
            terminal.draw(|frame| {
                render(
                    frame,
                    &Ctx {
                        model,
                        theme,
                        keymap,
                        now,
                    },
                )
            })?;
            redraw = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Wake at the next whole second: the countdown shows seconds.
        let wait = Duration::from_millis(1000 - u64::from(now.timestamp_subsec_millis().min(999)));
        if !event::poll(wait)? {
            let now = Utc::now();
            update(model, Action::Tick, today_of(model, now));
            redraw = !model.today_pinned;
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                let action = keymap.action_for(&key);
                if model.view == View::ConfirmQuit {
                    Some(
                        action
                            .filter(|a| matches!(a, Action::Yes | Action::Save))
                            .unwrap_or(Action::No),
                    )
                } else {
                    action
                }
            }
            Event::Resize(..) => Some(Action::Resize),
            _ => None,
        };
        let Some(action) = action else {
            continue;
        };
        if !matches!(action, Action::Resize | Action::Tick) {
            model.message = None;
        }
        let effects = update(model, action, today_of(model, Utc::now()));
        redraw = true;
        if perform(model, effects) {
            return Ok(());
        }
    }
}

/// Performs effects in order; returns true when the app should end. A failed save cancels
/// what follows it (a quit after a failed save would lose the edits).
fn perform(model: &mut Model, effects: Vec<Effect>) -> bool {
    for effect in effects {
        match effect {
            Effect::Save => {
                if let Err(err) = model.file.save() {
                    let why = err.to_string();
                    model.say(
                        Tone::Error,
                        tr!(
                            "保存失败:{why}。修改仍在内存中,按 s 重试",
                            "Save failed: {why}. The edits are kept; press s to retry"
                        ),
                    );
                    return false;
                }
                if model.message.is_none() {
                    model.say(Tone::Info, Text::new("已保存", "saved"));
                }
            }
            Effect::Quit => return true,
        }
    }
    false
}
