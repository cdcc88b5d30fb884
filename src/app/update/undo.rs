//! Undo and redo: an edit's bytes put back, found again by task when the file changed since.

use super::*;

/// Undo (or redo): restores the file's text as it was before (after) an edit.
pub(super) fn undo(model: &mut Model, back: bool) -> Vec<Effect> {
    use crate::store::edit::splice::{Change, Splice, TaskEdit};
    if model.file.read_only {
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
    let current = model.file.text().to_owned();
    let exact = if change.generation != model.file.generation() {
        None
    } else if back {
        change.revert(&current)
    } else {
        change.apply(&current)
    };
    // The same edit, to go the other way later.
    let (restored, counterpart) = match exact {
        Some(text) => (text, change),
        None => match carry_over(model, &change, back, &current) {
            Ok((text, moved)) => {
                let (from, to) = if back {
                    (&text, &current)
                } else {
                    (&current, &text)
                };
                let counterpart = Change {
                    splices: vec![Splice::between(from, to)],
                    generation: model.file.generation(),
                    tasks: moved
                        .into_iter()
                        .map(|(id, before, after)| TaskEdit { id, before, after })
                        .collect(),
                };
                (text, counterpart)
            }
            Err(why) => {
                // This one cannot go back; the older ones may still.
                model.say(Tone::Warning, why);
                return Vec::new();
            }
        },
    };
    let touched: Vec<crate::domain::Task> = counterpart
        .tasks
        .iter()
        .filter_map(|t| model.file.campaign.task_index(&t.id))
        .map(|i| model.file.campaign.tasks[i].clone())
        .collect();
    let before = std::sync::Arc::clone(&model.file.campaign);
    match model.file.replace_text(&restored) {
        Ok(()) => {
            if back {
                model.redo.push(counterpart);
            } else {
                model.undo.push(counterpart);
            }
            model.refresh();
            let mut parts = Vec::new();
            for old in &touched {
                if let Some(i) = model.file.campaign.task_index(&old.id) {
                    parts.extend(crate::sync::summary::task_summary(
                        old,
                        &model.file.campaign.tasks[i],
                    ));
                }
            }
            parts.extend(crate::sync::summary::campaign_summary(
                &before,
                &model.file.campaign,
            ));
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
        Err(refusal) => {
            let stack = if back {
                &mut model.undo
            } else {
                &mut model.redo
            };
            stack.push(counterpart);
            model.say(Tone::Error, refusal.message());
            Vec::new()
        }
    }
}

/// An edit made before the file took in changes from elsewhere, undone (or redone) on the
/// file as it is now: its task found by id, only the fields it changed set back. Returns the
/// new text and each task's (id, text before, text after) in the edit's own direction.
#[allow(clippy::type_complexity)]
pub(super) fn carry_over(
    model: &Model,
    change: &crate::store::edit::splice::Change,
    back: bool,
    current: &str,
) -> Result<(String, Vec<(String, String, String)>), Text> {
    if change.tasks.is_empty() {
        return Err(Text::new(
            "这一步修改涉及多个任务或任务以外的内容,文件已合并了其他人的修改,无法撤销",
            "that edit reached beyond one task and the file has since taken in changes made elsewhere; it cannot be undone",
        ));
    }
    let mut text = current.to_owned();
    let mut moved = Vec::new();
    for edit in &change.tasks {
        let id = &edit.id;
        let Some(range) = model.file.task_region(id) else {
            return Err(tr!(
                "任务 {id} 已被其他人删除,这一步无法撤销",
                "task {id} was deleted elsewhere; that edit cannot be undone"
            ));
        };
        let now = text[range.clone()].to_owned();
        let (from, to) = if back {
            (&edit.after, &edit.before)
        } else {
            (&edit.before, &edit.after)
        };
        match crate::store::edit::undo::carry_over(&now, from, to) {
            Ok(done) => {
                let (before, after) = if back {
                    (done.clone(), now)
                } else {
                    (now, done.clone())
                };
                text.replace_range(range, &done);
                moved.push((id.clone(), before, after));
            }
            Err(conflicts) => {
                let fields = conflicts
                    .iter()
                    .map(|c| c.key.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                return Err(tr!(
                    "任务 {id} 的 {fields} 此后被其他人改过,这一步无法撤销",
                    "task {id}: {fields} changed elsewhere since; that edit cannot be undone"
                ));
            }
        }
    }
    Ok((text, moved))
}
