//! Tasks added and deleted in place, a task in pieces left alone, and the kept layout of the
//! tasks true after every kind of edit (as a fresh load of the text finds it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::domain::Status;
use bairi::store::edit::apply::Edit;
use bairi::store::file::{CampaignFile, MilestoneRef, NewProblem};
use bairi::store::load::Today;
use support::added_lines;
use support::edits::qinglan_file as open;
use support::edits::{
    apply, delete, edit_task, light, milestone, note, priority, problem, progress, resolve, status,
};

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
