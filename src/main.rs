//! The `bairi` binary: parse the command line and run.

use clap::Parser;

use bairi::cli::{Cli, Command, check};
use bairi::i18n::Lang;

fn main() {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = match cli.command {
        Some(Command::Check { file, today }) => check::run(&file, today, lang, &mut out, &mut err),
        None => {
            eprintln!("the board is not built yet");
            2
        }
    };
    std::process::exit(code);
}
