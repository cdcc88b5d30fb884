//! Edits of a task through the file core: only the touched lines change (comments, spelling,
//! line endings kept), rules refuse with reasons. Saves are in edit_saves.rs, the task list
//! and its layout in edit_layout.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::domain::Status;
use bairi::store::file::{CampaignFile, MilestoneRef, NewProblem};
use bairi::store::load::Today;
use support::edits::qinglan_file as open;
use support::edits::{apply, milestone, note, problem, progress, resolve, status};
use support::{added_lines, changed_lines};

#[test]
fn an_untouched_file_saves_byte_for_byte() {
    let (mut file, text, _dir) = open();
    assert_eq!(file.text(), text);
    apply(&mut file, progress("T01", 80), support::today(), None).unwrap();
    assert_eq!(file.text(), text, "setting the same value changes nothing");
}

#[test]
fn a_status_change_keeps_the_trailing_comment_on_its_line() {
    let (mut file, text, _dir) = open();
    apply(
        &mut file,
        status("T12", Status::Done),
        support::today(),
        Some("li_mx"),
    )
    .unwrap();
    let after = file.text();
    let old = "status     = \"待销号\"                      # all milestones done; awaiting 攻坚办 verification";
    let new = "status     = \"已销号\"                      # all milestones done; awaiting 攻坚办 verification";
    assert_eq!(text.matches(old).count(), 1);
    assert_eq!(
        added_lines(&text.replace(old, new), after),
        [
            "  { date = 2026-11-22, by = \"li_mx\", kind = \"销号\", text = \"销号(待销号→已销号)\" },",
            "closed_on = 2026-11-22",
            "closed_by = \"li_mx\""
        ]
    );
}

#[test]
fn the_file_keeps_its_status_spelling() {
    let (mut file, text, _dir) = open();
    apply(
        &mut file,
        status("T01", Status::Blocked),
        support::today(),
        None,
    )
    .unwrap();
    assert_eq!(
        changed_lines(&text, file.text())[0].1,
        "status     = \"受阻\""
    );
    let english = text
        .replace("\"推进中\"", "\"in_progress\"")
        .replace("\"受阻\"", "\"blocked\"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("en.toml");
    std::fs::write(
        &path,
        english
            .replace("\"未启动\"", "\"not_started\"")
            .replace("\"待销号\"", "\"pending_signoff\"")
            .replace("\"已销号\"", "\"done\""),
    )
    .unwrap();
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    apply(
        &mut file,
        status("T01", Status::Blocked),
        support::today(),
        None,
    )
    .unwrap();
    assert!(file.text().contains("status     = \"blocked\""));
}

#[test]
fn sign_off_rules_refuse_with_a_reason_and_change_nothing() {
    let (mut file, text, _dir) = open();
    let refusal = apply(
        &mut file,
        status("T02", Status::PendingSignoff),
        support::today(),
        None,
    )
    .unwrap_err();
    assert!(
        refusal.0.en.contains("2 milestone(s) not done"),
        "{}",
        refusal.0.en
    );
    assert!(refusal.0.zh.contains("2 个节点未完成"));
    // T09: every milestone done in the end but a problem... use T06: open problem.
    apply(
        &mut file,
        milestone("T06", MilestoneRef::Index(2), true),
        support::today(),
        None,
    )
    .unwrap();
    apply(
        &mut file,
        milestone("T06", MilestoneRef::Index(3), true),
        support::today(),
        None,
    )
    .unwrap();
    let refusal = apply(
        &mut file,
        status("T06", Status::Done),
        support::today(),
        None,
    )
    .unwrap_err();
    assert!(refusal.0.en.contains("1 open problem"), "{}", refusal.0.en);
    apply(
        &mut file,
        status("T06", Status::PendingSignoff),
        support::today(),
        None,
    )
    .unwrap();
    let refusal = apply(
        &mut file,
        milestone("T06", MilestoneRef::Index(3), false),
        support::today(),
        None,
    )
    .unwrap_err();
    assert!(refusal.0.en.contains("move it back"));
    assert!(
        apply(
            &mut file,
            status("T99", Status::Done),
            support::today(),
            None
        )
        .is_err()
    );
    let _ = text;
}

#[test]
fn ticking_and_unticking_a_milestone_touches_one_line_and_adds_one_to_the_history() {
    let (mut file, text, _dir) = open();
    apply(
        &mut file,
        milestone("T02", MilestoneRef::Index(2), true),
        support::today(),
        Some("li_mx"),
    )
    .unwrap();
    let undone = "  { title = \"进厂管网穿越省道段完成顶管\", due = 2026-11-20, done = false },";
    let done = "  { title = \"进厂管网穿越省道段完成顶管\", due = 2026-11-20, done = true, done_on = 2026-11-22 },";
    let ticked = "  { date = 2026-11-22, by = \"li_mx\", kind = \"节点\", text = \"勾选 M3 进厂管网穿越省道段完成顶管\" },";
    assert_eq!(
        added_lines(&text.replace(undone, done), file.text()),
        [ticked]
    );
    assert!(file.campaign.tasks[1].milestones[2].done);
    apply(
        &mut file,
        milestone("T02", MilestoneRef::Id("T02-M3".into()), false),
        support::today(),
        None,
    )
    .unwrap();
    let unticked = "  { date = 2026-11-22, kind = \"节点\", text = \"取消勾选 M3 进厂管网穿越省道段完成顶管\" },";
    assert_eq!(added_lines(&text, file.text()), [ticked, unticked]);
    // A milestone with a `unit` after `done`: done_on goes right after done.
    apply(
        &mut file,
        milestone("T10", MilestoneRef::Index(3), true),
        support::today(),
        None,
    )
    .unwrap();
    assert!(
        file.text()
            .contains("done = true, done_on = 2026-11-22, unit = \"gdgs\" },")
    );
    assert!(
        apply(
            &mut file,
            milestone("T10", MilestoneRef::Index(9), true),
            support::today(),
            None
        )
        .is_err()
    );
}

#[test]
fn notes_append_one_line_and_escape_text() {
    let (mut file, text, _dir) = open();
    apply(
        &mut file,
        note("T02", "许可已下达,\"顶管\"今晚开工\n第二行"),
        support::today(),
        Some("li_mx"),
    )
    .unwrap();
    let added = added_lines(&text, file.text());
    assert_eq!(
        added,
        [
            "  { date = 2026-11-22, by = \"li_mx\", text = \"许可已下达,\\\"顶管\\\"今晚开工\\n第二行\" },"
        ]
    );
    // A task without a log gets one.
    apply(&mut file, note("T11", "首条记录"), support::today(), None).unwrap();
    assert!(
        file.text()
            .contains("log = [\n  { date = 2026-11-22, text = \"首条记录\" },\n]\n")
    );
    assert!(apply(&mut file, note("T11", "  "), support::today(), None).is_err());
}

#[test]
fn problems_are_added_under_their_task_and_resolved() {
    let (mut file, text, dir) = open();
    let new = NewProblem {
        text: "塔吊进场受限".into(),
        kind: Some("协调".into()),
        blocking: true,
        owner: Some("zjj".into()),
        due: Some(support::day("2026-11-25")),
        ..NewProblem::default()
    };
    let id = apply(&mut file, problem("T02", new), support::today(), None)
        .map(|m| m.id())
        .unwrap();
    assert_eq!(id, "T02-P2");
    apply(
        &mut file,
        resolve("T02", "T02-P1", "公路部门当日核发许可"),
        support::today(),
        None,
    )
    .unwrap();
    file.save().unwrap();
    let saved = std::fs::read_to_string(dir.path().join("qinglan.toml")).unwrap();
    let reloaded = CampaignFile::open(
        &dir.path().join("qinglan.toml"),
        Today::Date(support::today()),
    )
    .unwrap();
    let t02 = reloaded.campaign.task("T02").unwrap();
    assert_eq!(t02.problems.len(), 2);
    assert!(t02.problems[0].resolved);
    assert_eq!(
        t02.problems[0].result.as_deref(),
        Some("公路部门当日核发许可")
    );
    assert_eq!(t02.problems[1].id, "T02-P2");
    // The new problem sits right before the next task.
    let p2 = saved
        .find("id          = \"T02-P2\"")
        .or_else(|| saved.find("id = \"T02-P2\""))
        .unwrap();
    let t03 = saved.find("id         = \"T03\"").unwrap();
    let p1 = saved.find("\"T02-P1\"").unwrap();
    assert!(p1 < p2 && p2 < t03);
    assert!(text.len() < saved.len());
}

#[test]
fn progress_is_checked() {
    let (mut file, text, _dir) = open();
    assert!(apply(&mut file, progress("T01", 101), support::today(), None).is_err());
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    assert_eq!(
        changed_lines(&text, file.text()),
        vec![("progress   = 80".to_owned(), "progress   = 85".to_owned())]
    );
}

#[test]
fn a_crlf_file_stays_crlf_byte_for_byte_outside_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.toml");
    let lf = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let crlf = lf.replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    let today = support::today();
    let mut file = CampaignFile::open(&path, Today::Date(today)).unwrap();
    apply(&mut file, note("T01", "视窗换行"), today, None).unwrap();
    apply(&mut file, progress("T02", 77), support::today(), None).unwrap();
    apply(
        &mut file,
        milestone("T03", MilestoneRef::Index(0), true),
        today,
        None,
    )
    .unwrap();
    file.save().unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "every line still ends in CRLF"
    );
    let before_lines: Vec<&str> = crlf.split_inclusive('\n').collect();
    let after_lines: Vec<&str> = after.split_inclusive('\n').collect();
    assert_eq!(after_lines.len(), before_lines.len() + 1, "one line added");
    let kept = before_lines
        .iter()
        .filter(|l| after_lines.contains(l))
        .count();
    assert!(
        kept >= before_lines.len() - 3,
        "only the progress and milestone lines change: {} of {} kept",
        kept,
        before_lines.len()
    );
}
