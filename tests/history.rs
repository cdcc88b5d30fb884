//! Issue 15 §3: every status change, tick, untick, sign-off, light override and problem
//! resolved adds one line to the task's own `log`, with date and person, in the same edit
//! (one undo takes back both), through the store, the board and the command line alike.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::domain::history::is_history;
use bairi::domain::{Light, LogEntry, Status};
use bairi::i18n::Lang;
use bairi::store::file::{CampaignFile, MilestoneRef};
use bairi::store::load::{Today, load_str};
use support::edits::{apply, light, milestone, note, resolve, status};
use support::{day, press, qinglan_copy, qinglan_model};

fn open() -> (CampaignFile, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = CampaignFile::open(&path, Today::Date(day("2026-11-22"))).unwrap();
    (file, dir)
}

/// Runs `edit` and returns the one line it added to `task`'s log (in the text and in the
/// model, which must agree with a fresh load of the text).
fn one_line(
    file: &mut CampaignFile,
    task: &str,
    edit: impl FnOnce(&mut CampaignFile),
) -> (String, LogEntry) {
    let before = file.campaign.task(task).unwrap().log.clone();
    let text = file.text().to_owned();
    edit(file);
    let log = &file.campaign.task(task).unwrap().log;
    assert_eq!(log.len(), before.len() + 1, "{task}: one line added");
    assert_eq!(log[..before.len()], before[..], "older lines untouched");
    let entry = log.last().unwrap().clone();
    assert!(is_history(&entry), "{entry:?}");
    let fresh = load_str(file.text(), Today::Date(day("2026-11-22"))).unwrap();
    assert_eq!(fresh.campaign, *file.campaign, "the model is the text");
    let written = format!("text = \"{}\" }},", entry.text);
    let line = file
        .text()
        .lines()
        .find(|l| l.ends_with(&written))
        .unwrap_or_else(|| panic!("no log line added for {task}"));
    assert!(!text.contains(line), "a new line: {line}");
    (line.to_owned(), entry)
}

#[test]
fn every_recorded_edit_adds_one_compact_line_with_date_and_person() {
    let (mut file, _dir) = open();
    let today = day("2026-11-22");
    let by = Some("li_mx");

    let (line, entry) = one_line(&mut file, "T01", |f| {
        apply(f, status("T01", Status::Blocked), today, by).unwrap();
    });
    assert_eq!(
        line,
        "  { date = 2026-11-22, by = \"li_mx\", kind = \"状态\", text = \"推进中→受阻\" },"
    );
    assert_eq!(
        (entry.date, entry.by.as_deref(), entry.kind.as_deref()),
        (today, by, Some("状态"))
    );

    let (line, _) = one_line(&mut file, "T02", |f| {
        apply(f, milestone("T02", MilestoneRef::Index(2), true), today, by).unwrap();
    });
    assert!(line.ends_with("kind = \"节点\", text = \"勾选 M3 进厂管网穿越省道段完成顶管\" },"));
    let (line, _) = one_line(&mut file, "T02", |f| {
        let which = MilestoneRef::Id("T02-M3".into());
        apply(f, milestone("T02", which, false), today, None).unwrap();
    });
    assert_eq!(
        line,
        "  { date = 2026-11-22, kind = \"节点\", text = \"取消勾选 M3 进厂管网穿越省道段完成顶管\" },",
        "no person: no `by`"
    );

    let (_, entry) = one_line(&mut file, "T12", |f| {
        apply(f, status("T12", Status::Done), today, by).unwrap();
    });
    assert_eq!(
        (entry.kind.as_deref(), entry.text.as_str()),
        (Some("销号"), "销号(待销号→已销号)")
    );
    let (_, entry) = one_line(&mut file, "T12", |f| {
        apply(f, status("T12", Status::InProgress), today, by).unwrap();
    });
    assert_eq!(entry.text, "重新打开(已销号→推进中)");

    let until = Some(day("2026-12-01"));
    let (_, entry) = one_line(&mut file, "T03", |f| {
        let red = Some((Light::Red, "设备到货延迟", until));
        apply(f, light("T03", red), today, by).unwrap();
    });
    assert_eq!(
        (entry.kind.as_deref(), entry.text.as_str()),
        (Some("亮灯"), "亮灯 红(设备到货延迟)至2026-12-01")
    );
    let (_, entry) = one_line(&mut file, "T03", |f| {
        apply(f, light("T03", None), today, by).unwrap();
    });
    assert_eq!(entry.text, "取消亮灯");
    // Clearing what is not there records nothing.
    let log = file.campaign.task("T03").unwrap().log.len();
    apply(&mut file, light("T03", None), today, by).unwrap();
    assert_eq!(file.campaign.task("T03").unwrap().log.len(), log);

    let (_, entry) = one_line(&mut file, "T02", |f| {
        apply(
            f,
            resolve("T02", "T02-P1", "公路部门当日核发许可"),
            today,
            by,
        )
        .unwrap();
    });
    assert_eq!(
        (entry.kind.as_deref(), entry.text.as_str()),
        (Some("问题"), "T02-P1 解决:公路部门当日核发许可")
    );

    // A note is a note, not history; and the saved file still checks.
    apply(&mut file, note("T01", "现场调度"), today, by).unwrap();
    assert!(!is_history(
        file.campaign.task("T01").unwrap().log.last().unwrap()
    ));
    file.save().unwrap();
    let saved = std::fs::read_to_string(&file.path).unwrap();
    assert!(load_str(&saved, Today::Date(today)).is_ok());
}

#[test]
fn an_unknown_person_is_refused_for_every_recorded_edit() {
    let (mut file, _dir) = open();
    let today = day("2026-11-22");
    let text = file.text().to_owned();
    let nobody = Some("nobody");
    let refused = [
        apply(&mut file, status("T01", Status::Blocked), today, nobody),
        apply(
            &mut file,
            milestone("T02", MilestoneRef::Index(2), true),
            today,
            nobody,
        ),
        apply(&mut file, resolve("T02", "T02-P1", "x"), today, nobody),
        apply(
            &mut file,
            light("T03", Some((Light::Red, "x", None))),
            today,
            nobody,
        ),
    ];
    for r in refused {
        let why = r.unwrap_err().message();
        assert!(why.en.contains("`nobody`"), "{}", why.en);
    }
    assert_eq!(file.text(), text, "nothing changed");
}

#[test]
fn one_undo_takes_back_the_edit_and_its_history_line_and_redo_brings_both() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    m.author = Some("li_mx".to_owned());
    let original = m.store().text().to_owned();
    let t01 = m.campaign().task_index("T01").unwrap();
    m.select_task(t01);
    let t01_log = |m: &bairi::app::model::Model| m.campaign().task("T01").unwrap().log.len();
    let lines = t01_log(&m);
    press(&mut m, &[Action::MoveNext]);
    let moved = m.store().text().to_owned();
    assert_eq!(t01_log(&m), lines + 1, "the history line");
    press(&mut m, &[Action::Tick]);
    let ticked = m.store().text().to_owned();
    assert_eq!(t01_log(&m), lines + 2);

    press(&mut m, &[Action::Undo]);
    assert_eq!(
        m.store().text(),
        moved,
        "the tick and its line went together"
    );
    assert_eq!(t01_log(&m), lines + 1);
    press(&mut m, &[Action::Undo]);
    assert_eq!(
        m.store().text(),
        original,
        "the move and its line went together"
    );
    assert_eq!(t01_log(&m), lines);
    assert_eq!(m.campaign().task("T01").unwrap().status, Status::InProgress);
    press(&mut m, &[Action::Redo]);
    assert_eq!(m.store().text(), moved);
    press(&mut m, &[Action::Redo]);
    assert_eq!(m.store().text(), ticked);
    assert_eq!(t01_log(&m), lines + 2);
}

#[test]
fn the_command_line_records_the_same_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let when = ["--today", "2026-11-22", "--by", "li_mx"];
    let run = |args: &[&str]| {
        let all: Vec<&str> = args.iter().chain(&when).copied().collect();
        let out = support::bairi_at(dir.path(), &all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&["move", file, "T01", "blocked"]);
    run(&["tick", file, "T02", "3"]);
    run(&["tick", file, "T02", "T02-M3", "--undo"]);
    run(&["move", file, "T12", "done"]);
    let after = std::fs::read_to_string(&path).unwrap();
    let old: std::collections::HashSet<&str> = before.lines().collect();
    let history: Vec<&str> = after
        .lines()
        .filter(|l| !old.contains(l) && l.contains("kind = "))
        .collect();
    assert_eq!(
        history,
        [
            "  { date = 2026-11-22, by = \"li_mx\", kind = \"状态\", text = \"推进中→受阻\" },",
            "  { date = 2026-11-22, by = \"li_mx\", kind = \"节点\", text = \"勾选 M3 进厂管网穿越省道段完成顶管\" },",
            "  { date = 2026-11-22, by = \"li_mx\", kind = \"节点\", text = \"取消勾选 M3 进厂管网穿越省道段完成顶管\" },",
            "  { date = 2026-11-22, by = \"li_mx\", kind = \"销号\", text = \"销号(待销号→已销号)\" },",
        ]
    );
    // A tick by someone not in [[people]] is refused and leaves the file alone.
    let out = support::bairi_at(
        dir.path(),
        &[
            "tick",
            file,
            "T02",
            "3",
            "--by",
            "nobody",
            "--today",
            "2026-11-22",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`nobody`"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

#[test]
fn history_lines_from_two_boards_are_both_kept_by_the_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = qinglan_copy(dir.path());
    let today = day("2026-11-22");
    let mut a = CampaignFile::open(&path, Today::Date(today)).unwrap();
    let mut b = CampaignFile::open(&path, Today::Date(today)).unwrap();
    apply(
        &mut a,
        milestone("T02", MilestoneRef::Index(2), true),
        today,
        Some("li_mx"),
    )
    .unwrap();
    apply(
        &mut b,
        milestone("T02", MilestoneRef::Index(3), true),
        today,
        Some("zhao_dh"),
    )
    .unwrap();
    a.save().unwrap();
    b.save().unwrap();
    let merged = CampaignFile::open(&path, Today::Date(today)).unwrap();
    let t02 = merged.campaign.task("T02").unwrap();
    assert!(t02.milestones[2].done && t02.milestones[3].done);
    let lines: Vec<(&str, &str)> = t02
        .log
        .iter()
        .filter(|e| is_history(e))
        .map(|e| (e.by.as_deref().unwrap(), e.text.as_str()))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.contains(&("li_mx", "勾选 M3 进厂管网穿越省道段完成顶管")));
    assert!(lines.contains(&("zhao_dh", "勾选 M4 设备安装完成并通水调试")));
}
