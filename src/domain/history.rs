//! A task's history: the edits the store records in the task's own `log` (status changes,
//! ticks, sign-offs, light overrides, problems resolved), one compact Chinese line each with
//! a fixed `kind`, and how such a line reads in either language.

mod line;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::model::LogEntry;
use super::status::{Light, Status};
use crate::i18n::Lang;

/// `kind` of a status change (`推进中→受阻`).
pub(crate) const STATUS: &str = "状态";
/// `kind` of a milestone ticked or unticked (`勾选 M2 完成审批`).
pub(crate) const MILESTONE: &str = "节点";
/// `kind` of crossing off and reopening (`销号(待销号→已销号)`).
pub(crate) const SIGN_OFF: &str = "销号";
/// `kind` of a leader's light set or cleared (`亮灯 红(理由)`, `取消亮灯`).
pub(crate) const LIGHT: &str = "亮灯";
/// `kind` of a problem resolved (`T01-P2 解决:结果`).
pub(crate) const PROBLEM: &str = "问题";

/// The kinds that make a log entry part of the history rather than a note.
pub(crate) const KINDS: [&str; 5] = [STATUS, MILESTONE, SIGN_OFF, LIGHT, PROBLEM];

/// One recorded edit, with what its line says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Event {
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
    pub(crate) fn moved(from: Status, to: Status) -> Event {
        match (from, to) {
            (_, Status::Done) => Event::CrossOff { from },
            (Status::Done, _) => Event::Reopen { to: Some(to) },
            _ => Event::Status { from, to },
        }
    }

    /// A tick or untick of milestone `id` of task `task`, shown as `M2` when the id is the
    /// default one.
    pub(crate) fn tick(task: &str, id: &str, title: &str, done: bool) -> Event {
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

    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Event::Status { .. } => STATUS,
            Event::Tick { .. } => MILESTONE,
            Event::CrossOff { .. } | Event::Reopen { .. } => SIGN_OFF,
            Event::LightSet { .. } | Event::LightCleared => LIGHT,
            Event::Resolved { .. } => PROBLEM,
        }
    }

    /// The line as the file keeps it (Chinese).
    pub(crate) fn text(&self) -> String {
        self.words().zh
    }

    /// The log entry that records this event.
    pub(crate) fn entry(&self, date: NaiveDate, by: Option<&str>) -> LogEntry {
        LogEntry {
            date,
            text: self.text(),
            by: by.map(str::to_owned),
            kind: Some(self.kind().to_owned()),
        }
    }
}

/// The event a log entry records, when it is a history line: a history kind and a text as
/// `bairi` writes it. A note a person wrote with such a kind (`kind = "销号"`, "提交销号申请")
/// stays a note.
pub(crate) fn event(entry: &LogEntry) -> Option<Event> {
    let kind = entry.kind.as_deref().filter(|k| KINDS.contains(k))?;
    Event::parse(kind, &entry.text)
}

/// Whether a log entry is part of the history, not a note.
pub fn is_history(entry: &LogEntry) -> bool {
    event(entry).is_some()
}

/// What a log entry says in `lang`: a history line worded from its parts, anything else as
/// written.
pub(crate) fn describe(entry: &LogEntry, lang: Lang) -> String {
    match event(entry) {
        Some(event) => event.words().get(lang).to_owned(),
        None => entry.text.clone(),
    }
}

/// The notes of a task's log (entries that are not history), in file order.
pub(crate) fn notes(log: &[LogEntry]) -> impl DoubleEndedIterator<Item = &LogEntry> {
    log.iter().filter(|e| !is_history(e))
}

/// The history of a task's log, in file order.
pub(crate) fn history(log: &[LogEntry]) -> impl DoubleEndedIterator<Item = &LogEntry> {
    log.iter().filter(|e| is_history(e))
}
