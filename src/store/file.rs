//! An open campaign file: the model and the document kept in step, edits that follow the
//! rules, and a save that never overwrites someone else's changes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::store::edit::splice::Splice;
use crate::store::tree::Layout;

use crate::domain::{Campaign, Task};
use crate::store::diag::Diagnostic;
use crate::store::load::{Today, load_text};
use crate::store::save::atomic::{
    Fingerprint, changed_on_disk, read_fingerprinted, write_atomically,
};
use crate::store::save::backup::BackupPolicy;

pub use crate::store::edit::args::{MilestoneRef, NewProblem};
pub(crate) use crate::store::errors::OpenError;
pub use crate::store::errors::{Refusal, SaveError};

mod merging;

/// What changed in the campaign since derived values were last computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Changed {
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
    /// Timestamped copies of each version written or overwritten (none by default).
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
    /// Ids of tasks deleted since the file was opened: a new task never takes one, so a
    /// merge cannot mistake it for the old task another writer still edits.
    pub(super) retired: Vec<String>,
    /// Counts the times the text took in changes made elsewhere (a reload or a merge).
    generation: u64,
}

/// A look at the file on disk as of one version of it (see [`CampaignFile::watch_point`]).
#[derive(Debug, Clone)]
pub struct WatchPoint {
    path: PathBuf,
    fingerprint: crate::store::save::atomic::Fingerprint,
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

impl CampaignFile {
    /// Reads and checks the file; if no one is saving it, cleans up temp files that an
    /// interrupted save left behind.
    pub fn open(path: &Path, today: Today) -> Result<CampaignFile, OpenError> {
        // A campaign that is not there has no leftovers, and gets no side folder or lock.
        let there = path.symlink_metadata().is_ok();
        if there && let Ok(Some(_lock)) = crate::store::side::lock::Lock::try_acquire(path) {
            crate::store::save::leftovers::clean(path);
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
            retired: Vec::new(),
            generation: 0,
            fingerprint,
            dirty: false,
            warnings: loaded.warnings,
            today: loaded.today,
            backups: BackupPolicy::default(),
            clock: crate::clock::Clock::System,
            read_only: !crate::store::save::access::may_write(path),
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
    pub(crate) fn is_at(&self, point: &WatchPoint) -> bool {
        self.fingerprint == point.fingerprint && self.dirty == point.dirty
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
    pub fn save_keeping(
        &mut self,
        keep: Option<crate::store::merge::Keep>,
    ) -> Result<(), SaveError> {
        if self.read_only || !crate::store::save::access::may_write(&self.path) {
            return Err(SaveError::ReadOnly);
        }
        // The merge with changes made elsewhere is worked out first, so that other writers
        // wait only for the write (see `file/merging.rs`).
        let early = if changed_on_disk(&self.path, &self.fingerprint)? {
            self.merge_early(keep)
        } else {
            None
        };
        let lock = crate::store::side::lock::Lock::acquire(&self.path)?;
        crate::store::save::leftovers::clean(&self.path);
        // A merge worked out early checks the file against the version it read itself.
        if early.is_some() || changed_on_disk(&self.path, &self.fingerprint)? {
            self.merge_with_disk(keep, early)?;
        }
        let errors = self.unsound();
        if !errors.is_empty() {
            return Err(SaveError::Invalid(errors));
        }
        // A copy that cannot be made does not stop the save: FILE.bak is still written.
        let now = self.clock.now();
        let _ = self.backups.keep_before(&self.path, now);
        self.fingerprint = write_atomically(&self.path, self.text.as_bytes())?;
        // The copy of what was written is compressed after the lock is given back: the
        // others' saves need not wait for it.
        drop(lock);
        let _ = self
            .backups
            .keep_written(&self.path, self.text.as_bytes(), now);
        self.journal.clear();
        self.touched.clear();
        self.dirty = false;
        Ok(())
    }

    /// The tasks I changed in `merged`, their sign-offs made to agree with their status
    /// (a crossed-off task settled back to 推进中 loses its `closed_on`, say); a sign-off to
    /// restore comes from my version of the task, else theirs.
    fn coherent_sign_offs(&self, merged: String, theirs: &str) -> String {
        use crate::store::edit::sign_off::{coherent_text, in_text};
        let ids: Vec<String> = self
            .touched
            .iter()
            .filter_map(|&i| self.campaign.tasks.get(i).map(|t| t.id.clone()))
            .collect();
        coherent_text(&merged, &ids, |id| {
            in_text(&self.text, id).or(in_text(theirs, id))
        })
    }

    /// What a save that failed on a copy of this file (in the store worker) learnt, kept
    /// here with the edits: the session's pinned backup is made, a sudden drop of tasks on
    /// disk was refused once.
    pub(crate) fn learn_from_failed_save(&mut self, tried: &CampaignFile) {
        self.vanished.clone_from(&tried.vanished);
        self.backups.session_pinned |= tried.backups.session_pinned;
    }

    /// A new day began while the file is open: what is read or checked from now on (a reload,
    /// an edited task, a save) is judged as of `today` ("a date in the future").
    pub(crate) fn new_day(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// Changes only apply to the generation of the text they were made on.
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Which tasks changed since the last call (so derived values need not all be redone).
    pub(crate) fn take_changed(&mut self) -> Changed {
        std::mem::replace(&mut self.changed, Changed::Nothing)
    }

    /// The changes made since the text was read or written (see `edit::splice::Change`).
    pub(crate) fn journal(&self) -> &[Splice] {
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

    /// Task `index`, written at `range`, is now `new`, which reads as `task`: the text, the
    /// layout and the model change together, noted for undo, merge and the save's check.
    pub(super) fn replace_task(
        &mut self,
        index: usize,
        range: Range<usize>,
        new: String,
        task: Task,
    ) {
        let old = self.text[range.clone()].to_owned();
        self.text.replace_range(range.clone(), &new);
        self.layout.replaced(index, &new);
        self.journal.push(Splice {
            at: range.start,
            old,
            new,
        });
        self.campaign_mut().tasks[index] = task;
        self.changed.task(index);
        if !self.touched.contains(&index) {
            self.touched.push(index);
        }
        self.dirty = true;
    }
}
