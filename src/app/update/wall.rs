//! Keys of the wall chart: tasks up and down, days left and right, Enter for details.

use super::{Effect, common};
use crate::app::action::Action;
use crate::app::model::{Model, View};
use crate::app::wall::{Row, rows, span, span_days};

/// Opens the chart on the selected task, with today in sight.
pub(super) fn start(model: &mut Model) {
    let all = rows(model.campaign());
    let selected = model.selected();
    model.wall.row = all
        .iter()
        .position(|r| Some(*r) == selected.map(Row::Task))
        .or_else(|| all.iter().position(|r| matches!(r, Row::Task(_))))
        .unwrap_or(0);
    let since_start = (model.today - span(model.campaign()).0).num_days();
    model.wall.day_offset = (since_start - 14).max(0);
    model.view = View::Wall;
}

/// The next task row from `from` in `step` direction, skipping category rows.
fn next_task(all: &[Row], from: usize, down: bool) -> usize {
    let mut i = from;
    loop {
        let next = if down {
            i.checked_add(1).filter(|n| *n < all.len())
        } else {
            i.checked_sub(1)
        };
        match next {
            Some(n) if matches!(all[n], Row::Task(_)) => return n,
            Some(n) => i = n,
            None => return from,
        }
    }
}

pub(super) fn wall(model: &mut Model, action: Action) -> Vec<Effect> {
    let all = rows(model.campaign());
    let total_days = span_days(model.campaign());
    match action {
        Action::Down => model.wall.row = next_task(&all, model.wall.row, true),
        Action::Up => model.wall.row = next_task(&all, model.wall.row, false),
        Action::First => {
            model.wall.row = next_task(&all, 0, true).min(
                all.iter()
                    .position(|r| matches!(r, Row::Task(_)))
                    .unwrap_or(0),
            );
        }
        Action::Last => {
            model.wall.row = all
                .iter()
                .rposition(|r| matches!(r, Row::Task(_)))
                .unwrap_or(0);
        }
        Action::Right => {
            model.wall.day_offset = (model.wall.day_offset + 7).min((total_days - 7).max(0));
        }
        Action::Left => model.wall.day_offset = (model.wall.day_offset - 7).max(0),
        Action::Open => {
            if let Some(Row::Task(index)) = all.get(model.wall.row) {
                model.select_task(*index);
                super::detail::open_detail(model, View::Wall);
            }
        }
        Action::Close | Action::Quit | Action::ShowBoard => model.view = View::Board,
        other => {
            if let Some(Row::Task(index)) = all.get(model.wall.row) {
                model.select_task(*index);
            }
            return common(model, other);
        }
    }
    Vec::new()
}
