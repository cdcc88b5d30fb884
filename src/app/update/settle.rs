//! Settling conflicting edits: `m` keeps mine, `t` takes theirs, for a merge on save and
//! for the `[[conflicts]]` a git merge left in the file.

use super::*;
use crate::app::model::Offer;

/// The answer to the conflict list: `m` keeps mine, `t` theirs; `None` for Esc (not now),
/// and `Some(None)` for any other key (still asking).
pub(super) fn answer(action: Action) -> Option<Option<crate::store::merge::Keep>> {
    use crate::store::merge::Keep;
    match action {
        Action::Type('m') => Some(Some(Keep::Mine)),
        Action::Type('t') => Some(Some(Keep::Theirs)),
        Action::Field(FieldKey::Cancel) | Action::Close | Action::Quit => None,
        _ => Some(None),
    }
}

/// The side `m`/`t` chose, back on the board; Esc goes back saying `left`; other keys wait.
fn chosen(
    model: &mut Model,
    action: Action,
    left: Text,
    offer: Option<Offer>,
) -> Option<crate::store::merge::Keep> {
    match answer(action) {
        Some(keep) => {
            if keep.is_some() {
                model.view = View::Board;
            }
            keep
        }
        None => {
            model.view = View::Board;
            model.say_offering(Tone::Warning, left, offer);
            None
        }
    }
}

/// `m` keeps my values, `t` theirs; Esc leaves the edits unsaved for now.
pub(super) fn settle(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.conflicts_recorded {
        return settle_recorded(model, action);
    }
    let left = Text::new("修改尚未保存", "the edits are not saved yet");
    let Some(keep) = chosen(model, action, left, Some(Offer::Save)) else {
        return Vec::new();
    };
    model.conflicts.clear();
    vec![Effect::SaveKeeping(keep)]
}

/// The file's `[[conflicts]]`: `m` keeps the values in the file, `t` takes the recorded
/// ones; either way the records go and the file is saved. Esc asks again next time.
pub(super) fn settle_recorded(model: &mut Model, action: Action) -> Vec<Effect> {
    let left = Text::new(
        "冲突记录仍在文件中(bairi check 列出)",
        "the conflict records stay in the file (bairi check lists them)",
    );
    let Some(keep) = chosen(model, action, left, None) else {
        return Vec::new();
    };
    match edit(model, Edit::SettleConflicts(keep)) {
        Ok((_, effects)) => {
            model.conflicts.clear();
            model.conflicts_recorded = false;
            model.say(Tone::Info, Text::new("冲突已处理", "conflicts settled"));
            effects
        }
        Err(why) => {
            model.say(Tone::Error, why);
            Vec::new()
        }
    }
}
