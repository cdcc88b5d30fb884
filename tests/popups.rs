//! Pop-ups over Chinese cards, as a terminal shows them: the board and then each pop-up are
//! drawn through the lean backend into a terminal emulator, and the pop-up's left border must
//! stand whole on every row (a wide character cut at its edge once hid it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use chrono::{TimeZone, Utc};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::{Lang, Text};
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::term::backend::LeanBackend;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};

/// What a terminal of `w`×`h` shows after the board and then the board with `open` applied.
fn screen_after(w: u16, h: u16, open: &[Action]) -> vt100::Parser {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let mut model = Model::new(file, support::today(), Lang::Zh);
    model.author = Some("li_mx".into());
    let (theme, keymap) = (Theme::default(), Keymap::default());
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    let mut terminal = Terminal::with_options(LeanBackend::new(Vec::new()), options).unwrap();
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(h).unwrap(),
        std::num::NonZeroU16::new(w).unwrap(),
        0,
    );
    let mut draw = |model: &Model, parser: &mut vt100::Parser| {
        let ctx = Ctx {
            model,
            theme: &theme,
            keymap: &keymap,
            now,
        };
        terminal.draw(|f| render(f, &ctx)).unwrap();
        parser.process(&std::mem::take(terminal.backend_mut().writer_mut()));
    };
    draw(&model, &mut parser);
    for action in open {
        update(&mut model, Msg::Action(*action));
        draw(&model, &mut parser);
    }
    parser
}

/// The pop-up's top-left corner: the `┌` that starts the border holding `title`.
fn corner(parser: &vt100::Parser, title: &str) -> Option<(u16, u16)> {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    for y in 0..rows.get() {
        for x in 0..cols.get() {
            if screen.cell(y, x).is_none_or(|c| c.contents() != "┌") {
                continue;
            }
            let ahead: String = (x..cols.get().min(x + 40))
                .filter_map(|x| screen.cell(y, x).map(|c| c.contents().to_owned()))
                .collect();
            if ahead.contains(title) {
                return Some((y, x));
            }
        }
    }
    None
}

/// From the pop-up's `┌` down to its `└`, the left column is border on every row.
fn assert_left_border_whole(parser: &vt100::Parser, title: &str, what: &str) {
    let screen = parser.screen();
    let (y0, x) = corner(parser, title)
        .unwrap_or_else(|| panic!("{what}: no pop-up titled {title}\n{}", screen.contents()));
    for y in y0 + 1..screen.size().0.get() {
        let here = screen
            .cell(y, x)
            .map(vt100::Cell::contents)
            .unwrap_or_default();
        if here == "└" {
            return;
        }
        assert_eq!(
            here,
            "│",
            "{what}: row {y}, column {x} is not the border\n{}",
            screen.contents()
        );
    }
    panic!("{what}: the pop-up has no bottom\n{}", screen.contents());
}

#[test]
fn every_pop_up_keeps_its_left_border_over_chinese_cards() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (what, title, open) in [
            ("problem form", "新问题", vec![Action::Problem]),
            ("note form", "记录", vec![Action::Note]),
            ("help", "帮助", vec![Action::Help]),
            (
                "details, then a note",
                "记录",
                vec![Action::Open, Action::Note],
            ),
        ] {
            let parser = screen_after(w, h, &open);
            assert_left_border_whole(&parser, title, &format!("{what} at {w}x{h}"));
        }
    }
}

/// The qinglan board on `today` (Chinese unless `lang` says), with `open` applied.
fn popup_model(today: &str, lang: Lang, open: &[Action]) -> (Model, tempfile::TempDir) {
    let (mut m, dir) = support::qinglan_model(today, lang);
    m.author = Some("li_mx".into());
    support::press(&mut m, open);
    (m, dir)
}

/// Both sizes of one pop-up, one snapshot each: `{name}_80x24`, `{name}_120x40`.
fn snap_both(name: &str, m: &Model) {
    insta::assert_snapshot!(format!("{name}_80x24"), support::screen(m, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), support::screen(m, 120, 40));
}

/// Steps down the leaderboard to the row of `unit`.
fn leaderboard_row(m: &mut Model, unit: &str) {
    for _ in 0..20 {
        let s = support::screen(m, 120, 40);
        if s.lines().any(|l| l.starts_with("│▶") && l.contains(unit)) {
            return;
        }
        support::press(m, &[Action::Down]);
    }
    panic!("no row {unit}");
}

#[test]
fn forms_over_the_chinese_board() {
    let t02 = [Action::Right];
    let forms: [(&str, Vec<Action>); 10] = [
        ("note", vec![Action::Note]),
        ("problem", vec![Action::Problem]),
        ("resolve", [&t02[..], &[Action::Resolve]].concat()),
        ("progress", vec![Action::Progress]),
        ("priority", vec![Action::Priority]),
        ("override", vec![Action::Override]),
        ("add_task", vec![Action::AddTask]),
        ("edit_task", vec![Action::Edit]),
        ("milestone", vec![Action::AddMilestone]),
        ("back_schedule", vec![Action::BackSchedule]),
    ];
    for (name, open) in forms {
        let (m, _dir) = popup_model("2026-11-22", Lang::Zh, &open);
        assert!(m.form().is_some(), "{name} opens a form");
        // Nothing inside the form is cut: labels, values and hints fit at 80 columns.
        let s = support::screen(&m, 80, 24);
        for line in s.lines().filter(|l| l.starts_with("│   │")) {
            assert!(!line.contains('…'), "{name}: {line}\n{s}");
        }
        snap_both(name, &m);
    }
}

#[test]
fn back_schedule_proposals() {
    let (mut m, _dir) = popup_model("2026-11-22", Lang::Zh, &[Action::BackSchedule]);
    support::typed(&mut m, "签约 3, 腾空 4, 拆除 2");
    support::press(&mut m, &[Action::Field(FieldKey::Submit)]);
    snap_both("back_schedule_review", &m);
}

#[test]
fn leaderboard_pop_ups() {
    let (mut m, _dir) = popup_model("2026-11-22", Lang::Zh, &[Action::ShowLeaderboard]);
    support::press(&mut m, &[Action::Pledge]);
    assert!(m.form().is_some(), "pledge form");
    snap_both("pledge", &m);
    let (mut m, _dir) = popup_model("2026-11-22", Lang::Zh, &[Action::ShowLeaderboard]);
    leaderboard_row(&mut m, "溪口镇");
    support::press(&mut m, &[Action::CheckPledge]);
    assert!(m.form().is_some(), "check-pledge form");
    snap_both("check_pledge", &m);
    // The day after checkpoint 6, which is not yet published.
    let (m, _dir) = popup_model(
        "2026-11-24",
        Lang::Zh,
        &[Action::ShowLeaderboard, Action::Publish],
    );
    snap_both("publish_confirm", &m);
}

#[test]
fn questions_lists_and_help() {
    for (name, open) in [
        ("delete_confirm", vec![Action::Delete]),
        ("help", vec![Action::Help]),
        ("filter", vec![Action::Filter]),
        ("search", vec![Action::Search]),
    ] {
        let (m, _dir) = popup_model("2026-11-22", Lang::Zh, &open);
        snap_both(name, &m);
    }
    let (mut m, _dir) = popup_model("2026-11-22", Lang::Zh, &[]);
    m.ask_to_quit();
    snap_both("quit_confirm", &m);
}

#[test]
fn conflicts_list_and_sync_result() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\n[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\n",
    );
    std::fs::write(&path, text).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let m = Model::new(file, support::today(), Lang::Zh);
    assert_eq!(m.view, bairi::app::model::View::Conflicts);
    snap_both("conflicts", &m);

    let (mut m, _dir) = popup_model("2026-11-22", Lang::Zh, &[]);
    let sent = vec![Text::new("T01 进度 80→90", "T01 progress 80→90")];
    let received = vec![
        Text::new("T02 新记录", "T02 new note"),
        Text::new("T05 勾选节点:完成312户签约", "T05 milestone ticked"),
        Text::new("T08 状态 受阻→推进中", "T08 status blocked→in progress"),
    ];
    let effects = bairi::app::update::update(
        &mut m,
        Msg::Synced {
            result: Ok(bairi::sync::round::Outcome::Done {
                sent,
                received,
                healed: Vec::new(),
            }),
            unsynced: None,
        },
    );
    assert_eq!(
        effects,
        vec![bairi::app::update::Effect::Watch],
        "the disk is looked at"
    );
    let s = support::screen(&m, 80, 24);
    assert!(
        s.contains("状态 受阻→推进中"),
        "all that came in shows\n{s}"
    );
    snap_both("sync_result", &m);
}

#[test]
fn english_pop_ups_at_80x24() {
    for (name, open) in [
        ("en_problem", vec![Action::Problem]),
        ("en_override", vec![Action::Override]),
        ("en_edit_task", vec![Action::Edit]),
        ("en_help", vec![Action::Help]),
    ] {
        let (m, _dir) = popup_model("2026-11-22", Lang::En, &open);
        insta::assert_snapshot!(format!("{name}_80x24"), support::screen(&m, 80, 24));
    }
}

#[test]
fn drop_downs_name_their_entries_once_in_the_interface_language() {
    let (m, _dir) = popup_model("2026-11-22", Lang::Zh, &[Action::Override]);
    let s = support::screen(&m, 80, 24);
    // The light's choices read in Chinese only, once each (无 clears the leader's call).
    assert!(
        s.contains("红灯/黄灯/绿灯/无") && s.contains("无 即取消"),
        "{s}"
    );
    assert!(
        !s.contains("red") && s.matches("  红灯").count() == 1,
        "{s}"
    );
    let (mut m, _dir) = popup_model("2026-11-22", Lang::En, &[Action::Problem]);
    for _ in 0..2 {
        support::press(&mut m, &[Action::Field(FieldKey::NextField)]);
    }
    let s = support::screen(&m, 80, 24);
    assert!(!s.contains('是') && !s.contains('否'), "{s}");
}

#[test]
fn export_follow_up_jump_review_and_who_pop_ups() {
    for (name, open) in [
        ("export_menu", vec![Action::Export]),
        ("follow_up_order", vec![Action::FollowUp]),
        ("jump", vec![Action::Jump]),
    ] {
        let (m, _dir) = popup_model("2026-11-22", Lang::Zh, &open);
        assert!(
            m.form().is_some() || m.picker().is_some() || m.export_pick().is_some(),
            "{name} opens"
        );
        snap_both(name, &m);
    }
    // The day after checkpoint 6: the meeting starts by publishing it.
    let (m, _dir) = popup_model("2026-11-24", Lang::Zh, &[Action::Review]);
    snap_both("review_meeting_first_step", &m);
    // No author yet: the first edit asks who is editing.
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    m.author = None;
    m.ask_author = true;
    support::press(&mut m, &[Action::Note]);
    snap_both("who_is_editing", &m);
}

#[test]
fn this_sessions_pop_ups_keep_their_left_border() {
    for (w, h) in [(80, 24), (120, 40)] {
        for (what, title, open) in [
            ("export menu", "导出", vec![Action::Export]),
            ("follow-up order", "督办", vec![Action::FollowUp]),
        ] {
            let parser = screen_after(w, h, &open);
            assert_left_border_whole(&parser, title, &format!("{what} at {w}x{h}"));
        }
    }
}
