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
    parts.extend(tasks_and_records(before, model.campaign()));
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

/// What a step did beyond changing tasks in place: a task back or gone, conflict records
/// settled or back.
fn tasks_and_records(
    before: &crate::domain::Campaign,
    after: &crate::domain::Campaign,
) -> Vec<Text> {
    use std::collections::HashSet;
    let ids = |c: &crate::domain::Campaign| -> HashSet<String> {
        c.tasks.iter().map(|t| t.id.clone()).collect()
    };
    let (was, is) = (ids(before), ids(after));
    let mut parts = Vec::new();
    for task in &after.tasks {
        let id = &task.id;
        if !was.contains(id) {
            parts.push(tr!("{id} 恢复", "{id} back"));
        }
    }
    for task in &before.tasks {
        let id = &task.id;
        if !is.contains(id) {
            parts.push(tr!("{id} 移除", "{id} removed"));
        }
    }
    match before.conflicts.len().cmp(&after.conflicts.len()) {
        std::cmp::Ordering::Greater => {
            parts.push(Text::new("冲突记录已处理", "conflict records settled"));
        }
        std::cmp::Ordering::Less => {
            parts.push(Text::new("冲突记录恢复", "conflict records back"));
        }
        std::cmp::Ordering::Equal => {}
    }
    parts
}
