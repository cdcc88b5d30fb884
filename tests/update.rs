//! `update` driven by action sequences: navigation, moves and refusals, views, quitting.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, Tone, View};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::domain::Status;
use bairi::i18n::Lang;

fn model() -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", Lang::En, None)
}

fn run(model: &mut Model, actions: &[Action]) -> Vec<Effect> {
    actions
        .iter()
        .flat_map(|a| update(model, Msg::Action(*a)))
        .collect()
}

fn selected_id(model: &Model) -> Option<String> {
    model
        .selected()
        .map(|i| model.campaign().tasks[i].id.clone())
}

#[test]
fn opens_on_the_in_progress_column() {
    let (m, _d) = model();
    assert_eq!(m.column, Status::InProgress.index());
    assert_eq!(selected_id(&m).as_deref(), Some("T01"));
}

#[test]
fn moving_the_selection_stays_inside_the_board() {
    let (mut m, _d) = model();
    run(&mut m, &[Action::Down, Action::Down]);
    assert_eq!(selected_id(&m).as_deref(), Some("T04"));
    run(&mut m, &[Action::Last]);
    assert_eq!(selected_id(&m).as_deref(), Some("T11"));
    run(&mut m, &[Action::Down, Action::Down]);
    assert_eq!(selected_id(&m).as_deref(), Some("T11"));
    run(&mut m, &[Action::First, Action::Up]);
    assert_eq!(selected_id(&m).as_deref(), Some("T01"));
    run(&mut m, &[Action::Left, Action::Left, Action::Left]);
    assert_eq!((m.column, selected_id(&m).as_deref()), (0, Some("T13")));
    run(&mut m, &[Action::Right; 9]);
    assert_eq!((m.column, selected_id(&m).as_deref()), (4, Some("T07")));
    // Each column remembers its row.
    run(&mut m, &[Action::Left, Action::Left, Action::Left]);
    assert_eq!(selected_id(&m).as_deref(), Some("T01"));
}

#[test]
fn a_move_follows_the_card_and_asks_to_save() {
    let (mut m, _d) = model();
    let effects = run(&mut m, &[Action::MoveNext]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.campaign().task("T01").unwrap().status, Status::Blocked);
    assert_eq!(m.column, Status::Blocked.index());
    assert_eq!(selected_id(&m).as_deref(), Some("T01"));
    assert_eq!(m.derived.columns[Status::Blocked.index()].tasks.len(), 3);
    let effects = run(&mut m, &[Action::MovePrevious]);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.campaign().task("T01").unwrap().status, Status::InProgress);
}

#[test]
fn a_refused_move_says_why_and_changes_nothing() {
    let (mut m, _d) = model();
    run(&mut m, &[Action::Right]);
    assert_eq!(selected_id(&m).as_deref(), Some("T02"));
    let effects = run(&mut m, &[Action::MoveNext]);
    assert!(effects.is_empty());
    let message = m.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Warning);
    assert!(
        message.text.en.contains("milestone(s) not done"),
        "{}",
        message.text.en
    );
    assert_eq!(m.campaign().task("T02").unwrap().status, Status::Blocked);
    assert!(!m.store().dirty);
    // The ends of the line.
    run(&mut m, &[Action::Left, Action::Left]);
    run(&mut m, &[Action::MovePrevious]);
    assert!(m.message.clone().unwrap().text.en.contains("first status"));
}

#[test]
fn crossing_off_from_pending_records_who() {
    let (mut m, _d) = model();
    m.author = Some("li_mx".into());
    run(&mut m, &[Action::Right, Action::Right]);
    assert_eq!(selected_id(&m).as_deref(), Some("T12"));
    run(&mut m, &[Action::MoveNext]);
    let t12 = m.campaign().task("T12").unwrap();
    assert_eq!(
        (t12.status, t12.closed_by.as_deref()),
        (Status::Done, Some("li_mx"))
    );
    assert_eq!(m.derived.done, 2);
}

#[test]
fn views_open_and_close_with_enter_esc_q_and_help() {
    let (mut m, _d) = model();
    run(&mut m, &[Action::Open]);
    assert_eq!(m.view, View::Detail);
    run(&mut m, &[Action::Down, Action::Down]);
    assert_eq!(
        bairi::app::detail_doc::selected_item(&m),
        Some(bairi::app::detail_items::Item::Milestone(2))
    );
    run(&mut m, &[Action::Close]);
    assert_eq!(m.view, View::Board);
    let effects = run(&mut m, &[Action::Open, Action::Quit]);
    assert_eq!(m.view, View::Board, "q closes a view, it does not quit");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Quit)));
    run(&mut m, &[Action::Help]);
    assert_eq!(m.view, View::Help);
    run(&mut m, &[Action::Quit]);
    assert_eq!(m.view, View::Board);
    let effects = run(&mut m, &[Action::Quit]);
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn with_autosave_off_q_asks_before_dropping_edits() {
    let (mut m, _d) = model();
    m.autosave = false;
    let effects = run(&mut m, &[Action::MoveNext]);
    assert!(effects.is_empty(), "no save without autosave");
    assert!(m.store().dirty);
    run(&mut m, &[Action::Quit]);
    assert!(m.confirming_quit());
    run(&mut m, &[Action::No]);
    assert_eq!(m.view, View::Board);
    run(&mut m, &[Action::Quit]);
    assert_eq!(
        run(&mut m, &[Action::Save]),
        vec![Effect::Save, Effect::Quit]
    );
    run(&mut m, &[Action::Quit]);
    assert_eq!(run(&mut m, &[Action::Yes]), vec![Effect::Quit]);
}

#[test]
fn save_key_saves_only_when_there_is_something() {
    let (mut m, _d) = model();
    assert!(run(&mut m, &[Action::Save]).is_empty());
    m.autosave = false;
    run(&mut m, &[Action::MoveNext]);
    assert_eq!(run(&mut m, &[Action::Save]), vec![Effect::Save]);
}

#[test]
fn the_day_rolls_over_on_a_tick_unless_pinned() {
    let (mut m, _d) = model();
    assert_eq!(m.derived.yellow, 3);
    update(&mut m, Msg::Tick(support::day("2026-11-24")));
    assert_eq!(m.today, support::day("2026-11-24"));
    // T03 and T09 milestones (due 11-23) are now overdue.
    assert_eq!(m.derived.red, 4);
    m.today_pinned = true;
    update(&mut m, Msg::Tick(support::day("2026-11-30")));
    assert_eq!(m.today, support::day("2026-11-24"));
}
