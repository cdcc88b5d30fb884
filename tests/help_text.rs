//! `--help` explains every argument of every command, in Chinese and in English: none is
//! listed bare (English positional arguments such as `<FILE>` and `<TASK>` used to be).

use bairi::cli::command;
use bairi::i18n::Lang;

/// Each argument with no help text, as `command: argument`, walking every subcommand.
fn bare(cmd: &clap::Command, path: &str, found: &mut Vec<String>) {
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        if arg.get_help().is_none() {
            found.push(format!("{path}: {}", arg.get_id()));
        }
    }
    for sub in cmd.get_subcommands() {
        bare(sub, &format!("{path} {}", sub.get_name()), found);
    }
}

#[test]
fn every_argument_is_explained_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut found = Vec::new();
        bare(&command(lang), "bairi", &mut found);
        assert!(found.is_empty(), "{lang:?}: no help for {found:#?}");
    }
}

#[test]
fn the_report_view_help_names_the_ledger_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut cmd = command(lang);
        let report = cmd.find_subcommand_mut("report").expect("report");
        let view = report
            .get_arguments()
            .find(|a| a.get_id() == "view")
            .expect("--view");
        let help = view.get_help().expect("help").to_string();
        assert!(help.contains("ledger"), "{lang:?}: {help}");
    }
}

/// Each command's positional arguments in the order they are read, `command: a b c`.
fn positionals(cmd: &clap::Command, path: &str, found: &mut Vec<String>) {
    let ids: Vec<String> = cmd
        .get_positionals()
        .map(|a| a.get_id().to_string())
        .collect();
    found.push(format!("{path}: {}", ids.join(" ")));
    for sub in cmd.get_subcommands() {
        positionals(sub, &format!("{path} {}", sub.get_name()), found);
    }
}

/// The command line is parsed with the localized command: giving help to an argument must
/// not move it (`bairi set FILE TASK FIELD VALUE` was read as `FIELD VALUE FILE TASK`).
#[test]
fn help_in_either_language_keeps_the_arguments_in_their_order() {
    use clap::CommandFactory;
    let mut plain = Vec::new();
    positionals(&bairi::cli::Cli::command(), "bairi", &mut plain);
    for lang in [Lang::Zh, Lang::En] {
        let mut found = Vec::new();
        positionals(&command(lang), "bairi", &mut found);
        assert_eq!(found, plain, "{lang:?}");
    }
}
