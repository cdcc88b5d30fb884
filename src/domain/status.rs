//! Task statuses (the board's columns) and lights.

use crate::i18n::{Lang, Text};

/// The status a person sets; the board's columns, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    NotStarted,
    InProgress,
    Blocked,
    PendingSignoff,
    Done,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Blocked,
        Status::PendingSignoff,
        Status::Done,
    ];

    /// The English key used in files and reports.
    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Blocked => "blocked",
            Status::PendingSignoff => "pending_signoff",
            Status::Done => "done",
        }
    }

    /// The Chinese spelling, also accepted in files.
    pub fn zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Blocked => "受阻",
            Status::PendingSignoff => "待销号",
            Status::Done => "已销号",
        }
    }

    /// The English label shown in the interface.
    pub fn en_label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Blocked => "Blocked",
            Status::PendingSignoff => "Pending sign-off",
            Status::Done => "Crossed off",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en_label(),
        }
    }

    /// Accepts the English key or the Chinese spelling.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.key() == s || st.zh() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Status> {
        Status::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Status> {
        self.index().checked_sub(1).map(|i| Status::ALL[i])
    }

    /// Pending sign-off or crossed off: the task's work is finished.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::PendingSignoff | Status::Done)
    }
}

/// A light a person can set by override.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    Green,
    Yellow,
    Red,
}

impl Light {
    pub fn key(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
        }
    }

    pub fn parse(s: &str) -> Option<Light> {
        match s {
            "red" | "红" | "红灯" => Some(Light::Red),
            "yellow" | "黄" | "黄灯" => Some(Light::Yellow),
            "green" | "绿" | "绿灯" => Some(Light::Green),
            _ => None,
        }
    }

    pub fn label(self) -> Text {
        match self {
            Light::Red => Text::new("红灯", "red"),
            Light::Yellow => Text::new("黄灯", "yellow"),
            Light::Green => Text::new("绿灯", "green"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_both_spellings() {
        for st in Status::ALL {
            assert_eq!(Status::parse(st.key()), Some(st));
            assert_eq!(Status::parse(st.zh()), Some(st));
        }
        assert_eq!(Status::parse("finished"), None);
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Status::NotStarted.previous(), None);
        assert_eq!(Status::Done.next(), None);
        assert_eq!(Status::Blocked.next(), Some(Status::PendingSignoff));
        assert_eq!(Status::Blocked.previous(), Some(Status::InProgress));
    }
}
