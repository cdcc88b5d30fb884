//! The `bairi` binary: parse the command line, read the config, run a command.

use std::io::Write;

use clap::FromArgMatches;

use bairi::cli::dispatch::{self, Setup, Stdout};
use bairi::cli::{Cli, command, lang_in_args};
use bairi::i18n::Lang;
use bairi::sanitize::Terminal;

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

fn run(cli: Cli, help_lang: Lang, out: &mut Stdout, err: &mut dyn Write) -> i32 {
    match Setup::read(&cli, help_lang, err) {
        Ok(setup) => dispatch::run(cli, setup, out, err),
        Err(code) => code,
    }
}
