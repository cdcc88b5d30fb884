//! Screens of the qinglan example on 2026-11-22, 10:00 in Shanghai, at several sizes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use bairi::app::action::Action;
use bairi::app::keymap::Keymap;
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

fn model(lang: Lang) -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", lang, None)
}

fn draw(model: &Model, width: u16, height: u16) -> Buffer {
    support::board::draw(model, &Keymap::default(), width, height)
}

fn text(buffer: &Buffer) -> String {
    support::buffer_text(buffer)
}

fn press(model: &mut Model, actions: &[Action]) {
    support::board::press(model, actions);
}

#[test]
fn board_80x24_chinese() {
    let (m, _dir) = model(Lang::Zh);
    insta::assert_snapshot!(text(&draw(&m, 80, 24)));
}

#[test]
fn board_120x40_english() {
    let (m, _dir) = model(Lang::En);
    insta::assert_snapshot!(text(&draw(&m, 120, 40)));
}

#[test]
fn board_200x60_chinese() {
    let (m, _dir) = model(Lang::Zh);
    insta::assert_snapshot!(text(&draw(&m, 200, 60)));
}

#[test]
fn board_narrow_shows_one_column() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Right]);
    insta::assert_snapshot!(text(&draw(&m, 40, 16)));
}

#[test]
fn detail_view_of_a_red_task() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Right, Action::Open]);
    insta::assert_snapshot!(text(&draw(&m, 80, 24)));
}

#[test]
fn help_lists_every_bound_key() {
    let (mut m, _dir) = model(Lang::En);
    press(&mut m, &[Action::Help]);
    let screen = text(&draw(&m, 80, 24));
    let mut scrolled = String::new();
    for _ in 0..5 {
        press(&mut m, &[Action::PageDown]);
        scrolled.push_str(&text(&draw(&m, 80, 24)));
    }
    for (action, _) in Keymap::default().bindings() {
        let label = Keymap::default().label(action);
        assert!(
            screen.contains(&label) || scrolled.contains(&label),
            "{}",
            action.name()
        );
    }
    assert!(
        screen.contains("↓/PgDn more"),
        "a long list says there is more"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let (mut m, _dir) = model(Lang::Zh);
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 4),
        (19, 5),
        (20, 5),
        (25, 8),
        (59, 12),
        (60, 12),
        (80, 9),
    ] {
        draw(&m, w, h);
    }
    press(&mut m, &[Action::Open]);
    for (w, h) in [(1, 1), (20, 5), (30, 10)] {
        draw(&m, w, h);
    }
}

#[test]
fn the_selected_card_is_reversed_and_marked() {
    let (m, _dir) = model(Lang::Zh);
    let buffer = draw(&m, 80, 24);
    let screen = text(&buffer);
    assert!(screen.contains("▶智能装备园一…"), "{screen}");
    let (mut x, mut y) = (0, 0);
    'find: for row in 0..24 {
        for col in 0..80 {
            if buffer[(col, row)].symbol() == "▶" {
                (x, y) = (col, row);
                break 'find;
            }
        }
    }
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(buffer[(x, y + 1)].modifier.contains(Modifier::REVERSED));
    assert!(buffer[(x + 1, y + 1)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn lights_are_coloured_and_worded() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Right]);
    let buffer = draw(&m, 80, 24);
    let screen = text(&buffer);
    assert!(screen.contains("●红"), "{screen}");
    let mut found = false;
    for y in 0..24 {
        for x in 0..80 {
            if buffer[(x, y)].symbol() == "●" && buffer[(x + 1, y)].symbol() == "红" {
                assert_eq!(buffer[(x, y)].fg, ratatui::style::Color::Red);
                found = true;
            }
        }
    }
    assert!(found);
}

fn typed(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Msg::Action(Action::Type(c)));
    }
}

#[test]
fn the_task_form_with_a_picker_open() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Edit]);
    for _ in 0..4 {
        update(
            &mut m,
            Msg::Action(Action::Field(bairi::app::form::FieldKey::NextField)),
        );
    }
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::DeleteToStart)),
    );
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::End)),
    );
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::DeleteToStart)),
    );
    typed(&mut m, "县");
    insta::assert_snapshot!(text(&draw(&m, 80, 24)));
}

#[test]
fn a_form_error_shows_in_place() {
    let (mut m, _dir) = model(Lang::En);
    press(&mut m, &[Action::AddMilestone]);
    typed(&mut m, "验收");
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::NextField)),
    );
    typed(&mut m, "11月底");
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::Submit)),
    );
    insta::assert_snapshot!(text(&draw(&m, 80, 24)));
}

#[test]
fn the_search_list() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Search]);
    typed(&mut m, "征迁");
    insta::assert_snapshot!(text(&draw(&m, 80, 24)));
}

#[test]
fn swimlanes_by_category_and_by_lead_unit() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::SwitchView]);
    let by_category = text(&draw(&m, 80, 24));
    press(&mut m, &[Action::SwitchView]);
    let by_unit = text(&draw(&m, 120, 30));
    insta::assert_snapshot!(format!("{by_category}\n{by_unit}"));
}

#[test]
fn a_filter_shows_in_the_header() {
    let (mut m, _dir) = model(Lang::Zh);
    press(&mut m, &[Action::Filter]);
    typed(&mut m, "红灯");
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::Submit)),
    );
    let screen = text(&draw(&m, 80, 24));
    assert!(
        screen
            .lines()
            .nth(1)
            .unwrap()
            .contains("[筛选:红灯 · F 清除]"),
        "{screen}"
    );
}

#[test]
fn a_crossed_off_card_shows_it_finished_whatever_its_last_progress() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let source = std::fs::read_to_string(&path).unwrap();
    let t07 = source.find("id         = \"T07\"").unwrap();
    let at = t07 + source[t07..].find("progress   = 100").unwrap();
    let edited = format!("{}progress   = 87{}", &source[..at], &source[at + 16..]);
    std::fs::write(&path, edited).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let m = Model::new(file, support::today(), Lang::Zh);
    let screen = text(&draw(&m, 120, 40));
    assert!(!screen.contains("87%"), "{screen}");
    assert!(screen.contains("100%"), "{screen}");
}
