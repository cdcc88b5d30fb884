//! An edit that changes nothing writes nothing (issue 23, defect 10): a form confirmed as it
//! opened leaves the file byte for byte, says `没有变化` and offers no undo; what the file
//! holds is stored as written (never trimmed or cleaned on the way back), and a value typed
//! in a form is stored as typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::{press, save_now};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::Model;
use bairi::i18n::Lang;

/// T10 as a hand-written file may hold it: no `priority` (so the default, 2), a title with a
/// zero-width space, a tab and a trailing space, a literal-quoted short title, a leader's
/// light with its reason.
fn odd_t10(text: &str) -> String {
    text.replacen(
        "title      = \"产业园110千伏变电站及配套线路\"",
        "title      = \"产业园110千伏\u{200B}变电站\\t及配套线路 \"",
        1,
    )
    .replacen("short      = \"110kV变电站\"", "short      = '110kV变电站'", 1)
    .replacen(
        "priority   = 2\ninvestment = 8600",
        "investment = 8600\nlight_override = { light = \"yellow\", reason = \"线路 走廊\", until = 2026-12-01 }",
        1,
    )
}

fn model() -> (Model, tempfile::TempDir, std::path::PathBuf) {
    let odd = |text: String| {
        let odd = odd_t10(&text);
        assert_ne!(odd, text, "the fixture still has T10 as this test expects");
        odd
    };
    let (mut m, dir, path) = support::board::model_with("2026-11-22", Lang::Zh, Some("li_mx"), odd);
    let t10 = m.campaign().task_index("T10").unwrap();
    m.select_task(t10);
    (m, dir, path)
}

fn said(m: &Model) -> String {
    m.message.clone().map(|s| s.text.zh).unwrap_or_default()
}

/// Opens a form with `open`, confirms it untouched, and checks nothing was written.
fn confirmed_unchanged(open: &[Action], what: &str) {
    let (mut m, _d, path) = model();
    let before = std::fs::read_to_string(&path).unwrap();
    press(&mut m, open);
    assert!(m.form().is_some(), "{what}: a form opens");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(
        m.form().is_none(),
        "{what}: the form closes: {:?}",
        m.form()
    );
    same_text(m.store().text(), &before, what);
    assert!(m.undo.is_empty(), "{what}: nothing to undo");
    assert!(said(&m).contains("没有变化"), "{what}: {}", said(&m));
    save_now(&mut m);
    same_text(&std::fs::read_to_string(&path).unwrap(), &before, what);
}

/// The two texts are the same; else the first line that differs.
fn same_text(now: &str, before: &str, what: &str) {
    let differs = now.lines().zip(before.lines()).find(|(a, b)| a != b);
    assert!(
        now == before,
        "{what}: the text changed, first at {differs:?}"
    );
}

#[test]
fn the_task_form_confirmed_unchanged_writes_nothing() {
    confirmed_unchanged(&[Action::Edit], "edit task");
}

#[test]
fn the_other_forms_confirmed_unchanged_write_nothing() {
    confirmed_unchanged(&[Action::Priority], "priority");
    confirmed_unchanged(&[Action::Progress], "progress");
    confirmed_unchanged(&[Action::Override], "light override");
    // The details: the first milestone selected, its form.
    confirmed_unchanged(&[Action::Open, Action::Edit], "edit milestone");
}

#[test]
fn a_changed_field_keeps_the_others_as_written() {
    let (mut m, _d, _path) = model();
    press(&mut m, &[Action::Edit]);
    // To the target field (the last), a new value typed.
    press(&mut m, &[Action::Field(FieldKey::PrevField)]);
    for c in "  投运 ".chars() {
        press(&mut m, &[Action::Type(c)]);
    }
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    let text = m.store().text();
    assert!(
        text.contains("title      = \"产业园110千伏\u{200B}变电站\\t及配套线路 \""),
        "the title is kept as written"
    );
    assert!(text.contains("short      = '110kV变电站'"));
    assert!(text.contains("target     = \"  投运 \""), "stored as typed");
    let t10 = &text[text.find("id         = \"T10\"").unwrap()..];
    let t10 = &t10[..t10.find("[[tasks.problems]]").unwrap()];
    assert!(!t10.contains("priority"), "no priority added:\n{t10}");
    assert!(said(&m).contains("T10 已修改"), "{}", said(&m));
}
