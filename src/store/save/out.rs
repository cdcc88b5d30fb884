//! Where a report may be written (`report --out PATH`): a regular file or a new one, never
//! the campaign itself (by any name), its backups, bairi's own files beside it, or a
//! device, pipe or socket.

use std::fs;
use std::path::{Path, PathBuf};

use crate::i18n::Text;
use crate::store::save::atomic::backup_path;
use crate::tr;

/// `path` as the system resolves it; for a file not yet there, its folder resolved.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(full) = fs::canonicalize(path) {
        return full;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_owned(),
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}

/// Whether a report may be written to `out`, for the campaign `campaign`.
pub(crate) fn check(out: &Path, campaign: &Path) -> Result<(), Text> {
    let shown = out.display().to_string();
    if let Ok(meta) = fs::metadata(out)
        && !meta.is_file()
    {
        return Err(tr!(
            "{shown} 不是普通文件(目录、管道或设备),报告不写入那里",
            "{shown} is not a regular file (a directory, pipe or device); the report is not written there"
        ));
    }
    let out_full = resolved(out);
    let campaign_full = resolved(campaign);
    let name = campaign_full
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let beside = out_full.parent() == campaign_full.parent();
    let ours = out_full.file_name().is_some_and(|n| {
        let n = n.to_string_lossy();
        n.starts_with(&format!(".{name}."))
    });
    let in_side_folder = campaign_full
        .parent()
        .is_some_and(|d| out_full.starts_with(d.join(crate::store::side::sidecar::DIR)));
    let in_backups = crate::store::save::backup::legacy_dir()
        .and_then(|d| fs::canonicalize(d).ok())
        .is_some_and(|d| out_full.starts_with(d));
    if out_full == campaign_full || same_file(out, campaign) {
        return Err(tr!(
            "{shown} 就是活动文件本身,报告不能覆盖它",
            "{shown} is the campaign file itself; a report may not overwrite it"
        ));
    }
    if out_full == backup_path(&campaign_full)
        || same_file(out, &backup_path(&campaign_full))
        || (beside && ours)
        || in_side_folder
        || in_backups
    {
        return Err(tr!(
            "{shown} 是活动文件的备份或 bairi 的工作文件,报告不能覆盖它",
            "{shown} is a backup of the campaign or one of bairi's own files; a report may not overwrite it"
        ));
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_campaign_its_backup_and_special_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("c.toml");
        fs::write(&c, "x").unwrap();
        crate::store::side::sidecar::folder_for(&backup_path(&c)).unwrap();
        fs::write(backup_path(&c), "x").unwrap();
        fs::hard_link(&c, dir.path().join("same.toml")).unwrap();
        std::os::unix::fs::symlink(&c, dir.path().join("link.toml")).unwrap();
        for bad in [
            c.clone(),
            dir.path().join("./c.toml"),
            dir.path().join("same.toml"),
            dir.path().join("link.toml"),
            backup_path(&c),
            dir.path().join(".c.toml.lock"),
            dir.path().to_owned(),
            PathBuf::from("/dev/null"),
        ] {
            assert!(check(&bad, &c).is_err(), "{}", bad.display());
        }
        assert!(check(&dir.path().join("report.md"), &c).is_ok());
        fs::write(dir.path().join("report.md"), "old").unwrap();
        assert!(check(&dir.path().join("report.md"), &c).is_ok());
    }
}
