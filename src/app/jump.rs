//! Jump to a task by id (`:T08`, or `/T08` in search): forgiving about case and leading
//! zeros when that names one task; the board shows it, a filter that hid it is cleared.

use super::model::{Model, Tone, View};
use crate::domain::Campaign;
use crate::tr;

pub use crate::domain::lookup::Found;

/// Which task `typed` names, as every form and command reads it ([`super::lookup::by_id`]):
/// exactly as written, else without case, else with numbers as numbers (`t8` = `T008`),
/// else a bare number (`8` = `T008`).
pub fn find_id(campaign: &Campaign, typed: &str) -> Found {
    let ids: Vec<&str> = campaign.tasks.iter().map(|t| t.id.as_str()).collect();
    super::lookup::by_id(&ids, typed)
}

/// `:` Enter: goes to the task `typed` names, or says why not.
pub(crate) fn jump_to_typed(model: &mut Model, typed: &str) {
    let shown = crate::sanitize::inert(typed.trim());
    match find_id(model.campaign(), typed) {
        Found::One(index) => jump(model, index),
        Found::Many(ids) => {
            let ids = ids.join("、");
            model.say(
                Tone::Warning,
                tr!(
                    "{shown} 可指 {ids},请写出完整编号",
                    "{shown} could be {ids}; type the whole id"
                ),
            );
        }
        Found::None => model.say(
            Tone::Warning,
            tr!(
                "没有编号为 {shown} 的任务",
                "there is no task with the id {shown}"
            ),
        ),
    }
}

/// Shows the board with the task selected and its column scrolled to it.
pub(crate) fn jump(model: &mut Model, index: usize) {
    model.view = View::Board;
    let Some(id) = model.campaign().tasks.get(index).map(|t| t.id.clone()) else {
        return;
    };
    let hidden = !model.shows_task(index);
    let cleared = hidden && model.filter.take().is_some();
    if cleared {
        model.refresh();
    }
    model.select_task(index);
    let said = if cleared {
        tr!(
            "→ {id}(筛选把它隐藏了,已清除筛选)",
            "→ {id} (the filter hid it; the filter is cleared)"
        )
    } else {
        tr!("→ {id}", "→ {id}")
    };
    model.say(Tone::Info, said);
}
