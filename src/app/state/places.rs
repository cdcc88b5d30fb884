//! Where the user is in the views that keep a place (the leaderboard, the ledger), and what
//! the mouse holds still.

use std::time::Instant;

use crate::app::hits::Spot;
use crate::domain::ledger::LedgerOrder;

/// Where the user is in the leaderboard view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeaderboardState {
    /// Index into `leaderboard_view::moments`; `None` = the default.
    pub(crate) pick: Option<usize>,
    pub unit: usize,
    /// Show the selected unit's red tasks.
    pub open: bool,
    /// Lines the open list of red tasks is scrolled by (PgDn / PgUp), past what the
    /// selection shows by itself.
    pub scroll: usize,
}

/// Where the user is in the ledger (台账): the selected row and the order of the rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LedgerView {
    /// The selected row: pledges first, then orders.
    pub(crate) row: usize,
    pub(crate) order: LedgerOrder,
}

/// Something held still under the mouse after a click: it stays placed for `anchor` while
/// `clicked` is still what is chosen, and follows the keys again once that moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hold {
    pub(crate) anchor: usize,
    pub(crate) clicked: usize,
}

impl Hold {
    /// Where it stays placed for, while `chosen` is still the place clicked.
    pub(crate) fn anchor_while(self, chosen: usize) -> Option<usize> {
        (self.clicked == chosen).then_some(self.anchor)
    }
}

/// The last click, to tell a double click (by the events' arrival): where, the task it was
/// on (a card's place may hold another task by the second click), and when.
#[derive(Debug, Clone, Default)]
pub struct Clicks {
    pub(in crate::app) last: Option<(Spot, Option<String>, Instant)>,
}
