//! A lock file beside the campaign (`.NAME.lock`), held only for the moment of
//! check-merge-write. A lock older than [`STALE`] is left over from a crash and is taken over.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

const STALE: Duration = Duration::from_secs(10);
const WAIT: Duration = Duration::from_secs(3);

/// Held while it lives; the file goes when it is dropped.
pub struct Lock {
    path: PathBuf,
}

pub fn lock_path(campaign: &Path) -> PathBuf {
    let name = campaign
        .file_name()
        .map_or_else(|| "campaign".into(), |n| n.to_string_lossy().into_owned());
    campaign.with_file_name(format!(".{name}.lock"))
}

impl Lock {
    /// Takes the lock, waiting up to a few seconds for another bairi to finish its save.
    pub fn acquire(campaign: &Path) -> io::Result<Lock> {
        let path = lock_path(campaign);
        let started = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok())
                        .unwrap_or_default();
                    if age > STALE {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if started.elapsed() > WAIT {
                        return Err(io::Error::new(
                            io::ErrorKind::WouldBlock,
                            "another bairi is saving this file",
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_stale_locks_are_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let first = Lock::acquire(&file).unwrap();
        assert!(lock_path(&file).exists());
        drop(first);
        assert!(!lock_path(&file).exists());
        fs::write(lock_path(&file), "123").unwrap();
        let old = SystemTime::now() - Duration::from_secs(60);
        let f = fs::File::options()
            .write(true)
            .open(lock_path(&file))
            .unwrap();
        f.set_modified(old).unwrap();
        assert!(Lock::acquire(&file).is_ok(), "a stale lock is taken over");
    }
}
