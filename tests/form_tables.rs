//! Every form as it opens (title, each field's label, kind, whether required, the value it
//! holds, and the warnings under it), in both languages, held in a golden file: forms are
//! tables now, and this shows the tables open the forms they opened before.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed assumption in a test is a failed test

mod support;

use std::fmt::Write;

use bairi::app::form::Value;
use bairi::app::model::Model;
use bairi::app::verbs::{self, Purpose};
use bairi::domain::Light;
use bairi::i18n::Lang;
use bairi::store::edit::apply::Edit;

fn purposes(m: &Model) -> Vec<Purpose> {
    let c = m.campaign();
    let first = c.tasks[0].id.clone();
    let overridden = c
        .tasks
        .iter()
        .find(|t| t.light_override.is_some())
        .map_or(first.clone(), |t| t.id.clone());
    let (with_problem, problem) = c
        .tasks
        .iter()
        .find_map(|t| t.problems.first().map(|p| (t.id.clone(), p.id.clone())))
        .unwrap();
    let task = |t: &str| t.to_owned();
    vec![
        Purpose::Note { task: task(&first) },
        Purpose::Problem { task: task(&first) },
        Purpose::Resolve {
            task: with_problem,
            problem,
        },
        Purpose::Progress { task: task(&first) },
        Purpose::Priority { task: task(&first) },
        Purpose::Override { task: task(&first) },
        Purpose::Override { task: overridden },
        Purpose::EditTask {
            task: "T02".to_owned(),
        },
        Purpose::AddTask,
        Purpose::EditTask { task: task(&first) },
        Purpose::AddMilestone { task: task(&first) },
        Purpose::EditMilestone {
            task: task(&first),
            index: 0,
        },
        Purpose::BackSchedule { task: task(&first) },
        Purpose::Publish { checkpoint: 1 },
        Purpose::Publish { checkpoint: 3 },
        Purpose::Pledge {
            unit: c.units[0].id.clone(),
        },
        Purpose::CheckPledge { index: 0 },
        Purpose::FollowUp { task: task(&first) },
        Purpose::FollowUp {
            task: "T06".to_owned(),
        },
    ]
}

fn dump(lang: Lang) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let mut m = support::model_of(&path, "2026-11-22", lang);
    m.author = Some("li_mx".into());
    let light = Some((
        Light::Red,
        "领导认定".to_owned(),
        Some(support::day("2026-12-01")),
    ));
    let set = Edit::Override {
        task: "T02".into(),
        light,
    };
    verbs::edit(&mut m, set).unwrap();
    let mut out = String::new();
    let mut all = purposes(&m);
    all.push(Purpose::BackScheduleReview {
        task: "T01".into(),
        proposals: Vec::new(),
    });
    for purpose in all {
        if let Purpose::BackScheduleReview { task, .. } = &purpose {
            // The proposals open once the steps are submitted.
            let steps = vec![
                ("steps", Value::Text("签约 10, 腾空 90".into())),
                ("snap", Value::Flag(true)),
            ];
            verbs::open(&mut m, Purpose::BackSchedule { task: task.clone() });
            verbs::submit(&mut m, Purpose::BackSchedule { task: task.clone() }, &steps).unwrap();
        } else {
            verbs::open(&mut m, purpose.clone());
        }
        let form = m.take_form().unwrap();
        writeln!(out, "== {:?}", form.purpose).unwrap();
        writeln!(out, "title: {} | {}", form.title.zh, form.title.en).unwrap();
        for f in &form.fields {
            writeln!(
                out,
                "  {} [{} | {}] {:?} required={} value={:?} fresh={} original={:?}",
                f.key,
                f.label.zh,
                f.label.en,
                f.kind,
                f.required,
                f.input.text(),
                f.fresh,
                f.original
            )
            .unwrap();
        }
        for note in &form.notes {
            writeln!(out, "  note: {} | {}", note.zh, note.en).unwrap();
        }
    }
    out
}

#[test]
fn every_form_opens_as_its_table_says() {
    let both = format!("{}\n{}", dump(Lang::Zh), dump(Lang::En));
    support::golden("form_tables.txt", &both);
}

#[test]
fn a_draft_names_its_form_in_words_that_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::qinglan_red_streaks(dir.path());
    let m = support::model_of(&path, "2026-11-22", Lang::Zh);
    let mut kept = 0;
    for purpose in purposes(&m) {
        if let Some((kind, task, extra)) = purpose.draft_words() {
            let back = Purpose::from_draft_words(kind, task, extra);
            assert_eq!(back.as_ref(), Some(&purpose), "{kind}");
            kept += 1;
        }
    }
    // All but priority, editing a milestone, publishing, pledging and checking a pledge.
    assert_eq!(kept, 13);
}
