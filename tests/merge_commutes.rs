//! Issue 18's property: random edits on two laptops (notes, ticks and unticks, status moves
//! the sign-off rules allow, progress, added tasks) merge through git's merge driver to the
//! same file whichever side syncs first (tasks added under one id on both differ only in
//! which keeps the id), the merged file passes `check`, and both sides' edits are in it
//! (or in a record of it, for what both changed).
//!
//! "A syncs first" means A pushes its version and B's merge driver runs with B as ours and A
//! as theirs; "B first" the other way round. Either way git then fast-forwards the side that
//! synced first, so both laptops hold that one merged file. A field changed both ways keeps
//! ours and records theirs: the two orders then differ only in which value the file holds
//! and which the record, so settling both the same way round (mine in one, theirs in the
//! other) must give the same file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use chrono::NaiveDate;
use proptest::prelude::*;

use bairi::domain::Status;
use bairi::store::edit::apply::Edit;
use bairi::store::edit::task_fields::TaskFields;
use bairi::store::file::CampaignFile;
use bairi::store::load::{Today, load_str};
use bairi::store::merge::Keep;
use bairi::store::merge::driver::{Stamp, merge_for_git};
use bairi::store::merge::recorded;

use support::dates::november as day;
use support::edits::{apply, note, progress, status, tick};

/// The tasks edited: in progress, blocked, crossed off, awaiting sign-off, not started.
const TASKS: [&str; 6] = ["T01", "T02", "T03", "T07", "T12", "T13"];
const PEOPLE: [&str; 3] = ["li_mx", "wang_lq", "zhao_dh"];
const NOTES: [&str; 4] = ["桩基验收", "钢筋进场", "设备调试", "现场办公"];

#[derive(Debug, Clone)]
enum Op {
    Note {
        task: usize,
        text: usize,
        by: usize,
    },
    Tick {
        task: usize,
        milestone: usize,
        done: bool,
    },
    Move {
        task: usize,
        status: usize,
        by: usize,
    },
    Progress {
        task: usize,
        value: u8,
    },
    AddTask {
        title: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let task = 0..TASKS.len();
    prop_oneof![
        (task.clone(), 0..NOTES.len(), 0..PEOPLE.len()).prop_map(|(task, text, by)| Op::Note {
            task,
            text,
            by
        }),
        (task.clone(), 0usize..6, any::<bool>()).prop_map(|(task, milestone, done)| Op::Tick {
            task,
            milestone,
            done
        }),
        (task.clone(), 0..Status::ALL.len(), 0..PEOPLE.len())
            .prop_map(|(task, status, by)| Op::Move { task, status, by }),
        (task, prop_oneof![Just(0u8), Just(50), Just(90), Just(100)])
            .prop_map(|(task, value)| Op::Progress { task, value }),
        (0usize..3).prop_map(|title| Op::AddTask { title }),
    ]
}

/// One laptop's edits on the campaign as it was at the last sync, on `today`; refused
/// edits are skipped, as the board refuses them.
fn edit(base: &str, ops: &[Op], today: NaiveDate) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("qinglan.toml");
    std::fs::write(&path, base).expect("write");
    let mut file = CampaignFile::open(&path, Today::Date(today)).expect("opens");
    for op in ops {
        let (edit, by) = match op {
            Op::Note { task, text, by } => (note(TASKS[*task], NOTES[*text]), Some(PEOPLE[*by])),
            Op::Tick {
                task,
                milestone,
                done,
            } => {
                let id = TASKS[*task];
                let count = file
                    .campaign
                    .task_index(id)
                    .map_or(1, |i| file.campaign.tasks[i].milestones.len().max(1));
                (tick(id, milestone % count, *done), None)
            }
            Op::Move {
                task,
                status: s,
                by,
            } => (status(TASKS[*task], Status::ALL[*s]), Some(PEOPLE[*by])),
            Op::Progress { task, value } => (progress(TASKS[*task], *value), None),
            Op::AddTask { title } => {
                let fields = TaskFields {
                    title: format!("新增任务{title}"),
                    category: "xm".into(),
                    lead_unit: Some("jxj".into()),
                    deadline: Some(day(30)),
                    ..TaskFields::default()
                };
                (Edit::AddTask(fields), None)
            }
        };
        let _ = apply(&mut file, edit, today, by);
    }
    file.text().to_owned()
}

/// What B's merge driver writes when A synced first (A's file is theirs).
fn merged(base: &str, ours: &str, theirs: &str, by: &str) -> String {
    let stamp = Stamp {
        by: Some(by),
        kept_by: None,
        date: day(22),
    };
    let (text, _) = merge_for_git(base, ours, theirs, &stamp).expect("merges");
    text
}

/// The lines where two texts part, for a readable failure.
fn same(left: &str, right: &str, what: &str) -> Result<(), TestCaseError> {
    if left == right {
        return Ok(());
    }
    let (l, r): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let at = l
        .iter()
        .zip(&r)
        .position(|(a, b)| a != b)
        .unwrap_or(l.len().min(r.len()));
    let show = |v: &[&str]| {
        v.iter()
            .skip(at.saturating_sub(3))
            .take(8)
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    };
    Err(TestCaseError::fail(format!(
        "{what}: the two orders differ at line {}:\n--- left\n{}\n--- right\n{}",
        at + 1,
        show(&l),
        show(&r)
    )))
}

fn check(text: &str, which: &str) -> Result<(), TestCaseError> {
    if let Err(rejected) = load_str(text, Today::Date(day(22))) {
        return Err(TestCaseError::fail(format!(
            "{which}: the merged file fails check: {:?}",
            rejected.diagnostics
        )));
    }
    Ok(())
}

/// The campaign in `text` with its tasks in one order and without their ids: tasks added
/// under one id on both laptops keep the id on the side that synced first, so the two
/// orders give the same tasks under swapped ids.
fn without_ids(text: &str) -> String {
    let mut campaign = load_str(text, Today::Date(day(22)))
        .expect("loads")
        .campaign;
    let mut tasks: Vec<String> = campaign
        .tasks
        .drain(..)
        .map(|mut t| {
            let prefix = format!("{}-", t.id);
            for p in &mut t.problems {
                p.id = p.id.trim_start_matches(&prefix).to_owned();
            }
            t.id.clear();
            format!("{t:?}")
        })
        .collect();
    tasks.sort();
    format!("{campaign:?}\n{}", tasks.join("\n"))
}

/// Whether both laptops added a task under one id.
fn twins(base: &str, a: &str, b: &str) -> bool {
    let ids = |t: &str| -> Vec<String> {
        let c = load_str(t, Today::Date(day(22))).expect("loads").campaign;
        c.tasks.into_iter().map(|t| t.id).collect()
    };
    let (old, a_ids) = (ids(base), ids(a));
    ids(b)
        .iter()
        .any(|id| !old.contains(id) && a_ids.contains(id))
}

/// Both orders of merging `a_ops` and `b_ops` give files that pass `check`, keep both sides'
/// edits and agree, once settled the same way round.
fn orders_agree(a_ops: &[Op], b_ops: &[Op], a_day: u32, b_day: u32) -> Result<(), TestCaseError> {
    let base = std::fs::read_to_string(support::fixture("qinglan.toml")).expect("fixture");
    let a = edit(&base, a_ops, day(a_day));
    let b = edit(&base, b_ops, day(b_day));
    // A first: B merges A in. B first: A merges B in.
    let a_first = merged(&base, &b, &a, "Site A");
    let b_first = merged(&base, &a, &b, "Site B");
    check(&a_first, "A first")?;
    check(&b_first, "B first")?;
    for merged in [&a_first, &b_first] {
        survives(&base, &a, &b, merged, "A's edits")?;
        survives(&base, &b, &a, merged, "B's edits")?;
    }
    let twins = twins(&base, &a, &b);
    let agree = |x: &str, y: &str, what: &str| {
        if twins {
            same(&without_ids(x), &without_ids(y), what)
        } else {
            same(x, y, what)
        }
    };
    let records = |t: &str| recorded::list(t).len();
    if records(&a_first) == 0 && records(&b_first) == 0 {
        return agree(&a_first, &b_first, "merged");
    }
    // Settled the same way round, the two orders agree.
    let settle = |t: &str, keep| recorded::settle(t, keep).expect("settles");
    let (b_kept, a_kept) = (settle(&a_first, Keep::Mine), settle(&b_first, Keep::Mine));
    agree(&b_kept, &settle(&b_first, Keep::Theirs), "B's values kept")?;
    agree(&a_kept, &settle(&a_first, Keep::Theirs), "A's values kept")?;
    check(&b_kept, "settled, B's values")?;
    check(&a_kept, "settled, A's values")
}

/// What `side` did to the campaign since `base` is in `merged`, or in a record there (the
/// merged file settled either way), unless `other` changed the same thing: every note it
/// added, every task it added (by title), a progress, status or milestone's tick only it
/// changed.
fn survives(
    base: &str,
    side: &str,
    other: &str,
    merged: &str,
    what: &str,
) -> Result<(), TestCaseError> {
    let load = |t: &str| load_str(t, Today::Date(day(22))).expect("loads").campaign;
    let (base, side, other) = (load(base), load(side), load(other));
    let settle = |keep| load(&recorded::settle(merged, keep).expect("settles"));
    let versions = [load(merged), settle(Keep::Mine), settle(Keep::Theirs)];
    let fail = |why: String| Err(TestCaseError::fail(format!("{what}: {why}")));
    for task in &side.tasks {
        let Some(before) = base.task(&task.id) else {
            if !versions[0].tasks.iter().any(|t| t.title == task.title) {
                return fail(format!("the task {} added is gone", task.title));
            }
            continue;
        };
        let there = |f: &dyn Fn(&bairi::domain::Task) -> bool| {
            versions.iter().any(|v| v.task(&task.id).is_some_and(f))
        };
        for note in task.log.iter().filter(|n| !before.log.contains(n)) {
            if !there(&|t| t.log.contains(note)) {
                return fail(format!("{}: the note {} is gone", task.id, note.text));
            }
        }
        let theirs = other.task(&task.id);
        if task.progress != before.progress
            && theirs.is_some_and(|t| t.progress == before.progress)
            && !there(&|t| t.progress == task.progress)
        {
            return fail(format!("{}: progress {:?} is gone", task.id, task.progress));
        }
        if task.status != before.status
            && theirs.is_some_and(|t| t.status == before.status)
            && !there(&|t| t.status == task.status)
        {
            return fail(format!("{}: status {:?} is gone", task.id, task.status));
        }
        let done = |t: &bairi::domain::Task, i: usize| t.milestones.get(i).map(|m| m.done);
        for i in 0..task.milestones.len() {
            if done(task, i) != done(before, i)
                && theirs.is_some_and(|t| done(t, i) == done(before, i))
                && !there(&|t| done(t, i) == done(task, i))
            {
                return fail(format!("{}: milestone {}'s tick is gone", task.id, i + 1));
            }
        }
    }
    Ok(())
}

/// Found by the property: B reopened T07 and crossed it off again, which writes `closed_on`
/// anew after the log; A only added a note. Each order used to keep `closed_on` where the
/// side merged into had it, so the files parted at line 500.
#[test]
fn crossed_off_again_on_one_side_merges_alike_either_way() {
    let a = [Op::Note {
        task: 3,
        text: 0,
        by: 0,
    }];
    let b = [
        Op::Move {
            task: 3,
            status: 0,
            by: 0,
        },
        Op::Move {
            task: 3,
            status: 4,
            by: 0,
        },
    ];
    orders_agree(&a, &b, 21, 21).unwrap();
}

/// Found by the property: A moved T12 back to not started and unticked a milestone; B
/// crossed it off. Merged onto B's side the task broke `check` and was kept whole; onto A's
/// it passed, but taking the recorded status gave a crossed-off task with an unticked
/// milestone. Both orders now keep the task whole, and taking it keeps its spacing.
#[test]
fn reopened_here_and_crossed_off_there_settles_alike_either_way() {
    let a = [
        Op::Move {
            task: 4,
            status: 0,
            by: 0,
        },
        Op::Tick {
            task: 4,
            milestone: 0,
            done: false,
        },
    ];
    let b = [Op::Move {
        task: 4,
        status: 4,
        by: 0,
    }];
    orders_agree(&a, &b, 21, 21).unwrap();
}

/// The property sees a lost tick: T01's fifth milestone ticked on A, a "merge" that kept
/// the tick's history note but not the tick is refused (only the tick check can see it).
#[test]
fn a_merge_that_drops_a_tick_fails_the_property() {
    let base = std::fs::read_to_string(support::fixture("qinglan.toml")).expect("fixture");
    let ticked = [Op::Tick {
        task: 0,
        milestone: 4,
        done: true,
    }];
    let a = edit(&base, &ticked, day(22));
    let line = |t: &str| {
        let at = t.find("  { title = \"2栋厂房完成基础施工\"").expect("M5");
        at..at + t[at..].find('\n').expect("its line")
    };
    let mut untick = a.clone();
    untick.replace_range(line(&a), &base[line(&base)]);
    assert_ne!(untick, a);
    let lost = survives(&base, &a, &base, &untick, "A's edits").unwrap_err();
    assert!(lost.to_string().contains("tick is gone"), "{lost}");
    survives(&base, &a, &base, &a, "A's edits").unwrap();
}

/// Found by the property: A reopened T02 and crossed T12 off; B set T02's progress and
/// reopened T12. One order kept T02's problem table as written, the other re-aligned it.
#[test]
fn a_task_moved_here_and_its_progress_set_there_keeps_its_layout_either_way() {
    let a = [
        Op::Move {
            task: 1,
            status: 0,
            by: 0,
        },
        Op::Move {
            task: 4,
            status: 4,
            by: 0,
        },
    ];
    let b = [
        Op::Progress { task: 1, value: 0 },
        Op::Move {
            task: 4,
            status: 0,
            by: 0,
        },
    ];
    orders_agree(&a, &b, 21, 21).unwrap();
}

/// Found by the property: A moved T12 back and set crossed-off T07's progress; B crossed
/// T12 off and reopened T07. Taking A's T07 from the record onto B's text put `closed_on`
/// and `closed_by`, which B's text had lost, after the log, unaligned (now fixed, see the
/// next test). Still open: the comment A's file has after `closed_on` cannot travel in the
/// record (an inline table holds no comments), so that one line still differs.
#[test]
#[ignore = "a comment on a key only one side has cannot travel in a [[conflicts]] record"]
fn a_crossed_off_task_taken_from_the_record_keeps_its_keys_where_they_were() {
    let a = [
        Op::Move {
            task: 4,
            status: 0,
            by: 0,
        },
        Op::Progress { task: 3, value: 0 },
    ];
    let b = [
        Op::Move {
            task: 4,
            status: 4,
            by: 0,
        },
        Op::Move {
            task: 3,
            status: 0,
            by: 0,
        },
    ];
    orders_agree(&a, &b, 21, 21).unwrap();
}

/// A whole task taken from a record onto a text that lacks some of its keys (`closed_on`,
/// `closed_by` of a task crossed off on the other side) writes them where that side has
/// them, aligned as the key before them: as that side's own text reads.
#[test]
fn keys_the_file_lacks_come_back_in_place_and_aligned() {
    let theirs = "[[tasks]]\nid         = \"T07\"\nprogress   = 0\nclosed_on  = 2026-11-02\nclosed_by  = \"li_mx\"\nmilestones = [\n  { title = \"a\", done = true },\n]\nlog = []\n";
    let file = "[[tasks]]\nid         = \"T07\"\nprogress   = 100\nmilestones = [\n  { title = \"a\", done = true },\n]\nlog = []\n";
    let doc: toml_edit::DocumentMut = theirs.parse().unwrap();
    let task = doc["tasks"].as_array_of_tables().unwrap().get(0).unwrap();
    let record = recorded::Record {
        task: Some("T07".into()),
        field: recorded::WHOLE_TASK.into(),
        theirs: recorded::as_value(&toml_edit::Item::Table(task.clone())),
        by: Some("Site A".into()),
        kept_by: None,
        date: day(22),
    };
    let text = recorded::append(file, &[record]);
    assert_eq!(recorded::settle(&text, Keep::Theirs).unwrap(), theirs);
}

proptest! {
    // The same 32 cases every run; PROPTEST_CASES and PROPTEST_RNG_SEED explore others.
    #![proptest_config(support::seeded::config(32, 18))]

    #[test]
    fn edits_on_two_laptops_merge_alike_whichever_syncs_first(
        a_ops in proptest::collection::vec(op(), 1..8),
        b_ops in proptest::collection::vec(op(), 1..8),
        a_day in 21u32..23,
        b_day in 21u32..23,
    ) {
        orders_agree(&a_ops, &b_ops, a_day, b_day)?;
    }
}
