//! Replacing a file (see [`crate::store::save::careful`] for how), with the previous version kept as
//! `FILE.bak`, and cheap detection of changes made by others.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::SystemTime;

/// What a file looked like when we read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
    hash: u64,
}

fn content_hash(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> u64 {
    0
}

impl Fingerprint {
    pub(in crate::store) fn of(bytes: &[u8], meta: &fs::Metadata) -> Fingerprint {
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode: inode(meta),
            hash: content_hash(bytes),
        }
    }
}

/// Reads a file (a regular one, within the size limit: see [`crate::store::save::guard`]) and
/// fingerprints what was read.
pub fn read_fingerprinted(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let (bytes, meta) = crate::store::save::guard::read(path)?;
    let print = Fingerprint::of(&bytes, &meta);
    Ok((bytes, print))
}

/// Whether the file on disk is no longer what `seen` describes: a quick stat first, the
/// content hash only when the stat differs (a touch without change is no change).
pub fn changed_on_disk(path: &Path, seen: &Fingerprint) -> io::Result<bool> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
        Err(e) => return Err(e),
    };
    if meta.len() == seen.len && meta.modified().ok() == seen.modified && inode(&meta) == seen.inode
    {
        return Ok(false);
    }
    let (bytes, _) = crate::store::save::guard::read(path)?;
    Ok(bytes.len() as u64 != seen.len || content_hash(&bytes) != seen.hash)
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// `.NAME.bairi-tmp-PID-N` beside the file.
pub(in crate::store) fn temp_path(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "campaign".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.bairi-{what}-{}-{n}", std::process::id()))
}

/// `.bairi/FILE.bak` beside the file.
pub fn backup_path(path: &Path) -> PathBuf {
    crate::store::side::sidecar::path(path, ".bak")
}

/// Replaces `path` with `bytes` so that the file keeps its owner, group, mode and links,
/// and a symlink its target; the old version is kept as `FILE.bak`. Where it can, the file
/// is at every moment either the old or the new version (see [`crate::store::save::careful`]). On
/// failure no temp file is left behind. Returns the new fingerprint.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    crate::store::save::careful::write(path, bytes).map(|(print, _)| print)
}

/// Points `.bairi/FILE.bak` at the current version, atomically: a hard link when `link` allows it
/// (the file is about to be replaced by a new one), else a full copy (it is about to be
/// overwritten in place).
pub(in crate::store) fn keep_backup(path: &Path, link: bool) -> io::Result<()> {
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
pub(in crate::store) fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
pub(in crate::store) fn sync_dir(_path: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_keeps_a_backup_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_original_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be: the rename fails even for root.
        let path = dir.path().join("c.toml");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "x").unwrap();
        assert!(write_atomically(&path, b"new").is_err());
        assert!(path.is_dir());
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            names
                .iter()
                .all(|n| !n.to_string_lossy().contains("bairi-tmp")),
            "{names:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn permissions_survive() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn detects_changes_but_not_touches() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        fs::write(&path, "one").unwrap();
        let (_, print) = read_fingerprinted(&path).unwrap();
        assert!(!changed_on_disk(&path, &print).unwrap());
        fs::write(&path, "one").unwrap();
        assert!(!changed_on_disk(&path, &print).unwrap());
        fs::write(&path, "two!").unwrap();
        assert!(changed_on_disk(&path, &print).unwrap());
        fs::remove_file(&path).unwrap();
        assert!(changed_on_disk(&path, &print).unwrap());
    }
}
