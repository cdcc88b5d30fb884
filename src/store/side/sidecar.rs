//! bairi's own files for a campaign — the save lock, who has it open, a half-typed form, the
//! version before the last save — in one hidden folder beside it (`.bairi/`), so a shared
//! folder or a git repository shows the campaign and nothing else.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folder's name, in the campaign's own directory.
pub const DIR: &str = ".bairi";

/// `.bairi/NAME{suffix}` beside `file`.
pub fn path(file: &Path, suffix: &str) -> PathBuf {
    let name = file
        .file_name()
        .map_or_else(|| "campaign".into(), |n| n.to_string_lossy().into_owned());
    file.with_file_name(DIR).join(format!("{name}{suffix}"))
}

/// The same, with the folder made if need be (never the directory it is in). A new folder
/// takes the permissions of the
/// directory it is in, so on a shared server everyone who may write the campaign's
/// directory may write here too.
pub fn prepared(file: &Path, suffix: &str) -> io::Result<PathBuf> {
    let place = path(file, suffix);
    folder_for(&place)?;
    Ok(place)
}

/// Makes the folder a side file at `place` goes in, as [`prepared`] does.
pub fn folder_for(place: &Path) -> io::Result<()> {
    let Some(dir) = place.parent() else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    // Only the folder itself: a campaign's directory that has gone is not made again.
    match fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(e),
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(meta) = fs::metadata(parent)
    {
        let _ = fs::set_permissions(dir, meta.permissions());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_side_file_lives_in_one_folder_beside_the_campaign() {
        let dir = tempfile::tempdir().unwrap();
        let campaign = dir.path().join("qinglan.toml");
        let lock = prepared(&campaign, ".lock").unwrap();
        assert_eq!(lock, dir.path().join(".bairi/qinglan.toml.lock"));
        assert!(lock.parent().unwrap().is_dir());
        assert_eq!(
            path(&campaign, ".draft"),
            dir.path().join(".bairi/qinglan.toml.draft")
        );
    }

    #[test]
    fn the_folder_takes_the_permissions_of_the_campaigns_directory() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("office");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o2775)).unwrap();
        prepared(&shared.join("c.toml"), ".lock").unwrap();
        let mode = fs::metadata(shared.join(DIR)).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o2775);
    }
}
