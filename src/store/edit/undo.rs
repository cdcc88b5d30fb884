//! Undo across changes from elsewhere: an edit is found again by its task's id, and only the
//! fields it changed are set back (a three-way merge of that one task), so a merge or a
//! reload does not take the session's undo away.

use std::ops::Range;

use toml_edit::DocumentMut;

use crate::store::edit::splice::{Splice, TaskEdit};
use crate::store::file::CampaignFile;
use crate::store::merge::{Conflict, merge};

impl CampaignFile {
    /// Where task `id`'s own text stands in the text now.
    pub fn task_region(&self, id: &str) -> Option<Range<usize>> {
        let index = self.campaign.task_index(id)?;
        let region = self.layout().elements.get(index)?.clone()?;
        Some(region.range)
    }

    /// The task an edit (its splices, as just made) changed, before and after; empty when
    /// the splices reach outside one task's text.
    pub fn task_edits(&self, splices: &[Splice]) -> Vec<TaskEdit> {
        let Some(first) = splices.first() else {
            return Vec::new();
        };
        let text = self.text();
        let found = self
            .layout()
            .elements
            .iter()
            .enumerate()
            .find_map(|(index, region)| {
                let range = region.as_ref()?.range.clone();
                let id = &self.campaign.tasks.get(index)?.id;
                (range.start <= first.at && first.at < range.end).then(|| (id.clone(), range))
            });
        let Some((id, range)) = found else {
            return Vec::new();
        };
        let after = &text[range.clone()];
        let mut before = after.to_owned();
        for splice in splices.iter().rev() {
            let Some(at) = splice.at.checked_sub(range.start) else {
                return Vec::new();
            };
            let local = Splice {
                at,
                old: splice.old.clone(),
                new: splice.new.clone(),
            };
            match local.revert(&before) {
                Some(reverted) => before = reverted,
                None => return Vec::new(),
            }
        }
        vec![TaskEdit {
            id,
            before,
            after: after.to_owned(),
        }]
    }
}

/// Task text `now` with the change from `from` to `to` made on it: `to` itself when nothing
/// else changed the task; else only the fields that change touched, the rest as `now` has
/// them. The fields changed both ways since are returned instead.
pub fn carry_over(now: &str, from: &str, to: &str) -> Result<String, Vec<Conflict>> {
    if now == from {
        return Ok(to.to_owned());
    }
    let doc = |t: &str| t.parse::<DocumentMut>().ok();
    let (Some(base), Some(mine), Some(mut theirs)) = (doc(from), doc(to), doc(now)) else {
        return Err(Vec::new());
    };
    let conflicts = merge(&base, &mine, &mut theirs, None);
    if conflicts.is_empty() {
        Ok(theirs.to_string())
    } else {
        Err(conflicts)
    }
}

#[cfg(test)]
mod tests {
    use super::carry_over;

    const AFTER: &str = "[[tasks]]\nid = \"T1\"\nstatus = \"受阻\"\nprogress = 10\n";
    const BEFORE: &str = "[[tasks]]\nid = \"T1\"\nstatus = \"推进中\"\nprogress = 10\n";

    #[test]
    fn an_untouched_task_gets_its_old_text_back() {
        assert_eq!(carry_over(AFTER, AFTER, BEFORE), Ok(BEFORE.to_owned()));
    }

    #[test]
    fn a_field_changed_elsewhere_since_stays_as_it_is_now() {
        let now = AFTER.replace("progress = 10", "progress = 60");
        let undone = carry_over(&now, AFTER, BEFORE).unwrap();
        assert!(undone.contains("status = \"推进中\"") && undone.contains("progress = 60"));
    }

    #[test]
    fn the_same_field_changed_since_cannot_be_set_back() {
        let now = AFTER.replace("受阻", "待销号");
        let conflicts = carry_over(&now, AFTER, BEFORE).unwrap_err();
        assert_eq!(conflicts[0].key, "status");
    }
}
