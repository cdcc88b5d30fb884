//! How much structure one text may hold: nesting depth, parts of one key and tokens in one
//! table. Checked while lexing, so hostile text (3 MB of `[`, a key of a million parts) is
//! refused after a few tokens, with memory a small multiple of the file's size.

use crate::i18n::Text;
use crate::tr;

/// How deep arrays and inline tables may nest (as `toml_edit` allows).
pub(crate) const NESTING_LIMIT: u32 = 80;
/// The most dots in one key (`a.b.c` has two); a header `[a.b]` counts the same way.
pub(crate) const KEY_DOTS_LIMIT: u32 = 80;
/// The most tokens (keys, values, punctuation, spaces) between two table headers. A task is
/// a few hundred; a published review of 100 000 red tasks some 300 000.
pub(crate) const TABLE_TOKENS_LIMIT: usize = 1_000_000;

/// A limit the text went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    Depth,
    KeyParts,
    TableTokens,
}

impl Limit {
    /// The parser's wording, which also marks the error as this limit's.
    pub(crate) fn description(self) -> &'static str {
        match self {
            Limit::Depth => "arrays and inline tables nested too deeply",
            Limit::KeyParts => "a key with too many dotted parts",
            Limit::TableTokens => "a table too large",
        }
    }

    pub(crate) fn of(description: &str) -> Option<Limit> {
        [Limit::Depth, Limit::KeyParts, Limit::TableTokens]
            .into_iter()
            .find(|l| l.description() == description)
    }

    /// What is wrong, for people.
    pub(crate) fn what(self) -> Text {
        match self {
            Limit::Depth => tr!(
                "数组和内联表嵌套超过 {NESTING_LIMIT} 层",
                "arrays and inline tables nested more than {NESTING_LIMIT} deep"
            ),
            Limit::KeyParts => tr!(
                "键名超过 {KEY_DOTS_LIMIT} 段(以点分隔)",
                "a key of more than {KEY_DOTS_LIMIT} parts (dotted)"
            ),
            Limit::TableTokens => tr!(
                "一个表超过 {TABLE_TOKENS_LIMIT} 个记号(键、值和标点)",
                "a table of more than {TABLE_TOKENS_LIMIT} tokens (keys, values and marks)"
            ),
        }
    }

    /// What to do about any of them.
    pub(crate) fn hint() -> Text {
        Text::new(
            "活动文件远用不到这么多;请确认文件是否正确,或从备份恢复",
            "no campaign needs this much; check that this is the right file, or restore it from a backup",
        )
    }
}
