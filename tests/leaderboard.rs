//! The leaderboard view and publishing: frozen reviews shown as published, computed ones for
//! other checkpoints and now, publish once only (view, form and CLI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use chrono::{TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::keymap::Keymap;
use bairi::app::leaderboard_view::{chosen, shown};
use bairi::app::model::{Model, View};
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};
use support::press;

fn model(today: &str) -> (Model, tempfile::TempDir) {
    support::board::model(today, Lang::Zh, None)
}

fn screen(m: &Model) -> String {
    screen_at(m, 80, 24)
}

/// Confirms the open export form on 2026-11-22: the path and the text it exports.
fn export_confirmed(m: &mut Model) -> (String, String) {
    use bairi::app::update::Effect;
    let effects = update(m, Msg::Action(Action::Open));
    let [Effect::Export(path, bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let text = String::from_utf8_lossy(bytes).into_owned();
    (path.to_string_lossy().into_owned(), text)
}

#[test]
fn the_view_opens_on_the_latest_checkpoint_and_shows_it_frozen() {
    let (mut m, _d) = model("2026-11-22");
    press(&mut m, &[Action::ShowLeaderboard]);
    assert_eq!(m.view, View::Leaderboard);
    assert_eq!(chosen(&m).checkpoint, Some(5));
    let (board, published) = shown(&m);
    assert!(published);
    assert_eq!((board.done, board.due), (29, 31));
    assert_eq!(board.red_flag, ["jxj"]);
    press(
        &mut m,
        &[
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Open,
        ],
    );
    let text = screen(&m);
    assert!(text.contains("T05"), "cd's red task on demand:\n{text}");
    insta::assert_snapshot!(text);
    press(&mut m, &[Action::Right]);
    assert_eq!(chosen(&m).checkpoint, None, "now");
    assert!(!shown(&m).1);
    press(
        &mut m,
        &[
            Action::Left,
            Action::Left,
            Action::Left,
            Action::Left,
            Action::Left,
            Action::Left,
        ],
    );
    assert_eq!(chosen(&m).checkpoint, Some(1));
    press(&mut m, &[Action::ShowBoard]);
    assert_eq!(m.view, View::Board);
    press(&mut m, &[Action::NextView]);
    assert_eq!(
        m.view,
        View::Standup,
        "Tab: board → stand-up → leaderboard → wall chart"
    );
    press(&mut m, &[Action::NextView]);
    assert_eq!(m.view, View::Leaderboard);
    press(&mut m, &[Action::NextView]);
    assert_eq!(m.view, View::Wall, "then the wall chart");
    press(&mut m, &[Action::NextView]);
    assert_eq!(m.view, View::Ledger, "then the ledger");
    press(&mut m, &[Action::NextView]);
    assert_eq!(m.view, View::Board);
}

#[test]
fn publishing_freezes_a_review_once() {
    let (mut m, dir) = model("2026-11-24");
    press(&mut m, &[Action::ShowLeaderboard]);
    assert_eq!(chosen(&m).checkpoint, Some(6));
    assert!(!shown(&m).1);
    press(&mut m, &[Action::Publish]);
    assert!(m.form().is_some());
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    assert!(shown(&m).1, "now shown as published");
    let review = m.campaign().reviews.last().unwrap().clone();
    assert_eq!((review.checkpoint, review.kind.as_str()), (6, "竞赛"));
    press(&mut m, &[Action::Publish]);
    assert!(m.form().is_none(), "refused before any form");
    let said = &m.message.as_ref().unwrap().text;
    assert!(said.en.contains("already published"), "{}", said.en);
    // Cards now count the red reviews.
    assert_eq!(
        m.derived.red_counts[m.campaign().task_index("T02").unwrap()],
        2
    );
    // Saved (the shell performs the Save effect), the file holds it and checks clean.
    assert!(support::save_now(&mut m));
    let reopened = CampaignFile::open(
        &dir.path().join("qinglan.toml"),
        Today::Date(support::day("2026-11-24")),
    )
    .unwrap();
    assert_eq!(reopened.campaign.reviews.len(), 6);
    assert!(reopened.warnings.is_empty());
}

#[test]
fn the_publish_command_refuses_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", "C")
            .output()
            .unwrap()
    };
    let file = path.to_str().unwrap();
    let first = run(&[
        "publish",
        file,
        "--today",
        "2026-11-24",
        "--kind",
        "督评",
        "--note",
        "月度督评",
    ]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("checkpoint = 6")
            && text.contains("kind = \"督评\"")
            && text.contains("note = \"月度督评\"")
    );
    let again = run(&["publish", file, "--today", "2026-11-24"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already published"));
    let future = run(&[
        "publish",
        file,
        "--today",
        "2026-11-24",
        "--checkpoint",
        "7",
    ]);
    assert_eq!(future.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&future.stderr).contains("has not passed yet"));
    let none = run(&[
        "publish",
        file,
        "--today",
        "2026-11-24",
        "--checkpoint",
        "9",
    ]);
    assert_eq!(none.status.code(), Some(1));
    let said = String::from_utf8_lossy(&none.stderr);
    assert!(
        said.contains("there is no checkpoint 9 (this campaign has 8)"),
        "{said}"
    );
}

#[test]
fn the_stand_up_walks_red_then_yellow_and_edits_the_task_shown() {
    let (mut m, _d) = model("2026-11-22");
    press(&mut m, &[Action::ShowStandup]);
    assert_eq!(m.view, View::Standup);
    let ids: Vec<String> = m
        .standup
        .queue
        .iter()
        .map(|&i| m.campaign().tasks[i].id.clone())
        .collect();
    assert_eq!(ids, ["T02", "T08", "T03", "T06", "T09"]);
    assert_eq!(m.selected_id().as_deref(), Some("T02"));
    insta::assert_snapshot!(screen(&m));
    press(&mut m, &[Action::Note]);
    for c in "许可今日下达".chars() {
        update(&mut m, Msg::Action(Action::Type(c)));
    }
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert_eq!(
        m.campaign().task("T02").unwrap().log.last().unwrap().text,
        "许可今日下达"
    );
    press(&mut m, &[Action::Tick]);
    assert!(m.campaign().task("T02").unwrap().milestones[2].done);
    assert_eq!(
        m.standup.queue.len(),
        5,
        "the queue stays fixed while the meeting goes on"
    );
    press(&mut m, &[Action::Down, Action::Down, Action::Up]);
    assert_eq!(m.selected_id().as_deref(), Some("T08"));
    press(
        &mut m,
        &[
            Action::Last,
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Down,
        ],
    );
    let summary = screen(&m);
    assert!(
        summary.contains("今日记录汇总") && summary.contains("许可今日下达"),
        "{summary}"
    );
    press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.standup.queue.len(), 12, "every live task");
    press(&mut m, &[Action::SwitchView]);
    assert!(
        !m.standup
            .queue
            .iter()
            .any(|&i| m.campaign().tasks[i].id == "T02"),
        "T02 has today's note"
    );
    press(&mut m, &[Action::Close]);
    assert_eq!(m.view, View::Board);
}

#[test]
fn presentation_mode_cycles_pages_and_ignores_edits() {
    let (mut m, _d) = model("2026-11-22");
    m.present(2);
    let countdown = screen(&m);
    assert!(countdown.contains("█"), "big digits:\n{countdown}");
    insta::assert_snapshot!(countdown);
    press(&mut m, &[Action::Note, Action::MoveNext, Action::Delete]);
    assert!(m.form().is_none() && !m.store().dirty);
    update(&mut m, Msg::Tick(support::day("2026-11-22")));
    assert_eq!(m.presenting().unwrap().page, 0);
    update(&mut m, Msg::Tick(support::day("2026-11-22")));
    assert_eq!(
        m.presenting().unwrap().page,
        1,
        "the next page after `seconds` ticks"
    );
    assert!(screen(&m).contains("擂台榜"));
    press(&mut m, &[Action::Right]);
    let reds = screen(&m);
    assert!(
        reds.contains("红灯任务") && reds.contains("T02") && reds.contains("T08"),
        "{reds}"
    );
    let effects: Vec<_> = [Action::Quit]
        .iter()
        .flat_map(|a| update(&mut m, Msg::Action(*a)))
        .collect();
    assert_eq!(effects, vec![bairi::app::update::Effect::Quit]);
}

#[test]
fn e_exports_the_view_on_screen_as_markdown() {
    let (mut m, _d) = model("2026-11-22");
    press(&mut m, &[Action::Export]);
    let (path, text) = export_confirmed(&mut m);
    assert!(path.ends_with("qinglan-board-2026-11-22.md"));
    assert!(text.starts_with("# 百日攻坚 · 任务总览"));
    press(
        &mut m,
        &[Action::ShowLeaderboard, Action::Left, Action::Export],
    );
    let (path, text) = export_confirmed(&mut m);
    assert!(path.ends_with("qinglan-leaderboard-2026-11-22.md"));
    assert!(
        text.contains("第4节点 2026-10-26"),
        "the checkpoint on screen:\n{text}"
    );
}

/// The screen at `w`×`h`, drawn at 02:00 UTC on 2026-11-22 whatever the model's day.
fn screen_at(m: &Model, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    let (theme, keymap) = (Theme::default(), Keymap::default());
    terminal
        .draw(|f| {
            render(
                f,
                &Ctx {
                    model: m,
                    theme: &theme,
                    keymap: &keymap,
                    now,
                },
            );
        })
        .unwrap();
    support::buffer_text(terminal.backend().buffer())
}

#[test]
fn the_wall_chart_marks_milestones_deadlines_checkpoints_and_today() {
    let (mut m, _d) = model("2026-11-22");
    press(&mut m, &[Action::ShowWall]);
    assert_eq!(m.view, View::Wall);
    let text = screen_at(&m, 120, 40);
    assert!(text.contains("▶智能装备园一期"), "{text}");
    assert!(
        text.contains('◆') && text.contains('✗') && text.contains('!') && text.contains('◇'),
        "{text}"
    );
    assert!(
        text.contains('┃') && text.contains('v'),
        "deadlines and today: {text}"
    );
    insta::assert_snapshot!(text);
    insta::assert_snapshot!("wall_80x24", screen_at(&m, 80, 24));
    press(&mut m, &[Action::Down]);
    assert!(screen_at(&m, 120, 40).contains("▶污水厂二期"));
    let before = m.wall.day_offset;
    press(&mut m, &[Action::Left]);
    assert_eq!(m.wall.day_offset, before - 7);
    press(&mut m, &[Action::Open]);
    assert_eq!(
        (m.view, m.selected_id().as_deref()),
        (View::Detail, Some("T02"))
    );
    for (w, h) in [(1, 1), (20, 6), (30, 10)] {
        press(&mut m, &[Action::ShowWall]);
        screen_at(&m, w, h);
    }
}

#[test]
fn stand_up_and_leaderboard_at_120x40() {
    let (mut m, _d) = model("2026-11-22");
    press(&mut m, &[Action::ShowStandup, Action::Down]);
    insta::assert_snapshot!("standup_120x40", screen_at(&m, 120, 40));
    press(&mut m, &[Action::ShowLeaderboard]);
    insta::assert_snapshot!("leaderboard_120x40", screen_at(&m, 120, 40));
}

#[test]
fn task_keys_on_the_leaderboard_touch_no_hidden_task() {
    let (mut m, _dir) = support::qinglan_model("2026-11-24", Lang::Zh);
    let before = m.store().text().to_owned();
    support::press(&mut m, &[Action::ShowLeaderboard]);
    for action in [
        Action::MoveNext,
        Action::MovePrevious,
        Action::SortMilestones,
        Action::Progress,
        Action::FollowUp,
        Action::Override,
    ] {
        support::press(&mut m, &[action]);
        assert!(
            m.form().is_none(),
            "{action:?} opened a form for a task out of sight"
        );
        assert_eq!(m.view, View::Leaderboard);
        let said = m
            .message
            .as_ref()
            .map(|s| s.text.zh.clone())
            .unwrap_or_default();
        assert!(
            said.contains("擂台榜上没有选中的任务"),
            "{action:?}: {said}"
        );
    }
    assert_eq!(m.store().text(), before, "nothing in the file changed");
}

#[test]
fn undo_and_redo_name_the_publish_and_the_follow_up_order() {
    let (mut m, _dir) = model("2026-11-24");
    press(&mut m, &[Action::ShowLeaderboard, Action::Publish]);
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    press(&mut m, &[Action::Undo]);
    let said = |m: &Model| m.message.as_ref().unwrap().text.zh.clone();
    assert_eq!(said(&m), "已撤销:撤回第6节点擂台榜");
    press(&mut m, &[Action::Redo]);
    assert_eq!(said(&m), "已重做:发布第6节点擂台榜");
    // A follow-up order on the selected task (T01), then undone.
    press(&mut m, &[Action::ShowBoard, Action::FollowUp]);
    update(&mut m, Msg::Action(Action::Field(FieldKey::Submit)));
    assert!(m.form().is_none());
    press(&mut m, &[Action::Undo]);
    assert!(
        said(&m).starts_with("已撤销:T01 撤回 T01-P"),
        "{}",
        said(&m)
    );
}

#[test]
fn a_review_kind_other_than_contest_or_review_is_refused_and_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    let out = support::bairi(&["publish", file, "--today", "2026-11-24", "--kind", "bogus"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("must be 竞赛 (biweekly contest) or 督评 (monthly review)"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file untouched");
    // A hand-written one loads, with a warning at its line.
    let text = String::from_utf8(before).unwrap();
    let odd = text.replacen("kind         = \"竞赛\"", "kind         = \"比赛\"", 1);
    assert_ne!(
        odd, text,
        "the fixture's first review changed; update this test"
    );
    std::fs::write(&path, &odd).unwrap();
    let check = support::bairi(&["check", file, "--lang", "en"]);
    let said = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(said.contains("review kind `比赛`"), "{said}");
    let line = odd[..odd.find("\"比赛\"").unwrap()].lines().count();
    assert!(said.contains(&format!("qinglan.toml:{line}:")), "{said}");
}

#[test]
fn a_review_says_who_published_it_and_when_in_the_file_the_board_the_briefing_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let run = |args: &[&str], lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", lang)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap()
    };
    // A name that is no one's is refused, the file untouched.
    let before = std::fs::read(&path).unwrap();
    let refused = run(
        &["publish", file, "--today", "2026-11-24", "--by", "无名氏"],
        "C",
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // By name: the file gets the person's id and the day.
    let out = run(
        &["publish", file, "--today", "2026-11-24", "--by", "陈志远"],
        "C",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("by = \"chen_zy\"\npublished_on = 2026-11-24\n"),
        "{text}"
    );
    let check = run(&["check", file, "--today", "2026-11-24"], "C");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The briefing's leaderboard heading and JSON's frozen review say so.
    let brief = run(
        &["report", file, "--today", "2026-11-24", "--format", "text"],
        "zh_CN.UTF-8",
    );
    let brief = String::from_utf8_lossy(&brief.stdout).into_owned();
    assert!(brief.contains("陈志远 11-24 发布"), "{brief}");
    let json = run(
        &["report", file, "--today", "2026-11-24", "--format", "json"],
        "C",
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let six = json["leaderboards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["checkpoint"] == 6)
        .unwrap();
    assert_eq!(six["published"]["by"], "chen_zy");
    assert_eq!(six["published"]["published_on"], "2026-11-24");
    assert_eq!(six["published"]["kind"], "竞赛");
    assert!(
        json["leaderboards"][0]["published"].is_object(),
        "checkpoint 1 was published too"
    );
    // The board's leaderboard names them beside "published".
    let mut m = support::model_of(&path, "2026-11-24", Lang::Zh);
    update(&mut m, Msg::Action(Action::ShowLeaderboard));
    let screen = support::screen(&m, 100, 30);
    assert!(
        screen.contains("已发布(冻结)· 陈志远 11-24 发布"),
        "{screen}"
    );
}
