//! Doing a thing twice (issue 23, defect 12): a second open follow-up order for the same task
//! and unit is refused with the order already open named (command line and board); checking
//! a pledge the way it was already checked changes nothing and exits 0; a verdict can be
//! corrected (kept → broken and back), and the pledge's history records each correction.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::{Command, Output};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use support::{day, press};

fn run(path: &std::path::Path, args: &[&str], today: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(args.iter().take(1))
        .arg(path)
        .args(args.iter().skip(1))
        .args(["--today", today, "--lang", "zh"])
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .env_remove("BAIRI_NOW")
        .output()
        .unwrap()
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_second_follow_up_order_for_the_same_unit_is_refused_naming_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let order = ["follow-up", "T02", "--by", "chen_zy"];
    let out = run(&path, &order, "2026-11-22");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let once = std::fs::read(&path).unwrap();
    let out = run(&path, &order, "2026-11-22");
    assert_eq!(out.status.code(), Some(1), "{}", said(&out));
    assert!(
        said(&out).contains("T02-P2"),
        "names the order: {}",
        said(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), once, "no second order");
    // Another unit may get one.
    let out = run(&path, &["follow-up", "T02", "--unit", "jtj"], "2026-11-22");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
}

#[test]
fn a_second_follow_up_order_on_the_board_is_refused_in_the_form() {
    let (mut m, _d) = support::streaks_model("2026-11-22", bairi::i18n::Lang::Zh);
    m.author = Some("li_mx".into());
    let t06 = m.campaign().task_index("T06").unwrap();
    m.select_task(t06);
    press(&mut m, &[Action::FollowUp, Action::Field(FieldKey::Submit)]);
    assert!(m.form().is_none(), "the first is issued");
    let text = m.store().text().to_owned();
    press(&mut m, &[Action::FollowUp, Action::Field(FieldKey::Submit)]);
    let form = m.form().expect("the form stays open");
    let why = form
        .error
        .as_ref()
        .map(|(_, t)| t.zh.clone())
        .unwrap_or_default();
    assert!(why.contains("T06-P2"), "{why}");
    assert_eq!(m.store().text(), text);
}

#[test]
fn a_pledge_checked_again_the_same_way_changes_nothing_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let out = run(&path, &["pledge", "--kept", "1"], "2026-11-22");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let once = std::fs::read(&path).unwrap();
    let out = run(&path, &["pledge", "--kept", "1"], "2026-11-23");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(said(&out).contains("没有变化"), "{}", said(&out));
    assert_eq!(std::fs::read(&path).unwrap(), once, "not written");
}

#[test]
fn a_verdict_is_corrected_both_ways_and_history_records_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let open = |today: &str| {
        CampaignFile::open(&path, Today::Date(day(today)))
            .unwrap()
            .campaign
    };
    let by = ["--by", "li_mx"];
    let kept = run(
        &path,
        &["pledge", "--kept", "1", by[0], by[1]],
        "2026-11-22",
    );
    assert_eq!(kept.status.code(), Some(0), "{}", said(&kept));
    let broken = run(
        &path,
        &["pledge", "--broken", "1", by[0], by[1]],
        "2026-11-23",
    );
    assert_eq!(broken.status.code(), Some(0), "{}", said(&broken));
    let p = open("2026-11-23").commitments[0].clone();
    assert!(!p.kept && p.kept_on.is_none(), "{p:?}");
    assert_eq!(p.broken_on, Some(day("2026-11-23")));
    let again = run(
        &path,
        &["pledge", "--kept", "1", by[0], by[1]],
        "2026-11-24",
    );
    assert_eq!(again.status.code(), Some(0), "{}", said(&again));
    let p = open("2026-11-24").commitments[0].clone();
    assert!(p.kept && p.broken_on.is_none(), "{p:?}");
    assert_eq!(p.kept_on, Some(day("2026-11-24")));
    let history: Vec<(String, String)> = p
        .log
        .iter()
        .map(|e| (e.date.to_string(), e.text.clone()))
        .collect();
    assert_eq!(
        history,
        [
            ("2026-11-23".to_owned(), "践诺→未践诺".to_owned()),
            ("2026-11-24".to_owned(), "未践诺→践诺".to_owned()),
        ]
    );
    assert!(p.log.iter().all(|e| e.by.as_deref() == Some("li_mx")));
    // The file still checks.
    let out = run(&path, &["check"], "2026-11-24");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
}
