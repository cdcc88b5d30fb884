//! Edits through the file core: only the touched lines change, rules refuse with reasons,
//! saves are atomic and never overwrite someone else's changes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::domain::Status;
use bairi::store::edit::apply::Edit;
use bairi::store::file::{CampaignFile, MilestoneRef, NewProblem, SaveError};
use bairi::store::load::Today;
use support::edits::{
    apply, delete, edit_task, light, milestone, note, priority, problem, progress, resolve, status,
};
use support::{added_lines, changed_lines, qinglan_copy};

fn open() -> (CampaignFile, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    (file, text, dir)
}

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
fn save_writes_atomically_and_keeps_a_backup() {
    let (mut file, text, dir) = open();
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    assert!(file.dirty);
    file.save().unwrap();
    assert!(!file.dirty);
    let path = dir.path().join("qinglan.toml");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), file.text());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".bairi/qinglan.toml.bak")).unwrap(),
        text
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bairi-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn changes_made_elsewhere_are_merged_not_overwritten() {
    let (mut file, _text, dir) = open();
    let path = dir.path().join("qinglan.toml");
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("progress   = 90", "progress   = 95");
    std::fs::write(&path, &theirs).unwrap();
    file.save().unwrap();
    let merged = std::fs::read_to_string(&path).unwrap();
    assert!(
        merged.contains("progress   = 85") && merged.contains("progress   = 95"),
        "both edits survive"
    );
    assert!(!file.dirty);
}

#[test]
fn two_instances_merge_by_task_and_field_and_conflicts_are_settled() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let today = Today::Date(support::today());
    let mut a = CampaignFile::open(&path, today).unwrap();
    let mut b = CampaignFile::open(&path, today).unwrap();
    // Different tasks and notes on the same task: everything survives.
    apply(
        &mut a,
        status("T01", Status::Blocked),
        support::today(),
        None,
    )
    .unwrap();
    apply(&mut a, note("T03", "甲的记录"), support::today(), None).unwrap();
    apply(&mut b, note("T03", "乙的记录"), support::today(), None).unwrap();
    apply(
        &mut b,
        milestone("T02", MilestoneRef::Index(2), true),
        support::today(),
        None,
    )
    .unwrap();
    a.save().unwrap();
    b.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for expected in [
        "甲的记录",
        "乙的记录",
        "status     = \"受阻\"",
        "due = 2026-11-20, done = true, done_on = 2026-11-22",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
    let reopened = CampaignFile::open(&path, today).unwrap();
    assert_eq!(
        reopened.campaign.task("T01").unwrap().status,
        Status::Blocked
    );
    assert_eq!(
        b.campaign.task("T01").unwrap().status,
        Status::Blocked,
        "b now sees a's edit"
    );
    // The same field both ways: a conflict, settled as asked.
    let mut a = CampaignFile::open(&path, today).unwrap();
    let mut b = CampaignFile::open(&path, today).unwrap();
    apply(&mut a, progress("T05", 90), support::today(), None).unwrap();
    apply(&mut b, progress("T05", 92), support::today(), None).unwrap();
    a.save().unwrap();
    let Err(SaveError::Conflicts(list)) = b.save() else {
        panic!("expected a conflict");
    };
    assert_eq!(
        (list[0].task.as_str(), list[0].key.as_str()),
        ("T05", "progress")
    );
    assert!(b.dirty, "nothing lost while undecided");
    b.save_keeping(Some(bairi::store::merge::Keep::Theirs))
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("progress   = 90")
    );
    let mut c = CampaignFile::open(&path, today).unwrap();
    let mut d = CampaignFile::open(&path, today).unwrap();
    apply(&mut c, progress("T05", 91), support::today(), None).unwrap();
    apply(&mut d, progress("T05", 93), support::today(), None).unwrap();
    c.save().unwrap();
    d.save_keeping(Some(bairi::store::merge::Keep::Mine))
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("progress   = 93")
    );
    assert!(
        !support::lock_held(&path),
        "the lock is released after saving"
    );
}

#[test]
fn a_failed_write_keeps_the_original_and_the_edits() {
    let (mut file, text, dir) = open();
    let path = dir.path().join("qinglan.toml");
    apply(&mut file, progress("T01", 85), support::today(), None).unwrap();
    // Replace the file by a directory of the same name: the write cannot complete.
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert!(file.save().is_err());
    assert!(file.dirty);
    std::fs::remove_dir(&path).unwrap();
    std::fs::write(&path, &text).unwrap();
    assert!(matches!(file.save(), Err(SaveError::ChangedOnDisk)) || file.save().is_ok());
}

/// The lines of `text` from the one holding `from` up to (not including) the one holding `to`.
fn lines_between<'t>(text: &'t str, from: &str, to: &str) -> Vec<&'t str> {
    let lines: Vec<&str> = text.lines().collect();
    let a = lines.iter().position(|l| l.contains(from)).unwrap();
    let b = a + lines[a..].iter().position(|l| l.contains(to)).unwrap();
    lines[a..b].to_vec()
}

#[test]
fn a_new_task_goes_after_the_last_task_and_before_the_next_section() {
    let (mut file, text, _dir) = open();
    let fields = bairi::store::edit::task_fields::TaskFields {
        title: "新增任务".into(),
        category: "ms".into(),
        deadline: Some(support::day("2026-12-01")),
        ..Default::default()
    };
    let id = apply(
        &mut file,
        Edit::AddTask(fields.clone()),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    assert_eq!(id, "T14");
    let added = added_lines(&text, file.text());
    assert_eq!(added[0], "[[tasks]]");
    assert_eq!(added.last().map(String::as_str), Some(""));
    assert!(added.contains(&"id = \"T14\"".to_owned()), "{added:#?}");
    let between = lines_between(file.text(), "due = 2026-12-09, done = false },", "承诺践诺");
    assert!(between.contains(&"id = \"T14\""), "{between:#?}");
    assert_eq!(
        between.last(),
        Some(&"# ---------------------------------------------------------------------------")
    );
    assert_eq!(
        file.campaign.tasks.last().map(|t| t.id.as_str()),
        Some("T14")
    );
}

#[test]
fn deleting_a_task_removes_its_lines_and_keeps_the_comments_of_what_follows() {
    let (mut file, text, _dir) = open();
    apply(&mut file, delete("T13"), support::today(), None).unwrap();
    let start = text.find("[[tasks]]\nid         = \"T13\"").unwrap();
    let end = text.find("# ---------------------------------------------------------------------------\n# 承诺践诺").unwrap();
    let mut expected = text.clone();
    expected.replace_range(start..end, "");
    assert_eq!(file.text(), expected);
    assert!(file.campaign.task_index("T13").is_none());
}

#[test]
fn a_task_in_pieces_is_shown_but_not_edited_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    // A problem of T13 written after the pledges: valid TOML, but T13 is not in one piece.
    let text = format!(
        "{text}\n[[tasks.problems]]\nid = \"T13-P9\"\ntext = \"管材\"\nraised = 2026-11-20\nresolved = false\ndue = 2026-11-30\n"
    );
    std::fs::write(&path, &text).unwrap();
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let t13 = file.campaign.task_index("T13").unwrap();
    assert_eq!(file.campaign.tasks[t13].problems.len(), 1);
    let refused = apply(&mut file, progress("T13", 5), support::today(), None).unwrap_err();
    assert!(
        refused.message().en.contains("cannot edit in place"),
        "{refused:?}"
    );
    // Other tasks are edited as usual, and a new task goes after T13's problem.
    apply(&mut file, progress("T01", 90), support::today(), None).unwrap();
    let id = apply(
        &mut file,
        Edit::AddTask(bairi::store::edit::task_fields::TaskFields {
            title: "新增".into(),
            category: "ms".into(),
            deadline: Some(support::day("2026-12-01")),
            ..Default::default()
        }),
        support::today(),
        None,
    )
    .map(|m| m.id());
    assert_eq!(id.as_deref(), Ok("T14"));
    let t13 = file.campaign.task_index("T13").unwrap();
    assert_eq!(file.campaign.tasks[t13].problems.len(), 1);
    let (p9, t14) = (file.text().find("T13-P9"), file.text().find("id = \"T14\""));
    assert!(p9 < t14, "{}", file.text());
}

/// After each edit the kept layout is the one a fresh read of the text finds.
fn layout_stays_true(text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, text).unwrap();
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let ids: Vec<String> = file.campaign.tasks.iter().map(|t| t.id.clone()).collect();
    for (n, id) in ids.iter().enumerate() {
        let done = file.campaign.task(id).unwrap().status == Status::Done;
        match n % 3 {
            0 if done => {
                let new = NewProblem {
                    text: "新问题".into(),
                    ..Default::default()
                };
                let refused = apply(&mut file, problem(id, new), support::today(), None)
                    .map(|m| m.id())
                    .unwrap_err();
                assert!(refused.message().en.contains("crossed off"), "{refused:?}");
            }
            0 => {
                let new = NewProblem {
                    text: "新问题".into(),
                    due: Some(support::day("2026-12-01")),
                    ..Default::default()
                };
                apply(&mut file, problem(id, new), support::today(), None)
                    .map(|m| m.id())
                    .unwrap();
            }
            1 => {
                apply(&mut file, note(id, "记录"), support::today(), None).unwrap();
            }
            _ => {
                apply(&mut file, progress(id, 42), support::today(), None).unwrap();
            }
        }
        let fresh = bairi::store::load::load_str(file.text(), Today::Date(support::today()))
            .unwrap_or_else(|r| panic!("{:?}", r.diagnostics));
        assert_eq!(file.layout(), &fresh.layout, "after editing {id}");
    }
    // And a task added, then one deleted, land where they should.
    let t14 = apply(
        &mut file,
        Edit::AddTask(bairi::store::edit::task_fields::TaskFields {
            title: "新增".into(),
            category: "ms".into(),
            deadline: Some(support::day("2026-12-01")),
            ..Default::default()
        }),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .unwrap();
    let last = ids.last().unwrap();
    let problems = file.campaign.task(last).unwrap().problems.len();
    apply(&mut file, delete(&t14), support::today(), None).unwrap();
    assert_eq!(file.campaign.task(last).unwrap().problems.len(), problems);
}

#[test]
fn the_layout_follows_edits_even_after_a_comment_on_a_tasks_last_line() {
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let last_line =
        "  { title = \"完成主管网更换并试压\",     due = 2026-12-09, done = false },\n]";
    assert!(text.contains(last_line));
    let commented = text.replace(
        last_line,
        &format!("{last_line}   # 供热季前必须完成,否则影响全城居民冬季取暖,请各单位务必高度重视"),
    );
    layout_stays_true(&commented);
    layout_stays_true(&text.replace('\n', "\r\n"));
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

/// The milestone fields a form gives: `title`, due on `due`.
fn milestone_fields(title: &str, due: &str) -> bairi::store::edit::task_fields::MilestoneFields {
    bairi::store::edit::task_fields::MilestoneFields {
        title: title.to_owned(),
        due: support::day(due),
        unit: None,
    }
}

/// The fields of a task as the add and edit forms give them.
fn task_fields() -> bairi::store::edit::task_fields::TaskFields {
    bairi::store::edit::task_fields::TaskFields {
        title: "城南公路改造提升工程(二期)".to_owned(),
        category: "xm".to_owned(),
        lead_unit: Some("jtj".to_owned()),
        deadline: Some(support::day("2026-12-05")),
        priority: Some(1),
        ..Default::default()
    }
}

/// Edits of a task's status, milestones, log and problems: each named, with who makes it.
fn task_edits() -> Vec<(&'static str, Edit, Option<&'static str>)> {
    use bairi::domain::Light;
    let by = Some("li_mx");
    let new = NewProblem {
        text: "用地指标未落实".into(),
        owner: Some("zrj".into()),
        due: Some(support::day("2026-11-30")),
        ..NewProblem::default()
    };
    let red = (Light::Red, "设备延迟", Some(support::day("2026-12-01")));
    vec![
        ("status", status("T01", Status::Blocked), by),
        ("tick", milestone("T02", MilestoneRef::Index(2), true), by),
        (
            "untick",
            milestone("T02", MilestoneRef::Index(2), false),
            None,
        ),
        ("cross off", status("T12", Status::Done), by),
        ("reopen", status("T12", Status::InProgress), by),
        ("note", note("T03", "现场调度"), None),
        ("problem", problem("T03", new), None),
        ("resolve", resolve("T02", "T02-P1", "已核发许可"), by),
        ("progress", progress("T03", 70), None),
        ("priority", priority("T03", 1), None),
        ("light", light("T03", Some(red)), by),
        ("light cleared", light("T03", None), by),
    ]
}

/// Edits of a task's fields, of the milestone list and of the task list.
fn structure_edits() -> Vec<(&'static str, Edit, Option<&'static str>)> {
    let task = |task: &str| task.to_owned();
    vec![
        ("fields", edit_task("T04", &task_fields()), None),
        (
            "add milestones",
            Edit::AddMilestones {
                task: task("T04"),
                milestones: vec![
                    milestone_fields("验收", "2026-12-01"),
                    milestone_fields("移交", "2026-11-25"),
                ],
            },
            None,
        ),
        (
            "edit milestone",
            Edit::EditMilestone {
                task: task("T04"),
                index: 5,
                milestone: milestone_fields("竣工验收", "2026-12-02"),
            },
            None,
        ),
        (
            "sort milestones",
            Edit::SortMilestones { task: task("T04") },
            None,
        ),
        (
            "delete milestone",
            Edit::DeleteMilestone {
                task: task("T04"),
                index: 0,
            },
            None,
        ),
        ("add task", Edit::AddTask(task_fields()), None),
        ("delete task", delete("T13"), None),
    ]
}

/// After every kind of edit the model is exactly what a fresh load of the text gives (and so
/// is the layout of the tasks): one edit path, nothing mirrored by hand.
#[test]
fn after_every_kind_of_edit_the_campaign_is_a_fresh_load_of_the_text() {
    use bairi::store::load::load_str;
    let (mut file, _text, _dir) = open();
    let today = support::today();
    for (name, edit, by) in task_edits().into_iter().chain(structure_edits()) {
        apply(&mut file, edit, today, by).unwrap_or_else(|e| panic!("{name}: {}", e.0.en));
        let fresh = load_str(file.text(), Today::Date(today)).unwrap();
        assert_eq!(*file.campaign, fresh.campaign, "after {name}");
        assert_eq!(*file.layout(), fresh.layout, "the layout after {name}");
    }
    file.save().unwrap();
    let reopened = CampaignFile::open(&file.path, Today::Date(today)).unwrap();
    assert_eq!(reopened.campaign, file.campaign);
}
