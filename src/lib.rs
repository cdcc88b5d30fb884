//! bairi (百日): a terminal kanban board for hundred-day campaigns.

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod report;
pub mod sanitize;
pub mod shell;
pub mod store;
pub mod sync;
pub mod synth;
pub mod term;
pub mod ui;
