//! `bairi sync` and `bairi merge-driver` against real git: a bare remote and two clones in a
//! temp dir, edits on both sides, syncs both ways; both clones end with byte-identical files
//! that pass `check`. No global git config is read.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::app::action::Action;
use bairi::app::model::{Model, View};
use bairi::app::update::{Effect, update};
use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

use std::path::Path;

use bairi::store::edit::apply::Edit;
use support::edits::apply;
use support::git_world::{TODAY, World, change, git, text as campaign_text};

/// What these tests ask of the two clones beyond the shared world.
trait Rounds {
    fn drive_merge(&self, dir: &Path, sides: [&str; 3], name: &str) -> String;
    fn round(&self) -> (String, String);
}

impl Rounds for World {
    /// `bairi merge-driver` alone in `dir` on the base, ours and theirs of file `name`, as git
    /// runs it; it must succeed. Returns what it left in ours.
    fn drive_merge(&self, dir: &Path, [base, ours, theirs]: [&str; 3], name: &str) -> String {
        for (file, text) in [("o", base), ("a", ours), ("b", theirs)] {
            std::fs::write(dir.join(file), text).expect("write");
        }
        let out = self.bairi(dir, &["merge-driver", "o", "a", "b", name]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(dir.join("a")).expect("read")
    }

    /// A syncs, B syncs, A syncs: both hold the same bytes, which check; returns them and
    /// what `check` said.
    fn round(&self) -> (String, String) {
        self.sync(&self.a);
        self.sync(&self.b);
        self.sync(&self.a);
        let (ta, tb) = (campaign_text(&self.a), campaign_text(&self.b));
        assert!(ta == tb, "the clones differ");
        assert!(!ta.contains("<<<<<<<") && !ta.contains(">>>>>>>"));
        let out = self.bairi(&self.a, &["check", "qinglan.toml", "--today", TODAY]);
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "check: {said}");
        (ta, said)
    }
}

/// The text of task `id` (to the next task).
fn task_block(text: &str, id: &str) -> std::ops::Range<usize> {
    let marker = format!("[[tasks]]\nid         = \"{id}\"");
    let start = text.find(&marker).expect("task present");
    let end = text[start + 9..]
        .find("\n[[tasks]]\n")
        .map_or(text.len(), |i| start + 9 + i + 1);
    start..end
}

fn in_task<'t>(text: &'t str, id: &str) -> &'t str {
    &text[task_block(text, id)]
}

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
fn the_same_field_both_ways_is_recorded_listed_and_settled() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    w.sync(&w.b);
    let text = campaign_text(&w.b);
    // B merged A's change in: B's value stays, A's is recorded.
    assert!(in_task(&text, "T01").contains("progress   = 90"));
    assert!(
        text.contains(
            "[[conflicts]]\ntask = \"T01\"\nfield = \"progress\"\ntheirs = 85\nby = \"Site A\"\n"
        ),
        "{text}"
    );
    let (text, check) = w.round();
    assert!(
        check.contains("qinglan.toml:") && check.contains("T01") && check.contains("progress"),
        "{check}"
    );
    let _ = text;
    // Settled on the board at A (t: take theirs), synced: the record is gone everywhere.
    take_theirs_on_the_board(&w.a);
    assert!(in_task(&campaign_text(&w.a), "T01").contains("progress   = 85"));
    let (text, check) = w.round();
    assert!(
        !text.contains("[[conflicts]]") && !check.contains("progress"),
        "{check}"
    );
}

/// T12 (待销号) crossed off at A and moved back to 推进中 at B: the status is recorded both
/// ways. Settled at `site` keeping `key`'s side, the task is coherent: a task not crossed off
/// has no `closed_on`/`closed_by`, a crossed-off one has both, and `check` passes.
/// With `b_first`, B's move reaches the remote first and A merges it (the file keeps A's
/// crossing off, the record B's status); else B merges A's.
fn settle_crossed_off_against_reopened(b_first: bool, site: char, key: char) -> String {
    let w = World::new(|t| t);
    w.edit(
        &w.a,
        &["move", "qinglan.toml", "T12", "done", "--by", "li_mx"],
    );
    w.edit(
        &w.b,
        &[
            "move",
            "qinglan.toml",
            "T12",
            "in_progress",
            "--by",
            "zhao_dh",
        ],
    );
    if b_first {
        w.sync(&w.b);
    }
    w.round();
    let dir = if site == 'a' { &w.a } else { &w.b };
    settle_on_the_board(dir, key);
    let (text, check) = w.round();
    assert!(!text.contains("[[conflicts]]"), "{check}");
    let t12 = in_task(&text, "T12").to_owned();
    let done = t12.contains("status     = \"done\"") || t12.contains("status     = \"已销号\"");
    let closed = (t12.contains("closed_on"), t12.contains("closed_by"));
    assert_eq!(closed, (done, done), "coherent after settling:\n{t12}");
    t12
}

#[test]
fn settling_a_status_conflict_either_way_leaves_a_coherent_task() {
    let mut statuses = Vec::new();
    for b_first in [false, true] {
        for site in ['a', 'b'] {
            for key in ['m', 't'] {
                let t12 = settle_crossed_off_against_reopened(b_first, site, key);
                statuses.push(t12.contains("已销号") || t12.contains("\"done\""));
            }
        }
    }
    // Each site may keep either side: both outcomes are reachable.
    assert!(
        statuses.contains(&true) && statuses.contains(&false),
        "{statuses:?}"
    );
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
fn the_driver_alone_writes_ours_and_exits_zero() {
    let w = World::new(|t| t);
    let dir = w.a.clone();
    let base = campaign_text(&dir);
    let ours = base.replacen("progress   = 80", "progress   = 81", 1);
    let theirs = base.replacen("progress   = 62", "progress   = 70", 1);
    let merged = w.drive_merge(&dir, [&base, &ours, &theirs], "qinglan.toml");
    assert_eq!(
        merged,
        base.replacen("progress   = 80", "progress   = 81", 1)
            .replacen("progress   = 62", "progress   = 70", 1)
    );
}

#[test]
fn the_driver_dates_a_conflict_by_the_one_clock_in_the_campaigns_zone() {
    let w = World::new(|t| t);
    let dir = w.a.clone();
    let base = campaign_text(&dir);
    let ours = base.replacen("progress   = 80", "progress   = 85", 1);
    let theirs = base.replacen("progress   = 80", "progress   = 90", 1);
    for (name, text) in [("o", &base), ("a", &ours), ("b", &theirs)] {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let driver = |envs: &[(&str, &str)]| {
        std::fs::write(dir.join("a"), &ours).expect("write");
        let out = w.bairi_with(&dir, envs, &["merge-driver", "o", "a", "b", "qinglan.toml"]);
        (out, std::fs::read_to_string(dir.join("a")).expect("read"))
    };
    let recorded = |date: &str| format!("field = \"progress\"\ntheirs = 90\ndate = {date}\n");
    // 20:00 UTC on the 22nd is already the 23rd in Asia/Shanghai.
    let at_eight = ("BAIRI_NOW", "2026-11-22T20:00:00Z");
    let (out, merged) = driver(&[at_eight]);
    assert!(out.status.success(), "{out:?}");
    assert!(merged.contains(&recorded("2026-11-23")), "{merged}");
    // A day pinned by `bairi sync --today` wins over the clock.
    let (out, merged) = driver(&[at_eight, ("BAIRI_MERGE_TODAY", "2026-10-01")]);
    assert!(out.status.success(), "{out:?}");
    assert!(merged.contains(&recorded("2026-10-01")), "{merged}");
    // An unreadable day is left to git, never the clock's day.
    let (out, merged) = driver(&[("BAIRI_MERGE_TODAY", "next week")]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("BAIRI_MERGE_TODAY=next week"));
    assert_eq!(merged, ours, "ours left as it was");
}

#[test]
fn a_sync_with_today_pinned_dates_its_conflicts_that_day() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    let out = w.bairi(&w.b, &["sync", "qinglan.toml", "--today", "2026-10-01"]);
    assert!(out.status.success(), "{out:?}");
    let text = campaign_text(&w.b);
    assert!(
        text.contains("theirs = 85\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-10-01\n"),
        "{text}"
    );
}

#[test]
fn a_sync_on_the_clock_dates_its_conflicts_in_the_campaigns_zone() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    let out = w.bairi_with(
        &w.b,
        &[("BAIRI_NOW", "2026-11-22T20:00:00Z")],
        &["sync", "qinglan.toml"],
    );
    assert!(out.status.success(), "{out:?}");
    let text = campaign_text(&w.b);
    assert!(
        text.contains("theirs = 85\nby = \"Site A\"\nkept_by = \"Site B\"\ndate = 2026-11-23\n"),
        "{text}"
    );
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
fn other_toml_files_get_gits_own_line_merge() {
    let w = World::new(|t| t);
    let dir = w.a.clone();
    let base = "[a]\nx = 1\n\n[b]\n\n[c]\ny = 1\n";
    let ours = base.replace("x = 1", "x = 2");
    let theirs = base.replace("y = 1", "y = 3");
    let merged = w.drive_merge(&dir, [base, &ours, &theirs], "Cargo.toml");
    assert_eq!(merged, ours.replace("y = 1", "y = 3"));
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

#[test]
fn crossed_off_here_and_a_milestone_unticked_there_leaves_a_valid_file_to_settle() {
    // T12 awaits sign-off. A takes it back and unticks a milestone; B crosses it off. Each
    // file is valid; merged field by field it would be crossed off with a milestone undone.
    let w = World::new(|t| t);
    w.edit(&w.a, &["move", "qinglan.toml", "T12", "in_progress"]);
    w.edit(&w.a, &["tick", "qinglan.toml", "T12", "4", "--undo"]);
    w.edit(
        &w.b,
        &["move", "qinglan.toml", "T12", "done", "--by", "li_mx"],
    );
    let (text, check) = w.round();
    assert!(
        text.contains("task = \"T12\"\nfield = \"(task)\""),
        "{text}"
    );
    assert!(check.contains("T12"), "{check}");
    // Either version, taken from the board, is a valid file.
    take_theirs_on_the_board(&w.a);
    let (text, _) = w.round();
    assert!(!text.contains("[[conflicts]]"));
}

/// The same field changed on both sides: T01's progress, 80, set to 85 at A and to 90 at B.
fn progress_85_at_a_and_90_at_b(w: &World) {
    change(&w.a, |t| {
        t.replacen("progress   = 80", "progress   = 85", 1)
    });
    change(&w.b, |t| {
        t.replacen("progress   = 80", "progress   = 90", 1)
    });
}

/// Opens the board (in English) on the campaign in `dir`, which asks at once to settle its
/// conflicts, and settles them as the board does with `t` (take theirs), saving.
fn take_theirs_on_the_board(dir: &Path) {
    settle_on_the_board(dir, 't');
}

/// The same, settled with `key` (`m` keep mine, `t` take theirs).
fn settle_on_the_board(dir: &Path, key: char) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let file = CampaignFile::open(&dir.join("qinglan.toml"), Today::Date(day)).expect("opens");
    let mut model = Model::new(file, day, bairi::i18n::Lang::En);
    assert_eq!(model.view, View::Conflicts, "asked on open");
    assert_eq!(
        update(&mut model, Action::Type(key), day),
        vec![Effect::Save]
    );
    assert!(support::save_now(&mut model), "saved");
}

/// The records name who merged (`kept_by`), so the laptop that did not merge, reading them
/// as its git user, sees its own value as "mine": `m` there keeps it.
#[test]
fn the_laptop_that_did_not_merge_reads_the_record_as_its_own() {
    let w = World::new(|t| t);
    progress_85_at_a_and_90_at_b(&w);
    w.sync(&w.a);
    w.sync(&w.b);
    let text = campaign_text(&w.b);
    assert!(
        text.contains("by = \"Site A\"\nkept_by = \"Site B\"\n"),
        "{text}"
    );
    w.sync(&w.a);
    let path = w.a.join("qinglan.toml");
    let file = CampaignFile::open(&path, Today::Date(support::day(TODAY))).unwrap();
    let mut m = Model::new(file, support::day(TODAY), bairi::i18n::Lang::En);
    m.me = vec![
        git(&w.home, &w.a, &["config", "user.name"])
            .trim()
            .to_owned(),
    ];
    assert_eq!(m.view, View::Conflicts);
    let shown = support::screen(&m, 100, 30);
    assert!(
        shown.contains("mine (Site A) 85 · theirs (Site B) 90"),
        "{shown}"
    );
    update(&mut m, Action::Type('m'), support::day(TODAY));
    let t01 = m.campaign().tasks.iter().find(|t| t.id == "T01").unwrap();
    assert_eq!(t01.progress, Some(85), "Site A kept its own value");
}
