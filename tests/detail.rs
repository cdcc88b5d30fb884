//! The detail view of a long task: one document that scrolls (j/k, PgUp/PgDn, g/G) under the
//! pinned title and light, the whole title wrapped, every milestone, problem and note shown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::press;

use bairi::app::action::Action;
use bairi::app::detail_doc::selected_item;
use bairi::app::detail_items::Item;
use bairi::app::model::{Model, View};
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use support::edits::{apply, note};

const TITLE: &str =
    "县污水处理厂二期工程及配套进厂管网、提升泵站、尾水排放口和厂区道路同步建设并通水调试";

/// Qinglan with T02 given a long title and 15 more notes, its details open.
fn long_task(lang: Lang) -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "title      = \"县污水处理厂二期工程\"",
        &format!("title      = \"{TITLE}\""),
        1,
    );
    std::fs::write(&path, text).unwrap();
    let mut file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    for n in 1..=15 {
        let text = format!("第{n}条现场记录:管网顶管推进{n}0米");
        apply(&mut file, note("T02", &text), support::today(), None).unwrap();
    }
    let mut m = Model::new(file, support::today(), lang);
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::Open]);
    assert_eq!(m.view, View::Detail);
    (m, dir)
}

/// The screen's text inside the frame, lines joined (wrapped text reads whole again).
fn joined(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim().trim_matches('│').trim())
        .collect()
}

fn screen(m: &Model, w: u16, h: u16) -> String {
    support::screen(m, w, h)
}

#[test]
fn the_title_and_light_stay_pinned_while_the_document_scrolls() {
    let (mut m, _d) = long_task(Lang::Zh);
    let top = screen(&m, 80, 24);
    assert!(joined(&top).contains(TITLE), "the whole title:\n{top}");
    assert!(top.contains("●红灯 · 状态:受阻"), "{top}");
    assert!(top.contains("节点逾期"), "the reasons at the top:\n{top}");
    insta::assert_snapshot!("long_task_top_80x24", top);
    press(&mut m, &[Action::Last]);
    let end = screen(&m, 80, 24);
    assert!(joined(&end).contains(TITLE), "still pinned:\n{end}");
    assert!(end.contains("●红灯 · 状态:受阻"), "{end}");
    assert!(!end.contains("节点逾期"), "scrolled down:\n{end}");
    assert!(
        end.contains("第1条现场记录"),
        "the oldest of the new notes:\n{end}"
    );
    insta::assert_snapshot!("long_task_end_80x24", end);
    // k, PgUp and g all bring the top back.
    press(&mut m, &[Action::PageUp, Action::PageUp, Action::PageUp]);
    press(&mut m, &[Action::PageUp, Action::PageUp, Action::PageUp]);
    assert!(screen(&m, 80, 24).contains("节点逾期"));
    press(&mut m, &[Action::Last, Action::First]);
    assert!(screen(&m, 80, 24).contains("节点逾期"));
    press(&mut m, &[Action::Last]);
    for _ in 0..60 {
        press(&mut m, &[Action::Up]);
    }
    assert!(screen(&m, 80, 24).contains("节点逾期"));
}

#[test]
fn paging_down_shows_every_milestone_problem_and_note() {
    let (mut m, _d) = long_task(Lang::En);
    let task = m.campaign().task("T02").unwrap().clone();
    let mut seen = String::new();
    for _ in 0..8 {
        seen.push_str(&joined(&screen(&m, 80, 24)));
        press(&mut m, &[Action::PageDown]);
    }
    for ms in &task.milestones {
        assert!(seen.contains(&ms.title), "milestone {}", ms.title);
    }
    for p in &task.problems {
        assert!(seen.contains(&p.text), "problem {}", p.text);
    }
    assert_eq!(task.log.len(), 15 + 3.min(task.log.len() - 15));
    for entry in &task.log {
        assert!(seen.contains(&entry.text), "note {}", entry.text);
    }
}

#[test]
fn the_cursor_still_picks_the_milestone_or_problem_to_act_on() {
    let (mut m, _d) = long_task(Lang::Zh);
    assert_eq!(
        selected_item(&m),
        Some(Item::Milestone(0)),
        "opens on the first milestone"
    );
    press(&mut m, &[Action::Down, Action::Down]);
    assert_eq!(selected_item(&m), Some(Item::Milestone(2)));
    let before = m.campaign().task("T02").unwrap().milestones[2].done;
    press(&mut m, &[Action::Tick]);
    assert_ne!(m.campaign().task("T02").unwrap().milestones[2].done, before);
    press(&mut m, &[Action::First]);
    assert_eq!(selected_item(&m), None, "the top row is a reason");
    press(&mut m, &[Action::Tick]);
    assert!(
        m.message.clone().unwrap().text.zh.contains("光标"),
        "x on a row that is no milestone says what to do"
    );
    press(&mut m, &[Action::Close]);
    assert_eq!(m.view, View::Board);
}

/// `d` on a problem line says what to do instead (a problem is resolved, never deleted); it
/// used to ask for the cursor to be put on a milestone or problem, though it was on one.
#[test]
fn delete_on_a_problem_line_says_r_resolves_it() {
    let (mut m, _d) = long_task(Lang::En);
    while !matches!(selected_item(&m), Some(Item::Problem(_))) {
        let row = m.detail_row();
        press(&mut m, &[Action::Down]);
        assert_ne!(m.detail_row(), row, "T02 shows its open problem");
    }
    press(&mut m, &[Action::Delete]);
    let said = &m.message.as_ref().unwrap().text.en;
    assert!(said.contains("r records it resolved"), "{said}");
    assert!(m.campaign().task("T02").unwrap().problems[0].id == "T02-P1");
}
