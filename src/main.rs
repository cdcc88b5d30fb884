//! The `bairi` binary: parse the command line, read the config, run a command.

use std::io::Write;

use clap::Parser;

use bairi::cli::board::{self, BoardOptions};
use bairi::cli::check::print_all;
use bairi::cli::edit::{self, Edit};
use bairi::cli::{Cli, Command, check, report};
use bairi::config;
use bairi::i18n::Lang;

fn main() {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let config_path = cli.config.clone().or_else(config::default_path);
    let (config, warnings) = match config_path.as_deref().map(config::load) {
        Some(Ok(loaded)) => loaded,
        Some(Err(errors)) => {
            let lang = cli.lang.unwrap_or_else(Lang::from_env);
            let name = config_path
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            print_all(&errors, &name, lang, &mut err);
            std::process::exit(2);
        }
        None => (config::Config::default(), Vec::new()),
    };
    let lang = cli.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    if !warnings.is_empty() {
        let name = config_path
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        print_all(&warnings, &name, lang, &mut err);
    }
    let code = match cli.command {
        Some(Command::Check { file, today }) => check::run(&file, today, lang, &mut out, &mut err),
        Some(Command::Report {
            file,
            format,
            today,
        }) => report::run(&file, format, today, lang, &mut out, &mut err),
        Some(Command::Move {
            file,
            task,
            status,
            stamp,
        }) => {
            let by = stamp.by.or_else(|| config.author.clone());
            edit::run(
                &file,
                Edit::Move { task, status },
                stamp.today,
                by,
                lang,
                &mut out,
                &mut err,
            )
        }
        Some(Command::Tick {
            file,
            task,
            milestone,
            undo,
            stamp,
        }) => {
            let by = stamp.by.or_else(|| config.author.clone());
            edit::run(
                &file,
                Edit::Tick {
                    task,
                    milestone,
                    undo,
                },
                stamp.today,
                by,
                lang,
                &mut out,
                &mut err,
            )
        }
        Some(Command::Note {
            file,
            task,
            text,
            stamp,
        }) => {
            let by = stamp.by.or_else(|| config.author.clone());
            edit::run(
                &file,
                Edit::Note { task, text },
                stamp.today,
                by,
                lang,
                &mut out,
                &mut err,
            )
        }
        None => {
            let options = BoardOptions {
                file: cli.file,
                today: cli.today,
                lang,
                config,
            };
            board::run(options, &mut err)
        }
    };
    let _ = out.flush();
    std::process::exit(code);
}
