//! The one way an edit changes a task: its own text is parsed alone, patched, and read back
//! through the loader's task reader (`load::recheck::read_task`), so the model is always
//! what the text says and a task that would not load is refused before anything changes.
//! The rest of the file is not touched, and the cost is that of the task. Edits that reach
//! beyond one task's text (a task added or deleted, pledges, reviews, undo) are read back
//! whole instead ([`CampaignFile::adopt`]); each says why. The board and the command line
//! ask for edits as values ([`apply::Edit`]), applied in one place ([`CampaignFile::apply`]).

pub mod apply;
pub(crate) mod args;
pub(crate) mod patch;
pub mod pledge;
pub(crate) mod publish;
pub(crate) mod sign_off;
pub(crate) mod splice;
pub(crate) mod task;
pub mod task_fields;
pub(crate) mod undo;
pub(crate) mod verify;
pub(crate) mod whole_file;

use chrono::NaiveDate;
use toml_edit::{DocumentMut, InlineTable, Table, Value};

use crate::domain::LogEntry;
use crate::i18n::Text;
use crate::store::diag::Diagnostic;
use crate::store::file::{CampaignFile, Refusal};
use crate::store::load::recheck::read_task;
use crate::store::load::{Today, load_str};
use crate::tr;

/// A log entry as the one-line inline table appended to `log`.
fn log_line(entry: &LogEntry) -> InlineTable {
    let mut inline = InlineTable::new();
    inline.insert("date", date_value(entry.date));
    if let Some(by) = &entry.by {
        inline.insert("by", patch::string(by));
    }
    if let Some(kind) = &entry.kind {
        inline.insert("kind", patch::string(kind));
    }
    inline.insert("text", patch::string(&entry.text));
    inline
}

/// Appends `entry` to the task's `log` (in the same patch as the edit it records, so one
/// undo takes back both the change and its history line).
pub(super) fn record(table: &mut Table, entry: &LogEntry) {
    patch::append_inline(table, "log", log_line(entry));
}

pub(super) fn date_value(d: NaiveDate) -> Value {
    let text = d.format("%Y-%m-%d").to_string();
    match text.parse::<toml_edit::Datetime>() {
        Ok(dt) => Value::from(dt),
        Err(_) => Value::from(text),
    }
}

pub(super) fn no_task(id: &str) -> Refusal {
    Refusal(tr!("没有编号为 {id} 的任务", "there is no task {id}"))
}

pub(super) fn layout_refusal(id: &str) -> Refusal {
    Refusal(tr!(
        "任务 {id} 的写法 bairi 无法就地修改(请用 [[tasks]] 表和内联表数组)",
        "task {id} is written in a form bairi cannot edit in place (use [[tasks]] tables and arrays of inline tables)"
    ))
}

/// `failure`, with the first thing the loader found wrong.
fn refused(failure: &Text, diagnostics: &[Diagnostic]) -> Refusal {
    let why = diagnostics
        .first()
        .map_or_else(|| Text::same("?"), |d| d.message.clone());
    Refusal(Text::new(
        format!("{}:{}", failure.zh, why.zh),
        format!("{}: {}", failure.en, why.en),
    ))
}

impl CampaignFile {
    pub(super) fn find(&self, id: &str) -> Result<usize, Refusal> {
        self.campaign.task_index(id).ok_or_else(|| no_task(id))
    }

    /// Refuses a person who is not in `[[people]]` (what an edit writes as `by` must load).
    pub(super) fn check_by(&self, by: Option<&str>) -> Result<(), Refusal> {
        by.map_or(Ok(()), |by| {
            crate::store::edit::verify::person(&self.campaign, by)
        })
    }

    /// Edits task `index`: `edit` changes its table, the new text is read back as the loader
    /// reads a task and, if it loads, replaces the task's text and the task. Nothing changes
    /// when `edit` refuses or the task would not load.
    pub(super) fn patch_task<R>(
        &mut self,
        index: usize,
        edit: impl FnOnce(&mut Table) -> Result<R, Refusal>,
    ) -> Result<R, Refusal> {
        let (mut doc, range) = self.task_document(index)?;
        let id = &self.campaign.tasks[index].id;
        let table = patch::task_mut(&mut doc, id).ok_or_else(|| layout_refusal(id))?;
        let out = edit(table)?;
        let new = crate::store::save::eol::like(&self.text[range.clone()], doc.to_string());
        if new == self.text[range.clone()] {
            // Already so: nothing to write, to save or to undo.
            return Ok(out);
        }
        let task = read_task(&new, &self.campaign, index, self.today)
            .map_err(|errors| refused(&Text::new("修改未保存", "not changed"), &errors))?;
        self.replace_task(index, range, new, task);
        Ok(out)
    }

    /// Task `index`'s text parsed on its own (a document holding one `[[tasks]]` table), and
    /// where that text is.
    pub(super) fn task_document(
        &self,
        index: usize,
    ) -> Result<(DocumentMut, std::ops::Range<usize>), Refusal> {
        let task = &self.campaign.tasks[index];
        let range = self
            .layout
            .elements
            .get(index)
            .cloned()
            .flatten()
            .map(|r| r.range)
            .ok_or_else(|| layout_refusal(&task.id))?;
        let doc = self.text[range.clone()]
            .parse::<DocumentMut>()
            .map_err(|_| layout_refusal(&task.id))?;
        Ok((doc, range))
    }

    /// Checks `text` as a file being opened and, if it loads, makes it the campaign. For
    /// edits whose rules span the file; its cost is that of the whole file.
    pub(super) fn adopt(&mut self, text: String, failure: Text) -> Result<(), Refusal> {
        let loaded = load_str(&text, Today::Date(self.today))
            .map_err(|r| refused(&failure, &r.diagnostics))?;
        self.campaign = std::sync::Arc::new(loaded.campaign);
        self.layout = loaded.layout;
        self.warnings = loaded.warnings;
        self.set_text(text);
        self.dirty = true;
        Ok(())
    }
}
