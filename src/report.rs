//! Reports: the campaign's computed values, gathered once and written in several formats.

pub mod doc;
pub(crate) mod filter;
pub mod json;
pub(crate) mod money;
pub(crate) mod plain;
pub mod text;
pub mod values;
pub mod views;
pub(crate) mod xlsx;

/// The output formats `bairi report` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Json,
    Markdown,
    Csv,
    /// Plain numbered text for chat groups: the briefing, or `--view V` as numbered lines.
    Text,
    /// An Excel workbook, one sheet per view (`--view V`: that view only); needs `--out`.
    Xlsx,
}
