//! What `update` asks of the shell, done: a save handed to the store worker (what follows it
//! waits for its outcome), a sync, a setting written, a report exported.

use std::path::Path;

use super::Pending;
use super::settings::save_setting;
use crate::app::model::Model;
use crate::app::update::{Effect, store};
use crate::app::worker::Job;
use crate::domain::Today;

/// Performs effects in order; returns true when the app should end. A save goes to the
/// worker, and what follows it waits for its outcome: a failed save cancels it (a quit after
/// a failed save would lose the edits).
pub(super) fn perform(model: &mut Model, effects: Vec<Effect>, pending: &mut Pending) -> bool {
    let mut effects = effects.into_iter();
    while let Some(effect) = effects.next() {
        match effect {
            Effect::Save | Effect::SaveKeeping(_) => {
                let keep = match effect {
                    Effect::SaveKeeping(keep) => Some(keep),
                    _ => None,
                };
                let file = Box::new(model.store().clone());
                let track_sync = model.unsynced.is_some();
                if pending.worker.send(Job::Save {
                    file,
                    keep,
                    track_sync,
                }) {
                    store::began_saving(model);
                    pending.after_save = effects.collect();
                } else {
                    store::worker_gone(model);
                }
                return false;
            }
            Effect::Quit => return true,
            Effect::Sync => {
                let job = Job::Sync {
                    path: model.store().path.clone(),
                    today: Today::Date(model.today),
                    lang: model.lang,
                };
                pending.worker.send(job);
            }
            Effect::CancelSync => pending.worker.cancel_sync(),
            Effect::SaveSetting(key, value) => {
                save_setting(model, pending.config.as_deref(), key, &value);
            }
            Effect::Export(path, bytes) => write_export(model, &path, &bytes),
            Effect::Redraw => pending.redraw_all = true,
        }
    }
    false
}

/// Writes an exported report (the shell's half of `Effect::Export`): only where a report may
/// go (never the campaign or its backups), atomically, replacing a link at its name; the footer says where, or why not.
pub fn write_export(model: &mut Model, path: &Path, bytes: &[u8]) {
    let written = crate::store::save::out::check(path, &model.store().path)
        .map_err(|why| why.get(model.lang).to_owned())
        .and_then(|()| crate::store::save::plain::write(path, bytes).map_err(|e| e.to_string()));
    store::exported(model, path, written);
}
