//! `update`: the only place state changes. No I/O: saving and quitting come back as effects.

use chrono::NaiveDate;

use super::action::Action;
use super::model::{Model, Tone, View};
use crate::domain::Status;
use crate::i18n::Text;
use crate::tr;

/// Work for the shell, which owns the terminal and the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    Quit,
}

/// Applies one action. `today` is the current date in the campaign's zone.
pub fn update(model: &mut Model, action: Action, today: NaiveDate) -> Vec<Effect> {
    if action == Action::Tick {
        if !model.today_pinned && today != model.today {
            model.today = today;
            model.refresh();
        }
        return Vec::new();
    }
    match model.view {
        View::ConfirmQuit => confirm_quit(model, action),
        View::Help => {
            match action {
                Action::Close | Action::Quit | Action::Help => model.view = View::Board,
                Action::Down => model.help_scroll += 1,
                Action::Up => model.help_scroll = model.help_scroll.saturating_sub(1),
                _ => {}
            }
            Vec::new()
        }
        View::Detail => match action {
            Action::Close | Action::Quit | Action::Open => {
                model.view = View::Board;
                Vec::new()
            }
            Action::Down => {
                model.detail_scroll += 1;
                Vec::new()
            }
            Action::Up => {
                model.detail_scroll = model.detail_scroll.saturating_sub(1);
                Vec::new()
            }
            Action::First => {
                model.detail_scroll = 0;
                Vec::new()
            }
            Action::MoveNext | Action::MovePrevious | Action::Save | Action::Help => {
                board(model, action)
            }
            _ => Vec::new(),
        },
        View::Board => board(model, action),
    }
}

fn board(model: &mut Model, action: Action) -> Vec<Effect> {
    let len = model.derived.columns[model.column].len();
    let row = &mut model.rows[model.column];
    match action {
        Action::Up => *row = row.saturating_sub(1),
        Action::Down => *row = (*row + 1).min(len.saturating_sub(1)),
        Action::First => *row = 0,
        Action::Last => *row = len.saturating_sub(1),
        Action::Left => model.column = model.column.saturating_sub(1),
        Action::Right => model.column = (model.column + 1).min(Status::ALL.len() - 1),
        Action::Open => {
            if model.selected().is_some() {
                model.view = View::Detail;
                model.detail_scroll = 0;
            }
        }
        Action::Help => {
            model.view = View::Help;
            model.help_scroll = 0;
        }
        Action::MoveNext => return move_card(model, true),
        Action::MovePrevious => return move_card(model, false),
        Action::Save => return save_now(model),
        Action::Quit => return quit(model),
        Action::Close | Action::Yes | Action::No | Action::Tick | Action::Resize => {}
    }
    Vec::new()
}

/// Moves the selected card one status along, if the sign-off rules allow it.
fn move_card(model: &mut Model, forward: bool) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        return Vec::new();
    };
    let task = &model.file.campaign.tasks[index];
    let target = if forward {
        task.status.next()
    } else {
        task.status.previous()
    };
    let Some(target) = target else {
        let text = if forward {
            Text::new("已是最后一个状态", "already in the last status")
        } else {
            Text::new("已是第一个状态", "already in the first status")
        };
        model.say(Tone::Warning, text);
        return Vec::new();
    };
    let id = task.id.clone();
    let today = model.today;
    let by = model.author.clone();
    match model.file.set_status(&id, target, today, by.as_deref()) {
        Ok(()) => {
            model.refresh();
            model.select_task(index);
            let label = target.label(model.lang);
            model.say(Tone::Info, tr!("{id} → {label}", "{id} → {label}"));
            if model.autosave {
                vec![Effect::Save]
            } else {
                Vec::new()
            }
        }
        Err(refusal) => {
            model.say(Tone::Warning, refusal.message());
            Vec::new()
        }
    }
}

fn save_now(model: &mut Model) -> Vec<Effect> {
    if model.file.dirty {
        vec![Effect::Save]
    } else {
        model.say(
            Tone::Info,
            Text::new("没有需要保存的修改", "nothing to save"),
        );
        Vec::new()
    }
}

fn quit(model: &mut Model) -> Vec<Effect> {
    if model.file.dirty {
        model.view = View::ConfirmQuit;
        Vec::new()
    } else {
        model.quitting = true;
        vec![Effect::Quit]
    }
}

fn confirm_quit(model: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Yes => {
            model.quitting = true;
            vec![Effect::Quit]
        }
        Action::Save => {
            model.view = View::Board;
            vec![Effect::Save, Effect::Quit]
        }
        _ => {
            model.view = View::Board;
            Vec::new()
        }
    }
}
