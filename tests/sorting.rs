//! Issue 17, the order of cards: `O` cycles file → light → milestone → deadline → progress
//! → id, in columns and swimlanes alike, keeps the selected task, shows in the header and is
//! written to the config (which keeps its comments).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::Model;
use bairi::app::msg::Msg;
use bairi::app::sort::{Sort, compare_ids};
use bairi::app::update::Effect;
use bairi::domain::light::TaskLight;
use bairi::i18n::Lang;
use support::pty::Term;
use support::{press, qinglan_model, screen};

fn ids(m: &Model, column: usize) -> Vec<String> {
    m.derived.columns[column]
        .tasks
        .iter()
        .map(|&i| m.campaign().tasks[i].id.clone())
        .collect()
}

/// Every column, each as the key `sort` orders by, must be in order.
fn each_column_sorted_by<K: Ord>(m: &Model, key: impl Fn(usize) -> K) {
    for column in &m.derived.columns {
        let keys: Vec<K> = column.tasks.iter().map(|&i| key(i)).collect();
        assert!(keys.is_sorted(), "column {:?} out of order", column.title);
    }
}

fn rank(light: TaskLight) -> u8 {
    match light {
        TaskLight::Red => 0,
        TaskLight::Yellow => 1,
        TaskLight::Green => 2,
        TaskLight::Done => 3,
    }
}

#[test]
fn o_cycles_the_orders_and_says_so() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::En);
    let in_file = ids(&m, 1);
    let effects = bairi::app::update::update(&mut m, Msg::Action(Action::Sort));
    assert_eq!(m.sort, Sort::Light);
    assert_eq!(effects, vec![Effect::SaveSetting("sort", "light".into())]);
    assert!(format!("{:?}", m.message).contains("cards ordered by light"));
    each_column_sorted_by(&m, |i| rank(m.derived.lights[i].light));
    assert_ne!(ids(&m, 1), in_file, "the yellow cards moved up");

    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::Milestone);
    let next_due = |i: usize| {
        let t = &m.campaign().tasks[i];
        let due = t.milestones.iter().filter(|x| !x.done).map(|x| x.due).min();
        (due.is_none(), due)
    };
    each_column_sorted_by(&m, next_due);

    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::Deadline);
    each_column_sorted_by(&m, |i| m.campaign().tasks[i].deadline);

    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::Progress);
    each_column_sorted_by(&m, |i| {
        let p = m.campaign().tasks[i].progress;
        (p.is_none(), p)
    });

    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::Id);
    for column in 0..m.derived.columns.len() {
        let shown = ids(&m, column);
        let mut sorted = shown.clone();
        sorted.sort_by(|a, b| compare_ids(a, b));
        assert_eq!(shown, sorted);
    }

    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::File);
    assert_eq!(ids(&m, 1), in_file);
}

#[test]
fn the_selected_task_stays_selected_and_swimlanes_are_ordered_too() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    press(&mut m, &[Action::Down, Action::Down, Action::Down]);
    let chosen = m.selected_id();
    assert!(chosen.is_some());
    for _ in 0..6 {
        press(&mut m, &[Action::Sort]);
        assert_eq!(m.selected_id(), chosen, "sort {:?}", m.sort);
    }
    press(&mut m, &[Action::SwitchView]);
    press(&mut m, &[Action::Sort]);
    assert_eq!(m.sort, Sort::Light);
    assert_eq!(m.selected_id(), chosen);
    each_column_sorted_by(&m, |i| rank(m.derived.lights[i].light));
}

#[test]
fn the_header_shows_the_order_at_80x24() {
    let (mut m, _dir) = qinglan_model("2026-11-22", Lang::Zh);
    press(&mut m, &[Action::Sort, Action::Sort, Action::Sort]);
    let zh = screen(&m, 80, 24);
    assert!(
        zh.lines().nth(1).is_some_and(|l| l.contains("[排序:时限]")),
        "{zh}"
    );
    insta::assert_snapshot!("header_sorted_by_deadline_zh_80x24", zh);
    m.lang = Lang::En;
    let en = screen(&m, 80, 24);
    assert!(
        en.lines()
            .nth(1)
            .is_some_and(|l| l.contains("[sort: deadline]")),
        "{en}"
    );
    insta::assert_snapshot!("header_sorted_by_deadline_en_80x24", en);
}

#[test]
fn the_config_s_order_opens_the_board_and_o_writes_the_next_keeping_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let config = "# my settings\nauthor = \"li_mx\"\n\n# how I like the cards\nsort = \"deadline\"   # for the morning meeting\n\n[keys]\nquit = \"q\" # the usual\n";
    let config_path = support::config_path(dir.path());
    std::fs::create_dir_all(config_path.parent().unwrap()).unwrap();
    std::fs::write(&config_path, config).unwrap();
    let mut term = Term::spawn(
        &[path.to_str().unwrap(), "--today", "2026-11-22"],
        80,
        24,
        dir.path(),
        &[("BAIRI_NOW", "2026-11-22T10:00:00+08:00")],
    );
    term.wait_for("[排序:时限]");
    term.send("O");
    term.wait_for("[排序:进度]");
    term.wait_for("已写入");
    term.send("q");
    assert!(term.wait_exit());
    assert_eq!(
        std::fs::read_to_string(&config_path).unwrap(),
        config.replace("\"deadline\"", "\"progress\"")
    );
}
