//! Rate modes, ranks and ties, and the seats of the red flag and the bench.

use super::tally::UnitTally;
use super::*;
use crate::domain::model::{RateMode, Task};
use crate::domain::status::Status;
use crate::domain::test_support::{campaign, date, task};

/// A task of `unit` in progress, due 2026-12-01, with milestones given as `(due, done_on)`.
fn in_progress(id: &str, unit: &str, milestones: &[(&str, Option<&str>)]) -> Task {
    task(id, unit, Status::InProgress, "2026-12-01", milestones)
}

/// Two milestones, due 09-10 and 09-11, each done on its day.
const TWO_DONE_ON_TIME: &[(&str, Option<&str>)] = &[
    ("2026-09-10", Some("2026-09-10")),
    ("2026-09-11", Some("2026-09-11")),
];

fn tally(unit: &str, done: u32, due: u32) -> UnitTally {
    UnitTally {
        unit: unit.into(),
        done,
        due,
    }
}

/// The ranked units' ids and ranks, in order.
fn units_and_ranks(board: &Leaderboard) -> Vec<(&str, u32)> {
    board
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u.rank))
        .collect()
}

fn small() -> Campaign {
    // Unit a: one on time, one late (done 09-20 for due 09-14); unit b: one undone.
    let tasks = vec![
        in_progress(
            "A1",
            "a",
            &[
                ("2026-09-10", Some("2026-09-09")),
                ("2026-09-14", Some("2026-09-20")),
            ],
        ),
        in_progress(
            "B1",
            "b",
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
    assert_eq!(cum, vec![tally("a", 2, 2), tally("b", 1, 2)]);
    let period = unit_tally(&c, d, RateMode::Period, Some(date("2026-09-14")));
    assert_eq!(period, vec![tally("b", 1, 2)]);
    let on_time = unit_tally(&c, d, RateMode::OnTime, None);
    assert_eq!(on_time[0], tally("a", 1, 2));
    let at_14 = unit_tally(&c, date("2026-09-14"), RateMode::Cumulative, None);
    assert_eq!(at_14, vec![tally("a", 1, 2)]);
}

#[test]
fn ties_break_by_red_tasks_then_due_then_id() {
    let tasks = vec![
        in_progress("T1", "c", &[("2026-09-10", Some("2026-09-10"))]),
        in_progress("T2", "b", TWO_DONE_ON_TIME),
        in_progress("T3", "a", &[("2026-09-10", Some("2026-09-10"))]),
        // d is at 100% too but has a red task (past deadline).
        task(
            "T4",
            "d",
            Status::InProgress,
            "2026-09-12",
            TWO_DONE_ON_TIME,
        ),
        in_progress("T5", "e", &[("2026-09-10", None)]),
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

fn one_milestone(id: &str, unit: &str, done: bool) -> Task {
    let done_on = done.then_some("2026-09-10");
    in_progress(id, unit, &[("2026-09-10", done_on)])
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
    let ranks = units_and_ranks(&board);
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
    let ranks = units_and_ranks(&board);
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
        in_progress(
            "T3",
            "c",
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
