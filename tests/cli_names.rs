//! The command line reads tasks, units and people as the board does: a short id (`t2`,
//! `2`), or a unit's or person's name; an unknown one lists the choices; `check` answers a
//! name written where an id belongs with the id.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn short_task_ids_and_unit_names_work_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let file = path.to_str().unwrap();
    let day = ["--today", "2026-11-22"];
    let note = support::bairi(&[&["note", file, "t2", "短编号记录"][..], &day].concat());
    assert!(note.status.success(), "{}", stderr(&note));
    let note =
        support::bairi(&[&["note", file, "2", "数字记录", "--by", "李明轩"][..], &day].concat());
    assert!(note.status.success(), "{}", stderr(&note));
    let pledge = support::bairi(
        &[
            &[
                "pledge",
                file,
                "--unit",
                "县发改局",
                "--text",
                "下周完成签约",
                "--task",
                "T2",
            ][..],
            &day,
        ]
        .concat(),
    );
    assert!(pledge.status.success(), "{}", stderr(&pledge));
    let order = support::bairi(
        &[
            &["follow-up", file, "T2", "--unit", "县交通运输局"][..],
            &day,
        ]
        .concat(),
    );
    assert!(order.status.success(), "{}", stderr(&order));
    let c = bairi::store::file::CampaignFile::open(
        &path,
        bairi::store::load::Today::Date(support::day("2026-11-22")),
    )
    .unwrap()
    .campaign;
    let t02 = c.task("T02").unwrap();
    let notes: Vec<&str> = t02.log.iter().map(|n| n.text.as_str()).collect();
    assert!(
        notes.contains(&"短编号记录") && notes.contains(&"数字记录"),
        "{notes:?}"
    );
    let pledge = c.commitments.last().unwrap();
    assert_eq!(
        (pledge.unit.as_str(), pledge.task.as_deref()),
        ("fgj", Some("T02"))
    );
    assert_eq!(t02.problems.last().unwrap().owner.as_deref(), Some("jtj"));
}

#[test]
fn an_unknown_unit_lists_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let args = [
        "pledge",
        path.to_str().unwrap(),
        "--unit",
        "县财务局",
        "--text",
        "x",
    ];
    let out = support::bairi(&[&args[..], &["--today", "2026-11-22"]].concat());
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("no unit 县财务局"), "{said}");
    assert!(said.contains("fgj") && said.contains("县发改局"), "{said}");
    let out = support::bairi(&[
        "move",
        path.to_str().unwrap(),
        "T99",
        "受阻",
        "--today",
        "2026-11-22",
    ]);
    assert!(stderr(&out).contains("no task T99"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn check_answers_a_name_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("lead_unit  = \"jxj\"", "lead_unit  = \"县经信局\"", 1);
    std::fs::write(&path, text).unwrap();
    let out = support::bairi(&["check", path.to_str().unwrap()]);
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(
        said.contains("县经信局 is the name of unit jxj: write lead_unit = \"jxj\""),
        "{said}"
    );
}
