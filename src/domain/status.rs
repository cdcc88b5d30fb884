//! Task statuses (the board's columns) and lights.

use crate::i18n::{Lang, Text};
use crate::tr;

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
    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Blocked => "blocked",
            Status::PendingSignoff => "pending_signoff",
            Status::Done => "done",
        }
    }

    /// The Chinese spelling, also accepted in files.
    pub(crate) fn zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Blocked => "受阻",
            Status::PendingSignoff => "待销号",
            Status::Done => "已销号",
        }
    }

    /// The English label shown in the interface.
    pub(crate) fn en_label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Blocked => "Blocked",
            Status::PendingSignoff => "Pending sign-off",
            Status::Done => "Crossed off",
        }
    }

    pub(crate) fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en_label(),
        }
    }

    /// Accepts the English key or the Chinese spelling.
    pub(crate) fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.key() == s || st.zh() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn next(self) -> Option<Status> {
        Status::ALL.get(self.index() + 1).copied()
    }

    pub(crate) fn previous(self) -> Option<Status> {
        self.index().checked_sub(1).map(|i| Status::ALL[i])
    }

    /// Pending sign-off or crossed off: the task's work is finished.
    pub(crate) fn is_finished(self) -> bool {
        matches!(self, Status::PendingSignoff | Status::Done)
    }

    /// Whether a task in this status must have every milestone done.
    pub(crate) fn needs_every_milestone(self) -> bool {
        self.is_finished()
    }

    /// Whether a task in this status must have no open problem.
    pub(crate) fn needs_no_open_problem(self) -> bool {
        self == Status::Done
    }

    /// The sign-off rule (销号): whether a task with `undone` milestones and `open` problems
    /// may be in this status. The one place the rule is written: the loader checks files
    /// with it, the edits refuse with it.
    pub(crate) fn may_hold(self, undone: usize, open: usize) -> Result<(), SignOffBlock> {
        let blocked = (self.needs_every_milestone() && undone > 0)
            || (self.needs_no_open_problem() && open > 0);
        if blocked {
            Err(SignOffBlock {
                status: self,
                undone,
                open,
            })
        } else {
            Ok(())
        }
    }
}

/// Why a task may not be in a status: the sign-off rule, with the counts that break it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SignOffBlock {
    pub(crate) status: Status,
    pub(crate) undone: usize,
    pub(crate) open: usize,
}

impl SignOffBlock {
    /// The refusal of an edit that would move task `id` into the status.
    pub(crate) fn refusal(&self, id: &str) -> Text {
        let undone = self.undone;
        if self.status == Status::Done {
            let left = self.left(["milestone(s) not done", "open problem(s)"]);
            Text::new(
                format!("{id} 还有 {},不能销号", left.zh),
                format!("{id} has {}; it cannot be crossed off", left.en),
            )
        } else {
            tr!(
                "{id} 还有 {undone} 个节点未完成,不能申请销号",
                "{id} has {undone} milestone(s) not done; it cannot go to pending sign-off"
            )
        }
    }

    /// What is left before crossing off, naming only the counts that are not zero:
    /// `2 个节点未完成、1 个问题未解决`; `en` words the two counts in English.
    fn left(&self, en: [&str; 2]) -> Text {
        let (undone, open) = (self.undone, self.open);
        let mut zh = Vec::new();
        let mut words = Vec::new();
        if undone > 0 || open == 0 {
            zh.push(format!("{undone} 个节点未完成"));
            words.push(format!("{undone} {}", en[0]));
        }
        if open > 0 {
            zh.push(format!("{open} 个问题未解决"));
            words.push(format!("{open} {}", en[1]));
        }
        Text::new(zh.join("、"), words.join(" and "))
    }

    /// The loader's finding on a file whose task is in the status, and how to fix it.
    pub(crate) fn finding(&self) -> (Text, Text) {
        let undone = self.undone;
        if self.status == Status::Done {
            let left = self.left(["milestone(s) are not done", "problem(s) are open"]);
            (
                Text::new(
                    format!("状态为已销号,但还有 {}", left.zh),
                    format!("status is crossed off but {}", left.en),
                ),
                Text::new(
                    "销号前须完成全部节点并解决全部问题",
                    "every milestone must be done and every problem resolved first",
                ),
            )
        } else {
            (
                tr!(
                    "状态为待销号,但还有 {undone} 个节点未完成",
                    "status is pending sign-off but {undone} milestone(s) are not done"
                ),
                Text::new(
                    "先完成全部节点,或改回推进中",
                    "finish every milestone first, or set it back to in progress",
                ),
            )
        }
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
    pub(crate) fn key(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Green => "green",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Light> {
        match s {
            "red" | "红" | "红灯" => Some(Light::Red),
            "yellow" | "黄" | "黄灯" => Some(Light::Yellow),
            "green" | "绿" | "绿灯" => Some(Light::Green),
            _ => None,
        }
    }

    pub(crate) fn label(self) -> Text {
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
    fn the_sign_off_rule() {
        for st in [Status::NotStarted, Status::InProgress, Status::Blocked] {
            assert_eq!(st.may_hold(3, 2), Ok(()));
        }
        assert_eq!(Status::PendingSignoff.may_hold(0, 2), Ok(()));
        assert!(Status::PendingSignoff.may_hold(1, 0).is_err());
        assert_eq!(Status::Done.may_hold(0, 0), Ok(()));
        let block = Status::Done.may_hold(0, 1).unwrap_err();
        assert!(block.refusal("T07").en.contains("cannot be crossed off"));
        assert!(block.finding().0.zh.contains("1 个问题未解决"));
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        assert_eq!(Status::NotStarted.previous(), None);
        assert_eq!(Status::Done.next(), None);
        assert_eq!(Status::Blocked.next(), Some(Status::PendingSignoff));
        assert_eq!(Status::Blocked.previous(), Some(Status::InProgress));
    }
}
