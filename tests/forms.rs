//! Forms that work with the user: typing replaces a pre-filled value, dates are read the way
//! people write them and echoed in full, Enter on a list picks and submits, a published
//! checkpoint is refused at once, and edits say what happened and how to undo them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::{day, press};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::keymap::{Key, Keymap};
use bairi::app::model::{Model, View};
use bairi::i18n::Lang;

fn model() -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", Lang::Zh, Some("li_mx"))
}

fn typing(m: &mut Model, text: &str) {
    for c in text.chars() {
        press(m, &[Action::Type(c)]);
    }
}

fn key(m: &mut Model, k: FieldKey) {
    press(m, &[Action::Field(k)]);
}

/// T02 selected on the board, its problem form open.
fn problem_form() -> (Model, tempfile::TempDir) {
    let (mut m, d) = model();
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::Problem]);
    assert!(m.form().is_some());
    (m, d)
}

fn screen_with(m: &Model, keymap: &Keymap) -> String {
    support::screen_with(m, keymap, 80, 24)
}

fn screen(m: &Model) -> String {
    support::screen(m, 80, 24)
}

#[test]
fn the_first_keystroke_replaces_a_pre_filled_value() {
    let (mut m, _d) = problem_form();
    typing(&mut m, "审批未完成");
    key(&mut m, FieldKey::NextField);
    key(&mut m, FieldKey::NextField);
    assert_eq!(m.form().unwrap().value("blocking"), "否");
    typing(&mut m, "是");
    assert_eq!(m.form().unwrap().value("blocking"), "是", "not `否是`");
    key(&mut m, FieldKey::NextField);
    assert_eq!(m.form().unwrap().value("owner"), "县住建局 (zjj)");
    typing(&mut m, "jtj");
    assert_eq!(m.form().unwrap().value("owner"), "jtj", "not `zjjjtj`");
    // Moving the cursor first keeps the value and edits it.
    key(&mut m, FieldKey::PrevField);
    key(&mut m, FieldKey::End);
    typing(&mut m, "s");
    assert_eq!(
        m.form().unwrap().value("blocking"),
        "是s",
        "`是` was kept as typed"
    );
    // Backspace on an untouched value clears it.
    key(&mut m, FieldKey::NextField);
    key(&mut m, FieldKey::Backspace);
    assert_eq!(m.form().unwrap().value("owner"), "");
}

#[test]
fn relative_dates_are_echoed_in_full_and_saved() {
    let (mut m, _d) = problem_form();
    typing(&mut m, "审批未完成");
    for _ in 0..4 {
        key(&mut m, FieldKey::NextField);
    }
    typing(&mut m, "+3");
    let shown = screen(&m);
    assert!(shown.contains("→ 2026-11-25 周三"), "{shown}");
    insta::assert_snapshot!("relative_date_echo", shown);
    key(&mut m, FieldKey::Backspace);
    key(&mut m, FieldKey::Backspace);
    typing(&mut m, "周五");
    assert!(screen(&m).contains("→ 2026-11-27 周五"));
    key(&mut m, FieldKey::PrevField);
    assert_eq!(
        m.form().unwrap().fields[4].input.text(),
        "2026-11-27",
        "written out in full on leaving the field"
    );
    key(&mut m, FieldKey::NextField);
    typing(&mut m, "12-10");
    key(&mut m, FieldKey::Submit);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    let t02 = m.campaign().task("T02").unwrap();
    assert_eq!(t02.problems.last().unwrap().due, Some(day("2026-12-10")));
    let (mut m, _d) = problem_form();
    typing(&mut m, "x");
    for _ in 0..4 {
        key(&mut m, FieldKey::NextField);
    }
    typing(&mut m, "明天");
    key(&mut m, FieldKey::Submit);
    let t02 = m.campaign().task("T02").unwrap();
    assert_eq!(t02.problems.last().unwrap().due, Some(day("2026-11-23")));
}

#[test]
fn enter_on_an_open_list_picks_and_submits() {
    let (mut m, _d) = problem_form();
    typing(&mut m, "需要公路许可");
    for _ in 0..3 {
        key(&mut m, FieldKey::NextField);
    }
    typing(&mut m, "交通");
    key(&mut m, FieldKey::Submit);
    assert!(m.form().is_none());
    let t02 = m.campaign().task("T02").unwrap();
    assert_eq!(t02.problems.last().unwrap().owner.as_deref(), Some("jtj"));
}

#[test]
fn publishing_a_published_checkpoint_is_refused_at_once() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::ShowLeaderboard, Action::Publish]);
    assert!(m.form().is_none(), "no form to fill in first");
    let said = m.message.clone().unwrap().text;
    assert!(said.zh.contains("第5节点已发布"), "{said:?}");
}

#[test]
fn a_tick_and_a_cross_off_say_what_happened_and_how_to_undo() {
    let (mut m, _d) = model();
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::Tick]);
    let footer = screen(&m);
    assert!(
        footer.contains("已勾选 T02:进厂管网穿越省道段完成顶管 · u 撤销"),
        "{footer}"
    );
    let remapped =
        Keymap::with_overrides(&[(Action::Undo, vec![Key::parse("z").unwrap()])]).unwrap();
    assert!(screen_with(&m, &remapped).contains("· z 撤销"));
    let t12 = m.campaign().task_index("T12").unwrap();
    m.select_task(t12);
    press(&mut m, &[Action::MoveNext]);
    let footer = screen(&m);
    assert!(
        footer.contains("已销号 T12(签收:李明轩,2026-11-22) · u 撤销"),
        "{footer}"
    );
    press(&mut m, &[Action::Undo]);
    assert_eq!(m.view, View::Board);
    assert_ne!(
        m.campaign().task("T12").unwrap().status,
        bairi::domain::Status::Done
    );
}

/// `a` on the board: the add form filled (title, category, two supporting units picked by
/// typing, a deadline) and left with its start as it opened.
fn add_task(m: &mut Model) {
    add_task_with_units(m, "县经信局, zjj");
}

/// The same with the supporting units typed as `units`.
fn add_task_with_units(m: &mut Model, units: &str) {
    press(m, &[Action::AddTask]);
    let form = m.form().unwrap();
    let keys: Vec<&str> = form.fields.iter().map(|f| f.key).collect();
    let at = |k: &str| keys.iter().position(|x| *x == k).unwrap();
    assert!(at("co_units") == at("lead_unit") + 1 && at("start") + 1 == at("deadline"));
    assert_eq!(
        form.value("start"),
        "2026-11-22",
        "the start opens as today"
    );
    typing(m, "新增攻坚任务");
    while m.form().unwrap().fields[m.form().unwrap().focus].key != "category" {
        key(m, FieldKey::NextField);
    }
    typing(m, "xm");
    while m.form().unwrap().fields[m.form().unwrap().focus].key != "co_units" {
        key(m, FieldKey::NextField);
    }
    typing(m, units);
    while m.form().unwrap().fields[m.form().unwrap().focus].key != "deadline" {
        key(m, FieldKey::NextField);
    }
    typing(m, "2026-12-09");
}

#[test]
fn supporting_units_may_be_parted_by_a_chinese_input_methods_comma_or_semicolon() {
    let (mut m, _d) = model();
    add_task_with_units(&mut m, "县经信局\u{FF0C}县住建局\u{FF1B}城东");
    key(&mut m, FieldKey::Submit);
    assert!(m.form().is_none(), "{}", screen(&m));
    let task = m.campaign().tasks.last().unwrap().clone();
    assert_eq!(task.co_units, ["jxj", "zjj", "cd"]);
}

#[test]
fn a_task_added_mid_campaign_starts_today_with_its_supporting_units() {
    let (mut m, _d) = model();
    add_task(&mut m);
    key(&mut m, FieldKey::Submit);
    assert!(m.form().is_none(), "{}", screen(&m));
    let task = m.campaign().tasks.last().unwrap().clone();
    assert_eq!(task.title, "新增攻坚任务");
    assert_eq!(task.start, day("2026-11-22"));
    assert_eq!(task.co_units, ["jxj", "zjj"]);
    let verdict =
        bairi::domain::light::task_light(&task, &m.campaign().rules.light, day("2026-11-22"));
    assert_eq!(
        verdict.light,
        bairi::domain::light::TaskLight::Green,
        "{verdict:?}"
    );
}

#[test]
fn the_add_form_snapshots() {
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (mut m, _d) = model();
        m.lang = lang;
        add_task(&mut m);
        insta::assert_snapshot!(
            format!("add_form_80x24_{name}"),
            support::screen(&m, 80, 24)
        );
        insta::assert_snapshot!(
            format!("add_form_120x40_{name}"),
            support::screen(&m, 120, 40)
        );
    }
}

#[test]
fn back_scheduling_warns_when_a_step_would_start_before_today() {
    let (mut m, _d) = model();
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    press(&mut m, &[Action::BackSchedule]);
    typing(&mut m, "签约 100, 拆除 7");
    key(&mut m, FieldKey::Submit);
    let shown = screen(&m);
    assert!(shown.contains("早于今天 2026-11-22"), "{shown}");
}
