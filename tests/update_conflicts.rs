//! The board and a git merge's `[[conflicts]]` records: asked about on open; `m` keeps the
//! file's value, `t` takes the recorded one; either way the record goes and a save follows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, View};
use bairi::app::update::{Effect, update};
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

const RECORD: &str = "\n[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\ndate = 2026-11-22\n";

fn model(with_record: bool) -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    if with_record {
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}{RECORD}")).unwrap();
    }
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    (Model::new(file, support::today(), Lang::En), dir)
}

fn progress(m: &Model) -> Option<u8> {
    m.campaign().tasks.iter().find(|t| t.id == "T01")?.progress
}

#[test]
fn a_file_without_records_opens_on_the_board() {
    let (m, _d) = model(false);
    assert_eq!(m.view, View::Board);
    assert!(m.conflicts.is_empty());
}

#[test]
fn records_are_asked_about_on_open_with_both_values() {
    let (m, _d) = model(true);
    assert_eq!(m.view, View::Conflicts);
    assert!(m.conflicts_recorded);
    let c = &m.conflicts[0];
    assert_eq!((c.task.as_str(), c.key.as_str()), ("T01", "progress"));
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), ("80", "85"));
}

#[test]
fn keep_mine_drops_the_record_and_saves() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Action::Type('m'), support::today());
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.view, View::Board);
    assert!(m.campaign().conflicts.is_empty() && !m.store().text().contains("[[conflicts]]"));
    assert_eq!(progress(&m), Some(80));
}

#[test]
fn keep_theirs_applies_the_recorded_value() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Action::Type('t'), support::today());
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(progress(&m), Some(85));
    assert!(m.store().text().contains("progress   = 85"));
    assert!(m.campaign().conflicts.is_empty());
}

#[test]
fn escape_leaves_the_records_for_later() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Action::Close, support::today());
    assert!(effects.is_empty());
    assert_eq!(m.view, View::Board);
    assert_eq!(m.campaign().conflicts.len(), 1);
}
