//! The interactive board: state, actions, keys and the loop that runs them.

pub mod action;
pub(crate) mod dates;
pub(crate) mod derived;
pub mod detail_doc;
pub mod detail_items;
pub(crate) mod draft;
pub(crate) mod effect;
pub(crate) mod export;
pub mod form;
pub mod hits;
pub(crate) mod input;
pub mod jump;
pub mod keymap;
pub mod lanes;
pub mod leaderboard_view;
pub(crate) mod ledger_view;
pub(crate) mod lookup;
pub(crate) mod message;
pub mod model;
pub(crate) mod modes;
pub mod mouse;
pub mod msg;
pub mod picker;
pub mod review;
pub mod sort;
pub(crate) mod standup;
pub(crate) mod state;
pub(crate) mod status_choices;
pub mod update;
pub mod verbs;
pub(crate) mod wall;
pub(crate) mod who;

/// What the model carries from sync (the header shows it): `ui` names it here, not in `sync`.
pub(crate) use crate::sync::status::Unsynced;
