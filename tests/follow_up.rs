//! Follow-up orders (督办) in `report --format json`: `follow_up: true` on a task red in each
//! of the last three published reviews; tasks carry their titles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use std::process::Command;

use serde_json::Value;

fn report(file: &std::path::Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["report", file.to_str().unwrap(), "--format", "json"])
        .args(["--today", "2026-11-22"])
        .env("LANG", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn flagged(v: &Value) -> Vec<String> {
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["follow_up"] == Value::Bool(true))
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_flags_tasks_red_at_the_last_three_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let v = report(&path);
    // Reviews 3, 4, 5 list T04 T06 T08 / T02 / T05 T06: nobody is red in all three.
    assert!(flagged(&v).is_empty());
    assert_eq!(v["tasks"][0]["title"], "智能装备产业园一期项目开工建设");
    // T06 red at checkpoint 4 too: red at 3, 4 and 5 (T02 only at 4 and 5).
    let path = support::qinglan_red_streaks(dir.path());
    assert_eq!(flagged(&report(&path)), ["T06"]);
}

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::View;
use bairi::domain::follow_up::FollowUp;
use bairi::i18n::Lang;

fn select(m: &mut bairi::app::model::Model, id: &str) {
    let i = m.campaign().task_index(id).unwrap();
    m.select_task(i);
}

fn state(m: &bairi::app::model::Model, id: &str) -> Option<FollowUp> {
    m.derived.follow_ups[m.campaign().task_index(id).unwrap()]
}

#[test]
fn a_task_due_a_follow_up_shows_督_on_its_card_80x24() {
    let (m, _dir) = support::streaks_model("2026-11-22", Lang::Zh);
    let screen = support::screen(&m, 80, 24);
    // The mark leads the title; the light word and the lead unit keep their line (the red
    // count moves to the line below on a narrow card).
    assert!(screen.contains("│ 督 溪湾四期… │"), "{screen}");
    assert!(screen.contains("│ ●黄 溪口镇   │"), "{screen}");
    insta::assert_snapshot!("board_with_a_follow_up_80x24", screen);
}

#[test]
fn the_mark_is_fu_in_english_and_keeps_the_lead_unit_on_a_wide_card() {
    let (m, _dir) = support::streaks_model("2026-11-22", Lang::En);
    let screen = support::screen(&m, 160, 40);
    assert!(screen.contains("FU 溪湾四期安置房项目征迁"), "{screen}");
    assert!(screen.contains("●yellow 溪口镇 red×3"), "{screen}");
}

#[test]
fn details_and_the_stand_up_say_why_and_which_key_issues_it() {
    let (mut m, _dir) = support::streaks_model("2026-11-22", Lang::Zh);
    select(&mut m, "T06");
    support::press(&mut m, &[Action::Open]);
    let screen = support::screen(&m, 80, 24);
    assert!(
        screen.contains("督 督办:第3、4、5节点连续红灯,尚未下达督办 · D 下达督办"),
        "{screen}"
    );
    // The stand-up walks red then yellow tasks: T06 is yellow, after T02 and T08 and T03.
    support::press(&mut m, &[Action::Close, Action::ShowStandup]);
    while m.standup.ids.get(m.standup.pos).map(String::as_str) != Some("T06") {
        support::press(&mut m, &[Action::Down]);
    }
    let screen = support::screen(&m, 80, 24);
    assert!(
        screen.contains("督 督办:第3、4、5节点连续红灯,尚未下达督办 · D 下达督办"),
        "{screen}"
    );
    // D from the stand-up acts on the task shown; the summary then counts it issued.
    support::press(&mut m, &[Action::FollowUp]);
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(state(&m, "T06"), Some(FollowUp::Issued));
    support::press(&mut m, &[Action::Last]);
    while m.standup.pos < m.standup.queue.len() {
        support::press(&mut m, &[Action::Down]);
    }
    let screen = support::screen(&m, 80, 40);
    assert!(
        screen.contains("督办:待下达 0 个 · 已下达 1 个"),
        "{screen}"
    );
    assert!(screen.contains("督✓ T06 溪湾四期征迁"), "{screen}");
}

#[test]
fn d_issues_an_order_as_a_problem_of_kind_督办() {
    let (mut m, dir) = support::streaks_model("2026-11-22", Lang::Zh);
    m.author = Some("chen_zy".into());
    select(&mut m, "T06");
    assert_eq!(state(&m, "T06"), Some(FollowUp::Due));
    support::press(&mut m, &[Action::FollowUp]);
    let form = m.form().expect("the order's form");
    assert_eq!(
        form.value("text"),
        "溪湾四期安置房项目征迁在第3、4、5节点连续亮红灯,请限期整改到位并书面报告"
    );
    assert_eq!(form.value("owner"), "溪口镇 (xk)", "the lead unit");
    assert_eq!(form.value("due"), "2026-11-23", "the next checkpoint");
    assert_eq!(form.value("coordinator"), "陈志远 (chen_zy)", "the author");
    // A relative fix-by date, another unit picked from the drop-down by name.
    support::press(&mut m, &[Action::Field(FieldKey::NextField)]);
    support::typed(&mut m, "自然资源");
    support::press(&mut m, &[Action::Field(FieldKey::NextField)]);
    support::typed(&mut m, "+10");
    let effects =
        { bairi::app::update::update(&mut m, Msg::Action(Action::Field(FieldKey::Submit))) };
    assert!(
        m.form().is_none(),
        "saved: {:?}",
        m.form().map(|f| &f.error)
    );
    assert!(effects.iter().any(bairi::app::update::Effect::is_save));
    assert_eq!(state(&m, "T06"), Some(FollowUp::Issued));
    let said = m.message.as_ref().unwrap().text.zh.clone();
    assert_eq!(said, "T06 已下达督办 T06-P2");
    // The file holds an ordinary problem: kind, unit, date, coordinator; open.
    let text = m.store().text().to_owned();
    let start = text.find("id = \"T06-P2\"").expect("the new problem");
    let entry: String = text[start..].lines().take(9).collect::<Vec<_>>().join("\n");
    assert_eq!(
        entry,
        "id = \"T06-P2\"\n\
         text = \"溪湾四期安置房项目征迁在第3、4、5节点连续亮红灯,请限期整改到位并书面报告\"\n\
         kind = \"督办\"\n\
         blocking = false\n\
         raised = 2026-11-22\n\
         owner = \"zrj\"\n\
         coordinator = \"chen_zy\"\n\
         due = 2026-12-02\n\
         resolved = false"
    );
    // Written and read back, it loads and says the same.
    std::fs::write(dir.path().join("again.toml"), &text).unwrap();
    let again = bairi::store::file::CampaignFile::open(
        &dir.path().join("again.toml"),
        bairi::store::load::Today::Date(support::day("2026-11-22")),
    )
    .unwrap();
    let p = &again.campaign.task("T06").unwrap().problems[1];
    assert_eq!(p.kind.as_deref(), Some("督办"));
    // Resolving it with `r` in the details is like any problem; the flag stays answered
    // (it was raised after the latest review) until a new review.
    select(&mut m, "T06");
    support::press(&mut m, &[Action::Open]);
    let screen = support::screen(&m, 100, 40);
    assert!(
        screen.contains(
            "督✓ 督办:第3、4、5节点连续红灯,已下达 T06-P2(县自然资源和规划局,限期 2026-12-02)"
        ),
        "{screen}"
    );
    // The order's row names its kind.
    for _ in 0..40 {
        if support::screen(&m, 80, 40).contains("▶ ⚠ 【督办】溪湾四期") {
            break;
        }
        support::press(&mut m, &[Action::Down]);
    }
    assert!(
        support::screen(&m, 80, 40).contains("▶ ⚠ 【督办】溪湾四期"),
        "the order's row"
    );
    support::press(&mut m, &[Action::Resolve]);
    support::typed(&mut m, "已签订协议");
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(m.campaign().task("T06").unwrap().problems[1].resolved);
    assert_eq!(state(&m, "T06"), Some(FollowUp::Issued));
    assert_eq!(m.view, View::Detail);
}

#[test]
fn an_order_for_an_unknown_coordinator_is_refused_in_the_form() {
    let (mut m, _dir) = support::streaks_model("2026-11-22", Lang::En);
    select(&mut m, "T06");
    support::press(&mut m, &[Action::FollowUp]);
    for _ in 0..3 {
        support::press(&mut m, &[Action::Field(FieldKey::NextField)]);
    }
    support::typed(&mut m, "nobody");
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    let form = m.form().expect("still open");
    assert!(form.error.is_some());
    assert_eq!(state(&m, "T06"), Some(FollowUp::Due));
}

#[test]
fn bairi_follow_up_records_an_order_with_the_boards_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bairi"))
            .arg("follow-up")
            .arg(&path)
            .args(args)
            .args(["--today", "2026-11-22", "--lang", "zh"])
            .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
            .output()
            .unwrap()
    };
    let out = run(&["T06", "--by", "chen_zy", "--due", "2026-12-01"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "T06 已下达督办 T06-P2\n"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("id = \"T06-P2\"").unwrap();
    let entry: Vec<&str> = text[start..].lines().take(9).collect();
    assert_eq!(
        entry,
        [
            "id = \"T06-P2\"",
            "text = \"溪湾四期安置房项目征迁在第3、4、5节点连续亮红灯,请限期整改到位并书面报告\"",
            "kind = \"督办\"",
            "blocking = false",
            "raised = 2026-11-22",
            "owner = \"xk\"",
            "coordinator = \"chen_zy\"",
            "due = 2026-12-01",
            "resolved = false",
        ]
    );
    // An unknown unit is refused and the file stays as it was.
    let before = std::fs::read(&path).unwrap();
    let out = run(&["T06", "--unit", "nowhere"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_board_opened_before_a_review_was_published_does_not_count_it() {
    // Review 5 (T06 red for the third time in a row) is dated 2026-11-09.
    let (before, _d1) = support::streaks_model("2026-11-08", Lang::En);
    let (on, _d2) = support::streaks_model("2026-11-09", Lang::En);
    let t06 = on.campaign().task_index("T06").unwrap();
    assert_eq!(on.derived.follow_ups[t06], Some(FollowUp::Due));
    assert_eq!(before.derived.follow_ups[t06], None, "not due yet that day");
    assert_eq!(
        before.derived.red_counts[t06] + 1,
        on.derived.red_counts[t06],
        "review 5's red list counts from its day"
    );
    let said = |m| bairi::app::detail_doc::follow_up_text(m, t06).en;
    assert!(
        said(&before).contains("checkpoints 2, 3, 4"),
        "{}",
        said(&before)
    );
    assert!(said(&on).contains("checkpoints 3, 4, 5"), "{}", said(&on));
}
