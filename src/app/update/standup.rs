//! Keys of the stand-up: next and previous task, change the walk; edits act on the task shown.

use super::detail::{resolve_from_board, tick_next};
use super::{Effect, common};
use crate::app::action::Action;
use crate::app::model::{Model, View};
use crate::app::standup::{Standup, Walk, queue};

/// Starts (or restarts) a walk from its first task.
pub(super) fn start(model: &mut Model, walk: Walk) {
    let queue = queue(model.campaign(), &model.derived.lights, model.today, walk);
    let ids = queue
        .iter()
        .map(|&i| model.campaign().tasks[i].id.clone())
        .collect();
    model.standup = Standup {
        walk,
        queue,
        ids,
        pos: 0,
        day: Some(model.today),
    };
    model.view = View::Standup;
    follow(model);
}

/// `2` or Tab: back to today's walk where it was left (its queue as it was, found again by
/// id), else a new walk.
pub(super) fn show(model: &mut Model) {
    if !model.standup.resumes_on(model.today) {
        return start(model, model.standup.walk);
    }
    let campaign = &model.store.campaign;
    let s = &mut model.standup;
    let here = s.ids.get(s.pos).cloned();
    let kept: Vec<(usize, String)> = s
        .ids
        .iter()
        .filter_map(|id| campaign.task_index(id).map(|i| (i, id.clone())))
        .collect();
    (s.queue, s.ids) = kept.into_iter().unzip();
    s.pos = here
        .and_then(|id| s.ids.iter().position(|x| *x == id))
        .unwrap_or(s.pos)
        .min(s.queue.len());
    model.view = View::Standup;
    follow(model);
}

/// Puts the board's selection on the task shown, so every edit key acts on it.
fn follow(model: &mut Model) {
    if let Some(&index) = model.standup.queue.get(model.standup.pos) {
        model.reveal_task(index);
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
        Action::Open if on_task => super::detail::open_detail(model, View::Standup),
        Action::Close | Action::Quit | Action::ShowBoard => model.view = View::Board,
        Action::Tick if on_task => return tick_next(model),
        Action::Resolve if on_task => return resolve_from_board(model),
        other
            if on_task
                || !matches!(
                    other,
                    Action::Note
                        | Action::Problem
                        | Action::MoveNext
                        | Action::MovePrevious
                        | Action::SetStatus
                        | Action::FollowUp
                ) =>
        {
            return common(model, other);
        }
        _ => {}
    }
    Vec::new()
}
