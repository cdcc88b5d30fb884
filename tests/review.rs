//! The review meeting (`R`, 督评会) from action sequences: publish, pledges, checks, follow-up
//! orders, briefing; Esc leaves it at any point keeping what was done.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::form::FieldKey;
use bairi::app::model::{Model, View};
use bairi::app::msg::Msg;
use bairi::app::review::{Item, Outcome, Step};
use bairi::app::update::{Effect, update};
use bairi::i18n::Lang;

const SAVE: Action = Action::Field(FieldKey::Submit);
const SKIP: Action = Action::Field(FieldKey::Cancel);

fn step(m: &Model) -> Step {
    m.review.as_ref().expect("the flow runs").step
}

fn outcomes(m: &Model) -> Vec<Outcome> {
    m.review
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(|i| i.1)
        .collect()
}

/// Presses one key and returns the effects.
fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    update(m, Msg::Action(action))
}

#[test]
fn the_whole_review_from_the_leaderboard() {
    // 2026-11-24: checkpoint 6 (11-23) has passed and is not published yet.
    let (mut m, dir) = support::streaks_model("2026-11-24", Lang::Zh);
    m.author = Some("chen_zy".into());
    support::press(&mut m, &[Action::ShowLeaderboard, Action::Review]);
    assert_eq!(m.view, View::Review);

    // 1. Publish: Enter opens the publish form, as a 督评; Enter publishes.
    assert_eq!(step(&m), Step::Publish);
    support::press(&mut m, &[Action::Open]);
    let form = m.form().expect("the publish form");
    assert!(form.title.zh.starts_with("第1步/共5步 · 发布擂台榜 · "));
    assert_eq!(form.value("kind"), "督评");
    support::press(&mut m, &[SAVE]);
    let review = m.campaign().reviews.last().unwrap();
    assert_eq!((review.checkpoint, review.kind.as_str()), (6, "督评"));
    assert_eq!(outcomes(&m), [Outcome::Done]);

    // 2. Pledges: the bench of checkpoint 6, one unit at a time; Esc in a form skips it.
    support::press(&mut m, &[Action::Open]);
    assert_eq!(step(&m), Step::Pledges);
    let units: Vec<Item> = m
        .review
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(|i| i.0.clone())
        .collect();
    assert_eq!(units, [Item::Unit("xk".into()), Item::Unit("zrj".into())]);
    support::press(&mut m, &[Action::Open]);
    assert!(m.form().unwrap().title.zh.contains("第2步/共5步"));
    support::typed(&mut m, "12月7日前完成全部腾空");
    support::press(&mut m, &[SAVE]);
    support::press(&mut m, &[Action::Open, SKIP]);
    assert_eq!(outcomes(&m), [Outcome::Done, Outcome::Skipped]);
    let pledge = m.campaign().commitments.last().unwrap();
    assert_eq!(
        (
            pledge.unit.as_str(),
            pledge.text.as_str(),
            pledge.due.to_string()
        ),
        ("xk", "12月7日前完成全部腾空", "2026-12-07".to_owned())
    );

    // 3. Checks: the pledge due (xk's, due 11-15), broken with one key.
    support::press(&mut m, &[Action::Open]);
    assert_eq!(step(&m), Step::Checks);
    assert_eq!(m.review.as_ref().unwrap().items[0].0, Item::Pledge(0));
    support::press(&mut m, &[Action::No]);
    assert_eq!(outcomes(&m), [Outcome::Broken]);
    assert_eq!(
        m.campaign().commitments[0].broken_on,
        Some(support::day("2026-11-24"))
    );

    // 4. Follow-ups: T02, red at checkpoints 4, 5 and now 6.
    support::press(&mut m, &[Action::Open]);
    assert_eq!(step(&m), Step::FollowUps);
    assert_eq!(
        m.review.as_ref().unwrap().items[0].0,
        Item::Task("T02".into())
    );
    support::press(&mut m, &[Action::Open]);
    assert_eq!(m.form().unwrap().value("owner"), "县住建局 (zjj)");
    support::press(&mut m, &[SAVE]);
    assert_eq!(outcomes(&m), [Outcome::Done]);
    let order = m
        .campaign()
        .task("T02")
        .unwrap()
        .problems
        .last()
        .unwrap()
        .clone();
    assert_eq!(order.kind.as_deref(), Some("督办"));
    assert_eq!(order.due, Some(support::day("2026-12-07")));
    assert_eq!(order.coordinator.as_deref(), Some("chen_zy"));

    // 5. Briefing: written beside the campaign, its path on the screen.
    let effects = key(&mut m, Action::Open);
    assert_eq!(step(&m), Step::Briefing);
    let expected = dir.path().join("qinglan-briefing-2026-11-24.txt");
    let Some(Effect::Export(path, bytes)) = effects.last() else {
        panic!("no briefing written: {effects:?}");
    };
    let text = String::from_utf8_lossy(bytes);
    assert_eq!(path, &expected);
    assert!(
        text.starts_with("青岚县重点项目建设“百日攻坚”行动 工作简报"),
        "{text}"
    );
    assert!(text.contains("第6节点"), "{text}");
    let screen = support::screen(&m, 120, 30);
    assert!(screen.contains("第5步/共5步 · 简报"), "{screen}");
    assert!(
        screen.contains(&format!("简报已写入:{}", expected.display())),
        "{screen}"
    );

    // Enter ends it, back on the leaderboard; every edit is in the file's text.
    support::press(&mut m, &[Action::Open]);
    assert!(m.review.is_none());
    assert_eq!(m.view, View::Leaderboard);
    let text = m.store().text();
    assert!(text.contains("kind         = \"督评\"") || text.contains("kind = \"督评\""));
    assert!(text.contains("12月7日前完成全部腾空"));
    assert!(text.contains("kind = \"督办\""));
    assert!(text.contains("broken_on"));
}

#[test]
fn esc_leaves_at_any_point_keeping_what_was_done() {
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::En);
    support::press(&mut m, &[Action::Review, Action::Open, SAVE, Action::Open]);
    assert_eq!(step(&m), Step::Pledges);
    support::press(&mut m, &[Action::Close]);
    assert!(m.review.is_none());
    assert_eq!(m.view, View::Board);
    assert!(m.campaign().reviews.iter().any(|r| r.checkpoint == 6));
    let said = m.message.as_ref().unwrap().text.en.clone();
    assert!(said.contains("what was done is kept"), "{said}");
}

#[test]
fn a_published_checkpoint_is_said_and_the_flow_goes_on() {
    // 2026-11-22: the latest past checkpoint, 5, is published already.
    let (mut m, _dir) = support::streaks_model("2026-11-22", Lang::Zh);
    support::press(&mut m, &[Action::Review]);
    let screen = support::screen(&m, 80, 24);
    assert!(
        screen.contains("第5节点擂台榜已发布,继续下一步"),
        "{screen}"
    );
    assert!(
        screen.contains("本步完成 · Enter 下一步:黄牌承诺"),
        "{screen}"
    );
    // The keys say the same: Enter goes on, it no longer publishes.
    assert!(screen.contains("│Enter 下一步 ·"), "{screen}");
    assert!(!screen.contains("Enter 发布"), "{screen}");
    // Space skips through a step, → skips the rest of it.
    support::press(&mut m, &[Action::Open]);
    assert_eq!(step(&m), Step::Pledges);
    support::press(&mut m, &[Action::Down]);
    assert_eq!(outcomes(&m)[0], Outcome::Skipped);
    support::press(&mut m, &[Action::Right]);
    assert_eq!(step(&m), Step::Checks);
    // y marks the pledge due kept.
    support::press(&mut m, &[Action::Yes]);
    assert!(m.campaign().commitments[0].kept);
    // T06 is due an order (red at 3, 4 and 5).
    support::press(&mut m, &[Action::Open]);
    assert_eq!(
        m.review.as_ref().unwrap().items,
        [(Item::Task("T06".into()), Outcome::Open)]
    );
}

#[test]
fn the_pledges_step_80x24() {
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::Zh);
    support::press(&mut m, &[Action::Review, Action::Open, SAVE, Action::Open]);
    support::press(&mut m, &[Action::Open]);
    support::typed(&mut m, "12月7日前完成全部腾空");
    support::press(&mut m, &[SAVE]);
    insta::assert_snapshot!("review_pledges_80x24", support::screen(&m, 80, 24));
}

#[test]
fn the_follow_up_step_in_english_80x24() {
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::En);
    support::press(&mut m, &[Action::Review, Action::Open, SAVE]);
    support::press(&mut m, &[Action::Right, Action::Right, Action::Right]);
    assert_eq!(step(&m), Step::FollowUps);
    insta::assert_snapshot!(
        "review_follow_ups_80x24_english",
        support::screen(&m, 80, 24)
    );
}

#[test]
fn the_steps_name_the_keys_the_keymap_binds() {
    use bairi::app::keymap::{Key, Keymap};
    let keys = |list: &[&str]| list.iter().map(|k| Key::parse(k).unwrap()).collect();
    let keymap = Keymap::with_overrides(&[
        (Action::No, keys(&["z"])),
        (Action::Review, keys(&["F9"])),
        (Action::Close, keys(&["Esc", "Q"])),
    ])
    .unwrap();
    let (mut m, _dir) = support::streaks_model("2026-11-22", Lang::Zh);
    support::press(&mut m, &[Action::Review, Action::Open, Action::Right]);
    assert_eq!(step(&m), Step::Checks);
    let screen = support::screen_with(&m, &keymap, 100, 30);
    assert!(screen.contains("y 践诺 · z 未践诺"), "{screen}");
    assert!(screen.contains("Esc/Q 退出流程"), "{screen}");
    assert!(!screen.contains("N 未践诺"), "{screen}");
}

#[test]
fn r_returns_to_a_meeting_another_screen_interrupted() {
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::Zh);
    support::press(&mut m, &[Action::Review, Action::Open, SAVE, Action::Open]);
    assert_eq!(step(&m), Step::Pledges);
    // A save that met conflicts takes the screen; settled, the board shows.
    m.view = View::Board;
    support::press(&mut m, &[Action::Review]);
    assert_eq!((m.view, step(&m)), (View::Review, Step::Pledges));
}

#[test]
fn a_briefing_that_cannot_be_written_is_not_said_written_and_enter_tries_again() {
    let (mut m, dir) = support::streaks_model("2026-11-22", Lang::Zh);
    let path = dir.path().join("qinglan-briefing-2026-11-22.txt");
    std::fs::create_dir(&path).unwrap();
    support::press(&mut m, &[Action::Review]);
    support::press(&mut m, &[Action::Right, Action::Right, Action::Right]);
    assert_eq!(step(&m), Step::FollowUps);
    // The shell's half of the briefing's effect: the write is refused (a folder is there).
    let effects = key(&mut m, Action::Right);
    assert_eq!(step(&m), Step::Briefing);
    let [Effect::Export(to, bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    bairi::shell::write_export(&mut m, to, bytes);
    let screen = support::screen(&m, 120, 30);
    assert!(!screen.contains("简报已写入"), "{screen}");
    assert!(screen.contains("导出失败"), "{screen}");
    assert!(m.review.is_some(), "the flow waits for the briefing");

    // The folder is moved away; Enter writes the briefing again.
    std::fs::remove_dir(&path).unwrap();
    let effects = key(&mut m, Action::Open);
    let [Effect::Export(to, bytes)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(to, &path);
    bairi::shell::write_export(&mut m, to, bytes);
    assert!(path.is_file());
    let screen = support::screen(&m, 120, 30);
    assert!(
        screen.contains(&format!("简报已写入:{}", path.display())),
        "{screen}"
    );
    support::press(&mut m, &[Action::Open]);
    assert!(m.review.is_none());
}

#[test]
fn esc_with_autosave_off_does_not_claim_the_edits_saved() {
    let (mut m, _dir) = support::streaks_model("2026-11-24", Lang::Zh);
    m.autosave = false;
    support::press(&mut m, &[Action::Review, Action::Open, SAVE, Action::Close]);
    assert!(m.campaign().reviews.iter().any(|r| r.checkpoint == 6));
    let said = m.message.as_ref().unwrap().text.zh.clone();
    assert!(!said.contains("已保存"), "{said}");
    assert!(said.contains("已退出督评会流程"), "{said}");
}
