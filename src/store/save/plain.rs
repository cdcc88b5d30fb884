//! Writing a file that is not the campaign (an export, a report, a draft, a recovery copy,
//! a setting, a timestamped copy): a temp file in the target's folder, synced, renamed over
//! the name. The rename replaces whatever the name was, a planted symlink included, and
//! never writes through it; no `.bak` is kept (these files are not campaigns).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use crate::store::save::disk::{sync_dir, temp_path};

/// Writes `bytes` as the file `path` names, replacing it whole. A directory, a pipe or a
/// device at that name is refused; a symlink is replaced by the file, its target untouched.
/// The new file gets the mode any new file gets (the umask's).
pub(crate) fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, |_| Ok(()))
}

/// As [`write`], with `prepare` run on the temp file (its owner, group or mode) before it
/// takes the name.
pub(crate) fn write_with(
    path: &Path,
    bytes: &[u8],
    prepare: impl FnOnce(&File) -> io::Result<()>,
) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.file_type().is_symlink() => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        _ => {}
    }
    let temp = temp_path(path, "new");
    let mut file = create(&temp)?;
    let filled = prepare(&file)
        .and_then(|()| file.write_all(bytes))
        .and_then(|()| file.sync_all());
    drop(file);
    let placed = filled.and_then(|()| fs::rename(&temp, path));
    if placed.is_err() {
        let _ = fs::remove_file(&temp);
    }
    placed?;
    sync_dir(path);
    Ok(())
}

#[cfg(unix)]
fn create(temp: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(temp)
}

#[cfg(not(unix))]
fn create(temp: &Path) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(temp)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_at_the_name_is_replaced_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("profile");
        let name = dir.path().join("weekly.md");
        fs::write(&victim, "mine").unwrap();
        std::os::unix::fs::symlink(&victim, &name).unwrap();
        write(&name, b"report").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "mine");
        assert!(fs::symlink_metadata(&name).unwrap().is_file());
        assert_eq!(fs::read_to_string(&name).unwrap(), "report");
        write(&name, b"again").unwrap();
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "no backup and no temp file left");
    }

    #[test]
    fn a_directory_or_a_pipe_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(dir.path(), b"x").is_err());
        assert!(write(Path::new("/dev/null"), b"x").is_err());
    }
}
