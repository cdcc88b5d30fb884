//! The office's command line, run as a user would: problem, resolve, set, add. Each edit is
//! checked in the file's bytes and by `bairi check` after; refusals leave the bytes alone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::Path;
use std::process::Output;

const TODAY: &str = "2026-11-22";

fn run(args: &[&str]) -> (i32, String, String) {
    let out: Output = support::bairi(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn checks(path: &Path) {
    let (code, _, err) = run(&["check", path.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn problem_prints_the_new_id_and_resolve_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = read(&path);
    let args = [
        "problem",
        file,
        "T03",
        "--text",
        "land not cleared",
        "--unit",
        "zjj",
        "--due",
        "2026-12-01",
        "--kind",
        "用地",
        "--blocking",
        "--today",
        TODAY,
        "--by",
        "lin_ht",
    ];
    let (code, out, err) = run(&args);
    assert_eq!((code, out.as_str()), (0, "T03-P1\n"), "{err}");
    let after = read(&path);
    let added = support::added_lines(&before, &after);
    for line in [
        "id = \"T03-P1\"",
        "text = \"land not cleared\"",
        "kind = \"用地\"",
        "blocking = true",
        "raised = 2026-11-22",
        "owner = \"zjj\"",
        "due = 2026-12-01",
        "resolved = false",
    ] {
        assert!(added.iter().any(|l| l == line), "{line} in {added:?}");
    }
    checks(&path);

    let resolve = [
        "resolve", file, "T03-P1", "--result", "cleared", "--today", TODAY, "--by", "lin_ht",
    ];
    let (code, out, err) = run(&resolve);
    assert_eq!((code, out.as_str()), (0, "T03-P1 resolved\n"), "{err}");
    let resolved = read(&path);
    assert!(resolved.contains("result = \"cleared\""));
    assert!(resolved.contains("by = \"lin_ht\", kind = \"问题\", text = \"T03-P1 解决:cleared\""));
    checks(&path);
    // Already so: nothing changed, exit 0, not a byte written.
    let (code, out, _) = run(&resolve);
    assert_eq!(
        (code, out.as_str()),
        (0, "nothing changed: it already was so\n")
    );
    assert_eq!(read(&path), resolved);
    // Another result for a resolved problem, or a problem no task has: refused.
    let other = [
        "resolve", file, "T03-P1", "--result", "other", "--today", TODAY,
    ];
    assert_eq!(run(&other).0, 1);
    let (code, _, err) = run(&["resolve", file, "T03-P9", "--result", "x", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no problem T03-P9"), "{err}");
    assert_eq!(read(&path), resolved);
}

#[test]
fn problem_for_an_unknown_unit_is_refused_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let before = read(&path);
    let file = path.to_str().unwrap();
    let args = [
        "problem", file, "T03", "--text", "x", "--unit", "nope", "--today", TODAY,
    ];
    let (code, out, err) = run(&args);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.contains("there is no unit nope (write its id or name)"),
        "{err}"
    );
    assert!(err.contains("zjj          县住建局"), "{err}");
    assert_eq!(read(&path), before);
}

#[test]
fn set_refuses_a_value_out_of_range_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let before = read(&path);
    let file = path.to_str().unwrap();
    let (code, _, err) = run(&["set", file, "T03", "progress", "180", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(
        err.contains("progress must be a whole number from 0 to 100, not `180`"),
        "{err}"
    );
    let zh = [
        "--lang", "zh", "set", file, "T03", "progress", "180", "--today", TODAY,
    ];
    let (code, _, err) = run(&zh);
    assert_eq!(code, 1);
    assert!(
        err.contains("进度必须是 0–100 之间的整数,`180` 不行"),
        "{err}"
    );
    let (code, _, err) = run(&["set", file, "T03", "priority", "5", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(err.contains("from 1 to 3"), "{err}");
    let (code, _, err) = run(&["set", file, "T03", "deadline", "soon", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(err.contains("`soon` is not a date"), "{err}");
    let (code, _, err) = run(&["set", file, "T03", "leader", "nobody", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no person nobody") && err.contains("lin_ht       林海涛"),
        "{err}"
    );
    let (code, _, err) = run(&["set", file, "T03", "category", "zz", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(
        err.contains("no category zz") && err.contains("民生实事"),
        "{err}"
    );
    let (code, _, err) = run(&["set", file, "T03", "colour", "red", "--today", TODAY]);
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown field `colour`") && err.contains("lead_unit"),
        "{err}"
    );
    assert_eq!(read(&path), before, "no refusal writes a byte");
}

#[test]
fn set_changes_one_line_and_the_same_value_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = read(&path);
    let (code, out, _) = run(&["set", file, "T03", "progress", "55", "--today", TODAY]);
    assert_eq!(
        (code, out.as_str()),
        (0, "nothing changed: it already was so\n")
    );
    assert_eq!(read(&path), before);
    let (code, out, err) = run(&["set", file, "T03", "progress", "70", "--today", TODAY]);
    assert_eq!((code, out.as_str()), (0, "T03: progress = 70\n"), "{err}");
    let progress = read(&path);
    let changed = support::changed_lines(&before, &progress);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        changed[0].1.split_whitespace().collect::<String>(),
        "progress=70"
    );
    for (field, value, line) in [
        ("deadline", "2026-12-05", "deadline   = 2026-12-05"),
        ("lead_unit", "jtj", "lead_unit  = \"jtj\""),
        ("priority", "1", "priority   = 1"),
    ] {
        let (code, _, err) = run(&["set", file, "T03", field, value, "--today", TODAY]);
        assert_eq!(code, 0, "{field}: {err}");
        assert!(read(&path).contains(line), "{line}");
    }
    let (code, _, err) = run(&["set", file, "T03", "start", "2026-09-05", "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(read(&path).contains("start = 2026-09-05"));
    checks(&path);
}

#[test]
fn add_prints_the_new_id_with_start_today_and_its_milestones() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let before = read(&path);
    let args = [
        "add",
        file,
        "--title",
        "New road",
        "--category",
        "xm",
        "--lead-unit",
        "jtj",
        "--deadline",
        "2026-12-05",
        "--leader",
        "lin_ht",
        "--owner",
        "chen_zy",
        "--milestone",
        "design@2026-11-30",
        "--milestone",
        "build@2026-12-05",
        "--today",
        TODAY,
        "--by",
        "lin_ht",
    ];
    let (code, out, err) = run(&args);
    assert_eq!((code, out.as_str()), (0, "T14\n"), "{err}");
    let after = read(&path);
    let added = support::added_lines(&before, &after);
    for line in [
        "id = \"T14\"",
        "title = \"New road\"",
        "start = 2026-11-22",
        "deadline = 2026-12-05",
        "lead_unit = \"jtj\"",
        "  { title = \"design\", due = 2026-11-30, done = false },",
        "  { title = \"build\", due = 2026-12-05, done = false },",
    ] {
        assert!(added.iter().any(|l| l == line), "{line} in {added:?}");
    }
    let (code, out, err) = run(&["check", file, "--today", TODAY]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("T14") && !err.contains("T14"), "{out}{err}");

    let wrong = [
        "add",
        file,
        "--title",
        "x",
        "--category",
        "xm",
        "--lead-unit",
        "jtj",
        "--deadline",
        "2026-12-05",
        "--milestone",
        "no date",
        "--today",
        TODAY,
    ];
    let (code, _, err) = run(&wrong);
    assert_eq!(code, 1);
    assert!(err.contains("should be title@date"), "{err}");
    assert_eq!(read(&path), after);
}

#[test]
fn the_new_commands_have_chinese_help_and_completions() {
    let (code, out, _) = run(&["--lang", "zh", "--help"]);
    assert_eq!(code, 0);
    for line in ["problem", "resolve", "set", "add"] {
        assert!(
            out.lines().any(|l| l.trim_start().starts_with(line)),
            "{line}"
        );
    }
    assert!(out.contains("登记问题"), "{out}");
    let (code, out, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(out.contains("resolve") && out.contains("--lead-unit"));
}
