//! Keys of the stand-up: next and previous task, change the walk; edits act on the task shown.

use super::detail::{resolve_from_board, tick_next};
use super::{Effect, common};
use crate::app::action::Action;
use crate::app::model::{Model, View};
use crate::app::standup::{Standup, Walk, queue};

/// Starts (or restarts) a walk from its first task.
pub(super) fn start(model: &mut Model, walk: Walk) {
    let queue = queue(
        &model.file.campaign,
        &model.derived.lights,
        model.today,
        walk,
    );
    model.standup = Standup {
        walk,
        queue,
        pos: 0,
    };
    model.view = View::Standup;
    follow(model);
}

/// Puts the board's selection on the task shown, so every edit key acts on it.
fn follow(model: &mut Model) {
    if let Some(&index) = model.standup.queue.get(model.standup.pos) {
        if !model
            .derived
            .columns
            .iter()
            .any(|c| c.tasks.contains(&index))
        {
            model.filter = None;
            model.refresh();
        }
        model.select_task(index);
    }
}

pub(super) fn standup(model: &mut Model, action: Action) -> Vec<Effect> {
    let len = model.standup.queue.len();
    let on_task = model.standup.pos < len;
    match action {
        Action::Down | Action::Right => {
            model.standup.pos = (model.standup.pos + 1).min(len);
            follow(model);
        }
        Action::Up | Action::Left => {
            model.standup.pos = model.standup.pos.saturating_sub(1);
            follow(model);
        }
        Action::First => {
            model.standup.pos = 0;
            follow(model);
        }
        Action::SwitchView => start(model, model.standup.walk.next()),
        Action::Close | Action::Quit | Action::ShowBoard => model.view = View::Board,
        Action::Tick if on_task => return tick_next(model),
        Action::Resolve if on_task => return resolve_from_board(model),
        other
            if on_task
                || !matches!(
                    other,
                    Action::Note | Action::Problem | Action::MoveNext | Action::MovePrevious
                ) =>
        {
            return common(model, other);
        }
        _ => {}
    }
    Vec::new()
}
