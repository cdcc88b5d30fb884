//! The campaign world: plain data and pure functions of (campaign, today). No I/O, no clock.

pub mod model;
pub mod status;
pub mod today;
pub mod zone;

pub use model::*;
pub use status::{Light, Status};
pub use today::Today;
pub use zone::Zone;

pub mod countdown;
pub mod filter;
pub mod follow_up;
pub mod history;
pub mod leaderboard;
pub mod ledger;
pub mod light;
pub mod lookup;
pub mod milestone;
pub mod names;
pub mod pledge;
pub mod reason;
pub mod task_facts;

#[cfg(test)]
pub(crate) mod test_support;
