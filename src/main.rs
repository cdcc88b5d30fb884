//! The `bairi` binary: parse the command line, read the config, run a command.

use std::io::Write;

use chrono::Utc;
use clap::FromArgMatches;

use bairi::app::keymap::Keymap;
use bairi::cli::board::{self, BoardOptions};
use bairi::cli::check::print_all;
use bairi::cli::edit::{self, Edit, EditStamp};
use bairi::cli::{Cli, Command, check, command, lang_in_args, new, report};
use bairi::config::{self, Config};
use bairi::i18n::Lang;
use bairi::ui::theme::{Palette, Theme};

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let help_lang = lang_in_args(&args).unwrap_or_else(Lang::from_env);
    let matches = command(help_lang).get_matches_from(&args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = run(cli, help_lang, &mut out, &mut err);
    let _ = out.flush();
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

fn run(cli: Cli, help_lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
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
    let by = |stamp_by: Option<String>| stamp_by.or_else(|| config.author.clone());
    match cli.command {
        Some(Command::Check { file, today }) => check::run(&file, today, lang, out, err),
        Some(Command::Report {
            file,
            format,
            view,
            today,
            checkpoint,
            out: path,
            bom,
        }) => {
            let options = report::ReportOptions {
                format,
                view,
                today,
                checkpoint,
                out: path,
                bom,
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
            EditStamp {
                today: stamp.today,
                by: by(stamp.by),
                backups: config.backups,
            },
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
            edit::run(
                &file,
                edit,
                EditStamp {
                    today: stamp.today,
                    by: by(stamp.by),
                    backups: config.backups,
                },
                lang,
                out,
                err,
            )
        }
        Some(Command::Note {
            file,
            task,
            text,
            stamp,
        }) => edit::run(
            &file,
            Edit::Note { task, text },
            EditStamp {
                today: stamp.today,
                by: by(stamp.by),
                backups: config.backups,
            },
            lang,
            out,
            err,
        ),
        Some(Command::Publish {
            file,
            checkpoint,
            kind,
            note,
            today,
        }) => {
            let options = bairi::cli::publish::PublishOptions {
                checkpoint,
                today,
                kind,
                note,
            };
            bairi::cli::publish::run(&file, options, lang, out, err)
        }
        Some(Command::Restore { file, n }) => {
            bairi::cli::restore::run(&file, n, config.backups, lang, out, err)
        }
        Some(Command::New { file }) => new::run(&file, Utc::now().date_naive(), lang, out, err),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command(lang), "bairi", &mut script);
            emit(&script, out, err)
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(command(lang)).render(&mut page) {
                Ok(()) => emit(&page, out, err),
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
            let no_color =
                cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let palette = if no_color {
                Palette::Mono
            } else {
                config.theme
            };
            let theme = Theme::new(palette, cli.ascii || config.ascii);
            let options = BoardOptions {
                file: cli.file,
                today: cli.today,
                lang,
                config,
                keymap,
                theme,
                present: None,
            };
            board::run(options, err)
        }
        Some(Command::Present {
            file,
            seconds,
            today,
        }) => {
            let no_color =
                cli.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let palette = if no_color {
                Palette::Mono
            } else {
                config.theme
            };
            let theme = Theme::new(palette, cli.ascii || config.ascii);
            let present = Some(seconds.unwrap_or(config.present_seconds).max(1));
            let options = BoardOptions {
                file,
                today,
                lang,
                config,
                keymap: Keymap::default(),
                theme,
                present,
            };
            board::run(options, err)
        }
    }
}
