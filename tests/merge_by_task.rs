//! Saves that meet changes made elsewhere, merged task by task: their bytes stay theirs,
//! added and deleted tasks follow, and what cannot be decided is asked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::store::edit::apply::Edit;
use bairi::store::edit::task_fields::TaskFields;
use bairi::store::file::{CampaignFile, SaveError};
use bairi::store::load::Today;
use bairi::store::merge::Keep;
use support::edits::{apply, delete, progress};
use support::qinglan_copy;

fn two(path: &std::path::Path) -> (CampaignFile, CampaignFile) {
    let a = CampaignFile::open(path, support::pinned()).unwrap();
    let b = CampaignFile::open(path, support::pinned()).unwrap();
    (a, b)
}

fn new_task(title: &str) -> TaskFields {
    TaskFields {
        title: title.into(),
        category: "ms".into(),
        deadline: Some(support::day("2026-12-01")),
        ..Default::default()
    }
}

#[test]
fn their_bytes_elsewhere_stay_as_they_wrote_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let mut a = CampaignFile::open(&path, support::pinned()).unwrap();
    // They reformat a line of T02 and the campaign's name; I change T01's progress.
    let before = std::fs::read_to_string(&path).unwrap();
    let theirs = before
        .replacen(
            "title      = \"县污水处理厂二期工程\"",
            "title = \"县污水处理厂二期工程\"",
            1,
        )
        .replacen("name            = \"青岚县", "name = \"青岚县", 1);
    assert_eq!(
        before
            .lines()
            .zip(theirs.lines())
            .filter(|(x, y)| x != y)
            .count(),
        2
    );
    std::fs::write(&path, &theirs).unwrap();
    apply(&mut a, progress("T01", 85), support::today(), None).unwrap();
    a.save().unwrap();
    let merged = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<_> = theirs
        .lines()
        .zip(merged.lines())
        .filter(|(x, y)| x != y)
        .collect();
    assert_eq!(theirs.lines().count(), merged.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("85"), "{changed:?}");
}

#[test]
fn a_task_added_here_joins_their_file_after_their_last_task() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let (mut a, mut b) = two(&path);
    apply(
        &mut a,
        Edit::AddTask(new_task("新增任务")),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    apply(&mut b, progress("T02", 33), support::today(), None).unwrap();
    b.save().unwrap();
    a.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let reopened = CampaignFile::open(&path, support::pinned()).unwrap();
    assert_eq!(reopened.campaign.task("T02").unwrap().progress, Some(33));
    assert!(reopened.campaign.task("T14").is_some());
    let (t13, t14, pledges) = (
        text.find("id         = \"T13\"").unwrap(),
        text.find("id = \"T14\"").unwrap(),
        text.find("承诺践诺").unwrap(),
    );
    assert!(
        t13 < t14 && t14 < pledges,
        "T14 after T13, before the pledges"
    );
    assert_eq!(
        text.matches("承诺践诺").count(),
        1,
        "the pledges' heading once"
    );
}

#[test]
fn a_task_deleted_there_but_changed_here_is_asked_about_and_can_be_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let (mut a, mut b) = two(&path);
    apply(&mut b, delete("T13"), support::today(), None).unwrap();
    b.save().unwrap();
    apply(&mut a, progress("T13", 10), support::today(), None).unwrap();
    let Err(SaveError::Conflicts(list)) = a.save() else {
        panic!("a conflict expected");
    };
    assert_eq!(
        (list[0].task.as_str(), list[0].key.as_str()),
        ("T13", "(deleted there)")
    );
    assert!(a.dirty, "nothing lost while undecided");
    a.save_keeping(Some(Keep::Mine)).unwrap();
    let reopened = CampaignFile::open(&path, support::pinned()).unwrap();
    assert_eq!(reopened.campaign.task("T13").unwrap().progress, Some(10));
}

#[test]
fn a_task_deleted_here_and_left_alone_there_goes() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let (mut a, mut b) = two(&path);
    apply(&mut a, delete("T13"), support::today(), None).unwrap();
    apply(&mut b, progress("T01", 77), support::today(), None).unwrap();
    b.save().unwrap();
    a.save().unwrap();
    let reopened = CampaignFile::open(&path, support::pinned()).unwrap();
    assert!(reopened.campaign.task("T13").is_none());
    assert_eq!(reopened.campaign.task("T01").unwrap().progress, Some(77));
}

#[test]
fn the_same_new_id_on_both_sides_is_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let (mut a, mut b) = two(&path);
    apply(
        &mut b,
        Edit::AddTask(new_task("他们的新任务")),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    b.save().unwrap();
    apply(
        &mut a,
        Edit::AddTask(new_task("我的新任务")),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    let Err(SaveError::Conflicts(list)) = a.save() else {
        panic!("a conflict expected");
    };
    assert_eq!(list[0].task, "T14");
    a.save_keeping(Some(Keep::Theirs)).unwrap();
    let reopened = CampaignFile::open(&path, support::pinned()).unwrap();
    assert_eq!(reopened.campaign.task("T14").unwrap().title, "他们的新任务");
}

#[test]
fn a_large_file_merges_by_task_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    bairi::synth::write_to(&path, 1500, 9).unwrap();
    let (mut a, mut b) = two(&path);
    let (first, last) = (
        a.campaign.tasks[0].id.clone(),
        a.campaign.tasks[1499].id.clone(),
    );
    apply(&mut b, progress(&last, 3), support::today(), None).unwrap();
    b.save().unwrap();
    apply(&mut a, progress(&first, 4), support::today(), None).unwrap();
    a.save().unwrap();
    let reopened = CampaignFile::open(&path, Today::Date(support::day("2026-11-01"))).unwrap();
    assert_eq!(reopened.campaign.tasks[0].progress, Some(4));
    assert_eq!(reopened.campaign.tasks[1499].progress, Some(3));
}

#[test]
fn a_task_added_here_while_the_last_task_goes_there_is_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let (mut a, mut b) = two(&path);
    apply(&mut b, delete("T13"), support::today(), None).unwrap();
    b.save().unwrap();
    apply(
        &mut a,
        Edit::AddTask(new_task("又一个")),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    a.save().unwrap();
    let reopened = CampaignFile::open(&path, support::pinned()).unwrap();
    assert!(reopened.campaign.task("T13").is_none());
    assert!(reopened.campaign.task("T14").is_some());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("承诺践诺").count(), 1);
}
