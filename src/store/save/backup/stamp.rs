//! Names of the copies: `<stem>-<hash>-YYYYmmddTHHMMSS.mmmZ.toml` in UTC (a change of `TZ`
//! cannot reorder them), `…Z-first.toml` for the version before a session's first save.
//! Names from before (`YYYYmmdd-HHMMSS.mmm`, local time) are still read, as local time.

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};

const UTC_FORMAT: &str = "%Y%m%dT%H%M%S%.3fZ";
const PINNED: &str = "-first";

/// The file name after the prefix.
pub fn name(at: DateTime<Utc>, pinned: bool) -> String {
    let tag = if pinned { PINNED } else { "" };
    format!("{}{tag}.toml", at.format(UTC_FORMAT))
}

/// When a copy was made and whether it is pinned, from the part of its name after the
/// prefix; `None` for a name that is not a copy's.
pub fn parse(rest: &str) -> Option<(DateTime<Utc>, bool)> {
    let stem = rest.strip_suffix(".toml")?;
    let (stem, pinned) = match stem.strip_suffix(PINNED) {
        Some(s) => (s, true),
        None => (stem, false),
    };
    if let Ok(at) = NaiveDateTime::parse_from_str(stem, UTC_FORMAT) {
        return Some((at.and_utc(), pinned));
    }
    // The old local-time names, with or without milliseconds.
    let local = NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S"))
        .ok()?;
    let at = Local.from_local_datetime(&local).earliest()?;
    Some((at.with_timezone(&Utc), pinned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_utc_and_old_local_names_still_read() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 0, 12, 33).unwrap();
        assert_eq!(name(at, false), "20261123T001233.000Z.toml");
        assert_eq!(name(at, true), "20261123T001233.000Z-first.toml");
        assert_eq!(parse(&name(at, true)), Some((at, true)));
        assert_eq!(parse(&name(at, false)), Some((at, false)));
        let old = parse("20261123-081233.500.toml").unwrap();
        assert!(!old.1);
        assert!(parse("20261123-081233.toml").is_some());
        assert_eq!(parse("notes.txt"), None);
    }
}
