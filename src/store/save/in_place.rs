//! Overwriting a file in place, crash-safe and honest: the new version goes to a journal
//! first (see [`crate::store::side::journal`]), the room it needs is reserved before the
//! first byte of the file changes, and a write that fails after that is undone from the
//! old version; if even that fails, the journal stays for the next bairi to finish the
//! save, and the error says the file was changed ([`Unfinished`]), never that it was not.

use std::fmt;
use std::fs::OpenOptions;
use std::io;
use std::path::Path;

use super::disk::{fill, reserve};
use crate::i18n::Text;
use crate::store::side::journal::Journal;

/// A save in place that stopped after the file was changed: it is neither the old nor the
/// new version until the next bairi to open it finishes the save from the journal.
#[derive(Debug)]
pub(crate) struct Unfinished(pub io::Error);

impl Unfinished {
    pub(crate) fn why(&self) -> Text {
        let e = &self.0;
        crate::tr!(
            "写入中途失败({e}),文件已部分改动;新版本已存在 .bairi/ 中,下次打开时 bairi 会补完这次保存",
            "the write failed half way ({e}) and the file was partly changed; the new version is kept in .bairi/ and the next bairi to open the file finishes this save"
        )
    }

    /// The unfinished save inside `e`, if `e` is one.
    pub(crate) fn of(e: &io::Error) -> Option<&Unfinished> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<Unfinished>())
    }
}

impl fmt::Display for Unfinished {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why().en)
    }
}

impl std::error::Error for Unfinished {}

/// Writes `bytes` over `target` in place (its inode, owner, group, mode, ACLs and links
/// stay): journal, reserve, write, sync, drop the journal. `old` is what the file holds now.
pub(crate) fn write(target: &Path, old: &[u8], bytes: &[u8]) -> io::Result<std::fs::Metadata> {
    let mut file = OpenOptions::new().write(true).open(target)?;
    let meta = file.metadata()?;
    let journal = Journal::begin(target, &meta, bytes)?;
    if let Err(e) = reserve(&file, old.len() as u64, bytes) {
        // Nothing but room past the end was asked for: the file reads as before.
        let _ = file.set_len(old.len() as u64);
        let _ = journal.end();
        return Err(e);
    }
    if let Err(e) = fill(&mut file, bytes) {
        return match fill(&mut file, old) {
            Ok(()) => {
                let _ = journal.end();
                Err(e)
            }
            Err(_) => Err(io::Error::other(Unfinished(e))),
        };
    }
    let meta = file.metadata()?;
    journal.end()?;
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::file::SaveError;

    #[test]
    fn an_unfinished_save_never_says_the_file_is_unchanged() {
        let e = io::Error::other(Unfinished(io::Error::from(io::ErrorKind::StorageFull)));
        let error = SaveError::Io(e);
        assert!(!error.left_unchanged());
        let message = error.message();
        assert!(message.en.contains("partly changed") && message.zh.contains("部分改动"));
        assert!(SaveError::Io(io::Error::from(io::ErrorKind::StorageFull)).left_unchanged());
    }

    #[test]
    fn a_write_in_place_leaves_no_journal() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("c.toml");
        std::fs::write(&target, "old").unwrap();
        write(&target, b"old", b"a longer new version").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"a longer new version");
        assert!(!crate::store::side::journal::path(&target).exists());
    }
}
