//! Timestamped copies of a campaign file in the data directory: the version before every
//! save, thinned by age (see `thin.rs`), named in UTC (see `stamp.rs`).

mod changes;
mod stamp;
pub use changes::between;
pub mod thin;

use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

/// Where copies go, for how many days (0 = none), and whether this session has made its
/// first copy yet.
#[derive(Debug, Clone, Default)]
pub struct BackupPolicy {
    pub dir: Option<PathBuf>,
    /// Days copies are kept; 0 keeps none.
    pub keep: usize,
    /// The first copy of a session (the version before its first save) is pinned: kept for
    /// `keep` days whatever the thinning. Set once that copy is made.
    pub session_pinned: bool,
}

/// One copy: where, when it was made, whether pinned, its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub path: PathBuf,
    pub at: DateTime<Utc>,
    pub pinned: bool,
    pub size: u64,
}

impl BackupPolicy {
    /// The standard place: `<data dir>/backups`.
    pub fn standard(keep: usize) -> BackupPolicy {
        BackupPolicy {
            dir: directories::ProjectDirs::from("", "", "bairi")
                .map(|d| d.data_dir().join("backups")),
            keep,
            session_pinned: false,
        }
    }

    /// `<stem>-<hash of the full path>-`: copies of one file, told apart from same-named others.
    fn prefix(path: &Path) -> String {
        let full = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        let mut h = std::collections::hash_map::DefaultHasher::new();
        full.hash(&mut h);
        let stem = path
            .file_stem()
            .map_or_else(|| "campaign".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem}-{:08x}-", h.finish() as u32)
    }

    /// Copies the current version of `path`, stamped `now` (from the file's clock), then
    /// thins the copies.
    pub fn keep_copy(&mut self, path: &Path, now: DateTime<Utc>) -> io::Result<Option<PathBuf>> {
        let (Some(dir), true) = (&self.dir, self.keep > 0) else {
            return Ok(None);
        };
        if !path.exists() {
            return Ok(None);
        }
        fs::create_dir_all(dir)?;
        let pinned = !self.session_pinned;
        let copy = dir.join(format!(
            "{}{}",
            Self::prefix(path),
            stamp::name(now, pinned)
        ));
        fs::copy(path, &copy)?;
        self.session_pinned = true;
        let copies = self.copies_of(path)?;
        let facts: Vec<thin::Kept> = copies
            .iter()
            .map(|c| thin::Kept {
                at: c.at,
                pinned: c.pinned,
                size: c.size,
            })
            .collect();
        let keep = thin::keep(&facts, now, self.keep, thin::CAP_BYTES);
        for (c, stays) in copies.iter().zip(keep) {
            if !stays && c.path != copy {
                let _ = fs::remove_file(&c.path);
            }
        }
        Ok(Some(copy))
    }

    /// The copies of `path`, newest first.
    pub fn copies_of(&self, path: &Path) -> io::Result<Vec<Copy>> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        let prefix = Self::prefix(path);
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut copies: Vec<Copy> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let (at, pinned) = stamp::parse(name.strip_prefix(&prefix)?)?;
                let size = e.metadata().map_or(0, |m| m.len());
                Some(Copy {
                    path: e.path(),
                    at,
                    pinned,
                    size,
                })
            })
            .collect();
        copies.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.path.cmp(&a.path)));
        Ok(copies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    #[test]
    fn copies_are_pinned_per_session_thinned_and_told_apart_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let other = dir.path().join("sub");
        fs::create_dir(&other).unwrap();
        let same_name = other.join("c.toml");
        fs::write(&same_name, "other").unwrap();
        let mut policy = BackupPolicy {
            dir: Some(dir.path().join("backups")),
            keep: 3,
            session_pinned: false,
        };
        let start = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
        // Four days of saves, one every two hours.
        for n in 0..48 {
            fs::write(&file, format!("v{n}")).unwrap();
            let now = start + TimeDelta::hours(2 * n);
            policy.keep_copy(&file, now).unwrap();
        }
        let copies = policy.copies_of(&file).unwrap();
        assert_eq!(fs::read_to_string(&copies[0].path).unwrap(), "v47");
        assert!(copies.len() < 20, "{}", copies.len());
        // The session's first copy was older than three days: thinned away.
        assert!(copies.iter().all(|c| !c.pinned));
        assert!(copies.windows(2).all(|w| w[0].at > w[1].at));
        let mut other_policy = BackupPolicy {
            session_pinned: false,
            ..policy.clone()
        };
        other_policy.keep_copy(&same_name, start).unwrap();
        let theirs = policy.copies_of(&same_name).unwrap();
        assert_eq!(theirs.len(), 1);
        assert!(theirs[0].pinned);
        let mut none = BackupPolicy::default();
        assert_eq!(none.keep_copy(&file, start).unwrap(), None);
    }
}
