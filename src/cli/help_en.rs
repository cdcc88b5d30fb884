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
    // `mut_arg` puts the argument it changes last: every argument is taken in its order (a
    // no-op for those with help), or positional arguments would be read in another order.
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let en = ARGS.iter().find(|(k, _)| *k == id).map(|(_, en)| *en);
        cmd = cmd.mut_arg(id.as_str(), |a| match en {
            Some(en) if a.get_help().is_none() => a.help(en),
            _ => a,
        });
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
