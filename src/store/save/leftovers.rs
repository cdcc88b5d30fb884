//! Temp files that an interrupted save left behind (`.NAME.bairi-tmp-PID-N`, and journals not
//! yet whole, `.bairi/NAME.journal-PID-N`), removed only
//! when they are proven dead: their process is gone, or they are older than [`ABANDONED`].
//! Called only while holding the lock, so no other writer is between making and renaming one.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// A temp file this old is abandoned even if a process with its id runs (ids are reused).
const ABANDONED: Duration = Duration::from_secs(60 * 60);

/// The process id in a temp file's name, after `prefix` (`tmp-4242-0`).
fn pid_of(rest: &str) -> Option<u32> {
    rest.split('-').nth(1)?.parse().ok()
}

fn dead(path: &Path, rest: &str) -> bool {
    let old = fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > ABANDONED);
    let gone = pid_of(rest)
        .filter(|&pid| pid != std::process::id())
        .and_then(crate::store::save::access::process_alive)
        == Some(false);
    old || gone
}

/// Removes the dead temp files of `path`. Call it only under [`crate::store::side::lock::Lock`].
pub(crate) fn clean(path: &Path) {
    let Ok(target) = crate::store::save::careful::target(path) else {
        return;
    };
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.bairi-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if let Some(rest) = file_name.strip_prefix(&prefix)
            && dead(&entry.path(), rest)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
    // Journals never finished being written: their save never touched the file.
    let side = target.with_file_name(crate::store::side::sidecar::DIR);
    let Ok(entries) = fs::read_dir(side) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if let Some(rest) = crate::store::side::journal::staged_rest(&target, &file_name)
            && dead(&entry.path(), &format!("journal-{rest}"))
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_dead_temp_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        fs::write(&path, "x").unwrap();
        // A process that has exited, and one that runs (this one's parent, say: ourselves).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let dead = dir.path().join(format!(".c.toml.bairi-tmp-{gone}-0"));
        let alive_pid = std::os::unix::process::parent_id();
        let alive = dir.path().join(format!(".c.toml.bairi-tmp-{alive_pid}-0"));
        let stale = dir.path().join(format!(".c.toml.bairi-bak-{alive_pid}-1"));
        for p in [&dead, &alive, &stale] {
            fs::write(p, "partial").unwrap();
        }
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(SystemTime::now() - ABANDONED * 2)
            .unwrap();
        clean(&path);
        assert!(!dead.exists(), "its process is gone");
        assert!(alive.exists(), "another writer's file in flight stays");
        assert!(!stale.exists(), "abandoned long ago");
        assert!(path.exists());
    }
}
