//! Issue 23: merges that never drop or move data. Real git (a bare remote and two clones,
//! `bairi sync` on both) and the real merge driver: two reviews of one checkpoint are both
//! kept, pledges from both laptops both arrive, a task's problems stay under it, and the ids
//! already on the server never change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::path::Path;

use bairi::store::edit::apply::Edit;
use bairi::store::edit::task_fields::TaskFields;
use bairi::store::file::CampaignFile;
use bairi::store::load::{Today, load_str};
use support::edits::apply;
use support::git_world::{TODAY, World, change, load, text};

/// A then B then A: both clones end with the same file, which passes `check`.
fn round(w: &World) -> (String, String) {
    w.sync(&w.a);
    w.sync(&w.b);
    w.sync(&w.a);
    let merged = text(&w.a);
    assert_eq!(merged, text(&w.b), "the clones differ");
    (merged, w.check(&w.a))
}

/// The qinglan campaign without its review of checkpoint 5 (so it can be published again).
fn without_review_5(text: String) -> String {
    let at = text
        .find("[[reviews]]\ncheckpoint   = 5")
        .expect("review 5");
    text[..at].to_owned()
}

#[test]
fn a_checkpoint_published_on_both_laptops_keeps_both_reviews_and_shows_the_later() {
    let w = World::new(without_review_5);
    let publish = |dir: &Path, kind: &str, note: &str| {
        let args = ["publish", "qinglan.toml", "--checkpoint", "5"];
        w.edit(
            dir,
            &[&args[..], &["--kind", kind, "--note", note]].concat(),
        );
    };
    publish(&w.a, "竞赛", "甲");
    w.edit(&w.b, &["tick", "qinglan.toml", "T02", "3"]);
    publish(&w.b, "督评", "乙");
    let (text, check) = round(&w);
    assert!(
        text.contains("note = \"甲\"") && text.contains("note = \"乙\""),
        "both reviews kept: {text}"
    );
    assert!(!text.contains("[[conflicts]]"), "{text}");
    assert!(check.contains("两次擂台榜"), "check warns: {check}");
    // B synced second: its review is the later one, and the one shown.
    let campaign = load(&w.a);
    assert_eq!(
        campaign.review(5).and_then(|r| r.note.as_deref()),
        Some("乙")
    );
    let out = w.bairi(
        &w.a,
        &[
            "report",
            "qinglan.toml",
            "--format",
            "text",
            "--today",
            TODAY,
        ],
    );
    let briefing = String::from_utf8_lossy(&out.stdout);
    assert!(briefing.contains("11月9日督评"), "{briefing}");
    let en = w.bairi(
        &w.a,
        &["check", "qinglan.toml", "--today", TODAY, "--lang", "en"],
    );
    let en =
        String::from_utf8_lossy(&en.stderr).into_owned() + &String::from_utf8_lossy(&en.stdout);
    assert!(en.contains("two reviews of one checkpoint"), "{en}");
}

#[test]
fn pledges_recorded_on_both_laptops_both_arrive() {
    let w = World::new(|t| t);
    let pledge = |dir: &Path, unit: &str, text: &str, task: &str| {
        let args = ["pledge", "qinglan.toml", "--unit", unit, "--text", text];
        w.edit(dir, &[&args[..], &["--task", task]].concat());
    };
    pledge(&w.a, "jtj", "甲地:月底前完成路基", "T03");
    pledge(&w.b, "xk", "乙地:月底前清表", "T08");
    let (text, _) = round(&w);
    assert!(!text.contains("[[conflicts]]"), "no conflict: {text}");
    let pledges: Vec<String> = load(&w.a).commitments.into_iter().map(|c| c.text).collect();
    assert_eq!(pledges.len(), 4, "{pledges:?}");
    assert!(
        pledges.iter().any(|p| p == "甲地:月底前完成路基"),
        "{pledges:?}"
    );
    assert!(
        pledges.iter().any(|p| p == "乙地:月底前清表"),
        "{pledges:?}"
    );
}

/// A task added as the board adds one (`a`): it takes the next free id.
fn add_on_the_board(path: &Path, title: &str) -> String {
    let day = support::day(TODAY);
    let mut file = CampaignFile::open(path, Today::Date(day)).expect("opens");
    let id = apply(
        &mut file,
        Edit::AddTask(TaskFields {
            title: title.to_owned(),
            category: "xm".into(),
            lead_unit: Some("jxj".into()),
            deadline: Some(day),
            ..Default::default()
        }),
        support::today(),
        None,
    )
    .map(|m| m.id())
    .expect("added");
    file.save().expect("saved");
    id
}

/// A problem for `id`, as bairi writes one.
fn problem(id: &str, n: u32, text: &str) -> String {
    format!(
        "\n[[tasks.problems]]\nid          = \"{id}-P{n}\"\ntext        = \"{text}\"\nkind        = \"要素保障\"\nblocking    = false\nraised      = 2026-11-20\nowner       = \"ctjt\"\ndue         = 2026-11-28\nresolved    = false\n"
    )
}

/// `text` with `extra` at the end of task `id`'s milestones (its last line of content).
fn after_task(text: &str, id: &str, marker: &str, extra: &str) -> String {
    let start = text.find(&format!("id         = \"{id}\"")).expect("task");
    let at = start + text[start..].find(marker).expect("marker") + marker.len();
    format!("{}{extra}{}", &text[..at], &text[at..])
}

#[test]
fn the_driver_keeps_each_problem_under_its_own_task() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read_to_string(support::fixture("qinglan.toml")).unwrap();
    let base = after_task(
        &fixture,
        "T13",
        "done = false },\n]\n",
        &problem("T13", 1, "管材供应商产能不足"),
    );
    // Theirs deletes T12.
    let t12 = base.find("[[tasks]]\nid         = \"T12\"").unwrap();
    let t13 = base.find("[[tasks]]\nid         = \"T13\"").unwrap();
    let theirs = format!("{}{}", &base[..t12], &base[t13..]);
    // Ours notes T12, records a pledge and adds a task.
    let ours = dir.path().join("qinglan.toml");
    std::fs::write(&ours, &base).unwrap();
    let path = ours.to_str().unwrap();
    for args in [
        &["note", path, "T12", "乙地:还在整改"][..],
        &["pledge", path, "--unit", "jtj", "--text", "月底前完成"][..],
    ] {
        let out = support::bairi(&[args, &["--today", TODAY]].concat());
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(add_on_the_board(&ours, "新增公园"), "T14");
    std::fs::write(dir.path().join("o"), &base).unwrap();
    std::fs::write(dir.path().join("b"), &theirs).unwrap();
    let out = support::bairi(&[
        "merge-driver",
        dir.path().join("o").to_str().unwrap(),
        path,
        dir.path().join("b").to_str().unwrap(),
        "qinglan.toml",
    ]);
    assert!(out.status.success(), "{out:?}");
    let merged = std::fs::read_to_string(&ours).unwrap();
    let campaign = load_str(&merged, Today::Date(support::day(TODAY)))
        .expect("the merged file loads")
        .campaign;
    let problems = |id: &str| -> Vec<String> {
        let task = campaign.task(id).expect(id);
        task.problems.iter().map(|p| p.id.clone()).collect()
    };
    assert_eq!(problems("T13"), ["T13-P1"], "{merged}");
    assert!(problems("T12").is_empty(), "{merged}");
    assert!(
        campaign
            .task("T12")
            .unwrap()
            .log
            .iter()
            .any(|n| n.text == "乙地:还在整改")
    );
    assert!(campaign.task("T14").is_some());
    assert_eq!(campaign.commitments.len(), 3);
    assert!(
        merged.contains("task = \"T12\"\nfield = \"(task)\""),
        "{merged}"
    );
}

#[test]
fn a_new_id_on_the_server_stays_and_the_second_laptop_renumbers_its_own_task() {
    let w = World::new(|t| t);
    let (pa, pb) = (w.a.join("qinglan.toml"), w.b.join("qinglan.toml"));
    assert_eq!(add_on_the_board(&pa, "甲地新增公园"), "T14");
    assert_eq!(add_on_the_board(&pb, "乙地新增公园"), "T14");
    // B's own references to its T14: a problem and a pledge.
    change(&w.b, |t| {
        let end = t
            .find("承诺践诺")
            .and_then(|i| t[..i].rfind("\n#"))
            .unwrap();
        format!(
            "{}{}{}",
            &t[..end],
            problem("T14", 1, "乙地用地未落实"),
            &t[end..]
        )
    });
    w.edit(
        &w.b,
        &[
            "pledge",
            "qinglan.toml",
            "--unit",
            "xk",
            "--text",
            "乙地承诺",
            "--task",
            "T14",
        ],
    );
    w.sync(&w.a);
    let said = w.sync(&w.b);
    assert!(
        said.contains("T14 → T15 乙地新增公园:编号已被占用"),
        "{said}"
    );
    assert!(!said.contains("T14 已修改"), "{said}");
    let (text, _) = round(&w);
    assert!(!text.contains("[[conflicts]]"), "{text}");
    let campaign = load(&w.a);
    assert_eq!(campaign.task("T14").unwrap().title, "甲地新增公园");
    let t15 = campaign.task("T15").unwrap();
    assert_eq!(t15.title, "乙地新增公园");
    assert_eq!(t15.problems[0].id, "T15-P1");
    let pledge = campaign
        .commitments
        .iter()
        .find(|c| c.text == "乙地承诺")
        .unwrap();
    assert_eq!(pledge.task.as_deref(), Some("T15"));
}
