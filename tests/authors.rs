//! Issue 14, defect 6: an author who is not in `[[people]]` never reaches the file. The
//! command line, the store's verbs and the board refuse with the people to choose from, and
//! a save re-checks what it changed, so no file that fails `check` is ever written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use std::path::Path;
use std::process::Output;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::domain::Status;
use bairi::i18n::Lang;
use bairi::store::edit::apply::{Edit, Stamp};
use bairi::store::file::{CampaignFile, NewProblem};
use bairi::store::load::{Today, load_str};

/// `bairi note FILE T01 x --by BY` on the example's day, with `home` for its data and config.
fn note_by(home: &Path, file: &str, by: &str) -> Output {
    let args = [
        "note",
        file,
        "T01",
        "x",
        "--by",
        by,
        "--today",
        "2026-11-22",
    ];
    support::bairi_at(home, &args)
}

#[test]
fn an_unknown_by_is_refused_with_the_people_listed_and_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let out = note_by(dir.path(), file, "nobody");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`nobody`") && err.contains("[[people]]"),
        "{err}"
    );
    assert!(err.contains("li_mx") && err.contains("李明轩"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    // The config's author, the same way.
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "author = \"ghost\"\n").unwrap();
    let config = config.to_str().unwrap();
    let out = support::bairi_at(
        dir.path(),
        &["move", file, "T07", "in_progress", "--config", config],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`ghost`"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    // A known author still works, and the file still checks.
    let ok = note_by(dir.path(), file, "li_mx");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(load_str(&after, Today::Date(support::today())).is_ok());
}

#[test]
fn the_store_refuses_people_and_units_it_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let before = file.text().to_owned();
    let by = |who: &str| Stamp {
        today: support::today(),
        by: Some(who.into()),
    };
    let note = Edit::Note {
        task: "T01".into(),
        text: "x".into(),
    };
    let refusal = file.apply(&note, &by("nobody")).unwrap_err().message();
    assert!(refusal.en.contains("author") && refusal.en.contains("lin_ht 林海涛"));
    assert!(refusal.zh.contains("author"));
    // Reopening a crossed-off task writes who did it: refused for no one.
    let reopen = Edit::Status {
        task: "T07".into(),
        status: Status::InProgress,
    };
    assert!(file.apply(&reopen, &by("nobody")).is_err());
    let problem = NewProblem {
        text: "x".into(),
        owner: Some("nowhere".into()),
        ..NewProblem::default()
    };
    let add = Edit::AddProblem {
        task: "T01".into(),
        problem,
    };
    assert!(file.apply(&add, &by("li_mx")).is_err());
    assert_eq!(file.text(), before);
    assert!(!file.dirty);
}

#[test]
fn the_board_refuses_a_note_from_an_author_not_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let mut m = Model::new(file, support::today(), Lang::En);
    m.author = Some("nobody".into());
    update(&mut m, Msg::Action(Action::Note));
    for c in "会议记录".chars() {
        update(&mut m, Msg::Action(Action::Type(c)));
    }
    let effects = update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!m.store().dirty);
    let shown = format!("{:?}", m.form().map(|f| &f.error)) + &format!("{:?}", m.message);
    assert!(
        shown.contains("author") && shown.contains("lin_ht"),
        "{shown}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}
