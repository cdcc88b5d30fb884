//! Reading a campaign safely: only a regular file, at most [`MAX_BYTES`], read with a bound.
//! A FIFO, a device or a huge sparse file is refused at once instead of hanging or eating
//! memory: the file is opened without blocking and its type and size are taken from the
//! opened descriptor, so what is checked is what is read.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::i18n::Text;
use crate::tr;

/// The largest campaign file bairi reads: 64 MiB (a campaign of 10 000 tasks is ~8 MB, of
/// 80 000 tasks ~60 MB). Loading takes a small multiple of the file's size in memory.
pub(crate) const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a path is not a campaign file bairi will read or write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unfit {
    /// A directory, FIFO, socket or device.
    NotRegular,
    /// Larger than [`MAX_BYTES`] (its size in bytes).
    TooLarge(u64),
}

impl Unfit {
    /// What is wrong, without the file's name.
    pub(crate) fn why(&self) -> Text {
        match self {
            Unfit::NotRegular => Text::new(
                "不是普通文件(目录、管道或设备),不能作为活动文件",
                "not a regular file (a directory, pipe or device); it cannot be a campaign",
            ),
            Unfit::TooLarge(len) => {
                let (mb, max) = (len / (1024 * 1024), MAX_BYTES / (1024 * 1024));
                tr!(
                    "文件太大({mb} MB,上限 {max} MB),不像活动文件 —— 请确认文件是否正确(一万个任务的活动约 8 MB)",
                    "too large ({mb} MB, the limit is {max} MB) to be a campaign — check that this is the right file (a campaign of 10,000 tasks is about 8 MB)"
                )
            }
        }
    }

    /// `NAME: what is wrong`.
    pub(crate) fn message(&self, name: &str) -> Text {
        let why = self.why();
        Text::new(format!("{name}: {}", why.zh), format!("{name}: {}", why.en))
    }

    /// The refusal inside `e`, if `e` is one.
    pub(crate) fn of(e: &io::Error) -> Option<&Unfit> {
        e.get_ref().and_then(|inner| inner.downcast_ref::<Unfit>())
    }

    fn error(self) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, self)
    }
}

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.why().en)
    }
}

impl std::error::Error for Unfit {}

/// Checks what an opened file is: a regular file within the size limit.
pub(crate) fn check(meta: &Metadata) -> io::Result<()> {
    if !meta.is_file() {
        return Err(Unfit::NotRegular.error());
    }
    if meta.len() > MAX_BYTES {
        return Err(Unfit::TooLarge(meta.len()).error());
    }
    Ok(())
}

/// Opens `path` for reading without blocking on a FIFO, and checks it is fit to read.
pub(crate) fn open(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    check(&meta)?;
    Ok((file, meta))
}

/// Reads a whole campaign file (after [`crate::store::side::journal::settle`]), refusing anything but a regular file of at most
/// [`MAX_BYTES`] (also when it grows while being read).
pub(crate) fn read(path: &Path) -> io::Result<(Vec<u8>, Metadata)> {
    // A save in place killed half way is finished first (or waited for, if under way).
    crate::store::side::journal::settle(path);
    let (file, _) = open(path)?;
    let mut bytes = Vec::new();
    let mut bounded = (&file).take(MAX_BYTES + 1);
    bounded.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Unfit::TooLarge(bytes.len() as u64).error());
    }
    let meta = file.metadata()?;
    Ok((bytes, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path()).unwrap_err();
        assert_eq!(Unfit::of(&e), Some(&Unfit::NotRegular));
    }

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "x = 1").unwrap();
        assert_eq!(read(&path).unwrap().0, b"x = 1");
    }

    #[test]
    fn a_huge_sparse_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        File::create(&path).unwrap().set_len(MAX_BYTES + 1).unwrap();
        let e = read(&path).unwrap_err();
        assert_eq!(Unfit::of(&e), Some(&Unfit::TooLarge(MAX_BYTES + 1)));
        assert!(
            Unfit::of(&e)
                .unwrap()
                .message("c.toml")
                .en
                .contains("64 MB")
        );
    }
}
