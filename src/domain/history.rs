//! A task's history: the edits the store records in the task's own `log` (status changes,
//! ticks, sign-offs, light overrides, problems resolved), one compact Chinese line each with
//! a fixed `kind`, and how such a line reads in either language.

use chrono::NaiveDate;

use super::model::LogEntry;
use super::status::{Light, Status};
use crate::i18n::{Lang, Text};

/// `kind` of a status change (`推进中→受阻`).
pub const STATUS: &str = "状态";
/// `kind` of a milestone ticked or unticked (`勾选 M2 完成审批`).
pub const MILESTONE: &str = "节点";
/// `kind` of crossing off and reopening (`销号(待销号→已销号)`).
pub const SIGN_OFF: &str = "销号";
/// `kind` of a leader's light set or cleared (`亮灯 红(理由)`, `取消亮灯`).
pub const LIGHT: &str = "亮灯";
/// `kind` of a problem resolved (`T01-P2 解决:结果`).
pub const PROBLEM: &str = "问题";

/// The kinds that make a log entry part of the history rather than a note.
pub const KINDS: [&str; 5] = [STATUS, MILESTONE, SIGN_OFF, LIGHT, PROBLEM];

const TICK: &str = "勾选 ";
const UNTICK: &str = "取消勾选 ";
const CROSS_OFF: &str = "销号";
const REOPEN: &str = "重新打开";
const OLD_REOPEN: &str = "重新打开(撤销销号)";
const SET_LIGHT: &str = "亮灯 ";
const CLEAR_LIGHT: &str = "取消亮灯";
const UNTIL: &str = "至";
const RESOLVED: &str = " 解决";

/// One recorded edit, with what its line says.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Status {
        from: Status,
        to: Status,
    },
    /// `milestone` is the short reference (`M2`, or the milestone's own id).
    Tick {
        done: bool,
        milestone: String,
        title: String,
    },
    CrossOff {
        from: Status,
    },
    /// `to` is `None` in lines written before the status was recorded.
    Reopen {
        to: Option<Status>,
    },
    LightSet {
        light: Light,
        reason: String,
        until: Option<NaiveDate>,
    },
    LightCleared,
    Resolved {
        problem: String,
        result: String,
    },
}

impl Event {
    /// The status change a move makes: a sign-off when it enters or leaves crossed off.
    pub fn moved(from: Status, to: Status) -> Event {
        match (from, to) {
            (_, Status::Done) => Event::CrossOff { from },
            (Status::Done, _) => Event::Reopen { to: Some(to) },
            _ => Event::Status { from, to },
        }
    }

    /// A tick or untick of milestone `id` of task `task`, shown as `M2` when the id is the
    /// default one.
    pub fn tick(task: &str, id: &str, title: &str, done: bool) -> Event {
        let short = id
            .strip_prefix(task)
            .and_then(|rest| rest.strip_prefix('-'))
            .filter(|rest| rest.starts_with('M'))
            .unwrap_or(id);
        Event::Tick {
            done,
            milestone: short.to_owned(),
            title: title.to_owned(),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Event::Status { .. } => STATUS,
            Event::Tick { .. } => MILESTONE,
            Event::CrossOff { .. } | Event::Reopen { .. } => SIGN_OFF,
            Event::LightSet { .. } | Event::LightCleared => LIGHT,
            Event::Resolved { .. } => PROBLEM,
        }
    }

    /// The line as the file keeps it (Chinese).
    pub fn text(&self) -> String {
        self.words().zh
    }

    /// The log entry that records this event.
    pub fn entry(&self, date: NaiveDate, by: Option<&str>) -> LogEntry {
        LogEntry {
            date,
            text: self.text(),
            by: by.map(str::to_owned),
            kind: Some(self.kind().to_owned()),
        }
    }

    /// The line in both languages (user text, such as titles and reasons, as written).
    pub fn words(&self) -> Text {
        let moved = |a: Status, b: Status| {
            Text::new(
                format!("{}→{}", a.zh(), b.zh()),
                format!("{} → {}", a.en_label(), b.en_label()),
            )
        };
        match self {
            Event::Status { from, to } => moved(*from, *to),
            Event::Tick {
                done,
                milestone,
                title,
            } => {
                let (zh, en) = if *done {
                    (TICK, "ticked ")
                } else {
                    (UNTICK, "unticked ")
                };
                Text::new(
                    format!("{zh}{milestone} {title}"),
                    format!("{en}{milestone} {title}"),
                )
            }
            Event::CrossOff { from } => {
                let m = moved(*from, Status::Done);
                Text::new(
                    format!("{CROSS_OFF}({})", m.zh),
                    format!("crossed off ({})", m.en),
                )
            }
            Event::Reopen { to: None } => Text::new(OLD_REOPEN, "reopened (sign-off withdrawn)"),
            Event::Reopen { to: Some(to) } => {
                let m = moved(Status::Done, *to);
                Text::new(
                    format!("{REOPEN}({})", m.zh),
                    format!("reopened ({})", m.en),
                )
            }
            Event::LightSet {
                light,
                reason,
                until,
            } => {
                let (zh_until, en_until) = until.map_or((String::new(), String::new()), |d| {
                    (format!("{UNTIL}{d}"), format!(" until {d}"))
                });
                let en = light.label().en;
                Text::new(
                    format!("{SET_LIGHT}{}({reason}){zh_until}", light_zh(*light)),
                    format!("light set: {en} ({reason}){en_until}"),
                )
            }
            Event::LightCleared => Text::new(CLEAR_LIGHT, "light override removed"),
            Event::Resolved { problem, result } => {
                if result.is_empty() {
                    Text::new(
                        format!("{problem}{RESOLVED}"),
                        format!("{problem} resolved"),
                    )
                } else {
                    Text::new(
                        format!("{problem}{RESOLVED}:{result}"),
                        format!("{problem} resolved: {result}"),
                    )
                }
            }
        }
    }

    /// Reads a history line back; `None` when `kind` is not a history kind or the text is
    /// not one `bairi` writes (a person may write a note with such a kind by hand).
    pub fn parse(kind: &str, text: &str) -> Option<Event> {
        match kind {
            STATUS => {
                let (from, to) = transition(text)?;
                Some(Event::Status { from, to })
            }
            MILESTONE => {
                let (done, rest) = match text.strip_prefix(UNTICK) {
                    Some(rest) => (false, rest),
                    None => (true, text.strip_prefix(TICK)?),
                };
                let (milestone, title) = rest.split_once(' ').unwrap_or((rest, ""));
                Some(Event::Tick {
                    done,
                    milestone: milestone.to_owned(),
                    title: title.to_owned(),
                })
            }
            SIGN_OFF if text == OLD_REOPEN => Some(Event::Reopen { to: None }),
            SIGN_OFF => {
                if let Some(inner) = bracketed(text, CROSS_OFF) {
                    let (from, to) = transition(inner)?;
                    return (to == Status::Done).then_some(Event::CrossOff { from });
                }
                let (from, to) = transition(bracketed(text, REOPEN)?)?;
                (from == Status::Done).then_some(Event::Reopen { to: Some(to) })
            }
            LIGHT if text == CLEAR_LIGHT => Some(Event::LightCleared),
            LIGHT => {
                let rest = text.strip_prefix(SET_LIGHT)?;
                let (light, rest) = rest.split_once('(')?;
                let light = Light::parse(light)?;
                let (reason, until) = match rest.rsplit_once(&format!("){UNTIL}")) {
                    Some((reason, date)) => (reason, Some(date.parse().ok()?)),
                    None => (rest.strip_suffix(')')?, None),
                };
                Some(Event::LightSet {
                    light,
                    reason: reason.to_owned(),
                    until,
                })
            }
            PROBLEM => {
                let (problem, result) = match text.split_once(&format!("{RESOLVED}:")) {
                    Some((p, r)) => (p, r),
                    None => (text.strip_suffix(RESOLVED)?, ""),
                };
                (!problem.is_empty() && !problem.contains(' ')).then(|| Event::Resolved {
                    problem: problem.to_owned(),
                    result: result.to_owned(),
                })
            }
            _ => None,
        }
    }
}

fn light_zh(light: Light) -> &'static str {
    match light {
        Light::Red => "红",
        Light::Yellow => "黄",
        Light::Green => "绿",
    }
}

/// `推进中→受阻` as two statuses.
fn transition(text: &str) -> Option<(Status, Status)> {
    let (a, b) = text.split_once('→')?;
    Some((Status::parse(a)?, Status::parse(b)?))
}

/// The text inside `PREFIX(…)`.
fn bracketed<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?
        .strip_prefix('(')?
        .strip_suffix(')')
}

/// The event a log entry records, when it is a history line: a history kind and a text as
/// `bairi` writes it. A note a person wrote with such a kind (`kind = "销号"`, "提交销号申请")
/// stays a note.
pub fn event(entry: &LogEntry) -> Option<Event> {
    let kind = entry.kind.as_deref().filter(|k| KINDS.contains(k))?;
    Event::parse(kind, &entry.text)
}

/// Whether a log entry is part of the history, not a note.
pub fn is_history(entry: &LogEntry) -> bool {
    event(entry).is_some()
}

/// What a log entry says in `lang`: a history line worded from its parts, anything else as
/// written.
pub fn describe(entry: &LogEntry, lang: Lang) -> String {
    match event(entry) {
        Some(event) => event.words().get(lang).to_owned(),
        None => entry.text.clone(),
    }
}

/// The notes of a task's log (entries that are not history), in file order.
pub fn notes(log: &[LogEntry]) -> impl DoubleEndedIterator<Item = &LogEntry> {
    log.iter().filter(|e| !is_history(e))
}

/// The history of a task's log, in file order.
pub fn history(log: &[LogEntry]) -> impl DoubleEndedIterator<Item = &LogEntry> {
    log.iter().filter(|e| is_history(e))
}

#[cfg(test)]
mod tests {
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
}
