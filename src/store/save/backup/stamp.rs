//! Names of the copies in `.bairi/NAME.copies/`: `000042-20261123T001233.000Z-1a2b3c4d.toml.gz`
//! (a sequence number, so that two copies made under one clock reading never collide; the
//! time in UTC, so that a change of `TZ` cannot reorder them; the CRC-32 of the text, so
//! that a version already kept is not kept twice), `…Z-first-…` for the version before a
//! session's first save. Names of older bairis in the data directory (`YYYYmmddTHHMMSS.mmmZ`
//! in UTC, or `YYYYmmdd-HHMMSS.mmm` in local time, uncompressed) are still read.

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};

const UTC_FORMAT: &str = "%Y%m%dT%H%M%S%.3fZ";
const PINNED: &str = "-first";

/// What a copy's name says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Its place among the copies (none for an older bairi's copy).
    pub(crate) seq: Option<u64>,
    pub(crate) at: DateTime<Utc>,
    pub(crate) pinned: bool,
    /// The CRC-32 of the text (none for an older bairi's copy).
    pub(crate) crc: Option<u32>,
}

/// A new copy's file name.
pub(crate) fn name(seq: u64, at: DateTime<Utc>, pinned: bool, crc: u32) -> String {
    let tag = if pinned { PINNED } else { "" };
    format!("{seq:06}-{}{tag}-{crc:08x}.toml.gz", at.format(UTC_FORMAT))
}

/// A new copy's name: `None` when it is not one.
pub(crate) fn parse(name: &str) -> Option<Stamp> {
    let stem = name.strip_suffix(".toml.gz")?;
    let (seq, rest) = stem.split_once('-')?;
    let (rest, crc) = rest.rsplit_once('-')?;
    let (rest, pinned) = match rest.strip_suffix(PINNED) {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let at = NaiveDateTime::parse_from_str(rest, UTC_FORMAT).ok()?;
    Some(Stamp {
        seq: Some(seq.parse().ok()?),
        at: at.and_utc(),
        pinned,
        crc: Some(u32::from_str_radix(crc, 16).ok()?),
    })
}

/// An older bairi's copy, from the part of its name after the prefix.
pub(crate) fn parse_legacy(rest: &str) -> Option<Stamp> {
    let stem = rest.strip_suffix(".toml")?;
    let (stem, pinned) = match stem.strip_suffix(PINNED) {
        Some(s) => (s, true),
        None => (stem, false),
    };
    let at = match NaiveDateTime::parse_from_str(stem, UTC_FORMAT) {
        Ok(at) => at.and_utc(),
        Err(_) => {
            // The old local-time names, with or without milliseconds.
            let local = NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S%.f")
                .or_else(|_| NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S"))
                .ok()?;
            Local
                .from_local_datetime(&local)
                .earliest()?
                .with_timezone(&Utc)
        }
    };
    Some(Stamp {
        seq: None,
        at,
        pinned,
        crc: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_a_sequence_and_old_names_still_read() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 0, 12, 33).unwrap();
        let one = name(42, at, false, 0x1a2b_3c4d);
        assert_eq!(one, "000042-20261123T001233.000Z-1a2b3c4d.toml.gz");
        let first = name(43, at, true, 7);
        assert_eq!(first, "000043-20261123T001233.000Z-first-00000007.toml.gz");
        let read = parse(&first).unwrap();
        assert_eq!(
            (read.seq, read.at, read.pinned, read.crc),
            (Some(43), at, true, Some(7))
        );
        assert!(!parse(&one).unwrap().pinned);
        let old = parse_legacy("20261123T001233.000Z-first.toml").unwrap();
        assert_eq!((old.at, old.pinned, old.seq), (at, true, None));
        assert!(!parse_legacy("20261123-081233.500.toml").unwrap().pinned);
        assert!(parse_legacy("20261123-081233.toml").is_some());
        assert_eq!(parse("notes.txt"), None);
        assert_eq!(parse_legacy("notes.txt"), None);
    }
}
