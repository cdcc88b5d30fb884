//! How a sync ends: done or offline (with what to say), or why it could not run.

use super::super::git::GitError;
use super::super::net::NetFailure;
use crate::i18n::Text;
use crate::tr;

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
pub(crate) fn offline_message(ahead: usize, why: &NetFailure, again: &Text) -> Text {
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
    pub(crate) fn message(&self) -> Text {
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
