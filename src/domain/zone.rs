//! The campaign's time zone: an IANA name, a fixed offset, or the machine's zone.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveTime, TimeZone, Utc};

/// Where "today" is decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Zone {
    Iana(chrono_tz::Tz),
    Fixed(FixedOffset),
    /// No `timezone` in the file: the machine's zone.
    Local,
}

impl Zone {
    /// Parses `Asia/Shanghai`, `UTC`, `+08:00`, `-05:30`, `+0800`; offsets lie between
    /// `-12:00` and `+14:00`, as every zone on Earth does.
    pub(crate) fn parse(s: &str) -> Option<Zone> {
        if let Some(offset) = parse_offset(s) {
            return Some(Zone::Fixed(offset));
        }
        s.parse::<chrono_tz::Tz>().ok().map(Zone::Iana)
    }

    /// The calendar date at `instant` in this zone.
    pub(crate) fn date_at(&self, instant: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Iana(tz) => instant.with_timezone(tz).date_naive(),
            Zone::Fixed(off) => instant.with_timezone(off).date_naive(),
            Zone::Local => instant.with_timezone(&Local).date_naive(),
        }
    }

    /// The instant a calendar day starts in this zone (the first valid local time on that
    /// date, so a DST gap at midnight does not lose the day).
    pub(crate) fn start_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        fn first<T: TimeZone>(tz: &T, date: NaiveDate) -> DateTime<Utc> {
            let mut time = NaiveTime::MIN;
            for _ in 0..48 {
                if let Some(dt) = tz.from_local_datetime(&date.and_time(time)).earliest() {
                    return dt.with_timezone(&Utc);
                }
                time += chrono::Duration::minutes(30);
            }
            date.and_time(NaiveTime::MIN).and_utc()
        }
        match self {
            Zone::Iana(tz) => first(tz, date),
            Zone::Fixed(off) => first(off, date),
            Zone::Local => first(&Local, date),
        }
    }
}

fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None if rest.len() <= 2 => (rest, "0"),
        None => return None,
    };
    if h.is_empty()
        || !h.bytes().all(|b| b.is_ascii_digit())
        || !m.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let hours: i32 = h.parse().ok()?;
    let minutes: i32 = m.parse().ok()?;
    let seconds = sign * (hours * 3600 + minutes * 60);
    if minutes > 59 || !(-12 * 3600..=14 * 3600).contains(&seconds) {
        return None;
    }
    FixedOffset::east_opt(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_offsets() {
        assert!(matches!(Zone::parse("Asia/Shanghai"), Some(Zone::Iana(_))));
        assert_eq!(
            Zone::parse("+08:00"),
            Some(Zone::Fixed(FixedOffset::east_opt(8 * 3600).unwrap()))
        );
        assert_eq!(
            Zone::parse("-0530"),
            Some(Zone::Fixed(FixedOffset::west_opt(5 * 3600 + 1800).unwrap()))
        );
        assert_eq!(Zone::parse("Mars/Olympus"), None);
        assert_eq!(Zone::parse("+25:00"), None);
        assert_eq!(Zone::parse("+23:00"), None, "no zone is 23 hours ahead");
        assert_eq!(Zone::parse("-12:30"), None);
        assert!(Zone::parse("+14:00").is_some(), "Kiritimati");
        assert!(Zone::parse("-12:00").is_some(), "Baker Island");
        assert_eq!(Zone::parse("+05:60"), None);
    }

    #[test]
    fn today_depends_on_the_zone() {
        let instant = Utc.with_ymd_and_hms(2026, 11, 22, 18, 30, 0).unwrap();
        let shanghai = Zone::parse("Asia/Shanghai").unwrap();
        let utc = Zone::parse("+00:00").unwrap();
        assert_eq!(
            shanghai.date_at(instant),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        assert_eq!(
            utc.date_at(instant),
            NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
        );
    }

    #[test]
    fn a_dst_day_starts_at_its_first_valid_time() {
        // Santiago skips 00:00-01:00 on 2026-09-06.
        let zone = Zone::parse("America/Santiago").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = zone.start_of_day(day);
        assert_eq!(zone.date_at(start), day);
    }
}
