//! git's network commands (fetch, push) never hang: no prompts, SSH in batch mode with a
//! connect timeout (appended to the user's own SSH command), slow HTTP given up, an overall
//! deadline, and a stop on request (Esc on the board, a signal). git and its ssh run in a
//! process group of their own and end together. A server's refusal is told from a remote
//! that cannot be reached, in the server's own words.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::git::Git;
use crate::sanitize::inert;

/// Seconds a fetch or a push may take before it is stopped (default 60): tests set it low.
pub(crate) const TIMEOUT_VAR: &str = "BAIRI_SYNC_TIMEOUT";
const DEFAULT_DEADLINE: u64 = 60;
/// Seconds ssh may take to connect (less when the deadline is shorter).
const CONNECT_TIMEOUT: u64 = 10;

/// The deadline of each network command.
pub(crate) fn deadline() -> Duration {
    let secs = std::env::var(TIMEOUT_VAR)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(DEFAULT_DEADLINE);
    Duration::from_secs(secs)
}

/// A request to stop a sync, shared with whoever may ask (the board, a signal handler).
#[derive(Debug, Clone, Default)]
pub(crate) struct Stop(Arc<AtomicBool>);

impl Stop {
    pub(crate) fn stop(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub(crate) fn stopped(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// The flag itself, for a signal handler to set.
    pub(crate) fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }
}

/// Why a fetch or a push did not go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetFailure {
    /// The remote could not be reached (what git said).
    Unreachable(String),
    /// The server answered and refused: its own words.
    Refused(String),
    /// Still running after this many seconds: stopped.
    TimedOut(u64),
    /// Stopped on request.
    Stopped,
}

/// The SSH command git is to use: `own` (the user's, or `ssh`) with batch mode and a connect
/// timeout appended (ssh takes the first value of an option, so the user's own win).
pub(crate) fn ssh_command(own: Option<&str>, connect: u64) -> String {
    let own = own
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("ssh");
    format!("{own} -o BatchMode=yes -o ConnectTimeout={connect}")
}

/// The user's SSH command as git would pick it; `None` when `GIT_SSH` names a program of
/// the user's own (left alone).
fn own_ssh(git: &Git) -> Option<Option<String>> {
    if let Some(cmd) = std::env::var_os("GIT_SSH_COMMAND").filter(|v| !v.is_empty()) {
        return Some(Some(cmd.to_string_lossy().into_owned()));
    }
    if let Ok(cmd) = git.run(&["config", "--get", "core.sshCommand"]) {
        return Some(Some(cmd.trim().to_owned()));
    }
    if std::env::var_os("GIT_SSH").is_some_and(|v| !v.is_empty()) {
        return None;
    }
    Some(None)
}

/// Runs a network command of git in the repository, within the deadline; its output.
pub(crate) fn run(git: &Git, args: &[&str], stop: &Stop) -> Result<String, NetFailure> {
    if stop.stopped() {
        return Err(NetFailure::Stopped);
    }
    let limit = deadline();
    let connect = CONNECT_TIMEOUT.min(limit.as_secs()).max(1);
    let mut cmd = Command::new("git");
    cmd.args([
        "-c",
        "http.lowSpeedLimit=1000",
        "-c",
        "http.lowSpeedTime=20",
    ])
    .args(args)
    .current_dir(&git.top)
    .env("GIT_TERMINAL_PROMPT", "0")
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    if let Some(own) = own_ssh(git) {
        cmd.env("GIT_SSH_COMMAND", ssh_command(own.as_deref(), connect));
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd
        .spawn()
        .map_err(|e| NetFailure::Unreachable(format!("git: {e}")))?;
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if stop.stopped() => break None,
            Ok(None) if started.elapsed() >= limit => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(_) => break None,
        }
    };
    let Some(status) = status else {
        end(&mut child);
        return Err(if stop.stopped() {
            NetFailure::Stopped
        } else {
            NetFailure::TimedOut(limit.as_secs())
        });
    };
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    if status.success() {
        Ok(String::from_utf8_lossy(&out).into_owned())
    } else {
        Err(failure(&String::from_utf8_lossy(&err)))
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty git never blocks on it.
fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Ends git and everything it started (its ssh), and reaps it.
fn end(child: &mut Child) {
    #[cfg(unix)]
    {
        use rustix::process::{Pid, Signal, kill_process_group};
        let _ = kill_process_group(Pid::from_child(child), Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// What a failed fetch or push said: the server's refusal, or why it could not be reached.
fn failure(stderr: &str) -> NetFailure {
    let mut words = Vec::new();
    let mut refused = false;
    for line in stderr.lines().map(str::trim) {
        if let Some(said) = line.strip_prefix("remote:") {
            let said = said.trim();
            if !said.is_empty() {
                words.push(said.to_owned());
            }
            refused = true;
        } else if line.contains("[remote rejected]") || line.contains("[rejected]") {
            refused = true;
            let why = line
                .rsplit_once('(')
                .map_or(line, |(_, why)| why.trim_end_matches(')'));
            words.push(why.to_owned());
        }
    }
    if refused {
        return NetFailure::Refused(inert(&words.join("; ")));
    }
    // ssh's own words come first, git's general "could not read" after them.
    let why = stderr.lines().map(str::trim).find(|l| !l.is_empty());
    NetFailure::Unreachable(inert(why.unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_ssh_command_comes_first() {
        assert_eq!(
            ssh_command(Some("ssh -i key"), 10),
            "ssh -i key -o BatchMode=yes -o ConnectTimeout=10"
        );
        assert_eq!(
            ssh_command(None, 3),
            "ssh -o BatchMode=yes -o ConnectTimeout=3"
        );
    }

    #[test]
    fn a_hook_refusal_is_quoted_and_a_refused_connection_is_unreachable() {
        let hook = "remote: frozen\nTo ../r.git\n ! [remote rejected] HEAD -> main (pre-receive hook declined)\nerror: failed to push some refs to '../r.git'\n";
        assert_eq!(
            failure(hook),
            NetFailure::Refused("frozen; pre-receive hook declined".into())
        );
        let down = "ssh: connect to host h port 1: Connection refused\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n";
        assert_eq!(
            failure(down),
            NetFailure::Unreachable("ssh: connect to host h port 1: Connection refused".into())
        );
    }
}
