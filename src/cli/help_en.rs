//! The command line's help in English for the arguments the derive leaves bare (positional
//! ones shared by many commands), so `--help` explains every argument in both languages.

use clap::Command;

/// English help by argument id, used only where the argument has none of its own.
const ARGS: &[(&str, &str)] = &[
    ("file", "The campaign file"),
    ("task", "The task's id (or its name)"),
    (
        "status",
        "The status: its English key or Chinese word (未启动 推进中 受阻 待销号 已销号)",
    ),
    ("milestone", "The milestone: its number (from 1) or its id"),
    ("undo", "Untick the milestone instead"),
    ("shell", "The shell: bash, zsh or fish"),
    ("n", "The number of the copy to restore (see the list)"),
    ("text", "The text (a note, pledge, order or problem)"),
    (
        "today",
        "Take this date (YYYY-MM-DD) as today; default today in the campaign's zone",
    ),
    ("base", "The common ancestor's version (git's %O)"),
    (
        "ours",
        "Our version, and where the merge is written (git's %A)",
    ),
    ("theirs", "Their version (git's %B)"),
    ("path", "The file's path in the repository (git's %P)"),
];

/// `cmd` and its subcommands with every bare argument given its English help.
pub(crate) fn fill(mut cmd: Command) -> Command {
    let bare: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.get_help().is_none())
        .map(|a| a.get_id().to_string())
        .collect();
    for id in bare {
        if let Some((_, en)) = ARGS.iter().find(|(k, _)| *k == id) {
            cmd = cmd.mut_arg(id.as_str(), |a| a.help(*en));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, fill);
    }
    cmd
}
