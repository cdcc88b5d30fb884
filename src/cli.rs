//! The command line: `bairi [FILE]` and its subcommands.

pub mod board;
pub mod check;
pub mod edit;
pub mod report;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// 百日攻坚看板 — a terminal kanban board for hundred-day campaigns.
#[derive(Debug, Parser)]
#[command(name = "bairi", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Interface language: zh or en (default: from the locale).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The campaign file to open on the board.
    pub file: Option<PathBuf>,

    /// Pin "today" (YYYY-MM-DD) on the board, for demos and tests.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Read settings from this file instead of the standard config path.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
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
    /// Print the computed values: countdown, lights with reasons, leaderboards.
    Report {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: crate::report::Format,
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// Move a task to a status (English key or Chinese): the sign-off rules apply.
    Move {
        file: PathBuf,
        task: String,
        status: String,
        #[command(flatten)]
        stamp: Stamp,
    },
    /// Tick a milestone (1-based number or id); --undo unticks it.
    Tick {
        file: PathBuf,
        task: String,
        milestone: String,
        #[arg(long)]
        undo: bool,
        #[command(flatten)]
        stamp: Stamp,
    },
    /// Append a note to a task's log.
    Note {
        file: PathBuf,
        task: String,
        text: String,
        #[command(flatten)]
        stamp: Stamp,
    },
}

/// When and by whom an edit is recorded.
#[derive(Debug, clap::Args)]
pub struct Stamp {
    /// The date to record (YYYY-MM-DD); default today in the campaign's zone.
    #[arg(long, value_parser = parse_date)]
    pub today: Option<NaiveDate>,
    /// The person id to record as the author.
    #[arg(long)]
    pub by: Option<String>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (use zh or en)"))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2026-09-01"))
}
