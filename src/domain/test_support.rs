//! Builders for hand-made campaigns in unit tests.

use chrono::{Days, NaiveDate};

use super::model::*;
use super::status::Status;
use super::zone::Zone;

pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A campaign of `days` days from `start`, checkpoints every 14 days from start + 13.
pub(crate) fn info(start: &str, days: u64, zone: &str) -> CampaignInfo {
    let start = date(start);
    let end = start + Days::new(days - 1);
    let mut checkpoints = Vec::new();
    let mut d = start + Days::new(13);
    while d < end {
        checkpoints.push(d);
        d = d + Days::new(14);
    }
    checkpoints.push(end);
    CampaignInfo {
        name: "测试活动".into(),
        short: "测试".into(),
        start,
        end,
        timezone: Zone::parse(zone).unwrap(),
        investment_unit: "万元".into(),
        checkpoints,
    }
}

/// `(title, due, done_on)`; `done_on` None means not done.
pub(crate) fn milestone(task: &str, n: usize, due: &str, done_on: Option<&str>) -> Milestone {
    Milestone {
        id: format!("{task}-M{n}"),
        title: format!("节点{n}"),
        due: date(due),
        done: done_on.is_some(),
        done_on: done_on.map(date),
        unit: None,
    }
}

/// A task led by `unit`, with milestones given as `(due, done_on)`.
pub(crate) fn task(
    id: &str,
    unit: &str,
    status: Status,
    deadline: &str,
    milestones: &[(&str, Option<&str>)],
) -> Task {
    Task {
        id: id.into(),
        title: format!("任务{id}"),
        short: None,
        category: "xm".into(),
        leader: Some("p1".into()),
        lead_unit: Some(unit.into()),
        co_units: vec![],
        owner: Some("p1".into()),
        status,
        priority: 2,
        investment: None,
        target: None,
        start: date("2026-09-01"),
        deadline: date(deadline),
        progress: None,
        progress_label: None,
        milestones: milestones
            .iter()
            .enumerate()
            .map(|(i, (due, done))| milestone(id, i + 1, due, *done))
            .collect(),
        log: vec![],
        problems: vec![],
        closed_on: None,
        closed_by: None,
        light_override: None,
    }
}

pub(crate) fn problem(
    id: &str,
    raised: &str,
    due: Option<&str>,
    resolved_on: Option<&str>,
) -> Problem {
    Problem {
        id: id.into(),
        text: format!("问题{id}"),
        raised: date(raised),
        resolved: resolved_on.is_some(),
        kind: None,
        blocking: true,
        owner: None,
        coordinator: None,
        due: due.map(date),
        resolved_on: resolved_on.map(date),
        result: resolved_on.map(|_| "已解决".into()),
    }
}

pub(crate) fn campaign(tasks: Vec<Task>, units: &[&str]) -> Campaign {
    Campaign {
        info: info("2026-09-01", 100, "Asia/Shanghai"),
        rules: Rules {
            light: LightRules::default(),
            leaderboard: LeaderboardRules::default(),
        },
        categories: vec![],
        units: units
            .iter()
            .map(|u| Unit {
                id: (*u).into(),
                name: (*u).into(),
                short: None,
                kind: None,
                head: None,
            })
            .collect(),
        people: vec![],
        tasks,
        commitments: vec![],
        reviews: vec![],
        conflicts: Vec::new(),
        status_spelling: StatusSpelling::English,
    }
}
