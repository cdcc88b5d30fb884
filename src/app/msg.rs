//! `Msg`: everything that happens to the board — a key, a click, a tick of the clock, a
//! save or a sync come back — as data, for `update` to apply.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use crossterm::event::{KeyEvent, MouseEvent};

use super::action::Action;
use super::hits::HitMap;
use crate::i18n::Text;
use crate::store::file::{CampaignFile, Noticed, SaveError, WatchPoint};
use crate::sync::round::{Outcome, SyncError};
use crate::sync::status::Unsynced;

/// One thing that happened. The shell turns terminal events and the store worker's outcomes
/// into these; tests send them directly.
pub enum Msg {
    /// A key press (read against the keymap and what is open).
    Key(KeyEvent),
    /// Pasted text (or an input method's), typed whole into the open form or list.
    Paste(String),
    /// A mouse event, and when it arrived (two clicks close together open).
    Mouse(MouseEvent, Instant),
    /// The terminal changed size.
    Resize,
    /// The clock: a second went by; `today` in the campaign's zone (ignored when pinned).
    Tick(NaiveDate),
    /// A frame was drawn: where things are on it, for the mouse.
    Drawn(HitMap),
    /// An action already decided (a test, a script): applied at once, as it is.
    Action(Action),
    /// A save came back: the copy after it, merged and clean when `result` is `Ok`.
    Saved {
        file: Box<CampaignFile>,
        result: Result<(), SaveError>,
        /// What waits to be synced after it (only when asked for).
        unsynced: Option<Unsynced>,
    },
    /// The save asked for could not be handed to the store worker (it is gone).
    SaveNotSent,
    /// A look at the disk came back.
    Watched { point: WatchPoint, noticed: Noticed },
    /// What waits to be synced (asked of git when the board opens).
    SyncStatus(Option<Unsynced>),
    /// A sync came back, with what still waits afterwards.
    Synced {
        result: Result<Outcome, SyncError>,
        unsynced: Option<Unsynced>,
    },
    /// A setting was written to the config file (`Ok`: where), or not (why).
    SettingSaved {
        key: &'static str,
        value: String,
        written: Result<String, Text>,
    },
    /// A report was written to `path`, or not (why).
    Exported {
        path: PathBuf,
        written: Result<(), String>,
    },
    /// Who else has the board open, as presence last saw it.
    OthersSeen(Vec<String>),
    /// The terminal is gone and the save in flight will not be seen to come back: input
    /// that waited for it is applied now (its saves are left to the shell's last save).
    HangUp,
}
