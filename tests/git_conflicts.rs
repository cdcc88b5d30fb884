//! The same field changed on both laptops, through real git: recorded as a conflict (dated
//! by the campaign's clock), listed by `check`, settled on the board either way, and synced.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, View};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

use std::path::Path;

use support::git_rounds::{in_task, progress_85_at_a_and_90_at_b};
use support::git_world::{TODAY, World, git, text as campaign_text};

#[test]
fn the_same_field_both_ways_is_recorded_listed_and_settled() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    w.sync(&w.b);
    let text = campaign_text(&w.b);
    // B merged A's change in: B's value stays, A's is recorded.
    assert!(in_task(&text, "T01").contains("progress   = 90"));
    assert!(
        text.contains(
            "[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\n"
        ),
        "{text}"
    );
    let (text, check) = w.round();
    assert!(
        check.contains("qinglan.toml:") && check.contains("T01") && check.contains("progress"),
        "{check}"
    );
    let _ = text;
    // Settled on the board at A (t: take theirs), synced: the record is gone everywhere.
    take_theirs_on_the_board(&w.a);
    assert!(in_task(&campaign_text(&w.a), "T01").contains("progress   = 85"));
    let (text, check) = w.round();
    assert!(
        !text.contains("[[conflicts]]") && !check.contains("progress"),
        "{check}"
    );
}

/// T12 (待销号) crossed off at A and moved back to 推进中 at B: the status is recorded both
/// ways. Settled at `site` keeping `key`'s side, the task is coherent: a task not crossed off
/// has no `closed_on`/`closed_by`, a crossed-off one has both, and `check` passes.
/// With `b_first`, B's move reaches the remote first and A merges it (the file keeps A's
/// crossing off, the record B's status); else B merges A's.
fn settle_crossed_off_against_reopened(b_first: bool, site: char, key: char) -> String {
    let w = World::new(|t| t);
    w.edit(
        &w.a,
        &["move", "qinglan.toml", "T12", "done", "--by", "li_mx"],
    );
    w.edit(
        &w.b,
        &[
            "move",
            "qinglan.toml",
            "T12",
            "in_progress",
            "--by",
            "zhao_dh",
        ],
    );
    if b_first {
        w.sync(&w.b);
    }
    w.round();
    let dir = if site == 'a' { &w.a } else { &w.b };
    settle_on_the_board(dir, key);
    let (text, check) = w.round();
    assert!(!text.contains("[[conflicts]]"), "{check}");
    let t12 = in_task(&text, "T12").to_owned();
    let done = t12.contains("status     = \"done\"") || t12.contains("status     = \"已销号\"");
    let closed = (t12.contains("closed_on"), t12.contains("closed_by"));
    assert_eq!(closed, (done, done), "coherent after settling:\n{t12}");
    t12
}

#[test]
fn settling_a_status_conflict_either_way_leaves_a_coherent_task() {
    let mut statuses = Vec::new();
    for b_first in [false, true] {
        for site in ['a', 'b'] {
            for key in ['m', 't'] {
                let t12 = settle_crossed_off_against_reopened(b_first, site, key);
                statuses.push(t12.contains("已销号") || t12.contains("\"done\""));
            }
        }
    }
    // Each site may keep either side: both outcomes are reachable.
    assert!(
        statuses.contains(&true) && statuses.contains(&false),
        "{statuses:?}"
    );
}

#[test]
fn a_sync_with_today_pinned_dates_its_conflicts_that_day() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    let out = w.bairi(&w.b, &["sync", "qinglan.toml", "--today", "2026-10-01"]);
    assert!(out.status.success(), "{out:?}");
    let text = campaign_text(&w.b);
    assert!(
        text.contains("theirs = 85\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-10-01\n"),
        "{text}"
    );
}

#[test]
fn a_sync_on_the_clock_dates_its_conflicts_in_the_campaigns_zone() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    let out = w.bairi_with(
        &w.b,
        &[("BAIRI_NOW", "2026-11-22T20:00:00Z")],
        &["sync", "qinglan.toml"],
    );
    assert!(out.status.success(), "{out:?}");
    let text = campaign_text(&w.b);
    assert!(
        text.contains("theirs = 85\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-11-23\n"),
        "{text}"
    );
}

#[test]
fn crossed_off_here_and_a_milestone_unticked_there_leaves_a_valid_file_to_settle() {
    // T12 awaits sign-off. A takes it back and unticks a milestone; B crosses it off. Each
    // file is valid; merged field by field it would be crossed off with a milestone undone.
    let w = World::new(|t| t);
    w.edit(&w.a, &["move", "qinglan.toml", "T12", "in_progress"]);
    w.edit(&w.a, &["tick", "qinglan.toml", "T12", "4", "--undo"]);
    w.edit(
        &w.b,
        &["move", "qinglan.toml", "T12", "done", "--by", "li_mx"],
    );
    let (text, check) = w.round();
    assert!(
        text.contains("task = \"T12\"\nfield = \"(task)\""),
        "{text}"
    );
    assert!(check.contains("T12"), "{check}");
    // Either version, taken from the board, is a valid file.
    take_theirs_on_the_board(&w.a);
    let (text, _) = w.round();
    assert!(!text.contains("[[conflicts]]"));
}

/// Opens the board (in English) on the campaign in `dir`, which asks at once to settle its
/// conflicts, and settles them as the board does with `t` (take theirs), saving.
fn take_theirs_on_the_board(dir: &Path) {
    settle_on_the_board(dir, 't');
}

/// The same, settled with `key` (`m` keep mine, `t` take theirs).
fn settle_on_the_board(dir: &Path, key: char) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let file = CampaignFile::open(&dir.join("qinglan.toml"), Today::Date(day)).expect("opens");
    let mut model = Model::new(file, day, bairi::i18n::Lang::En);
    assert_eq!(model.view, View::Conflicts, "asked on open");
    assert_eq!(
        update(&mut model, Msg::Action(Action::Type(key))),
        vec![Effect::Save]
    );
    assert!(support::save_now(&mut model), "saved");
}

/// The records name who merged (`kept_by`), so the laptop that did not merge, reading them
/// as its git user, sees its own value as "mine": `m` there keeps it.
#[test]
fn the_laptop_that_did_not_merge_reads_the_record_as_its_own() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    w.sync(&w.b);
    let text = campaign_text(&w.b);
    assert!(
        text.contains("by = \"Site A\"\nkept_by = \"Site B\"\n"),
        "{text}"
    );
    w.sync(&w.a);
    let path = w.a.join("qinglan.toml");
    let file = CampaignFile::open(&path, Today::Date(support::day(TODAY))).unwrap();
    let mut m = Model::new(file, support::day(TODAY), bairi::i18n::Lang::En);
    m.me = vec![
        git(&w.home, &w.a, &["config", "user.name"])
            .trim()
            .to_owned(),
    ];
    assert_eq!(m.view, View::Conflicts);
    let shown = support::screen(&m, 100, 30);
    assert!(
        shown.contains("mine (Site A) 85 · theirs (Site B) 90"),
        "{shown}"
    );
    update(&mut m, Msg::Action(Action::Type('m')));
    let t01 = m.campaign().tasks.iter().find(|t| t.id == "T01").unwrap();
    assert_eq!(t01.progress, Some(85), "Site A kept its own value");
}
