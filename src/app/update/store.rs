//! What the store worker's outcomes do to the model: a save that finished, a look at the
//! disk, a sync, a setting or a report written. Like every other change, they happen here,
//! called from `update`'s `Msg` arms.

use crate::app::model::{Message, Model, Offer, Tone, View};
use crate::i18n::Text;
use crate::store::file::{CampaignFile, Noticed, SaveError, WatchPoint};
use crate::tr;

/// A save was handed to the worker.
pub(super) fn began_saving(model: &mut Model) {
    model.saving = true;
}

/// A save came back: the saved (and perhaps merged) copy becomes the file, or the edits stay
/// here unsaved with the reason shown, or the conflicts are asked about.
pub(super) fn saved(model: &mut Model, file: Box<CampaignFile>, result: Result<(), SaveError>) {
    model.saving = false;
    match result {
        Ok(()) => {
            model.store = *file;
            let changed = model.store.take_changed();
            model.refresh_changed(changed);
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
            model.conflict_pick = 0;
            model.view = View::Conflicts;
        }
        Err(err) => {
            model.store.learn_from_failed_save(&file);
            let why = err.message();
            let (zh, en) = (why.zh, why.en);
            model.say_offering(
                Tone::Error,
                tr!(
                    "保存失败:{zh}。修改仍在内存中",
                    "Save failed: {en}. The edits are kept"
                ),
                Some(Offer::Save),
            );
        }
    }
}

/// "Save and quit" was followed by more keys while the save was on its way: those go ahead
/// and the board stays open.
pub(super) fn quit_called_off(model: &mut Model) {
    model.say(
        Tone::Warning,
        Text::new(
            "保存期间又按了键:已保存,未退出",
            "more keys were pressed while saving: saved, but not quitting",
        ),
    );
}

/// What waits to be synced, as seen after a save.
pub(super) fn sync_waits(model: &mut Model, unsynced: Option<crate::sync::status::Unsynced>) {
    model.unsynced = unsynced;
}

/// `Y`: sync through git, after saving what is pending.
pub(super) fn sync(model: &mut Model) -> Vec<super::Effect> {
    use super::Effect;
    if model.store.read_only {
        model.say(
            Tone::Error,
            Text::new(
                "文件只读,不能同步",
                "the file is read-only; it cannot be synced",
            ),
        );
        return Vec::new();
    }
    if model.sync_running {
        model.say(
            Tone::Info,
            Text::new("正在同步,按 Esc 取消", "a sync is running; Esc cancels it"),
        );
        return Vec::new();
    }
    model.say(
        Tone::Info,
        Text::new("同步中…(Esc 取消)", "syncing… (Esc cancels)"),
    );
    model.syncing = true;
    model.sync_running = true;
    if model.store.dirty {
        vec![Effect::Save, Effect::Sync]
    } else {
        vec![Effect::Sync]
    }
}

/// The save before a sync failed: the sync does not run (the failure is said).
pub(super) fn sync_dropped(model: &mut Model) {
    model.sync_running = false;
    model.syncing = false;
}

/// Esc while a sync runs: it is asked to stop (what it says when it has is shown then).
pub(super) fn cancel_sync(model: &mut Model) -> Vec<super::Effect> {
    model.say(
        Tone::Info,
        Text::new("正在取消同步…", "cancelling the sync…"),
    );
    vec![super::Effect::CancelSync]
}

/// A sync came back: what was sent and received, or why it stopped; what waits now.
pub(super) fn synced(
    model: &mut Model,
    result: Result<crate::sync::round::Outcome, crate::sync::round::SyncError>,
    unsynced: Option<crate::sync::status::Unsynced>,
) {
    use crate::sync::round::Outcome;
    model.unsynced = unsynced;
    model.sync_running = false;
    // The look at the disk that follows reads what came in without calling it a surprise.
    model.syncing = true;
    match result {
        Ok(Outcome::Done { sent, received, .. }) => {
            let words = |list: &[Text], lang| {
                list.iter()
                    .map(|t| t.get(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let (sent_zh, got_zh) = (
                words(&sent, crate::i18n::Lang::Zh),
                words(&received, crate::i18n::Lang::Zh),
            );
            let (sent_en, got_en) = (
                words(&sent, crate::i18n::Lang::En),
                words(&received, crate::i18n::Lang::En),
            );
            let none = |s: String, word: &str| if s.is_empty() { word.to_owned() } else { s };
            model.say(
                Tone::Info,
                Text::new(
                    format!(
                        "已同步。发出:{} · 收到:{}",
                        none(sent_zh, "无"),
                        none(got_zh, "无")
                    ),
                    format!(
                        "synced. sent: {} · received: {}",
                        none(sent_en, "nothing"),
                        none(got_en, "nothing")
                    ),
                ),
            );
        }
        Ok(Outcome::Offline { ahead, why, .. }) => {
            let again = Text::new("再按 Y", "press Y again");
            let text = crate::sync::round::offline_message(ahead, &why, &again);
            model.say(Tone::Warning, text);
        }
        Err(e) => model.say(Tone::Error, e.message()),
    }
}

/// The file was read again (a sync brought changes, or someone saved): fields a git merge
/// found changed both ways are asked about at once.
fn ask_about_records(model: &mut Model) {
    if model.campaign().conflicts.is_empty() {
        return;
    }
    let recorded = crate::store::merge::recorded::list(model.store.text());
    if !recorded.is_empty() {
        model.conflicts = recorded;
        model.conflict_pick = 0;
        model.conflicts_recorded = true;
        model.view = View::Conflicts;
    }
}

/// A look at the disk came back. Returns whether anything on screen changed.
pub(super) fn watched(model: &mut Model, point: &WatchPoint, noticed: Noticed) -> bool {
    let before = model.message.clone();
    let after_sync = std::mem::take(&mut model.syncing);
    match noticed {
        Noticed::Nothing => {}
        Noticed::Reloaded(file) => {
            // A save or an edit since the look makes what it read out of date.
            if model.store.is_at(point) && !model.saving {
                // Undo and redo stay: they find their tasks again in the new text.
                model.store = *file;
                model.refresh();
                if !after_sync {
                    model.say(
                        Tone::Info,
                        Text::new(
                            "文件已被其他人修改,已重新载入",
                            "the file was changed elsewhere and has been reloaded",
                        ),
                    );
                }
                ask_about_records(model);
            }
        }
        Noticed::ChangedWhileDirty if model.store.dirty => model.say(
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

/// A setting chosen on the board was written to the config file (`Ok`: where), or not: said
/// after what the action itself said; the session keeps the choice either way.
pub(super) fn setting_saved(
    model: &mut Model,
    key: &str,
    value: &str,
    written: Result<String, Text>,
) {
    let said = match written {
        Ok(shown) => tr!(
            "{key} = \"{value}\" 已写入 {shown}",
            "{key} = \"{value}\" saved in {shown}"
        ),
        Err(why) => {
            let (zh, en) = (why.zh, why.en);
            model.say(
                Tone::Error,
                tr!(
                    "未能把 {key} 写入配置:{zh}(本次仍然有效)",
                    "could not save {key} in the config: {en} (kept for this session)"
                ),
            );
            return;
        }
    };
    model.message = Some(match model.message.take() {
        Some(m) if m.tone == Tone::Info => Message {
            text: Text::new(
                format!("{} · {}", m.text.zh, said.zh),
                format!("{} · {}", m.text.en, said.en),
            ),
            ..m
        },
        _ => Message {
            text: said,
            tone: Tone::Info,
            offer: None,
        },
    });
}

/// Who else has the file open, as presence last saw it; whether that changed.
pub(super) fn others_seen(model: &mut Model, others: Vec<String>) -> bool {
    let changed = others != model.others;
    model.others = others;
    changed
}

/// The save in flight will not be seen to come back (the session is ending): what waited
/// for it is answered now.
pub(super) fn stopped_waiting_for_save(model: &mut Model) {
    model.saving = false;
}

/// The store worker is gone, so a save could not be handed to it.
pub(super) fn worker_gone(model: &mut Model) {
    model.say(
        Tone::Error,
        Text::new(
            "保存失败:后台存储线程已停止。修改仍在内存中",
            "Save failed: the store thread has stopped. The edits are kept",
        ),
    );
}

/// A report was written to `path`, or not (why).
pub(super) fn exported(model: &mut Model, path: &std::path::Path, written: Result<(), String>) {
    let shown = path.display().to_string();
    match written {
        Ok(()) => model.say(Tone::Info, tr!("已导出 {shown}", "exported to {shown}")),
        Err(e) => {
            // The review meeting's briefing: not written, so not said written.
            if let Some(flow) = model.review.as_mut()
                && flow.briefing.as_deref() == Some(path)
            {
                flow.briefing = None;
            }
            model.say(
                Tone::Error,
                tr!("导出失败 {shown}:{e}", "export to {shown} failed: {e}"),
            );
        }
    }
}
