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

/// mimalloc serves every allocation, the binary's and the benches' alike: a merging save at
/// 10,000 tasks takes about half the time it does with glibc's allocator (README,
/// "Performance", where the peak memory of each allocator is compared too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
