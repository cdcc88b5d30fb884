//! What the binary runs once the command line is parsed: the settings every command shares
//! (config, language, clock, theme), then one function per group of commands.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use super::board::{self, BoardOptions};
use super::check::print_all;
use super::edit::{self, Edit, EditStamp};
use super::{Cli, Command, Stamp, check, command, new, report};
use crate::app::keymap::Keymap;
use crate::clock::{Clock, NOW_VAR};
use crate::config::{self, Config};
use crate::domain::Today;
use crate::i18n::{Lang, Text};
use crate::sanitize::Terminal;
use crate::ui::theme::{Palette, Theme};

/// Standard output, every message through the sanitiser.
pub type Stdout = Terminal<std::io::StdoutLock<'static>>;

/// What every command shares: the config read, the language, the clock, the theme.
pub struct Setup {
    pub(crate) config: Config,
    /// The config file (settings chosen on the board are written there), and its name.
    pub(crate) config_path: Option<PathBuf>,
    pub(crate) config_name: String,
    pub(crate) lang: Lang,
    pub(crate) clock: Clock,
    pub(crate) now: DateTime<Utc>,
    pub(crate) theme: Theme,
}

impl Setup {
    /// Reads the config (its warnings printed) and the clock; the exit code when either is
    /// wrong.
    pub fn read(cli: &Cli, help_lang: Lang, err: &mut dyn Write) -> Result<Setup, i32> {
        let config_path = cli.config.clone().or_else(config::default_path);
        let config_name = config_path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let (config, warnings) = match config_path.as_deref().map(config::load) {
            Some(Ok(loaded)) => loaded,
            Some(Err(errors)) => {
                print_all(&errors, &config_name, cli.lang.unwrap_or(help_lang), err);
                return Err(2);
            }
            None => (Config::default(), Vec::new()),
        };
        let lang = cli.lang.or(config.lang).unwrap_or_else(Lang::from_env);
        print_all(&warnings, &config_name, lang, err);
        let clock = match Clock::from_env() {
            Ok(clock) => clock,
            Err(value) => {
                let value = crate::sanitize::inert(&value);
                let text = crate::tr!(
                    "{NOW_VAR}={value} 不是 RFC 3339 时刻(例如 2026-11-22T08:00:00+08:00);请改正或删除它",
                    "{NOW_VAR}={value} is not an RFC 3339 instant (e.g. 2026-11-22T08:00:00+08:00); fix or unset it"
                );
                let _ = writeln!(err, "{}", text.get(lang));
                return Err(2);
            }
        };
        let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let palette = if no_color {
            Palette::Mono
        } else {
            config.theme
        };
        let theme = Theme::new(palette, cli.ascii || config.ascii);
        Ok(Setup {
            config,
            config_path,
            config_name,
            lang,
            now: clock.now(),
            clock,
            theme,
        })
    }

    /// "Today": the date given, else the clock's.
    fn today(&self, date: Option<NaiveDate>) -> Today {
        Today::pinned_or(date, self.now)
    }

    /// When and by whom an edit is recorded: `--by`, else the config's author.
    fn stamped(&self, stamp: Stamp) -> EditStamp {
        EditStamp {
            today: self.today(stamp.today),
            clock: self.clock,
            by: stamp.by.or_else(|| self.config.author.clone()),
            backups: self.config.backups,
        }
    }
}

/// Runs the command (the board when there is none); returns the exit code.
pub fn run(cli: Cli, setup: Setup, out: &mut Stdout, err: &mut dyn Write) -> i32 {
    let lang = setup.lang;
    match cli.command {
        None => open_board(setup, cli.file, cli.today, err),
        Some(Command::Present {
            file,
            seconds,
            today,
        }) => present(setup, file, today, seconds, err),
        Some(command) => match an_edit(command) {
            Asked::Edit(file, edit, stamp) => {
                edit::run(&file, edit, setup.stamped(stamp), lang, out, err)
            }
            Asked::Refused(text) => {
                let _ = writeln!(err, "{}", text.get(lang));
                2
            }
            Asked::Other(command) => other(command, &setup, out, err),
        },
    }
}

/// `bairi [FILE]`: the board, with the keys as the config sets them.
fn open_board(
    setup: Setup,
    file: Option<PathBuf>,
    today: Option<NaiveDate>,
    err: &mut dyn Write,
) -> i32 {
    let keymap = match Keymap::with_overrides(&setup.config.keys) {
        Ok(keymap) => keymap,
        Err(conflicts) => {
            for c in conflicts {
                let name = &setup.config_name;
                let _ = writeln!(err, "{name}: {}", c.message.get(setup.lang));
            }
            return 2;
        }
    };
    let options = BoardOptions {
        file,
        today,
        lang: setup.lang,
        config: setup.config,
        keymap,
        theme: setup.theme,
        present: None,
        clock: setup.clock,
        config_path: setup.config_path,
    };
    board::run(options, err)
}

/// `bairi present`: the board turning its pages, with the standard keys.
fn present(
    setup: Setup,
    file: Option<PathBuf>,
    today: Option<NaiveDate>,
    seconds: Option<u32>,
    err: &mut dyn Write,
) -> i32 {
    let present = Some(seconds.unwrap_or(setup.config.present_seconds).max(1));
    let options = BoardOptions {
        file,
        today,
        lang: setup.lang,
        config: setup.config,
        keymap: Keymap::default(),
        theme: setup.theme,
        present,
        clock: setup.clock,
        config_path: setup.config_path,
    };
    board::run(options, err)
}

/// A command read as one edit of a file, or why not, or a command that is not an edit.
enum Asked {
    Edit(PathBuf, Edit, Stamp),
    Refused(Text),
    Other(Command),
}

/// `move | tick | note | pledge | follow-up | problem | resolve | set | add` as the edit each
/// makes.
fn an_edit(command: Command) -> Asked {
    match command {
        Command::Move {
            file,
            task,
            status,
            stamp,
        } => Asked::Edit(file, Edit::Move { task, status }, stamp),
        Command::Tick {
            file,
            task,
            milestone,
            undo,
            stamp,
        } => {
            let edit = Edit::Tick {
                task,
                milestone,
                undo,
            };
            Asked::Edit(file, edit, stamp)
        }
        Command::Note {
            file,
            task,
            text,
            stamp,
        } => Asked::Edit(file, Edit::Note { task, text }, stamp),
        Command::Pledge {
            file,
            unit,
            text,
            due,
            task,
            kept,
            broken,
            stamp,
        } => match (kept, broken, unit) {
            (Some(n), _, _) => Asked::Edit(file, Edit::CheckPledge { n, kept: true }, stamp),
            (_, Some(n), _) => Asked::Edit(file, Edit::CheckPledge { n, kept: false }, stamp),
            (None, None, Some(unit)) => {
                let pledge = crate::store::edit::pledge::NewPledge {
                    unit,
                    text: text.unwrap_or_default(),
                    due,
                    task,
                    by: None,
                };
                Asked::Edit(file, Edit::Pledge(pledge), stamp)
            }
            (None, None, None) => Asked::Refused(Text::new(
                "请给出 --unit 和 --text,或 --kept N / --broken N",
                "give --unit and --text, or --kept N / --broken N",
            )),
        },
        Command::FollowUp {
            file,
            task,
            unit,
            due,
            text,
            stamp,
        } => {
            let edit = Edit::FollowUp {
                task,
                unit,
                due,
                text,
            };
            Asked::Edit(file, edit, stamp)
        }
        other => records(other),
    }
}

/// `problem | resolve | set | add`, the edits with arguments of their own.
fn records(command: Command) -> Asked {
    match command {
        Command::Problem(args) => {
            let edit = Edit::Problem {
                task: args.task.clone(),
                problem: args.problem(),
            };
            Asked::Edit(args.file, edit, args.stamp)
        }
        Command::Resolve(args) => {
            let (problem, result) = (args.problem, args.result);
            Asked::Edit(args.file, Edit::Resolve { problem, result }, args.stamp)
        }
        Command::Set(args) => {
            let (task, field, value) = (args.task, args.field, args.value);
            Asked::Edit(args.file, Edit::Set { task, field, value }, args.stamp)
        }
        Command::Add(args) => {
            let edit = Edit::Add(args.new_task());
            Asked::Edit(args.file, edit, args.stamp)
        }
        other => Asked::Other(other),
    }
}

/// The commands that read a file, publish, restore, sync, or print what the shell needs.
fn other(asked: Command, setup: &Setup, out: &mut Stdout, err: &mut dyn Write) -> i32 {
    let lang = setup.lang;
    match asked {
        Command::Check { file, today: date } => {
            check::run(&file, setup.today(date), lang, out, err)
        }
        Command::Report {
            file,
            format,
            view,
            today: date,
            checkpoint,
            out: path,
            bom,
            only,
        } => {
            let options = report::ReportOptions {
                format,
                view,
                today: setup.today(date),
                checkpoint,
                out: path,
                bom,
                only,
            };
            report::run(&file, options, lang, out, err)
        }
        Command::Publish {
            file,
            checkpoint,
            kind,
            note,
            today: date,
            by,
        } => {
            let options = super::publish::PublishOptions {
                checkpoint,
                today: setup.today(date),
                kind,
                note,
                by: by.or_else(|| setup.config.author.clone()),
            };
            super::publish::run(&file, options, lang, out, err)
        }
        Command::Restore { file, n } => {
            super::restore::run(&file, n, setup.config.backups, setup.clock, lang, out, err)
        }
        Command::Sync { file, today: date } => {
            super::sync::run(file.as_deref(), setup.today(date), lang, out, err)
        }
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => {
            let files = super::merge_driver::DriverFiles {
                base: &base,
                ours: &ours,
                theirs: &theirs,
                path: path.as_deref(),
            };
            super::merge_driver::run(&files, setup.now, lang, err)
        }
        Command::New { file } => new::run(&file, Today::At(setup.now), lang, out, err),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(lang), "bairi", &mut script);
            emit(&script, out.raw(), err)
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(command(lang)).render(&mut page) {
                Ok(()) => emit(&page, out.raw(), err),
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    1
                }
            }
        }
        // Run before they come here.
        Command::Present { .. }
        | Command::Move { .. }
        | Command::Tick { .. }
        | Command::Note { .. }
        | Command::Pledge { .. }
        | Command::FollowUp { .. }
        | Command::Problem(_)
        | Command::Resolve(_)
        | Command::Set(_)
        | Command::Add(_) => 2,
    }
}

/// Writes data to stdout; a reader that went away (`| head`) is not an error.
fn emit(bytes: &[u8], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
