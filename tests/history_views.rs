//! Where a task's history shows: the detail view's History section (English worded from the
//! line's parts), `history` in the JSON report, and the week's moves in the weekly report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, View};
use bairi::domain::{Light, Status};
use bairi::i18n::Lang;
use bairi::report::views::{View as Report, build};
use bairi::store::edit::apply::Edit;
use bairi::store::file::{CampaignFile, MilestoneRef};
use bairi::store::load::Today;
use support::edits::{apply, milestone, status};
use support::{day, press, qinglan_model, screen};

/// Qinglan on 2026-11-22 with T02 moved back to in progress, its third milestone ticked and
/// a light set by li_mx, its details open at the end.
fn t02_with_history(lang: Lang) -> (Model, tempfile::TempDir) {
    let (mut m, dir) = qinglan_model("2026-11-22", lang);
    m.author = Some("li_mx".to_owned());
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::MovePrevious, Action::Tick]);
    let light = Edit::Override {
        task: "T02".to_owned(),
        light: Some((Light::Yellow, "许可已批".to_owned(), None)),
    };
    bairi::app::verbs::edit(&mut m, light).unwrap();
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::Open, Action::Last]);
    assert_eq!(m.view, View::Detail);
    (m, dir)
}

#[test]
fn the_detail_view_shows_the_history_newest_first_in_either_language() {
    let (zh, _a) = t02_with_history(Lang::Zh);
    let zh = screen(&zh, 80, 24);
    insta::assert_snapshot!("history_detail_zh_80x24", zh);
    assert!(zh.contains("历史(共3条,新的在前)"), "{zh}");
    let (en, _b) = t02_with_history(Lang::En);
    let en = screen(&en, 80, 24);
    insta::assert_snapshot!("history_detail_en_80x24", en);
    for line in [
        "History (3, newest first)",
        "light set: yellow (许可已批)",
        "ticked M3",
        "Blocked → In progress",
    ] {
        assert!(en.contains(line), "{line}\n{en}");
    }
}

#[test]
fn the_json_report_gives_each_task_its_history() {
    let (m, _dir) = t02_with_history(Lang::En);
    let report = bairi::report::values::gather(m.campaign(), m.today, Lang::En);
    let json: serde_json::Value =
        serde_json::from_str(&bairi::report::json::write(&report)).unwrap();
    let tasks = json["tasks"].as_array().unwrap();
    let t02 = tasks.iter().find(|t| t["id"] == "T02").unwrap();
    assert_eq!(
        t02["history"],
        serde_json::json!([
            { "date": "2026-11-22", "by": "li_mx", "kind": "状态", "text": "Blocked → In progress" },
            { "date": "2026-11-22", "by": "li_mx", "kind": "节点", "text": "ticked M3 进厂管网穿越省道段完成顶管" },
            { "date": "2026-11-22", "by": "li_mx", "kind": "亮灯", "text": "light set: yellow (许可已批)" },
        ])
    );
    // Notes are not history.
    let t01 = tasks.iter().find(|t| t["id"] == "T01").unwrap();
    assert_eq!(t01["history"], serde_json::json!([]));
}

#[test]
fn the_weekly_report_lists_the_moves_of_the_last_seven_days_by_unit() {
    let (m, dir) = qinglan_model("2026-11-22", Lang::En);
    let path = dir.path().join("qinglan.toml");
    let f = &mut CampaignFile::open(&path, Today::Date(m.today)).unwrap();
    // Eight days ago: outside the week.
    apply(
        f,
        status("T03", Status::Blocked),
        day("2026-11-14"),
        Some("li_mx"),
    )
    .unwrap();
    // Six days ago: inside.
    apply(
        f,
        status("T03", Status::InProgress),
        day("2026-11-16"),
        Some("li_mx"),
    )
    .unwrap();
    // T10's fourth milestone is credited to the power company (gdgs), not the lead unit.
    apply(
        f,
        milestone("T10", MilestoneRef::Index(3), true),
        day("2026-11-22"),
        None,
    )
    .unwrap();
    let doc = build(&f.campaign, m.today, Lang::En, Report::Weekly, None).unwrap();
    let moves: Vec<(&str, &str, &str, &str)> = doc
        .main
        .rows
        .iter()
        .filter(|r| r[1] == "move")
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str(), r[4].as_str()))
        .collect();
    let unit = |id: &str| m.campaign().unit(id).unwrap().name.clone();
    let (jxj, gdgs) = (unit("jxj"), unit("gdgs"));
    assert_eq!(moves.len(), 2, "{moves:?}");
    assert_eq!(moves[0].0, jxj);
    assert!(moves[0].1.starts_with("T03 "));
    assert_eq!(
        (moves[0].2, moves[0].3),
        ("Blocked → In progress", "2026-11-16")
    );
    assert_eq!(moves[1].0, gdgs);
    assert!(moves[1].2.starts_with("ticked M4 "), "{moves:?}");
    let zh = build(&f.campaign, m.today, Lang::Zh, Report::Weekly, None).unwrap();
    let markdown = bairi::report::doc::markdown(&zh);
    assert!(markdown.contains("本周动态:T03"), "{markdown}");
    assert!(markdown.contains("受阻→推进中 2026-11-16"), "{markdown}");
}
