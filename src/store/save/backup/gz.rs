//! One copy on disk: the text gzip-compressed (a 6 MB campaign takes well under 1 MB),
//! written whole through a temp file, readable by the campaign's group as the campaign is;
//! read back whether compressed (`.gz`) or, from an older bairi, plain.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::Path;

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

/// The CRC-32 of a text, as a copy's name carries it.
pub(crate) fn crc(bytes: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(bytes);
    crc.sum()
}

/// Writes `bytes` compressed to `place`, a new name; the copy takes the group of `like` (the
/// campaign) and its group's and others' read bits (and the group's write bit).
pub(crate) fn write(place: &Path, bytes: &[u8], like: Option<&fs::Metadata>) -> io::Result<()> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 8), Compression::default());
    encoder.write_all(bytes)?;
    let packed = encoder.finish()?;
    if fs::symlink_metadata(place).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    crate::store::save::plain::write_with(place, &packed, |file| share_like(file, like))
}

#[cfg(unix)]
fn share_like(file: &File, like: Option<&fs::Metadata>) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let Some(like) = like else {
        return Ok(());
    };
    let gid = rustix::fs::Gid::from_raw(like.gid());
    // Only a group the user is in can be given; else the folder's (or the user's) stays.
    let _ = rustix::fs::fchown(file, None, Some(gid));
    file.set_permissions(fs::Permissions::from_mode(0o600 | (like.mode() & 0o064)))
}

#[cfg(not(unix))]
fn share_like(_file: &File, _like: Option<&fs::Metadata>) -> io::Result<()> {
    Ok(())
}

/// The text of a copy at `path`: unpacked when its name ends `.gz`, within the size a
/// campaign may have.
pub(crate) fn read(path: &Path) -> io::Result<Vec<u8>> {
    let limit = crate::store::save::guard::MAX_BYTES;
    let file = File::open(path)?;
    let mut text = Vec::new();
    if path.extension().is_some_and(|e| e == "gz") {
        GzDecoder::new(file)
            .take(limit + 1)
            .read_to_end(&mut text)?;
    } else {
        file.take(limit + 1).read_to_end(&mut text)?;
    }
    if text.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the copy is larger than a campaign may be",
        ));
    }
    Ok(text)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_copy_is_small_reads_back_and_is_shared_like_the_campaign() {
        let dir = tempfile::tempdir().unwrap();
        let campaign = dir.path().join("c.toml");
        let text = include_str!("../../../../tests/fixtures/qinglan.toml").repeat(40);
        fs::write(&campaign, &text).unwrap();
        fs::set_permissions(&campaign, fs::Permissions::from_mode(0o660)).unwrap();
        let like = fs::metadata(&campaign).unwrap();
        let place = dir.path().join("copy.toml.gz");
        write(&place, text.as_bytes(), Some(&like)).unwrap();
        assert_eq!(read(&place).unwrap(), text.as_bytes());
        let size = fs::metadata(&place).unwrap().len();
        assert!(size * 5 < text.len() as u64, "{size} of {}", text.len());
        let mode = fs::metadata(&place).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o660);
        assert!(
            write(&place, b"again", None).is_err(),
            "a name is never reused"
        );
        fs::write(dir.path().join("old.toml"), "plain").unwrap();
        assert_eq!(read(&dir.path().join("old.toml")).unwrap(), b"plain");
    }
}
