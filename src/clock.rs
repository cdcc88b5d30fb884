//! The one clock: real time, or a fixed instant for tests and rehearsals. Nothing else reads
//! the system time for the campaign's sake.

use chrono::{DateTime, TimeDelta, Utc};

/// Where "now" comes from. Made once in `main` and passed down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The machine's clock.
    System,
    /// Always this instant (unit tests).
    Fixed(DateTime<Utc>),
    /// The machine's clock moved by a constant (`BAIRI_NOW`: it starts at the given instant
    /// and runs at real speed, so the countdown still ticks).
    Shifted(TimeDelta),
}

/// The environment variable that starts the clock at another instant (RFC 3339).
pub(crate) const NOW_VAR: &str = "BAIRI_NOW";

impl Clock {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
            Clock::Shifted(by) => Utc::now() + *by,
        }
    }

    /// A clock that reads `at` now and runs on from there.
    pub(crate) fn starting_at(at: DateTime<Utc>) -> Clock {
        Clock::Shifted(at - Utc::now())
    }

    /// The system clock, or one started at `BAIRI_NOW` when that is set. An unreadable value
    /// is an error (never silently the real time).
    pub(crate) fn from_env() -> Result<Clock, String> {
        match std::env::var(NOW_VAR) {
            Err(std::env::VarError::NotPresent) => Ok(Clock::System),
            Ok(v) if v.is_empty() => Ok(Clock::System),
            Ok(v) => DateTime::parse_from_rfc3339(v.trim())
                .map(|at| Clock::starting_at(at.with_timezone(&Utc)))
                .map_err(|_| v),
            Err(std::env::VarError::NotUnicode(v)) => Err(v.to_string_lossy().into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_stands_still_and_a_started_one_runs_from_its_instant() {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 16, 0, 0).unwrap();
        assert_eq!(Clock::Fixed(at).now(), at);
        let started = Clock::starting_at(at).now();
        assert!(started >= at && started - at < TimeDelta::seconds(5));
    }
}
