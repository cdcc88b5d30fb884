//! Enter on a leaderboard unit lists all its red tasks at 80×24: as many as fit with the
//! unit's row, the rest a PgDn away, with how many lines are still below.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use support::day;

use bairi::app::action::Action;
use bairi::app::leaderboard_view::shown;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

fn screen(m: &Model) -> String {
    support::screen(m, 80, 24)
}

#[test]
fn enter_lists_every_red_task_of_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    // Few units, many tasks: each unit has many red tasks.
    let text = bairi::synth::campaign_toml(2000, 3);
    std::fs::write(&path, text).unwrap();
    let today = day("2026-10-31");
    let file = CampaignFile::open(&path, Today::Date(today)).unwrap();
    let mut m = Model::new(file, today, Lang::Zh);
    let press = |m: &mut Model, a: Action| {
        update(m, Msg::Action(a));
    };
    press(&mut m, Action::ShowLeaderboard);
    // The last unit: its row sits at the bottom of the screen.
    press(&mut m, Action::Last);
    press(&mut m, Action::Open);
    let (board, _) = shown(&m);
    let unit = board.units.last().unwrap().unit.clone();
    let reds: Vec<String> = board
        .red
        .iter()
        .filter(|id| m.campaign().task(id).unwrap().lead_unit.as_deref() == Some(unit.as_str()))
        .cloned()
        .collect();
    assert!(reds.len() > 20, "{}", reds.len());
    let first = screen(&m);
    assert!(
        first.contains("还有") && first.contains("PgDn 翻页"),
        "{first}"
    );
    let mut seen = first.clone();
    for _ in 0..10 {
        press(&mut m, Action::PageDown);
        seen.push_str(&screen(&m));
    }
    for id in &reds {
        assert!(seen.contains(&format!(" {id} ")), "red task {id}");
    }
    let last = screen(&m);
    assert!(!last.contains("PgDn 翻页"), "the end of the list:\n{last}");
    assert!(last.contains("红旗单位"), "the legend stays:\n{last}");
    press(&mut m, Action::PageUp);
    press(&mut m, Action::Up);
    assert_eq!(m.leaderboard.scroll, 0, "another unit starts at its top");
}
