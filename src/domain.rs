//! The campaign world: plain data and pure functions of (campaign, today). No I/O, no clock.

pub(crate) mod model;
pub(crate) mod status;
pub(crate) mod today;
pub(crate) mod zone;

pub use model::*;
pub use status::{Light, Status};
pub use today::Today;
pub(crate) use zone::Zone;

pub mod countdown;
pub(crate) mod filter;
pub mod follow_up;
pub mod history;
pub mod leaderboard;
pub(crate) mod ledger;
pub mod light;
pub(crate) mod lookup;
pub(crate) mod milestone;
pub(crate) mod names;
pub(crate) mod pledge;
pub(crate) mod reason;
pub(crate) mod task_facts;

#[cfg(test)]
pub(crate) mod test_support;
