//! `[campaign]` (dates, zone, checkpoints) and `[rules]`.

use chrono::{Days, NaiveDate};

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use crate::domain::{CampaignInfo, LeaderboardRules, LightRules, RateMode, RuleLight, Rules, Zone};
use crate::i18n::Text;
use crate::tr;

const CAMPAIGN_KEYS: &[&str] = &[
    "name",
    "short",
    "start",
    "days",
    "end",
    "timezone",
    "investment_unit",
    "checkpoints",
    // Informational keys of the example campaign, kept and shown where useful.
    "slogan",
    "office",
    "commander",
    "cadence",
];
/// The longest campaign the file may describe: ten years of days.
pub(crate) const MAX_DAYS: i64 = 3660;

const CHECKPOINT_KEYS: &[&str] = &["first", "every_days", "dates"];
const CADENCE_KEYS: &[&str] = &[
    "standups",
    "weekly_meeting",
    "contest_every_days",
    "supervision",
];
const RULES_KEYS: &[&str] = &["light", "leaderboard"];
const LIGHT_KEYS: &[&str] = &[
    "warn_days",
    "overdue_problem",
    "not_started_late",
    "blocking_problem",
    "lag_yellow_pts",
    "lag_red_pts",
];
const LEADERBOARD_KEYS: &[&str] = &["rate", "red_flag_top", "yellow_card_bottom", "metric"];

/// Reads `[campaign]`; `None` when it is missing or its dates cannot be known.
pub(crate) fn read_campaign(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Option<CampaignInfo> {
    let Some((table, span)) = root.table(f, "campaign") else {
        if !root.has("campaign") {
            f.error(
                None,
                None,
                Text::new("缺少 [campaign] 表", "the [campaign] table is missing"),
                Some(Text::new(
                    "请添加 [campaign],至少写 name 和 start",
                    "add [campaign] with at least name and start",
                )),
            );
        }
        return None;
    };
    let e = Entry::new(table, span, Text::same("campaign"), CAMPAIGN_KEYS);
    let name = e.str(f, "name", true);
    let short = e.str(f, "short", false);
    let start = e.date(f, "start", true);
    let days = e.int(f, "days", false);
    let end_given = e.date(f, "end", false);
    let zone_text = e.str(f, "timezone", false);
    let investment_unit = e
        .str(f, "investment_unit", false)
        .unwrap_or_else(|| "万元".to_owned());
    if let Some(commander) = e.str(f, "commander", false) {
        ids.refer(
            IdKind::Person,
            &commander,
            e.value_span("commander"),
            &e.subject,
            "commander",
        );
    }
    e.str(f, "slogan", false);
    e.str(f, "office", false);
    if let Some((t, s)) = e.table(f, "cadence") {
        Entry::new(t, s, Text::same("campaign.cadence"), CADENCE_KEYS).finish(f);
    }
    let timezone = read_zone(&e, f, zone_text);
    let (start, end) = read_span(&e, f, start, days, end_given)?;
    let checkpoints = read_checkpoints(&e, f, start, end);
    e.finish(f);
    Some(CampaignInfo {
        short: short.clone().or_else(|| name.clone()).unwrap_or_default(),
        name: name?,
        start,
        end,
        timezone,
        investment_unit,
        checkpoints,
    })
}

/// `timezone`: an IANA name or an offset; the machine's zone when absent or unknown.
fn read_zone(e: &Entry, f: &mut Findings, zone_text: Option<String>) -> Zone {
    match zone_text {
        None => Zone::Local,
        Some(z) => Zone::parse(&z).unwrap_or_else(|| {
            f.error(
                e.value_span("timezone"),
                Some(&e.subject),
                tr!("不认识的时区 `{z}`", "unknown time zone `{z}`"),
                Some(Text::new(
                    "请写 IANA 名称(如 \"Asia/Shanghai\")或 -12:00 到 +14:00 之间的偏移(如 \"+08:00\")",
                    "write an IANA name (\"Asia/Shanghai\") or an offset from -12:00 to +14:00 (\"+08:00\")",
                )),
            );
            Zone::Local
        }),
    }
}

/// The campaign's first and last day from `start` and `days` or `end`; `None` (with an
/// error) when they disagree, are out of order, or span more than the limit.
fn read_span(
    e: &Entry,
    f: &mut Findings,
    start: Option<NaiveDate>,
    days: Option<i64>,
    end_given: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(d) = days.filter(|d| !(1..=MAX_DAYS).contains(d)) {
        f.error(
            e.value_span("days"),
            Some(&e.subject),
            tr!(
                "`days` = {d} 超出范围 1–{MAX_DAYS}",
                "`days` = {d} is outside 1–{MAX_DAYS}"
            ),
            Some(tr!(
                "写活动的天数,如 `days = 100`(最多 {MAX_DAYS} 天)",
                "give the campaign's length, e.g. `days = 100` (at most {MAX_DAYS})"
            )),
        );
        return None;
    }
    let start = start?;
    let from_days = days.and_then(|d| start.checked_add_days(Days::new(d.unsigned_abs() - 1)));
    let end = match (from_days, end_given) {
        (Some(a), Some(b)) if a != b => {
            let d = days.unwrap_or_default();
            f.error(
                e.value_span("end"),
                Some(&e.subject),
                tr!(
                    "`days` = {d} 与 `end` = {b} 不一致(按 days 应为 {a})",
                    "`days` = {d} and `end` = {b} disagree (days gives {a})"
                ),
                Some(Text::new(
                    "删去其中一个,或改为一致",
                    "remove one of them or make them agree",
                )),
            );
            return None;
        }
        (Some(a), _) => a,
        (None, Some(b)) => b,
        (None, None) => start + Days::new(99),
    };
    if end < start {
        f.error(
            e.value_span("end"),
            Some(&e.subject),
            tr!(
                "`end` = {end} 早于 `start` = {start}",
                "`end` = {end} is before `start` = {start}"
            ),
            None,
        );
        return None;
    }
    let total = (end - start).num_days() + 1;
    if total > MAX_DAYS {
        f.error(
            e.value_span("end"),
            Some(&e.subject),
            tr!(
                "`end` = {end} 距 `start` = {start} 共 {total} 天,超过上限 {MAX_DAYS} 天",
                "`end` = {end} makes the campaign {total} days from `start` = {start}, over the limit of {MAX_DAYS}"
            ),
            Some(Text::new("请检查年份是否写错", "check the year for a typo")),
        );
        return None;
    }
    Some((start, end))
}

/// The checkpoint dates in order, ending with the end date.
fn read_checkpoints(
    e: &Entry,
    f: &mut Findings,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<NaiveDate> {
    let subject = Text::same("campaign.checkpoints");
    let mut dates = match e.table(f, "checkpoints") {
        Some((t, s)) => {
            let c = Entry::new(t, s, subject, CHECKPOINT_KEYS);
            if let Some(list) = c.date_list(f, "dates") {
                for d in &list {
                    if *d < start || *d > end {
                        f.warn(
                            c.value_span("dates"),
                            Some(&c.subject),
                            tr!(
                                "攻坚节点 {d} 不在活动期内,已忽略",
                                "checkpoint {d} is outside the campaign; ignored"
                            ),
                            None,
                        );
                    }
                }
                let kept = list
                    .into_iter()
                    .filter(|d| *d >= start && *d < end)
                    .collect();
                c.finish(f);
                kept
            } else {
                let first = c.date(f, "first", false).unwrap_or(start + Days::new(13));
                let every = c.int(f, "every_days", false).unwrap_or(14);
                if every < 1 {
                    f.error(
                        c.value_span("every_days"),
                        Some(&c.subject),
                        Text::new(
                            "`every_days` 必须至少为 1",
                            "`every_days` must be at least 1",
                        ),
                        None,
                    );
                }
                c.finish(f);
                stepped(first, every.max(1).unsigned_abs(), end)
            }
        }
        None => stepped(start + Days::new(13), 14, end),
    };
    dates.sort_unstable();
    dates.dedup();
    dates.push(end);
    dates
}

fn stepped(first: NaiveDate, every: u64, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = first;
    while d < end {
        out.push(d);
        match d.checked_add_days(Days::new(every)) {
            Some(next) => d = next,
            None => break,
        }
    }
    out
}

/// Reads `[rules.light]` and `[rules.leaderboard]`, defaults where absent.
pub(crate) fn read_rules(root: &Entry, f: &mut Findings) -> Rules {
    let mut light = LightRules::default();
    let mut board = LeaderboardRules::default();
    if let Some((t, s)) = root.table(f, "rules") {
        let rules = Entry::new(t, s, Text::same("rules"), RULES_KEYS);
        if let Some((t, s)) = rules.table(f, "light") {
            let e = Entry::new(t, s, Text::same("rules.light"), LIGHT_KEYS);
            if let Some(n) = e.int_in(f, "warn_days", false, 0, 365) {
                light.warn_days = n;
            }
            if let Some(v) = rule_light(&e, f, "overdue_problem") {
                light.overdue_problem = v;
            }
            if let Some(v) = rule_light(&e, f, "not_started_late") {
                light.not_started_late = v;
            }
            if let Some(v) = rule_light(&e, f, "blocking_problem") {
                light.blocking_problem = v;
            }
            light.lag_yellow_pts = e.int_in(f, "lag_yellow_pts", false, 0, 100);
            light.lag_red_pts = e.int_in(f, "lag_red_pts", false, 0, 100);
            e.finish(f);
        }
        if let Some((t, s)) = rules.table(f, "leaderboard") {
            let e = Entry::new(t, s, Text::same("rules.leaderboard"), LEADERBOARD_KEYS);
            if let Some(r) = e.str(f, "rate", false) {
                match RateMode::parse(&r) {
                    Some(mode) => board.rate = mode,
                    None => f.error(
                        e.value_span("rate"),
                        Some(&e.subject),
                        tr!("不认识的完成率口径 `{r}`", "unknown rate mode `{r}`"),
                        Some(Text::new(
                            "可选 \"cumulative\"、\"period\"、\"on_time\"",
                            "use \"cumulative\", \"period\" or \"on_time\"",
                        )),
                    ),
                }
            }
            e.str(f, "metric", false);
            if let Some(n) = e.int_in(f, "red_flag_top", false, 0, 1000) {
                board.red_flag_top = n.unsigned_abs() as usize;
            }
            if let Some(n) = e.int_in(f, "yellow_card_bottom", false, 0, 1000) {
                board.yellow_card_bottom = n.unsigned_abs() as usize;
            }
            e.finish(f);
        }
        rules.finish(f);
    }
    Rules {
        light,
        leaderboard: board,
    }
}

fn rule_light(e: &Entry, f: &mut Findings, key: &str) -> Option<RuleLight> {
    let v = e.str(f, key, false)?;
    let parsed = RuleLight::parse(&v);
    if parsed.is_none() {
        f.error(
            e.value_span(key),
            Some(&e.subject),
            tr!(
                "`{key}` 不认识的取值 `{v}`",
                "`{key}` has an unknown value `{v}`"
            ),
            Some(Text::new(
                "可选 \"yellow\"、\"red\"、\"none\"",
                "use \"yellow\", \"red\" or \"none\"",
            )),
        );
    }
    parsed
}
