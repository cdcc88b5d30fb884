//! The chat-group briefing (`report --format text`) and views as numbered plain text: golden
//! files for the qinglan example on 2026-11-22 (`tests/golden/`; `UPDATE_GOLDEN=1` rewrites
//! them, review the diff before committing).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;

use bairi::i18n::Lang;
use bairi::report::text::briefing;
use bairi::store::load::{Today, load_str};
use support::day;
use support::edits::{apply, problem};

fn report(args: &[&str], lang: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .arg("report")
        .arg(support::fixture("qinglan.toml"))
        .args(args)
        .args(["--today", "2026-11-22", "--lang", lang])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// No Markdown: no line starts with a heading, bullet, quote or table mark, and no table
/// pipes or code marks anywhere.
fn assert_plain(text: &str) {
    for l in text.lines() {
        assert!(
            !l.starts_with(['#', '-', '*', '>', '|', '+', ' ']),
            "a Markdown mark starts {l:?}"
        );
        assert!(!l.contains(['`', '|']), "a Markdown mark in {l:?}");
    }
}

/// The briefing has none of `#`, `*`, `|`, `-` or backticks outside dates and data.
fn assert_no_marks(text: &str) {
    assert_plain(text);
    for l in text.lines() {
        assert!(!l.contains(['*', '#']), "a Markdown mark in {l:?}");
    }
}

#[test]
fn the_briefing_of_the_example_in_both_languages() {
    let zh = report(&["--format", "text"], "zh");
    assert_no_marks(&zh);
    support::golden("briefing_zh.txt", &zh);
    let en = report(&["--format", "text"], "en");
    assert_no_marks(&en);
    support::golden("briefing_en.txt", &en);
}

#[test]
fn views_as_numbered_plain_text() {
    for view in ["board", "standup", "leaderboard", "weekly", "summary"] {
        let text = report(&["--format", "text", "--view", view], "zh");
        assert_plain(&text);
        assert!(text.contains("\n一、"), "{view}: {text}");
        if view == "leaderboard" {
            support::golden("leaderboard_zh.txt", &text);
        }
    }
}

#[test]
fn tied_flag_and_bench_units_are_shown_as_tied() {
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let tied = text
        .replace(
            "red_flag     = [\"jxj\"]\nyellow_card  = [\"cd\", \"xk\"]",
            "red_flag     = [\"jxj\", \"zjj\"]\nyellow_card  = [\"cd\", \"xk\"]",
        )
        .replace("{ unit = \"zjj\", rank = 2,", "{ unit = \"zjj\", rank = 1,")
        .replace("{ unit = \"xk\", rank = 8,", "{ unit = \"xk\", rank = 7,");
    assert_ne!(
        tied, text,
        "the fixture's review 5 changed; update this test"
    );
    let c = load_str(&tied, Today::Date(day("2026-11-22")))
        .unwrap()
        .campaign;
    let zh = briefing(&c, day("2026-11-22"), Lang::Zh);
    assert!(
        zh.contains("⚑ 红旗单位:县经信局(并列1)、县住建局(并列1)"),
        "{zh}"
    );
    assert!(
        zh.contains("▮ 黄牌席:城东街道(并列7)、溪口镇(并列7)"),
        "{zh}"
    );
    let en = briefing(&c, day("2026-11-22"), Lang::En);
    assert!(
        en.contains("⚑ red flag: 县经信局 (1 tied), 县住建局 (1 tied)"),
        "{en}"
    );
}

#[test]
fn before_any_review_and_with_nothing_red() {
    let text = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let c = load_str(&text, Today::Date(day("2026-09-02")))
        .unwrap()
        .campaign;
    let mut c = c;
    c.reviews.clear();
    c.commitments.clear();
    let zh = briefing(&c, day("2026-09-02"), Lang::Zh);
    assert!(zh.contains("二、擂台榜\n(一)尚未发布擂台榜"), "{zh}");
    assert!(zh.contains("(0项)\n(一)无"), "{zh}");
    // Nothing was due yet: no rate, not 100%.
    assert!(zh.contains("节点完成率0/0(—)"), "{zh}");
    assert_no_marks(&zh);
}

#[test]
fn the_briefing_lists_the_follow_up_orders_due_and_issued() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let mut file =
        bairi::store::file::CampaignFile::open(&path, Today::Date(day("2026-11-22"))).unwrap();
    let zh = briefing(&file.campaign, day("2026-11-22"), Lang::Zh);
    assert!(
        zh.contains("五、督办事项\n(一)T06 溪湾四期安置房项目征迁:连续三次红灯,尚未下达督办"),
        "{zh}"
    );
    let order = bairi::store::file::NewProblem {
        text: "限期整改".into(),
        kind: Some("督办".into()),
        owner: Some("xk".into()),
        due: Some(day("2026-12-07")),
        ..Default::default()
    };
    apply(&mut file, problem("T06", order), day("2026-11-22"), None)
        .map(|m| m.id())
        .unwrap();
    let zh = briefing(&file.campaign, day("2026-11-22"), Lang::Zh);
    assert!(
        zh.contains("(一)T06 溪湾四期安置房项目征迁:已下达督办,责任单位溪口镇,限12月7日前整改到位"),
        "{zh}"
    );
    let en = briefing(&file.campaign, day("2026-11-22"), Lang::En);
    assert!(en.contains("5. Follow-up orders\n"), "{en}");
    assert_no_marks(&zh);
}

/// The streaks campaign (T06 red at reviews 3, 4 and 5; review 5 dated 2026-11-09) read as of
/// `today`.
fn streaks_on(dir: &std::path::Path, today: &str) -> bairi::domain::Campaign {
    let path = support::qinglan_red_streaks(dir);
    let text = std::fs::read_to_string(path).unwrap();
    load_str(&text, Today::Date(day(today))).unwrap().campaign
}

#[test]
fn a_review_published_after_today_is_not_in_the_briefing_nor_counted_for_follow_ups() {
    let dir = tempfile::tempdir().unwrap();
    // The day before review 5 was published: review 4 is the latest, and the last three
    // (2, 3, 4) do not all list T06.
    let before = briefing(
        &streaks_on(dir.path(), "2026-11-08"),
        day("2026-11-08"),
        Lang::En,
    );
    assert!(
        before.contains("2. Leaderboard (checkpoint 4, 26 Oct biweekly contest"),
        "{before}"
    );
    assert!(!before.contains("checkpoint 5"), "{before}");
    assert!(before.contains("5. Follow-up orders\n(1) none"), "{before}");
    // The day it was published: it is shown, and T06 is red at 3, 4 and 5.
    let on = briefing(
        &streaks_on(dir.path(), "2026-11-09"),
        day("2026-11-09"),
        Lang::En,
    );
    assert!(
        on.contains("2. Leaderboard (checkpoint 5, 9 Nov monthly review"),
        "{on}"
    );
    assert!(
        on.contains("(1) T06 溪湾四期安置房项目征迁: red at three reviews in a row"),
        "{on}"
    );
}

#[test]
fn json_and_the_leaderboard_view_ignore_a_review_published_after_today() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    // Review 5 published three days after its checkpoint (2026-11-09).
    let text = std::fs::read_to_string(&path).unwrap();
    let late = text.replacen("date         = 2026-11-09", "date         = 2026-11-12", 1);
    assert_ne!(
        late, text,
        "the fixture's review 5 changed; update this test"
    );
    std::fs::write(&path, late).unwrap();
    let file = path.to_str().unwrap();
    let run = |today: &str, args: &[&str]| {
        let out = support::bairi(&[&["report", file, "--today", today], args].concat());
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let follow_up = |today: &str| {
        let v: serde_json::Value =
            serde_json::from_str(&run(today, &["--format", "json"])).unwrap();
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["follow_up"] == serde_json::Value::Bool(true))
            .map(|t| t["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(follow_up("2026-11-11").is_empty());
    assert_eq!(follow_up("2026-11-12"), ["T06"]);
    let view = |today: &str| run(today, &["--format", "text", "--view", "leaderboard"]);
    let before = view("2026-11-11");
    assert!(
        before.contains("checkpoint 5 2026-11-09 · not published (computed)"),
        "{before}"
    );
    let on = view("2026-11-12");
    assert!(on.contains("checkpoint 5 2026-11-12 · published"), "{on}");
}

#[test]
fn a_task_with_every_milestone_done_says_it_awaits_sign_off_in_json_and_the_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let run = |args: &[&str], lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", lang)
            .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap()
    };
    // T08's last milestone ticked: every milestone done, the status still 受阻, past 11-15.
    let out = run(&["tick", file, "T08", "3", "--today", "2026-11-22"], "C");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = run(
        &["report", file, "--today", "2026-11-22", "--format", "json"],
        "C",
    );
    let json = String::from_utf8_lossy(&json.stdout).into_owned();
    assert!(
        json.contains("every milestone done: awaiting sign-off"),
        "{json}"
    );
    let text = run(
        &["report", file, "--today", "2026-11-22", "--format", "text"],
        "zh_CN.UTF-8",
    );
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(text.contains("节点已全部完成,待销号"), "{text}");
    assert!(!text.contains("已超过完成时限 11-15"), "{text}");
}
