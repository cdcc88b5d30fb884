//! Every event's line read back, both languages, and notes that only look like history.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn every_event_reads_back_from_its_line() {
    let events = [
        Event::Status {
            from: Status::InProgress,
            to: Status::Blocked,
        },
        Event::tick("T01", "T01-M2", "完成审批", true),
        Event::tick("T01", "road-1", "完成 审批", false),
        Event::CrossOff {
            from: Status::PendingSignoff,
        },
        Event::Reopen {
            to: Some(Status::InProgress),
        },
        Event::Reopen { to: None },
        Event::LightSet {
            light: Light::Red,
            reason: "资金(二期)未到位".to_owned(),
            until: Some(d("2026-12-10")),
        },
        Event::LightSet {
            light: Light::Green,
            reason: "领导认定".to_owned(),
            until: None,
        },
        Event::LightCleared,
        Event::Resolved {
            problem: "T01-P2".to_owned(),
            result: "已协调:当日办结".to_owned(),
        },
        Event::Resolved {
            problem: "T01-P3".to_owned(),
            result: String::new(),
        },
    ];
    for event in events {
        let entry = event.entry(d("2026-11-22"), Some("li_mx"));
        assert!(is_history(&entry));
        let kind = entry.kind.as_deref().unwrap();
        assert_eq!(
            Event::parse(kind, &entry.text),
            Some(event.clone()),
            "{entry:?}"
        );
    }
}

#[test]
fn the_lines_are_compact_chinese_and_read_in_english() {
    let cases = [
        (
            Event::moved(Status::InProgress, Status::Blocked),
            "推进中→受阻",
            "In progress → Blocked",
        ),
        (
            Event::tick("T01", "T01-M2", "完成审批", true),
            "勾选 M2 完成审批",
            "ticked M2 完成审批",
        ),
        (
            Event::tick("T01", "T01-M2", "完成审批", false),
            "取消勾选 M2 完成审批",
            "unticked M2 完成审批",
        ),
        (
            Event::moved(Status::PendingSignoff, Status::Done),
            "销号(待销号→已销号)",
            "crossed off (Pending sign-off → Crossed off)",
        ),
        (
            Event::moved(Status::Done, Status::InProgress),
            "重新打开(已销号→推进中)",
            "reopened (Crossed off → In progress)",
        ),
        (
            Event::LightSet {
                light: Light::Red,
                reason: "拆迁受阻".to_owned(),
                until: None,
            },
            "亮灯 红(拆迁受阻)",
            "light set: red (拆迁受阻)",
        ),
        (Event::LightCleared, "取消亮灯", "light override removed"),
    ];
    for (event, zh, en) in cases {
        let entry = event.entry(d("2026-11-22"), None);
        assert_eq!(entry.text, zh);
        assert_eq!(describe(&entry, Lang::Zh), zh);
        assert_eq!(describe(&entry, Lang::En), en);
    }
}

#[test]
fn notes_written_by_hand_stay_notes_or_read_as_written() {
    let note = |kind: Option<&str>, text: &str| LogEntry {
        date: d("2026-11-02"),
        text: text.to_owned(),
        by: None,
        kind: kind.map(str::to_owned),
    };
    let standup = note(Some("站会"), "设备进场");
    assert!(!is_history(&standup));
    // A sign-off noted by hand stays a note, as written in both languages.
    let by_hand = note(Some("销号"), "现场核验交地完成,予以销号。");
    assert!(!is_history(&by_hand));
    assert_eq!(describe(&by_hand, Lang::En), by_hand.text);
    // The line earlier versions wrote on reopening is history.
    let reopened = note(Some("销号"), "重新打开(撤销销号)");
    assert_eq!(
        describe(&reopened, Lang::En),
        "reopened (sign-off withdrawn)"
    );
    // A history kind on a line bairi does not write is a note.
    let status_note = note(Some("状态"), "推进中,但要盯紧");
    let log = [
        standup,
        by_hand,
        reopened.clone(),
        status_note,
        note(None, "x"),
    ];
    assert_eq!(notes(&log).count(), 4);
    assert_eq!(history(&log).collect::<Vec<_>>(), vec![&reopened]);
}
