//! `bairi sync` against real git: a bare remote and two clones in a temp dir, edits on both
//! sides (from the command line and the board), syncs both ways; both clones end with
//! byte-identical files that pass `check`. No global git config is read. The same field
//! changed both ways is in git_conflicts.rs, the merge driver alone in git_driver.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::model::Model;
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

use std::path::Path;

use bairi::store::edit::apply::Edit;
use support::edits::apply;
use support::git_rounds::{in_task, task_block};
use support::git_world::{TODAY, World, change, git, text as campaign_text};

#[test]
fn notes_on_the_same_task_from_both_sides_both_stay() {
    let w = World::new(|t| t);
    w.edit(&w.a, &["note", "qinglan.toml", "T01", "甲地:桩基验收"]);
    w.edit(&w.b, &["note", "qinglan.toml", "T01", "乙地:钢筋进场"]);
    let (text, check) = w.round();
    let t01 = in_task(&text, "T01");
    assert!(t01.contains("甲地:桩基验收") && t01.contains("乙地:钢筋进场"));
    assert!(!check.contains("冲突"), "{check}");
}

#[test]
fn ticks_on_neighbouring_milestones_both_stay() {
    let w = World::new(|t| t);
    w.edit(&w.a, &["tick", "qinglan.toml", "T02", "3"]);
    w.edit(&w.b, &["tick", "qinglan.toml", "T02", "4"]);
    let (text, _) = w.round();
    let t02 = in_task(&text, "T02");
    assert!(!t02.contains("done = false"), "{t02}");
    assert!(!t02.contains(" ,"), "spaced as bairi writes it: {t02}");
    assert!(!text.contains("[[conflicts]]"));
}

#[test]
fn a_move_on_one_side_arrives_with_a_summary() {
    let w = World::new(|t| t);
    w.edit(&w.a, &["move", "qinglan.toml", "T03", "blocked"]);
    w.edit(&w.b, &["note", "qinglan.toml", "T04", "乙地记录"]);
    w.sync(&w.a);
    let log = git(&w.home, &w.a, &["log", "-2", "--format=%s"]);
    assert!(log.contains("T03 推进中→受阻"), "{log}");
    let said = w.sync(&w.b);
    assert!(
        said.contains("T03 推进中→受阻") && said.contains("1条记录"),
        "{said}"
    );
    let (text, _) = w.round();
    assert!(in_task(&text, "T03").contains("status     = \"受阻\""));
}

#[test]
fn a_task_added_on_each_side_both_arrive() {
    let w = World::new(|t| t);
    let add = |id: &str| {
        let id = id.to_owned();
        move |mut t: String| {
            let at = task_block(&t, "T02").start;
            let _ = at;
            t.push_str(&format!(
                "\n[[tasks]]\nid = \"{id}\"\ntitle = \"新增{id}\"\ncategory = \"xm\"\nleader = \"chen_zy\"\nlead_unit = \"jxj\"\nowner = \"wang_lq\"\ndeadline = 2026-12-01\nmilestones = [{{ title = \"开工\", due = 2026-11-30, done = false }}]\n"
            ));
            t
        }
    };
    // Appended at the very end, after the reviews: the new tables belong to [[tasks]] still.
    change(&w.a, add("T90"));
    change(&w.b, add("T91"));
    let (text, _) = w.round();
    assert!(text.contains("id = \"T90\"") && text.contains("id = \"T91\""));
}

fn deleted_on_one_side_changed_on_the_other(delete_first: bool) {
    let w = World::new(|t| t);
    let (deleter, editor) = if delete_first {
        (&w.a, &w.b)
    } else {
        (&w.b, &w.a)
    };
    // T03 is on no published review: deleting it leaves a file that passes check.
    change(deleter, |mut t| {
        let r = task_block(&t, "T03");
        t.replace_range(r, "");
        t
    });
    w.edit(editor, &["note", "qinglan.toml", "T03", "乙地仍在推进"]);
    let (text, check) = w.round();
    assert!(text.contains("乙地仍在推进"), "nothing lost");
    assert!(text.contains("field = \"(task)\""), "{text}");
    assert!(check.contains("T03"), "{check}");
}

#[test]
fn a_task_deleted_there_and_changed_here_is_kept_and_recorded() {
    deleted_on_one_side_changed_on_the_other(true);
}

#[test]
fn a_task_deleted_here_and_changed_there_is_kept_and_recorded() {
    deleted_on_one_side_changed_on_the_other(false);
}

#[test]
fn a_crlf_file_stays_crlf() {
    let w = World::new(|t| t.replace('\n', "\r\n"));
    w.edit(&w.a, &["note", "qinglan.toml", "T01", "甲"]);
    w.edit(&w.b, &["tick", "qinglan.toml", "T02", "3"]);
    w.edit(&w.b, &["note", "qinglan.toml", "T01", "乙"]);
    let (text, _) = w.round();
    assert!(text.contains("甲") && text.contains("乙"));
    let lone = text
        .match_indices('\n')
        .filter(|(i, _)| !text[..*i].ends_with('\r'))
        .count();
    assert_eq!(lone, 0, "every line ends CRLF");
}

#[test]
fn an_offline_sync_keeps_the_commit_and_a_later_one_finishes() {
    let w = World::new(|t| t);
    w.edit(&w.a, &["note", "qinglan.toml", "T05", "离线记录"]);
    let away = w.remote.with_extension("away");
    std::fs::rename(&w.remote, &away).expect("unplug");
    let out = w.bairi(&w.a, &["sync", "qinglan.toml", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    let log = git(&w.home, &w.a, &["log", "-1", "--format=%s"]);
    assert!(log.contains("1条记录"), "the local commit stays: {log}");
    std::fs::rename(&away, &w.remote).expect("plug in");
    w.sync(&w.a);
    let (text, _) = w.round();
    assert!(text.contains("离线记录"));
}

#[test]
fn a_detached_head_is_refused_with_what_to_do_and_nothing_changed() {
    let w = World::new(|t| t);
    w.edit(&w.a, &["note", "qinglan.toml", "T01", "游离时的记录"]);
    let head = git(&w.home, &w.a, &["rev-parse", "HEAD"]);
    git(&w.home, &w.a, &["switch", "-q", "--detach", "HEAD"]);
    let status = git(&w.home, &w.a, &["status", "--porcelain"]);
    let config = std::fs::read_to_string(w.a.join(".git/config")).expect("config");
    let refused = |lang: &str| {
        let out = w.bairi_with(
            &w.a,
            &[("LANG", lang)],
            &["sync", "qinglan.toml", "--today", TODAY],
        );
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!said.contains("fatal"), "no raw git error: {said}");
        assert_eq!(said.trim().lines().count(), 1, "{said}");
        said
    };
    // `main` points at the commit: the advice names it.
    let short = &head[..7];
    let zh = refused("zh_CN.UTF-8");
    assert!(
        zh.contains(&format!("游离 HEAD 状态(停在提交 {short}"))
            && zh.contains("git switch main")
            && zh.contains("什么都没有改动"),
        "{zh}"
    );
    let en = refused("en_US.UTF-8");
    assert!(
        en.contains(&format!("on a detached HEAD (at commit {short}"))
            && en.contains("git switch main")
            && en.contains("nothing was changed"),
        "{en}"
    );
    // Nothing committed, staged or set up.
    assert_eq!(git(&w.home, &w.a, &["rev-parse", "HEAD"]), head);
    assert_eq!(git(&w.home, &w.a, &["status", "--porcelain"]), status);
    let after = std::fs::read_to_string(w.a.join(".git/config")).expect("config");
    assert_eq!(after, config);
    // A commit made while detached, which no branch points at: the advice is generic.
    git(
        &w.home,
        &w.a,
        &["commit", "-q", "--allow-empty", "-m", "游离"],
    );
    let there = git(&w.home, &w.a, &["rev-parse", "HEAD"]);
    assert!(refused("en_US.UTF-8").contains("git switch <branch> first"));
    assert!(refused("zh_CN.UTF-8").contains("先 git switch <分支> 回到分支"));
    assert_eq!(git(&w.home, &w.a, &["rev-parse", "HEAD"]), there);
    assert_eq!(git(&w.home, &w.a, &["status", "--porcelain"]), status);
    // Back on the branch, the note goes out.
    git(&w.home, &w.a, &["switch", "-q", "main"]);
    w.sync(&w.a);
    let (text, _) = w.round();
    assert!(in_task(&text, "T01").contains("游离时的记录"));
}

#[test]
fn the_board_header_shows_what_waits_for_a_sync() {
    use bairi::app::keymap::Keymap;
    use bairi::ui::theme::Theme;
    use bairi::ui::{Ctx, render};
    use chrono::TimeZone;
    use ratatui::{Terminal, backend::TestBackend};

    let w = World::new(|t| t);
    let path = w.a.join("qinglan.toml");
    let status = bairi::sync::status::unsynced(&path);
    assert_eq!(
        status.map(bairi::sync::status::Unsynced::count),
        Some(0),
        "all synced"
    );
    w.edit(&w.a, &["note", "qinglan.toml", "T01", "未提交"]);
    // The board runs git from the campaign's folder, as the test's git does.
    let status = bairi::sync::status::unsynced(&path).expect("a bairi repository");
    assert_eq!((status.ahead, status.changed), (0, true));
    git(&w.home, &w.a, &["commit", "-qam", "local"]);
    let status = bairi::sync::status::unsynced(&path).expect("a bairi repository");
    assert_eq!((status.ahead, status.changed), (1, false));
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let file = CampaignFile::open(&path, Today::Date(day)).expect("opens");
    let mut model = Model::new(file, day, bairi::i18n::Lang::Zh);
    model.unsynced = Some(status);
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).expect("terminal");
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap();
    let (theme, keymap) = (Theme::default(), Keymap::default());
    terminal
        .draw(|frame| {
            let ctx = Ctx {
                model: &model,
                theme: &theme,
                keymap: &keymap,
                now,
            };
            render(frame, &ctx);
        })
        .expect("draws");
    let screen = support::buffer_text(terminal.backend().buffer());
    assert!(screen.contains("↑1 未同步"), "{screen}");
}

#[test]
fn y_on_the_board_syncs_and_shows_what_came_in() {
    let w = World::new(|t| t);
    w.edit(&w.b, &["note", "qinglan.toml", "T01", "来自乙地的记录"]);
    w.sync(&w.b);
    let path = w.a.join("qinglan.toml");
    let path_env = std::env::var("PATH").unwrap_or_default();
    let mut term = support::pty::Term::spawn(
        &[path.to_str().expect("utf-8"), "--today", TODAY],
        120,
        40,
        &w.home,
        &[
            ("PATH", path_env.as_str()),
            ("GIT_CONFIG_GLOBAL", "/dev/null"),
            ("GIT_CONFIG_NOSYSTEM", "1"),
        ],
    );
    term.wait_for("▶智能装备园一期");
    term.send("Y");
    term.wait_for("已同步");
    assert!(term.screen().contains("1条记录"), "{}", term.screen());
    assert!(campaign_text(&w.a).contains("来自乙地的记录"));
    term.send("q");
    assert!(term.wait_exit(), "{}", term.screen());
}

/// A task added as the board adds one (`a`): it takes the next free id, `T14` on both laptops.
fn add_on_the_board(dir: &Path, title: &str) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut file = CampaignFile::open(&dir.join("qinglan.toml"), Today::Date(day)).expect("opens");
    let id = apply(
        &mut file,
        Edit::AddTask(bairi::store::edit::task_fields::TaskFields {
            title: title.to_owned(),
            category: "xm".into(),
            lead_unit: Some("jxj".into()),
            deadline: Some(day),
            ..Default::default()
        }),
        day,
        None,
    )
    .map(|m| m.id())
    .expect("added");
    file.save().expect("saved");
    id
}

fn a_task_added_on_each_board_both_arrive(outside_too: bool) {
    let w = World::new(|t| t);
    assert_eq!(add_on_the_board(&w.a, "甲地新增任务"), "T14");
    assert_eq!(add_on_the_board(&w.b, "乙地新增任务"), "T14");
    if outside_too {
        // A change before the tasks: the whole documents are merged.
        change(&w.b, |t| {
            t.replacen("通堵点 破难点", "通堵点 破难点 促落实", 1)
        });
    }
    let (text, check) = w.round();
    assert!(
        text.contains("甲地新增任务") && text.contains("乙地新增任务"),
        "both tasks kept"
    );
    assert!(text.contains("id = \"T14\"") && text.contains("id = \"T15\""));
    assert!(
        !text.contains("[[conflicts]]"),
        "nothing to settle: {check}"
    );
}

#[test]
fn a_task_added_on_each_board_under_the_same_new_id_both_arrive() {
    a_task_added_on_each_board_both_arrive(false);
}

#[test]
fn a_task_added_on_each_board_arrives_when_settings_changed_too() {
    a_task_added_on_each_board_both_arrive(true);
}
