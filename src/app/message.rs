//! The status line's message: what it says, in which tone, and the next step it offers.

use crate::i18n::Text;

/// How a message is shown: information, a warning or an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: Text,
    pub tone: Tone,
    /// What the footer offers after it, with the key as the keymap binds it.
    pub(crate) offer: Option<Offer>,
}

/// A next step a message offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offer {
    /// The edit it reports can be undone.
    Undo,
    /// The edits are not saved: saving again may work.
    Save,
}
