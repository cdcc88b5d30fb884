//! What a file looked like when it was read or written, and the cheap check of whether it
//! changed since.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
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

/// Whether the file on disk is no longer what `seen` describes: a quick stat first, the
/// content hash only when the stat differs (a touch without change is no change).
pub(crate) fn changed_on_disk(path: &Path, seen: &Fingerprint) -> io::Result<bool> {
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
