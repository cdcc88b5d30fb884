//! Fields that hold an id speak the office's words: `县住建局 (zjj)`, `红灯`, `否`; they are
//! filtered by a name, part of it, or the id, take short ids (`2`, `t2`), and store the id.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::press;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::Model;
use bairi::domain::Light;
use bairi::i18n::Lang;

fn model(lang: Lang) -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", lang, Some("li_mx"))
}

fn on(m: &mut Model, task: &str, action: Action) {
    let i = m.campaign().task_index(task).unwrap();
    m.select_task(i);
    press(m, &[action]);
    assert!(m.form().is_some());
}

fn typing(m: &mut Model, text: &str) {
    for c in text.chars() {
        press(m, &[Action::Type(c)]);
    }
}

fn key(m: &mut Model, k: FieldKey) {
    press(m, &[Action::Field(k)]);
}

fn value(m: &Model, field: &str) -> String {
    m.form().unwrap().value(field).to_owned()
}

fn submitted(m: &mut Model) {
    key(m, FieldKey::Submit);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
}

#[test]
fn the_edit_problem_and_follow_up_forms_show_names_not_codes() {
    for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (mut m, _d) = model(lang);
        on(&mut m, "T01", Action::Edit);
        assert_eq!(value(&m, "lead_unit"), "县经信局 (jxj)");
        insta::assert_snapshot!(format!("edit_form_{tag}"), support::screen(&m, 80, 24));
        let (mut m, _d) = model(lang);
        on(&mut m, "T02", Action::Problem);
        let no = if lang == Lang::Zh { "否" } else { "no" };
        assert_eq!(value(&m, "blocking"), no);
        insta::assert_snapshot!(format!("problem_form_{tag}"), support::screen(&m, 80, 24));
        let (mut m, _d) = model(lang);
        on(&mut m, "T02", Action::FollowUp);
        insta::assert_snapshot!(format!("follow_up_form_{tag}"), support::screen(&m, 80, 24));
    }
}

#[test]
fn a_unit_typed_by_name_is_stored_as_its_id() {
    let (mut m, _d) = model(Lang::Zh);
    on(&mut m, "T02", Action::Problem);
    typing(&mut m, "需要公路许可");
    for _ in 0..3 {
        key(&mut m, FieldKey::NextField);
    }
    typing(&mut m, "县交通运输局");
    key(&mut m, FieldKey::NextField);
    assert_eq!(value(&m, "owner"), "县交通运输局 (jtj)");
    key(&mut m, FieldKey::PrevField);
    typing(&mut m, "JTJ");
    submitted(&mut m);
    let t02 = m.campaign().task("T02").unwrap();
    assert_eq!(t02.problems.last().unwrap().owner.as_deref(), Some("jtj"));
    assert!(!t02.problems.last().unwrap().blocking);
}

#[test]
fn yes_and_no_read_in_either_language() {
    for typed in ["是", "yes"] {
        let (mut m, _d) = model(Lang::Zh);
        on(&mut m, "T02", Action::Problem);
        typing(&mut m, "堵");
        key(&mut m, FieldKey::NextField);
        key(&mut m, FieldKey::NextField);
        typing(&mut m, typed);
        submitted(&mut m);
        let t02 = m.campaign().task("T02").unwrap();
        assert!(t02.problems.last().unwrap().blocking, "{typed}");
    }
}

#[test]
fn the_light_field_reads_chinese_and_english() {
    for (lang, typed, light) in [
        (Lang::Zh, "黄", Light::Yellow),
        (Lang::Zh, "red", Light::Red),
        (Lang::En, "绿灯", Light::Green),
        (Lang::En, "yellow", Light::Yellow),
    ] {
        let (mut m, _d) = model(lang);
        on(&mut m, "T02", Action::Override);
        typing(&mut m, typed);
        key(&mut m, FieldKey::NextField);
        typing(&mut m, "领导认定");
        submitted(&mut m);
        let o = m.campaign().task("T02").unwrap().light_override.clone();
        assert_eq!(o.map(|o| o.light), Some(light), "{typed}");
    }
    let (mut m, _d) = model(Lang::Zh);
    on(&mut m, "T02", Action::Override);
    let shown = support::screen(&m, 80, 24);
    for word in ["红灯", "黄灯", "绿灯", "无"] {
        assert!(shown.contains(word), "{shown}");
    }
}

#[test]
fn the_pledge_forms_task_takes_short_ids() {
    for typed in ["2", "t2", "T2", "T02"] {
        let (mut m, _d) = model(Lang::Zh);
        bairi::app::verbs::open(
            &mut m,
            bairi::app::verbs::Purpose::Pledge { unit: "cd".into() },
        );
        typing(&mut m, "下周完成签约");
        key(&mut m, FieldKey::NextField);
        key(&mut m, FieldKey::NextField);
        typing(&mut m, typed);
        submitted(&mut m);
        let pledge = m.campaign().commitments.last().unwrap();
        assert_eq!(pledge.task.as_deref(), Some("T02"), "{typed}");
    }
}
