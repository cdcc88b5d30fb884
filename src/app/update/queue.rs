//! Input and the save in flight: what a key, a paste or a click means now; input that must
//! wait for the save (kept in order, read again when it is back); what follows a save
//! ("save and quit"), and the quit called off by keys pressed meanwhile.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use super::{Effect, apply, store};
use crate::app::action::Action;
use crate::app::form::FieldKey;
use crate::app::hits::HitMap;
use crate::app::keymap::Keymap;
use crate::app::model::{Mode, Model, View};
use crate::app::mouse;
use crate::app::msg::Msg;
use crate::store::file::{CampaignFile, SaveError};

/// Terminal input: answered now, or kept until the save in flight is back.
pub(super) fn input(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if !model.inbox.waiting.is_empty() {
        model.inbox.waiting.push_back(msg);
        return Vec::new();
    }
    match answer_now(model, &msg) {
        Some(actions) => run(model, actions),
        None => {
            model.inbox.waiting.push_back(msg);
            Vec::new()
        }
    }
}

/// A frame was drawn: its targets are what the next click is read against.
pub(super) fn drawn(model: &mut Model, hits: HitMap) {
    model.inbox.hits = hits;
}

/// A click is about the screen as it is now: one that would have to wait for a save is
/// dropped rather than applied later to a screen that has changed.
pub(super) fn mouse(model: &mut Model, event: &MouseEvent, at: Instant) -> Vec<Effect> {
    let mut clicks = std::mem::take(&mut model.inbox.clicks);
    let actions = mouse::actions(model, &model.inbox.hits, event, at, &mut clicks);
    model.inbox.clicks = clicks;
    let waits = !model.inbox.waiting.is_empty() || must_wait(model, &actions);
    if waits {
        Vec::new()
    } else {
        run(model, actions)
    }
}

/// A save came back: the edits are saved (or not), what followed it is done (or dropped when
/// it failed), and input that waited is read now.
pub(super) fn saved(
    model: &mut Model,
    file: Box<CampaignFile>,
    result: Result<(), SaveError>,
    unsynced: Option<crate::sync::status::Unsynced>,
) -> Vec<Effect> {
    let ok = result.is_ok();
    store::saved(model, file, result);
    if model.unsynced.is_some() {
        store::sync_waits(model, unsynced);
    }
    let mut then = std::mem::take(&mut model.inbox.after_save);
    if !ok && then.contains(&Effect::Sync) {
        store::sync_dropped(model);
    }
    // Keys pressed while "save and quit" waited: they are done, and the board stays (said
    // only when it saved: a failed save says so, and never quits anyway).
    let quit_called_off = ok && then.contains(&Effect::Quit) && !model.inbox.waiting.is_empty();
    if quit_called_off {
        then.retain(|e| *e != Effect::Quit);
    }
    let mut out = if ok { follow(model, then) } else { Vec::new() };
    if out.contains(&Effect::Quit) {
        return out;
    }
    out.extend(replay(model));
    if quit_called_off {
        store::quit_called_off(model);
    }
    out
}

/// The save could not be handed over: nothing is in flight, what was to follow it does
/// not happen, and input that waited is read now.
pub(super) fn save_not_sent(model: &mut Model) -> Vec<Effect> {
    model.saving = false;
    model.inbox.after_save.clear();
    store::worker_gone(model);
    replay(model)
}

/// Input that waited for a save the session will not see come back: applied to the model
/// now (a queued note opens its form, to be kept as a draft); its effects are dropped.
pub(super) fn hang_up(model: &mut Model) {
    store::stopped_waiting_for_save(model);
    model.inbox.after_save.clear();
    while let Some(msg) = model.inbox.waiting.pop_front() {
        for action in answer_now(model, &msg).unwrap_or_default() {
            let _ = apply(model, action);
        }
    }
}

/// Input that waited for a save, read now in order until one must wait again.
fn replay(model: &mut Model) -> Vec<Effect> {
    let mut out = Vec::new();
    while let Some(msg) = model.inbox.waiting.pop_front() {
        let Some(actions) = answer_now(model, &msg) else {
            model.inbox.waiting.push_front(msg);
            break;
        };
        out.extend(run(model, actions));
        if out.contains(&Effect::Quit) {
            break;
        }
    }
    out
}

/// Applies actions in order (a new key clears the last message), until one quits.
fn run(model: &mut Model, actions: Vec<Action>) -> Vec<Effect> {
    let Some(first) = actions.first() else {
        return Vec::new();
    };
    super::before_keys(model, *first);
    let mut out = Vec::new();
    for action in actions {
        let effects = apply(model, action);
        out.extend(follow(model, effects));
        if out.contains(&Effect::Quit) {
            break;
        }
    }
    out
}

/// The effects the shell is to carry out now: up to a save (what comes after it waits for
/// its outcome: a quit after a failed save would lose the edits) or a quit.
fn follow(model: &mut Model, effects: Vec<Effect>) -> Vec<Effect> {
    let mut effects = effects.into_iter();
    let mut now = Vec::new();
    while let Some(effect) = effects.next() {
        let (save, quit) = (effect.is_save(), effect == Effect::Quit);
        now.push(effect);
        if save {
            store::began_saving(model);
            model.inbox.after_save = effects.collect();
            break;
        }
        if quit {
            break;
        }
    }
    now
}

/// Whether some of `actions` would edit while a save is in flight.
fn must_wait(model: &Model, actions: &[Action]) -> bool {
    model.saving && actions.iter().any(|a| !answerable_while_saving(model, *a))
}

/// The actions `input` means now, or `None` when it must wait for the save in flight.
fn answer_now(model: &Model, input: &Msg) -> Option<Vec<Action>> {
    let actions: Vec<Action> = match input {
        Msg::Key(key) => key_action(model, &model.inbox.keymap, key)
            .into_iter()
            .collect(),
        // A paste (or an input method's text) arrives whole: each character is typed.
        Msg::Paste(text) if model.typing() => text.chars().map(Action::Type).collect(),
        Msg::Resize => vec![Action::Resize],
        _ => Vec::new(),
    };
    (!must_wait(model, &actions)).then_some(actions)
}

/// Whether `action` can be answered while a save is in flight: it moves, looks or types in a
/// form, and cannot change the file (edits wait for the save to come back).
fn answerable_while_saving(model: &Model, action: Action) -> bool {
    let typing = model.typing();
    match action {
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::First
        | Action::Last
        | Action::PageUp
        | Action::PageDown
        | Action::Help
        | Action::Resize
        | Action::Redraw
        | Action::Clock => true,
        Action::Open => {
            let asking = matches!(
                model.mode(),
                Mode::ConfirmQuit | Mode::ConfirmDelete(_) | Mode::ConfirmDeleteMilestone { .. }
            );
            !typing && !asking && model.view == View::Board
        }
        Action::Type(_) => typing,
        Action::Field(key) => typing && key != FieldKey::Submit,
        _ => false,
    }
}

/// What a key press means here: text editing while a form or a list is open, else the
/// keymap; a question takes its answer or "no".
fn key_action(model: &Model, keymap: &Keymap, key: &KeyEvent) -> Option<Action> {
    if model
        .who()
        .is_some_and(crate::app::who::WhoAsk::asking_to_save)
    {
        let yes = keymap.action_for(key) == Some(Action::Yes);
        return Some(if yes { Action::Yes } else { Action::No });
    }
    if model.typing() {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        return crate::app::keymap::field_key(key.code, ctrl);
    }
    let action = keymap.action_for(key);
    match model.mode() {
        Mode::ConfirmQuit => Some(
            action
                .filter(|a| matches!(a, Action::Yes | Action::Save))
                .unwrap_or(Action::No),
        ),
        Mode::ConfirmDelete(_) | Mode::ConfirmDeleteMilestone { .. } => {
            Some(action.filter(|a| *a == Action::Yes).unwrap_or(Action::No))
        }
        _ if model.view == View::Conflicts => match key.code {
            KeyCode::Char(c) => Some(Action::Type(c)),
            KeyCode::Esc => Some(Action::Field(FieldKey::Cancel)),
            KeyCode::Up => Some(Action::Field(FieldKey::Up)),
            KeyCode::Down => Some(Action::Field(FieldKey::Down)),
            _ => None,
        },
        _ => action,
    }
}
