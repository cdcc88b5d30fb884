//! Choosing without the arrow keys: a click on a card or a leaderboard row, `O` for the
//! order of the cards, `:` for a task by id.

use super::Effect;
use crate::app::hits::Spot;
use crate::app::model::{Mode, Model, Picker, PickerMode, Tone, View};
use crate::app::mouse::Hold;
use crate::tr;

/// A click: on the board a column or a card, on the leaderboard a unit's row.
pub(super) fn point(model: &mut Model, spot: Spot) {
    if model.view == View::Board {
        let centre = model
            .lanes_held
            .and_then(|hold| hold.anchor_while(model.column))
            .unwrap_or(model.column);
        let column = match spot {
            Spot::Column(column) | Spot::Card { column, .. } => column,
            Spot::Unit(_) => model.column,
        };
        if column < model.derived.columns.len() {
            model.lanes_held = Some(Hold {
                anchor: centre,
                clicked: column,
            });
        }
    }
    match (model.view, spot) {
        (View::Board, Spot::Column(column)) if column < model.derived.columns.len() => {
            model.column = column;
        }
        (View::Board, Spot::Card { column, row }) => {
            let len = model
                .derived
                .columns
                .get(column)
                .map_or(0, |c| c.tasks.len());
            if row < len {
                model.column = column;
                if let Some(r) = model.rows.get_mut(column) {
                    let anchor = model
                        .cards_held
                        .iter()
                        .find(|(held, _)| *held == column)
                        .and_then(|(_, hold)| hold.anchor_while(*r))
                        .unwrap_or(*r);
                    model.cards_held.retain(|(held, _)| *held != column);
                    model.cards_held.push((
                        column,
                        Hold {
                            anchor,
                            clicked: row,
                        },
                    ));
                    *r = row;
                }
            }
        }
        (View::Leaderboard, Spot::Unit(unit)) => {
            let state = &mut model.leaderboard;
            if state.unit != unit {
                state.open = false;
            }
            state.unit = unit;
            state.scroll = 0;
        }
        _ => {}
    }
}

/// `O`: the next order of the cards, kept in the config.
pub(super) fn cycle_sort(model: &mut Model) -> Vec<Effect> {
    model.sort = model.sort.next();
    model.refresh();
    let label = model.sort.label();
    let (zh, en) = (&label.zh, &label.en);
    model.say(Tone::Info, tr!("列内排序:{zh}", "cards ordered by {en}"));
    vec![Effect::SaveSetting("sort", model.sort.name().to_owned())]
}

/// `:`: a list of tasks to type an id into.
pub(super) fn open_jump(model: &mut Model) {
    model.mode = Mode::Picker(Picker::new(PickerMode::Jump));
}
