//! An open campaign file: the model and the document kept in step, edits that follow the
//! rules, and a save that never overwrites someone else's changes.

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{DocumentMut, InlineTable, Table, Value};

use super::merge_text::TaskTexts;
use super::merge3::{NotMerged, merge_three_read};
use super::splice::{Change, Splice};
use super::tree::Layout;

use super::atomic::{Fingerprint, changed_on_disk, read_fingerprinted, write_atomically};
use super::backup::BackupPolicy;
use super::diag::Diagnostic;
use super::load::{Today, load_str, load_text};
use super::patch;
use crate::domain::{Campaign, LogEntry, Problem, Status, Task};
use crate::i18n::Text;
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
    Conflicts(Vec<super::merge::Conflict>),
    #[error("the file would not load after this save")]
    Invalid(Vec<Diagnostic>),
    #[error("the file on disk was not merged")]
    NotMerged(super::theirs::NotMerged),
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl SaveError {
    pub fn message(&self) -> Text {
        match self {
            SaveError::ChangedOnDisk => Text::new(
                "文件在打开后被其他人或程序修改过,为免覆盖未保存",
                "the file was changed elsewhere since it was opened; not overwritten",
            ),
            SaveError::ReadOnly => {
                let user = super::access::user_name();
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
            SaveError::Invalid(errors) => super::sound::refusal(errors),
            SaveError::NotMerged(why) => why.message(),
            SaveError::Io(e) => match (super::guard::Unfit::of(e), e.kind()) {
                (Some(unfit), _) => unfit.why(),
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

/// What changed in the campaign since derived values were last computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Nothing,
    /// Only these tasks (by index), in place.
    Tasks(Vec<usize>),
    /// Anything: the campaign was reloaded.
    All,
}

impl Changed {
    fn task(&mut self, index: usize) {
        match self {
            Changed::Nothing => *self = Changed::Tasks(vec![index]),
            Changed::Tasks(list) if !list.contains(&index) => list.push(index),
            Changed::Tasks(_) | Changed::All => {}
        }
    }
}

/// Which milestone: by position (0-based) or by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneRef {
    Index(usize),
    Id(String),
}

/// What a new problem says.
#[derive(Debug, Clone, Default)]
pub struct NewProblem {
    pub text: String,
    pub kind: Option<String>,
    pub blocking: bool,
    pub owner: Option<String>,
    /// The person who coordinates (a follow-up order's, say).
    pub coordinator: Option<String>,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct CampaignFile {
    pub path: PathBuf,
    /// Shared with a copy being saved by the store worker (edits wait for it meanwhile), so
    /// that copy costs no second campaign; changed only through [`CampaignFile::campaign_mut`].
    pub campaign: std::sync::Arc<Campaign>,
    /// The text as it will be saved; edits replace the text of the task they touch.
    pub(super) text: String,
    /// Where each task of `campaign.tasks` is written in `text`.
    pub(super) layout: Layout,
    fingerprint: Fingerprint,
    /// Edits not yet on disk.
    pub dirty: bool,
    pub warnings: Vec<Diagnostic>,
    /// Today as of opening, in the campaign's zone (or the pinned date).
    pub today: NaiveDate,
    /// Timestamped copies kept on each save (none by default).
    pub backups: BackupPolicy,
    /// Stamps those copies (the system clock unless the opener passes its own).
    pub clock: crate::clock::Clock,
    /// The running user may not write the file (as the system decides, not by its mode
    /// bits alone): it is shown, never changed.
    pub read_only: bool,
    /// Every change to `text` since it was read or written, in order: reverted, they give
    /// the common base for merging with changes made elsewhere.
    journal: Vec<Splice>,
    /// Which tasks changed since [`CampaignFile::take_changed`] was last asked.
    changed: Changed,
    /// Tasks (by index) edited in place since the text was last checked whole: a save
    /// checks them again first (see `sound.rs`).
    pub(super) touched: Vec<usize>,
    /// The version on disk that lost many tasks at once and was refused for it once: at the
    /// next save the same file is taken as meant.
    vanished: Option<Fingerprint>,
    /// Counts the times the text took in changes made elsewhere (a reload or a merge).
    generation: u64,
}

/// A look at the file on disk as of one version of it (see [`CampaignFile::watch_point`]).
#[derive(Debug, Clone)]
pub struct WatchPoint {
    path: PathBuf,
    fingerprint: super::atomic::Fingerprint,
    today: NaiveDate,
    dirty: bool,
    backups: BackupPolicy,
    clock: crate::clock::Clock,
}

/// What a look at the disk found.
#[derive(Debug)]
pub enum Noticed {
    Nothing,
    /// Changed elsewhere while there are unsaved edits here: the next save merges.
    ChangedWhileDirty,
    /// Changed elsewhere, read again.
    Reloaded(Box<CampaignFile>),
    /// Changed elsewhere, but it cannot be read or has errors: left unread.
    Unreadable(OpenError),
}

impl WatchPoint {
    /// Compares the disk with this version, and reads the file again when it changed and
    /// nothing here is unsaved. May take long on a big file: run it off the UI thread.
    pub fn look(&self) -> Noticed {
        match changed_on_disk(&self.path, &self.fingerprint) {
            Ok(false) => Noticed::Nothing,
            Ok(true) if self.dirty => Noticed::ChangedWhileDirty,
            Ok(true) => match CampaignFile::read(&self.path, Today::Date(self.today)) {
                Ok(mut file) => {
                    file.backups = self.backups.clone();
                    file.clock = self.clock;
                    Noticed::Reloaded(Box::new(file))
                }
                Err(e) => Noticed::Unreadable(e),
            },
            Err(e) => Noticed::Unreadable(OpenError::Io(e)),
        }
    }
}

pub(super) fn date_value(d: NaiveDate) -> Value {
    let text = d.format("%Y-%m-%d").to_string();
    match text.parse::<toml_edit::Datetime>() {
        Ok(dt) => Value::from(dt),
        Err(_) => Value::from(text),
    }
}

fn no_task(id: &str) -> Refusal {
    Refusal(tr!("没有编号为 {id} 的任务", "there is no task {id}"))
}

pub(super) fn layout_refusal(id: &str) -> Refusal {
    Refusal(tr!(
        "任务 {id} 的写法 bairi 无法就地修改(请用 [[tasks]] 表和内联表数组)",
        "task {id} is written in a form bairi cannot edit in place (use [[tasks]] tables and arrays of inline tables)"
    ))
}

impl CampaignFile {
    /// Reads and checks the file; if no one is saving it, cleans up temp files that an
    /// interrupted save left behind.
    pub fn open(path: &Path, today: Today) -> Result<CampaignFile, OpenError> {
        if let Ok(Some(_lock)) = super::lock::Lock::try_acquire(path) {
            super::leftovers::clean(path);
        }
        CampaignFile::read(path, today)
    }

    /// Reads and checks the file.
    fn read(path: &Path, today: Today) -> Result<CampaignFile, OpenError> {
        let (bytes, fingerprint) = read_fingerprinted(path).map_err(OpenError::Io)?;
        let (text, loaded) =
            load_text(bytes, today).map_err(|r| OpenError::Rejected(r.diagnostics))?;
        Ok(CampaignFile {
            path: path.to_owned(),
            campaign: std::sync::Arc::new(loaded.campaign),
            layout: loaded.layout,
            text,
            journal: Vec::new(),
            changed: Changed::Nothing,
            touched: Vec::new(),
            vanished: None,
            generation: 0,
            fingerprint,
            dirty: false,
            warnings: loaded.warnings,
            today: loaded.today,
            backups: BackupPolicy::default(),
            clock: crate::clock::Clock::System,
            read_only: !super::access::may_write(path),
        })
    }

    /// What a watcher needs to notice changes made elsewhere, without holding the file.
    pub fn watch_point(&self) -> WatchPoint {
        WatchPoint {
            path: self.path.clone(),
            fingerprint: self.fingerprint.clone(),
            today: self.today,
            dirty: self.dirty,
            backups: self.backups.clone(),
            clock: self.clock,
        }
    }

    /// Whether this is still the version `point` was taken from (nothing saved or reloaded
    /// since).
    pub fn is_at(&self, point: &WatchPoint) -> bool {
        self.fingerprint == point.fingerprint && self.dirty == point.dirty
    }

    /// Re-reads the file if someone else changed it, unless there are unsaved edits here.
    /// `Ok(true)` when it reloaded; a changed file with errors is left unread (`Err`).
    pub fn reload_if_changed(&mut self) -> Result<bool, OpenError> {
        if self.dirty || !changed_on_disk(&self.path, &self.fingerprint).map_err(OpenError::Io)? {
            return Ok(false);
        }
        let (bytes, fingerprint) = read_fingerprinted(&self.path).map_err(OpenError::Io)?;
        let (text, loaded) = load_text(bytes, Today::Date(self.today))
            .map_err(|r| OpenError::Rejected(r.diagnostics))?;
        self.campaign = std::sync::Arc::new(loaded.campaign);
        self.layout = loaded.layout;
        self.warnings = loaded.warnings;
        self.fingerprint = fingerprint;
        self.text = text;
        self.journal.clear();
        self.touched.clear();
        self.changed = Changed::All;
        self.generation += 1;
        Ok(true)
    }

    /// Whether the file on disk differs from what was read or last saved.
    pub fn changed_elsewhere(&self) -> bool {
        changed_on_disk(&self.path, &self.fingerprint).unwrap_or(false)
    }

    /// The text as it would be saved.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where each task is written in [`CampaignFile::text`].
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Writes the edits atomically. If the file changed on disk since it was read, the two
    /// are merged by task and field first; conflicts are returned unsettled.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.save_keeping(None)
    }

    /// Saves, settling any conflicts with `keep` (mine or theirs).
    pub fn save_keeping(&mut self, keep: Option<super::merge::Keep>) -> Result<(), SaveError> {
        if self.read_only || !super::access::may_write(&self.path) {
            return Err(SaveError::ReadOnly);
        }
        let _lock = super::lock::Lock::acquire(&self.path)?;
        super::leftovers::clean(&self.path);
        if changed_on_disk(&self.path, &self.fingerprint)? {
            self.merge_with_disk(keep)?;
        }
        let errors = self.unsound();
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        // A copy that cannot be made does not stop the save: FILE.bak is still written.
        let _ = self.backups.keep_copy(&self.path, self.clock.now());
        self.fingerprint = write_atomically(&self.path, self.text.as_bytes())?;
        self.journal.clear();
        self.touched.clear();
        self.dirty = false;
        Ok(())
    }

    /// Merges my edits into their file, checks the result and makes it the campaign.
    fn merge_with_disk(&mut self, keep: Option<super::merge::Keep>) -> Result<(), SaveError> {
        let had = self.campaign.tasks.len();
        let pauses = &super::theirs::PAUSES;
        let theirs = super::theirs::read_theirs(
            &self.path,
            self.today,
            had,
            self.vanished.as_ref(),
            pauses,
        )?;
        let theirs_text = match theirs {
            Ok(text) => text,
            Err(not) => {
                if let super::theirs::NotMerged::Vanished { at, .. } = &not {
                    self.vanished = Some(at.clone());
                }
                return Err(SaveError::NotMerged(not));
            }
        };
        let journal = Change {
            splices: self.journal.clone(),
            generation: self.generation,
            tasks: Vec::new(),
        };
        let base = journal.revert(&self.text).ok_or(SaveError::ChangedOnDisk)?;
        let ids: Vec<&str> = self.campaign.tasks.iter().map(|t| t.id.as_str()).collect();
        let mine = TaskTexts::known(&self.text, &ids, &self.layout);
        let text = match merge_three_read(&base, &self.text, mine, &theirs_text, keep) {
            Ok(text) => text,
            Err(NotMerged::Conflicts(conflicts)) => return Err(SaveError::Conflicts(conflicts)),
            Err(NotMerged::Unreadable) => return Err(SaveError::ChangedOnDisk),
        };
        // What is on disk now is the common base should this write fail and be retried.
        let from_theirs = Splice::between(&theirs_text, &text);
        // Only the merged text is needed from here on: at 10,000 tasks each copy is 8 MB.
        drop((base, theirs_text));
        let loaded = load_str(&text, Today::Date(self.today))
            .map_err(|r| SaveError::Invalid(r.diagnostics))?;
        self.vanished = None;
        self.campaign = std::sync::Arc::new(loaded.campaign);
        self.layout = loaded.layout;
        self.warnings = loaded.warnings;
        self.journal = vec![from_theirs];
        self.touched.clear();
        self.text = text;
        self.changed = Changed::All;
        self.generation += 1;
        Ok(())
    }

    /// What a save that failed on a copy of this file (in the store worker) learnt, kept
    /// here with the edits: the session's pinned backup is made, a sudden drop of tasks on
    /// disk was refused once.
    pub fn learn_from_failed_save(&mut self, tried: &CampaignFile) {
        self.vanished = tried.vanished.clone();
        self.backups.session_pinned |= tried.backups.session_pinned;
    }

    /// Changes only apply to the generation of the text they were made on.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Which tasks changed since the last call (so derived values need not all be redone).
    pub fn take_changed(&mut self) -> Changed {
        std::mem::replace(&mut self.changed, Changed::Nothing)
    }

    /// The changes made since the text was read or written (see [`Change`]).
    pub fn journal(&self) -> &[Splice] {
        &self.journal
    }

    /// Replaces the whole text (the campaign was reloaded from it), noting the change.
    pub(super) fn set_text(&mut self, text: String) {
        self.journal.push(Splice::between(&self.text, &text));
        self.touched.clear();
        self.text = text;
        self.changed = Changed::All;
    }

    /// The campaign, to change in place (copied first only if a save still shares it).
    pub(super) fn campaign_mut(&mut self) -> &mut Campaign {
        std::sync::Arc::make_mut(&mut self.campaign)
    }

    fn find(&self, id: &str) -> Result<usize, Refusal> {
        self.campaign.task_index(id).ok_or_else(|| no_task(id))
    }

    /// Edits task `index` in the text and in the model together: the task's own text is
    /// parsed alone, `edit` changes its table (and the task), and the result replaces it,
    /// so the rest of the file is not touched. Nothing changes when `edit` refuses.
    pub(super) fn patch_task<R>(
        &mut self,
        index: usize,
        edit: impl FnOnce(&mut Table, &mut Task) -> Result<R, Refusal>,
    ) -> Result<R, Refusal> {
        let (mut doc, range) = self.task_document(index)?;
        let task = &mut self.campaign_mut().tasks[index];
        let table = patch::task_mut(&mut doc, &task.id).ok_or_else(|| layout_refusal(&task.id))?;
        let mut changed = task.clone();
        let out = edit(table, &mut changed)?;
        *task = changed;
        let old = self.text[range.clone()].to_owned();
        let new = super::eol::like(&old, doc.to_string());
        self.text.replace_range(range.clone(), &new);
        self.layout.replaced(index, &new);
        self.journal.push(Splice {
            at: range.start,
            old,
            new,
        });
        self.changed.task(index);
        if !self.touched.contains(&index) {
            self.touched.push(index);
        }
        self.dirty = true;
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

    /// Changes a task's status, enforcing the sign-off rules; crossing off records the date
    /// and who, reopening removes them and notes it in the log.
    pub fn set_status(
        &mut self,
        id: &str,
        status: Status,
        today: NaiveDate,
        by: Option<&str>,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let task = &self.campaign.tasks[index];
        if task.status == status {
            return Ok(());
        }
        let undone = task.milestones.iter().filter(|m| !m.done).count();
        let open = task.problems.iter().filter(|p| !p.resolved).count();
        if status == Status::PendingSignoff && undone > 0 {
            return Err(Refusal(tr!(
                "{id} 还有 {undone} 个节点未完成,不能申请销号",
                "{id} has {undone} milestone(s) not done; it cannot go to pending sign-off"
            )));
        }
        if status == Status::Done && (undone > 0 || open > 0) {
            return Err(Refusal(tr!(
                "{id} 还有 {undone} 个节点未完成、{open} 个问题未解决,不能销号",
                "{id} has {undone} milestone(s) not done and {open} open problem(s); it cannot be crossed off"
            )));
        }
        let spelled = self.campaign.status_spelling.write(status);
        let reopening = task.status == Status::Done;
        if let (true, Some(by)) = (reopening || status == Status::Done, by) {
            super::verify::person(&self.campaign, by)?;
        }
        self.patch_task(index, |table, task| {
            patch::set(table, "status", patch::string(spelled));
            task.status = status;
            if status == Status::Done {
                patch::set(table, "closed_on", date_value(today));
                task.closed_on = Some(today);
                match by {
                    Some(by) => patch::set(table, "closed_by", patch::string(by)),
                    None => patch::remove(table, "closed_by"),
                }
                task.closed_by = by.map(str::to_owned);
            } else if reopening {
                patch::remove(table, "closed_on");
                patch::remove(table, "closed_by");
                task.closed_on = None;
                task.closed_by = None;
            }
            Ok(())
        })?;
        if reopening {
            let entry = LogEntry {
                date: today,
                text: "重新打开(撤销销号)".to_owned(),
                by: by.map(str::to_owned),
                kind: Some("销号".to_owned()),
            };
            return self.append_log(id, entry);
        }
        Ok(())
    }

    /// Ticks (done_on = today) or unticks a milestone.
    pub fn set_milestone_done(
        &mut self,
        id: &str,
        which: MilestoneRef,
        done: bool,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let task = &self.campaign.tasks[index];
        let n = match &which {
            MilestoneRef::Index(n) if *n < task.milestones.len() => Some(*n),
            MilestoneRef::Index(_) => None,
            MilestoneRef::Id(mid) => task.milestones.iter().position(|m| &m.id == mid),
        };
        let Some(n) = n else {
            let count = task.milestones.len();
            return Err(Refusal(tr!(
                "{id} 没有这个节点(共 {count} 个,可用序号 1–{count} 或节点编号)",
                "{id} has no such milestone ({count} in all; use 1–{count} or a milestone id)"
            )));
        };
        if !done && task.status.is_finished() {
            let label = task.status.label(crate::i18n::Lang::Zh);
            let label_en = task.status.label(crate::i18n::Lang::En);
            return Err(Refusal(Text::new(
                format!("{id} 状态为{label},请先移回推进中再取消节点"),
                format!("{id} is {label_en}; move it back to in progress before unticking"),
            )));
        }
        if task.milestones[n].done == done {
            return Ok(());
        }
        self.patch_task(index, |table, task| {
            let cell =
                patch::array_table_mut(table, "milestones", n).ok_or_else(|| layout_refusal(id))?;
            patch::set_inline(cell, "done", done, None);
            if done {
                patch::set_inline(cell, "done_on", date_value(today), Some("done"));
            } else {
                patch::remove_inline(cell, "done_on");
            }
            let m = &mut task.milestones[n];
            m.done = done;
            m.done_on = done.then_some(today);
            Ok(())
        })
    }

    /// Appends a note to the task's log (the log is append-only).
    pub fn append_log(&mut self, id: &str, entry: LogEntry) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if entry.text.trim().is_empty() {
            return Err(Refusal(Text::new(
                "记录内容不能为空",
                "a note cannot be empty",
            )));
        }
        if let Some(by) = &entry.by {
            super::verify::person(&self.campaign, by)?;
        }
        let mut inline = InlineTable::new();
        inline.insert("date", date_value(entry.date));
        if let Some(by) = &entry.by {
            inline.insert("by", patch::string(by));
        }
        if let Some(kind) = &entry.kind {
            inline.insert("kind", patch::string(kind));
        }
        inline.insert("text", patch::string(&entry.text));
        self.patch_task(index, |table, task| {
            patch::append_inline(table, "log", inline);
            task.log.push(entry);
            Ok(())
        })
    }

    /// Logs a new problem; returns its id (`T01-P3`).
    pub fn add_problem(
        &mut self,
        id: &str,
        new: NewProblem,
        today: NaiveDate,
    ) -> Result<String, Refusal> {
        let index = self.find(id)?;
        if new.text.trim().is_empty() {
            return Err(Refusal(Text::new(
                "问题内容不能为空",
                "a problem needs a text",
            )));
        }
        if self.campaign.tasks[index].status == Status::Done {
            // A crossed-off task has no open problems (the file would not load).
            return Err(Refusal(tr!(
                "{id} 已销号,不能再登记问题;如需登记,请先把它移回推进中",
                "{id} is crossed off and cannot get a new problem; move it back to in progress first"
            )));
        }
        if let Some(owner) = &new.owner {
            super::verify::unit(&self.campaign, owner)?;
        }
        if let Some(person) = &new.coordinator {
            super::verify::person(&self.campaign, person)?;
        }
        let taken = |pid: &str| {
            self.campaign
                .tasks
                .iter()
                .any(|t| t.problems.iter().any(|p| p.id == pid))
        };
        let mut n = self.campaign.tasks[index].problems.len() + 1;
        while taken(&format!("{id}-P{n}")) {
            n += 1;
        }
        let pid = format!("{id}-P{n}");
        let mut table = Table::new();
        table.insert("id", toml_edit::value(patch::string(&pid)));
        table.insert("text", toml_edit::value(patch::string(&new.text)));
        if let Some(kind) = &new.kind {
            table.insert("kind", toml_edit::value(patch::string(kind)));
        }
        table.insert("blocking", toml_edit::value(new.blocking));
        table.insert("raised", toml_edit::value(date_value(today)));
        if let Some(owner) = &new.owner {
            table.insert("owner", toml_edit::value(patch::string(owner)));
        }
        if let Some(person) = &new.coordinator {
            table.insert("coordinator", toml_edit::value(patch::string(person)));
        }
        if let Some(due) = new.due {
            table.insert("due", toml_edit::value(date_value(due)));
        }
        table.insert("resolved", toml_edit::value(false));
        self.patch_task(index, |task_table, task| {
            patch::append_table(task_table, "problems", table);
            task.problems.push(Problem {
                id: pid.clone(),
                text: new.text,
                raised: today,
                resolved: false,
                kind: new.kind,
                blocking: new.blocking,
                owner: new.owner,
                coordinator: new.coordinator,
                due: new.due,
                resolved_on: None,
                result: None,
            });
            Ok(())
        })?;
        Ok(pid)
    }

    /// Resolves a problem with its result (which joins the results list).
    pub fn resolve_problem(
        &mut self,
        id: &str,
        problem: &str,
        result: &str,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        let index = self.find(id)?;
        let Some(p) = self.campaign.tasks[index]
            .problems
            .iter()
            .position(|p| p.id == problem)
        else {
            return Err(Refusal(tr!(
                "{id} 没有问题 {problem}",
                "{id} has no problem {problem}"
            )));
        };
        self.patch_task(index, |table, task| {
            let sub = patch::sub_table_mut(table, "problems", problem)
                .ok_or_else(|| layout_refusal(id))?;
            patch::set(sub, "resolved", true);
            patch::set(sub, "resolved_on", date_value(today));
            if !result.trim().is_empty() {
                patch::set(sub, "result", patch::string(result));
            }
            let entry = &mut task.problems[p];
            entry.resolved = true;
            entry.resolved_on = Some(today);
            if !result.trim().is_empty() {
                entry.result = Some(result.to_owned());
            }
            Ok(())
        })
    }

    /// Sets the progress percentage (0–100).
    pub fn set_progress(&mut self, id: &str, progress: u8) -> Result<(), Refusal> {
        let index = self.find(id)?;
        if progress > 100 {
            return Err(Refusal(tr!(
                "进度必须在 0–100 之间",
                "progress must be 0–100"
            )));
        }
        self.patch_task(index, |table, task| {
            patch::set(table, "progress", i64::from(progress));
            task.progress = Some(progress);
            Ok(())
        })
    }
}
