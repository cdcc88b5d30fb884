//! The command line: `bairi [FILE]` and its subcommands.

pub mod check;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// 百日攻坚看板 — a terminal kanban board for hundred-day campaigns.
#[derive(Debug, Parser)]
#[command(name = "bairi", version, about)]
pub struct Cli {
    /// Interface language: zh or en (default: from the locale).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The campaign file to open on the board.
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a campaign file: every error and warning with its line and column.
    Check {
        file: PathBuf,
        /// Check as of this date (YYYY-MM-DD) instead of today in the campaign's zone.
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (use zh or en)"))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2026-09-01"))
}
