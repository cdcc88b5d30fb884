//! What a finding is about (`任务 T03`, `[campaign]`), worded only when a finding is made:
//! a clean file of 10,000 tasks then formats no names at all.

use std::rc::Rc;

use super::refs::IdKind;
use crate::i18n::Text;

#[derive(Debug, Clone)]
pub enum Subject {
    Named(Text),
    /// An entry named by its id; cheap to share between an entry and its parts.
    Id(IdKind, Rc<str>),
}

impl Subject {
    pub fn text(&self) -> Text {
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
