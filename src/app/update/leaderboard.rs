//! Keys of the leaderboard view, and publishing.

use super::{Effect, common};
use crate::app::action::Action;
use crate::app::detail_doc::PAGE;
use crate::app::leaderboard_view::{chosen, moments, shown};
use crate::app::model::{Model, Tone, View};
use crate::app::verbs::{self, Purpose};
use crate::i18n::Text;

pub(super) fn leaderboard(model: &mut Model, action: Action) -> Vec<Effect> {
    let count = moments(model.campaign(), model.today).len();
    let current = {
        let moment = chosen(model);
        moments(model.campaign(), model.today)
            .iter()
            .position(|m| *m == moment)
            .unwrap_or(0)
    };
    let units = shown(model).0.units.len();
    let state = &mut model.leaderboard;
    if !matches!(action, Action::PageDown | Action::PageUp) {
        state.scroll = 0;
    }
    match action {
        Action::Left => {
            state.pick = Some(current.saturating_sub(1));
            state.unit = 0;
            state.open = false;
        }
        Action::Right => {
            state.pick = Some((current + 1).min(count.saturating_sub(1)));
            state.unit = 0;
            state.open = false;
        }
        Action::Down => state.unit = (state.unit + 1).min(units.saturating_sub(1)),
        Action::Up => state.unit = state.unit.saturating_sub(1),
        Action::First => state.unit = 0,
        Action::Last => state.unit = units.saturating_sub(1),
        Action::Open => state.open = !state.open,
        Action::PageDown if state.open => state.scroll += PAGE,
        // A page of units at a time; past the last unit, the lines below it (the tie rule,
        // the pledges due) come into view.
        Action::PageDown if state.unit + 1 < units => {
            state.unit = (state.unit + PAGE).min(units - 1);
        }
        Action::PageDown => state.scroll += PAGE,
        Action::PageUp if state.open || state.scroll > 0 => {
            state.scroll = state.scroll.saturating_sub(PAGE);
        }
        Action::PageUp => state.unit = state.unit.saturating_sub(PAGE),
        Action::Close | Action::Quit | Action::ShowBoard => model.view = View::Board,
        Action::Point(spot) => super::choose::point(model, spot),
        other if acts_on_a_task(other) => {
            // No task is on screen here: the board's selection is out of sight.
            model.say(
                Tone::Warning,
                Text::new(
                    "擂台榜上没有选中的任务:请回到看板选好任务再操作",
                    "no task is selected on the leaderboard: go back to the board and pick one",
                ),
            );
        }
        other => return common(model, other),
    }
    Vec::new()
}

/// Keys that act on the selected task (and so mean nothing where no task is shown).
fn acts_on_a_task(action: Action) -> bool {
    matches!(
        action,
        Action::MoveNext
            | Action::MovePrevious
            | Action::SetStatus
            | Action::Note
            | Action::Problem
            | Action::Progress
            | Action::Priority
            | Action::Override
            | Action::AddMilestone
            | Action::BackSchedule
            | Action::SortMilestones
            | Action::FollowUp
            | Action::Tick
            | Action::Edit
            | Action::Delete
            | Action::Resolve
    )
}

/// `P`: publish the chosen checkpoint if it has passed, else the latest past one.
pub(super) fn publish(model: &mut Model) -> Vec<Effect> {
    let moment = chosen(model);
    let past = moments(model.campaign(), model.today);
    let target = moment
        .checkpoint
        .or_else(|| past.iter().rev().find_map(|m| m.checkpoint));
    let published = |n: usize| {
        model
            .campaign()
            .reviews
            .iter()
            .any(|r| r.checkpoint as usize == n)
    };
    match target {
        Some(n) if published(n) => model.say(
            Tone::Warning,
            crate::tr!(
                "第{n}节点已发布,不能重复发布",
                "checkpoint {n} is already published; it cannot be published again"
            ),
        ),
        Some(checkpoint) => verbs::open(model, Purpose::Publish { checkpoint }),
        None => model.say(
            Tone::Warning,
            Text::new("今天之前还没有攻坚节点", "no checkpoint has passed yet"),
        ),
    }
    Vec::new()
}
