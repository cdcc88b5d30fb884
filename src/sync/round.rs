//! `bairi sync`: set up, commit this laptop's changes with a summary, fetch, merge (through
//! the merge driver), push, and say what came in. Offline, the local commit stays and the
//! next run finishes the job.

use std::path::{Path, PathBuf};

use super::git::{Git, GitError};
use super::locks;
use super::net::{self, NetFailure, Stop};
use super::setup::set_up;
use super::summary::changes;
use crate::i18n::{Lang, Text};
use crate::store::load::Today;
use crate::tr;

/// What a sync needs to know.
pub struct SyncOptions<'a> {
    /// The campaign, or every `*.toml` of the repository of the current directory.
    pub file: Option<&'a Path>,
    /// This binary, named as git's merge driver.
    pub exe: PathBuf,
    pub today: Today,
    /// The language of commit messages.
    pub lang: Lang,
    /// Asked to stop (Esc on the board, a signal): the fetch or push in flight is ended.
    pub stop: Stop,
}

/// How a sync ended. `healed`: git lock files a killed git had left, removed first.
#[derive(Debug)]
pub enum Outcome {
    /// Sent and received (either may be empty).
    Done {
        sent: Vec<Text>,
        received: Vec<Text>,
        healed: Vec<String>,
    },
    /// The fetch or push did not go through (why): `ahead` commits wait here.
    Offline {
        ahead: usize,
        why: NetFailure,
        healed: Vec<String>,
    },
}

/// What an offline ending says; `again` is how to try again (a key, a command).
pub fn offline_message(ahead: usize, why: &NetFailure, again: &Text) -> Text {
    let (zh, en) = (&again.zh, &again.en);
    match why {
        NetFailure::Unreachable(why) => tr!(
            "未能连接远程({why}):{ahead} 个提交留在本地,联网后{zh}",
            "could not reach the remote ({why}): {ahead} commit(s) kept here; {en} when online"
        ),
        NetFailure::TimedOut(secs) => tr!(
            "远程 {secs} 秒内没有完成,已放弃:{ahead} 个提交留在本地,稍后{zh}",
            "the remote did not finish within {secs} seconds; gave up: {ahead} commit(s) kept here; {en} later"
        ),
        NetFailure::Refused(said) => tr!(
            "远程拒绝了同步,服务器说:{said}。{ahead} 个提交留在本地,按服务器的说明处理后{zh}",
            "the remote refused the sync; the server said: {said}. {ahead} commit(s) kept here; do as it says, then {en}"
        ),
        NetFailure::Stopped => tr!(
            "同步已取消:{ahead} 个提交留在本地,稍后{zh}",
            "sync cancelled: {ahead} commit(s) kept here; {en} later"
        ),
    }
}

/// The files' names as shown: joined, made safe for a terminal.
fn shown(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| crate::sanitize::inert(&p.display().to_string()))
        .collect()
}

/// Why a sync could not run.
#[derive(Debug)]
pub enum SyncError {
    NotARepo(String),
    NoRemote,
    /// HEAD is on no branch (at this commit, when there is one; and the branch that points
    /// at it, if one does): nothing to commit onto or push from.
    DetachedHead {
        at: Option<String>,
        branch: Option<String>,
    },
    Git(String),
    /// git lock files that a running git may hold (named, not removed).
    Locked(Vec<String>),
    /// git stopped the merge (a file bairi does not merge changed both ways); it was undone.
    MergeStopped(String),
    /// The campaign as it would be sent does not pass `check`: committed here, not pushed.
    NotSent(String),
}

impl From<GitError> for SyncError {
    fn from(e: GitError) -> Self {
        SyncError::Git(e.0)
    }
}

impl SyncError {
    pub fn message(&self) -> Text {
        match self {
            SyncError::NotARepo(why) => tr!(
                "不在 git 仓库中({why}):先 git clone 团队的仓库,或 git init 并 git remote add origin …",
                "not in a git repository ({why}): git clone the team's repository first, or git init and git remote add origin …"
            ),
            SyncError::NoRemote => Text::new(
                "仓库没有远程:先 git remote add origin <地址>(修改已在本地提交)",
                "the repository has no remote: git remote add origin <url> first (the changes are committed here)",
            ),
            SyncError::DetachedHead { at, branch } => {
                let at = at.as_deref().map_or_else(String::new, |c| format!(" {c}"));
                let branch = branch.as_deref();
                let (zh, en) = (branch.unwrap_or("<分支>"), branch.unwrap_or("<branch>"));
                tr!(
                    "仓库处于游离 HEAD 状态(停在提交{at},不在任何分支上):先 git switch {zh} 回到分支,再运行 bairi sync;什么都没有改动",
                    "the repository is on a detached HEAD (at commit{at}, on no branch): git switch {en} first, then run bairi sync again; nothing was changed"
                )
            }
            SyncError::Git(why) => {
                let why = crate::sanitize::inert(why);
                tr!("git 出错:{why}", "git failed: {why}")
            }
            SyncError::Locked(files) => {
                let files = files.join(" ");
                tr!(
                    "git 的锁文件还在,且有 git 正在这个仓库里运行:{files}。等它结束再同步;若确认没有 git 在运行,执行 rm {files} 后再同步",
                    "git's lock file(s) are there and a git is running in this repository: {files}. Sync again once it ends; if no git is running, run rm {files} and sync again"
                )
            }
            SyncError::NotSent(file) => {
                let file = crate::sanitize::inert(file);
                tr!(
                    "{file} 未通过检查,没有发送给其他人(修改已在本地提交):运行 bairi check {file},改正后再同步",
                    "{file} does not pass check, so nothing was sent to the others (the changes are committed here): run bairi check {file}, fix what it says, then sync again"
                )
            }
            SyncError::MergeStopped(files) => tr!(
                "合并已撤销:{files} 双方都改了,bairi 不合并这些文件,请用 git 处理",
                "merge undone: {files} changed both ways and bairi does not merge them; settle them with git"
            ),
        }
    }
}

/// The campaign's path from the top of the repository, with `/`.
fn relative(git: &Git, file: &Path) -> Result<String, SyncError> {
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
fn changed_tomls(git: &Git, files: &[String], from: Option<&str>, to: Option<&str>) -> Vec<String> {
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

/// What tells the merge driver git runs which day it is: the pinned day, else this sync's
/// instant, so that its `[[conflicts]]` dates follow the same clock as the sync. Both are
/// set, one empty, so that neither is inherited from elsewhere.
fn driver_today(today: Today) -> [(&'static str, String); 2] {
    let (day, now) = match today {
        Today::Date(date) => (date.format("%Y-%m-%d").to_string(), String::new()),
        Today::At(instant) => (String::new(), instant.to_rfc3339()),
    };
    [
        (crate::cli::merge_driver::TODAY_VAR, day),
        (crate::clock::NOW_VAR, now),
    ]
}

/// The summary of what changed in `names` from `from` to `to` (`None`: the working tree).
fn summarise(git: &Git, names: &[String], from: &str, to: Option<&str>, today: Today) -> Vec<Text> {
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
fn on_branch(git: &Git) -> Result<String, SyncError> {
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

/// The whole round trip.
pub fn sync(opts: &SyncOptions) -> Result<Outcome, SyncError> {
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
    let pattern = files
        .first()
        .cloned()
        .unwrap_or_else(|| "*.toml".to_owned());
    let set = set_up(&git, &pattern, &opts.exe)?;
    // This laptop's changes.
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
        let names = changed_tomls(&git, &files, head.as_deref(), None);
        let parts = summarise(&git, &names, from, None, opts.today);
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
    let ahead = |git: &Git| -> usize {
        let range = if git.rev(&upstream).is_some() {
            format!("{upstream}..HEAD")
        } else {
            "HEAD".to_owned()
        };
        git.run(&["rev-list", "--count", &range])
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0)
    };
    if let Err(why) = net::run(&git, &["fetch", "-q", &up_remote], &opts.stop) {
        return Ok(Outcome::Offline {
            ahead: ahead(&git),
            why,
            healed,
        });
    }
    let mut sent = Vec::new();
    let mut received = Vec::new();
    if git.rev(&upstream).is_some() {
        let base = git
            .run(&["merge-base", "HEAD", &upstream])
            .unwrap_or_default();
        let base = base.trim();
        if !base.is_empty() {
            let names = changed_tomls(&git, &files, Some(base), Some("HEAD"));
            sent = summarise(&git, &names, base, Some("HEAD"), opts.today);
        }
        let before = git.rev("HEAD").unwrap_or_default();
        let by = git
            .run(&["log", "-1", "--format=%an", &upstream])
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
            &["merge", "-q", "--no-edit", &upstream],
            &[
                (crate::cli::merge_driver::BY_VAR, by),
                (crate::cli::merge_driver::KEPT_BY_VAR, kept_by),
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
        let names = changed_tomls(&git, &files, Some(&before), Some("HEAD"));
        received = summarise(&git, &names, &before, Some("HEAD"), opts.today);
        // A merge commit says where it merged from and what came in.
        // (Only the one this merge made: after a fast-forward HEAD may be the others' merge.)
        let made = git.rev("HEAD^1").as_deref() == Some(before.as_str())
            && git.rev("HEAD^2") == git.rev(&upstream);
        if made {
            let (subject, body) = super::message::for_merge(&up_remote, &received, opts.lang);
            let mut amend = vec!["commit", "-q", "--amend", "--no-verify", "-m", &subject];
            if !body.is_empty() {
                amend.extend(["-m", &body]);
            }
            git.run(&amend)?;
        }
    } else {
        // The first push: everything here is new there.
        let mut args = vec!["ls-files", "--"];
        args.extend(files.iter().map(String::as_str));
        if files.is_empty() {
            args.push("*.toml");
        }
        let names: Vec<String> = git.run(&args)?.lines().map(str::to_owned).collect();
        for name in &names {
            sent.extend(changes(None, git.show("HEAD", name).as_deref(), opts.today));
        }
    }
    // What would reach the others must load: a hand edit that broke the file stays here.
    // (Checked after the merge, which may itself mend what one side left, such as a
    // reference to a task deleted here and changed there.)
    if let Some(file) = opts.file
        && crate::store::file::CampaignFile::open(file, opts.today).is_err()
    {
        return Err(SyncError::NotSent(file.display().to_string()));
    }
    let push = ["push", "-q", "-u", &up_remote, &format!("HEAD:{branch}")];
    if ahead(&git) > 0
        && let Err(why) = net::run(&git, &push, &opts.stop)
    {
        return Ok(Outcome::Offline {
            ahead: ahead(&git),
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
