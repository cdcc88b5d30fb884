//! The interactive board: state, actions, keys and the loop that runs them.

pub mod action;
pub mod dates;
pub mod derived;
pub mod detail_doc;
pub mod detail_items;
pub mod draft;
pub mod effect;
pub mod export;
pub mod form;
pub mod hits;
pub mod input;
pub mod jump;
pub mod keymap;
pub mod lanes;
pub mod leaderboard_view;
pub mod ledger_view;
pub mod lookup;
pub mod message;
pub mod model;
pub mod modes;
pub mod mouse;
pub mod msg;
pub mod picker;
pub mod review;
pub mod sort;
pub mod standup;
pub mod state;
pub(crate) mod status_choices;
pub mod update;
pub mod verbs;
pub mod wall;
pub mod who;

/// What the model carries from sync (the header shows it): `ui` names it here, not in `sync`.
pub use crate::sync::status::Unsynced;
