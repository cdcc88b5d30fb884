//! Writing over a shared file like a careful editor (vim's `backupcopy=auto`): a temp file
//! renamed over the original when that keeps everything the original had (owner, group,
//! mode, its one name), else a full backup copy and the original overwritten in place, so
//! a symlink keeps pointing at it, hard links stay one file, and alice's file stays alice's.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

pub(crate) use super::disk::target;
use super::disk::{keep_backup, sync_dir, temp_path};
use super::fingerprint::Fingerprint;
use crate::store::save::{guard, in_place, xattrs};

/// How a file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Way {
    /// A new file, or a temp file renamed over the original (atomic).
    Renamed,
    /// The original overwritten in place after a full backup copy.
    InPlace,
}

/// Writes `bytes` to `path` (following a symlink), the old version kept as `FILE.bak`.
/// Refuses anything but a regular file, and a file the running user may not write.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> io::Result<(Fingerprint, Way)> {
    let target = target(path)?;
    let original = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let Some(original) = original else {
        let print = by_rename(&target, bytes, None)?.ok_or_else(|| {
            io::Error::new(io::ErrorKind::PermissionDenied, "cannot create the file")
        })?;
        return Ok((print, Way::Renamed));
    };
    guard::check(&original)?;
    if !crate::store::save::access::may_write(&target) {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    if single_link(&original)
        && let Some(print) = by_rename(&target, bytes, Some(&original))?
    {
        return Ok((print, Way::Renamed));
    }
    Ok((rewrite(&target, bytes)?, Way::InPlace))
}

#[cfg(unix)]
fn single_link(meta: &Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(meta) == 1
}

#[cfg(not(unix))]
fn single_link(_meta: &Metadata) -> bool {
    true
}

/// Temp file + rename. `Ok(None)` when a temp file cannot be made to look exactly like the
/// original (no room in the directory, or another owner or group we may not give it):
/// nothing was changed and the caller writes in place instead.
fn by_rename(
    target: &Path,
    bytes: &[u8],
    original: Option<&Metadata>,
) -> io::Result<Option<Fingerprint>> {
    let temp = temp_path(target, "tmp");
    let file = match create_temp(&temp, original.is_none()) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied && original.is_some() => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let result = fill_and_rename(file, target, &temp, bytes, original);
    if !matches!(result, Ok(Some(_))) {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn fill_and_rename(
    mut file: File,
    target: &Path,
    temp: &Path,
    bytes: &[u8],
    original: Option<&Metadata>,
) -> io::Result<Option<Fingerprint>> {
    if let Some(original) = original {
        if !same_owner(&file, original) {
            return Ok(None);
        }
        // Extended attributes (an ACL among them) first, then the mode, which must come out
        // exactly as it was; else this is no copy of the original, and it is written in place.
        if !xattrs::copy(&File::open(target)?, &file)? {
            return Ok(None);
        }
        file.set_permissions(original.permissions())?;
        if file.metadata()?.permissions() != original.permissions() {
            return Ok(None);
        }
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    let meta = file.metadata()?;
    drop(file);
    if original.is_some() {
        keep_backup(target, true)?;
    }
    fs::rename(temp, target)?;
    sync_dir(target);
    Ok(Some(Fingerprint::of(bytes, &meta)))
}

/// The temp file: private until it takes the original's mode, or, for a new file (a
/// report, a template), the mode any new file gets from the umask.
#[cfg(unix)]
fn create_temp(temp: &Path, new: bool) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(if new { 0o666 } else { 0o600 })
        .open(temp)
}

#[cfg(not(unix))]
fn create_temp(temp: &Path, _new: bool) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(temp)
}

/// Gives the temp file the original's owner and group if it does not have them already;
/// false when the system does not allow it (only root gives files away; a user may pick
/// only a group they are in).
#[cfg(unix)]
fn same_owner(file: &File, original: &Metadata) -> bool {
    use rustix::fs::{Gid, Uid, fchown};
    use std::os::unix::fs::MetadataExt;
    let Ok(now) = file.metadata() else {
        return false;
    };
    if (now.uid(), now.gid()) == (original.uid(), original.gid()) {
        return true;
    }
    let uid = (now.uid() != original.uid()).then(|| Uid::from_raw(original.uid()));
    let gid = (now.gid() != original.gid()).then(|| Gid::from_raw(original.gid()));
    fchown(file, uid, gid).is_ok()
}

#[cfg(not(unix))]
fn same_owner(_file: &File, _original: &Metadata) -> bool {
    true
}

/// A full copy as `FILE.bak` first, then the original itself rewritten and synced through
/// a journal (see [`in_place`]): its inode, owner, group, mode, ACLs and links stay as
/// they are, and a save killed half way is finished by the next bairi to read the file.
fn rewrite(target: &Path, bytes: &[u8]) -> io::Result<Fingerprint> {
    let (old, _) = guard::read(target)?;
    keep_backup(target, false)?;
    let meta = in_place::write(target, &old, bytes)?;
    Ok(Fingerprint::of(bytes, &meta))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    #[test]
    fn a_symlink_keeps_pointing_at_its_target_which_gets_the_edit() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_hard_link_stays_one_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        fs::write(&a, "old").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let (_, way) = write(&a, b"new").unwrap();
        assert_eq!(way, Way::InPlace);
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
        assert_eq!(
            fs::read_to_string(crate::store::save::disk::backup_path(&a)).unwrap(),
            "old",
            "the backup is a copy, not a third link"
        );
    }

    #[test]
    fn a_shorter_text_in_place_leaves_no_tail() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        fs::write(&a, "a long old text").unwrap();
        fs::hard_link(&a, dir.path().join("b.toml")).unwrap();
        write(&a, b"short").unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "short");
    }
}
