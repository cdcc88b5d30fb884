//! Replacing a file (see [`crate::store::save::careful`] for how), with the previous version kept as
//! `FILE.bak`, and cheap detection of changes made by others.

use std::io;
use std::path::Path;

pub(crate) use super::disk::backup_path;
pub(crate) use super::fingerprint::{Fingerprint, changed_on_disk};

/// Reads a file (a regular one, within the size limit: see [`crate::store::save::guard`]) and
/// fingerprints what was read.
pub(crate) fn read_fingerprinted(path: &Path) -> io::Result<(Vec<u8>, Fingerprint)> {
    let (bytes, meta) = crate::store::save::guard::read(path)?;
    let print = Fingerprint::of(&bytes, &meta);
    Ok((bytes, print))
}

/// Replaces `path` with `bytes` so that the file keeps its owner, group, mode and links,
/// and a symlink its target; the old version is kept as `FILE.bak`. Where it can, the file
/// is at every moment either the old or the new version (see [`crate::store::save::careful`]). On
/// failure no temp file is left behind. Returns the new fingerprint.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    crate::store::save::careful::write(path, bytes).map(|(print, _)| print)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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
