//! The small file-system steps every kind of save shares: the file a path names, a name for
//! a temp file beside it, syncing its directory, keeping `.bairi/FILE.bak`, and overwriting
//! a file in place (room reserved first) without a journal.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The file a path names: a symlink is followed to its target (which gets the edit).
pub(crate) fn target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_owned()),
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// `.NAME.bairi-tmp-PID-N` beside the file.
pub(crate) fn temp_path(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "campaign".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.bairi-{what}-{}-{n}", std::process::id()))
}

/// `.bairi/FILE.bak` beside the file.
pub(crate) fn backup_path(path: &Path) -> PathBuf {
    crate::store::side::sidecar::path(path, ".bak")
}

/// Points `.bairi/FILE.bak` at the current version, atomically: a hard link when `link` allows it
/// (the file is about to be replaced by a new one), else a full copy (it is about to be
/// overwritten in place).
pub(crate) fn keep_backup(path: &Path, link: bool) -> io::Result<()> {
    let bak = crate::store::side::sidecar::prepared(path, ".bak")?;
    let staging = temp_path(path, "bak");
    if !link || fs::hard_link(path, &staging).is_err() {
        if let Err(e) = fs::copy(path, &staging) {
            let _ = fs::remove_file(&staging);
            return Err(e);
        }
        crate::store::side::sidecar::share(&staging, path);
    }
    let renamed = fs::rename(&staging, &bak);
    if renamed.is_err() {
        let _ = fs::remove_file(&staging);
    }
    renamed
}

#[cfg(unix)]
pub(crate) fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
pub(crate) fn sync_dir(_path: &Path) {}

/// Writes `bytes` over `target` in place with no journal (finishing a save from one).
pub(crate) fn overwrite(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(target)?;
    let len = file.metadata()?.len();
    reserve(&file, len, bytes)?;
    fill(&mut file, bytes)
}

/// The whole of `bytes` from the start, the file cut to their length, synced.
pub(super) fn fill(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// Makes sure the disk has room for the file to grow from `len` to `bytes.len()` before
/// any byte of it changes: `fallocate` keeping the size where the system has it, else the
/// new tail written past the old end (cut off again by the caller on failure).
pub(super) fn reserve(file: &File, len: u64, bytes: &[u8]) -> io::Result<()> {
    let want = bytes.len() as u64;
    if want <= len {
        return Ok(());
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{FallocateFlags, fallocate};
        match fallocate(file, FallocateFlags::KEEP_SIZE, 0, want) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::NOSPC || e == rustix::io::Errno::DQUOT => {
                return Err(e.into());
            }
            Err(_) => {}
        }
    }
    let start = usize::try_from(len).unwrap_or(usize::MAX);
    let mut tail = file;
    tail.seek(SeekFrom::Start(len))?;
    tail.write_all(bytes.get(start..).unwrap_or_default())?;
    tail.sync_data()
}
