//! `M`, the status chooser (issue 23, defect 11): any status the rules allow is set in one
//! step with one history line (推进中 → 待销号 without passing 受阻); a status the rules
//! forbid is listed with the reason and refused; `>`/`<` still walk one column at a time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::domain::Status;
use bairi::i18n::Lang;
use support::{press, typed};

/// The qinglan example with T10's last milestone done: 推进中 with nothing left to do.
fn model(lang: Lang) -> (Model, tempfile::TempDir) {
    let done = |text: String| {
        text.replacen(
            "{ title = \"设备安装调试并投运\",       due = 2026-12-09, done = false, unit = \"gdgs\" }",
            "{ title = \"设备安装调试并投运\",       due = 2026-12-09, done = true, done_on = 2026-11-21, unit = \"gdgs\" }",
            1,
        )
    };
    let (m, dir, _) = support::board::model_with("2026-11-22", lang, Some("li_mx"), done);
    (m, dir)
}

fn select(m: &mut Model, id: &str) {
    let i = m.campaign().task_index(id).unwrap();
    m.select_task(i);
}

fn status(m: &Model, id: &str) -> Status {
    m.campaign().task(id).unwrap().status
}

fn history(m: &Model, id: &str) -> Vec<String> {
    let t = m.campaign().task(id).unwrap();
    t.log
        .iter()
        .filter(|e| e.kind.as_deref() == Some("状态"))
        .map(|e| e.text.clone())
        .collect()
}

#[test]
fn m_is_bound_and_named_set_status() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let keys = Keymap::default();
    let m = KeyEvent::new(KeyCode::Char('M'), KeyModifiers::SHIFT);
    assert_eq!(keys.action_for(&m), Some(Action::SetStatus));
    assert_eq!(keys.label(Action::SetStatus), "M");
    assert_eq!(Action::from_name("set_status"), Some(Action::SetStatus));
}

#[test]
fn pending_sign_off_in_one_step_with_one_history_line() {
    let (mut m, _d) = model(Lang::Zh);
    select(&mut m, "T10");
    press(&mut m, &[Action::SetStatus]);
    assert!(m.picker().is_some(), "the chooser opens");
    typed(&mut m, "待销");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.picker().is_none());
    assert_eq!(status(&m, "T10"), Status::PendingSignoff);
    assert_eq!(history(&m, "T10"), ["推进中→待销号"], "no 受阻 on the way");
    assert_eq!(m.undo.len(), 1, "one edit, one undo");
    let said = m.message.clone().unwrap().text.zh;
    assert!(said.contains("T10 → 待销号"), "{said}");
    // The card stays selected, in its new column.
    assert_eq!(m.selected_id().as_deref(), Some("T10"));
}

#[test]
fn a_forbidden_status_is_listed_with_the_reason_and_refused() {
    let (mut m, _d) = model(Lang::En);
    select(&mut m, "T03");
    press(&mut m, &[Action::SetStatus]);
    let lines = bairi::app::picker::results(&m, usize::MAX);
    let done = &lines
        .iter()
        .find(|(_, l)| l.contains("Crossed off"))
        .unwrap()
        .1;
    assert!(
        done.starts_with('✗') && done.contains("milestone"),
        "{done}"
    );
    let current = &lines
        .iter()
        .find(|(_, l)| l.contains("In progress"))
        .unwrap()
        .1;
    assert!(current.contains("current"), "{current}");
    typed(&mut m, "crossed");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(status(&m, "T03"), Status::InProgress);
    assert!(
        m.picker().is_some(),
        "the list stays open for another choice"
    );
    let said = m.message.clone().unwrap().text.en;
    assert!(said.contains("milestone"), "{said}");
    assert!(m.undo.is_empty());
    press(&mut m, &[Action::Field(FieldKey::Cancel)]);
    assert!(m.picker().is_none());
}

#[test]
fn choosing_the_current_status_changes_nothing() {
    let (mut m, _d) = model(Lang::Zh);
    select(&mut m, "T10");
    let text = m.store().text().to_owned();
    press(&mut m, &[Action::SetStatus]);
    typed(&mut m, "推进");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.store().text(), text);
    assert!(m.message.clone().unwrap().text.zh.contains("没有变化"));
}

#[test]
fn the_arrows_still_walk_one_status_at_a_time() {
    let (mut m, _d) = model(Lang::Zh);
    select(&mut m, "T10");
    press(&mut m, &[Action::MoveNext]);
    assert_eq!(status(&m, "T10"), Status::Blocked);
    assert_eq!(history(&m, "T10"), ["推进中→受阻"]);
}

#[test]
fn the_chooser_at_80x24() {
    let (mut m, _d) = model(Lang::Zh);
    select(&mut m, "T03");
    press(&mut m, &[Action::SetStatus]);
    insta::assert_snapshot!(support::screen(&m, 80, 24));
}
