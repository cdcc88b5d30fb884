//! The middle of a sync: merge what came from the others (through the merge driver, with the
//! campaign's lock held) and say what was sent and received; or, on the first push, list
//! everything here as sent.

use super::super::driver_env::{BY_VAR, KEPT_BY_VAR, driver_today};
use super::super::git::Git;
use super::super::summary::changes;
use super::SyncOptions;
use super::ending::SyncError;
use super::repo::{changed_tomls, summarise};
use crate::i18n::Text;

/// Merges `upstream` into HEAD: `(sent, received)` summaries.
pub(super) fn merge_upstream(
    git: &Git,
    files: &[String],
    upstream: &str,
    up_remote: &str,
    opts: &SyncOptions,
) -> Result<(Vec<Text>, Vec<Text>), SyncError> {
    let mut sent = Vec::new();
    let base = git
        .run(&["merge-base", "HEAD", upstream])
        .unwrap_or_default();
    let base = base.trim();
    if !base.is_empty() {
        let names = changed_tomls(git, files, Some(base), Some("HEAD"));
        sent = summarise(git, &names, base, Some("HEAD"), opts.today);
    }
    let before = git.rev("HEAD").unwrap_or_default();
    let by = git
        .run(&["log", "-1", "--format=%an", upstream])
        .unwrap_or_default();
    let by = by.trim();
    let kept_by = git.run(&["config", "user.name"]).unwrap_or_default();
    let kept_by = kept_by.trim();
    let [(day_var, day), (now_var, now)] = driver_today(opts.today);
    // A save on the board waits while git writes the campaign.
    let _lock = match opts.file {
        Some(file) => Some(
            crate::store::side::lock::Lock::acquire(file)
                .map_err(|e| SyncError::Git(e.to_string()))?,
        ),
        None => None,
    };
    let merged = git.run_with(
        &["merge", "-q", "--no-edit", upstream],
        &[
            (BY_VAR, by),
            (KEPT_BY_VAR, kept_by),
            (day_var, &day),
            (now_var, &now),
        ],
    );
    if merged.is_err() {
        let stuck = git
            .run(&["diff", "--name-only", "--diff-filter=U"])
            .unwrap_or_default()
            .lines()
            .collect::<Vec<_>>()
            .join(", ");
        let _ = git.run(&["merge", "--abort"]);
        return Err(match merged {
            Err(e) if stuck.is_empty() => SyncError::Git(e.0),
            _ => SyncError::MergeStopped(stuck),
        });
    }
    let names = changed_tomls(git, files, Some(&before), Some("HEAD"));
    let received = summarise(git, &names, &before, Some("HEAD"), opts.today);
    // A merge commit says where it merged from and what came in.
    // (Only the one this merge made: after a fast-forward HEAD may be the others' merge.)
    let made = git.rev("HEAD^1").as_deref() == Some(before.as_str())
        && git.rev("HEAD^2") == git.rev(upstream);
    if made {
        let (subject, body) = super::super::message::for_merge(up_remote, &received, opts.lang);
        let mut amend = vec!["commit", "-q", "--amend", "--no-verify", "-m", &subject];
        if !body.is_empty() {
            amend.extend(["-m", &body]);
        }
        git.run(&amend)?;
    }
    Ok((sent, received))
}

/// The first push: everything here is new there.
pub(super) fn first_push(
    git: &Git,
    files: &[String],
    opts: &SyncOptions,
) -> Result<Vec<Text>, SyncError> {
    let mut sent = Vec::new();
    let mut args = vec!["ls-files", "--"];
    args.extend(files.iter().map(String::as_str));
    if files.is_empty() {
        args.push("*.toml");
    }
    let names: Vec<String> = git.run(&args)?.lines().map(str::to_owned).collect();
    for name in &names {
        sent.extend(changes(None, git.show("HEAD", name).as_deref(), opts.today));
    }
    Ok(sent)
}
