//! What a sync reads from the repository: the branch, the campaign's path in it, which
//! campaign files changed between two revisions and the summary of those changes.

use std::path::Path;

use super::super::git::Git;
use super::super::summary::changes;
use super::ending::SyncError;
use crate::i18n::Text;
use crate::store::load::Today;

/// The files' names as shown: joined, made safe for a terminal.
pub(super) fn shown(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| crate::sanitize::inert(&p.display().to_string()))
        .collect()
}

/// The campaign's path from the top of the repository, with `/`.
pub(super) fn relative(git: &Git, file: &Path) -> Result<String, SyncError> {
    let full = std::fs::canonicalize(file).map_err(|e| SyncError::Git(e.to_string()))?;
    let top = std::fs::canonicalize(&git.top).map_err(|e| SyncError::Git(e.to_string()))?;
    let rel = full
        .strip_prefix(&top)
        .map_err(|_| SyncError::NotARepo(file.display().to_string()))?;
    Ok(rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}

/// The campaign files changed between two revisions (`to` `None`: the index; `from` `None`:
/// the index against nothing, before the first commit).
pub(super) fn changed_tomls(
    git: &Git,
    files: &[String],
    from: Option<&str>,
    to: Option<&str>,
) -> Vec<String> {
    let mut args = vec!["diff", "--name-only"];
    args.extend(from);
    match to {
        Some(to) => args.push(to),
        None => args.push("--cached"),
    }
    args.push("--");
    let names = git.run(&args).unwrap_or_default();
    names
        .lines()
        .filter(|n| files.iter().any(|f| f == n) || (files.is_empty() && n.ends_with(".toml")))
        .map(str::to_owned)
        .collect()
}

/// The summary of what changed in `names` from `from` to `to` (`None`: the working tree).
pub(super) fn summarise(
    git: &Git,
    names: &[String],
    from: &str,
    to: Option<&str>,
    today: Today,
) -> Vec<Text> {
    let mut parts = Vec::new();
    for name in names {
        let old = git.show(from, name);
        let new = match to {
            Some(rev) => git.show(rev, name),
            None => std::fs::read_to_string(git.top.join(name)).ok(),
        };
        let mut these = changes(old.as_deref(), new.as_deref(), today);
        if names.len() > 1 && !these.is_empty() {
            let (zh, en) = (format!("{name}: "), format!("{name}: "));
            these.insert(0, Text::new(zh, en));
        }
        parts.extend(these);
    }
    parts
}

/// The branch HEAD is on; a detached HEAD is refused before anything is touched.
pub(super) fn on_branch(git: &Git) -> Result<String, SyncError> {
    if let Ok(branch) = git.run(&["symbolic-ref", "--quiet", "--short", "HEAD"]) {
        return Ok(branch.trim().to_owned());
    }
    let at = git.rev("HEAD");
    let branch = at.as_deref().and_then(|commit| {
        let names = git
            .run(&[
                "for-each-ref",
                "--format=%(refname:short)",
                "--points-at",
                commit,
                "refs/heads",
            ])
            .ok()?;
        let mut names = names.lines().map(str::to_owned);
        names.next().filter(|_| names.next().is_none())
    });
    Err(SyncError::DetachedHead {
        at: at.map(|c| c.chars().take(7).collect()),
        branch,
    })
}
