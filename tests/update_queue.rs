//! Input and the save in flight, driven through `update` with `Msg`s as the shell sends them
//! (no terminal): keys pressed during a save wait and are read in order when it is back; a
//! failed save drops the quit that followed it; keys after "save and quit" call the quit off;
//! a hang-up applies what waited; the review meeting by keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use bairi::app::model::{Model, Settings, View};
use bairi::app::msg::Msg;
use bairi::app::sort::Sort;
use bairi::app::update::{Effect, update};
use bairi::domain::Status;
use bairi::i18n::Lang;
use bairi::store::file::SaveError;

fn key(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn char(m: &mut Model, c: char) -> Vec<Effect> {
    key(m, KeyCode::Char(c))
}

/// The save the shell was asked for, done (as the store worker does it) and handed back.
fn saved(m: &mut Model) -> Vec<Effect> {
    let mut file = Box::new(m.store().clone());
    let result = file.save();
    assert!(result.is_ok(), "saved");
    update(
        m,
        Msg::Saved {
            file,
            result,
            unsynced: None,
        },
    )
}

/// The save came back failed: the edits stay in memory.
fn failed(m: &mut Model) -> Vec<Effect> {
    let file = Box::new(m.store().clone());
    let result = Err(SaveError::ChangedOnDisk);
    update(
        m,
        Msg::Saved {
            file,
            result,
            unsynced: None,
        },
    )
}

fn status_of(m: &Model, id: &str) -> Status {
    m.campaign().task(id).unwrap().status
}

fn said(m: &Model) -> String {
    m.message
        .as_ref()
        .map(|s| s.text.en.clone())
        .unwrap_or_default()
}

/// The board with autosave off: edits stay unsaved until `s` (or "save and quit").
fn by_hand() -> (Model, tempfile::TempDir) {
    let (mut m, dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.settle_in(Settings {
        today_pinned: true,
        autosave: false,
        author: Some("chen_zy".into()),
        sort: Sort::File,
        git_user: None,
    });
    (m, dir)
}

#[test]
fn keys_pressed_during_a_save_wait_and_are_read_in_order_when_it_is_back() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.author = Some("chen_zy".into());
    let id = m.selected_id().unwrap();
    let before = status_of(&m, &id);
    assert_eq!(char(&mut m, '>'), vec![Effect::Save], "the move is saved");
    assert!(m.saving());
    let once = status_of(&m, &id);
    assert_ne!(once, before);
    // A move back would edit: it waits; the arrow after it waits behind it (order holds).
    assert_eq!(char(&mut m, '<'), Vec::new());
    assert_eq!(key(&mut m, KeyCode::Down), Vec::new());
    assert_eq!(m.inbox().waiting(), 2);
    assert_eq!(status_of(&m, &id), once, "nothing applied yet");
    // The save is back: the move is made (and saved), then the arrow.
    let effects = saved(&mut m);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.inbox().waiting(), 0);
    assert_eq!(status_of(&m, &id), before, "moved back");
    assert!(m.saving(), "the second save is in flight");
    assert_eq!(saved(&mut m), Vec::new());
    assert!(!m.saving() && !m.store().dirty);
}

#[test]
fn while_saving_a_move_of_the_cursor_is_answered_at_once() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.author = Some("chen_zy".into());
    char(&mut m, '>');
    let row = m.rows[m.column];
    assert_eq!(key(&mut m, KeyCode::Down), Vec::new());
    assert_eq!(m.inbox().waiting(), 0, "not kept");
    assert_ne!(m.rows[m.column], row, "moved now");
}

#[test]
fn a_failed_save_drops_the_quit_that_followed() {
    let (mut m, _dir) = by_hand();
    assert_eq!(char(&mut m, '>'), Vec::new(), "no autosave");
    assert!(m.store().dirty);
    assert_eq!(char(&mut m, 'q'), Vec::new());
    assert!(m.confirming_quit());
    // "Save and quit": the save goes now, the quit waits for it.
    assert_eq!(char(&mut m, 's'), vec![Effect::Save]);
    assert_eq!(failed(&mut m), Vec::new(), "no quit after a failed save");
    assert!(m.store().dirty, "the edits are kept");
    assert!(said(&m).starts_with("Save failed"), "{}", said(&m));
    // Asked again, the save goes through and the quit follows it.
    char(&mut m, 'q');
    assert_eq!(char(&mut m, 's'), vec![Effect::Save]);
    assert_eq!(saved(&mut m), vec![Effect::Quit]);
}

#[test]
fn a_key_pressed_after_save_and_quit_calls_the_quit_off() {
    let (mut m, _dir) = by_hand();
    let id = m.selected_id().unwrap();
    char(&mut m, '>');
    let moved = status_of(&m, &id);
    char(&mut m, 'q');
    assert_eq!(char(&mut m, 's'), vec![Effect::Save]);
    // Another move while the save is out: it waits, and then the board stays.
    assert_eq!(char(&mut m, '<'), Vec::new());
    let effects = saved(&mut m);
    assert!(!effects.contains(&Effect::Quit), "{effects:?}");
    assert_ne!(status_of(&m, &id), moved, "the key was done");
    assert_eq!(
        said(&m),
        "more keys were pressed while saving: saved, but not quitting"
    );
}

#[test]
fn a_save_that_cannot_be_handed_over_is_said_and_nothing_waits_for_it() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.author = Some("chen_zy".into());
    char(&mut m, '>');
    assert_eq!(update(&mut m, Msg::SaveNotSent), Vec::new());
    assert!(!m.saving());
    assert!(
        said(&m).contains("the store thread has stopped"),
        "{}",
        said(&m)
    );
    assert_eq!(
        char(&mut m, '<'),
        vec![Effect::Save],
        "the next edit saves again"
    );
}

#[test]
fn at_a_hang_up_what_waited_for_the_save_is_applied() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.author = Some("chen_zy".into());
    char(&mut m, '>');
    // A note waits for the save; the terminal goes before the save is seen back.
    assert_eq!(char(&mut m, 'n'), Vec::new());
    assert_eq!(m.inbox().waiting(), 1);
    assert_eq!(update(&mut m, Msg::HangUp), Vec::new());
    assert!(!m.saving());
    assert_eq!(m.inbox().waiting(), 0);
    assert!(
        m.form().is_some(),
        "the note's form is open, to be kept as a draft"
    );
    assert!(m.store().dirty, "the move is left to the last save");
}

#[test]
fn a_paste_types_each_character_into_the_open_form() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    m.author = Some("chen_zy".into());
    char(&mut m, 'n');
    update(&mut m, Msg::Paste("督办 ok".into()));
    let form = m.form().expect("the note form");
    assert!(
        form.fields.iter().any(|f| f.input.text() == "督办 ok"),
        "typed"
    );
}

#[test]
fn a_tick_rolls_the_day_unless_it_is_pinned() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    update(&mut m, Msg::Tick(support::day("2026-11-23")));
    assert_eq!(m.today, support::day("2026-11-23"));
    let (mut m, _dir) = by_hand();
    update(&mut m, Msg::Tick(support::day("2026-11-23")));
    assert_eq!(m.today, support::day("2026-11-22"), "--today holds");
}

#[test]
fn others_seen_asks_for_a_frame_only_when_they_change() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    let them = vec!["li@laptop".to_owned()];
    assert_eq!(
        update(&mut m, Msg::OthersSeen(them.clone())),
        vec![Effect::Draw]
    );
    assert_eq!(update(&mut m, Msg::OthersSeen(them)), Vec::new());
    assert_eq!(m.others(), ["li@laptop"]);
}

#[test]
fn the_review_meeting_by_keys() {
    // 2026-11-24: checkpoint 6 (11-23) has passed and is not published yet.
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::Zh);
    m.author = Some("chen_zy".into());
    char(&mut m, '3');
    assert_eq!(m.view, View::Leaderboard);
    char(&mut m, 'R');
    assert_eq!(m.view, View::Review);
    // Enter opens the publish form; Enter in it publishes (and saves).
    key(&mut m, KeyCode::Enter);
    assert!(m.form().is_some(), "the publish form");
    assert_eq!(key(&mut m, KeyCode::Enter), vec![Effect::Save]);
    let review = m.campaign().reviews.last().unwrap();
    assert_eq!(review.checkpoint, 6);
    assert_eq!(saved(&mut m), Vec::new());
    // Esc leaves the meeting, keeping what was done.
    key(&mut m, KeyCode::Esc);
    assert_ne!(m.view, View::Review);
    assert_eq!(m.campaign().reviews.last().unwrap().checkpoint, 6);
}

#[test]
fn a_failed_save_and_quit_with_keys_waiting_never_says_saved() {
    let (mut m, _dir) = by_hand();
    char(&mut m, '>');
    char(&mut m, 'q');
    assert_eq!(char(&mut m, 's'), vec![Effect::Save]);
    char(&mut m, '>');
    // The key that waited is done (it says what it did), and nothing claims "saved".
    assert_eq!(failed(&mut m), Vec::new());
    assert!(
        !said(&m).contains("saved, but not quitting"),
        "{}",
        said(&m)
    );
    assert!(m.store().dirty);
}
