//! Issue 17, "who are you": with no `author` in the config the first edit opens a list of
//! the file's people; after a choice the board asks whether to keep it in the config, then
//! the edit goes ahead under that name. Esc drops the edit: nothing is recorded unnamed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::{Model, PickerMode};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::app::verbs::{self, Purpose};
use bairi::i18n::Lang;
use support::pty::Term;
use support::{press, qinglan_model, screen, typed};

fn asking(lang: Lang) -> (Model, tempfile::TempDir) {
    let (mut m, dir) = qinglan_model("2026-11-22", lang);
    m.ask_author = true;
    (m, dir)
}

fn step(m: &mut Model, action: Action) -> Vec<Effect> {
    update(m, Msg::Action(action))
}

fn list_open(m: &Model) -> bool {
    m.picker().is_some_and(|p| p.mode == PickerMode::Author)
}

#[test]
fn the_first_note_asks_who_then_whether_to_keep_it_then_opens_the_note() {
    let (mut m, _dir) = asking(Lang::Zh);
    press(
        &mut m,
        &[Action::Down, Action::Up, Action::Open, Action::Close],
    );
    assert!(!list_open(&m), "moving and looking never ask");
    press(&mut m, &[Action::Note]);
    assert!(list_open(&m) && m.form().is_none());
    let shown = screen(&m, 80, 24);
    assert!(
        shown.contains("你是谁") && shown.contains("林海涛 lin_ht 县委副书记"),
        "{shown}"
    );
    typed(&mut m, "李明");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert_eq!(m.author.as_deref(), Some("li_mx"));
    let shown = screen(&m, 100, 24);
    assert!(
        shown.contains("以后都以 李明轩(li_mx)署名?y 写入配置"),
        "{shown}"
    );
    let effects = step(&mut m, Action::Yes);
    assert_eq!(effects, vec![Effect::SaveSetting("author", "li_mx".into())]);
    assert!(m.form().is_some(), "the note that waited opens");
    typed(&mut m, "现场协调");
    let effects = step(&mut m, Action::Field(FieldKey::Submit));
    assert_eq!(effects, vec![Effect::Save]);
    assert!(
        m.store()
            .text()
            .contains("by = \"li_mx\", text = \"现场协调\"")
    );
    // From now on no question.
    press(&mut m, &[Action::Tick]);
    assert!(!list_open(&m) && m.who().is_none());
}

#[test]
fn esc_drops_the_edit_and_records_nothing() {
    let (mut m, _dir) = asking(Lang::En);
    let before = m.store().text().to_owned();
    press(&mut m, &[Action::MoveNext]);
    assert!(list_open(&m));
    press(&mut m, &[Action::Field(FieldKey::Cancel)]);
    assert!(m.picker().is_none() && m.who().is_none() && m.author.is_none());
    assert_eq!(m.store().text(), before);
    let said = m.message.as_ref().unwrap().text.en.clone();
    assert_eq!(said, "cancelled: nothing is recorded without a name");
    // The next edit asks again.
    press(&mut m, &[Action::Tick]);
    assert!(list_open(&m));
}

#[test]
fn no_keeps_the_name_for_the_session_only_and_the_edit_goes_ahead() {
    let (mut m, _dir) = asking(Lang::En);
    press(&mut m, &[Action::MoveNext]);
    typed(&mut m, "lin_ht");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    let effects = step(&mut m, Action::No);
    assert_eq!(effects, vec![Effect::Save], "no config write");
    assert_eq!(m.author.as_deref(), Some("lin_ht"));
    assert!(
        m.store().text().contains("status     = \"受阻\""),
        "T01 moved on"
    );
}

#[test]
fn a_form_submitted_without_a_name_waits_for_one() {
    // A draft restored at start-up is a form already open: its Enter is the edit.
    let (mut m, _dir) = asking(Lang::En);
    verbs::open(&mut m, Purpose::Note { task: "T01".into() });
    typed(&mut m, "draft");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    assert!(list_open(&m) && m.form().is_none(), "the form waits aside");
    typed(&mut m, "wang");
    press(&mut m, &[Action::Field(FieldKey::Submit)]);
    let effects = step(&mut m, Action::Yes);
    assert_eq!(
        effects,
        vec![
            Effect::SaveSetting("author", "wang_lq".into()),
            Effect::Save
        ]
    );
    assert!(m.form().is_none());
    assert!(
        m.store()
            .text()
            .contains("by = \"wang_lq\", text = \"draft\"")
    );
    // Esc in the list gives the form back, as typed.
    let (mut m, _dir) = asking(Lang::En);
    verbs::open(&mut m, Purpose::Note { task: "T01".into() });
    typed(&mut m, "kept");
    press(
        &mut m,
        &[
            Action::Field(FieldKey::Submit),
            Action::Field(FieldKey::Cancel),
        ],
    );
    assert!(m.form().is_some() && m.author.is_none());
    assert!(!m.store().dirty);
}

#[test]
fn a_configured_author_or_a_read_only_file_never_asks() {
    let (mut m, _dir) = asking(Lang::En);
    m.author = Some("li_mx".into());
    press(&mut m, &[Action::Note]);
    assert!(m.form().is_some() && !list_open(&m));
    let (mut m, _dir) = asking(Lang::En);
    m.view_only();
    press(&mut m, &[Action::Tick]);
    assert!(!list_open(&m), "the refusal comes at once");
    assert!(m.message.as_ref().unwrap().text.en.contains("read-only"));
}

#[test]
fn the_leaderboard_s_pledge_asks_too() {
    let (mut m, _dir) = asking(Lang::En);
    press(&mut m, &[Action::ShowLeaderboard, Action::Pledge]);
    assert!(list_open(&m));
    typed(&mut m, "li_mx");
    press(&mut m, &[Action::Field(FieldKey::Submit), Action::No]);
    assert!(
        m.form().is_some(),
        "the pledge form opens for the chosen unit"
    );
}

#[test]
fn the_board_asks_and_writes_the_author_into_a_new_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    // No config at all: the folder and the file are made.
    let elsewhere = dir.path().join("fresh");
    let mut term = Term::spawn(
        &[path.to_str().unwrap(), "--today", "2026-11-22"],
        100,
        30,
        dir.path(),
        &[
            ("XDG_CONFIG_HOME", elsewhere.to_str().unwrap()),
            ("BAIRI_NOW", "2026-11-22T10:00:00+08:00"),
        ],
    );
    term.wait_for("▶智能装备园一期");
    term.send("n");
    term.wait_for("你是谁");
    term.send("wang");
    term.wait_for("王");
    term.send("\r");
    term.wait_for("y 写入配置文件的 author");
    term.send("y");
    term.wait_for("T01 记录");
    term.wait_for("已写入");
    term.send("夜间浇筑\r");
    term.wait_for("T01 已记录");
    term.send("q");
    assert!(term.wait_exit());
    let config = std::fs::read_to_string(elsewhere.join("bairi/config.toml")).unwrap();
    assert!(config.ends_with("author = \"wang_lq\"\n"), "{config}");
    assert!(config.starts_with('#'), "{config}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("by = \"wang_lq\", text = \"夜间浇筑\""));
}

#[test]
fn a_restored_draft_waiting_for_a_name_survives_a_hang_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let hang_up = |term: &mut Term| {
        let pid = term.pid().unwrap().to_string();
        let killed = std::process::Command::new("kill")
            .args(["-HUP", &pid])
            .status();
        assert!(killed.unwrap().success());
        term.wait_exit();
    };
    // Typed by someone with an author, cut off.
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &[]);
    term.wait_for("▶智能装备园一期");
    term.send("n");
    term.wait_for("T01 记录");
    term.send("半截记录");
    term.wait_for("半截记录");
    hang_up(&mut term);
    // Reopened with no author: Enter asks who, and the link drops again.
    let elsewhere = dir.path().join("fresh");
    let env = [("XDG_CONFIG_HOME", elsewhere.to_str().unwrap())];
    let mut term = Term::spawn(&[file, "--today", "2026-11-22"], 100, 30, dir.path(), &env);
    term.wait_for("半截记录");
    term.send("\r");
    term.wait_for("你是谁");
    hang_up(&mut term);
    let draft = dir.path().join(".bairi/qinglan.toml.draft");
    let kept = std::fs::read_to_string(draft).expect("the draft is kept");
    assert!(kept.contains("半截记录"), "{kept}");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("半截记录"));
}

#[test]
fn a_key_in_the_export_menu_never_asks_who() {
    // The menu edits nothing: a key that would edit on the board (`n`, a note) is no
    // reason to ask for a name there, and the menu stays open on its format.
    let (mut m, _dir) = asking(Lang::Zh);
    press(&mut m, &[Action::Export, Action::Note]);
    let shown = screen(&m, 100, 30);
    assert!(!shown.contains("你是谁"), "{shown}");
    assert!(
        shown.contains("Esc 取消"),
        "the export menu stays:\n{shown}"
    );
    press(&mut m, &[Action::Close, Action::Note]);
    assert!(
        screen(&m, 100, 30).contains("你是谁"),
        "on the board it asks"
    );
}
