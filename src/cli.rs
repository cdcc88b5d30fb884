//! The command line: `bairi [FILE]` and its subcommands.

pub(crate) mod add;
pub(crate) mod board;
pub(crate) mod check;
pub mod dispatch;
pub(crate) mod edit;
pub(crate) mod help_en;
pub(crate) mod help_zh;
pub(crate) mod merge_driver;
pub(crate) mod names;
pub mod new;
pub(crate) mod problem;
pub(crate) mod publish;
pub(crate) mod refs;
pub(crate) mod report;
pub(crate) mod restore;
pub(crate) mod set;
pub(crate) mod sync;

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
    pub(crate) lang: Option<Lang>,

    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// The campaign file to open on the board.
    pub(crate) file: Option<PathBuf>,

    /// Pin "today" (YYYY-MM-DD) on the board, for demos and tests.
    #[arg(long, value_parser = parse_date)]
    pub(crate) today: Option<NaiveDate>,

    /// Read settings from this file instead of the standard config path.
    #[arg(long, global = true)]
    pub(crate) config: Option<PathBuf>,

    /// No colour (as NO_COLOR does): selection and lights stay visible by reverse, bold, symbols.
    #[arg(long, global = true)]
    pub(crate) no_color: bool,

    /// Draw borders and symbols in ASCII, for fonts that show box-drawing characters double width.
    #[arg(long, global = true)]
    pub(crate) ascii: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
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
        /// json (the computed values), markdown, csv, text (the chat-group briefing; with
        /// --view, that view as numbered plain text) or xlsx (an Excel workbook, one sheet per
        /// view, or --view's only; needs --out).
        #[arg(long, value_enum, default_value = "json")]
        format: crate::report::Format,
        /// board, standup, leaderboard, weekly, summary or ledger (markdown and csv default to
        /// board; text without --view is the briefing; xlsx without --view has all six).
        #[arg(long, value_enum)]
        view: Option<crate::report::views::View>,
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// The leaderboard's checkpoint (default: the latest past one).
        #[arg(long)]
        checkpoint: Option<usize>,
        /// Write to this regular file instead of stdout (`-`: stdout); never the campaign or its
        /// backups. Required for xlsx.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Start CSV with a UTF-8 byte order mark, for Excel.
        #[arg(long)]
        bom: bool,
        /// Only the tasks every criterion given keeps.
        #[command(flatten)]
        only: crate::report::filter::Only,
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
    /// Record a pledge (承诺践诺) for a unit, or mark pledge N kept or broken at a review.
    Pledge {
        file: PathBuf,
        /// The unit that pledges (its id).
        #[arg(long, requires = "text", conflicts_with_all = ["kept", "broken"])]
        unit: Option<String>,
        /// What the unit pledges.
        #[arg(long, requires = "unit")]
        text: Option<String>,
        /// Due date (YYYY-MM-DD); default the next checkpoint.
        #[arg(long, value_parser = parse_date, requires = "unit")]
        due: Option<NaiveDate>,
        /// The task the pledge is about (its id).
        #[arg(long, requires = "unit")]
        task: Option<String>,
        /// Mark pledge N (from 1, in file order) kept.
        #[arg(long, conflicts_with = "broken")]
        kept: Option<usize>,
        /// Mark pledge N (from 1, in file order) broken.
        #[arg(long)]
        broken: Option<usize>,
        #[command(flatten)]
        stamp: Stamp,
    },
    /// Issue a follow-up order (督办) for a task: a problem of kind 督办 with the unit that must
    /// act, a fix-by date and the coordinator (--by).
    FollowUp {
        file: PathBuf,
        task: String,
        /// The unit that must act (its id); default the task's lead unit.
        #[arg(long)]
        unit: Option<String>,
        /// Fix-by date (YYYY-MM-DD); default the next checkpoint.
        #[arg(long, value_parser = parse_date)]
        due: Option<NaiveDate>,
        /// The order's text; default why the task is chased (red at checkpoints N, N+1, N+2).
        #[arg(long)]
        text: Option<String>,
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
    /// Log a problem on a task (问题清单); prints the new problem's id.
    Problem(problem::ProblemArgs),
    /// Resolve a problem with its result (成果清单).
    Resolve(problem::ResolveArgs),
    /// Set one field of a task: progress, priority, deadline, start, title, short, category,
    /// leader, lead_unit, owner, investment or target.
    Set(set::SetArgs),
    /// Add a task (start defaults to today); prints the new task's id.
    Add(add::AddArgs),
    /// Presentation mode for the hall screen: read-only, a big countdown, the leaderboard and
    /// the red list, cycling.
    Present {
        file: Option<PathBuf>,
        /// Seconds per page (default: the config's present_seconds).
        #[arg(long)]
        seconds: Option<u32>,
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// Freeze a checkpoint's leaderboard into [[reviews]] (default: the latest past one).
    Publish {
        file: PathBuf,
        /// The checkpoint number (default: the latest before today).
        #[arg(long)]
        checkpoint: Option<usize>,
        /// 竞赛 (biweekly contest) or 督评 (monthly review).
        #[arg(long, default_value = "竞赛")]
        kind: String,
        /// A note for the record.
        #[arg(long)]
        note: Option<String>,
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
        /// Who publishes it (a person's id or name; default the config's author).
        #[arg(long)]
        by: Option<String>,
    },
    /// List the timestamped copies of a campaign (newest first), or restore copy N.
    Restore { file: PathBuf, n: Option<usize> },
    /// Write a commented template campaign (day 1 is today) that passes `check`.
    New { file: PathBuf },
    /// Sync the campaign through git: commit here, fetch, merge by task, push (sets the repository up on first use).
    Sync {
        /// The campaign (default: every .toml in the repository of the current directory).
        file: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        today: Option<NaiveDate>,
    },
    /// Git's merge driver for campaigns (%O %A %B %P): merges by task and field into OURS.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        path: Option<PathBuf>,
    },
    /// Print a shell completion script: bash, zsh or fish.
    Completions { shell: clap_complete::Shell },
    /// Print the man page.
    Man,
}

/// When and by whom an edit is recorded.
#[derive(Debug, clap::Args)]
pub(crate) struct Stamp {
    /// The date to record (YYYY-MM-DD); default today in the campaign's zone.
    #[arg(long, value_parser = parse_date)]
    pub(crate) today: Option<NaiveDate>,
    /// The person id to record as the author.
    #[arg(long)]
    pub(crate) by: Option<String>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (use zh or en)"))
}

/// The exit codes, for `--help`.
pub(crate) fn exit_codes(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "退出码:0 成功;1 文件有错误或修改被拒绝;2 用法或配置错误。",
        Lang::En => {
            "Exit codes: 0 success; 1 errors in the file or a refused edit; 2 usage or config error."
        }
    }
}

/// The command line as clap sees it, with help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command().after_help(exit_codes(lang));
    match lang {
        Lang::En => help_en::fill(cmd),
        Lang::Zh => help_zh::localize(cmd),
    }
}

/// The language asked for on the command line (`--lang zh`, `--lang=en`), if any, so that
/// even `--help` can speak it.
pub fn lang_in_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--lang" {
            return iter.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2026-09-01"))
}
