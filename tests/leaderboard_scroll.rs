//! The leaderboard at 80×24 with more units than fit: the chosen unit is always on screen,
//! PgDn pages through the units and then brings the lines below them into view.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::i18n::Lang;

fn forty_units() -> (bairi::app::model::Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    bairi::synth::write_to(&path, 160, 7).unwrap();
    let m = support::model_of(&path, "2026-11-22", Lang::Zh);
    (m, dir)
}

fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.contains("│▶"))
}

#[test]
fn the_last_unit_chosen_with_g_is_on_screen_and_highlighted() {
    let (mut m, _dir) = forty_units();
    support::press(&mut m, &[Action::ShowLeaderboard, Action::Last]);
    let screen = support::screen(&m, 80, 24);
    let units = bairi::app::leaderboard_view::shown(&m).0.units.len();
    assert!(units > 20, "{units} units");
    assert_eq!(m.leaderboard.unit, units - 1);
    assert!(selected_row(&screen).is_some(), "no ▶ on screen:\n{screen}");
    insta::assert_snapshot!("leaderboard_last_unit_80x24", screen);
}

#[test]
fn j_all_the_way_down_keeps_the_unit_in_sight() {
    let (mut m, _dir) = forty_units();
    support::press(&mut m, &[Action::ShowLeaderboard]);
    for step in 0..45 {
        support::press(&mut m, &[Action::Down]);
        let screen = support::screen(&m, 80, 24);
        assert!(
            selected_row(&screen).is_some(),
            "step {step}: no ▶ on screen:\n{screen}"
        );
    }
}

#[test]
fn page_down_past_the_last_unit_shows_what_is_below_it() {
    let (mut m, _dir) = forty_units();
    support::press(&mut m, &[Action::ShowLeaderboard]);
    let mut screen = support::screen(&m, 80, 24);
    for _ in 0..10 {
        support::press(&mut m, &[Action::PageDown]);
        screen = support::screen(&m, 80, 24);
        assert!(selected_row(&screen).is_some(), "no ▶ on screen:\n{screen}");
    }
    assert!(
        screen.contains("并列:"),
        "the tie rule below the units:\n{screen}"
    );
    assert!(!screen.contains("还有"), "nothing more below:\n{screen}");
    support::press(&mut m, &[Action::PageUp; 10]);
    let screen = support::screen(&m, 80, 24);
    assert!(selected_row(&screen).is_some(), "{screen}");
    assert_eq!(m.leaderboard.unit, 0, "PgUp pages back to the top unit");
}
