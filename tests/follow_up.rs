//! Follow-up orders (督办) in `report --format json`: `follow_up: true` on a task red in each
//! of the last three published reviews; tasks carry their titles.

mod support;

use std::process::Command;

use serde_json::Value;

fn report(file: &std::path::Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_bairi"))
        .args(["report", file.to_str().unwrap(), "--format", "json"])
        .args(["--today", "2026-11-22"])
        .env("LANG", "en_US.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent-bairi-test")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn flagged(v: &Value) -> Vec<String> {
    v["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["follow_up"] == Value::Bool(true))
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_flags_tasks_red_at_the_last_three_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let v = report(&path);
    // Reviews 3, 4, 5 list T04 T06 T08 / T02 / T05 T06: nobody is red in all three.
    assert!(flagged(&v).is_empty());
    assert_eq!(v["tasks"][0]["title"], "智能装备产业园一期项目开工建设");
    // T06 red at checkpoint 4 too: red at 3, 4 and 5 (T02 only at 4 and 5).
    let path = support::qinglan_red_streaks(dir.path());
    assert_eq!(flagged(&report(&path)), ["T06"]);
}
