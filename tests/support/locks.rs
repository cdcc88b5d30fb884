//! Seeing that a process waits at a campaign's lock: it holds the lock file open (a bairi
//! waiting for a save keeps it open between tries), which `/proc` shows.

use std::path::Path;

/// Whether process `pid` has the lock file of `campaign` open: with the lock held by
/// someone else, it is waiting for it.
pub fn has_lock_open(pid: u32, campaign: &Path) -> bool {
    let lock = bairi::store::side::lock::lock_path(campaign);
    let lock = std::fs::canonicalize(&lock).unwrap_or(lock);
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .into_iter()
        .flatten()
        .flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == lock))
}
