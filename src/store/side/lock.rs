//! A lock file beside the campaign (`.NAME.lock`), held only for the moment of
//! check-merge-write. It is an OS advisory lock (`flock`): the kernel releases it when its
//! holder exits, however it exits, so a crashed writer never blocks anyone. The file itself
//! stays (removing it would let two writers lock two different files).

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for others' saves (each holds the lock for milliseconds).
const WAIT: Duration = Duration::from_secs(20);

/// Held while it lives.
pub struct Lock {
    _file: File,
}

/// `.bairi/NAME.lock` beside the file a symlink points to, so every name of a file shares a
/// lock.
pub fn lock_path(campaign: &Path) -> PathBuf {
    let campaign =
        crate::store::save::careful::target(campaign).unwrap_or_else(|_| campaign.to_owned());
    crate::store::side::sidecar::path(&campaign, ".lock")
}

/// Opens (creating if needed) the lock file of `campaign`; read-only is enough to lock it,
/// so a lock file another user created serves everyone. A new one takes the campaign's
/// group and permission bits, not the umask's (see [`crate::store::side::sidecar::share`]).
fn open(campaign: &Path) -> io::Result<File> {
    let target =
        crate::store::save::careful::target(campaign).unwrap_or_else(|_| campaign.to_owned());
    let path = crate::store::side::sidecar::prepared(&target, ".lock")?;
    let mut create = OpenOptions::new();
    create.read(true).write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut create, 0o666);
    let file = match create.open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            return File::open(&path).map_err(|_| e);
        }
        Err(e) => return Err(e),
    };
    crate::store::side::sidecar::mend(&path, &target, false);
    Ok(file)
}

impl Lock {
    /// Takes the lock, waiting while other bairis finish their saves.
    pub(crate) fn acquire(campaign: &Path) -> io::Result<Lock> {
        let file = open(campaign)?;
        let started = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(TryLockError::Error(e)) => return Err(e),
                Err(TryLockError::WouldBlock) if started.elapsed() > WAIT => {
                    return Err(io::Error::new(
                        io::ErrorKind::WouldBlock,
                        "another bairi is saving this file",
                    ));
                }
                Err(TryLockError::WouldBlock) => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(20));
                }
            }
        }
    }

    /// Takes the lock only if nobody holds it now.
    pub fn try_acquire(campaign: &Path) -> io::Result<Option<Lock>> {
        let file = open(campaign)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Lock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let first = Lock::acquire(&file).unwrap();
        assert!(lock_path(&file).exists());
        assert!(Lock::try_acquire(&file).unwrap().is_none());
        drop(first);
        assert!(Lock::try_acquire(&file).unwrap().is_some());
    }

    #[test]
    fn a_lock_file_left_behind_blocks_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        crate::store::side::sidecar::folder_for(&lock_path(&file)).unwrap();
        std::fs::write(lock_path(&file), "123").unwrap();
        let started = Instant::now();
        assert!(Lock::acquire(&file).is_ok());
        assert!(started.elapsed() < Duration::from_millis(500));
    }
}
