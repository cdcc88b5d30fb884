//! Running the `git` command in a repository: the user's git, credentials, SSH keys and
//! remotes, unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A repository's working tree, where git runs.
#[derive(Debug, Clone)]
pub(crate) struct Git {
    pub(crate) top: PathBuf,
}

/// What a git command said when it failed (its last line of stderr), or that git could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GitError(pub String);

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_owned()
}

fn run_in(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Result<Output, GitError> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .envs(envs.iter().copied())
        // Never wait for a password or a host key question that nobody sees.
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GitError(format!("git: {e}")))
}

impl Git {
    /// The repository holding `dir`, if it is in one.
    pub(crate) fn find(dir: &Path) -> Result<Git, GitError> {
        let out = run_in(dir, &["rev-parse", "--show-toplevel"], &[])?;
        if !out.status.success() {
            return Err(GitError(last_line(&out.stderr)));
        }
        let top = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        Ok(Git { top: top.into() })
    }

    /// Runs git; its output when it succeeds, else what it said.
    pub(crate) fn run(&self, args: &[&str]) -> Result<String, GitError> {
        self.run_with(args, &[])
    }

    /// Runs git with extra environment variables.
    pub(crate) fn run_with(
        &self,
        args: &[&str],
        envs: &[(&str, &str)],
    ) -> Result<String, GitError> {
        let out = run_in(&self.top, args, envs)?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            // A lock git could not take is named (its last line only says to remove it).
            let said = String::from_utf8_lossy(&out.stderr)
                .lines()
                .find(|l| l.contains("Unable to create '") && l.contains(".lock'"))
                .map_or_else(|| last_line(&out.stderr), |l| l.trim().to_owned());
            Err(GitError(if said.is_empty() {
                last_line(&out.stdout)
            } else {
                said
            }))
        }
    }

    /// Whether git succeeds (a question asked by exit status).
    pub(crate) fn yes(&self, args: &[&str]) -> bool {
        run_in(&self.top, args, &[]).is_ok_and(|o| o.status.success())
    }

    /// The text of `path` (relative to the top) at `rev`, if it is there.
    pub(crate) fn show(&self, rev: &str, path: &str) -> Option<String> {
        let out = run_in(&self.top, &["show", &format!("{rev}:{path}")], &[]).ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// A commit id for `rev`, if it names one.
    pub(crate) fn rev(&self, rev: &str) -> Option<String> {
        let out = self
            .run(&[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ])
            .ok()?;
        Some(out.trim().to_owned()).filter(|s| !s.is_empty())
    }
}

/// git's own line merge of three files into `ours` (conflict markers where both changed the
/// same lines): for files that are not campaigns. Whether it merged cleanly.
pub(crate) fn merge_file(ours: &Path, base: &Path, theirs: &Path) -> Result<bool, GitError> {
    let dir = ours
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let out = Command::new("git")
        .arg("merge-file")
        .args([ours, base, theirs])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| GitError(format!("git: {e}")))?;
    match out.status.code() {
        Some(0) => Ok(true),
        Some(n) if n > 0 => Ok(false),
        _ => Err(GitError(last_line(&out.stderr))),
    }
}
