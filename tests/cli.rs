//! The command line, run as a user would: check, report, move, tick, note.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;

use serde_json::Value;

fn report(file: &str, today: &str) -> Value {
    let out = support::bairi(&["report", file, "--format", "json", "--today", today]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn qinglan() -> String {
    support::fixture("qinglan.toml")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn qinglan_report_matches_the_expected_values() {
    let r = report(&qinglan(), "2026-11-22");
    let c = &r["campaign"];
    assert_eq!(c["phase"], "running");
    assert_eq!(
        (
            c["day"].as_i64(),
            c["days_left"].as_i64(),
            c["total"].as_i64()
        ),
        (Some(83), Some(17), Some(100))
    );
    assert_eq!(c["start"], "2026-09-01");
    assert_eq!(c["end"], "2026-12-09");
    assert_eq!(c["next_checkpoint"]["number"], 6);
    assert_eq!(c["next_checkpoint"]["date"], "2026-11-23");
    assert_eq!(c["next_checkpoint"]["days_until"], 1);
    let lights: Vec<(String, String)> = r["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_owned(),
                t["light"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expect = |id: &str| match id {
        "T02" | "T08" => "red",
        "T03" | "T06" | "T09" => "yellow",
        "T07" => "done",
        _ => "green",
    };
    assert_eq!(lights.len(), 13);
    for (id, light) in &lights {
        assert_eq!(light, expect(id), "{id}");
    }
    let t08 = &r["tasks"][7];
    assert_eq!(t08["overdue"], true);
    assert_eq!(t08["status"], "blocked");
    assert!(t08["reasons"].as_array().unwrap().len() >= 2);
    assert_eq!(r["tasks"][1]["next_milestone"]["days_until"], -2);
    assert_eq!(r["tasks"][6]["next_milestone"], Value::Null);
}

#[test]
fn qinglan_leaderboards_reproduce_the_published_reviews() {
    let r = report(&qinglan(), "2026-11-22");
    let boards = r["leaderboards"].as_array().unwrap();
    assert_eq!(boards.len(), 5, "checkpoints before 11-22");
    // The file's reviews were frozen when ties were settled by id; recomputed under the tie
    // rule (并列), tied units share a rank and every unit tied at the ⚑ line gets it
    // (checkpoints 1 and 4).
    let expected = [
        (1, 3, 4, vec!["cd", "jxj", "zjj"], vec!["jtj"], vec!["T04"]),
        (
            2,
            10,
            12,
            vec!["cd"],
            vec!["jtj", "zrj"],
            vec!["T04", "T09"],
        ),
        (
            3,
            13,
            17,
            vec!["jxj"],
            vec!["jtj", "xk"],
            vec!["T04", "T06", "T08"],
        ),
        (4, 23, 24, vec!["cd", "jxj"], vec!["zjj"], vec!["T02"]),
        (5, 29, 31, vec!["jxj"], vec!["cd", "xk"], vec!["T05", "T06"]),
    ];
    for (board, (n, done, due, flag, card, red)) in boards.iter().zip(expected) {
        assert_eq!(board["checkpoint"], n);
        assert_eq!(
            (board["done"].as_i64(), board["due"].as_i64()),
            (Some(done), Some(due)),
            "checkpoint {n}"
        );
        assert_eq!(board["red_flag"], serde_json::json!(flag), "checkpoint {n}");
        assert_eq!(
            board["yellow_card"],
            serde_json::json!(card),
            "checkpoint {n}"
        );
        assert_eq!(board["red"], serde_json::json!(red), "checkpoint {n}");
        // The example's reviews were published before an open 堵点 turned a task yellow
        // (`blocking_problem`): the yellow lists computed now name those tasks.
        let yellow: &[&str] = match n {
            2 => &["T01"],
            3 => &["T10"],
            5 => &["T02", "T08", "T09"],
            _ => &[],
        };
        assert_eq!(board["yellow"], serde_json::json!(yellow), "checkpoint {n}");
    }
    // Checkpoint 5 in full, as published in the file.
    let units: Vec<(String, i64, i64, i64, i64)> = boards[4]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let n = |k: &str| u[k].as_i64().unwrap();
            (
                u["unit"].as_str().unwrap().to_owned(),
                n("rank"),
                n("done"),
                n("due"),
                n("red_tasks"),
            )
        })
        .collect();
    let want = [
        ("jxj", 1, 6, 6, 0),
        ("zjj", 2, 5, 5, 0),
        ("jtj", 3, 4, 4, 0),
        ("fgj", 4, 2, 2, 0),
        ("jyj", 4, 2, 2, 0),
        ("zrj", 4, 2, 2, 0),
        ("cd", 7, 5, 6, 1),
        ("xk", 8, 3, 4, 1),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(u, a, b, c, d)| ((*u).to_owned(), *a, *b, *c, *d))
        .collect();
    assert_eq!(units, want);
}

#[test]
fn report_phases_before_on_the_last_day_and_after() {
    let before = report(&qinglan(), "2026-08-30");
    assert_eq!(before["campaign"]["phase"], "not_started");
    assert_eq!(before["campaign"]["starts_in"], 2);
    let last = report(&qinglan(), "2026-12-09");
    assert_eq!(last["campaign"]["phase"], "running");
    assert_eq!(last["campaign"]["last_day"], true);
    assert_eq!(last["campaign"]["days_left"], 0);
    let after = report(&qinglan(), "2026-12-12");
    assert_eq!(after["campaign"]["phase"], "ended");
    assert_eq!(after["campaign"]["ended_ago"], 3);
    assert_eq!(after["leaderboards"].as_array().unwrap().len(), 8);
}

#[test]
fn check_exit_codes_and_messages() {
    let ok = support::bairi(&["check", &qinglan()]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("OK, 0 warning(s)"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    let text = std::fs::read_to_string(qinglan())
        .unwrap()
        .replace("deadline   = 2026-12-07", "deadline   = \"next week\"");
    std::fs::write(&bad, &text).unwrap();
    let out = support::bairi(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.toml:309:14: error: [task T02] `deadline` has the wrong type"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        text,
        "check never writes"
    );
    let zh = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["check", bad.to_str().unwrap(), "--lang", "zh"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&zh.stderr).contains("错误: [任务 T02]"));
    let missing = support::bairi(&["check", "/nonexistent/x.toml"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));
    let usage = support::bairi(&["check"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn move_tick_and_note_edit_the_file_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    let refused = support::bairi(&[
        "move",
        file,
        "T02",
        "pending_signoff",
        "--today",
        "2026-11-22",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not done"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    assert!(
        support::bairi(&["tick", file, "T02", "3", "--today", "2026-11-22"])
            .status
            .success()
    );
    assert!(
        support::bairi(&["tick", file, "T02", "T02-M4", "--today", "2026-11-23"])
            .status
            .success()
    );
    assert!(
        support::bairi(&["move", file, "T02", "待销号", "--today", "2026-11-23"])
            .status
            .success()
    );
    let out = support::bairi(&[
        "note",
        file,
        "T02",
        "设备调试完成",
        "--by",
        "li_mx",
        "--today",
        "2026-11-23",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = report(file, "2026-11-23");
    assert_eq!(r["tasks"][1]["status"], "pending_signoff");
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("{ date = 2026-11-23, by = \"li_mx\", text = \"设备调试完成\" },"));
    assert!(after.contains("status     = \"待销号\""));
    assert!(dir.path().join(".bairi/qinglan.toml.bak").exists());
    let bad_status = support::bairi(&["move", file, "T02", "finished"]);
    assert_eq!(bad_status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad_status.stderr).contains("unknown status"));
}

#[test]
fn hostile_text_in_a_file_never_reaches_the_terminal_as_a_control_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("hostile.toml");
    let text = std::fs::read_to_string(qinglan()).unwrap().replacen(
        "status     = \"推进中\"",
        "status     = \"\\u001b]0;pwned\\u0007\\u001b[2J进行\"",
        1,
    );
    std::fs::write(&bad, text).unwrap();
    let out = support::bairi(&["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown status"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}

#[test]
fn restore_lists_and_puts_back_a_timestamped_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_bairi"))
            .args(args)
            .env("LANG", "en_US.UTF-8")
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .unwrap()
    };
    let original = std::fs::read_to_string(&path).unwrap();
    let empty = run(&["restore", file]);
    assert!(String::from_utf8_lossy(&empty.stdout).contains("no copies"));
    assert!(
        run(&["note", file, "T01", "第一条", "--today", "2026-11-22"])
            .status
            .success()
    );
    assert!(
        run(&["note", file, "T01", "第二条", "--today", "2026-11-22"])
            .status
            .success()
    );
    let list = run(&["restore", file]);
    let listing = String::from_utf8_lossy(&list.stdout);
    assert!(
        listing.contains("  1  ") && listing.contains("  3  "),
        "{listing}"
    );
    // Copy 1 is the newest (the current version), copy 2 the file before the second note.
    assert!(run(&["restore", file, "3"]).status.success());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "copy 3 is the original"
    );
    assert_eq!(run(&["restore", file, "9"]).status.code(), Some(1));
}

#[test]
fn an_edit_that_finds_things_already_so_says_so_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    // T01's first milestone was done on 2026-09-12, and T01 is in progress.
    for args in [
        ["tick", file, "T01", "1", "--today", "2026-11-22"],
        ["move", file, "T01", "推进中", "--today", "2026-11-22"],
    ] {
        let out = support::bairi_at(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("nothing changed"), "{args:?}: {said}");
        assert!(!said.contains("2026-11-22"), "no tick today: {said}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    assert!(
        !dir.path().join(".bairi/qinglan.toml.bak").exists(),
        "nothing was saved"
    );
    assert!(
        !dir.path().join(".bairi/qinglan.toml.copies").exists(),
        "no timestamped copy of an unchanged file"
    );
}
