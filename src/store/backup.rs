//! Timestamped copies of a campaign file in the data directory, the oldest pruned.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// Where copies go and how many to keep (0 = none).
#[derive(Debug, Clone, Default)]
pub struct BackupPolicy {
    pub dir: Option<PathBuf>,
    pub keep: usize,
}

impl BackupPolicy {
    /// The standard place: `<data dir>/backups`.
    pub fn standard(keep: usize) -> BackupPolicy {
        BackupPolicy {
            dir: directories::ProjectDirs::from("", "", "bairi")
                .map(|d| d.data_dir().join("backups")),
            keep,
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

    /// Copies the current version of `path` as `<prefix><stamp>.toml` and removes the oldest
    /// copies beyond `keep`. `stamp` sorts by time (`20261123-081233`).
    pub fn keep_copy(&self, path: &Path, stamp: &str) -> io::Result<Option<PathBuf>> {
        let (Some(dir), true) = (&self.dir, self.keep > 0) else {
            return Ok(None);
        };
        if !path.exists() {
            return Ok(None);
        }
        fs::create_dir_all(dir)?;
        let prefix = Self::prefix(path);
        let copy = dir.join(format!("{prefix}{stamp}.toml"));
        fs::copy(path, &copy)?;
        let mut copies = self.copies_of(path)?;
        while copies.len() > self.keep {
            let oldest = copies.remove(0);
            let _ = fs::remove_file(oldest);
        }
        Ok(Some(copy))
    }

    /// The copies of `path`, oldest first.
    pub fn copies_of(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        let prefix = Self::prefix(path);
        let mut copies: Vec<PathBuf> = match fs::read_dir(dir) {
            Ok(entries) => entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
                .collect(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        copies.sort();
        Ok(copies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_copies() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let other = dir.path().join("sub");
        fs::create_dir(&other).unwrap();
        let same_name = other.join("c.toml");
        fs::write(&same_name, "other").unwrap();
        let policy = BackupPolicy {
            dir: Some(dir.path().join("backups")),
            keep: 3,
        };
        for n in 0..5 {
            fs::write(&file, format!("v{n}")).unwrap();
            policy
                .keep_copy(&file, &format!("20261123-08000{n}"))
                .unwrap();
        }
        policy.keep_copy(&same_name, "20261123-090000").unwrap();
        let copies = policy.copies_of(&file).unwrap();
        let texts: Vec<String> = copies
            .iter()
            .map(|p| fs::read_to_string(p).unwrap())
            .collect();
        assert_eq!(texts, ["v2", "v3", "v4"]);
        assert_eq!(policy.copies_of(&same_name).unwrap().len(), 1);
        let none = BackupPolicy::default();
        assert_eq!(none.keep_copy(&file, "x").unwrap(), None);
    }
}
