//! Random interleavings of command-line edits and a board's edits on one file never lose an
//! acknowledged edit: every note whose save said "saved" is in the file at the end, once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use proptest::prelude::*;

use bairi::domain::LogEntry;
use bairi::store::file::{CampaignFile, MilestoneRef};
use bairi::store::load::Today;

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

fn note(n: usize, who: &str) -> LogEntry {
    LogEntry {
        date: support::today(),
        text: format!("{who}第{n}条"),
        by: None,
        kind: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_acknowledged_edit_is_lost(steps in prop::collection::vec(step(), 1..24)) {
        let dir = tempfile::tempdir().unwrap();
        let path = support::qinglan_copy(dir.path());
        let mut board = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
        let mut pending: Vec<String> = Vec::new();
        let mut acknowledged: Vec<String> = Vec::new();
        for (n, s) in steps.iter().enumerate() {
            match s {
                Step::BoardNote(t) => {
                    let entry = note(n, "看板");
                    pending.push(entry.text.clone());
                    board.append_log(TASKS[*t], entry).unwrap();
                }
                Step::BoardTick(t) => {
                    let _ = board.set_milestone_done(TASKS[*t], MilestoneRef::Index(0), true, support::today(), None);
                }
                Step::BoardSave => {
                    if board.save().is_ok() {
                        acknowledged.append(&mut pending);
                    }
                }
                Step::CliNote(t) => {
                    let mut cli = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
                    let entry = note(n, "命令行");
                    let text = entry.text.clone();
                    cli.append_log(TASKS[*t], entry).unwrap();
                    if cli.save().is_ok() {
                        acknowledged.push(text);
                    }
                }
                Step::CliTick(t, m) => {
                    let mut cli = CampaignFile::open(&path, Today::Date(support::today())).unwrap();
                    if cli.set_milestone_done(TASKS[*t], MilestoneRef::Index(*m), true, support::today(), None).is_ok() {
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
        prop_assert!(bairi::store::load::load_str(&text, Today::Date(support::today())).is_ok());
    }
}
