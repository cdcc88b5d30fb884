//! Pledges (承诺践诺): recorded and checked from the command line and from the leaderboard
//! (`c`, `K`), listed when due in the leaderboard view, the stand-up summary and reports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use support::{day, press, typed};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::Model;
use bairi::i18n::Lang;
use bairi::report::doc::markdown;
use bairi::report::views::{View, build};
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

fn model(today: &str) -> (Model, tempfile::TempDir) {
    support::board::model(today, Lang::Zh, None)
}

fn screen(m: &Model) -> String {
    support::screen(m, 80, 24)
}

#[test]
fn the_pledge_command_records_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let stamp = ["--today", "2026-11-22", "--by", "zheng_gd"];
    let mut args = vec!["pledge", file, "--unit", "cd", "--text", "月底前签约清零"];
    args.extend(stamp);
    let out = support::bairi(&args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("pledge 3 recorded"));
    let c = CampaignFile::open(&path, Today::Date(day("2026-11-22")))
        .unwrap()
        .campaign;
    let p = c.commitments.last().unwrap().clone();
    assert_eq!((p.unit.as_str(), p.due), ("cd", day("2026-11-23")));
    assert_eq!(
        (p.made_on, p.by.as_deref()),
        (day("2026-11-22"), Some("zheng_gd"))
    );
    assert!(!p.kept && p.broken_on.is_none());

    let out = support::bairi(&["pledge", file, "--broken", "1", "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // A verdict can be corrected (see tests/repeats.rs), and corrected back.
    let out = support::bairi(&["pledge", file, "--kept", "1", "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = support::bairi(&["pledge", file, "--broken", "1", "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = support::bairi(&["pledge", file, "--kept", "3", "--today", "2026-11-23"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let c = CampaignFile::open(&path, Today::Date(day("2026-11-23")))
        .unwrap()
        .campaign;
    assert_eq!(c.commitments[0].broken_on, Some(day("2026-11-22")));
    assert!(!c.commitments[0].kept);
    assert!(c.commitments[2].kept);
    assert_eq!(c.commitments[2].kept_on, Some(day("2026-11-23")));

    for bad in [
        vec!["pledge", file, "--unit", "nope", "--text", "x"],
        vec![
            "pledge", file, "--unit", "cd", "--text", "x", "--task", "T99",
        ],
        vec!["pledge", file, "--kept", "9"],
        vec![
            "pledge",
            file,
            "--unit",
            "cd",
            "--text",
            "x",
            "--due",
            "2026-01-01",
        ],
    ] {
        let out = support::bairi(&bad);
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
    }
    assert_eq!(support::bairi(&["pledge", file]).status.code(), Some(2));
}

/// The row of `unit` on the leaderboard shown.
fn select_unit(m: &mut Model, unit: &str) {
    press(m, &[Action::ShowLeaderboard, Action::First]);
    let units = bairi::app::leaderboard_view::shown(m).0.units;
    let at = units.iter().position(|u| u.unit == unit).unwrap();
    for _ in 0..at {
        press(m, &[Action::Down]);
    }
}

#[test]
fn c_on_the_leaderboard_records_a_pledge_due_at_the_next_checkpoint() {
    let (mut m, _dir) = model("2026-11-22");
    select_unit(&mut m, "cd");
    press(&mut m, &[Action::Pledge]);
    assert_eq!(m.form().unwrap().value("due"), "2026-11-23");
    typed(&mut m, "下周完成签约");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    let p = m.campaign().commitments.last().unwrap().clone();
    assert_eq!((p.unit.as_str(), p.text.as_str()), ("cd", "下周完成签约"));
    assert_eq!(p.due, day("2026-11-23"));
}

#[test]
fn k_checks_the_units_due_pledge_and_the_view_lists_pledges_due() {
    let (mut m, _dir) = model("2026-11-22");
    select_unit(&mut m, "xk");
    let text = screen(&m);
    assert!(text.contains("待查承诺:1 条"), "{text}");
    assert!(text.contains("承诺#1 逾期待查 溪口镇"), "{text}");
    assert!(text.contains("c 记录承诺"), "{text}");
    insta::assert_snapshot!("leaderboard_with_a_pledge_due_80x24", text);
    press(&mut m, &[Action::CheckPledge]);
    assert!(m.form().is_some());
    press(&mut m, &[Action::Field(FieldKey::DeleteToStart)]);
    typed(&mut m, "未践诺");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    assert_eq!(
        m.campaign().commitments[0].broken_on,
        Some(day("2026-11-22"))
    );
    assert!(!screen(&m).contains("待查承诺"));
    // Nothing left to check for this unit: K says so, no form.
    press(&mut m, &[Action::CheckPledge]);
    assert!(m.form().is_none());
}

#[test]
fn pledges_due_are_in_the_stand_up_summary_and_reports() {
    let (mut m, _dir) = model("2026-11-22");
    press(&mut m, &[Action::ShowStandup, Action::Last]);
    for _ in 0..20 {
        press(&mut m, &[Action::Down]);
    }
    let text = screen(&m);
    assert!(text.contains("今日记录汇总"), "{text}");
    assert!(text.contains("承诺#1 逾期待查 溪口镇"), "{text}");
    for view in [View::Leaderboard, View::Weekly] {
        let doc = build(m.campaign(), m.today, Lang::En, view, None).unwrap();
        let md = markdown(&doc);
        assert!(md.contains("pledge #1 overdue 溪口镇"), "{md}");
    }
}

#[test]
fn a_board_left_open_past_midnight_dates_pledges_by_the_new_day() {
    let (mut m, _dir) = model("2026-11-22");
    m.author = Some("zheng_gd".to_owned());
    bairi::app::update::update(&mut m, Msg::Tick(day("2026-11-23")));
    assert_eq!(m.today, day("2026-11-23"));
    assert_eq!(
        m.store().today,
        day("2026-11-23"),
        "the store judges by the new day too"
    );
    let pledge = bairi::store::edit::pledge::NewPledge {
        unit: "cd".to_owned(),
        text: "月底前签约清零".to_owned(),
        due: Some(day("2026-11-30")),
        task: None,
        by: Some("zheng_gd".to_owned()),
    };
    let add = bairi::store::edit::apply::Edit::AddPledge(pledge);
    bairi::app::verbs::edit(&mut m, add).unwrap();
    let made = m.campaign().commitments.last().unwrap().made_on;
    assert_eq!(made, day("2026-11-23"), "not the day the board was opened");
    let n = m.campaign().commitments.len();
    let check = bairi::store::edit::apply::Edit::CheckPledge {
        number: n,
        kept: true,
    };
    bairi::app::verbs::edit(&mut m, check).unwrap();
    let kept_on = m.campaign().commitments[n - 1].kept_on;
    assert_eq!(kept_on, Some(day("2026-11-23")));
}
