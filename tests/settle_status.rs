//! Settling a status changed both ways leaves a coherent task (issue 23, defect 8): a task
//! not crossed off keeps no `closed_on`/`closed_by`, a crossed-off one has its sign-off,
//! whichever side is kept, on a shared server (a save that meets the other's save) and for
//! a `[[conflicts]]` record (as a git merge leaves it). The file passes `check` after.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, View};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::domain::Status;
use bairi::store::edit::apply::{Edit, Stamp};
use bairi::store::file::{CampaignFile, SaveError};
use bairi::store::load::{Today, load_str};
use bairi::store::merge::Keep;

const TODAY: &str = "2026-11-22";

fn today() -> Today {
    Today::Date(support::day(TODAY))
}

/// The task's status and whether it has `closed_on` / `closed_by`, as the file on disk says;
/// the file must load.
fn t12_on_disk(path: &std::path::Path) -> (Status, bool, bool) {
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = load_str(&text, today()).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    let t = loaded.campaign.task("T12").unwrap().clone();
    (t.status, t.closed_on.is_some(), t.closed_by.is_some())
}

fn coherent((status, on, by): (Status, bool, bool)) {
    let done = status == Status::Done;
    assert_eq!(
        (on, by),
        (done, done),
        "{status:?} with closed_on {on}, closed_by {by}"
    );
}

/// Two boards on one file: A crosses T12 off and saves; B moved it back to 推进中 and saves
/// keeping `keep`.
#[test]
fn a_save_that_meets_a_crossing_off_settles_coherently_either_way() {
    for keep in [Keep::Mine, Keep::Theirs] {
        let dir = tempfile::tempdir().unwrap();
        let path = support::qinglan_copy(dir.path());
        let mut a = CampaignFile::open(&path, today()).unwrap();
        let mut b = CampaignFile::open(&path, today()).unwrap();
        let by = |who: &str| Stamp {
            today: support::day(TODAY),
            by: Some(who.into()),
        };
        let to = |status| Edit::Status {
            task: "T12".into(),
            status,
        };
        a.apply(&to(Status::Done), &by("li_mx")).unwrap();
        b.apply(&to(Status::InProgress), &by("zhao_dh")).unwrap();
        a.save().unwrap();
        match b.save() {
            Ok(()) => {}
            Err(SaveError::Conflicts(_)) => b.save_keeping(Some(keep)).unwrap(),
            Err(e) => panic!("{e:?}"),
        }
        coherent(t12_on_disk(&path));
    }
}

/// A `[[conflicts]]` record of T07's status (crossed off in the file, 推进中 recorded), as a
/// merge of two sites leaves it; the board asks on opening.
fn recorded(theirs: &str) -> (Model, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!(
        "\n[[conflicts]]\ntask = \"T07\"\nfield = \"status\"\ntheirs = \"{theirs}\"\nby = \"Site B\"\ndate = {TODAY}\n"
    ));
    std::fs::write(&path, text).unwrap();
    let file = CampaignFile::open(&path, today()).unwrap();
    let model = Model::new(file, support::day(TODAY), bairi::i18n::Lang::Zh);
    assert_eq!(model.view, View::Conflicts, "asked on open");
    (model, dir, path)
}

fn t07_on_disk(path: &std::path::Path) -> (Status, bool, bool) {
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = load_str(&text, today()).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    assert!(!text.contains("[[conflicts]]"), "settled");
    let t = loaded.campaign.task("T07").unwrap().clone();
    (t.status, t.closed_on.is_some(), t.closed_by.is_some())
}

#[test]
fn taking_a_recorded_reopening_removes_the_sign_off() {
    let (mut m, _d, path) = recorded("推进中");
    assert_eq!(
        update(&mut m, Msg::Action(Action::Type('t'))),
        vec![Effect::Save]
    );
    assert!(support::save_now(&mut m), "saved: {:?}", m.message);
    let t07 = t07_on_disk(&path);
    assert_eq!(t07.0, Status::InProgress);
    coherent(t07);
}

#[test]
fn keeping_the_crossing_off_keeps_its_sign_off() {
    let (mut m, _d, path) = recorded("推进中");
    assert_eq!(
        update(&mut m, Msg::Action(Action::Type('m'))),
        vec![Effect::Save]
    );
    assert!(support::save_now(&mut m), "saved: {:?}", m.message);
    let t07 = t07_on_disk(&path);
    assert_eq!(t07.0, Status::Done);
    coherent(t07);
}

/// The file reopened T07 by hand (its sign-off removed) and recorded the crossing off:
/// taking it crosses the task off again, dated the day it is settled.
#[test]
fn taking_a_recorded_crossing_off_restores_a_sign_off() {
    let (_, _d, path) = recorded("已销号");
    // The file's side: reopened, no sign-off.
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replacen("status     = \"已销号\"", "status     = \"推进中\"", 1)
        .replacen(
            "closed_on  = 2026-11-02                     # 销号 date (verified by 攻坚办)\nclosed_by  = \"li_mx\"\n",
            "",
            1,
        );
    std::fs::write(&path, &text).unwrap();
    let file = CampaignFile::open(&path, today()).unwrap();
    let mut m = Model::new(file, support::day(TODAY), bairi::i18n::Lang::Zh);
    assert_eq!(
        update(&mut m, Msg::Action(Action::Type('t'))),
        vec![Effect::Save]
    );
    assert!(support::save_now(&mut m), "saved: {:?}", m.message);
    let t07 = t07_on_disk(&path);
    assert_eq!(t07.0, Status::Done);
    assert!(t07.1, "closed_on restored");
}
