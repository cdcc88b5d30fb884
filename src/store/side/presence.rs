//! Who else has the board open: each running board keeps a small file in `.bairi/NAME.presence/`
//! beside the campaign, refreshed while it runs and removed when it quits. Entries not
//! refreshed for [`STALE`] (a crash, a dropped link) are ignored and cleaned up.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// An entry older than this is from a board that is gone.
pub(crate) const STALE: Duration = Duration::from_secs(90);

/// This board's entry; removed on drop.
pub(crate) struct Presence {
    dir: PathBuf,
    file: PathBuf,
    campaign: PathBuf,
}

fn who() -> String {
    let user = crate::store::save::access::user_name();
    let host = fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into());
    crate::sanitize::inert(&format!("{user}@{host}"))
}

impl Presence {
    /// Announces this board beside `campaign`.
    pub(crate) fn join(campaign: &Path) -> io::Result<Presence> {
        let campaign =
            crate::store::save::careful::target(campaign).unwrap_or_else(|_| campaign.to_owned());
        let dir = crate::store::side::sidecar::prepared(&campaign, ".presence")?;
        // Made by whoever comes first, entered by every lead: the group may write it.
        match fs::create_dir(&dir) {
            Ok(()) => crate::store::side::sidecar::share(&dir, &campaign),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                crate::store::side::sidecar::mend(&dir, &campaign, true);
            }
            Err(e) => return Err(e),
        }
        let file = dir.join(format!("{}.{}", who(), std::process::id()));
        // The folder is the group's: a name planted there is replaced, never written through.
        crate::store::save::plain::write(&file, who().as_bytes())?;
        crate::store::side::sidecar::share(&file, &campaign);
        Ok(Presence {
            dir,
            file,
            campaign,
        })
    }

    /// Keeps the entry fresh (call now and then).
    pub(crate) fn refresh(&self) {
        if crate::store::save::plain::write(&self.file, who().as_bytes()).is_ok() {
            crate::store::side::sidecar::share(&self.file, &self.campaign);
        }
    }

    /// The others (`user@host`), without stale entries, which are removed.
    pub(crate) fn others(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path == self.file {
                continue;
            }
            let age = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .unwrap_or(STALE);
            if age >= STALE {
                let _ = fs::remove_file(&path);
                continue;
            }
            if let Ok(text) = fs::read_to_string(&path) {
                out.push(crate::sanitize::inert(text.trim()));
            }
        }
        out.sort();
        out
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.file);
        let _ = fs::remove_dir(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_see_each_other_and_leave_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let campaign = dir.path().join("c.toml");
        let a = Presence::join(&campaign).unwrap();
        assert!(a.others().is_empty());
        // Another board (another process) beside it.
        fs::write(a.dir.join("wang@office.4242"), "wang@office").unwrap();
        assert_eq!(a.others(), ["wang@office"]);
        // A stale one is ignored and removed.
        let old = a.dir.join("li@laptop.99");
        fs::write(&old, "li@laptop").unwrap();
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(SystemTime::now() - STALE * 2)
            .unwrap();
        assert_eq!(a.others(), ["wang@office"]);
        assert!(!old.exists());
        fs::remove_file(a.dir.join("wang@office.4242")).unwrap();
        let presence_dir = a.dir.clone();
        drop(a);
        assert!(
            !presence_dir.exists(),
            "the last board out removes the folder"
        );
    }
}
