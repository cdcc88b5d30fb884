//! The `bairi` binary: parse the command line, read the config, run a command.

use std::io::Write;

use clap::FromArgMatches;

use bairi::app::keymap::Keymap;
use bairi::cli::board::{self, BoardOptions};
use bairi::cli::check::print_all;
use bairi::cli::edit::{self, Edit, EditStamp};
use bairi::cli::{Cli, Command, check, command, lang_in_args, new, report};
use bairi::clock::{Clock, NOW_VAR};
use bairi::config::{self, Config};
use bairi::domain::Today;
use bairi::i18n::Lang;
use bairi::sanitize::Terminal;
use bairi::ui::theme::{Palette, Theme};

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = lang_in_args(&args).unwrap_or_else(Lang::from_env);
    let matches = command(help_lang).get_matches_from(&args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Every message goes through one sanitiser on its way to the terminal (file names and
    // arguments echoed included); report bodies and generated scripts pass as written.
    let mut out = Terminal::new(std::io::stdout().lock());
    let mut err = Terminal::new(std::io::stderr().lock());
    let code = run(cli, help_lang, &mut out, &mut err);
    let _ = out.flush();
    let _ = err.flush();
    std::process::exit(code);
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

type Stdout = Terminal<std::io::StdoutLock<'static>>;

fn run(cli: Cli, help_lang: Lang, out: &mut Stdout, err: &mut dyn Write) -> i32 {
    let config_path = cli.config.clone().or_else(config::default_path);
    let name = config_path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let (config, warnings) = match config_path.as_deref().map(config::load) {
        Some(Ok(loaded)) => loaded,
        Some(Err(errors)) => {
            print_all(&errors, &name, cli.lang.unwrap_or(help_lang), err);
            return 2;
        }
        None => (Config::default(), Vec::new()),
    };
    let lang = cli.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    print_all(&warnings, &name, lang, err);
    let clock = match Clock::from_env() {
        Ok(clock) => clock,
        Err(value) => {
            let value = bairi::sanitize::inert(&value);
            let text = bairi::tr!(
                "{NOW_VAR}={value} 不是 RFC 3339 时刻(例如 2026-11-22T08:00:00+08:00);请改正或删除它",
                "{NOW_VAR}={value} is not an RFC 3339 instant (e.g. 2026-11-22T08:00:00+08:00); fix or unset it"
            );
            let _ = writeln!(err, "{}", text.get(lang));
            return 2;
        }
    };
    let now = clock.now();
    let today = |date| Today::pinned_or(date, now);
    let backups = config.backups;
    let author = config.author.clone();
    let stamped = |stamp: bairi::cli::Stamp| EditStamp {
        today: today(stamp.today),
        clock,
        by: stamp.by.or_else(|| author.clone()),
        backups,
    };
    let no_color = cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let palette = if no_color {
        Palette::Mono
    } else {
        config.theme
    };
    let theme = Theme::new(palette, cli.ascii || config.ascii);
    match cli.command {
        Some(Command::Check { file, today: date }) => {
            check::run(&file, today(date), lang, out, err)
        }
        Some(Command::Report {
            file,
            format,
            view,
            today: date,
            checkpoint,
            out: path,
            bom,
            only,
        }) => {
            let options = report::ReportOptions {
                format,
                view,
                today: today(date),
                checkpoint,
                out: path,
                bom,
                only,
            };
            report::run(&file, options, lang, out, err)
        }
        Some(Command::Move {
            file,
            task,
            status,
            stamp,
        }) => edit::run(
            &file,
            Edit::Move { task, status },
            stamped(stamp),
            lang,
            out,
            err,
        ),
        Some(Command::Tick {
            file,
            task,
            milestone,
            undo,
            stamp,
        }) => {
            let edit = Edit::Tick {
                task,
                milestone,
                undo,
            };
            edit::run(&file, edit, stamped(stamp), lang, out, err)
        }
        Some(Command::Note {
            file,
            task,
            text,
            stamp,
        }) => edit::run(
            &file,
            Edit::Note { task, text },
            stamped(stamp),
            lang,
            out,
            err,
        ),
        Some(Command::Pledge {
            file,
            unit,
            text,
            due,
            task,
            kept,
            broken,
            stamp,
        }) => {
            let edit = match (kept, broken, unit) {
                (Some(n), _, _) => Edit::CheckPledge { n, kept: true },
                (_, Some(n), _) => Edit::CheckPledge { n, kept: false },
                (None, None, Some(unit)) => Edit::Pledge(bairi::store::edit::pledge::NewPledge {
                    unit,
                    text: text.unwrap_or_default(),
                    due,
                    task,
                    by: None,
                }),
                (None, None, None) => {
                    let text = bairi::i18n::Text::new(
                        "请给出 --unit 和 --text,或 --kept N / --broken N",
                        "give --unit and --text, or --kept N / --broken N",
                    );
                    let _ = writeln!(err, "{}", text.get(lang));
                    return 2;
                }
            };
            edit::run(&file, edit, stamped(stamp), lang, out, err)
        }
        Some(Command::FollowUp {
            file,
            task,
            unit,
            due,
            text,
            stamp,
        }) => edit::run(
            &file,
            Edit::FollowUp {
                task,
                unit,
                due,
                text,
            },
            stamped(stamp),
            lang,
            out,
            err,
        ),
        Some(Command::Problem(args)) => {
            let edit = Edit::Problem {
                task: args.task.clone(),
                problem: args.problem(),
            };
            edit::run(&args.file, edit, stamped(args.stamp), lang, out, err)
        }
        Some(Command::Resolve(args)) => {
            let (problem, result) = (args.problem, args.result);
            let edit = Edit::Resolve { problem, result };
            edit::run(&args.file, edit, stamped(args.stamp), lang, out, err)
        }
        Some(Command::Set(args)) => {
            let (task, field, value) = (args.task, args.field, args.value);
            let edit = Edit::Set { task, field, value };
            edit::run(&args.file, edit, stamped(args.stamp), lang, out, err)
        }
        Some(Command::Add(args)) => {
            let edit = Edit::Add(args.new_task());
            edit::run(&args.file, edit, stamped(args.stamp), lang, out, err)
        }
        Some(Command::Publish {
            file,
            checkpoint,
            kind,
            note,
            today: date,
            by,
        }) => {
            let options = bairi::cli::publish::PublishOptions {
                checkpoint,
                today: today(date),
                kind,
                note,
                by: by.or_else(|| author.clone()),
            };
            bairi::cli::publish::run(&file, options, lang, out, err)
        }
        Some(Command::Restore { file, n }) => {
            bairi::cli::restore::run(&file, n, config.backups, clock, lang, out, err)
        }
        Some(Command::Sync { file, today: date }) => {
            bairi::cli::sync::run(file.as_deref(), today(date), lang, out, err)
        }
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        }) => {
            let files = bairi::cli::merge_driver::DriverFiles {
                base: &base,
                ours: &ours,
                theirs: &theirs,
                path: path.as_deref(),
            };
            bairi::cli::merge_driver::run(&files, now, lang, err)
        }
        Some(Command::New { file }) => new::run(&file, Today::At(now), lang, out, err),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(lang), "bairi", &mut script);
            emit(&script, out.raw(), err)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(command(lang)).render(&mut page) {
                Ok(()) => emit(&page, out.raw(), err),
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    1
                }
            }
        }
        None => {
            let keymap = match Keymap::with_overrides(&config.keys) {
                Ok(keymap) => keymap,
                Err(conflicts) => {
                    for c in conflicts {
                        let _ = writeln!(err, "{name}: {}", c.message.get(lang));
                    }
                    return 2;
                }
            };
            let options = BoardOptions {
                file: cli.file,
                today: cli.today,
                lang,
                config,
                keymap,
                theme,
                present: None,
                clock,
                config_path: config_path.clone(),
            };
            board::run(options, err)
        }
        Some(Command::Present {
            file,
            seconds,
            today,
        }) => {
            let present = Some(seconds.unwrap_or(config.present_seconds).max(1));
            let options = BoardOptions {
                file,
                today,
                lang,
                config,
                keymap: Keymap::default(),
                theme,
                present,
                clock,
                config_path: config_path.clone(),
            };
            board::run(options, err)
        }
    }
}
