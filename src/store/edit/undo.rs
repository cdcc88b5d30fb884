//! Undo across changes from elsewhere: an edit is found again by its task's id, and only the
//! fields it changed are set back (a three-way merge of that one task), so a merge or a
//! reload does not take the session's undo away.

use std::ops::Range;
use std::sync::Arc;

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::edit::splice::{Change, Splice, TaskEdit};
use crate::store::file::{CampaignFile, Changed};
use crate::store::merge::compare::{id_of, norm, table_norm};
use crate::store::merge::{Conflict, merge};
use crate::tr;

impl CampaignFile {
    /// Where task `id`'s own text stands in the text now.
    pub(crate) fn task_region(&self, id: &str) -> Option<Range<usize>> {
        let index = self.campaign.task_index(id)?;
        let region = self.layout().elements.get(index)?.clone()?;
        Some(region.range)
    }

    /// The task an edit (its splices, as just made) changed, before and after; empty when
    /// the splices reach outside one task's text.
    pub(crate) fn task_edits(&self, splices: &[Splice]) -> Vec<TaskEdit> {
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

/// An undo (or redo) that was made.
#[derive(Debug)]
pub(crate) struct Stepped {
    /// The same edit, to go the other way later.
    pub(crate) counterpart: Change,
    /// The campaign just before, to say what the step changed.
    pub(crate) before: Arc<Campaign>,
    /// Which tasks changed, for the values derived from them.
    pub(crate) changed: Changed,
}

/// Why an undo (or redo) was not made.
#[derive(Debug)]
pub(crate) enum NotStepped {
    /// This step cannot be made on the file as it is now; older ones may still be.
    Dropped(Text),
    /// The text it gives back would not load: the step stays, to be tried again.
    Kept(Change, Text),
}

impl CampaignFile {
    /// Takes `change` back (`back`) or makes it again: byte for byte when the text is still
    /// the one it was made on, else found again by task with only its own fields set.
    pub(crate) fn step(&mut self, change: Change, back: bool) -> Result<Stepped, NotStepped> {
        let current = self.text().to_owned();
        let exact = if change.generation != self.generation() {
            None
        } else if back {
            change.revert(&current)
        } else {
            change.apply(&current)
        };
        let (restored, counterpart) = match exact {
            Some(text) => (text, change),
            None => {
                let (text, moved) = self
                    .carry_change_over(&change, back, &current)
                    .map_err(NotStepped::Dropped)?;
                let (from, to) = if back {
                    (&text, &current)
                } else {
                    (&current, &text)
                };
                let counterpart = Change {
                    splices: vec![Splice::between(from, to)],
                    generation: self.generation(),
                    tasks: moved,
                };
                (text, counterpart)
            }
        };
        let before = Arc::clone(&self.campaign);
        match self.replace_text(&restored) {
            Ok(()) => Ok(Stepped {
                counterpart,
                before,
                changed: self.take_changed(),
            }),
            Err(refusal) => Err(NotStepped::Kept(counterpart, refusal.message())),
        }
    }

    /// An edit made before the file took in changes from elsewhere, undone (or redone) on
    /// the text as it is now: its task found by id, only the fields it changed set back.
    /// Returns the new text and each task's text before and after, in the edit's own
    /// direction.
    fn carry_change_over(
        &self,
        change: &Change,
        back: bool,
        current: &str,
    ) -> Result<(String, Vec<TaskEdit>), Text> {
        if change.tasks.is_empty() {
            return Err(Text::new(
                "这一步修改涉及多个任务或任务以外的内容,文件已合并了其他人的修改,无法撤销",
                "that edit reached beyond one task and the file has since taken in changes made elsewhere; it cannot be undone",
            ));
        }
        let mut text = current.to_owned();
        let mut moved = Vec::new();
        for edit in &change.tasks {
            let id = &edit.id;
            let Some(range) = self.task_region(id) else {
                return Err(tr!(
                    "任务 {id} 已被其他人删除,这一步无法撤销",
                    "task {id} was deleted elsewhere; that edit cannot be undone"
                ));
            };
            let now = text[range.clone()].to_owned();
            let (from, to) = if back {
                (&edit.after, &edit.before)
            } else {
                (&edit.before, &edit.after)
            };
            match carry_over(&now, from, to) {
                Ok(done) => {
                    let (before, after) = if back {
                        (done.clone(), now)
                    } else {
                        (now, done.clone())
                    };
                    text.replace_range(range, &done);
                    moved.push(TaskEdit {
                        id: id.clone(),
                        before,
                        after,
                    });
                }
                Err(conflicts) => {
                    let fields = conflicts
                        .iter()
                        .map(|c| c.key.as_str())
                        .collect::<Vec<_>>()
                        .join("、");
                    return Err(tr!(
                        "任务 {id} 的 {fields} 此后被其他人改过,这一步无法撤销",
                        "task {id}: {fields} changed elsewhere since; that edit cannot be undone"
                    ));
                }
            }
        }
        Ok((text, moved))
    }
}

/// Task text `now` with the change from `from` to `to` made on it: `to` itself when nothing
/// else changed the task; else only the fields that change touched, the rest as `now` has
/// them. The fields changed both ways since are returned instead.
pub(crate) fn carry_over(now: &str, from: &str, to: &str) -> Result<String, Vec<Conflict>> {
    if now == from {
        return Ok(to.to_owned());
    }
    let doc = |t: &str| t.parse::<DocumentMut>().ok();
    let (Some(base), Some(mine), Some(mut theirs)) = (doc(from), doc(to), doc(now)) else {
        return Err(Vec::new());
    };
    let conflicts = merge(&base, &mine, &mut theirs, None);
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    take_away_removed(&base, &mine, &mut theirs)?;
    Ok(theirs.to_string())
}

/// The merge keeps notes and problems from both sides (a save must lose none); a step that
/// takes one away must still take it away: the notes, history lines and problems `from` has
/// and `to` has not go from `merged` too. Such a problem changed elsewhere since is a conflict.
fn take_away_removed(
    from: &DocumentMut,
    to: &DocumentMut,
    merged: &mut DocumentMut,
) -> Result<(), Vec<Conflict>> {
    let task = |doc: &DocumentMut| doc.get("tasks")?.as_array_of_tables()?.get(0).cloned();
    let (Some(from), Some(to)) = (task(from), task(to)) else {
        return Ok(());
    };
    let Some(merged) = merged
        .get_mut("tasks")
        .and_then(Item::as_array_of_tables_mut)
        .and_then(|tasks| tasks.get_mut(0))
    else {
        return Ok(());
    };
    take_away_notes(&from, &to, merged);
    take_away_problems(&from, &to, merged)
}

fn value_norm(value: &Value) -> String {
    norm(Some(&Item::Value(value.clone()))).unwrap_or_default()
}

fn take_away_notes(from: &Table, to: &Table, merged: &mut Table) {
    let notes = |t: &Table| -> Vec<String> {
        t.get("log")
            .and_then(Item::as_array)
            .map_or_else(Vec::new, |log| log.iter().map(value_norm).collect())
    };
    let mut kept = notes(to);
    let removed: Vec<String> = notes(from)
        .into_iter()
        .filter(|note| match kept.iter().position(|k| k == note) {
            Some(i) => {
                kept.remove(i);
                false
            }
            None => true,
        })
        .collect();
    let Some(log) = merged.get_mut("log").and_then(Item::as_array_mut) else {
        return;
    };
    for note in &removed {
        let last = log
            .iter()
            .enumerate()
            .filter(|(_, v)| value_norm(v) == *note)
            .last()
            .map(|(i, _)| i);
        if let Some(i) = last {
            log.remove(i);
        }
    }
    if log.is_empty() && to.get("log").is_none() {
        merged.remove("log");
    }
}

fn take_away_problems(from: &Table, to: &Table, merged: &mut Table) -> Result<(), Vec<Conflict>> {
    let problems = |t: &Table| -> Vec<Table> {
        t.get("problems")
            .and_then(Item::as_array_of_tables)
            .map_or_else(Vec::new, |list| list.iter().cloned().collect())
    };
    let kept: Vec<String> = problems(to).iter().filter_map(id_of).collect();
    let Some(list) = merged
        .get_mut("problems")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return Ok(());
    };
    for problem in problems(from) {
        let Some(id) = id_of(&problem).filter(|id| !kept.contains(id)) else {
            continue;
        };
        let Some(i) = list.iter().position(|p| id_of(p).as_ref() == Some(&id)) else {
            continue;
        };
        if list.get(i).map(table_norm) != Some(table_norm(&problem)) {
            return Err(vec![Conflict {
                task: id_of(from).unwrap_or_default(),
                key: "problems".to_owned(),
                mine: id.clone(),
                theirs: id,
            }]);
        }
        list.remove(i);
    }
    if list.is_empty() && to.get("problems").is_none() {
        merged.remove("problems");
    }
    Ok(())
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

    const WITH_PROBLEM: &str =
        "[[tasks]]\nid = \"T1\"\n\n[[tasks.problems]]\nid = \"T1-P1\"\ntext = \"a\"\n";
    const THEIRS_TOO: &str = "\n[[tasks.problems]]\nid = \"T1-P2\"\ntext = \"b\"\n";

    #[test]
    fn a_problem_taken_back_goes_though_they_added_another() {
        let now = format!("{WITH_PROBLEM}{THEIRS_TOO}");
        let undone = carry_over(&now, WITH_PROBLEM, "[[tasks]]\nid = \"T1\"\n").unwrap();
        assert!(
            !undone.contains("T1-P1") && undone.contains("T1-P2"),
            "{undone}"
        );
    }

    #[test]
    fn a_problem_taken_back_but_changed_elsewhere_since_stays() {
        let now = format!("{}{THEIRS_TOO}", WITH_PROBLEM.replace("\"a\"", "\"c\""));
        let conflicts = carry_over(&now, WITH_PROBLEM, "[[tasks]]\nid = \"T1\"\n").unwrap_err();
        assert_eq!(conflicts[0].key, "problems");
    }

    #[test]
    fn the_same_field_changed_since_cannot_be_set_back() {
        let now = AFTER.replace("受阻", "待销号");
        let conflicts = carry_over(&now, AFTER, BEFORE).unwrap_err();
        assert_eq!(conflicts[0].key, "status");
    }
}
