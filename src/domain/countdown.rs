//! The campaign countdown: which day it is, days left, the live timer, the next checkpoint.

use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};

use super::model::CampaignInfo;
use super::today::Today;
use crate::i18n::Lang;

/// Where today stands in the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    NotStarted {
        starts_in: i64,
    },
    Running {
        day: i64,
        days_left: i64,
    },
    /// The end date itself: "last day", never "0 days left".
    LastDay {
        day: i64,
    },
    Ended {
        ended_ago: i64,
    },
}

pub fn phase(info: &CampaignInfo, today: NaiveDate) -> Phase {
    if today < info.start {
        Phase::NotStarted {
            starts_in: (info.start - today).num_days(),
        }
    } else if today > info.end {
        Phase::Ended {
            ended_ago: (today - info.end).num_days(),
        }
    } else {
        let day = (today - info.start).num_days() + 1;
        match (info.end - today).num_days() {
            0 => Phase::LastDay { day },
            days_left => Phase::Running { day, days_left },
        }
    }
}

/// `第83天/100 · 剩余17天` / `Day 83/100 · 17 days left`, and the other phases likewise.
pub(crate) fn phase_text(phase: &Phase, total: i64, lang: Lang) -> String {
    match (phase, lang) {
        (Phase::NotStarted { starts_in }, Lang::Zh) => {
            format!("还有{starts_in}天开始 · 共{total}天")
        }
        (Phase::NotStarted { starts_in }, Lang::En) => {
            format!(
                "Starts in {starts_in} {} · {total} days",
                plural(*starts_in, "day")
            )
        }
        (Phase::Running { day, days_left }, Lang::Zh) => {
            format!("第{day}天/{total} · 剩余{days_left}天")
        }
        (Phase::Running { day, days_left }, Lang::En) => {
            format!(
                "Day {day}/{total} · {days_left} {} left",
                plural(*days_left, "day")
            )
        }
        (Phase::LastDay { day }, Lang::Zh) => format!("第{day}天/{total} · 最后一天"),
        (Phase::LastDay { day }, Lang::En) => format!("Day {day}/{total} · last day"),
        (Phase::Ended { ended_ago }, Lang::Zh) => format!("已结束{ended_ago}天 · 共{total}天"),
        (Phase::Ended { ended_ago }, Lang::En) => {
            format!(
                "Ended {ended_ago} {} ago · {total} days",
                plural(*ended_ago, "day")
            )
        }
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// The live countdown while the campaign runs: whole days left, counted by dates, and the
/// real time left in today, to the next midnight in the campaign's zone (23 or 25 hours on
/// a day that changes the clocks). Together they reach the instant the campaign ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Remaining {
    pub(crate) days: i64,
    pub(crate) rest_of_today: TimeDelta,
}

/// `None` before the first day and after the last.
pub(crate) fn remaining(info: &CampaignInfo, now: DateTime<Utc>) -> Option<Remaining> {
    let today = Today::At(now).resolve(&info.timezone);
    if today < info.start || today > info.end {
        return None;
    }
    let tomorrow = today.checked_add_days(Days::new(1))?;
    Some(Remaining {
        days: (info.end - today).num_days(),
        rest_of_today: info.timezone.start_of_day(tomorrow) - now,
    })
}

/// Hours, minutes and seconds of `left` (for `17天 08:12:33`; up to `24:59:59` on a 25-hour
/// day, never wrapped).
pub(crate) fn clock_part(left: TimeDelta) -> (i64, i64, i64) {
    let secs = left.num_seconds().max(0);
    (secs / 3600, (secs / 60) % 60, secs % 60)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NextCheckpoint {
    /// 1-based.
    pub(crate) number: usize,
    pub(crate) date: NaiveDate,
    pub(crate) days_until: i64,
}

/// The first checkpoint on or after today.
pub(crate) fn next_checkpoint(info: &CampaignInfo, today: NaiveDate) -> Option<NextCheckpoint> {
    info.checkpoints
        .iter()
        .position(|d| *d >= today)
        .map(|i| NextCheckpoint {
            number: i + 1,
            date: info.checkpoints[i],
            days_until: (info.checkpoints[i] - today).num_days(),
        })
}

/// Checkpoints strictly before today, as (number, date).
pub fn past_checkpoints(info: &CampaignInfo, today: NaiveDate) -> Vec<(usize, NaiveDate)> {
    info.checkpoints
        .iter()
        .enumerate()
        .take_while(|(_, d)| **d < today)
        .map(|(i, d)| (i + 1, *d))
        .collect()
}

/// The last checkpoint strictly before `date`, as (number, date).
pub(crate) fn last_checkpoint_before(
    info: &CampaignInfo,
    date: NaiveDate,
) -> Option<(usize, NaiveDate)> {
    info.checkpoints
        .iter()
        .rposition(|d| *d < date)
        .map(|i| (i + 1, info.checkpoints[i]))
}

/// The date of the checkpoint before `date` (for the `period` rate), if any.
pub(crate) fn checkpoint_before(info: &CampaignInfo, date: NaiveDate) -> Option<NaiveDate> {
    last_checkpoint_before(info, date).map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::{date, info};
    use chrono::TimeZone;

    /// Time until the end of the last day (midnight after `end` in the campaign's zone);
    /// `None` once it has passed: the oracle the live countdown must add up to.
    fn time_left(info: &CampaignInfo, now: DateTime<Utc>) -> Option<TimeDelta> {
        let after_end = info.end.checked_add_days(Days::new(1))?;
        let left = info.timezone.start_of_day(after_end) - now;
        (left > TimeDelta::zero()).then_some(left)
    }

    #[test]
    fn qinglan_on_day_83() {
        let info = info("2026-09-01", 100, "Asia/Shanghai");
        assert_eq!(info.end, date("2026-12-09"));
        let today = date("2026-11-22");
        assert_eq!(
            phase(&info, today),
            Phase::Running {
                day: 83,
                days_left: 17
            }
        );
        assert_eq!(
            next_checkpoint(&info, today),
            Some(NextCheckpoint {
                number: 6,
                date: date("2026-11-23"),
                days_until: 1
            })
        );
        assert_eq!(
            phase_text(&phase(&info, today), 100, Lang::Zh),
            "第83天/100 · 剩余17天"
        );
        assert_eq!(past_checkpoints(&info, today).len(), 5);
        assert_eq!(
            last_checkpoint_before(&info, today),
            Some((5, date("2026-11-09")))
        );
        assert_eq!(
            last_checkpoint_before(&info, date("2026-11-23")),
            Some((5, date("2026-11-09")))
        );
        assert_eq!(
            last_checkpoint_before(&info, date("2026-11-24")),
            Some((6, date("2026-11-23")))
        );
        assert_eq!(last_checkpoint_before(&info, date("2026-09-14")), None);
    }

    #[test]
    fn before_start_last_day_and_after_end() {
        let info = info("2026-09-01", 100, "+08:00");
        assert_eq!(
            phase(&info, date("2026-08-27")),
            Phase::NotStarted { starts_in: 5 }
        );
        assert_eq!(
            phase(&info, date("2026-12-09")),
            Phase::LastDay { day: 100 }
        );
        assert_eq!(
            phase_text(&Phase::LastDay { day: 100 }, 100, Lang::En),
            "Day 100/100 · last day"
        );
        assert_eq!(
            phase(&info, date("2026-12-12")),
            Phase::Ended { ended_ago: 3 }
        );
        assert_eq!(
            phase(&info, date("2026-09-01")),
            Phase::Running {
                day: 1,
                days_left: 99
            }
        );
        assert_eq!(next_checkpoint(&info, date("2026-12-10")), None);
        assert_eq!(
            next_checkpoint(&info, date("2026-12-09")).map(|c| c.number),
            Some(8)
        );
    }

    #[test]
    fn across_a_year_boundary() {
        let info = info("2026-11-15", 100, "Asia/Shanghai");
        assert_eq!(info.end, date("2027-02-22"));
        assert_eq!(
            phase(&info, date("2027-01-01")),
            Phase::Running {
                day: 48,
                days_left: 52
            }
        );
    }

    #[test]
    fn timer_counts_to_midnight_after_the_end_in_the_zone() {
        let info = info("2026-09-01", 100, "Asia/Shanghai");
        // 2026-11-22 10:00 in Shanghai = 02:00 UTC; the end is 2026-12-10 00:00 Shanghai.
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
        let left = time_left(&info, now).unwrap();
        assert_eq!(left.num_days(), 17);
        assert_eq!(
            clock_part(remaining(&info, now).unwrap().rest_of_today),
            (14, 0, 0)
        );
        let after = Utc.with_ymd_and_hms(2026, 12, 9, 16, 0, 1).unwrap();
        assert_eq!(time_left(&info, after), None);
    }

    #[test]
    fn a_dst_zone_counts_days_by_date() {
        // New York leaves DST on 2026-11-01: that day has 25 hours.
        let info = info("2026-10-01", 32, "America/New_York");
        assert_eq!(info.end, date("2026-11-01"));
        assert_eq!(
            phase(&info, date("2026-10-31")),
            Phase::Running {
                day: 31,
                days_left: 1
            }
        );
        // 2026-10-31 12:00 EDT = 16:00 UTC; to 2026-11-02 00:00 EST = 05:00 UTC: 37 hours.
        let now = Utc.with_ymd_and_hms(2026, 10, 31, 16, 0, 0).unwrap();
        assert_eq!(time_left(&info, now).unwrap().num_hours(), 37);
    }

    fn shown(
        info: &CampaignInfo,
        y: i32,
        mo: u32,
        d: u32,
        h: u32,
        mi: u32,
        s: u32,
    ) -> (i64, i64, i64, i64) {
        let now = Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap();
        let r = remaining(info, now).unwrap();
        let (hh, mm, ss) = clock_part(r.rest_of_today);
        (r.days, hh, mm, ss)
    }

    #[test]
    fn the_live_countdown_on_both_sides_of_the_shanghai_date_line() {
        let info = info("2026-09-01", 100, "Asia/Shanghai");
        // 03:00 UTC is 11:00 on 11-22 in Shanghai; 15:59 is 23:59; 16:00 is midnight of 11-23.
        assert_eq!(shown(&info, 2026, 11, 22, 3, 0, 0), (17, 13, 0, 0));
        assert_eq!(shown(&info, 2026, 11, 22, 15, 59, 0), (17, 0, 1, 0));
        assert_eq!(shown(&info, 2026, 11, 22, 16, 0, 0), (16, 24, 0, 0));
        assert_eq!(shown(&info, 2026, 11, 22, 16, 0, 1), (16, 23, 59, 59));
        assert_eq!(shown(&info, 2026, 11, 22, 23, 59, 0), (16, 16, 1, 0));
        // The last second of the campaign, and after it.
        assert_eq!(shown(&info, 2026, 12, 9, 15, 59, 59), (0, 0, 0, 1));
        let after = Utc.with_ymd_and_hms(2026, 12, 9, 16, 0, 0).unwrap();
        assert_eq!(remaining(&info, after), None);
        let before = Utc.with_ymd_and_hms(2026, 8, 31, 15, 59, 59).unwrap();
        assert_eq!(remaining(&info, before), None);
    }

    #[test]
    fn a_25_hour_last_day_shows_25_hours_not_one() {
        // New York falls back on 2026-11-01, the campaign's last day.
        let info = info("2026-10-01", 32, "America/New_York");
        // 00:00:33 EDT = 04:00:33 UTC; the end is 2026-11-02 00:00 EST = 05:00 UTC.
        assert_eq!(shown(&info, 2026, 11, 1, 4, 0, 33), (0, 24, 59, 27));
        // 01:30 EST (the second 01:30 of the day) = 06:30 UTC.
        assert_eq!(shown(&info, 2026, 11, 1, 6, 30, 0), (0, 22, 30, 0));
        // The day before has 24 hours: 2026-10-31 00:00 EDT = 04:00 UTC.
        assert_eq!(shown(&info, 2026, 10, 31, 4, 0, 0), (1, 24, 0, 0));
        let left = time_left(&info, Utc.with_ymd_and_hms(2026, 11, 1, 4, 0, 33).unwrap());
        assert_eq!(left.unwrap().num_seconds(), 25 * 3600 - 33);
    }

    #[test]
    fn a_23_hour_spring_forward_day_shows_23_hours() {
        // New York springs forward on 2027-03-14: 02:00 EST becomes 03:00 EDT.
        let info = info("2027-03-01", 20, "America/New_York");
        // 00:00 EST = 05:00 UTC; midnight after is 2027-03-15 00:00 EDT = 04:00 UTC.
        assert_eq!(shown(&info, 2027, 3, 14, 5, 0, 0), (6, 23, 0, 0));
        // 03:00 EDT = 07:00 UTC: 21 hours left that day.
        assert_eq!(shown(&info, 2027, 3, 14, 7, 0, 0), (6, 21, 0, 0));
        assert_eq!(
            phase(&info, date("2027-03-14")),
            Phase::Running {
                day: 14,
                days_left: 6
            }
        );
    }

    #[test]
    fn kiritimati_is_a_day_ahead_of_most_of_the_world() {
        let info = info("2026-09-01", 100, "Pacific/Kiritimati");
        // 09:59 UTC is 23:59 on 11-22 there; 10:00 UTC is midnight of 11-23.
        assert_eq!(shown(&info, 2026, 11, 22, 9, 59, 0), (17, 0, 1, 0));
        assert_eq!(shown(&info, 2026, 11, 22, 10, 0, 0), (16, 24, 0, 0));
        // Its first day starts at 2026-08-31 10:00 UTC.
        let first = Utc.with_ymd_and_hms(2026, 8, 31, 10, 0, 0).unwrap();
        assert_eq!(remaining(&info, first).map(|r| r.days), Some(99));
        let fixed = super::super::test_support::info("2026-09-01", 100, "+14:00");
        assert_eq!(shown(&fixed, 2026, 11, 22, 10, 0, 0), (16, 24, 0, 0));
    }
}
