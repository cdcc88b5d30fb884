//! Milestone rates (节点完成率) and the leaderboard (擂台榜) at a checkpoint.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::countdown::{checkpoint_before, past_checkpoints};
use super::light::{TaskLight, task_light_at_end_of};
use super::milestone::done_by;
use super::model::{Campaign, RateMode, Review};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitTally {
    pub unit: String,
    pub done: u32,
    pub due: u32,
}

/// Milestones due by `date` credited to each unit (the milestone's `unit`, else the task's
/// lead unit), and how many of them were done by the end of `date`, in unit id order.
pub fn unit_tally(
    campaign: &Campaign,
    date: NaiveDate,
    mode: RateMode,
    previous: Option<NaiveDate>,
) -> Vec<UnitTally> {
    let mut tally: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for task in &campaign.tasks {
        for m in &task.milestones {
            let Some(unit) = m.unit.as_deref().or(task.lead_unit.as_deref()) else {
                continue;
            };
            if m.due > date || (mode == RateMode::Period && previous.is_some_and(|p| m.due <= p)) {
                continue;
            }
            let mut done = done_by(m, date);
            if mode == RateMode::OnTime {
                done = done && m.done_on.is_none_or(|d| d <= m.due);
            }
            let entry = tally.entry(unit).or_default();
            entry.0 += u32::from(done);
            entry.1 += 1;
        }
    }
    tally
        .into_iter()
        .map(|(unit, (done, due))| UnitTally {
            unit: unit.to_owned(),
            done,
            due,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankedUnit {
    pub unit: String,
    pub rank: u32,
    pub done: u32,
    pub due: u32,
    /// 0–100.
    pub rate: f64,
    pub red_tasks: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Leaderboard {
    /// The checkpoint number, or `None` for "now".
    pub checkpoint: Option<usize>,
    pub date: NaiveDate,
    pub done: u32,
    pub due: u32,
    /// Ranked units (those with at least one milestone due), best first.
    pub units: Vec<RankedUnit>,
    /// ⚑ red flag: the top units (an honour).
    pub red_flag: Vec<String>,
    /// ▮ yellow card: the bottom units below 100%, in rank order.
    pub yellow_card: Vec<String>,
    /// Red and yellow tasks at the end of `date`, in file order.
    pub red: Vec<String>,
    pub yellow: Vec<String>,
}

impl Leaderboard {
    /// A published review as a leaderboard (its frozen numbers, never recomputed).
    pub fn from_review(r: &Review) -> Leaderboard {
        Leaderboard {
            checkpoint: Some(r.checkpoint as usize),
            date: r.date,
            done: r.units.iter().map(|u| u.done).sum(),
            due: r.units.iter().map(|u| u.due).sum(),
            units: r
                .units
                .iter()
                .map(|u| RankedUnit {
                    unit: u.unit.clone(),
                    rank: u.rank,
                    done: u.done,
                    due: u.due,
                    rate: u.rate,
                    red_tasks: u.red_tasks,
                })
                .collect(),
            red_flag: r.red_flag.clone(),
            yellow_card: r.yellow_card.clone(),
            red: r.red.clone(),
            yellow: r.yellow.clone(),
        }
    }

    /// Campaign-wide rate, 0–100 (100 when nothing is due).
    pub fn rate(&self) -> f64 {
        rate(self.done, self.due)
    }
}

pub fn rate(done: u32, due: u32) -> f64 {
    if due == 0 {
        100.0
    } else {
        100.0 * f64::from(done) / f64::from(due)
    }
}

/// The leaderboard as it stood at the end of `date`.
pub fn leaderboard_at(
    campaign: &Campaign,
    checkpoint: Option<usize>,
    date: NaiveDate,
) -> Leaderboard {
    let rules = &campaign.rules;
    let mut red = Vec::new();
    let mut yellow = Vec::new();
    let mut red_by_unit: BTreeMap<&str, u32> = BTreeMap::new();
    for task in &campaign.tasks {
        match task_light_at_end_of(task, &rules.light, date).light {
            TaskLight::Red => {
                red.push(task.id.clone());
                if let Some(unit) = task.lead_unit.as_deref() {
                    *red_by_unit.entry(unit).or_default() += 1;
                }
            }
            TaskLight::Yellow => yellow.push(task.id.clone()),
            TaskLight::Green | TaskLight::Done => {}
        }
    }
    let previous = checkpoint_before(&campaign.info, date);
    let mut units: Vec<RankedUnit> = unit_tally(campaign, date, rules.leaderboard.rate, previous)
        .into_iter()
        .filter(|t| t.due > 0)
        .map(|t| RankedUnit {
            red_tasks: red_by_unit.get(t.unit.as_str()).copied().unwrap_or(0),
            rate: rate(t.done, t.due),
            unit: t.unit,
            rank: 0,
            done: t.done,
            due: t.due,
        })
        .collect();
    units.sort_by(|a, b| standing(a, b).then(a.unit.cmp(&b.unit)));
    assign_ranks(&mut units);
    let red_flag = units
        .iter()
        .filter(|u| (u.rank as usize) <= rules.leaderboard.red_flag_top)
        .map(|u| u.unit.clone())
        .collect();
    let yellow_card = bench(&units, rules.leaderboard.yellow_card_bottom);
    Leaderboard {
        checkpoint,
        date,
        done: units.iter().map(|u| u.done).sum(),
        due: units.iter().map(|u| u.due).sum(),
        units,
        red_flag,
        yellow_card,
        red,
        yellow,
    }
}

/// The ranking order without the id: rate (descending), red tasks (ascending), milestones due
/// (descending). Units equal here are tied (并列).
fn standing(a: &RankedUnit, b: &RankedUnit) -> std::cmp::Ordering {
    b.rate
        .total_cmp(&a.rate)
        .then(a.red_tasks.cmp(&b.red_tasks))
        .then(b.due.cmp(&a.due))
}

/// Competition ranks (1, 2, 2, 4) over units already sorted by [`standing`].
fn assign_ranks(units: &mut [RankedUnit]) {
    for i in 0..units.len() {
        units[i].rank = if i > 0 && standing(&units[i - 1], &units[i]).is_eq() {
            units[i - 1].rank
        } else {
            i as u32 + 1
        };
    }
}

/// ▮ The bottom `bottom` units below 100%, and every unit tied with the last of them, in rank
/// order: no seat is decided by an id.
fn bench(units: &[RankedUnit], bottom: usize) -> Vec<String> {
    let below: Vec<&RankedUnit> = units.iter().filter(|u| u.done < u.due).collect();
    if bottom == 0 || below.is_empty() {
        return Vec::new();
    }
    let first = below.len().saturating_sub(bottom);
    let edge = below[first].rank;
    below
        .iter()
        .filter(|u| u.rank >= edge)
        .map(|u| u.unit.clone())
        .collect()
}

/// Whether `rank` is shared by more than one unit on `board` (shown as 并列 / "tied").
pub fn is_tied(units: &[RankedUnit], rank: u32) -> bool {
    units.iter().filter(|u| u.rank == rank).count() > 1
}

/// A unit's rank as shown: `3`, or `并列3` / `3 tied` when shared.
pub fn rank_text(units: &[RankedUnit], rank: u32) -> crate::i18n::Text {
    if is_tied(units, rank) {
        crate::tr!("并列{rank}", "{rank} tied")
    } else {
        crate::i18n::Text::new(rank.to_string(), rank.to_string())
    }
}

/// The tie rule, for legends (fits 80 columns), with the glyphs in use for ⚑ and ▮.
pub fn tie_rule(flag: &str, card: &str) -> crate::i18n::Text {
    crate::tr!(
        "并列:完成率、红灯数、应完成数都相同则名次相同,线上并列者都得{flag}/{card}",
        "tied: equal rate, red tasks and due share a rank; all tied at a line get {flag}/{card}"
    )
}

/// One leaderboard per checkpoint strictly before today.
pub fn leaderboards_before(campaign: &Campaign, today: NaiveDate) -> Vec<Leaderboard> {
    past_checkpoints(&campaign.info, today)
        .into_iter()
        .map(|(n, date)| leaderboard_at(campaign, Some(n), date))
        .collect()
}

/// Per task (in file order): how many published reviews list it as red.
pub fn red_counts(campaign: &Campaign) -> Vec<usize> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for review in &campaign.reviews {
        let mut listed: Vec<&str> = review.red.iter().map(String::as_str).collect();
        listed.sort_unstable();
        listed.dedup();
        for id in listed {
            *counts.entry(id).or_default() += 1;
        }
    }
    campaign
        .tasks
        .iter()
        .map(|t| counts.get(t.id.as_str()).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::Status;
    use crate::domain::test_support::{campaign, date, task};

    fn small() -> Campaign {
        // Unit a: one on time, one late (done 09-20 for due 09-14); unit b: one undone.
        let tasks = vec![
            task(
                "A1",
                "a",
                Status::InProgress,
                "2026-12-01",
                &[
                    ("2026-09-10", Some("2026-09-09")),
                    ("2026-09-14", Some("2026-09-20")),
                ],
            ),
            task(
                "B1",
                "b",
                Status::InProgress,
                "2026-12-01",
                &[("2026-09-20", None), ("2026-09-27", Some("2026-09-27"))],
            ),
        ];
        campaign(tasks, &["a", "b"])
    }

    #[test]
    fn three_rate_modes_differ() {
        let c = small();
        let d = date("2026-09-28");
        let cum = unit_tally(&c, d, RateMode::Cumulative, Some(date("2026-09-14")));
        assert_eq!(
            cum,
            vec![
                UnitTally {
                    unit: "a".into(),
                    done: 2,
                    due: 2
                },
                UnitTally {
                    unit: "b".into(),
                    done: 1,
                    due: 2
                }
            ]
        );
        let period = unit_tally(&c, d, RateMode::Period, Some(date("2026-09-14")));
        assert_eq!(
            period,
            vec![UnitTally {
                unit: "b".into(),
                done: 1,
                due: 2
            }]
        );
        let on_time = unit_tally(&c, d, RateMode::OnTime, None);
        assert_eq!(
            on_time[0],
            UnitTally {
                unit: "a".into(),
                done: 1,
                due: 2
            }
        );
        let at_14 = unit_tally(&c, date("2026-09-14"), RateMode::Cumulative, None);
        assert_eq!(
            at_14,
            vec![UnitTally {
                unit: "a".into(),
                done: 1,
                due: 2
            }]
        );
    }

    #[test]
    fn ties_break_by_red_tasks_then_due_then_id() {
        let tasks = vec![
            task(
                "T1",
                "c",
                Status::InProgress,
                "2026-12-01",
                &[("2026-09-10", Some("2026-09-10"))],
            ),
            task(
                "T2",
                "b",
                Status::InProgress,
                "2026-12-01",
                &[
                    ("2026-09-10", Some("2026-09-10")),
                    ("2026-09-11", Some("2026-09-11")),
                ],
            ),
            task(
                "T3",
                "a",
                Status::InProgress,
                "2026-12-01",
                &[("2026-09-10", Some("2026-09-10"))],
            ),
            // d is at 100% too but has a red task (past deadline).
            task(
                "T4",
                "d",
                Status::InProgress,
                "2026-09-12",
                &[
                    ("2026-09-10", Some("2026-09-10")),
                    ("2026-09-11", Some("2026-09-11")),
                ],
            ),
            task(
                "T5",
                "e",
                Status::InProgress,
                "2026-12-01",
                &[("2026-09-10", None)],
            ),
        ];
        let mut c = campaign(tasks, &["a", "b", "c", "d", "e"]);
        c.rules.leaderboard.yellow_card_bottom = 2;
        let board = leaderboard_at(&c, Some(1), date("2026-09-14"));
        let order: Vec<_> = board.units.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(order, ["b", "a", "c", "d", "e"]);
        let ranks: Vec<_> = board.units.iter().map(|u| u.rank).collect();
        assert_eq!(
            ranks,
            [1, 2, 2, 4, 5],
            "a and c are tied (并列) and share rank 2"
        );
        assert!(is_tied(&board.units, 2));
        assert!(!is_tied(&board.units, 1));
        assert_eq!(board.red_flag, ["b"]);
        assert_eq!(board.yellow_card, ["e"]);
        assert_eq!(board.red, ["T4", "T5"]);
        assert_eq!((board.done, board.due), (6, 7));
    }

    #[test]
    fn units_with_nothing_due_are_not_ranked() {
        let c = small();
        let board = leaderboard_at(&c, None, date("2026-09-12"));
        assert_eq!(board.units.len(), 1);
        assert_eq!(board.units[0].unit, "a");
    }

    fn one_milestone(id: &str, unit: &str, done: bool) -> crate::domain::model::Task {
        let done_on = done.then_some("2026-09-10");
        task(
            id,
            unit,
            Status::InProgress,
            "2026-12-01",
            &[("2026-09-10", done_on)],
        )
    }

    #[test]
    fn every_unit_tied_at_the_top_gets_the_red_flag() {
        let tasks = vec![
            one_milestone("T1", "b", true),
            one_milestone("T2", "a", true),
            one_milestone("T3", "c", false),
        ];
        let c = campaign(tasks, &["a", "b", "c"]);
        let board = leaderboard_at(&c, Some(1), date("2026-09-14"));
        let ranks: Vec<_> = board
            .units
            .iter()
            .map(|u| (u.unit.as_str(), u.rank))
            .collect();
        assert_eq!(ranks, [("a", 1), ("b", 1), ("c", 3)]);
        assert_eq!(board.red_flag, ["a", "b"]);
    }

    #[test]
    fn the_bench_takes_every_unit_tied_with_its_last_seat() {
        // a at 100%; b, c, d all at 0% with one due and no red task on the 14th: tied at 2.
        let tasks = vec![
            one_milestone("T1", "a", true),
            one_milestone("T2", "d", false),
            one_milestone("T3", "c", false),
            one_milestone("T4", "b", false),
        ];
        let mut c = campaign(tasks, &["a", "b", "c", "d"]);
        c.rules.leaderboard.yellow_card_bottom = 1;
        let board = leaderboard_at(&c, Some(1), date("2026-09-14"));
        let ranks: Vec<_> = board
            .units
            .iter()
            .map(|u| (u.unit.as_str(), u.rank))
            .collect();
        assert_eq!(ranks, [("a", 1), ("b", 2), ("c", 2), ("d", 2)]);
        assert_eq!(
            board.yellow_card,
            ["b", "c", "d"],
            "one seat, three tied units"
        );
        c.rules.leaderboard.yellow_card_bottom = 0;
        assert!(
            leaderboard_at(&c, Some(1), date("2026-09-14"))
                .yellow_card
                .is_empty()
        );
    }

    #[test]
    fn the_bench_without_ties_takes_exactly_its_seats() {
        let tasks = vec![
            one_milestone("T1", "a", true),
            one_milestone("T2", "b", false),
            task(
                "T3",
                "c",
                Status::InProgress,
                "2026-12-01",
                &[("2026-09-10", None), ("2026-09-11", Some("2026-09-11"))],
            ),
        ];
        let mut c = campaign(tasks, &["a", "b", "c"]);
        c.rules.leaderboard.yellow_card_bottom = 1;
        let board = leaderboard_at(&c, Some(1), date("2026-09-14"));
        assert_eq!(board.yellow_card, ["b"]);
        c.rules.leaderboard.yellow_card_bottom = 5;
        let board = leaderboard_at(&c, Some(1), date("2026-09-14"));
        assert_eq!(
            board.yellow_card,
            ["c", "b"],
            "only units below 100% sit on the bench"
        );
    }
}
