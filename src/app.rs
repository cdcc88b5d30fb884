//! The interactive board: state, actions, keys and the loop that runs them.

pub mod action;
pub mod keymap;
pub mod model;
pub mod shell;
pub mod update;
