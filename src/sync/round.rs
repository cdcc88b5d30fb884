//! `bairi sync`: set up, commit this laptop's changes with a summary, fetch, merge (through
//! the merge driver), push, and say what came in. Offline, the local commit stays and the
//! next run finishes the job.

mod ending;
mod merge;
mod repo;

use std::path::{Path, PathBuf};

use super::git::Git;
use super::locks;
use super::net::{self, Stop};
use super::setup::set_up;
use crate::i18n::{Lang, Text};
use crate::store::load::Today;
pub(crate) use ending::offline_message;
pub use ending::{Outcome, SyncError};
use repo::{changed_tomls, on_branch, relative, shown, summarise};

/// What a sync needs to know.
pub(crate) struct SyncOptions<'a> {
    /// The campaign, or every `*.toml` of the repository of the current directory.
    pub(crate) file: Option<&'a Path>,
    /// This binary, named as git's merge driver.
    pub(crate) exe: PathBuf,
    pub(crate) today: Today,
    /// The language of commit messages.
    pub(crate) lang: Lang,
    /// Asked to stop (Esc on the board, a signal): the fetch or push in flight is ended.
    pub(crate) stop: Stop,
}

/// The whole round trip.
pub(crate) fn sync(opts: &SyncOptions) -> Result<Outcome, SyncError> {
    let dir = match opts.file.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let git = Git::find(&dir).map_err(|e| SyncError::NotARepo(e.0))?;
    let healed = shown(&locks::heal(&git).map_err(|held| SyncError::Locked(shown(&held)))?);
    let branch = on_branch(&git)?;
    let files: Vec<String> = match opts.file {
        Some(f) => vec![relative(&git, f)?],
        None => Vec::new(),
    };
    commit_here(&git, &files, opts)?;
    let (upstream, up_remote) = upstream(&git, &branch)?;
    if let Err(why) = net::run(&git, &["fetch", "-q", &up_remote], &opts.stop) {
        return Ok(Outcome::Offline {
            ahead: ahead(&git, &upstream),
            why,
            healed,
        });
    }
    let (sent, received) = if git.rev(&upstream).is_some() {
        merge::merge_upstream(&git, &files, &upstream, &up_remote, opts)?
    } else {
        (merge::first_push(&git, &files, opts)?, Vec::new())
    };
    // What would reach the others must load: a hand edit that broke the file stays here.
    // (Checked after the merge, which may itself mend what one side left, such as a
    // reference to a task deleted here and changed there.)
    if let Some(file) = opts.file
        && crate::store::file::CampaignFile::open(file, opts.today).is_err()
    {
        return Err(SyncError::NotSent(file.display().to_string()));
    }
    let push = ["push", "-q", "-u", &up_remote, &format!("HEAD:{branch}")];
    if ahead(&git, &upstream) > 0
        && let Err(why) = net::run(&git, &push, &opts.stop)
    {
        return Ok(Outcome::Offline {
            ahead: ahead(&git, &upstream),
            why,
            healed,
        });
    }
    Ok(Outcome::Done {
        sent,
        received,
        healed,
    })
}

/// Sets the repository up for bairi and commits this laptop's changes with a summary.
fn commit_here(git: &Git, files: &[String], opts: &SyncOptions) -> Result<(), SyncError> {
    let pattern = files
        .first()
        .cloned()
        .unwrap_or_else(|| "*.toml".to_owned());
    let set = set_up(git, &pattern, &opts.exe)?;
    let mut add = vec!["add", "--"];
    add.extend(files.iter().map(String::as_str));
    if files.is_empty() {
        add.push("*.toml");
    }
    add.extend(set.iter().copied());
    git.run(&add)?;
    let head = git.rev("HEAD");
    if !git.yes(&["diff", "--cached", "--quiet"]) {
        let from = head.as_deref().unwrap_or("HEAD");
        let names = changed_tomls(git, files, head.as_deref(), None);
        let parts = summarise(git, &names, from, None, opts.today);
        let (subject, body) = super::message::for_changes(&parts, opts.lang).unwrap_or_else(|| {
            let setup = Text::new("bairi 同步设置", "bairi sync setup");
            (setup.get(opts.lang).to_owned(), String::new())
        });
        let mut commit = vec!["commit", "-q", "-m", &subject];
        if !body.is_empty() {
            commit.extend(["-m", &body]);
        }
        git.run(&commit)?;
    }
    Ok(())
}

/// The branch this one follows (`origin/main`) and its remote; no remote is refused.
fn upstream(git: &Git, branch: &str) -> Result<(String, String), SyncError> {
    let remotes = git.run(&["remote"])?;
    let Some(remote) = remotes
        .lines()
        .find(|r| *r == "origin")
        .or_else(|| remotes.lines().next())
        .map(str::to_owned)
    else {
        return Err(SyncError::NoRemote);
    };
    let upstream = git
        .run(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
        .map_or_else(|_| format!("{remote}/{branch}"), |s| s.trim().to_owned());
    let up_remote = upstream.split('/').next().unwrap_or(&remote).to_owned();
    Ok((upstream, up_remote))
}

/// How many commits here the upstream does not have (all of them before the first push).
fn ahead(git: &Git, upstream: &str) -> usize {
    let range = if git.rev(upstream).is_some() {
        format!("{upstream}..HEAD")
    } else {
        "HEAD".to_owned()
    };
    git.run(&["rev-list", "--count", &range])
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}
