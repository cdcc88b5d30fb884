//! bairi (百日): a terminal kanban board for hundred-day campaigns.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod report;
pub mod sanitize;
pub mod store;
pub mod sync;
pub mod synth;
pub mod term;
pub mod ui;
