//! The board and a git merge's `[[conflicts]]` records: asked about on open; `m` keeps the
//! file's value, `t` takes the recorded one; either way the record goes and a save follows.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::{Model, View};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

const RECORD: &str = "\n[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\ndate = 2026-11-22\n";

fn model(with_record: bool) -> (Model, tempfile::TempDir) {
    let with = |text: String| {
        if with_record {
            format!("{text}{RECORD}")
        } else {
            text
        }
    };
    let (m, dir, _) = support::board::model_with("2026-11-22", Lang::En, None, with);
    (m, dir)
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
    assert!(m.conflicts_recorded());
    let c = &m.conflicts[0];
    assert_eq!((c.task.as_str(), c.key.as_str()), ("T01", "progress"));
    assert_eq!((c.mine.as_str(), c.theirs.as_str()), ("80", "85"));
}

#[test]
fn keep_mine_drops_the_record_and_saves() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Msg::Action(Action::Type('m')));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.view, View::Board);
    assert!(m.campaign().conflicts.is_empty() && !m.store().text().contains("[[conflicts]]"));
    assert_eq!(progress(&m), Some(80));
}

#[test]
fn keep_theirs_applies_the_recorded_value() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Msg::Action(Action::Type('t')));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(progress(&m), Some(85));
    assert!(m.store().text().contains("progress   = 85"));
    assert!(m.campaign().conflicts.is_empty());
}

#[test]
fn escape_leaves_the_records_for_later() {
    let (mut m, _d) = model(true);
    let effects = update(&mut m, Msg::Action(Action::Close));
    assert!(effects.is_empty());
    assert_eq!(m.view, View::Board);
    assert_eq!(m.campaign().conflicts.len(), 1);
}

/// Two records left by the sync of 2026-11-22 on Site B's laptop (Site B merged, so the file
/// holds Site B's values and the records Site A's): T01's progress and the done_on of its
/// fourth milestone.
const TWO: &str = "\n[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-11-22\n\n[[conflicts]]\ntask = \"T01\"\nfield = \"milestones\"\ntheirs = [\n  { title = \"完成施工图审查\", due = 2026-09-14, done = true, done_on = 2026-09-12 },\n  { title = \"取得施工许可证\", due = 2026-09-28, done = true, done_on = 2026-09-26 },\n  { title = \"举行项目集中开工仪式\", due = 2026-10-12, done = true, done_on = 2026-10-10 },\n  { title = \"完成主体厂房桩基施工\", due = 2026-11-09, done = true, done_on = 2020-12-03 },\n  { title = \"2栋厂房完成基础施工\", due = 2026-11-30, done = false },\n]\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-11-22\n";

fn two_records(lang: Lang, me: &str) -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}{TWO}")).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let mut m = Model::new(file, support::today(), lang);
    m.me = vec![me.to_owned()];
    (m, dir)
}

fn t01_done_on(m: &Model) -> String {
    let t = m.campaign().tasks.iter().find(|t| t.id == "T01").unwrap();
    t.milestones[3].done_on.unwrap().to_string()
}

#[test]
fn m_settles_only_the_highlighted_record() {
    let (mut m, _d) = two_records(Lang::En, "Site B");
    update(&mut m, Msg::Action(Action::Field(FieldKey::Down)));
    let effects = update(&mut m, Msg::Action(Action::Type('t')));
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(m.view, View::Conflicts, "one record is left to settle");
    assert_eq!(t01_done_on(&m), "2020-12-03");
    assert_eq!(progress(&m), Some(80), "the other record is not settled");
    assert_eq!(m.campaign().conflicts.len(), 1);
    update(&mut m, Msg::Action(Action::Type('m')));
    assert_eq!(m.view, View::Board);
    assert_eq!(progress(&m), Some(80));
    assert!(m.campaign().conflicts.is_empty());
}

#[test]
fn capital_t_settles_every_record_at_once() {
    let (mut m, _d) = two_records(Lang::En, "Site B");
    update(&mut m, Msg::Action(Action::Type('T')));
    assert_eq!(m.view, View::Board);
    assert_eq!(
        (progress(&m), t01_done_on(&m)),
        (Some(85), "2020-12-03".into())
    );
}

#[test]
fn on_the_laptop_that_did_not_merge_the_record_is_mine() {
    // Site A reads Site B's merge: the record holds Site A's own values.
    let (mut m, _d) = two_records(Lang::En, "Site A");
    let shown = support::screen(&m, 120, 40);
    assert!(
        shown.contains("mine (Site A) 85 · theirs (Site B) 80"),
        "{shown}"
    );
    update(&mut m, Msg::Action(Action::Type('m')));
    assert_eq!(
        progress(&m),
        Some(85),
        "keeping mine takes the recorded value"
    );
    let (m, _d) = two_records(Lang::En, "Site B");
    let shown = support::screen(&m, 120, 40);
    assert!(
        shown.contains("mine (Site B) 80 · theirs (Site A) 85"),
        "{shown}"
    );
}

#[test]
fn the_conflict_list_wraps_and_names_both_sides() {
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (m, _d) = two_records(lang, "Site B");
            let shown = support::screen(&m, w, h);
            let joined: String = shown.split_whitespace().collect::<Vec<_>>().join("");
            let done_on = "done_on=2020-12-03";
            assert!(joined.contains(done_on), "{w}x{h} {name}\n{shown}");
            assert!(joined.contains("2026-11-22"), "{w}x{h} {name}\n{shown}");
            insta::assert_snapshot!(format!("conflict_list_{w}x{h}_{name}"), shown);
        }
    }
}

#[test]
fn open_records_are_shown_in_the_tasks_details() {
    let (mut m, _d) = two_records(Lang::Zh, "Site B");
    update(&mut m, Msg::Action(Action::Close));
    let t01 = m.campaign().task_index("T01").unwrap();
    m.select_task(t01);
    update(&mut m, Msg::Action(Action::Open));
    let shown = support::screen(&m, 120, 40);
    assert!(shown.contains("未解决的冲突"), "{shown}");
    assert!(
        shown.contains("progress:文件中 80(Site B)· 记录中 85(Site A,2026-11-22)"),
        "{shown}"
    );
}
