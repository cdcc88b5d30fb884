//! bairi's own files for a campaign — the save lock, who has it open, a half-typed form, the
//! version before the last save, a save's journal — in one hidden folder beside it
//! (`.bairi/`), so a shared folder or a git repository shows the campaign and nothing else.
//!
//! On a shared server the folder and everything in it belong to whoever may use the
//! campaign: they take the campaign file's group and its group (and other) permission
//! bits, whatever the umask of the user who made them and however the path was written;
//! the folder is never sticky, so one user's file there never locks out the next. See
//! [`share`], which every writer into `.bairi/` calls on what it makes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The folder's name, in the campaign's own directory.
pub(crate) const DIR: &str = ".bairi";

/// `.bairi/NAME{suffix}` beside `file`.
pub(crate) fn path(file: &Path, suffix: &str) -> PathBuf {
    let name = file
        .file_name()
        .map_or_else(|| "campaign".into(), |n| n.to_string_lossy().into_owned());
    file.with_file_name(DIR).join(format!("{name}{suffix}"))
}

/// The same, with the folder made if need be (never the directory it is in), shared as the
/// campaign `file` is (see [`share`]).
pub(crate) fn prepared(file: &Path, suffix: &str) -> io::Result<PathBuf> {
    let place = path(file, suffix);
    folder_of(&place, file)?;
    Ok(place)
}

/// Makes the folder a side file at `place` goes in, as [`prepared`] does. The campaign is
/// the file in the folder's directory whose name begins the side file's name (the longest
/// such), else the directory itself stands for it.
pub fn folder_for(place: &Path) -> io::Result<()> {
    folder_of(place, &campaign_of(place))
}

/// The campaign a side file at `place` belongs to (see [`folder_for`]).
fn campaign_of(place: &Path) -> PathBuf {
    let dir = directory_of(place);
    let name = place
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = name.as_str();
    while let Some((head, _)) = stem.rsplit_once('.') {
        let candidate = dir.join(head);
        if !head.is_empty() && candidate.is_file() {
            return candidate;
        }
        stem = head;
    }
    dir
}

/// The directory that holds the `.bairi/` a side file at `place` goes in (`.` for a bare
/// relative name).
fn directory_of(place: &Path) -> PathBuf {
    place
        .parent()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

fn folder_of(place: &Path, campaign: &Path) -> io::Result<()> {
    let Some(dir) = place.parent() else {
        return Ok(());
    };
    if dir.is_dir() {
        // Made before, perhaps by an older bairi under a tight umask: put right if ours.
        mend(dir, campaign, true);
        return Ok(());
    }
    // Only the folder itself: a campaign's directory that has gone is not made again.
    match fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(()),
        Err(e) => return Err(e),
    }
    share(dir, campaign);
    Ok(())
}

/// Gives a side file or folder at `place` (one this user just made in `.bairi/`) the
/// campaign's group and the campaign's permission bits for the group and for others:
/// a folder `rwx` for its owner, setgid, with `x` wherever the campaign gives `r` or `w`; a
/// file `rw` for its owner. When the campaign does not exist yet, its directory stands for
/// it. Whatever cannot be done (a group this user is not in) is left as it is: this never
/// fails a save. Callers outside this module: the lock, presence, journal and backup copies.
pub(crate) fn share(place: &Path, campaign: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let Some((gid, mode)) = wanted(place, campaign) else {
            return;
        };
        let Ok(meta) = fs::metadata(place) else {
            return;
        };
        if meta.gid() != gid {
            let _ = std::os::unix::fs::chown(place, None, Some(gid));
        }
        crate::store::side::acl::copy(campaign, place, meta.is_dir());
        let _ = fs::set_permissions(place, fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (place, campaign);
}

/// [`share`] on a side file or folder that already exists, only if this user owns it and it
/// is not already as it should be (`folder`: whether it is a folder, which is only widened).
pub(crate) fn mend(place: &Path, campaign: &Path, folder: bool) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(meta) = fs::metadata(place) else {
            return;
        };
        if folder != meta.is_dir() || meta.uid() != rustix::process::geteuid().as_raw() {
            return;
        }
        let Some((gid, mode)) = wanted(place, campaign) else {
            return;
        };
        let now = meta.mode() & 0o7777;
        if folder {
            // One folder serves every campaign in the directory: only ever widened (and
            // never sticky), so one campaign's save never locks out another's group.
            let wider = (now & !0o1000) | mode;
            if wider != now {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(place, fs::Permissions::from_mode(wider));
            }
        } else if (meta.gid(), now) != (gid, mode) {
            share(place, campaign);
        }
    }
    #[cfg(not(unix))]
    let _ = (place, campaign, folder);
}

/// The group and mode a side file or folder at `place` should have.
#[cfg(unix)]
fn wanted(place: &Path, campaign: &Path) -> Option<(u32, u32)> {
    use std::os::unix::fs::MetadataExt;
    let source = fs::metadata(campaign)
        .or_else(|_| fs::metadata(directory_of(&campaign.with_file_name(DIR).join("x"))))
        .ok()?;
    let folder = fs::metadata(place).ok()?.is_dir();
    Some((source.gid(), mode_for(source.mode(), folder)))
}

/// The mode of a side file (or folder) for a campaign (or its directory) of mode `source`.
fn mode_for(source: u32, folder: bool) -> u32 {
    let group = (source >> 3) & 0o6;
    let other = source & 0o6;
    if !folder {
        return 0o600 | group << 3 | other;
    }
    let enter = |bits: u32| if bits == 0 { 0 } else { bits | 1 };
    let setgid = if group == 0 { 0 } else { 0o2000 };
    setgid | 0o700 | enter(group) << 3 | enter(other)
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
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o3775)).unwrap();
        prepared(&shared.join("c.toml"), ".lock").unwrap();
        let mode = fs::metadata(shared.join(DIR)).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o2775, "the same, but never sticky");
    }

    #[test]
    fn a_private_campaign_beside_a_shared_one_never_narrows_the_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (shared, private) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        fs::write(&shared, "a").unwrap();
        fs::write(&private, "b").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o660)).unwrap();
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
        prepared(&shared, ".lock").unwrap();
        prepared(&private, ".lock").unwrap();
        let mode = fs::metadata(dir.path().join(DIR))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o7777, 0o2770);
    }

    #[test]
    fn side_files_take_the_campaigns_group_bits() {
        assert_eq!(mode_for(0o100660, false), 0o660);
        assert_eq!(mode_for(0o100660, true), 0o2770);
        assert_eq!(mode_for(0o100640, true), 0o2750);
        assert_eq!(mode_for(0o100644, false), 0o644);
        assert_eq!(mode_for(0o100600, true), 0o700);
        assert_eq!(mode_for(0o43775, true), 0o2775);
    }

    #[test]
    fn a_side_file_knows_its_campaign_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let campaign = dir.path().join("qing.lan.toml");
        fs::write(&campaign, "x").unwrap();
        let place = path(&campaign, ".bak");
        assert_eq!(campaign_of(&place), campaign);
        assert_eq!(campaign_of(Path::new(".bairi/x.lock")), Path::new("."));
    }
}
