//! A save that meets changes made elsewhere: my edits merged into the version on disk by task
//! and field, the result checked and made the campaign. The merge is worked out before the
//! save lock is taken, so other writers do not wait for it; under the lock it is used only if
//! the file is still, byte for byte, the version it was merged with, else merged again there.

use crate::store::edit::splice::{Change, Splice};
use crate::store::file::CampaignFile;
use crate::store::load::{Loaded, Today, load_str};
use crate::store::merge::by_task::TaskTexts;
use crate::store::merge::core::{NotMerged, merge_three_read};
use crate::store::merge::theirs::{self, Theirs, read_theirs};
use crate::store::save::atomic::{Fingerprint, changed_on_disk};
use crate::store::{errors::SaveError, merge::Keep};

/// A merge worked out before the lock: which version on disk it was made with, and how it
/// came out (merged, or fields changed both ways).
pub(in crate::store) struct Early {
    at: Fingerprint,
    outcome: Result<Merged, SaveError>,
}

/// My edits merged into their text, checked.
pub(in crate::store) struct Merged {
    text: String,
    loaded: Loaded,
    /// From their text to the merged one: the journal's base should the write fail.
    from_theirs: Splice,
}

impl CampaignFile {
    /// Before the lock: the merge with the version on disk as it reads now, if it loads at
    /// once (a file that does not is read again, with pauses, under the lock). Changes nothing.
    pub(in crate::store) fn merge_early(&self, keep: Option<Keep>) -> Option<Early> {
        let had = self.campaign.tasks.len();
        let read = read_theirs(
            &self.path,
            self.today,
            had,
            self.vanished.as_ref(),
            &mut |_| false,
        );
        let theirs = read.ok()?.ok()?;
        let at = theirs.at.clone();
        // Whatever comes of it follows from their file alone: kept, used if it is unchanged.
        let outcome = self.merged(theirs, keep);
        Some(Early { at, outcome })
    }

    /// Under the lock: merges my edits into their file (`early` if it was made with the
    /// version on disk now), checks the result and makes it the campaign.
    pub(in crate::store) fn merge_with_disk(
        &mut self,
        keep: Option<Keep>,
        early: Option<Early>,
    ) -> Result<(), SaveError> {
        let early = match early {
            Some(e) if !changed_on_disk(&self.path, &e.at)? => Some(e.outcome),
            _ => None,
        };
        let merged = match early {
            Some(outcome) => outcome?,
            None => {
                let had = self.campaign.tasks.len();
                let found = read_theirs(
                    &self.path,
                    self.today,
                    had,
                    self.vanished.as_ref(),
                    &mut theirs::pause_as_usual,
                )?;
                let theirs = match found {
                    Ok(theirs) => theirs,
                    Err(not) => {
                        if let theirs::NotMerged::Vanished { at, .. } = &not {
                            self.vanished = Some(at.clone());
                        }
                        return Err(SaveError::NotMerged(not));
                    }
                };
                self.merged(theirs, keep)?
            }
        };
        self.vanished = None;
        self.campaign = std::sync::Arc::new(merged.loaded.campaign);
        self.layout = merged.loaded.layout;
        self.warnings = merged.loaded.warnings;
        self.journal = vec![merged.from_theirs];
        self.touched.clear();
        self.text = merged.text;
        self.changed = crate::store::file::Changed::All;
        self.generation += 1;
        Ok(())
    }

    /// My edits merged into `theirs_text`, and the result loaded. Changes nothing.
    fn merged(&self, theirs: Theirs, keep: Option<Keep>) -> Result<Merged, SaveError> {
        let journal = Change {
            splices: self.journal.clone(),
            generation: self.generation,
            tasks: Vec::new(),
        };
        let base = journal.revert(&self.text).ok_or(SaveError::ChangedOnDisk)?;
        let ids: Vec<&str> = self.campaign.tasks.iter().map(|t| t.id.as_str()).collect();
        let mine = TaskTexts::known(&self.text, &ids, &self.layout);
        let theirs_text = theirs.text;
        let their_ids: Vec<&str> = theirs.ids.iter().map(String::as_str).collect();
        let their_tasks = TaskTexts::known(&theirs_text, &their_ids, &theirs.layout);
        let merged = merge_three_read(&base, &self.text, mine, &theirs_text, their_tasks, keep);
        let text = match merged {
            Ok(text) => text,
            Err(NotMerged::Conflicts(conflicts)) => return Err(SaveError::Conflicts(conflicts)),
            Err(NotMerged::Unreadable) => return Err(SaveError::ChangedOnDisk),
        };
        // A status settled one way keeps a sign-off that agrees with it.
        let text = match keep {
            Some(_) => self.coherent_sign_offs(text, &theirs_text),
            None => text,
        };
        // What is on disk now is the common base should this write fail and be retried.
        let from_theirs = Splice::between(&theirs_text, &text);
        // Only the merged text is needed from here on: at 10,000 tasks each copy is 8 MB.
        drop((base, theirs_text));
        let loaded = load_str(&text, Today::Date(self.today))
            .map_err(|r| SaveError::Invalid(r.diagnostics))?;
        Ok(Merged {
            text,
            loaded,
            from_theirs,
        })
    }
}
