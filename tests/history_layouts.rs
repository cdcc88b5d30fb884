//! History lines (and notes) appended to a log written by hand in other TOML shapes:
//! `log = []`, and the log as `[[tasks.log]]` tables. Nothing already there is lost and
//! each new entry is one line of its own.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use bairi::domain::Status;
use bairi::store::file::{CampaignFile, MilestoneRef};
use bairi::store::load::{Today, load_str};
use support::edits::{apply, milestone, note, status};
use support::{day, fixture};

const T01_LOG: &str = "log = [
  { date = 2026-09-21, by = \"chen_zy\", kind = \"现场办公\", text = \"现场办公:临时用电容量不足,责成县发改局协调供电公司限期解决。\" },
  { date = 2026-10-10, by = \"li_mx\",   kind = \"站会\",     text = \"开工仪式举行,纳入全县集中开工项目。\" },
  { date = 2026-11-20, by = \"wang_lq\", kind = \"站会\",     text = \"1号厂房基础完成70%,2号厂房钢筋绑扎中,昼夜交叉作业。\" },
]
";

/// The example with T01's log replaced by `log`, opened on 2026-11-22.
fn open_with_t01_log(
    log: &str,
    after_problems: &str,
) -> (CampaignFile, std::path::PathBuf, tempfile::TempDir) {
    let text = std::fs::read_to_string(fixture("qinglan.toml")).unwrap();
    assert!(text.contains(T01_LOG), "the fixture's T01 log moved");
    let mut text = text.replacen(T01_LOG, log, 1);
    let result = "result      = \"县供电公司新增630千伏安临时箱变并通电\"   # → 成果清单\n";
    let at = text.find(result).unwrap() + result.len();
    text.insert_str(at, after_problems);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qinglan.toml");
    std::fs::write(&path, &text).unwrap();
    let file = CampaignFile::open(&path, Today::Date(day("2026-11-22"))).unwrap();
    (file, path, dir)
}

fn tick_and_block(file: &mut CampaignFile) {
    let today = day("2026-11-22");
    apply(
        file,
        milestone("T01", MilestoneRef::Index(4), true),
        today,
        Some("li_mx"),
    )
    .unwrap();
    apply(file, status("T01", Status::Blocked), today, Some("li_mx")).unwrap();
}

fn fresh_log_texts(file: &CampaignFile) -> Vec<String> {
    let fresh = load_str(file.text(), Today::Date(day("2026-11-22"))).unwrap();
    assert_eq!(fresh.campaign, *file.campaign, "the model is the text");
    let task = fresh.campaign.task("T01").unwrap();
    task.log.iter().map(|e| e.text.clone()).collect()
}

#[test]
fn an_empty_log_gets_one_line_per_entry() {
    let (mut file, _path, _dir) = open_with_t01_log("log = []   # 日志\n", "");
    tick_and_block(&mut file);
    assert_eq!(
        fresh_log_texts(&file),
        ["勾选 M5 2栋厂房完成基础施工", "推进中→受阻"]
    );
    let text = file.text();
    assert!(
        text.contains(
            "log = [\n  { date = 2026-11-22, by = \"li_mx\", kind = \"节点\", text = \"勾选 M5 2栋厂房完成基础施工\" },\n  { date = 2026-11-22, by = \"li_mx\", kind = \"状态\", text = \"推进中→受阻\" },\n]   # 日志\n"
        ),
        "{}",
        &text[text.find("log = [").unwrap()..][..400]
    );
}

#[test]
fn a_log_of_tables_keeps_its_entries_and_gets_the_new_ones() {
    let tables = "\n[[tasks.log]]\ndate = 2026-09-21\ntext = \"现场办公\"   # 手写\n";
    let (mut file, _path, _dir) = open_with_t01_log("", tables);
    assert_eq!(fresh_log_texts(&file), ["现场办公"]);
    tick_and_block(&mut file);
    apply(
        &mut file,
        note("T01", "测试"),
        day("2026-11-22"),
        Some("li_mx"),
    )
    .unwrap();
    assert_eq!(
        fresh_log_texts(&file),
        [
            "现场办公",
            "勾选 M5 2栋厂房完成基础施工",
            "推进中→受阻",
            "测试"
        ]
    );
    assert!(file.text().contains("text = \"现场办公\"   # 手写\n"));
}
