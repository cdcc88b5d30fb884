//! git's lock files left behind by a git that was killed (`index.lock`,
//! `refs/heads/main.lock`): removed when no running git works in the repository, else named
//! with the command that clears them. A lock a live git holds is never touched.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::git::Git;

/// How long a sync waits for a running git (the board asking what waits to be synced) to
/// finish before calling its locks held.
const WAIT_FOR_GIT: Duration = Duration::from_secs(3);

/// Where /proc cannot tell who is running: a lock this old is taken as left behind.
const STALE_AGE: Duration = Duration::from_secs(600);

/// The lock files of the repository now: its git dir's own and those under `refs/`.
fn lock_files(git: &Git) -> Vec<PathBuf> {
    let dirs = git
        .run(&["rev-parse", "--git-dir", "--git-common-dir"])
        .unwrap_or_default();
    let mut dirs: Vec<PathBuf> = dirs.lines().map(|d| git.top.join(d.trim())).collect();
    dirs.dedup();
    let mut found = Vec::new();
    for dir in &dirs {
        in_folder(dir, false, &mut found);
        in_folder(&dir.join("refs"), true, &mut found);
    }
    found.sort();
    found.dedup();
    found
}

fn in_folder(dir: &Path, deep: bool, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && deep {
            in_folder(&path, true, found);
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "lock") {
            found.push(path);
        }
    }
}

/// Whether a git process (not this one) may be at work in one of `places`: its working
/// folder is in one, or it cannot be told where it works. `None` when /proc cannot say.
fn git_at_work(places: &[PathBuf]) -> Option<bool> {
    let procs = std::fs::read_dir("/proc").ok()?;
    let me = std::process::id().to_string();
    for entry in procs.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == me || !name.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(entry.path().join("comm")) else {
            continue;
        };
        if !comm.trim().starts_with("git") {
            continue;
        }
        match std::fs::read_link(entry.path().join("cwd")) {
            Ok(cwd) if places.iter().any(|p| cwd.starts_with(p)) => return Some(true),
            Ok(_) => {}
            // Another user's git: it may be this repository's.
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Some(true),
            // Gone meanwhile, or a zombie: it holds nothing.
            Err(_) => {}
        }
    }
    Some(false)
}

fn old(path: &Path) -> bool {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age >= STALE_AGE)
}

/// Clears the locks a killed git left: `Ok` with those removed, or `Err` with those a running
/// git may hold (or that could not be removed).
pub(crate) fn heal(git: &Git) -> Result<Vec<PathBuf>, Vec<PathBuf>> {
    let locks = lock_files(git);
    if locks.is_empty() {
        return Ok(Vec::new());
    }
    let top = std::fs::canonicalize(&git.top).unwrap_or_else(|_| git.top.clone());
    let mut places = vec![top];
    places.extend(
        locks
            .iter()
            .filter_map(|l| l.parent().and_then(|p| std::fs::canonicalize(p).ok())),
    );
    let started = Instant::now();
    let busy = loop {
        match git_at_work(&places) {
            Some(true) if started.elapsed() < WAIT_FOR_GIT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Some(busy) => break busy,
            None => break false,
        }
    };
    let proc_can_tell = Path::new("/proc/self").exists();
    // Locks that went while waiting were a running git's, done now.
    let locks: Vec<PathBuf> = locks.into_iter().filter(|l| l.exists()).collect();
    if locks.is_empty() {
        return Ok(Vec::new());
    }
    if busy || (!proc_can_tell && !locks.iter().all(|l| old(l))) {
        return Err(locks);
    }
    let (removed, stuck): (Vec<PathBuf>, Vec<PathBuf>) = locks
        .into_iter()
        .partition(|l| std::fs::remove_file(l).is_ok());
    if stuck.is_empty() {
        Ok(removed)
    } else {
        Err(stuck)
    }
}
