//! Every hint on screen names the keys the keymap binds now, after the config's `[keys]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::msg::Msg;

use bairi::app::action::Action;
use bairi::app::keymap::{Key, Keymap};
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

fn screen(keymap: &Keymap, actions: &[Action]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
    let mut model = Model::new(file, support::today(), Lang::Zh);
    for a in actions {
        update(&mut model, Msg::Action(*a));
    }
    draw(&model, keymap)
}

fn draw(model: &Model, keymap: &Keymap) -> String {
    support::buffer_text(&support::board::draw(model, keymap, 160, 40))
}

fn keys(list: &[&str]) -> Vec<Key> {
    list.iter().map(|k| Key::parse(k).unwrap()).collect()
}

#[test]
fn remapped_keys_show_in_the_stand_up_help_leaderboard_and_wall() {
    let keymap = Keymap::with_overrides(&[
        (Action::Tick, keys(&["t"])),
        (Action::Down, keys(&["Down", "J"])),
        (Action::Quit, keys(&["Q"])),
        (Action::Open, keys(&["Enter", "W"])),
    ])
    .unwrap();
    let standup = screen(&keymap, &[Action::ShowStandup]);
    assert!(standup.contains("↓/J 下一个"), "{standup}");
    assert!(standup.contains("t 勾选节点"), "{standup}");
    assert!(!standup.contains("x 勾选节点") && !standup.contains("Space"));
    let help = screen(&keymap, &[Action::Help]);
    assert!(help.contains("按键(Esc/Q 关闭)"), "{help}");
    let board = screen(&keymap, &[Action::ShowLeaderboard]);
    assert!(board.contains("Enter/W 看红灯任务"), "{board}");
    let wall = screen(&keymap, &[Action::ShowWall]);
    assert!(wall.contains("Enter/W 详情"), "{wall}");
}

#[test]
fn help_names_its_own_keys_and_cuts_no_description_at_80_columns() {
    let keymap = Keymap::with_overrides(&[
        (Action::Down, keys(&["Down", "J"])),
        (Action::PageDown, keys(&["Z"])),
        (Action::SwitchView, keys(&["V"])),
    ])
    .unwrap();
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    update(&mut m, Msg::Action(Action::Help));
    let mut seen = String::new();
    for _ in 0..5 {
        let s = support::screen_with(&m, &keymap, 80, 24);
        assert!(!s.contains('…'), "a description is cut\n{s}");
        seen.push_str(&s);
        update(&mut m, Msg::Action(Action::PageDown));
    }
    assert!(seen.contains("↓/Z 更多"), "{seen}");
    assert!(!seen.contains("↓/j"), "{seen}");
    for (action, _) in keymap.bindings() {
        let what = action.describe();
        assert!(seen.contains(&what.zh), "{}: {seen}", action.name());
        // Keys belong in the key column, where the keymap puts them.
        for key in ["←", "→", "Enter", "v "] {
            assert!(
                !what.zh.contains(key) && !what.en.contains(key),
                "{}",
                action.name()
            );
        }
    }
}

#[test]
fn confirmations_and_the_filter_name_their_remapped_keys() {
    let keymap = Keymap::with_overrides(&[
        (Action::Yes, keys(&["z"])),
        (Action::Save, keys(&["W"])),
        (Action::ClearFilter, keys(&["X"])),
    ])
    .unwrap();
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    update(&mut m, Msg::Action(Action::Delete));
    let delete = support::screen_with(&m, &keymap, 80, 24);
    assert!(delete.contains("z 删除"), "{delete}");
    assert!(!delete.contains("y 删除"), "{delete}");
    m.ask_to_quit();
    let quit = support::screen_with(&m, &keymap, 120, 24);
    assert!(
        quit.contains("z 不保存退出") && quit.contains("W 保存后退出"),
        "{quit}"
    );
    m.browse();
    update(&mut m, Msg::Action(Action::Filter));
    support::typed(&mut m, "红灯");
    update(
        &mut m,
        Msg::Action(Action::Field(bairi::app::form::FieldKey::Submit)),
    );
    let board = support::screen_with(&m, &keymap, 120, 24);
    assert!(board.contains("X 清除"), "{board}");
    assert!(
        !board.contains("F清除") && !board.contains("F 清除"),
        "{board}"
    );
}

#[test]
fn help_for_search_and_jump_names_no_fixed_key() {
    let keymap = Keymap::with_overrides(&[
        (Action::Jump, keys(&[";"])),
        (Action::Search, keys(&["\\"])),
        (Action::Sort, keys(&["t"])),
    ]);
    let keymap = keymap.unwrap_or_else(|e| panic!("{e:?}"));
    let help = screen(&keymap, &[Action::Help]);
    let words: Vec<&str> = help.split_whitespace().collect();
    let follows = |key: &str, what: &str| words.windows(2).any(|w| w == [key, what]);
    assert!(follows(";", "按编号跳到任务(t8"), "{help}");
    assert!(follows("\\", "查找任务(输入编号如"), "{help}");
    assert!(!help.contains(":t8") && !help.contains("/T08"), "{help}");
}

#[test]
fn the_footer_offers_the_keys_of_the_view_on_screen() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    for (open, wanted, unwanted) in [
        (Action::ShowLeaderboard, "1 看板", "后移"),
        (Action::ShowWall, "Esc 返回", "Enter 详情"),
        (Action::Help, "Esc 关闭", "q 退出"),
    ] {
        update(&mut m, Msg::Action(open));
        let s = support::screen(&m, 80, 24);
        let footer = s.lines().last().unwrap_or_default().to_owned();
        assert!(footer.contains(wanted), "{open:?}: {footer}");
        assert!(!footer.contains(unwanted), "{open:?}: {footer}");
        update(&mut m, Msg::Action(Action::Close));
    }
    update(&mut m, Msg::Action(Action::Jump));
    let s = support::screen(&m, 80, 24);
    assert!(
        s.lines().last().unwrap_or_default().contains("Enter 确定"),
        "{s}"
    );
}

#[test]
fn a_long_message_wraps_between_words_at_80_columns() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    let said = "Save failed: the file on disk was changed elsewhere and does not load now; \
                not merged or saved; your edits are kept: press s to try again shortly";
    m.say(
        bairi::app::model::Tone::Error,
        bairi::i18n::Text::new(said, said),
    );
    let shown = support::screen(&m, 80, 24);
    let bottom: Vec<&str> = shown.lines().rev().take(3).collect();
    let words: Vec<&str> = said.split_whitespace().collect();
    for line in &bottom {
        for piece in line.split_whitespace() {
            let cut = !words.contains(&piece) && words.iter().any(|w| w.contains(piece));
            assert!(!cut, "`{piece}` is a cut word:\n{}", bottom.join("\n"));
        }
    }
    assert!(bottom.iter().any(|l| l.contains("shortly")), "{shown}");
}

#[test]
fn a_failed_save_offers_the_save_key_as_bound() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    support::press(&mut m, &[Action::Tick]);
    let copy = Box::new(m.store().clone());
    let saved = Msg::Saved {
        file: copy,
        result: Err(bairi::store::file::SaveError::ChangedOnDisk),
        unsynced: None,
    };
    bairi::app::update::update(&mut m, saved);
    let keymap = Keymap::with_overrides(&[(Action::Save, keys(&["W"]))]).unwrap();
    let shown = draw(&m, &keymap);
    assert!(
        shown.contains("The edits are kept · W tries again"),
        "{shown}"
    );
    assert!(!shown.contains("press s"), "{shown}");
}

#[test]
fn a_message_ending_in_a_space_wraps_with_no_empty_line_and_nothing_cut() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    // git's or the system's text may end in a line break, shown as a space.
    let said = "a b c d e f g h i j k l m n o p q r s t u v w x y z \
                a b c d e f g h i j k l m n o p q r s t u v w x y z\n";
    m.say(
        bairi::app::model::Tone::Error,
        bairi::i18n::Text::new(said, said),
    );
    for width in [51, 103] {
        let shown = support::screen(&m, width, 24);
        let bottom: Vec<&str> = shown
            .lines()
            .rev()
            .take_while(|l| !l.contains('┘'))
            .collect();
        assert!(
            bottom.iter().all(|l| !l.trim().is_empty()),
            "{width}:\n{shown}"
        );
        let kept: String = bottom
            .iter()
            .rev()
            .flat_map(|l| l.split_whitespace())
            .collect();
        let all: String = said.split_whitespace().collect();
        assert_eq!(kept, all, "{width}:\n{shown}");
    }
}

#[test]
fn a_message_longer_than_three_lines_ends_in_one_ellipsis() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    let said = "save failed: /home/someone/very/long/path/to/the/campaign/directory/qinglan.toml";
    m.say(
        bairi::app::model::Tone::Error,
        bairi::i18n::Text::new(said, said),
    );
    // At 20 columns the path fills three whole lines and more is left.
    let shown = support::screen(&m, 20, 24);
    let bottom: Vec<&str> = shown.lines().rev().take(3).collect();
    assert!(bottom[0].trim_end().ends_with('…'), "{shown}");
    assert!(!bottom[0].contains("……"), "{shown}");
}

#[test]
fn help_paged_past_its_end_shows_its_last_full_page() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::En);
    support::press(&mut m, &[Action::Help]);
    support::press(&mut m, &[Action::PageDown; 8]);
    let shown = support::screen(&m, 80, 24);
    let filled = shown
        .lines()
        .filter(|l| l.starts_with('│') && l.trim_matches(|c| c == '│' || c == ' ').len() > 1)
        .count();
    assert!(filled >= 18, "{filled} rows of help:\n{shown}");
    assert!(!shown.contains("PgDn more"), "{shown}");
}
