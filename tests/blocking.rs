//! 堵点 (open blocking problems) are first-class: a `堵` on the card, a count in the header
//! and the briefings, a reason for yellow by the `blocking_problem` rule, and a filter.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::i18n::Lang;

/// qinglan with T04's blocking problem (resolved there) opened again: T04 is otherwise green.
fn with_t04_blocked(dir: &std::path::Path) -> std::path::PathBuf {
    let path = support::qinglan_copy(dir);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text
        .find("id          = \"T04-P1\"")
        .expect("T04's problem");
    let (head, tail) = text.split_at(at);
    let tail = tail.replacen("resolved    = true", "resolved    = false", 1);
    std::fs::write(&path, format!("{head}{tail}")).unwrap();
    path
}

#[test]
fn an_open_blocking_problem_turns_a_green_task_yellow_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_t04_blocked(dir.path());
    let m = support::model_of(&path, "2026-11-22", Lang::Zh);
    let i = m
        .campaign()
        .tasks
        .iter()
        .position(|t| t.id == "T04")
        .unwrap();
    let verdict = &m.derived.lights[i];
    assert_eq!(verdict.light, bairi::domain::light::TaskLight::Yellow);
    let task = &m.campaign().tasks[i];
    assert!(
        verdict
            .reasons
            .iter()
            .any(|r| r.text(task).zh.starts_with("堵点未打通")),
        "{:?}",
        verdict.reasons
    );
}

#[test]
fn the_header_counts_them_and_cards_say_堵() {
    let (m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    assert_eq!(m.derived.blocking, 2, "T02 and T08 each have one open");
    let screen = support::screen(&m, 80, 24);
    assert!(screen.lines().nth(1).unwrap().contains("堵点2"), "{screen}");
    assert!(screen.contains("堵 污水厂二期"), "{screen}");
    let (en, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    let screen = support::screen(&en, 80, 24);
    assert!(screen.lines().nth(1).unwrap().contains("BLK 2"), "{screen}");
}

#[test]
fn the_filter_keeps_only_tasks_held_up_by_one() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    support::press(&mut m, &[Action::Filter]);
    support::typed(&mut m, "堵点");
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    let shown: Vec<String> = m
        .derived
        .columns
        .iter()
        .flat_map(|c| c.tasks.iter().map(|&i| m.campaign().tasks[i].id.clone()))
        .collect();
    assert_eq!(shown, ["T02", "T08"]);
    let screen = support::screen(&m, 80, 24);
    assert!(screen.contains("[筛选:有堵点"), "{screen}");
}

#[test]
fn the_briefing_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["report", file, "--today", "2026-11-22", "--format", "text"])
        .env("LANG", "zh_CN.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("堵点 2 个"), "{text}");
}
