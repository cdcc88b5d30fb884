//! The smaller items of issue 25: help texts, report layouts, wording, wrapping, sync messages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::process::Command;

fn bairi_in(lang: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["--lang", lang])
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn report_help_in_chinese_has_no_english_sentences() {
    let out = bairi_in("zh", &["report", "--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("输出格式"), "{text}");
    for english in [
        "Plain numbered",
        "Excel workbook",
        "ossible values",
        "[default",
    ] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
}

#[test]
fn the_sign_off_refusal_names_no_zero_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let out = bairi_in(
        "zh",
        &["move", file, "T01", "已销号", "--today", "2026-11-01"],
    );
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("T01 还有 1 个节点未完成,不能销号"), "{text}");
    assert!(!text.contains("0 个"), "{text}");
    let out = bairi_in(
        "en",
        &["move", file, "T02", "done", "--today", "2026-11-01"],
    );
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("2 milestone(s) not done and 1 open problem(s)"),
        "{text}"
    );
}

#[test]
fn check_calls_the_campaign_table_campaign_not_an_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[campaign]").unwrap();
    let name = start + text[start..].find("\nname").unwrap() + 1;
    let end = name + text[name..].find('\n').unwrap();
    let broken = format!("{}name = 5{}", &text[..name], &text[end..]);
    std::fs::write(&path, broken).unwrap();
    for lang in ["zh", "en"] {
        let out = bairi_in(lang, &["check", path.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("[campaign] `name`"), "{text}");
        assert!(!text.contains("[[campaign]]"), "{text}");
    }
}

fn report(lang: &str, args: &[&str]) -> String {
    let fixture = support::fixture("qinglan.toml");
    let mut all = vec!["report", fixture.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = bairi_in(lang, &all);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_leaderboard_has_no_stray_legend_and_csv_names_every_column() {
    for format in ["text", "markdown"] {
        let text = report(
            "zh",
            &[
                "--format",
                format,
                "--view",
                "leaderboard",
                "--today",
                "2026-11-22",
            ],
        );
        assert!(!text.contains("⚑ 红旗单位 · ▮ 黄牌席"), "{text}");
        assert!(text.contains("⚑ 红旗单位:县经信局"), "{text}");
    }
    let csv = report(
        "zh",
        &[
            "--format",
            "csv",
            "--view",
            "leaderboard",
            "--today",
            "2026-11-22",
        ],
    );
    let header = csv.lines().next().unwrap();
    assert!(header.split(',').all(|h| !h.is_empty()), "{header}");
    let csv = report(
        "en",
        &[
            "--format",
            "csv",
            "--view",
            "leaderboard",
            "--today",
            "2026-11-22",
        ],
    );
    assert!(csv.starts_with("Rank,Mark,Unit,"), "{csv}");
}

#[test]
fn a_category_with_nothing_due_has_no_rate() {
    let md = report(
        "zh",
        &[
            "--format",
            "markdown",
            "--view",
            "summary",
            "--today",
            "2026-09-20",
        ],
    );
    assert!(
        md.contains("| 要素保障 | 2 | 0 | 0 | 0 | 2 | 0 | 0 | — |"),
        "{md}"
    );
    let csv = report(
        "en",
        &[
            "--format",
            "csv",
            "--view",
            "summary",
            "--today",
            "2026-09-20",
        ],
    );
    assert!(csv.lines().any(|l| l.contains(",0,0,—,")), "{csv}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("s.xlsx");
    report(
        "zh",
        &[
            "--format",
            "xlsx",
            "--view",
            "summary",
            "--today",
            "2026-09-20",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let sheet = first_sheet(&out);
    let row = sheet.iter().find(|r| r[0] == "str 要素保障").unwrap();
    assert_eq!(row[8], "empty", "{row:?}");
}

/// The first sheet's cells, row by row, each as `int 3`, `num 0.5`, `str x` or `empty`.
fn first_sheet(path: &std::path::Path) -> Vec<Vec<String>> {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Int(n) => format!("int {n}"),
                    Data::Float(n) => format!("num {n}"),
                    Data::String(s) => format!("str {s}"),
                    Data::Empty => "empty".to_owned(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_excel_leaderboard_names_its_checkpoint_and_ranks_are_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lb.xlsx");
    let path = out.to_str().unwrap();
    report(
        "zh",
        &[
            "--format",
            "xlsx",
            "--view",
            "leaderboard",
            "--today",
            "2026-11-30",
            "--checkpoint",
            "6",
            "--out",
            path,
        ],
    );
    let sheet = first_sheet(&out);
    assert!(sheet[0][0].contains("第6节点"), "{:?}", sheet[0]);
    assert_eq!(
        &sheet[1][..3],
        ["str 名次", "str 并列", "str 标记"],
        "{:?}",
        sheet[1]
    );
    let ranks: Vec<&String> = sheet[2..].iter().map(|r| &r[0]).collect();
    assert!(ranks.iter().all(|r| r.starts_with("num ")), "{ranks:?}");
    assert!(sheet[2..].iter().any(|r| r[1] == "str 并列"), "{sheet:?}");
}

#[test]
fn sync_commits_have_short_subjects_and_the_merge_says_where_from() {
    use support::git_world::{World, git};
    let w = World::new(|t| t);
    for task in [
        "T01", "T02", "T03", "T04", "T05", "T06", "T07", "T09", "T10",
    ] {
        w.edit(&w.a, &["move", "qinglan.toml", task, "blocked"]);
    }
    w.edit(&w.b, &["note", "qinglan.toml", "T11", "乙地记录"]);
    w.sync(&w.a);
    let subject = git(&w.home, &w.a, &["log", "-1", "--format=%s"]);
    let subject = subject.trim_end();
    assert!(
        unicode_width::UnicodeWidthStr::width(subject) <= 72,
        "{subject}"
    );
    let body = git(&w.home, &w.a, &["log", "-1", "--format=%B"]);
    for task in ["T01", "T05", "T10"] {
        assert!(body.contains(task), "{task} in the body: {body}");
    }
    w.sync(&w.b);
    let parents = git(&w.home, &w.b, &["log", "-1", "--format=%p"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge: {parents}");
    let subject = git(&w.home, &w.b, &["log", "-1", "--format=%s"]);
    assert_eq!(subject.trim_end(), "bairi sync:合并自 origin");
    let body = git(&w.home, &w.b, &["log", "-1", "--format=%b"]);
    assert!(body.contains("T01") && body.contains("T10"), "{body}");
    let all = git(&w.home, &w.b, &["log", "--format=%s"]);
    assert!(!all.contains("Merge"), "{all}");
}

/// The header's second line at 80×24 in English with a sort, a filter and lanes set.
fn english_header(actions: &[bairi::app::action::Action], filter: bool) -> String {
    let (mut m, _dir) = support::qinglan_model("2026-11-22", bairi::i18n::Lang::En);
    support::press(&mut m, actions);
    if filter {
        m.filter = Some(bairi::app::lanes::Filter::Light(
            bairi::domain::light::TaskLight::Red,
        ));
    }
    let s = support::screen(&m, 80, 24);
    s.lines().nth(1).unwrap().to_owned()
}

#[test]
fn the_english_header_shows_its_sort_and_filter_tags_whole_at_80_columns() {
    use bairi::app::action::Action;
    for sorts in 1..=5 {
        let line = english_header(&vec![Action::Sort; sorts], false);
        assert!(
            line.contains("[sort: ") && line.trim_end().ends_with(']'),
            "{line}"
        );
        assert!(!line.contains('…'), "{line}");
    }
    let line = english_header(&[Action::Sort], true);
    assert!(
        line.contains("[sort: ") && line.contains("[filter: red"),
        "{line}"
    );
    assert!(
        line.trim_end().ends_with(']') && !line.contains('…'),
        "{line}"
    );
    let line = english_header(&[Action::Sort, Action::SwitchView], false);
    assert!(
        line.trim_end().ends_with(']') && !line.contains('…'),
        "{line}"
    );
}

#[test]
fn swimlanes_keep_the_lead_unit_and_sponsors_get_lanes() {
    use bairi::app::action::Action;
    let (mut m, _dir) = support::qinglan_model("2026-11-22", bairi::i18n::Lang::Zh);
    support::press(&mut m, &[Action::SwitchView]);
    let s = support::screen(&m, 80, 24);
    assert!(s.contains("[按分类]"), "{s}");
    for unit in [
        "县经信局",
        "县住建局",
        "县交通运输局",
        "县自规局",
        "县发改局",
        "县教育局",
    ] {
        assert!(s.contains(unit), "{unit} whole on its card:\n{s}");
    }
    assert!(s.contains("推进中"), "the status still shows:\n{s}");
    support::press(&mut m, &[Action::SwitchView, Action::SwitchView]);
    let s = support::screen(&m, 80, 24);
    assert!(s.contains("[按包保领导]"), "{s}");
    let sponsors: Vec<String> = m
        .campaign()
        .tasks
        .iter()
        .filter_map(|t| t.leader.clone())
        .collect();
    let first = m.campaign().person(&sponsors[0]).unwrap().name.clone();
    assert!(
        s.contains(&format!("┌{first} ")),
        "{first} leads a lane:\n{s}"
    );
    let counted: usize = m.derived.columns.iter().map(|c| c.tasks.len()).sum();
    assert_eq!(counted, m.campaign().tasks.len());
    support::press(&mut m, &[Action::SwitchView]);
    assert_eq!(m.lanes, bairi::app::lanes::Lanes::Status);
    let en = {
        let (mut m, _dir) = support::qinglan_model("2026-11-22", bairi::i18n::Lang::En);
        support::press(&mut m, &[Action::SwitchView; 3]);
        support::screen(&m, 100, 30)
    };
    assert!(en.contains("[by sponsor]"), "{en}");
}

#[test]
fn the_template_comments_name_dates_of_its_own_campaign() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["--lang", "zh", "new", path.to_str().unwrap()])
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .env("BAIRI_NOW", "2026-09-01T02:00:00Z")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("start           = 2026-09-01"), "{text}");
    assert!(text.contains("first      = 2026-09-14"), "{text}");
    assert!(
        text.contains("# dates    = [2026-09-14, 2026-09-28]"),
        "{text}"
    );
    // Every date a comment names falls within the 100 days.
    for line in text.lines().filter(|l| l.contains('#')) {
        let comment = &line[line.find('#').unwrap()..];
        for (i, _) in comment.match_indices("202") {
            if let Some(d) = comment
                .get(i..i + 10)
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            {
                assert!(
                    support::day("2026-09-01") <= d && d <= support::day("2026-12-09"),
                    "{line}"
                );
            }
        }
    }
    assert!(!text.contains("1月20日"), "a text naming a date that moved");
}

#[test]
fn a_long_one_line_field_shows_its_start_when_not_being_edited() {
    use bairi::app::action::Action;
    use bairi::app::form::FieldKey;
    let (mut m, _dir) = support::qinglan_model("2026-11-22", bairi::i18n::Lang::Zh);
    let t05 = m.campaign().task_index("T05").unwrap();
    m.select_task(t05);
    support::press(&mut m, &[Action::Edit]);
    let title = m.campaign().tasks[t05].title.clone();
    let long = format!("{title}:涉及48项)在第1、2、3节点分批完成清表、签约和腾空交地工作");
    let form = m.form().unwrap();
    assert!(
        form.value("title").starts_with("科创中心"),
        "the title field"
    );
    support::typed(&mut m, &long);
    let editing = support::screen(&m, 80, 24);
    assert!(
        editing.contains("交地工作"),
        "the cursor's end in sight:\n{editing}"
    );
    support::press(&mut m, &[Action::Field(FieldKey::NextField)]);
    let left = support::screen(&m, 80, 24);
    assert!(
        left.contains("科创中心先行"),
        "its start once left:\n{left}"
    );
}
