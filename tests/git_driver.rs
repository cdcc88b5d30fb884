//! `bairi merge-driver` run alone, as git runs it: it writes ours and exits 0, dates a
//! conflict by the campaign's clock, and leaves other TOML files to git's line merge.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use support::git_world::{World, text as campaign_text};

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
fn other_toml_files_get_gits_own_line_merge() {
    let w = World::new(|t| t);
    let dir = w.a.clone();
    let base = "[a]\nx = 1\n\n[b]\n\n[c]\ny = 1\n";
    let ours = base.replace("x = 1", "x = 2");
    let theirs = base.replace("y = 1", "y = 3");
    let merged = w.drive_merge(&dir, [base, &ours, &theirs], "Cargo.toml");
    assert_eq!(merged, ours.replace("y = 1", "y = 3"));
}
