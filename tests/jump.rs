//! Issue 17, jump to a task: `:` and an id (any case, leading zeros optional when that
//! names one task) selects it on the board, from any view, clearing a filter that hid it;
//! `/T08` in search does the same; an unknown or ambiguous id says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::jump::{Found, find_id};
use bairi::app::lanes::Filter;
use bairi::app::model::{Model, View};
use bairi::domain::light::TaskLight;
use bairi::i18n::Lang;
use support::{press, qinglan_model, screen, typed};

fn said(m: &Model) -> String {
    m.message
        .as_ref()
        .map_or(String::new(), |x| x.text.en.clone())
}

fn jump(m: &mut Model, id: &str) {
    press(m, &[Action::Jump]);
    typed(m, id);
    press(m, &[Action::Field(FieldKey::Submit)]);
}

#[test]
fn colon_and_a_forgiving_id_selects_the_task_from_any_view() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    press(&mut m, &[Action::ShowLeaderboard]);
    jump(&mut m, "t8");
    assert_eq!(m.view, View::Board);
    assert_eq!(m.selected_id().as_deref(), Some("T08"));
    assert_eq!(said(&m), "→ T08");
    assert!(m.picker().is_none());
    press(&mut m, &[Action::Open]);
    jump(&mut m, "T011");
    assert_eq!(
        (m.view, m.selected_id().as_deref()),
        (View::Board, Some("T11"))
    );
}

#[test]
fn the_column_scrolls_to_the_task() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    // The in-progress column's last card is below the fold at 80×24.
    let last = *m.derived.columns[1].tasks.last().unwrap();
    let id = m.campaign().tasks[last].id.clone();
    jump(&mut m, &id.to_lowercase());
    assert_eq!(m.selected_id(), Some(id));
    let shown = screen(&m, 80, 24);
    assert!(shown.contains("▶城东小学扩建"), "{shown}");
}

#[test]
fn a_filter_that_hides_the_task_is_cleared_and_said() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    m.filter = Some(Filter::Light(TaskLight::Red));
    m.refresh();
    jump(&mut m, "T01");
    assert_eq!(m.filter, None);
    assert_eq!(m.selected_id().as_deref(), Some("T01"));
    assert!(said(&m).contains("the filter is cleared"), "{}", said(&m));
    // A filter that shows the task stays.
    m.filter = Some(Filter::Light(TaskLight::Red));
    m.refresh();
    jump(&mut m, "t2");
    assert_eq!(m.filter, Some(Filter::Light(TaskLight::Red)));
    assert_eq!(said(&m), "→ T02");
}

#[test]
fn an_unknown_id_says_so_and_moves_nothing() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    let before = m.selected_id();
    jump(&mut m, "T99");
    assert_eq!(m.selected_id(), before);
    assert_eq!(said(&m), "there is no task with the id T99");
    let (mut z, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    jump(&mut z, "x1");
    assert_eq!(z.message.as_ref().unwrap().text.zh, "没有编号为 x1 的任务");
}

#[test]
fn an_ambiguous_id_names_the_candidates() {
    // A file where T03 is called T8, beside T08: t008 could be either.
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("id         = \"T03\"", "id         = \"T8\""),
    )
    .unwrap();
    let today = support::day("2026-11-22");
    let file =
        bairi::store::file::CampaignFile::open(&path, bairi::store::load::Today::Date(today))
            .unwrap();
    let mut m = Model::new(file, today, Lang::En);
    let t8 = m.campaign().task_index("T8").unwrap();
    assert_eq!(find_id(m.campaign(), "T8"), Found::One(t8), "exact wins");
    assert_eq!(
        find_id(m.campaign(), "t008"),
        Found::Many(vec!["T8".into(), "T08".into()])
    );
    let before = m.selected_id();
    jump(&mut m, "t008");
    assert!(said(&m).contains("could be T8、T08"), "{}", said(&m));
    assert_eq!(m.selected_id(), before);
}

#[test]
fn slash_and_an_id_in_search_jumps_too() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    m.filter = Some(Filter::Light(TaskLight::Red));
    m.refresh();
    press(&mut m, &[Action::Search]);
    typed(&mut m, "T008");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.selected_id().as_deref(), Some("T08"));
    // A query that is not an id searches as before.
    press(&mut m, &[Action::Search]);
    typed(&mut m, "污水");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.selected_id().as_deref(), Some("T02"));
    press(&mut m, &[Action::Search]);
    typed(&mut m, "t1");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.selected_id().as_deref(), Some("T01"), "t1 names T01");
}

#[test]
fn enter_goes_to_the_highlighted_line_once_it_is_moved() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    // `:T1` lists T01, T10, T11…; ↓ highlights T10.
    press(&mut m, &[Action::Jump]);
    typed(&mut m, "T1");
    press(
        &mut m,
        &[
            Action::Field(FieldKey::Down),
            Action::Field(FieldKey::Submit),
        ],
    );
    assert_eq!(m.selected_id().as_deref(), Some("T10"));
    assert_eq!(said(&m), "→ T10");
    // Typed without moving: the id typed still wins.
    jump(&mut m, "T1");
    assert_eq!(m.selected_id().as_deref(), Some("T01"));
    // A part of an id that names no task goes to the line shown highlighted.
    jump(&mut m, "T0");
    assert_eq!(m.selected_id().as_deref(), Some("T01"));
    // In search, `t1` lists T10, T11, T12…: ↓↓ and Enter is T12, not T01.
    press(&mut m, &[Action::Search]);
    typed(&mut m, "t1");
    press(
        &mut m,
        &[
            Action::Field(FieldKey::Down),
            Action::Field(FieldKey::Down),
            Action::Field(FieldKey::Submit),
        ],
    );
    assert_eq!(m.selected_id().as_deref(), Some("T12"));
}
