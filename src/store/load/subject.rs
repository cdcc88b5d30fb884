//! What a finding is about (`任务 T03`, `[campaign]`), worded only when a finding is made:
//! a clean file of 10,000 tasks then formats no names at all.

use std::rc::Rc;

use crate::i18n::Text;

#[derive(Debug, Clone)]
pub(crate) enum Subject {
    Named(Text),
    /// An entry named by its id; cheap to share between an entry and its parts.
    Id(IdKind, Rc<str>),
}

impl Subject {
    pub(crate) fn text(&self) -> Text {
        match self {
            Subject::Named(text) => text.clone(),
            Subject::Id(kind, id) => {
                let name = kind.name();
                Text::new(format!("{} {id}", name.zh), format!("{} {id}", name.en))
            }
        }
    }
}

impl From<Text> for Subject {
    fn from(text: Text) -> Self {
        Subject::Named(text)
    }
}

/// The kind of an id: which table it names an entry of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum IdKind {
    Category,
    Unit,
    Person,
    Task,
    Milestone,
    Problem,
}

impl IdKind {
    pub(crate) fn name(self) -> Text {
        match self {
            IdKind::Category => Text::new("分类", "category"),
            IdKind::Unit => Text::new("单位", "unit"),
            IdKind::Person => Text::new("人员", "person"),
            IdKind::Task => Text::new("任务", "task"),
            IdKind::Milestone => Text::new("节点", "milestone"),
            IdKind::Problem => Text::new("问题", "problem"),
        }
    }

    pub(super) fn table(self) -> &'static str {
        match self {
            IdKind::Category => "[[categories]]",
            IdKind::Unit => "[[units]]",
            IdKind::Person => "[[people]]",
            IdKind::Task => "[[tasks]]",
            IdKind::Milestone => "milestones",
            IdKind::Problem => "[[tasks.problems]]",
        }
    }

    /// `任务 T03` / `task T03`.
    pub(crate) fn subject(self, id: &str) -> Subject {
        Subject::Id(self, id.into())
    }
}

impl IdKind {
    pub(super) const ALL: usize = 6;

    pub(super) fn slot(self) -> usize {
        self as usize
    }
}
