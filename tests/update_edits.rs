//! Editing by action sequences: forms, refusals, undo/redo chains, find, filter, lanes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::lanes::{Filter, Lanes};
use bairi::app::model::{Model, View};
use bairi::app::msg::Msg;
use bairi::app::update::{Effect, update};
use bairi::domain::light::TaskLight;
use bairi::i18n::Lang;
use bairi::store::edit::apply::Edit;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

fn model() -> (Model, tempfile::TempDir) {
    support::board::model("2026-11-22", Lang::En, Some("li_mx"))
}

fn press(m: &mut Model, actions: &[Action]) -> Vec<Effect> {
    support::board::press(m, actions)
}

fn typed(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(m, Msg::Action(Action::Type(c)));
    }
}

fn key(m: &mut Model, k: FieldKey) -> Vec<Effect> {
    update(m, Msg::Action(Action::Field(k)))
}

fn selected(m: &Model) -> String {
    m.selected_id().unwrap_or_default()
}

#[test]
fn a_note_is_typed_and_saved_with_the_author() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::Note]);
    assert!(m.form().is_some());
    typed(&mut m, "厂房基础完成");
    let effects = key(&mut m, FieldKey::Submit);
    assert_eq!(effects, vec![Effect::Save]);
    assert!(m.form().is_none());
    let log = &m.campaign().task("T01").unwrap().log;
    assert_eq!(
        log.last().map(|e| (e.text.as_str(), e.by.as_deref())),
        Some(("厂房基础完成", Some("li_mx")))
    );
}

#[test]
fn an_empty_note_is_refused_in_the_form_and_esc_cancels() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::Note]);
    assert!(key(&mut m, FieldKey::Submit).is_empty());
    let form = m.form().unwrap();
    assert!(form.error.as_ref().unwrap().1.en.contains("required"));
    key(&mut m, FieldKey::Cancel);
    assert!(m.form().is_none());
    assert!(!m.store().dirty);
}

#[test]
fn tick_untick_in_the_detail_view_and_undo_redo_chain() {
    let (mut m, _d) = model();
    let original = m.store().text().to_owned();
    press(&mut m, &[Action::Right]); // T02
    press(&mut m, &[Action::Tick]);
    assert!(m.campaign().task("T02").unwrap().milestones[2].done);
    let after_tick = m.store().text().to_owned();
    press(
        &mut m,
        &[Action::Open, Action::Down, Action::Down, Action::Tick],
    );
    assert!(
        !m.campaign().task("T02").unwrap().milestones[2].done,
        "untick in details"
    );
    press(&mut m, &[Action::Close, Action::Undo]);
    assert_eq!(m.store().text(), after_tick);
    press(&mut m, &[Action::Undo]);
    assert_eq!(m.store().text(), original, "undo restores the exact text");
    press(&mut m, &[Action::Undo]);
    assert!(message_en(&m).contains("nothing to undo"));
    press(&mut m, &[Action::Redo, Action::Redo]);
    assert!(!m.campaign().task("T02").unwrap().milestones[2].done);
    assert_eq!(selected(&m), "T02", "the selection survives undo and redo");
}

#[test]
fn problems_are_logged_and_resolved() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::Problem]);
    typed(&mut m, "塔吊进场受限");
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "协调");
    key(&mut m, FieldKey::NextField);
    key(&mut m, FieldKey::NextField);
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "next week");
    key(&mut m, FieldKey::Submit);
    assert!(
        m.form().unwrap().error.is_some(),
        "a bad date saves nothing"
    );
    assert_eq!(m.campaign().task("T01").unwrap().problems.len(), 1);
    key(&mut m, FieldKey::DeleteToStart);
    typed(&mut m, "2026-11-25");
    key(&mut m, FieldKey::Submit);
    let problems = &m.campaign().task("T01").unwrap().problems;
    assert_eq!(problems.len(), 2);
    assert_eq!(
        problems[1].owner.as_deref(),
        Some("jxj"),
        "owner defaults to the lead unit"
    );
    // One open problem: r resolves it directly.
    press(&mut m, &[Action::Resolve]);
    typed(&mut m, "协调塔吊夜间进场");
    key(&mut m, FieldKey::Submit);
    assert!(m.campaign().task("T01").unwrap().problems[1].resolved);
    press(&mut m, &[Action::Resolve]);
    assert!(message_en(&m).contains("no open problem"));
}

#[test]
fn progress_priority_and_override() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::Progress]);
    key(&mut m, FieldKey::DeleteToStart);
    key(&mut m, FieldKey::End);
    key(&mut m, FieldKey::DeleteToStart);
    typed(&mut m, "120");
    key(&mut m, FieldKey::Submit);
    assert!(m.form().unwrap().error.is_some());
    key(&mut m, FieldKey::DeleteToStart);
    typed(&mut m, "85");
    key(&mut m, FieldKey::Submit);
    assert_eq!(m.campaign().task("T01").unwrap().progress, Some(85));
    press(&mut m, &[Action::Priority]);
    key(&mut m, FieldKey::DeleteToStart);
    typed(&mut m, "3");
    key(&mut m, FieldKey::Submit);
    assert_eq!(m.campaign().task("T01").unwrap().priority, 3);
    press(&mut m, &[Action::Override]);
    typed(&mut m, "red");
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "领导督办");
    key(&mut m, FieldKey::Submit);
    assert_eq!(m.derived.lights[0].light, TaskLight::Red);
    assert!(m.derived.lights[0].overridden);
    press(&mut m, &[Action::Override]);
    key(&mut m, FieldKey::DeleteToStart);
    key(&mut m, FieldKey::End);
    key(&mut m, FieldKey::DeleteToStart);
    typed(&mut m, "none");
    key(&mut m, FieldKey::Submit);
    assert!(m.campaign().task("T01").unwrap().light_override.is_none());
}

#[test]
fn a_task_is_added_with_pickers_edited_and_deleted_after_asking() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::AddTask]);
    typed(&mut m, "城西停车场建设");
    key(&mut m, FieldKey::NextField);
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "民生"); // the category picker matches by name
    key(&mut m, FieldKey::NextField);
    // The field names the category; the file will hold its id.
    assert_eq!(
        m.form().unwrap().value("category"),
        "Livelihood projects (ms)"
    );
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "ctjt");
    // 配合单位, 责任人 and 开始 (today) are left as they are.
    for _ in 0..4 {
        key(&mut m, FieldKey::NextField);
    }
    typed(&mut m, "2026-12-05");
    key(&mut m, FieldKey::Submit);
    assert!(m.form().is_none(), "{:?}", m.form().map(|f| &f.error));
    let t14 = m.campaign().task("T14").expect("T14 follows T13");
    assert_eq!(
        (t14.category.as_str(), t14.lead_unit.as_deref()),
        ("ms", Some("ctjt"))
    );
    assert_eq!(selected(&m), "T14");
    press(&mut m, &[Action::Edit]);
    key(&mut m, FieldKey::End);
    typed(&mut m, "(一期)");
    key(&mut m, FieldKey::Submit);
    assert_eq!(
        m.campaign().task("T14").unwrap().title,
        "城西停车场建设(一期)"
    );
    press(&mut m, &[Action::Delete]);
    assert_eq!(m.confirming_delete(), Some(13));
    press(&mut m, &[Action::No]);
    assert!(m.campaign().task("T14").is_some());
    press(&mut m, &[Action::Delete, Action::Yes]);
    assert!(m.campaign().task("T14").is_none());
    // A task named by a pledge cannot go.
    let t08 = m.campaign().task_index("T08").unwrap();
    m.select_task(t08);
    press(&mut m, &[Action::Delete, Action::Yes]);
    assert!(m.campaign().task("T08").is_some());
    assert!(m.message.as_ref().unwrap().text.en.contains("pledge"));
}

#[test]
fn milestones_added_edited_sorted_deleted_and_back_scheduled() {
    let (mut m, _d) = model();
    let t13 = m.campaign().task_index("T13").unwrap();
    m.select_task(t13);
    press(&mut m, &[Action::AddMilestone]);
    typed(&mut m, "管材进场");
    key(&mut m, FieldKey::NextField);
    typed(&mut m, "2026-11-27");
    key(&mut m, FieldKey::Submit);
    let names = |m: &Model| {
        m.campaign()
            .task("T13")
            .unwrap()
            .milestones
            .iter()
            .map(|x| x.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&m),
        ["完成管材招标采购", "完成主管网更换并试压", "管材进场"]
    );
    press(&mut m, &[Action::SortMilestones]);
    assert_eq!(
        names(&m),
        ["管材进场", "完成管材招标采购", "完成主管网更换并试压"]
    );
    press(&mut m, &[Action::Open, Action::Edit]);
    key(&mut m, FieldKey::End);
    typed(&mut m, "验收");
    key(&mut m, FieldKey::Submit);
    assert_eq!(names(&m)[0], "管材进场验收");
    // `d` on a milestone asks first (README: "delete it after a question"); `n` keeps it.
    press(&mut m, &[Action::Delete]);
    assert_eq!(m.confirming_milestone_delete(), Some((t13, 0)));
    assert_eq!(
        names(&m)[0],
        "管材进场验收",
        "nothing deleted before the answer"
    );
    let keys = bairi::app::keymap::Keymap::default();
    let screen = support::buffer_text(&support::board::draw(&m, &keys, 100, 24));
    assert!(
        screen.contains("Delete T13's milestone 1 \"管材进场验收\"? y deletes"),
        "{screen}"
    );
    press(&mut m, &[Action::No]);
    assert_eq!(names(&m).len(), 3, "kept");
    assert_eq!(m.message.as_ref().unwrap().text.en, "not deleted");
    press(&mut m, &[Action::Delete, Action::Yes]);
    assert_eq!(names(&m), ["完成管材招标采购", "完成主管网更换并试压"]);
    // Undo and redo name the milestone (they used to say another one was ticked).
    press(&mut m, &[Action::Undo]);
    let said = &m.message.as_ref().unwrap().text.en;
    assert_eq!(said, "undone: T13 milestone \"管材进场验收\" added");
    press(&mut m, &[Action::Redo]);
    let said = &m.message.as_ref().unwrap().text.en;
    assert_eq!(said, "redone: T13 milestone \"管材进场验收\" deleted");
    press(&mut m, &[Action::Close, Action::BackSchedule]);
    typed(&mut m, "清表 2, 开挖 3");
    key(&mut m, FieldKey::Submit);
    assert!(
        m.form().is_some_and(|f| f.fields.is_empty()),
        "a review of the proposal"
    );
    key(&mut m, FieldKey::Submit);
    let t = m.campaign().task("T13").unwrap();
    let added: Vec<String> = t.milestones[2..]
        .iter()
        .map(|x| format!("{} {}", x.title, x.due))
        .collect();
    assert_eq!(added, ["清表 2026-12-06", "开挖 2026-12-09"]);
}

#[test]
fn find_filter_and_lanes() {
    let (mut m, _d) = model();
    press(&mut m, &[Action::Search]);
    typed(&mut m, "zrj"); // a unit id: T09 leads, T01/T05/T08/T10 support
    key(&mut m, FieldKey::Down);
    key(&mut m, FieldKey::Submit);
    assert_eq!(selected(&m), "T05");
    press(&mut m, &[Action::Filter]);
    typed(&mut m, "red");
    key(&mut m, FieldKey::Submit);
    assert_eq!(m.filter, Some(Filter::Light(TaskLight::Red)));
    let shown: usize = m.derived.columns.iter().map(|c| c.tasks.len()).sum();
    assert_eq!(shown, 2);
    press(&mut m, &[Action::ClearFilter]);
    assert_eq!(m.filter, None);
    let t05 = m.campaign().task_index("T05").unwrap();
    m.select_task(t05);
    press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.lanes, Lanes::Category);
    assert_eq!(m.derived.columns.len(), 4);
    assert_eq!(
        selected(&m),
        "T05",
        "the selection follows the task into its lane"
    );
    press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.lanes, Lanes::LeadUnit);
    assert_eq!(m.derived.columns.len(), 10);
    press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.lanes, Lanes::Sponsor);
    assert_eq!(selected(&m), "T05", "the selection follows the task");
    press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.lanes, Lanes::Status);
}

#[test]
fn a_read_only_file_opens_for_viewing_and_refuses_edits() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let file = CampaignFile::open(&path, Today::Date(support::day("2026-11-22"))).unwrap();
    assert!(file.read_only);
    let mut m = Model::new(file, support::day("2026-11-22"), Lang::En);
    assert!(press(&mut m, &[Action::MoveNext, Action::Tick, Action::Undo]).is_empty());
    assert!(m.message.as_ref().unwrap().text.en.contains("read-only"));
    press(&mut m, &[Action::Note]);
    typed(&mut m, "试");
    key(&mut m, FieldKey::Submit);
    assert!(
        m.form()
            .unwrap()
            .error
            .as_ref()
            .unwrap()
            .1
            .en
            .contains("read-only")
    );
    assert!(!m.store().dirty);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn unsaved_edits_can_be_written_to_a_recovery_copy() {
    let (mut m, dir) = model();
    m.autosave = false;
    press(&mut m, &[Action::MoveNext]);
    let path = bairi::shell::write_recovery(&m, chrono::Utc::now()).unwrap();
    assert!(path.starts_with(dir.path()));
    assert!(
        path.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("qinglan.toml.recovered-")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), m.store().text());
}

#[test]
fn a_conflict_asks_which_to_keep() {
    use bairi::store::merge::{Conflict, Keep};
    let (mut m, _d) = model();
    m.conflicts = vec![Conflict {
        task: "T05".into(),
        key: "progress".into(),
        mine: "93".into(),
        theirs: "91".into(),
    }];
    m.view = View::Conflicts;
    let effects = update(&mut m, Msg::Action(Action::Type('m')));
    assert_eq!(effects, vec![Effect::SaveKeeping(Keep::Mine)]);
    assert_eq!(m.view, View::Board);
    m.view = View::Conflicts;
    assert_eq!(
        update(&mut m, Msg::Action(Action::Type('t'))),
        vec![Effect::SaveKeeping(Keep::Theirs)]
    );
    m.view = View::Conflicts;
    assert!(update(&mut m, Msg::Action(Action::Field(FieldKey::Cancel))).is_empty());
    assert!(message_en(&m).contains("not saved yet"));
}

#[test]
fn after_edits_in_place_the_board_is_what_a_full_recount_gives() {
    use bairi::app::model::Derived;
    let (mut m, _d) = model();
    let full = |m: &Model| Derived::compute(m.campaign(), m.today, m.lanes, m.filter.as_ref());
    // Ticks, moves between columns and a note: each changes one task in place.
    for actions in [
        vec![Action::Tick],
        vec![Action::Down, Action::Tick, Action::Tick],
        vec![Action::MoveNext],
        vec![Action::Up, Action::MovePrevious],
    ] {
        press(&mut m, &actions);
        assert_eq!(m.derived, full(&m), "after {actions:?}");
    }
    press(&mut m, &[Action::SwitchView]);
    press(&mut m, &[Action::Tick]);
    assert_eq!(m.derived, full(&m), "by category");
    press(&mut m, &[Action::Undo]);
    assert_eq!(m.derived, full(&m), "after undo");
}

#[test]
fn undo_refuses_when_the_same_lines_have_since_changed_elsewhere() {
    let (mut m, dir) = model();
    press(&mut m, &[Action::Right]); // T02
    press(&mut m, &[Action::Tick]);
    assert!(support::save_now(&mut m));
    let ticked = m.store().text().to_owned();
    // Someone else then changes the line just ticked, and the board reads their save.
    let at = ticked.find("done_on = 2026-11-22").unwrap();
    let theirs = format!(
        "{}done_on = 2026-11-21{}",
        &ticked[..at],
        &ticked[at + 20..]
    );
    std::fs::write(dir.path().join("qinglan.toml"), &theirs).unwrap();
    let point = m.store().watch_point();
    let noticed = point.look();
    update(&mut m, Msg::Watched { point, noticed });
    assert_eq!(m.store().text(), theirs, "read in");
    press(&mut m, &[Action::Undo]);
    assert_eq!(m.store().text(), theirs, "their change is kept");
    let said = m.message.as_ref().unwrap().text.en.clone();
    assert!(said.contains("cannot be undone"), "{said}");
    assert!(m.undo.is_empty() && m.redo.is_empty());
}

#[test]
fn undo_after_a_merge_sets_back_only_my_edit_wherever_its_bytes_moved() {
    use bairi::store::edit::task_fields::TaskFields;
    // The lengths of their change move my edit's bytes to where the same bytes may stand by
    // chance: undo finds the task by id and sets back only the field it changed.
    for n in (350..362).chain(580..594) {
        let (mut m, dir) = model();
        m.autosave = false;
        let priority = m.campaign().task("T02").unwrap().priority;
        let priority_two = bairi::store::edit::apply::Edit::Priority {
            task: "T02".to_owned(),
            priority: 2,
        };
        bairi::app::verbs::edit(&mut m, priority_two).unwrap();
        let path = dir.path().join("qinglan.toml");
        let mut b = CampaignFile::open(&path, Today::Date(support::day("2026-11-22"))).unwrap();
        let mut fields = TaskFields::of(b.campaign.task("T01").unwrap());
        let target = format!(
            "{}{}",
            fields.target.clone().unwrap_or_default(),
            "长".repeat(n / 3)
        ) + &"x".repeat(n % 3);
        fields.target = Some(target.clone());
        let day = support::day("2026-11-22");
        support::edits::apply(
            &mut b,
            Edit::EditTask {
                task: "T01".into(),
                fields,
            },
            day,
            None,
        )
        .unwrap();
        b.save().unwrap();
        assert!(support::save_now(&mut m));
        press(&mut m, &[Action::Undo]);
        let c = m.campaign();
        assert_eq!(c.task("T02").unwrap().priority, priority, "n = {n}");
        assert_eq!(
            c.task("T01").unwrap().target.as_deref(),
            Some(target.as_str())
        );
        let said = m.message.as_ref().unwrap().text.en.clone();
        assert!(said.starts_with("undone"), "n = {n}: {said}");
        press(&mut m, &[Action::Redo]);
        assert_eq!(
            m.campaign().task("T02").unwrap().priority,
            2,
            "n = {n}: redone"
        );
    }
}

/// The board's message in English (there must be one).
fn message_en(m: &Model) -> &str {
    &m.message.as_ref().unwrap().text.en
}

/// Another person's save of the campaign in `dir`: T05's progress set to 66.
fn t05_at_66_saved_by_someone_else(dir: &std::path::Path) {
    let path = dir.join("qinglan.toml");
    let mut b = CampaignFile::open(&path, Today::Date(support::day("2026-11-22"))).unwrap();
    let stamp = bairi::store::edit::apply::Stamp {
        today: support::day("2026-11-22"),
        by: None,
    };
    let progress = bairi::store::edit::apply::Edit::Progress {
        task: "T05".into(),
        progress: 66,
    };
    b.apply(&progress, &stamp).unwrap();
    b.save().unwrap();
}

#[test]
fn undo_survives_another_persons_save_and_says_what_it_did() {
    let (mut m, dir) = model();
    m.autosave = false;
    press(&mut m, &[Action::MoveNext]); // T01 推进中 → 受阻
    t05_at_66_saved_by_someone_else(dir.path());
    assert!(support::save_now(&mut m));
    press(&mut m, &[Action::Undo]);
    let said = m.message.as_ref().unwrap().text.en.clone();
    assert_eq!(said, "undone: T01 Blocked→In progress");
    let c = m.campaign();
    assert_eq!(
        c.task("T01").unwrap().status,
        bairi::domain::Status::InProgress
    );
    assert_eq!(
        c.task("T05").unwrap().progress,
        Some(66),
        "their save stays"
    );
    m.lang = Lang::Zh;
    press(&mut m, &[Action::Redo]);
    assert_eq!(
        m.message.as_ref().unwrap().text.zh,
        "已重做:T01 推进中→受阻"
    );
}

#[test]
fn undo_survives_a_reload_of_changes_made_elsewhere() {
    let (mut m, dir) = model();
    m.autosave = false;
    press(&mut m, &[Action::MoveNext]); // T01 推进中 → 受阻
    assert!(support::save_now(&mut m));
    t05_at_66_saved_by_someone_else(dir.path());
    let point = m.store().watch_point();
    let noticed = point.look();
    update(&mut m, Msg::Watched { point, noticed });
    assert_eq!(
        m.campaign().task("T05").unwrap().progress,
        Some(66),
        "reloaded"
    );
    press(&mut m, &[Action::Undo]);
    let c = m.campaign();
    assert_eq!(
        c.task("T01").unwrap().status,
        bairi::domain::Status::InProgress
    );
    assert_eq!(c.task("T05").unwrap().progress, Some(66));
}

#[test]
fn an_edit_that_changes_nothing_leaves_no_undo_step() {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", Lang::Zh);
    // T01's milestones are in date order already.
    support::press(&mut m, &[Action::SortMilestones]);
    assert!(m.undo.is_empty(), "an undo step that would undo nothing");
    let said = m
        .message
        .as_ref()
        .map(|s| s.text.zh.clone())
        .unwrap_or_default();
    assert!(said.contains("没有变化"), "{said}");
    assert!(!m.store().dirty);
}

/// The board on T02 with autosave off, and a second handle saving "their" change to the same
/// file; `mine` is made on the board, theirs saved, mine saved over it (merged), then undone.
fn undo_after_their_change_to_the_same_task(
    mine: impl FnOnce(&mut Model),
    theirs: impl FnOnce(&mut CampaignFile),
) -> (Model, bairi::domain::Task, String, tempfile::TempDir) {
    let (mut m, dir) = model();
    m.autosave = false;
    let t02 = m.campaign().task_index("T02").unwrap();
    m.select_task(t02);
    let before = m.campaign().task("T02").unwrap().clone();
    mine(&mut m);
    assert_eq!(m.undo.len(), 1, "{:?}", m.message);
    let path = dir.path().join("qinglan.toml");
    let mut b = CampaignFile::open(&path, Today::Date(support::day("2026-11-22"))).unwrap();
    theirs(&mut b);
    b.save().unwrap();
    let their_text = std::fs::read_to_string(&path).unwrap();
    assert!(support::save_now(&mut m), "merged");
    press(&mut m, &[Action::Undo]);
    (m, before, their_text, dir)
}

fn their_note(b: &mut CampaignFile) {
    let day = support::day("2026-11-22");
    support::edits::apply(b, support::edits::note("T02", "他们的记录"), day, None).unwrap();
}

#[test]
fn undo_after_a_merge_takes_my_note_back_though_they_added_one_to_the_same_task() {
    let note = |m: &mut Model| {
        press(m, &[Action::Note]);
        typed(m, "记错了任务");
        key(m, FieldKey::Submit);
    };
    let (mut m, before, theirs, _dir) = undo_after_their_change_to_the_same_task(note, their_note);
    assert_eq!(m.store().text(), theirs, "their file, byte for byte");
    let log: Vec<&str> = m
        .campaign()
        .task("T02")
        .unwrap()
        .log
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        !log.contains(&"记错了任务"),
        "my note is taken back: {log:?}"
    );
    assert_eq!(log.len(), before.log.len() + 1, "theirs stays: {log:?}");
    assert!(log.contains(&"他们的记录"));
    let said = m.message.as_ref().unwrap().text.en.clone();
    assert!(said.contains("note"), "{said}");
    press(&mut m, &[Action::Redo]);
    let log = &m.campaign().task("T02").unwrap().log;
    assert!(log.iter().any(|e| e.text == "记错了任务"), "redone");
}

#[test]
fn undo_after_a_merge_takes_a_tick_back_with_its_history_line() {
    let tick = |m: &mut Model| drop(press(m, &[Action::Tick]));
    let (m, before, theirs, _dir) = undo_after_their_change_to_the_same_task(tick, their_note);
    assert_eq!(m.store().text(), theirs, "their file, byte for byte");
    let t02 = m.campaign().task("T02").unwrap();
    assert_eq!(t02.milestones, before.milestones, "unticked");
    let log: Vec<&str> = t02.log.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        log.len(),
        before.log.len() + 1,
        "no line of a tick that was undone, theirs stays: {log:?}"
    );
    assert!(log.contains(&"他们的记录"));
}

#[test]
fn undo_after_a_merge_takes_my_problem_back_though_they_resolved_another() {
    let problem = |m: &mut Model| {
        press(m, &[Action::Problem]);
        typed(m, "塔吊进场受限");
        key(m, FieldKey::Submit);
    };
    let resolve = |b: &mut CampaignFile| {
        let resolved = Edit::ResolveProblem {
            task: "T02".into(),
            problem: "T02-P1".into(),
            result: "已核发许可".into(),
        };
        support::edits::apply(b, resolved, support::day("2026-11-22"), None).unwrap();
    };
    let (m, _before, theirs, _dir) = undo_after_their_change_to_the_same_task(problem, resolve);
    assert_eq!(m.store().text(), theirs, "their file, byte for byte");
    let problems = &m.campaign().task("T02").unwrap().problems;
    let ids: Vec<(&str, bool)> = problems
        .iter()
        .map(|p| (p.id.as_str(), p.resolved))
        .collect();
    assert_eq!(
        ids,
        [("T02-P1", true)],
        "mine is gone, their resolution stays"
    );
}

#[test]
fn undoing_a_delete_or_an_add_says_which_task() {
    let (mut m, _d) = model();
    let t03 = m.campaign().task_index("T03").unwrap();
    m.select_task(t03);
    press(&mut m, &[Action::Delete, Action::Yes]);
    assert!(m.campaign().task("T03").is_none());
    press(&mut m, &[Action::Undo]);
    assert!(m.campaign().task("T03").is_some());
    assert_eq!(m.message.as_ref().unwrap().text.en, "undone: T03 back");
    press(&mut m, &[Action::Redo]);
    assert_eq!(m.message.as_ref().unwrap().text.en, "redone: T03 removed");
    assert_eq!(m.message.as_ref().unwrap().text.zh, "已重做:T03 移除");
}
