//! The journal that makes a save in place crash-safe. Before a file is overwritten in place
//! (another user's file, a hard-linked one), the whole new version is written beside it
//! (`.bairi/NAME.journal`, with its length and checksum, synced), and only then is the file
//! touched; the journal goes once the file is written and synced. A save killed in between
//! leaves the journal, and the next bairi to read the file, whoever runs it, finishes the
//! save from it before reading ([`settle`]). A journal is only ever seen whole: it is written
//! under a temporary name and renamed into place, locked (`flock`) while its writer lives.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::save::disk::{overwrite, sync_dir, target};
use crate::store::side::sidecar;

const MAGIC: &str = "bairi-journal 1";

/// How long a reader waits for a save in place that is under way.
const WAIT: Duration = Duration::from_secs(20);

/// `.bairi/NAME.journal` beside `target` (the file itself, not a symlink to it).
pub(crate) fn path(target: &Path) -> PathBuf {
    sidecar::path(target, ".journal")
}

/// The name a journal is written under before it is complete: `.bairi/NAME.journal-PID-N`.
fn staging(target: &Path, n: u32) -> PathBuf {
    sidecar::path(target, &format!(".journal-{}-{n}", std::process::id()))
}

/// FNV-1a, 64 bits: stable across builds and machines, as a checksum on disk must be.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Which file a journal is for: its device and inode (a file replaced since is another).
fn identity(meta: &fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 0)
    }
}

fn header(bytes: &[u8], meta: &fs::Metadata) -> String {
    let (dev, ino) = identity(meta);
    format!(
        "{MAGIC}\nlen {}\nsum {:016x}\ndev {dev}\nino {ino}\n\n",
        bytes.len(),
        checksum(bytes)
    )
}

/// The new version a journal holds, and the file it is for; `None` if it is not whole.
fn parse(journal: &[u8]) -> Option<(&[u8], (u64, u64))> {
    let end = journal.windows(2).position(|w| w == b"\n\n")?;
    let head = std::str::from_utf8(&journal[..end]).ok()?;
    let body = &journal[end + 2..];
    let mut lines = head.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let mut field = |name: &str| -> Option<String> {
        let line = lines.next()?;
        line.strip_prefix(name)?
            .strip_prefix(' ')
            .map(str::to_owned)
    };
    let len: usize = field("len")?.parse().ok()?;
    let sum = u64::from_str_radix(&field("sum")?, 16).ok()?;
    let dev: u64 = field("dev")?.parse().ok()?;
    let ino: u64 = field("ino")?.parse().ok()?;
    (body.len() == len && checksum(body) == sum).then_some((body, (dev, ino)))
}

/// A journal in place for a save under way; held (locked) while it lives.
pub(crate) struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Writes the new version `bytes` of `target` (whose metadata is `meta`) to the
    /// journal, synced, before the file is touched. On failure nothing is left behind.
    pub(crate) fn begin(target: &Path, meta: &fs::Metadata, bytes: &[u8]) -> io::Result<Journal> {
        let path = sidecar::prepared(target, ".journal")?;
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let staging = staging(
            target,
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        );
        let written = write_whole(&staging, target, meta, bytes).and_then(|file| {
            file.try_lock().map_err(io::Error::other)?;
            fs::rename(&staging, &path)?;
            sync_dir(&path);
            Ok(file)
        });
        match written {
            Ok(file) => Ok(Journal { file, path }),
            Err(e) => {
                let _ = fs::remove_file(&staging);
                Err(e)
            }
        }
    }

    /// The file is written and synced: the journal goes.
    pub(crate) fn end(self) -> io::Result<()> {
        fs::remove_file(&self.path)?;
        sync_dir(&self.path);
        drop(self.file);
        Ok(())
    }
}

fn write_whole(
    staging: &Path,
    target: &Path,
    meta: &fs::Metadata,
    bytes: &[u8],
) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(staging)?;
    sidecar::share(staging, target);
    file.write_all(header(bytes, meta).as_bytes())?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(file)
}

/// Before `campaign` is read: a save in place that was killed before it finished is
/// finished from its journal (or, if the journal is not whole or is for a file replaced
/// since, the journal is dropped: the file was not touched). A save under way is waited
/// for. Whatever cannot be done (a reader who may not write the file) leaves things as
/// they are for someone who may.
pub(crate) fn settle(campaign: &Path) {
    let Ok(target) = target(campaign) else {
        return;
    };
    let path = path(&target);
    let Ok(mut file) = File::open(&path) else {
        return;
    };
    if !wait_for(&file) || removed(&file) {
        return;
    }
    let mut journal = Vec::new();
    if file.read_to_end(&mut journal).is_err() {
        return;
    }
    let finished = match (parse(&journal), fs::metadata(&target)) {
        (Some((body, id)), Ok(meta)) if identity(&meta) == id => overwrite(&target, body).is_ok(),
        // Not whole, or for a file since replaced or gone: it is no longer wanted.
        _ => true,
    };
    if finished && fs::remove_file(&path).is_ok() {
        sync_dir(&path);
    }
}

/// Takes the journal's lock, waiting while its writer lives; false if it never ends.
fn wait_for(file: &File) -> bool {
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return true,
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < WAIT => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(_) => return false,
        }
    }
}

/// Whether the journal open as `file` was removed (its save ended) before we got it.
fn removed(file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata().map_or(true, |m| m.nlink() == 0)
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        false
    }
}

/// A journal left under its temporary name (a writer killed before the file was touched):
/// `.bairi/NAME.journal-PID-N`. The part after `NAME` if `name` is one of `target`'s.
pub(crate) fn staged_rest<'a>(target: &Path, name: &'a str) -> Option<&'a str> {
    let own = target.file_name()?.to_str()?;
    name.strip_prefix(own)?.strip_prefix(".journal-")
}

#[cfg(test)]
mod tests;
