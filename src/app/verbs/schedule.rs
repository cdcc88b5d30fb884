//! Back-scheduling (倒排工期): steps with durations counted back from the deadline.

use chrono::{Days, NaiveDate};

use crate::i18n::Text;
use crate::store::edit::task_fields::MilestoneFields;
use crate::tr;

/// `签约 10, 腾空 15, 拆除 7` → [("签约", 10), ...]; `天`/`d` after the number is allowed.
pub(crate) fn parse_steps(text: &str) -> Result<Vec<(String, u64)>, Text> {
    let mut steps = Vec::new();
    for part in text
        .split([',', ',', '、', ';', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let number_end = part.trim_end_matches(['天', 'd', 'D', ' ']);
        let digits = number_end
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        let (name, days) = number_end.split_at(number_end.len() - digits);
        let name = name.trim();
        match days.parse::<u64>() {
            Ok(days) if days > 0 && !name.is_empty() => steps.push((name.to_owned(), days)),
            _ => {
                return Err(tr!(
                    "看不懂「{part}」:每一步写名称和天数,如 签约 10",
                    "cannot read \"{part}\": write each step as a name and days, e.g. sign 10"
                ));
            }
        }
    }
    if steps.is_empty() {
        return Err(Text::new("请写至少一个步骤", "write at least one step"));
    }
    Ok(steps)
}

/// Due dates counted back from the deadline: the last step ends on it, each earlier step
/// ends where the next begins; optionally moved to the latest checkpoint on or before.
pub(crate) fn back_schedule(
    deadline: NaiveDate,
    steps: &[(String, u64)],
    snap: Option<&[NaiveDate]>,
) -> Vec<MilestoneFields> {
    let mut end = deadline;
    let mut out: Vec<MilestoneFields> = Vec::with_capacity(steps.len());
    for (name, days) in steps.iter().rev() {
        let due = match snap {
            Some(checkpoints) => checkpoints
                .iter()
                .rev()
                .find(|c| **c <= end)
                .copied()
                .unwrap_or(end),
            None => end,
        };
        out.push(MilestoneFields {
            title: name.clone(),
            due,
            unit: None,
        });
        end = end.checked_sub_days(Days::new(*days)).unwrap_or(end);
    }
    out.reverse();
    out
}

/// The warning when counting back from the deadline puts steps' starts before `today`:
/// how many, and the first of them with the day it would have started.
pub(crate) fn started_in_the_past(
    deadline: NaiveDate,
    steps: &[(String, u64)],
    today: NaiveDate,
) -> Option<Text> {
    let mut start = deadline;
    let mut starts = Vec::with_capacity(steps.len());
    for (name, days) in steps.iter().rev() {
        start = start.checked_sub_days(Days::new(*days)).unwrap_or(start);
        starts.push((name, start));
    }
    starts.reverse();
    let past: Vec<_> = starts.iter().filter(|(_, s)| *s < today).collect();
    let (name, start) = past.first()?;
    let (k, name) = (past.len(), crate::sanitize::inert(name));
    Some(tr!(
        "⚠ {k} 步的开始早于今天 {today}:「{name}」应于 {start} 开始,工期不够",
        "⚠ {k} step(s) would start before today {today}: \"{name}\" from {start}; not enough time"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn steps_are_read_in_both_languages() {
        assert_eq!(
            parse_steps("签约 10, 腾空 15天,拆除7").unwrap(),
            vec![("签约".into(), 10), ("腾空".into(), 15), ("拆除".into(), 7)]
        );
        assert!(parse_steps("签约").is_err());
        assert!(parse_steps("").is_err());
    }

    #[test]
    fn dates_count_back_from_the_deadline() {
        let steps = parse_steps("签约 10, 腾空 15, 拆除 7").unwrap();
        let plan = back_schedule(day("2026-11-30"), &steps, None);
        let dues: Vec<String> = plan.iter().map(|m| m.due.to_string()).collect();
        assert_eq!(dues, ["2026-11-08", "2026-11-23", "2026-11-30"]);
        let checkpoints = [day("2026-11-09"), day("2026-11-23"), day("2026-12-09")];
        let snapped = back_schedule(day("2026-11-30"), &steps, Some(&checkpoints));
        let dues: Vec<String> = snapped.iter().map(|m| m.due.to_string()).collect();
        assert_eq!(dues, ["2026-11-08", "2026-11-23", "2026-11-23"]);
    }

    #[test]
    fn steps_that_would_start_before_today_are_warned_about() {
        let steps = parse_steps("签约 10, 腾空 15, 拆除 7").unwrap();
        // Starts: 签约 10-29, 腾空 11-08, 拆除 11-23.
        let warn = started_in_the_past(day("2026-11-30"), &steps, day("2026-11-10")).unwrap();
        assert_eq!(
            warn.zh,
            "⚠ 2 步的开始早于今天 2026-11-10:「签约」应于 2026-10-29 开始,工期不够"
        );
        assert!(
            warn.en
                .contains("2 step(s) would start before today 2026-11-10")
        );
        assert!(started_in_the_past(day("2026-11-30"), &steps, day("2026-10-29")).is_none());
    }
}
