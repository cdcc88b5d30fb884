//! Interleavings of command-line edits and a board's edits on one file never lose an
//! acknowledged edit: every note whose save said "saved" is in the file at the end, once.
//! Random orders, one step after another; then real `bairi` processes and a board's saves
//! writing the same file at the same time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use proptest::prelude::*;

use std::path::Path;
use std::sync::Barrier;

use bairi::store::file::CampaignFile;
use bairi::store::load::Today;

use support::edits::{apply, note, progress, tick};
use support::today;

const TASKS: [&str; 4] = ["T01", "T02", "T05", "T09"];

#[derive(Debug, Clone)]
enum Step {
    /// The board notes on a task (kept in memory until it saves).
    BoardNote(usize),
    /// The board ticks a task's next milestone.
    BoardTick(usize),
    BoardSave,
    /// `bairi note`: open, note, save, in one go.
    CliNote(usize),
    /// `bairi tick`.
    CliTick(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..TASKS.len()).prop_map(Step::BoardNote),
        1 => (0..TASKS.len()).prop_map(Step::BoardTick),
        2 => Just(Step::BoardSave),
        3 => (0..TASKS.len()).prop_map(Step::CliNote),
        1 => (0..TASKS.len(), 0..3usize).prop_map(|(t, m)| Step::CliTick(t, m)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_acknowledged_edit_is_lost(steps in prop::collection::vec(step(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let path = support::qinglan_copy(dir.path());
        let mut board = CampaignFile::open(&path, Today::Date(today())).unwrap();
        let mut pending: Vec<String> = Vec::new();
        let mut acknowledged: Vec<String> = Vec::new();
        for (n, s) in steps.iter().enumerate() {
            match s {
                Step::BoardNote(t) => {
                    let text = format!("看板第{n}条");
                    apply(&mut board, note(TASKS[*t], &text), today(), None).unwrap();
                    pending.push(text);
                }
                Step::BoardTick(t) => {
                    let _ = apply(&mut board, tick(TASKS[*t], 0, true), today(), None);
                }
                Step::BoardSave => {
                    if board.save().is_ok() {
                        acknowledged.append(&mut pending);
                    }
                }
                Step::CliNote(t) => {
                    let mut cli = CampaignFile::open(&path, Today::Date(today())).unwrap();
                    let text = format!("命令行第{n}条");
                    apply(&mut cli, note(TASKS[*t], &text), today(), None).unwrap();
                    if cli.save().is_ok() {
                        acknowledged.push(text);
                    }
                }
                Step::CliTick(t, m) => {
                    let mut cli = CampaignFile::open(&path, Today::Date(today())).unwrap();
                    if apply(&mut cli, tick(TASKS[*t], *m, true), today(), None).is_ok() {
                        let _ = cli.save();
                    }
                }
            }
        }
        if board.save().is_ok() {
            acknowledged.append(&mut pending);
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for note in &acknowledged {
            prop_assert_eq!(text.matches(&format!("\"{note}\"")).count(), 1, "{}", note);
        }
        prop_assert!(bairi::store::load::load_str(&text, Today::Date(today())).is_ok());
    }
}

/// Runs `bairi ARGS` on `file` (with `home` for its data and config); panics unless it
/// said the edit was saved.
fn edited(home: &Path, file: &str, args: &[&str]) {
    let mut all = vec![args[0], file];
    all.extend(&args[1..]);
    all.extend(["--today", "2026-11-22"]);
    let out = support::bairi_at(home, &all);
    assert!(
        out.status.success(),
        "bairi {all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The milestones of `task` not yet done, numbered from 1 as `bairi tick` takes them.
fn undone(file: &CampaignFile, task: &str) -> Vec<usize> {
    let task = file.campaign.task(task).unwrap();
    (1..=task.milestones.len())
        .filter(|n| !task.milestones[n - 1].done)
        .collect()
}

/// Two `bairi` processes and a board write one file at the same time (released together by
/// a barrier): notes on one task from all three, ticks, and one field each on a shared task.
/// Every write that said it was saved is in the file at the end, notes once each.
#[test]
fn writers_at_the_same_time_lose_nothing() {
    const ROUNDS: usize = 6;
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let home = dir.path();
    let mut board = CampaignFile::open(&path, Today::Date(today())).unwrap();
    let ticks = undone(&board, "T05");
    assert!(!ticks.is_empty(), "T05 has milestones to tick");
    let barrier = Barrier::new(3);
    std::thread::scope(|s| {
        s.spawn(|| {
            barrier.wait();
            for n in 0..ROUNDS {
                edited(home, file, &["note", "T01", &format!("命令行甲第{n}条")]);
            }
        });
        s.spawn(|| {
            barrier.wait();
            for n in 0..ROUNDS {
                if let Some(m) = ticks.get(n) {
                    edited(home, file, &["tick", "T05", &m.to_string()]);
                }
                edited(home, file, &["note", "T02", &format!("命令行乙第{n}条")]);
                edited(
                    home,
                    file,
                    &["set", "T09", "progress", &(50 + n).to_string()],
                );
            }
        });
        barrier.wait();
        for n in 0..ROUNDS {
            apply(
                &mut board,
                note("T01", &format!("看板第{n}条")),
                today(),
                None,
            )
            .unwrap();
            let percent = u8::try_from(10 + n).unwrap();
            apply(&mut board, progress("T02", percent), today(), None).unwrap();
            board.save().unwrap();
        }
    });
    let text = std::fs::read_to_string(&path).unwrap();
    for n in 0..ROUNDS {
        for who in ["命令行甲", "命令行乙", "看板"] {
            let note = format!("\"{who}第{n}条\"");
            assert_eq!(text.matches(&note).count(), 1, "{note}");
        }
    }
    let now = CampaignFile::open(&path, Today::Date(today())).unwrap();
    assert!(
        undone(&now, "T05").iter().all(|m| !ticks.contains(m)),
        "every tick"
    );
    let last = u8::try_from(50 + ROUNDS - 1).unwrap();
    assert_eq!(now.campaign.task("T09").unwrap().progress, Some(last));
    let board_last = u8::try_from(10 + ROUNDS - 1).unwrap();
    assert_eq!(now.campaign.task("T02").unwrap().progress, Some(board_last));
}
