//! What the board keeps about input besides the screen: the keys, the mouse's last frame,
//! and input waiting for the save in flight (`update::queue` reads and fills it).

use std::collections::VecDeque;

use super::places::Clicks;
use crate::app::effect::Effect;
use crate::app::hits::HitMap;
use crate::app::keymap::Keymap;
use crate::app::msg::Msg;

/// What the board keeps about input besides the screen: the keys, the last frame's targets
/// and clicks for the mouse, and what waits for the save in flight.
#[derive(Default)]
pub struct Inbox {
    /// What each key means.
    pub(in crate::app) keymap: Keymap,
    /// Terminal input (`Key`, `Paste`, `Resize`) that arrived while a save was in flight and
    /// would edit: kept in order, and read (against the model as it then is) once it is back.
    pub(in crate::app) waiting: VecDeque<Msg>,
    /// Effects that follow the save in flight (a quit after "save and quit"); dropped if it
    /// fails.
    pub(in crate::app) after_save: Vec<Effect>,
    /// Where things were on the last frame drawn.
    pub(in crate::app) hits: HitMap,
    /// The last click, to tell a double click.
    pub(in crate::app) clicks: Clicks,
}

impl Inbox {
    /// How many inputs wait for the save in flight.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }
}
