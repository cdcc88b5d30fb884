//! Parse and check a campaign file into a [`Campaign`], with every finding located.

mod campaign;
mod conflicts;
mod entry;
mod pass;
mod people;
pub(crate) mod recheck;
mod records;
mod refs;
mod report;
mod subject;
mod task_parts;
mod tasks;

use chrono::NaiveDate;

use self::entry::Entry;
use self::report::Findings;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::store::tree::{Layout, Limit, Pieces, TreeError};
use crate::tr;

/// The format version this build reads and writes.
pub(crate) const SCHEMA_VERSION: i64 = 1;

pub use crate::domain::Today;

/// A file that loaded: the campaign, where each task is written, and the warnings.
#[derive(Debug)]
pub struct Loaded {
    pub campaign: Campaign,
    /// Where each `[[tasks]]` table is written (in file order), for edits in place.
    pub layout: Layout,
    /// "Today" as the checks saw it, in the campaign's zone.
    pub today: NaiveDate,
    /// Warnings only; a load with errors fails.
    pub warnings: Vec<Diagnostic>,
}

/// A file that did not load: every finding, errors first.
#[derive(Debug)]
pub struct Rejected {
    pub diagnostics: Vec<Diagnostic>,
}

const TOP_KEYS: &[&str] = &[
    "schema_version",
    "campaign",
    "rules",
    "categories",
    "units",
    "people",
    "tasks",
    "commitments",
    "reviews",
    "conflicts",
];

/// Loads a file's bytes and keeps them as its text (checked as UTF-8 once).
pub(crate) fn load_text(bytes: Vec<u8>, today: Today) -> Result<(String, Loaded), Rejected> {
    match String::from_utf8(bytes) {
        Ok(text) => load_str(&text, today).map(|loaded| (text, loaded)),
        Err(err) => Err(load_bytes(err.as_bytes(), today).err().unwrap_or(Rejected {
            diagnostics: Vec::new(),
        })),
    }
}

/// Loads a file's bytes: invalid UTF-8 is reported with its position.
pub fn load_bytes(bytes: &[u8], today: Today) -> Result<Loaded, Rejected> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text, today),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let mut f = Findings::new(valid);
            let offset = valid.len();
            f.error(
                Some(offset..offset + 1),
                None,
                Text::new(
                    "文件不是有效的 UTF-8 文本",
                    "the file is not valid UTF-8 text",
                ),
                Some(Text::new(
                    "请用 UTF-8 编码保存(如从 GBK 转换);不是二进制文件吗?",
                    "save it as UTF-8 (convert from GBK if needed); is it a binary file?",
                )),
            );
            Err(Rejected {
                diagnostics: f.into_sorted(),
            })
        }
    }
}

/// Loads campaign text: parses, checks every rule of format 1, and builds the model.
pub fn load_str(text: &str, today: Today) -> Result<Loaded, Rejected> {
    let mut f = Findings::new(text);
    if text.trim().is_empty() {
        f.error(
            Some(0..0),
            None,
            Text::new("文件是空的", "the file is empty"),
            Some(Text::new(
                "活动文件至少需要 schema_version、[campaign]、[[categories]] 和 [[units]];可参照 assets/format.md 的示例",
                "a campaign needs at least schema_version, [campaign], [[categories]] and [[units]]; see the example in assets/format.md",
            )),
        );
        return Err(Rejected {
            diagnostics: f.into_sorted(),
        });
    }
    if text.len() as u64 > crate::store::save::guard::MAX_BYTES {
        // Text that did not come through `guard::read` (a git blob, a merge's side).
        let max = crate::store::save::guard::MAX_BYTES / (1024 * 1024);
        let at = text.floor_char_boundary(max as usize * 1024 * 1024);
        f.error(
            Some(at..at),
            None,
            tr!(
                "文件太大(上限 {max} MB),不像活动文件",
                "too large (the limit is {max} MB) to be a campaign"
            ),
            Some(Text::new(
                "请确认文件是否正确(一万个任务的活动约 8 MB)",
                "check that this is the right file (a campaign of 10,000 tasks is about 8 MB)",
            )),
        );
        return Err(rejected(f));
    }
    // A large file is parsed on a second thread while this one builds and checks. Tasks are
    // read as they come, once `[campaign]` and the lists before them are read; should the
    // file add to those later (valid TOML, rarely written), it is read again as a whole.
    let streamed = std::thread::scope(|scope| {
        pass::read_all(text, today, f, Pieces::start(text, scope), true)
    });
    streamed.unwrap_or_else(|| {
        std::thread::scope(|scope| {
            let f = Findings::new(text);
            pass::read_all(text, today, f, Pieces::start(text, scope), false).unwrap_or_else(|| {
                Err(Rejected {
                    diagnostics: Vec::new(),
                })
            })
        })
    })
}

fn rejected(f: Findings) -> Rejected {
    Rejected {
        diagnostics: f.into_sorted(),
    }
}

/// The text is not TOML: one error, where it goes wrong (what tasks before it said is
/// dropped, so the finding is the same whatever the file's size).
fn syntax_error(text: &str, err: TreeError, mut f: Findings) -> Rejected {
    f.list.clear();
    let span = err.span.clone().or(Some(text.len()..text.len()));
    let (what, hint) = syntax_words(err);
    f.error(span, None, what, Some(hint));
    rejected(f)
}

/// What is wrong with text that is not TOML (or goes past a limit), and what to do.
pub(crate) fn syntax_words(err: TreeError) -> (Text, Text) {
    if let Some(limit) = err.limit {
        return (limit.what(), Limit::hint());
    }
    let message = err.message;
    (
        tr!("不是有效的 TOML:{message}", "not valid TOML: {message}"),
        Text::new(
            "检查该处的引号、括号和等号;日期写作 2026-09-01,字符串加引号",
            "check the quotes, brackets and `=` there; dates look like 2026-09-01, strings are quoted",
        ),
    )
}

/// `schema_version` must be present and not newer than this build reads.
fn schema_ok(root: &Entry, f: &mut Findings) -> bool {
    let Some(version) = root.int(f, "schema_version", true) else {
        return false;
    };
    if version == SCHEMA_VERSION {
        return true;
    }
    let span = root.value_span("schema_version");
    if version > SCHEMA_VERSION {
        f.error(
            span,
            None,
            tr!(
                "此文件为格式版本 {version},本版 bairi 只能读取版本 {SCHEMA_VERSION}",
                "this file uses format version {version}; this bairi reads version {SCHEMA_VERSION} only"
            ),
            Some(tr!(
                "请升级 bairi 到支持 schema_version = {version} 的版本",
                "upgrade bairi to a version that reads schema_version = {version}"
            )),
        );
    } else {
        f.error(
            span,
            None,
            tr!(
                "未知的格式版本 {version}",
                "unknown format version {version}"
            ),
            Some(Text::new(
                "请写 `schema_version = 1`",
                "write `schema_version = 1`",
            )),
        );
    }
    false
}
