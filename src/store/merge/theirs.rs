//! The version on disk that a save merges with. An editor that writes slowly leaves a
//! half-written file for a moment: merged as it stands, its missing tasks would count as
//! deleted. So the file is merged only when it loads and has not suddenly lost many tasks;
//! otherwise it is read again after short pauses, and at last the save is refused with the
//! edits kept. A drop that is still there at the next save, byte for byte the same file, is
//! taken as meant (someone removed those tasks).

use std::path::Path;
use std::time::Duration;

use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::store::load::{Today, load_str};
use crate::store::save::atomic::{Fingerprint, read_fingerprinted};
use crate::store::tree::Layout;
use crate::tr;

/// The pauses before reading again: about 300 ms in all.
pub const PAUSES: [Duration; 3] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(150),
];

/// The version on disk, as read: its text, fingerprint, and where its tasks are written (so
/// that the merge need not read it again).
#[derive(Debug)]
pub struct Theirs {
    pub text: String,
    pub at: Fingerprint,
    /// Each task's id, in file order.
    pub ids: Vec<String>,
    pub layout: Layout,
}

/// Why the version on disk was not merged.
#[derive(Debug)]
pub enum NotMerged {
    /// It does not load (every finding, errors first).
    Unloadable(Vec<Diagnostic>),
    /// It loads, but `lost` of my `had` tasks are gone from it at once.
    Vanished {
        had: usize,
        lost: usize,
        at: Fingerprint,
    },
}

impl NotMerged {
    pub fn message(&self) -> Text {
        match self {
            NotMerged::Unloadable(list) => {
                let first = list.first();
                let line = first.map_or(0, |d| d.line);
                let why = first.map_or_else(|| Text::same("?"), |d| d.message.clone());
                let (zh, en) = (why.zh, why.en);
                tr!(
                    "磁盘上的文件已被他人修改,但现在无法读取(第 {line} 行:{zh};可能正在被编辑器写入),未合并也未保存;修改仍在,请稍后再保存",
                    "the file on disk was changed elsewhere and does not load now (line {line}: {en}; an editor may still be writing it); not merged or saved; your edits are kept: save again shortly"
                )
            }
            NotMerged::Vanished { had, lost, .. } => tr!(
                "磁盘上的文件突然少了 {lost} 个任务(原有 {had} 个),可能还没写完,未保存;修改仍在。若确是有人删除了它们,再保存一次即可",
                "the file on disk has suddenly lost {lost} of {had} tasks (it may be half written); not saved; your edits are kept. If someone removed them on purpose, save again"
            ),
        }
    }
}

/// Whether losing `lost` of `had` tasks at once looks like a file cut short, not an edit.
fn sudden(had: usize, lost: usize) -> bool {
    lost >= 3 && lost * 3 >= had
}

/// The usual wait before read `n` again (from 0): one of [`PAUSES`]; `false` once they are
/// all spent (read no more).
pub fn pause_as_usual(n: usize) -> bool {
    PAUSES.get(n).map(|p| std::thread::sleep(*p)).is_some()
}

/// Reads the version on disk to merge with: its text once it loads and keeps enough of my
/// `had` tasks (or the drop was already refused once for this very file, `accepted`).
/// After the `n`th read that is not ready (from 0), `pause(n)` waits and says whether to
/// read again ([`pause_as_usual`] in a save; a test passes its own, driven by state).
pub fn read_theirs(
    path: &Path,
    today: chrono::NaiveDate,
    had: usize,
    accepted: Option<&Fingerprint>,
    pause: &mut dyn FnMut(usize) -> bool,
) -> Result<Result<Theirs, NotMerged>, std::io::Error> {
    let mut n = 0;
    loop {
        let (bytes, at) = read_fingerprinted(path)?;
        let found = match String::from_utf8(bytes) {
            Err(e) => Err(NotMerged::Unloadable(
                crate::store::load::load_bytes(e.as_bytes(), Today::Date(today))
                    .err()
                    .map(|r| r.diagnostics)
                    .unwrap_or_default(),
            )),
            Ok(text) => match load_str(&text, Today::Date(today)) {
                Err(r) => Err(NotMerged::Unloadable(r.diagnostics)),
                Ok(loaded) => {
                    let lost = had.saturating_sub(loaded.campaign.tasks.len());
                    if sudden(had, lost) && accepted != Some(&at) {
                        Err(NotMerged::Vanished { had, lost, at })
                    } else {
                        let ids = loaded.campaign.tasks.into_iter().map(|t| t.id).collect();
                        let layout = loaded.layout;
                        Ok(Theirs {
                            text,
                            at,
                            ids,
                            layout,
                        })
                    }
                }
            },
        };
        match found {
            Ok(found) => return Ok(Ok(found)),
            Err(not) if !pause(n) => return Ok(Err(not)),
            Err(_) => n += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_tasks_gone_is_an_edit_many_at_once_is_suspect() {
        assert!(!sudden(13, 1));
        assert!(!sudden(13, 2));
        assert!(!sudden(100, 10));
        assert!(sudden(13, 7));
        assert!(sudden(9, 3));
    }
}
