//! Timestamped copies of a campaign, in its own `.bairi/NAME.copies/` (so everyone who
//! shares the campaign can restore them): every version bairi wrote, and every version it
//! overwrote that it had not written itself (an edit made in another editor), compressed
//! (see `gz.rs`), numbered (see `stamp.rs`) and thinned by age (see `thin.rs`). Copies an
//! older bairi kept in the data directory are still listed, restorable and thinned.

mod changes;
mod gz;
mod stamp;
pub(crate) use changes::between;
pub(crate) mod thin;

use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

/// The folder of a campaign's copies, `.bairi/NAME.copies`.
const SUFFIX: &str = ".copies";

/// How long copies are kept (0 = none), where an older bairi kept them, and whether this
/// session has pinned its first copy yet.
#[derive(Debug, Clone, Default)]
pub struct BackupPolicy {
    /// The data directory's `backups/`, where bairi kept copies before they moved beside the
    /// campaign: read and thinned, never written.
    pub legacy: Option<PathBuf>,
    /// Days copies are kept; 0 keeps none.
    pub keep: usize,
    /// The version before a session's first save is pinned: kept for `keep` days whatever
    /// the thinning. Set once it is.
    pub session_pinned: bool,
}

/// One copy: where, when it was made, whether pinned, its size on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub path: PathBuf,
    pub(crate) at: DateTime<Utc>,
    pub pinned: bool,
    pub(crate) size: u64,
    seq: Option<u64>,
    crc: Option<u32>,
}

impl Copy {
    /// The text the copy keeps.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        gz::read(&self.path)
    }

    /// Whether it keeps exactly `bytes` (by length and checksum where its name says them).
    pub(crate) fn holds(&self, bytes: &[u8]) -> bool {
        match self.crc {
            Some(crc) => crc == gz::crc(bytes) && self.read().is_ok_and(|b| b == bytes),
            None => self.read().is_ok_and(|b| b == bytes),
        }
    }
}

/// The file the copies are of: a symlink's target, so every name of a file shares them.
fn real(path: &Path) -> PathBuf {
    crate::store::save::careful::target(path).unwrap_or_else(|_| path.to_owned())
}

/// `.bairi/NAME.copies` beside the (real) campaign file.
pub(crate) fn folder(path: &Path) -> PathBuf {
    crate::store::side::sidecar::path(&real(path), SUFFIX)
}

impl BackupPolicy {
    /// Copies kept for `keep` days; those of older bairis looked for in the data directory.
    pub fn standard(keep: usize) -> BackupPolicy {
        BackupPolicy {
            legacy: legacy_dir(),
            keep,
            session_pinned: false,
        }
    }

    /// Before a save (the lock held): the version on disk is kept unless it is the newest
    /// copy already (what bairi wrote last); the session's first such version is pinned.
    pub(crate) fn keep_before(&mut self, path: &Path, now: DateTime<Utc>) -> io::Result<()> {
        if self.keep == 0 {
            return Ok(());
        }
        let bytes = match crate::store::save::guard::read(path) {
            Ok((bytes, _)) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        let pin = !self.session_pinned;
        let copies = self.copies_of(path)?;
        match copies.first() {
            Some(newest) if newest.holds(&bytes) => {
                if pin && !newest.pinned {
                    let (seq, crc) = (newest.seq.unwrap_or(0), gz::crc(&bytes));
                    let name = stamp::name(seq, newest.at, true, crc);
                    let pinned = folder(path).join(name);
                    if newest.seq.is_some() {
                        fs::rename(&newest.path, pinned)?;
                    } else {
                        Self::add(path, &bytes, now, true, &copies)?;
                    }
                }
            }
            _ => {
                Self::add(path, &bytes, now, pin, &copies)?;
            }
        }
        self.session_pinned = true;
        Ok(())
    }

    /// After a save: the version just written is kept, then the copies thinned.
    pub(crate) fn keep_written(
        &mut self,
        path: &Path,
        bytes: &[u8],
        now: DateTime<Utc>,
    ) -> io::Result<()> {
        if self.keep == 0 {
            return Ok(());
        }
        let copies = self.copies_of(path)?;
        if !copies.first().is_some_and(|c| c.holds(bytes)) {
            Self::add(path, bytes, now, false, &copies)?;
        }
        self.thin(path, now)
    }

    /// A new copy of `bytes`, numbered after every copy there is.
    fn add(
        path: &Path,
        bytes: &[u8],
        now: DateTime<Utc>,
        pinned: bool,
        copies: &[Copy],
    ) -> io::Result<PathBuf> {
        let dir = folder(path);
        crate::store::side::sidecar::folder_for(&dir)?;
        crate::store::side::sidecar::folder_for(&dir.join("x"))?;
        let like = fs::metadata(real(path)).ok();
        let mut seq = copies
            .iter()
            .filter_map(|c| c.seq)
            .max()
            .map_or(1, |s| s + 1);
        let crc = gz::crc(bytes);
        loop {
            let place = dir.join(stamp::name(seq, now, pinned, crc));
            match gz::write(&place, bytes, like.as_ref()) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => seq += 1,
                done => return done.map(|()| place),
            }
        }
    }

    /// Drops the copies the age rule and the cap let go (never the newest).
    fn thin(&self, path: &Path, now: DateTime<Utc>) -> io::Result<()> {
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
            if !stays {
                let _ = fs::remove_file(&c.path);
            }
        }
        Ok(())
    }

    /// The copies of `path`, newest first: those beside it by number, then an older
    /// bairi's in the data directory by time.
    pub fn copies_of(&self, path: &Path) -> io::Result<Vec<Copy>> {
        let mut copies = listed(&folder(path), stamp::parse)?;
        if let Some(dir) = &self.legacy {
            let prefix = legacy_prefix(path);
            copies.extend(listed(dir, |name| {
                stamp::parse_legacy(name.strip_prefix(&prefix)?)
            })?);
        }
        copies.sort_by(|a, b| (b.seq, b.at, &b.path).cmp(&(a.seq, a.at, &a.path)));
        Ok(copies)
    }
}

/// The copies in `dir` whose names `parse` reads.
fn listed(dir: &Path, parse: impl Fn(&str) -> Option<stamp::Stamp>) -> io::Result<Vec<Copy>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(entries
        .flatten()
        .filter_map(|e| {
            let s = parse(&e.file_name().to_string_lossy())?;
            let meta = fs::symlink_metadata(e.path())
                .ok()
                .filter(fs::Metadata::is_file)?;
            Some(Copy {
                path: e.path(),
                at: s.at,
                pinned: s.pinned,
                size: meta.len(),
                seq: s.seq,
                crc: s.crc,
            })
        })
        .collect())
}

/// Where older bairis kept copies: `<data dir>/backups`.
pub(crate) fn legacy_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "bairi").map(|d| d.data_dir().join("backups"))
}

/// `<stem>-<hash of the full path>-`: an older bairi's copies of one file in the data
/// directory, told apart from same-named others.
fn legacy_prefix(path: &Path) -> String {
    let full = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut h);
    let stem = path
        .file_stem()
        .map_or_else(|| "campaign".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}-{:08x}-", h.finish() as u32)
}

#[cfg(test)]
mod tests;
