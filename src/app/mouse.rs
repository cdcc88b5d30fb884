//! A mouse event, read against the last frame's [`HitMap`], becomes ordinary actions: a
//! click selects, a double click opens, the wheel scrolls, a tab switches view.

use std::time::{Duration, Instant};

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::action::Action;
use super::hits::{HitMap, Spot, Target};
use super::model::{Mode, Model, View};
pub use super::state::places::Clicks;
pub(crate) use super::state::places::Hold;

/// Two clicks on the same thing within this long open it.
pub(crate) const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// The actions `event` (arrived `at`) means on the screen as last drawn. Nothing while a
/// form, a list, the export menu or a question is open, or in presentation mode.
pub fn actions(
    model: &Model,
    hits: &HitMap,
    event: &MouseEvent,
    at: Instant,
    clicks: &mut Clicks,
) -> Vec<Action> {
    // A form, a list, the export menu, a question, the hall screen; or the conflicts asked.
    let busy = !matches!(model.mode(), Mode::Browse);
    if busy || model.view == View::Conflicts {
        return Vec::new();
    }
    let target = hits.at(event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(model, target, at, clicks),
        MouseEventKind::ScrollDown => wheel(model, target, true),
        MouseEventKind::ScrollUp => wheel(model, target, false),
        _ => Vec::new(),
    }
}

fn click(model: &Model, target: Option<Target>, at: Instant, clicks: &mut Clicks) -> Vec<Action> {
    match target {
        Some(Target::Tab(action)) => {
            clicks.last = None;
            vec![action]
        }
        Some(Target::Spot(spot)) if model.view != View::Help => {
            let task = task_under(model, spot);
            let double = clicks.last.as_ref().is_some_and(|(last, was, when)| {
                *last == spot && *was == task && at.saturating_duration_since(*when) <= DOUBLE_CLICK
            });
            let opens = !matches!(spot, Spot::Column(_));
            if double && opens {
                clicks.last = None;
                vec![Action::Point(spot), Action::Open]
            } else {
                clicks.last = Some((spot, task, at));
                vec![Action::Point(spot)]
            }
        }
        _ => {
            clicks.last = None;
            Vec::new()
        }
    }
}

/// The id of the task whose card stands at `spot`, if it is a card.
fn task_under(model: &Model, spot: Spot) -> Option<String> {
    let Spot::Card { column, row } = spot else {
        return None;
    };
    let index = *model.derived.columns.get(column)?.tasks.get(row)?;
    model.campaign().tasks.get(index).map(|t| t.id.clone())
}

fn wheel(model: &Model, target: Option<Target>, down: bool) -> Vec<Action> {
    let step = if down { Action::Down } else { Action::Up };
    match (model.view, target) {
        (View::Help | View::Detail | View::Leaderboard | View::Wall | View::Ledger, _) => {
            vec![step]
        }
        (View::Board, Some(Target::Spot(Spot::Column(column) | Spot::Card { column, .. }))) => {
            vec![Action::Point(Spot::Column(column)), step]
        }
        _ => Vec::new(),
    }
}
