//! The stand-up keeps its place: the board, a task's details or a problem and back resume
//! the walk where it was, with the same count, until it is over or the date changes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use support::{day, press};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::{Model, View};
use bairi::app::update::update;
use bairi::i18n::Lang;

/// The task shown and the `n/N` position.
fn place(m: &Model) -> (String, usize, usize) {
    let s = &m.standup;
    let id = s
        .queue
        .get(s.pos)
        .map_or(String::new(), |&i| m.campaign().tasks[i].id.clone());
    (id, s.pos + 1, s.queue.len())
}

fn model() -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", Lang::Zh, Some("li_mx"))
}

#[test]
fn the_board_and_back_resumes_the_walk() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::ShowStandup, Action::Down, Action::Down]);
    assert_eq!(place(&m), ("T03".into(), 3, 5));
    press(&mut m, &[Action::ShowBoard]);
    assert_eq!(m.view, View::Board);
    press(&mut m, &[Action::Left, Action::Down]);
    press(&mut m, &[Action::ShowStandup]);
    assert_eq!((m.view, place(&m)), (View::Standup, ("T03".into(), 3, 5)));
    assert_eq!(m.selected_id().as_deref(), Some("T03"), "edits act on it");
    press(&mut m, &[Action::Close, Action::NextView]);
    assert_eq!((m.view, place(&m)), (View::Standup, ("T03".into(), 3, 5)));
}

#[test]
fn details_opened_from_the_stand_up_return_to_it() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::ShowStandup, Action::Down]);
    press(&mut m, &[Action::Open]);
    assert_eq!(
        (m.view, m.selected_id().as_deref()),
        (View::Detail, Some("T08"))
    );
    press(&mut m, &[Action::Down, Action::Close]);
    assert_eq!((m.view, place(&m)), (View::Standup, ("T08".into(), 2, 5)));
}

#[test]
fn a_resolved_problem_stays_counted_and_the_walk_goes_on() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::ShowStandup]);
    assert_eq!(place(&m), ("T02".into(), 1, 5));
    press(&mut m, &[Action::Resolve]);
    assert!(m.form().is_some(), "T02's one open problem");
    for c in "许可已下达".chars() {
        press(&mut m, &[Action::Type(c)]);
    }
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.form().is_none(), "{:?}", m.message);
    let t02 = m.campaign().task("T02").unwrap();
    assert!(t02.problems.iter().all(|p| p.resolved));
    assert_eq!((m.view, place(&m)), (View::Standup, ("T02".into(), 1, 5)));
    press(&mut m, &[Action::ShowBoard, Action::ShowStandup]);
    assert_eq!(
        place(&m),
        ("T02".into(), 1, 5),
        "still counted after leaving"
    );
}

#[test]
fn a_new_day_or_a_finished_walk_starts_again() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::ShowStandup, Action::Down, Action::Down]);
    press(&mut m, &[Action::ShowBoard]);
    update(&mut m, Msg::Tick(day("2026-11-23")));
    assert_eq!(m.today, day("2026-11-23"));
    press(&mut m, &[Action::ShowStandup]);
    assert_eq!(place(&m).1, 1, "a new day, a new stand-up");
    for _ in 0..10 {
        press(&mut m, &[Action::Down]);
    }
    assert_eq!(m.standup.pos, m.standup.queue.len(), "the summary");
    press(&mut m, &[Action::ShowBoard, Action::ShowStandup]);
    assert_eq!(place(&m).1, 1, "the walk was over: it starts again");
}
