//! What the store worker's outcomes do to the model: a save that finished, a look at the
//! disk. Like every other change, they happen here.

use crate::app::action::Action;
use crate::app::form::FieldKey;
use crate::app::model::{Model, Tone, View};
use crate::i18n::Text;
use crate::store::file::{CampaignFile, Noticed, SaveError, WatchPoint};
use crate::tr;

/// A save was handed to the worker.
pub fn began_saving(model: &mut Model) {
    model.saving = true;
}

/// Whether `action` can be answered while a save is in flight: it moves, looks or types in a
/// form, and cannot change the file (edits wait for the save to come back).
pub fn answerable_while_saving(model: &Model, action: Action) -> bool {
    let typing = model.form.is_some() || model.picker.is_some();
    match action {
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::First
        | Action::Last
        | Action::Help
        | Action::Resize
        | Action::Clock => true,
        Action::Open => !typing && model.view == View::Board,
        Action::Type(_) => typing,
        Action::Field(key) => typing && key != FieldKey::Submit,
        _ => false,
    }
}

/// A save came back: the saved (and perhaps merged) copy becomes the file, or the edits stay
/// here unsaved with the reason shown, or the conflicts are asked about.
pub fn saved(model: &mut Model, file: Box<CampaignFile>, result: Result<(), SaveError>) {
    model.saving = false;
    match result {
        Ok(()) => {
            model.file = *file;
            model.refresh_changed();
            // A warning such as "changed elsewhere: saving will merge" is over once saved.
            let stale = model
                .message
                .as_ref()
                .is_none_or(|m| m.tone == Tone::Warning);
            if stale {
                model.say(Tone::Info, Text::new("已保存", "saved"));
            }
        }
        Err(SaveError::Conflicts(list)) => {
            model.conflicts = list;
            model.view = View::Conflicts;
        }
        Err(err) => {
            model.file.learn_from_failed_save(&file);
            let why = err.message();
            let (zh, en) = (why.zh, why.en);
            model.say(
                Tone::Error,
                tr!(
                    "保存失败:{zh}。修改仍在内存中,按 s 重试",
                    "Save failed: {en}. The edits are kept; press s to retry"
                ),
            );
        }
    }
}

/// "Save and quit" was followed by more keys while the save was on its way: those go ahead
/// and the board stays open.
pub fn quit_called_off(model: &mut Model) {
    model.say(
        Tone::Warning,
        Text::new(
            "保存期间又按了键:已保存,未退出",
            "more keys were pressed while saving: saved, but not quitting",
        ),
    );
}

/// A look at the disk came back. Returns whether anything on screen changed.
pub fn watched(model: &mut Model, point: &WatchPoint, noticed: Noticed) -> bool {
    let before = model.message.clone();
    match noticed {
        Noticed::Nothing => {}
        Noticed::Reloaded(file) => {
            // A save or an edit since the look makes what it read out of date.
            if model.file.is_at(point) && !model.saving {
                model.file = *file;
                model.undo.clear();
                model.redo.clear();
                model.refresh();
                model.say(
                    Tone::Info,
                    Text::new(
                        "文件已被其他人修改,已重新载入",
                        "the file was changed elsewhere and has been reloaded",
                    ),
                );
            }
        }
        Noticed::ChangedWhileDirty if model.file.dirty => model.say(
            Tone::Warning,
            Text::new(
                "文件已被其他人修改:保存时将合并双方的修改",
                "the file was changed elsewhere: saving will merge both sides' edits",
            ),
        ),
        Noticed::ChangedWhileDirty => {}
        Noticed::Unreadable(_) => model.say(
            Tone::Warning,
            Text::new(
                "文件已被其他人修改,但有错误,暂未载入(bairi check 查看)",
                "the file was changed elsewhere but has errors; not loaded (see bairi check)",
            ),
        ),
    }
    model.message != before
}
