//! What `update` asks of the shell, done: a save handed to the store worker, a sync, a look
//! at the disk, a setting written, a report exported. Each outcome goes back as a `Msg`.

use std::path::Path;

use super::Pending;
use super::settings::save_setting;
use super::worker::Job;
use crate::app::model::Model;
use crate::app::msg::Msg;
use crate::app::update::{Effect, update};
use crate::domain::Today;

/// Performs effects in order; returns true when the app should end. (What follows a save
/// is kept by `update` until the save's outcome comes back.)
pub(super) fn perform(model: &mut Model, effects: Vec<Effect>, pending: &mut Pending) -> bool {
    for effect in effects {
        match effect {
            Effect::Save | Effect::SaveKeeping(_) => {
                let keep = match effect {
                    Effect::SaveKeeping(keep) => Some(keep),
                    _ => None,
                };
                let file = Box::new(model.store().clone());
                let track_sync = model.unsynced.is_some();
                let sent = pending.worker.send(Job::Save {
                    file,
                    keep,
                    track_sync,
                });
                // Input that waited for it is read now, and may ask for more.
                if !sent {
                    let then = update(model, Msg::SaveNotSent);
                    if perform(model, then, pending) {
                        return true;
                    }
                }
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
            Effect::Watch => {
                pending.worker.send(Job::Watch(model.store().watch_point()));
            }
            Effect::SaveSetting(key, value) => {
                save_setting(model, pending.config.as_deref(), key, value);
            }
            Effect::Export(path, bytes) => write_export(model, &path, &bytes),
            Effect::Redraw => pending.redraw_all = true,
            Effect::Draw => {}
        }
    }
    false
}

/// Writes an exported report (the shell's half of `Effect::Export`): only where a report may
/// go (never the campaign or its backups), atomically, replacing a link at its name; the
/// outcome goes to `update` (the footer says where, or why not).
pub fn write_export(model: &mut Model, path: &Path, bytes: &[u8]) {
    let written = crate::store::save::out::check(path, &model.store().path)
        .map_err(|why| why.get(model.lang).to_owned())
        .and_then(|()| crate::store::save::plain::write(path, bytes).map_err(|e| e.to_string()));
    let path = path.to_owned();
    update(model, Msg::Exported { path, written });
}
