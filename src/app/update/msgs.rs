//! `update(model, Msg)`, the one entry point: each thing that happens, sent where it is
//! applied (input to the queue, the worker's outcomes to `store`, actions to `apply`).

use super::{Effect, apply, queue, store};
use crate::app::action::Action;
use crate::app::model::Model;
use crate::app::msg::Msg;

/// Applies what happened; returns what the shell is to do (in order).
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(_) | Msg::Paste(_) | Msg::Resize => queue::input(model, msg),
        Msg::Mouse(event, at) => queue::mouse(model, &event, at),
        Msg::Drawn(hits) => {
            queue::drawn(model, hits);
            Vec::new()
        }
        Msg::Tick(today) => {
            if !model.today_pinned && today != model.today {
                model.today = today;
                model.store.new_day(today);
                model.refresh();
            }
            apply(model, Action::Clock)
        }
        Msg::Action(action) => apply(model, action),
        Msg::Saved {
            file,
            result,
            unsynced,
        } => queue::saved(model, file, result, unsynced),
        Msg::SaveNotSent => queue::save_not_sent(model),
        Msg::Watched { point, noticed } => {
            store::watched(model, &point, noticed);
            Vec::new()
        }
        Msg::SyncStatus(unsynced) => {
            store::sync_waits(model, unsynced);
            Vec::new()
        }
        Msg::Synced { result, unsynced } => {
            store::synced(model, result, unsynced);
            // What the sync brought in is read now, not at the next look.
            vec![Effect::Watch]
        }
        Msg::SettingSaved {
            key,
            value,
            written,
        } => {
            store::setting_saved(model, key, &value, written);
            Vec::new()
        }
        Msg::Exported { path, written } => {
            store::exported(model, &path, written);
            Vec::new()
        }
        Msg::OthersSeen(others) => {
            if store::others_seen(model, others) {
                vec![Effect::Draw]
            } else {
                Vec::new()
            }
        }
        Msg::HangUp => {
            queue::hang_up(model);
            Vec::new()
        }
    }
}
