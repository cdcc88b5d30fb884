//! Dates as people type them in a form: `2026-12-10`, `12-10` (`12/10`, `12月10日`), `+3`,
//! `今天` / `明天` / `后天` (`today`, `tomorrow`), `周五` / `星期五` / `fri` / `friday`, and
//! `下周五` / `next fri`. Relative forms count from today; the form echoes the full date.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The date `raw` means on `today`, if it is one.
pub(crate) fn parse(raw: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = raw.trim();
    let lower = s.to_lowercase();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y/%m/%d") {
        return Some(d);
    }
    match lower.as_str() {
        "今天" | "today" => return Some(today),
        "明天" | "tomorrow" => return today.checked_add_days(Days::new(1)),
        "后天" => return today.checked_add_days(Days::new(2)),
        _ => {}
    }
    if let Some(n) = lower.strip_prefix('+') {
        let n = n.trim_end_matches(['d', '天']).trim();
        return n
            .parse::<u64>()
            .ok()
            .filter(|n| *n <= 3660)
            .and_then(|n| today.checked_add_days(Days::new(n)));
    }
    if let Some(d) = weekday(&lower, today) {
        return Some(d);
    }
    month_day(&lower, today)
}

/// `周五`, `星期五`, `fri`, `friday`: the next such day (today counts); `下周五`, `next fri`:
/// a week after that.
fn weekday(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (next, rest) = match s.strip_prefix("下").or_else(|| s.strip_prefix("next ")) {
        Some(rest) => (true, rest.trim()),
        None => (false, s),
    };
    let rest = rest
        .strip_prefix("星期")
        .or_else(|| rest.strip_prefix("周"))
        .or_else(|| rest.strip_prefix("礼拜"))
        .map_or_else(|| english_day(rest), chinese_day)?;
    let ahead = (7 + rest.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    let ahead = u64::from(ahead) + if next { 7 } else { 0 };
    today.checked_add_days(Days::new(ahead))
}

fn chinese_day(s: &str) -> Option<Weekday> {
    Some(match s {
        "一" => Weekday::Mon,
        "二" => Weekday::Tue,
        "三" => Weekday::Wed,
        "四" => Weekday::Thu,
        "五" => Weekday::Fri,
        "六" => Weekday::Sat,
        "日" | "天" => Weekday::Sun,
        _ => return None,
    })
}

fn english_day(s: &str) -> Option<Weekday> {
    if s.len() < 3 {
        return None;
    }
    let days = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    days.iter()
        .find(|(name, _)| name.starts_with(s))
        .map(|(_, d)| *d)
}

/// `12-10`, `12/10`, `12.10`, `12月10日`: that day in the year that puts it nearest today
/// (a campaign from September runs into the next year).
fn month_day(s: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s = s.trim_end_matches(['日', '号']);
    let (m, d) = s
        .split_once(['-', '/', '.', '月'])
        .and_then(|(m, d)| Some((m.trim().parse::<u32>().ok()?, d.trim().parse::<u32>().ok()?)))?;
    let year = today.year();
    [year - 1, year, year + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .min_by_key(|date| (*date - today).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_ways_people_write_a_date() {
        // 2026-11-22 is a Sunday.
        let today = day("2026-11-22");
        for (raw, want) in [
            ("2026-12-10", "2026-12-10"),
            ("2026/12/10", "2026-12-10"),
            ("12-10", "2026-12-10"),
            ("12/10", "2026-12-10"),
            ("12月10日", "2026-12-10"),
            ("1-15", "2027-01-15"),
            ("11-1", "2026-11-01"),
            ("+3", "2026-11-25"),
            ("+0", "2026-11-22"),
            ("今天", "2026-11-22"),
            ("明天", "2026-11-23"),
            ("后天", "2026-11-24"),
            ("Tomorrow", "2026-11-23"),
            ("周五", "2026-11-27"),
            ("星期一", "2026-11-23"),
            ("周日", "2026-11-22"),
            ("fri", "2026-11-27"),
            ("Friday", "2026-11-27"),
            ("下周五", "2026-12-04"),
            ("next fri", "2026-12-04"),
        ] {
            assert_eq!(parse(raw, today), Some(day(want)), "{raw}");
        }
        for bad in ["next week", "fr", "13-40", "+x", "周八", "", "2-30"] {
            assert_eq!(parse(bad, today), None, "{bad}");
        }
    }
}
