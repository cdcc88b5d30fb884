//! Filters that combine: on the board (`f` adds a criterion, choosing it again takes it off,
//! `F` clears) and in `bairi report --unit/--sponsor/--light/--category/--overdue`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::lanes::Filter;
use bairi::app::model::Model;
use bairi::domain::light::TaskLight;
use bairi::i18n::Lang;
use serde_json::Value;

const TODAY: &str = "2026-11-22";

fn shown(m: &Model) -> Vec<String> {
    let mut ids: Vec<String> = m
        .derived
        .columns
        .iter()
        .flat_map(|c| &c.tasks)
        .map(|&i| m.campaign().tasks[i].id.clone())
        .collect();
    ids.sort();
    ids
}

fn choose(m: &mut Model, typed: &str) {
    support::press(m, &[Action::Filter]);
    support::typed(m, typed);
    support::press(m, &[Action::Field(FieldKey::Submit)]);
}

#[test]
fn the_board_filter_adds_criteria_and_shows_them_all() {
    let (mut m, _dir) = support::qinglan_model(TODAY, Lang::En);
    choose(&mut m, "yellow");
    assert_eq!(shown(&m), ["T03", "T06", "T09"]);
    choose(&mut m, "陈志远");
    let both = Filter::All(vec![
        Filter::Light(TaskLight::Yellow),
        Filter::Sponsor("chen_zy".into()),
    ]);
    assert_eq!(m.filter, Some(both));
    assert_eq!(shown(&m), ["T03", "T09"]);
    let screen = support::screen(&m, 120, 40);
    assert!(
        screen.contains("filter: yellow + sponsor: 陈志远"),
        "{screen}"
    );
    // The list marks what is on; choosing it again takes it off.
    support::press(&mut m, &[Action::Filter]);
    support::typed(&mut m, "陈志远");
    assert!(support::screen(&m, 120, 40).contains("✓ sponsor: 陈志远"));
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.filter, Some(Filter::Light(TaskLight::Yellow)));
    // A second light replaces the first (a task has one light).
    choose(&mut m, "县经信局");
    choose(&mut m, "red");
    assert_eq!(
        m.filter,
        Some(Filter::All(vec![
            Filter::LeadUnit("jxj".into()),
            Filter::Light(TaskLight::Red),
        ]))
    );
    assert!(shown(&m).is_empty());
    support::press(&mut m, &[Action::ClearFilter]);
    assert_eq!(m.filter, None);
    assert_eq!(shown(&m).len(), 13);
}

fn report(args: &[&str]) -> (i32, String, String) {
    let file = support::fixture("qinglan.toml");
    let mut all = vec!["report", file.to_str().unwrap(), "--today", TODAY];
    all.extend_from_slice(args);
    let out = support::bairi(&all);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_ids(args: &[&str]) -> Vec<String> {
    let (code, out, err) = report(args);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn report_filters_combine_in_json() {
    assert_eq!(json_ids(&["--light", "yellow"]), ["T03", "T06", "T09"]);
    assert_eq!(
        json_ids(&["--light", "yellow", "--sponsor", "chen_zy"]),
        ["T03", "T09"]
    );
    let three = [
        "--light",
        "yellow",
        "--sponsor",
        "chen_zy",
        "--category",
        "xm",
    ];
    assert_eq!(json_ids(&three), ["T03"]);
    assert_eq!(json_ids(&["--light", "red", "--overdue"]), ["T08"]);
    assert_eq!(json_ids(&["--unit", "zjj"]), ["T02", "T12"]);
    assert_eq!(json_ids(&["--unit", "zjj", "--light", "red"]), ["T02"]);
    assert!(json_ids(&["--unit", "zjj", "--overdue"]).is_empty());
}

#[test]
fn report_filters_combine_in_every_text_format() {
    let args = ["--light", "yellow", "--sponsor", "chen_zy"];
    // The briefing counts the matching tasks only.
    let mut briefing = vec!["--format", "text"];
    briefing.extend_from_slice(&args);
    let (code, out, _) = report(&briefing);
    assert_eq!(code, 0);
    assert!(
        out.contains("0 red, 2 yellow, 0 green, 0 crossed off, of 2 tasks"),
        "{out}"
    );
    for format in [
        vec!["--format", "text", "--view", "board"],
        vec!["--format", "markdown"],
        vec!["--format", "csv"],
        vec!["--format", "markdown", "--view", "standup"],
    ] {
        let mut all = format.clone();
        all.extend_from_slice(&args);
        let (code, out, err) = report(&all);
        assert_eq!(code, 0, "{format:?}: {err}");
        assert!(
            out.contains("T03") || out.contains("新材料产业项目三期"),
            "{format:?}: {out}"
        );
        for other in ["T06", "T02", "T08", "城东片区"] {
            assert!(!out.contains(other), "{format:?} shows {other}: {out}");
        }
    }
}

#[test]
fn report_filters_refuse_an_unknown_id_with_the_list() {
    let (code, out, err) = report(&["--sponsor", "nobody"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("no person nobody") && err.contains("chen_zy      陈志远"),
        "{err}"
    );
    let (code, _, err) = report(&["--unit", "nope", "--light", "red"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no unit nope") && err.contains("zjj          县住建局"),
        "{err}"
    );
}
