//! The forms and what each is for: a form is opened from its table (`spec`) and carried
//! out through the file core, with undo (`submit`). Each form lives in its own file here
//! (its fields, checks and the `Edit` it builds; see `forms.rs` for the parts); adding one
//! is a file and a line in `Purpose`, `spec` and `carry_out`.

mod back_schedule_form;
mod check_pledge;
pub(crate) mod follow_up;
mod forms;
mod light;
mod milestone;
mod note;
mod pledge;
mod priority;
mod problem;
mod progress;
mod publish;
mod resolve;
mod schedule;
mod task;

use self::forms::{Done, Spec, Values};
use super::effect::Effect;
use super::form::{Form, Value};
use super::model::{Model, UNDO_DEPTH};
pub use super::state::purpose::Purpose;
use crate::i18n::Text;
use crate::store::edit::apply::{Edit, Made, Stamp};

/// Asks the store to make `edit` as the author, today; keeps its undo step, refreshes what
/// is derived from the tasks it changed, and asks to save.
pub fn edit(model: &mut Model, edit: Edit) -> Result<(Made, Vec<Effect>), Text> {
    if model.store.read_only {
        return Err(Text::new(
            "文件只读:只能查看,不能修改",
            "the file is read-only: it can be viewed, not changed",
        ));
    }
    let stamp = Stamp {
        today: model.today,
        by: model.author.clone(),
    };
    let applied = model.store.apply(&edit, &stamp).map_err(|r| r.message())?;
    let Some(undo) = applied.undo else {
        // Already so: no undo step that would undo nothing, and no "u 撤销" to offer.
        return Err(nothing_changed());
    };
    model.undo.push(undo);
    if model.undo.len() > UNDO_DEPTH {
        model.undo.remove(0);
    }
    model.redo.clear();
    model.refresh_changed(applied.changed);
    let effects = if model.autosave {
        vec![Effect::Save]
    } else {
        Vec::new()
    };
    Ok((applied.made, effects))
}

/// What an edit that found things already so says (the board and the command line alike).
pub(crate) fn nothing_changed() -> Text {
    Text::new(
        "没有变化:本来就是这样",
        "nothing changed: it already was so",
    )
}

/// Opens the form for `purpose`, filled with the current values.
pub fn open(model: &mut Model, purpose: Purpose) {
    let spec = spec(model, &purpose);
    let mut form = Form::new(purpose, spec.title, spec.fields);
    form.today = Some(model.today);
    form.lang = model.lang;
    form.show_ids(model.campaign());
    form.notes = spec.notes;
    model.open_form(form);
}

/// Each form's table, by purpose.
fn spec(model: &Model, purpose: &Purpose) -> Spec {
    match purpose {
        Purpose::Note { task } => note::spec(task),
        Purpose::Problem { task } => problem::spec(model, task),
        Purpose::Resolve { task, problem } => resolve::spec(task, problem),
        Purpose::Progress { task } => progress::spec(model, task),
        Purpose::Priority { task } => priority::spec(model, task),
        Purpose::Override { task } => light::spec(model, task),
        Purpose::AddTask => task::add_spec(model),
        Purpose::EditTask { task } => task::edit_spec(model, task),
        Purpose::AddMilestone { task } => milestone::spec(model, task, None),
        Purpose::EditMilestone { task, index } => milestone::spec(model, task, Some(*index)),
        Purpose::BackSchedule { task } => back_schedule_form::spec(task),
        Purpose::BackScheduleReview { task, .. } => back_schedule_form::review_spec(task),
        Purpose::Publish { checkpoint } => publish::spec(model, *checkpoint),
        Purpose::Pledge { unit } => pledge::spec(model, unit),
        Purpose::CheckPledge { index } => check_pledge::spec(model, *index),
        Purpose::FollowUp { task } => follow_up::spec(model, task),
    }
}

/// Carries out a checked form. `Err` keeps the form open with the reason; a form that
/// changes nothing closes and says so (nothing is written, nothing to undo).
pub fn submit(
    model: &mut Model,
    purpose: Purpose,
    values: &[(&'static str, Value)],
) -> Result<Vec<Effect>, Text> {
    match carry_out(model, purpose, &Values(values)) {
        Err(why) if why == nothing_changed() => {
            model.take_form();
            model.say(super::message::Tone::Info, why);
            Ok(Vec::new())
        }
        Err(why) => Err(why),
        Ok(Done::Reopened) => Ok(Vec::new()),
        Ok(Done::Made(message, effects)) => {
            model.take_form();
            model.say_undoable(message);
            Ok(effects)
        }
    }
}

/// Each form's checks and edit, by purpose.
fn carry_out(model: &mut Model, purpose: Purpose, v: &Values) -> Result<Done, Text> {
    match purpose {
        Purpose::Note { task } => note::submit(model, &task, v),
        Purpose::Problem { task } => problem::submit(model, &task, v),
        Purpose::Resolve { task, problem } => resolve::submit(model, task, problem, v),
        Purpose::Progress { task } => progress::submit(model, &task, v),
        Purpose::Priority { task } => priority::submit(model, &task, v),
        Purpose::Override { task } => light::submit(model, &task, v),
        Purpose::AddTask => task::add(model, v),
        Purpose::EditTask { task } => task::edit(model, &task, v),
        Purpose::AddMilestone { task } => milestone::submit(model, &task, None, v),
        Purpose::EditMilestone { task, index } => milestone::submit(model, &task, Some(index), v),
        Purpose::BackSchedule { task } => back_schedule_form::submit(model, task, v),
        Purpose::BackScheduleReview { task, proposals } => {
            back_schedule_form::confirm(model, task, proposals)
        }
        Purpose::Publish { checkpoint } => publish::submit(model, checkpoint, v),
        Purpose::Pledge { unit } => pledge::submit(model, unit, v),
        Purpose::CheckPledge { index } => check_pledge::submit(model, index, v),
        Purpose::FollowUp { task } => follow_up::submit(model, &task, v),
    }
}
