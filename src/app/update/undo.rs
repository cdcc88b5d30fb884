//! Undo and redo: the store takes an edit back (or makes it again); here the stacks are kept
//! and what the step changed is said.

use super::*;
use crate::store::edit::undo::NotStepped;

/// Undo (or redo): restores the file's text as it was before (after) an edit.
pub(super) fn undo(model: &mut Model, back: bool) -> Vec<Effect> {
    if model.store.read_only {
        model.say(
            Tone::Warning,
            Text::new("文件只读", "the file is read-only"),
        );
        return Vec::new();
    }
    let stack = if back {
        &mut model.undo
    } else {
        &mut model.redo
    };
    let Some(change) = stack.pop() else {
        let nothing = if back {
            Text::new("没有可撤销的修改", "nothing to undo")
        } else {
            Text::new("没有可重做的修改", "nothing to redo")
        };
        model.say(Tone::Warning, nothing);
        return Vec::new();
    };
    let stepped = match model.store.step(change, back) {
        Ok(stepped) => stepped,
        Err(NotStepped::Dropped(why)) => {
            // This one cannot go back; the older ones may still.
            model.say(Tone::Warning, why);
            return Vec::new();
        }
        Err(NotStepped::Kept(change, why)) => {
            let stack = if back {
                &mut model.undo
            } else {
                &mut model.redo
            };
            stack.push(change);
            model.say(Tone::Error, why);
            return Vec::new();
        }
    };
    let before = &stepped.before;
    let mut parts = Vec::new();
    for edit in &stepped.counterpart.tasks {
        if let (Some(old), Some(new)) = (before.task(&edit.id), model.campaign().task(&edit.id)) {
            parts.extend(crate::sync::summary::task_summary(old, new));
        }
    }
    parts.extend(crate::sync::summary::campaign_summary(
        before,
        model.campaign(),
    ));
    if back {
        model.redo.push(stepped.counterpart);
    } else {
        model.undo.push(stepped.counterpart);
    }
    model.refresh_changed(stepped.changed);
    let what_zh = crate::sync::summary::line(&parts, crate::i18n::Lang::Zh);
    let what_en = crate::sync::summary::line(&parts, crate::i18n::Lang::En);
    let said = match (back, parts.is_empty()) {
        (true, true) => Text::new("已撤销", "undone"),
        (false, true) => Text::new("已重做", "redone"),
        (true, false) => tr!("已撤销:{what_zh}", "undone: {what_en}"),
        (false, false) => tr!("已重做:{what_zh}", "redone: {what_en}"),
    };
    model.say(Tone::Info, said);
    if model.autosave {
        vec![Effect::Save]
    } else {
        Vec::new()
    }
}
