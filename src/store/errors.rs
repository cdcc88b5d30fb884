//! Why opening, editing or saving a campaign file did not happen, in both languages.

use std::io;

use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::tr;

/// Why a file could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// It has errors (listed, errors first).
    Rejected(Vec<Diagnostic>),
    Io(io::Error),
}

/// Why an edit was refused, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal(pub Text);

impl Refusal {
    pub fn message(&self) -> Text {
        self.0.clone()
    }
}

/// Why a save did not happen; the edits stay in memory.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the file was changed by someone else since it was opened")]
    ChangedOnDisk,
    #[error("you may not write this file")]
    ReadOnly,
    #[error("{} edit(s) conflict with changes made elsewhere", .0.len())]
    Conflicts(Vec<crate::store::merge::conflict::Conflict>),
    #[error("the file would not load after this save")]
    Invalid(Vec<Diagnostic>),
    #[error("the file on disk was not merged")]
    NotMerged(crate::store::merge::theirs::NotMerged),
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl SaveError {
    /// Whether the file on disk is as it was: false only for a save in place that stopped
    /// after changing it (the next bairi to open it finishes it from its journal).
    pub(crate) fn left_unchanged(&self) -> bool {
        !matches!(self, SaveError::Io(e) if crate::store::save::in_place::Unfinished::of(e).is_some())
    }

    pub fn message(&self) -> Text {
        match self {
            SaveError::ChangedOnDisk => Text::new(
                "文件在打开后被其他人或程序修改过,为免覆盖未保存",
                "the file was changed elsewhere since it was opened; not overwritten",
            ),
            SaveError::ReadOnly => {
                let user = crate::store::save::access::user_name();
                tr!(
                    "用户 {user} 没有写入这个文件的权限(只读,或属于别人),未保存",
                    "user {user} may not write this file (it is read-only, or someone else's); not saved"
                )
            }
            SaveError::Conflicts(list) => {
                let n = list.len();
                tr!(
                    "与其他人的修改有 {n} 处冲突",
                    "{n} edit(s) conflict with changes made elsewhere"
                )
            }
            SaveError::Invalid(errors) => refusal(errors),
            SaveError::NotMerged(why) => why.message(),
            SaveError::Io(e) => match (crate::store::save::guard::Unfit::of(e), e.kind()) {
                (Some(unfit), _) => unfit.why(),
                (None, _)
                    if let Some(unfinished) = crate::store::save::in_place::Unfinished::of(e) =>
                {
                    unfinished.why()
                }
                (None, io::ErrorKind::WouldBlock) => Text::new(
                    "另一个 bairi 一直在保存这个文件,请稍后再试",
                    "another bairi has been saving this file for a long time; try again later",
                ),
                (None, io::ErrorKind::PermissionDenied) => Text::new(
                    "没有权限写入文件或其所在目录",
                    "permission denied writing the file or its folder",
                ),
                _ => tr!("写入失败:{e}", "could not write: {e}"),
            },
        }
    }
}

/// Why a save was refused: what the loader would say, first error only.
fn refusal(errors: &[Diagnostic]) -> Text {
    let why = errors.first().map_or_else(
        || Text::same("?"),
        |d| {
            let subject = d.subject.clone().unwrap_or_else(|| Text::same(""));
            Text::new(
                format!("{} {}", subject.zh, d.message.zh),
                format!("{} {}", subject.en, d.message.en),
            )
        },
    );
    let (zh, en) = (why.zh.trim(), why.en.trim());
    tr!(
        "保存后文件将无法打开({zh}),未保存;修改仍在,请撤销或改正",
        "the file would not load after this save ({en}); not saved; the edits are kept: undo or fix them"
    )
}
