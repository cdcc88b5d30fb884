//! Ties (并列) on the leaderboard: shared ranks on screen, in reports and in `[[reviews]]`
//! written by publishing. On 2026-11-24 the qinglan example's checkpoint 6 has two pairs of
//! tied units (县发改局/县教育局 at 3, 县经信局/县住建局 at 6).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::report::doc::markdown;
use bairi::report::views::{View, build};

fn model(lang: Lang) -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-24", lang, None)
}

fn screen(m: &Model) -> String {
    support::screen(m, 80, 24)
}

#[test]
fn the_view_shows_tied_ranks_and_the_rule() {
    let (mut m, _dir) = model(Lang::Zh);
    update(&mut m, Msg::Action(Action::ShowLeaderboard));
    let text = screen(&m);
    assert_eq!(text.matches("并列3").count(), 2, "{text}");
    assert_eq!(text.matches("并列6").count(), 2, "{text}");
    assert!(text.contains("并列:完成率"), "{text}");
    insta::assert_snapshot!("leaderboard_with_ties_80x24", text);
    let (mut m, _dir) = model(Lang::En);
    update(&mut m, Msg::Action(Action::ShowLeaderboard));
    let text = screen(&m);
    assert_eq!(text.matches("3 tied").count(), 2, "{text}");
}

#[test]
fn reports_show_ties() {
    let (m, _dir) = model(Lang::En);
    let doc = build(m.campaign(), m.today, Lang::En, View::Leaderboard, Some(6)).unwrap();
    let md = markdown(&doc);
    assert_eq!(md.matches("| 3 tied |").count(), 2, "{md}");
    assert_eq!(md.matches("| 6 tied |").count(), 2, "{md}");
    assert!(md.contains("tied: equal rate"), "{md}");
    assert!(
        md.contains("▮ yellow-card bench:溪口镇, 县自然资源和规划局"),
        "{md}"
    );
}

#[test]
fn publishing_writes_shared_ranks() {
    let (mut m, _dir) = model(Lang::Zh);
    update(&mut m, Msg::Action(Action::ShowLeaderboard));
    update(&mut m, Msg::Action(Action::Publish));
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert!(m.form().is_none());
    let review = m.campaign().reviews.last().unwrap().clone();
    let ranks: Vec<(&str, u32)> = review
        .units
        .iter()
        .map(|u| (u.unit.as_str(), u.rank))
        .collect();
    assert_eq!(
        ranks,
        [
            ("cd", 1),
            ("jtj", 2),
            ("fgj", 3),
            ("jyj", 3),
            ("gdgs", 5),
            ("jxj", 6),
            ("zjj", 6),
            ("xk", 8),
            ("zrj", 9)
        ]
    );
    assert_eq!(review.red_flag, ["cd"]);
}

/// The qinglan example with three yellow-card seats: at checkpoint 6 the third from the
/// bottom is tied at rank 6 (县经信局/县住建局), so four units are benched.
fn three_seats(dir: &std::path::Path) -> std::path::PathBuf {
    let path = support::qinglan_copy(dir);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("yellow_card_bottom = 2", "yellow_card_bottom = 3", 1);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn bairi_publish_says_when_ties_stretch_the_bench() {
    let dir = tempfile::tempdir().unwrap();
    let path = three_seats(dir.path());
    let file = path.to_str().unwrap();
    let out = support::bairi(&[
        "publish",
        file,
        "--today",
        "2026-11-24",
        "--checkpoint",
        "6",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("▮ 4 yellow-card seats: the rule says 3, 2 units tied at rank 6"),
        "{stdout}"
    );
    // Without a tie at the line, nothing more is said.
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let out = support::bairi(&["publish", path.to_str().unwrap(), "--today", "2026-11-24"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !stdout.contains("seats"),
        "{stdout}"
    );
}

#[test]
fn the_boards_publish_form_and_message_say_when_ties_stretch_the_bench() {
    let dir = tempfile::tempdir().unwrap();
    let path = three_seats(dir.path());
    let mut m = support::model_of(&path, "2026-11-24", Lang::Zh);
    update(&mut m, Msg::Action(Action::ShowLeaderboard));
    update(&mut m, Msg::Action(Action::Publish));
    let tie = "▮ 黄牌席 4 个:规则 3 个,第6名 2 个单位并列";
    let form = support::screen(&m, 80, 24);
    assert!(form.contains(tie), "{form}");
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert!(m.form().is_none());
    let said = support::screen(&m, 120, 40);
    assert!(said.contains("黄牌席 4 个"), "{said}");
}
