//! Which calendar day is "today" for a campaign: the only place an instant becomes a date.

use chrono::{DateTime, NaiveDate, Utc};

use super::zone::Zone;

/// A pinned date (`--today`) or an instant to be read in the campaign's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Today {
    /// A fixed date (`--today`).
    Date(NaiveDate),
    /// The date at this instant in the campaign's zone.
    At(DateTime<Utc>),
}

impl Today {
    /// `--today` when given, else the date at `now`.
    pub(crate) fn pinned_or(date: Option<NaiveDate>, now: DateTime<Utc>) -> Today {
        date.map_or(Today::At(now), Today::Date)
    }

    /// The calendar date this stands for in `zone`.
    pub(crate) fn resolve(self, zone: &Zone) -> NaiveDate {
        match self {
            Today::Date(date) => date,
            Today::At(instant) => zone.date_at(instant),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_same_instant_is_a_different_day_on_each_side_of_the_date_line() {
        let shanghai = Zone::parse("Asia/Shanghai").unwrap();
        let kiritimati = Zone::parse("Pacific/Kiritimati").unwrap();
        let new_york = Zone::parse("America/New_York").unwrap();
        for (h, m, sh, ki, ny) in [
            (3, 0, "2026-11-22", "2026-11-22", "2026-11-21"),
            (9, 59, "2026-11-22", "2026-11-22", "2026-11-22"),
            (10, 0, "2026-11-22", "2026-11-23", "2026-11-22"),
            (15, 59, "2026-11-22", "2026-11-23", "2026-11-22"),
            (16, 0, "2026-11-23", "2026-11-23", "2026-11-22"),
            (23, 59, "2026-11-23", "2026-11-23", "2026-11-22"),
        ] {
            let at = Today::At(Utc.with_ymd_and_hms(2026, 11, 22, h, m, 0).unwrap());
            assert_eq!(at.resolve(&shanghai), date(sh), "{h}:{m} Shanghai");
            assert_eq!(at.resolve(&kiritimati), date(ki), "{h}:{m} Kiritimati");
            assert_eq!(at.resolve(&new_york), date(ny), "{h}:{m} New York");
        }
    }

    #[test]
    fn a_pinned_date_is_the_same_in_every_zone() {
        let pinned = Today::pinned_or(Some(date("2026-11-22")), Utc::now());
        assert!(matches!(pinned, Today::Date(_)));
        assert_eq!(
            pinned.resolve(&Zone::parse("Pacific/Kiritimati").unwrap()),
            date("2026-11-22")
        );
    }
}
