//! Every hint on screen names the keys the keymap binds now, after the config's `[keys]`.

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use bairi::app::action::Action;
use bairi::app::keymap::{Key, Keymap};
use bairi::app::model::Model;
use bairi::app::update::update;
use bairi::i18n::Lang;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;
use bairi::ui::theme::Theme;
use bairi::ui::{Ctx, render};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn screen(keymap: &Keymap, actions: &[Action]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = CampaignFile::open(&path, Today::Date(today())).unwrap();
    let mut model = Model::new(file, today(), Lang::Zh);
    for a in actions {
        update(&mut model, *a, today());
    }
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
    let theme = Theme::default();
    let ctx = Ctx {
        model: &model,
        theme: &theme,
        keymap,
        now: Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap(),
    };
    terminal.draw(|f| render(f, &ctx)).unwrap();
    support::buffer_text(terminal.backend().buffer())
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
