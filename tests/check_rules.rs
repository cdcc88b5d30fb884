//! Every validation error and warning of format 1, each at its line, in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

use chrono::NaiveDate;

use bairi::store::diag::{Diagnostic, Severity};
use bairi::store::load::{Today, load_bytes, load_str};

const BASE: &str = r#"schema_version = 1

[campaign]
name = "测试活动"
start = 2026-09-01
days = 100
timezone = "Asia/Shanghai"

[[categories]]
id = "xm"
name = "重点项目"

[[units]]
id = "u1"
name = "一号单位"

[[units]]
id = "u2"
name = "二号单位"

[[people]]
id = "p1"
name = "张三"

[[people]]
id = "p2"
name = "李四"

[[tasks]]
id = "T01"
title = "任务一"
category = "xm"
leader = "p1"
lead_unit = "u1"
owner = "p2"
status = "in_progress"
deadline = 2026-11-30
milestones = [
  { title = "节点一", due = 2026-10-01, done = true, done_on = 2026-09-30 },
  { title = "节点二", due = 2026-11-30, done = false },
]
"#;

fn today() -> Today {
    Today::Date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
}

/// The 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    text[..at].matches('\n').count() + 1
}

fn findings(text: &str) -> (bool, Vec<Diagnostic>) {
    match load_str(text, today()) {
        Ok(loaded) => (true, loaded.warnings),
        Err(rejected) => (false, rejected.diagnostics),
    }
}

/// Asserts exactly one finding of `severity` whose English message holds `words`, on the
/// line of `at`; both languages and (for errors) a hint present.
fn expect(text: &str, severity: Severity, at: &str, words: &str) {
    let (loaded, list) = findings(text);
    assert_eq!(loaded, severity == Severity::Warning, "{list:#?}");
    let hits: Vec<&Diagnostic> = list
        .iter()
        .filter(|d| d.severity == severity && d.message.en.contains(words))
        .collect();
    assert_eq!(hits.len(), 1, "`{words}` in {list:#?}");
    let d = hits[0];
    assert_eq!(d.line, line_of(text, at), "{d:#?}");
    assert!(d.column >= 1);
    assert!(!d.message.zh.is_empty() && d.message.zh != d.message.en);
    if severity == Severity::Error {
        assert!(d.hint.is_some(), "{d:#?}");
    }
}

/// The English hint of the first finding (it must have one).
fn first_hint(list: &[Diagnostic]) -> &str {
    &list[0].hint.as_ref().unwrap().en
}

fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from}");
    BASE.replacen(from, to, 1)
}

fn plus(extra: &str) -> String {
    format!("{BASE}{extra}")
}

const TASK2: &str = "\n[[tasks]]\nid = \"T02\"\ntitle = \"任务二\"\ncategory = \"xm\"\nleader = \"p1\"\nlead_unit = \"u2\"\nowner = \"p1\"\ndeadline = 2026-11-30\nmilestones = [ { title = \"甲\", due = 2026-11-01, done = false } ]\n";

#[test]
fn the_base_loads_clean() {
    let (loaded, list) = findings(BASE);
    assert!(loaded && list.is_empty(), "{list:#?}");
}

#[test]
fn not_toml() {
    let text = with("name = \"一号单位\"", "name = \"一号单位");
    expect(
        &text,
        Severity::Error,
        "name = \"一号单位",
        "not valid TOML",
    );
}

#[test]
fn wrong_types() {
    expect(
        &with("deadline = 2026-11-30", "deadline = \"next week\""),
        Severity::Error,
        "deadline = \"next",
        "wrong type",
    );
    let t = with("owner = \"p2\"", "owner = \"p2\"\nprogress = \"80%\"");
    expect(
        &t,
        Severity::Error,
        "progress =",
        "`progress` has the wrong type",
    );
    let t = with("done = false }", "done = \"yes\" }");
    expect(
        &t,
        Severity::Error,
        "done = \"yes\"",
        "`done` has the wrong type",
    );
    let t = with("deadline = 2026-11-30", "deadline = \"2026-11-30\"");
    let (_, list) = findings(&t);
    assert!(first_hint(&list).contains("remove the quotes"));
}

#[test]
fn missing_required_keys() {
    expect(
        &with("deadline = 2026-11-30\n", ""),
        Severity::Error,
        "[[tasks]]",
        "missing required key `deadline`",
    );
    expect(
        &with("title = \"任务一\"\n", ""),
        Severity::Error,
        "[[tasks]]",
        "missing required key `title`",
    );
    expect(
        &with("category = \"xm\"\n", ""),
        Severity::Error,
        "[[tasks]]",
        "missing required key `category`",
    );
    expect(
        &with("name = \"测试活动\"\n", ""),
        Severity::Error,
        "[campaign]",
        "missing required key `name`",
    );
    expect(
        &with("start = 2026-09-01\n", ""),
        Severity::Error,
        "[campaign]",
        "missing required key `start`",
    );
    expect(
        &with(", due = 2026-11-30, done = false", ", done = false"),
        Severity::Error,
        "{ title = \"节点二\"",
        "missing required key `due`",
    );
    expect(
        &with("schema_version = 1\n", ""),
        Severity::Error,
        "",
        "missing required key `schema_version`",
    );
    let t = plus(
        "\n[[tasks.problems]]\ntext = \"无编号\"\nraised = 2026-11-01\nresolved = false\ndue = 2026-11-30\n",
    );
    expect(
        &t,
        Severity::Error,
        "[[tasks.problems]]",
        "missing required key `id`",
    );
}

#[test]
fn duplicate_ids() {
    expect(
        &plus(&TASK2.replace("T02", "T01")),
        Severity::Error,
        "id = \"T01\"\ntitle = \"任务二",
        "duplicate task id `T01`",
    );
    expect(
        &with("id = \"u2\"", "id = \"u1\""),
        Severity::Error,
        "id = \"u1\"\nname = \"二号",
        "duplicate unit id `u1`",
    );
    let t = with(
        "{ title = \"节点二\",",
        "{ id = \"T01-M1\", title = \"节点二\",",
    );
    expect(
        &t,
        Severity::Error,
        "{ id = \"T01-M1\"",
        "duplicate milestone id",
    );
    let p = "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = false\ndue = 2026-11-30\n";
    let t = plus(&format!("{p}{p}"));
    let second = t.rfind("id = \"P1\"").unwrap();
    let (_, list) = findings(&t);
    let d = list
        .iter()
        .find(|d| d.message.en.contains("duplicate problem id"))
        .unwrap();
    assert_eq!(d.line, t[..second].matches('\n').count() + 1);
}

#[test]
fn references_that_do_not_resolve() {
    expect(
        &with("category = \"xm\"", "category = \"zz\""),
        Severity::Error,
        "category = \"zz\"",
        "category `zz`",
    );
    expect(
        &with("lead_unit = \"u1\"", "lead_unit = \"u9\""),
        Severity::Error,
        "lead_unit = \"u9\"",
        "unit `u9`",
    );
    expect(
        &with("leader = \"p1\"", "leader = \"p9\""),
        Severity::Error,
        "leader = \"p9\"",
        "person `p9`",
    );
    expect(
        &with("owner = \"p2\"", "owner = \"p9\""),
        Severity::Error,
        "owner = \"p9\"",
        "person `p9`",
    );
    expect(
        &with(
            "lead_unit = \"u1\"",
            "lead_unit = \"u1\"\nco_units = [\"u2\", \"u7\"]",
        ),
        Severity::Error,
        "co_units",
        "unit `u7`",
    );
    expect(
        &with("done = false }", "done = false, unit = \"u8\" }"),
        Severity::Error,
        "unit = \"u8\"",
        "unit `u8`",
    );
    let t = with(
        "owner = \"p2\"",
        "owner = \"p2\"\nlog = [ { date = 2026-11-01, by = \"p7\", text = \"记录\" } ]",
    );
    expect(&t, Severity::Error, "log = [", "person `p7`");
    let t = plus(
        "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = false\ndue = 2026-11-30\nowner = \"u5\"\n",
    );
    expect(&t, Severity::Error, "owner = \"u5\"", "unit `u5`");
    let t = plus(
        "\n[[commitments]]\nunit = \"u1\"\nmade_on = 2026-11-09\ntext = \"承诺\"\ndue = 2026-11-15\nkept = false\ntask = \"T55\"\n",
    );
    expect(&t, Severity::Error, "task = \"T55\"", "task `T55`");
    let t = plus(
        "\n[[reviews]]\ncheckpoint = 1\ndate = 2026-09-14\nkind = \"竞赛\"\noverall_rate = 100\nred = [\"T66\"]\n",
    );
    expect(&t, Severity::Error, "red = [\"T66\"]", "task `T66`");
}

#[test]
fn campaign_dates() {
    expect(
        &with("days = 100", "days = 100\nend = 2026-12-31"),
        Severity::Error,
        "end = 2026-12-31",
        "disagree",
    );
    let (ok, list) = findings(&with("days = 100", "days = 100\nend = 2026-12-09"));
    assert!(ok, "{list:#?}");
    let (ok, _) = findings(&with("days = 100", "end = 2026-12-09"));
    assert!(ok);
    expect(
        &with("timezone = \"Asia/Shanghai\"", "timezone = \"Mars/Base\""),
        Severity::Error,
        "timezone =",
        "unknown time zone",
    );
    let (ok, _) = findings(&with(
        "timezone = \"Asia/Shanghai\"",
        "timezone = \"+08:00\"",
    ));
    assert!(ok);
}

#[test]
fn a_campaign_length_or_zone_out_of_range_is_refused_never_defaulted() {
    expect(
        &with("days = 100", "days = 9223372036854775807"),
        Severity::Error,
        "days = 9223372036854775807",
        "outside 1–3660",
    );
    expect(
        &with("days = 100", "days = 0"),
        Severity::Error,
        "days = 0",
        "outside 1–3660",
    );
    // The only finding: the tasks, commitments and reviews are not blamed for it.
    let (_, list) = findings(&format!(
        "{}\n[[commitments]]\nunit = \"u1\"\ntask = \"T01\"\ntext = \"x\"\nmade_on = 2026-10-01\ndue = 2026-10-15\n",
        with("days = 100", "days = 0")
    ));
    assert!(
        list.iter()
            .all(|d| !d.message.en.contains("does not exist")),
        "{list:#?}"
    );
    let (ok, _) = findings(&with("days = 100", "days = 3660"));
    assert!(ok, "ten years is the limit, not past it");
    expect(
        &with("days = 100", "end = 9999-12-31"),
        Severity::Error,
        "end = 9999-12-31",
        "over the limit of 3660",
    );
    for zone in ["+23:00", "-13:00", "+14:01", "+05:60"] {
        expect(
            &with(
                "timezone = \"Asia/Shanghai\"",
                &format!("timezone = \"{zone}\""),
            ),
            Severity::Error,
            "timezone =",
            "unknown time zone",
        );
    }
    let (ok, _) = findings(&with(
        "timezone = \"Asia/Shanghai\"",
        "timezone = \"+14:00\"",
    ));
    assert!(ok, "Kiritimati is +14:00");
}

#[test]
fn task_values_out_of_range() {
    let t = with(
        "deadline = 2026-11-30",
        "start = 2026-12-01\ndeadline = 2026-11-30",
    );
    expect(
        &t,
        Severity::Error,
        "deadline = 2026-11-30",
        "before the start",
    );
    for bad in ["101", "-1"] {
        let t = with(
            "owner = \"p2\"",
            &format!("owner = \"p2\"\nprogress = {bad}"),
        );
        expect(&t, Severity::Error, "progress =", "outside 0–100");
    }
    expect(
        &with("owner = \"p2\"", "owner = \"p2\"\npriority = 4"),
        Severity::Error,
        "priority = 4",
        "outside 1–3",
    );
}

#[test]
fn status_and_light_rules() {
    expect(
        &with("done = false }", "done = false, done_on = 2026-11-01 }"),
        Severity::Error,
        "done_on = 2026-11-01",
        "done_on is set while done = false",
    );
    expect(
        &with("status = \"in_progress\"", "status = \"finished\""),
        Severity::Error,
        "status = \"finished\"",
        "unknown status",
    );
    let t = with(
        "owner = \"p2\"",
        "owner = \"p2\"\nlight_override = { light = \"blue\", reason = \"x\" }",
    );
    expect(&t, Severity::Error, "light = \"blue\"", "unknown light");
    expect(
        &with("status = \"in_progress\"", "status = \"pending_signoff\""),
        Severity::Error,
        "status = \"pending",
        "pending sign-off but 1 milestone",
    );
    expect(
        &with("status = \"in_progress\"", "status = \"done\""),
        Severity::Error,
        "status = \"done\"",
        "crossed off but 1 milestone",
    );
    let all_done = with("done = false }", "done = true, done_on = 2026-11-20 }");
    let t = all_done.replace("status = \"in_progress\"", "status = \"已销号\"")
        + "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = false\ndue = 2026-11-30\n";
    expect(
        &t,
        Severity::Error,
        "status = \"已销号\"",
        "1 problem(s) are open",
    );
    let (ok, _) = findings(&all_done.replace("status = \"in_progress\"", "status = \"待销号\""));
    assert!(ok, "Chinese spelling loads");
    let t = with(
        "owner = \"p2\"",
        "owner = \"p2\"\nlight_override = { light = \"green\", reason = \"领导认定\", until = 2026-12-01 }",
    );
    assert!(findings(&t).0);
}

/// A sign-off kept by a task that is not crossed off (issue 23, defect 8): an error on each
/// key, naming the fix; a crossed-off task with both loads.
#[test]
fn a_sign_off_on_a_task_not_crossed_off_is_an_error() {
    let kept = with(
        "owner = \"p2\"",
        "owner = \"p2\"\nclosed_on = 2026-11-20\nclosed_by = \"p1\"",
    );
    let (loaded, list) = findings(&kept);
    assert!(!loaded, "{list:#?}");
    let hits: Vec<&Diagnostic> = list
        .iter()
        .filter(|d| d.message.en.contains("not crossed off"))
        .collect();
    assert_eq!(hits.len(), 2, "{list:#?}");
    for (d, key) in hits.iter().zip(["closed_on = ", "closed_by = "]) {
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.line, line_of(&kept, key), "{d:#?}");
        assert!(d.column > 1, "{d:#?}");
        assert!(d.subject.as_ref().unwrap().en.contains("T01"), "{d:#?}");
        let hint = d.hint.as_ref().unwrap();
        assert!(hint.en.contains("remove them") || hint.en.contains("remove closed_on"));
        assert!(hint.en.contains("cross the task off again"), "{hint:?}");
        assert!(hint.zh.contains("重新销号"), "{hint:?}");
    }
    // One of the two alone is as wrong.
    expect(
        &with("owner = \"p2\"", "owner = \"p2\"\nclosed_by = \"p1\""),
        Severity::Error,
        "closed_by = ",
        "not crossed off",
    );
    // Crossed off, every milestone done: both belong there.
    let done = with("done = false }", "done = true, done_on = 2026-11-20 }")
        .replace("status = \"in_progress\"", "status = \"done\"")
        .replace(
            "owner = \"p2\"",
            "owner = \"p2\"\nclosed_on = 2026-11-20\nclosed_by = \"p1\"",
        );
    assert!(findings(&done).0, "{:#?}", findings(&done).1);
}

#[test]
fn file_level_errors() {
    expect("", Severity::Error, "", "the file is empty");
    let t = with("schema_version = 1", "schema_version = 3");
    let (_, list) = findings(&t);
    assert!(
        list[0].message.en.contains("version 3") && list[0].message.en.contains("reads version 1")
    );
    let no_units = BASE.replace("[[units]]\nid = \"u1\"\nname = \"一号单位\"\n\n[[units]]\nid = \"u2\"\nname = \"二号单位\"\n", "");
    let (ok, list) = findings(&no_units);
    assert!(!ok && list.iter().any(|d| d.message.en.contains("[[units]]")));
    let no_categories = BASE.replace("[[categories]]\nid = \"xm\"\nname = \"重点项目\"\n", "");
    let (_, list) = findings(&no_categories);
    assert!(list.iter().any(|d| d.message.en.contains("[[categories]]")));
}

#[test]
fn bytes_that_are_not_utf8_or_not_text() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("一号").unwrap();
    bytes[at] = 0xff;
    let err = load_bytes(&bytes, today()).unwrap_err();
    assert_eq!(err.diagnostics[0].line, line_of(BASE, "一号单位"));
    assert!(err.diagnostics[0].message.en.contains("UTF-8"));
    let binary: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
    assert!(load_bytes(&binary, today()).is_err());
}

#[test]
fn warnings_load_the_file() {
    expect(
        &with("leader = \"p1\"\n", ""),
        Severity::Warning,
        "[[tasks]]",
        "Five Ones incomplete: no leader",
    );
    let t = with("lead_unit = \"u1\"\nowner = \"p2\"\n", "");
    let (_, list) = findings(&t);
    assert!(
        list.iter()
            .any(|d| d.message.en.contains("no lead_unit, owner"))
    );
    let t = plus(&TASK2.replace(
        "milestones = [ { title = \"甲\", due = 2026-11-01, done = false } ]\n",
        "",
    ));
    expect(
        &t,
        Severity::Warning,
        "[[tasks]]\nid = \"T02\"",
        "no milestones",
    );
    expect(
        &with(
            "due = 2026-11-30, done = false",
            "due = 2026-12-05, done = false",
        ),
        Severity::Warning,
        "milestones = [",
        "after the deadline",
    );
    expect(
        &with(
            "due = 2026-11-30, done = false",
            "due = 2026-09-15, done = false",
        ),
        Severity::Warning,
        "milestones = [",
        "not in date order",
    );
    expect(
        &with("done = true, done_on = 2026-09-30", "done = true"),
        Severity::Warning,
        "done = true",
        "without done_on",
    );
    expect(
        &with("deadline = 2026-11-30", "deadline = 2026-12-20"),
        Severity::Warning,
        "deadline = 2026-12-20",
        "after the campaign's end",
    );
    let t = plus(
        "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = true\nresolved_on = 2026-11-02\n",
    );
    expect(&t, Severity::Warning, "resolved = true", "without a result");
    let t = plus(
        "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = false\n",
    );
    expect(
        &t,
        Severity::Warning,
        "[[tasks.problems]]",
        "without a fix-by date",
    );
    expect(
        &with("done_on = 2026-09-30", "done_on = 2026-11-25"),
        Severity::Warning,
        "done_on = 2026-11-25",
        "in the future",
    );
    let t = plus(
        "\n[[tasks.problems]]\nid = \"P1\"\ntext = \"甲\"\nraised = 2026-11-01\nresolved = true\nresolved_on = 2026-12-01\nresult = \"好\"\n",
    );
    expect(
        &t,
        Severity::Warning,
        "resolved_on = 2026-12-01",
        "in the future",
    );
    expect(
        &with(
            "deadline = 2026-11-30",
            "dedline = 2026-11-30\ndeadline = 2026-11-30",
        ),
        Severity::Warning,
        "dedline",
        "unknown key `dedline`",
    );
    let (_, list) = findings(&with(
        "deadline = 2026-11-30",
        "dedline = 2026-11-30\ndeadline = 2026-11-30",
    ));
    assert!(first_hint(&list).contains("did you mean `deadline`"));
}

#[test]
fn checkpoints_by_step_and_by_list() {
    let loaded = load_str(BASE, today()).unwrap();
    let cps = &loaded.campaign.info.checkpoints;
    assert_eq!(
        cps.first().map(std::string::ToString::to_string),
        Some("2026-09-14".into())
    );
    assert_eq!(
        cps.last().map(std::string::ToString::to_string),
        Some("2026-12-09".into())
    );
    assert_eq!(cps.len(), 8);
    let t = with(
        "timezone = \"Asia/Shanghai\"",
        "timezone = \"Asia/Shanghai\"\n\n[campaign.checkpoints]\ndates = [2026-10-01, 2026-09-20]",
    );
    let loaded = load_str(&t, today()).unwrap();
    let cps: Vec<String> = loaded
        .campaign
        .info
        .checkpoints
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    assert_eq!(cps, ["2026-09-20", "2026-10-01", "2026-12-09"]);
}

#[test]
fn no_input_makes_the_loader_panic() {
    let base = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/qinglan.toml"
    ))
    .unwrap();
    for cut in (0..base.len()).step_by(97) {
        let _ = load_bytes(&base[..cut], today());
    }
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let mut bytes = base.clone();
        for _ in 0..3 {
            let at = (next() as usize) % bytes.len();
            match next() % 3 {
                0 => bytes[at] = next() as u8,
                1 => {
                    bytes.remove(at);
                }
                _ => {
                    let pool = b"=[]{}\"\n#,.-0";
                    bytes.insert(at, pool[(next() % pool.len() as u64) as usize]);
                }
            }
        }
        let _ = load_bytes(&bytes, today());
    }
}

/// Valid TOML may add to `[campaign]` or a list after the tasks; nothing of it is missed.
#[test]
fn tables_that_add_to_what_came_before_the_tasks_are_read_wherever_they_stand() {
    let base_with_tasks = format!("{BASE}{TASK2}");
    // The checkpoints' sub-table at the very end, with a key bairi does not know.
    let late = format!(
        "{base_with_tasks}\n[campaign.checkpoints]\nfirst = 2026-09-20\nevery_days = 10\nbogus_key = 1\n"
    );
    let loaded = load_str(&late, today()).unwrap_or_else(|r| panic!("{:?}", r.diagnostics));
    assert_eq!(
        loaded.campaign.info.checkpoints[0],
        NaiveDate::from_ymd_opt(2026, 9, 20).unwrap()
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|d| d.message.en.contains("bogus_key"))
    );
    // `[campaign]` itself after the tasks, only a sub-table of it before them.
    let campaign = "[campaign]\nname = \"测试活动\"\nstart = 2026-09-01\ndays = 100\ntimezone = \"Asia/Shanghai\"\n";
    assert!(base_with_tasks.contains(campaign));
    let moved = base_with_tasks.replace(campaign, "[campaign.checkpoints]\nevery_days = 14\n")
        + "\n"
        + campaign;
    let loaded = load_str(&moved, today()).unwrap_or_else(|r| panic!("{:?}", r.diagnostics));
    assert_eq!(loaded.campaign.info.name, "测试活动");
    assert_eq!(loaded.campaign.tasks.len(), 2);
    assert_eq!(
        loaded.layout.elements.len(),
        2,
        "the tasks stay editable in place"
    );
    // A sub-table of the last unit after the tasks is checked too.
    let unit = format!("{base_with_tasks}\n[units.extra]\nx = 1\n");
    let loaded = load_str(&unit, today()).unwrap_or_else(|r| panic!("{:?}", r.diagnostics));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|d| d.message.en.contains("`extra`")),
        "{:#?}",
        loaded.warnings
    );
}

#[test]
fn a_syntax_error_is_the_only_finding_however_many_tasks_come_before_it() {
    // T03 has a warning of its own (Five Ones incomplete); the broken line follows.
    let t03 = "\n[[tasks]]\nid = \"T03\"\ntitle = \"任务三\"\ncategory = \"xm\"\ndeadline = 2026-11-30\nmilestones = [ { title = \"甲\", due = 2026-11-01, done = false } ]\n";
    let (_, warned) = findings(&format!("{BASE}{TASK2}{t03}"));
    assert!(warned.iter().any(|d| d.message.en.contains("Five Ones")));
    let more = TASK2.replace("T02", "T04") + &TASK2.replace("T02", "T05");
    let text = format!("{BASE}{TASK2}{t03}{more}\n[[tasks]]\nid = \"T06\"\ntitle = \"未闭合\n");
    let (loaded, list) = findings(&text);
    assert!(!loaded);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert!(list[0].message.en.contains("not valid TOML"));
}
