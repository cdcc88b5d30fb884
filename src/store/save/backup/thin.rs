//! Which copies to keep, by age: every copy of the last hour, then the newest of each hour
//! for a day, then the newest of each day for `days` days; the version before each session's
//! first save (pinned) for `days` days whatever the rule; the newest copy always; and, newest
//! first (the pinned ones before the rest), no more than [`CAP_BYTES`] in all.

use chrono::{DateTime, TimeDelta, Utc};

/// The most the copies of one campaign may take together (the newest is kept whatever its
/// size).
pub(crate) const CAP_BYTES: u64 = 100 * 1024 * 1024;

/// What the rule needs to know of a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Kept {
    pub(crate) at: DateTime<Utc>,
    pub(crate) pinned: bool,
    pub(crate) size: u64,
}

/// For copies given newest first: whether each one stays. Within the cap the newest copy
/// comes first, then the pinned ones (newest first), then the rest: a session's first copy
/// is never pushed out by the copies made after it.
pub(crate) fn keep(copies: &[Kept], now: DateTime<Utc>, days: usize, cap: u64) -> Vec<bool> {
    let by_age = by_age(copies, now, days);
    let mut stays = vec![false; copies.len()];
    let mut total = 0u64;
    let order = (0..copies.len().min(1))
        .chain((1..copies.len()).filter(|&i| copies[i].pinned))
        .chain((1..copies.len()).filter(|&i| !copies[i].pinned));
    for i in order {
        let c = copies[i];
        if i == 0 || (by_age[i] && total + c.size <= cap) {
            stays[i] = true;
            total += c.size;
        }
    }
    stays
}

/// Whether the age rule alone keeps each copy (given newest first).
fn by_age(copies: &[Kept], now: DateTime<Utc>, days: usize) -> Vec<bool> {
    let days = i64::try_from(days).unwrap_or(i64::MAX / 2);
    let hour = TimeDelta::hours(1);
    let day = TimeDelta::days(1);
    let horizon = TimeDelta::try_days(days).unwrap_or(TimeDelta::MAX);
    let mut last_bucket: Option<(u8, i64)> = None;
    copies
        .iter()
        .map(|c| {
            let age = now - c.at;
            let bucket = if age < hour {
                None
            } else if age < day {
                Some((1, c.at.timestamp().div_euclid(3600)))
            } else {
                Some((2, c.at.timestamp().div_euclid(86_400)))
            };
            let newest_of_bucket = bucket.is_none() || bucket != last_bucket;
            if bucket.is_some() && newest_of_bucket {
                last_bucket = bucket;
            }
            age < horizon && (c.pinned || newest_of_bucket)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minutes_ago: i64, now: DateTime<Utc>, pinned: bool) -> Kept {
        Kept {
            at: now - TimeDelta::minutes(minutes_ago),
            pinned,
            size: 10,
        }
    }

    #[test]
    fn a_stand_up_keeps_the_version_from_before_the_meeting() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 30, 0).unwrap();
        // 15 edits in the last 20 minutes; the session's first save (pinned) 20 minutes
        // ago; yesterday's copies every 10 minutes for a day; a week of daily copies.
        let mut copies: Vec<Kept> = (0..15).map(|m| at(m, now, false)).collect();
        copies.push(at(20, now, true));
        copies.extend((7..150).map(|n| at(n * 10, now, false)));
        copies.extend((2..40).map(|d| at(d * 1440, now, false)));
        let kept = keep(&copies, now, 10, CAP_BYTES);
        assert!(kept[..16].iter().all(|k| *k), "the last hour and the pin");
        let older: Vec<_> = copies
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .skip(16)
            .collect();
        // One an hour for the day, then one a day for ten days.
        assert!(older.len() < 24 + 10 + 2, "{}", older.len());
        assert!(older.iter().all(|(c, _)| now - c.at < TimeDelta::days(10)));
        assert!(older.iter().any(|(c, _)| now - c.at > TimeDelta::days(8)));
    }

    #[test]
    fn the_cap_drops_the_oldest_but_never_the_newest() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 30, 0).unwrap();
        let copies: Vec<Kept> = (0..10).map(|m| at(m, now, m == 5)).collect();
        let kept = keep(&copies, now, 10, 35);
        assert_eq!(kept.iter().filter(|k| **k).count(), 3);
        assert!(
            kept[0] && kept[5] && kept[1],
            "the newest, the pinned, then the next"
        );
        assert_eq!(
            keep(&copies, now, 10, 0),
            [
                true, false, false, false, false, false, false, false, false, false
            ]
        );
    }
}
