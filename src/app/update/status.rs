//! `M`: the status chooser. Any status the sign-off rules allow is set in one step, with one
//! history line (`推进中→待销号`, never through 受阻 on the way as `>` would walk); a status
//! the rules forbid is listed dimmed with the reason, and refused with it. Like the other
//! lists: type to narrow it (`待`, `pending`, `done`), ↑↓ choose, Enter sets, Esc cancels.

use super::*;
use crate::app::state::mode::Choice;
use crate::app::status_choices::{forbidden, lines};

/// Opens the chooser on the selected task.
pub(super) fn open(model: &mut Model) -> Vec<Effect> {
    let Some(index) = model.selected() else {
        model.say(
            Tone::Warning,
            Text::new("没有选中的任务", "no task is selected"),
        );
        return Vec::new();
    };
    // The highlight starts on the current status.
    let pick = model
        .campaign()
        .tasks
        .get(index)
        .map_or(0, |t| t.status.index());
    model.mode = Mode::Picker(Picker {
        mode: PickerMode::Status(index),
        input: crate::app::input::TextInput::default(),
        pick,
    });
    Vec::new()
}

/// Enter: the highlighted status set in one step, or refused with the reason.
pub(super) fn submit(model: &mut Model, index: usize) -> Vec<Effect> {
    let Some(picker) = model.picker() else {
        return Vec::new();
    };
    let query = picker.input.text().trim().to_lowercase();
    let chosen = lines(model, index, &query).into_iter().nth(picker.pick);
    let Some((Choice::Status(target), _)) = chosen else {
        model.say(
            Tone::Warning,
            Text::new("没有匹配的状态", "no status matches"),
        );
        return Vec::new();
    };
    if let Some(why) = forbidden(model, index, target) {
        // The list stays open: another status may be chosen.
        model.say(Tone::Warning, why);
        return Vec::new();
    }
    model.browse();
    if model.campaign().tasks.get(index).map(|t| t.status) == Some(target) {
        model.say(Tone::Info, verbs::nothing_changed());
        return Vec::new();
    }
    board::set_card_status(model, index, target)
}
