//! The merge core over three texts, shared by saves that meet changes on disk and by git's
//! merge driver: by task text where it can (their bytes kept wherever I changed nothing),
//! else the whole documents; both by task and field. Pure: no files, no clock.

use toml_edit::DocumentMut;

use crate::store::merge::by_task::{Merged, TaskTexts, merge_texts};
use crate::store::merge::conflict::{Conflict, Keep};
use crate::store::merge::ids::{id_order, next_task_id};
use crate::store::merge::merge;

/// Why three texts did not merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotMerged {
    /// Fields changed both ways, to settle with a [`Keep`].
    Conflicts(Vec<Conflict>),
    /// One of the texts is not TOML.
    Unreadable,
}

/// `theirs` with what `mine` changed since `base` merged in; conflicts settled by `keep`, or
/// returned.
pub fn merge_three(
    base: &str,
    mine: &str,
    theirs: &str,
    keep: Option<Keep>,
) -> Result<String, NotMerged> {
    merge_three_read(base, mine, TaskTexts::read(mine), theirs, None, keep)
}

/// As [`merge_three`], with my tasks already located (a save knows where they are), and
/// theirs too where they are known (`None`: read from `theirs`).
pub(in crate::store) fn merge_three_read(
    base: &str,
    mine: &str,
    mine_tasks: Option<TaskTexts>,
    theirs: &str,
    their_tasks: Option<TaskTexts>,
    keep: Option<Keep>,
) -> Result<String, NotMerged> {
    let their_tasks = their_tasks.or_else(|| TaskTexts::read(theirs));
    let by_task = match (TaskTexts::read(base), mine_tasks, their_tasks) {
        (Some(b), Some(m), Some(t)) => merge_texts(&b, &m, &t, keep),
        _ => Merged::Whole,
    };
    match by_task {
        Merged::Text(text) => Ok(text),
        Merged::Conflicts(conflicts) => Err(NotMerged::Conflicts(conflicts)),
        Merged::Whole => {
            let parse = |t: &str| t.parse::<DocumentMut>().map_err(|_| NotMerged::Unreadable);
            let (base, mine) = (parse(base)?, parse(mine)?);
            let mut theirs = parse(theirs)?;
            let conflicts = merge(&base, &mine, &mut theirs, keep);
            if conflicts.is_empty() {
                Ok(theirs.to_string())
            } else {
                Err(NotMerged::Conflicts(conflicts))
            }
        }
    }
}

/// Task `id`'s own text under the id `new`; its problems' ids (`T14-P1`) follow.
fn renamed(task: &str, id: &str, new: &str) -> Option<String> {
    let mut doc: DocumentMut = task.parse().ok()?;
    let table = doc
        .get_mut("tasks")?
        .as_array_of_tables_mut()?
        .iter_mut()
        .next()?;
    crate::store::edit::patch::set(table, "id", crate::store::edit::patch::string(new));
    if let Some(problems) = table
        .get_mut("problems")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    {
        for p in problems.iter_mut() {
            let pid = p.get("id").and_then(toml_edit::Item::as_str);
            if let Some(rest) = pid.and_then(|pid| pid.strip_prefix(&format!("{id}-"))) {
                let pid = format!("{new}-{rest}");
                crate::store::edit::patch::set(p, "id", crate::store::edit::patch::string(&pid));
            }
        }
    }
    Some(doc.to_string())
}

/// `text` with the tasks named in `renames` (old id, new id) renamed and moved after the
/// last task (the new ids are the highest, so the tasks stay in the order of their ids).
fn rename_in(text: &str, renames: &[(String, String)]) -> Option<String> {
    let mut out = text.to_owned();
    for (id, new) in renames {
        let tasks = TaskTexts::read(&out)?;
        let range = tasks.own_range(id)?;
        let moved = renamed(&out[range.clone()], id, new)?;
        // Its lines and the blank lines after them.
        let rest = &out[range.end..];
        let blank = rest.len() - rest.trim_start_matches(['\n', '\r', ' ', '\t']).len();
        let blank = rest[..blank].rfind('\n').map_or(0, |i| i + 1);
        out.replace_range(range.start..range.end + blank, "");
        let at = TaskTexts::read(&out)?.append_at();
        out.insert_str(at, &format!("\n{}\n", moved.trim_end()));
    }
    Some(out)
}

/// Two different tasks added under one id, one on each side (two boards each took the next
/// free id): both are kept. Theirs keeps the id (it is on the server, or on disk, already,
/// and may be cited), mine takes the next free one, its problems and what my side cites it
/// by (pledges, reviews, recorded conflicts) with it. `(mine, theirs)` so renamed, with the
/// renames (old id, new id), or `None` when there are no such twins (or a text does not read
/// by task).
pub fn renumber_twins(base: &str, mine: &str, theirs: &str) -> Option<Renumbered> {
    let (b, m, t) = (
        TaskTexts::read(base)?,
        TaskTexts::read(mine)?,
        TaskTexts::read(theirs)?,
    );
    let mut twins: Vec<&str> = m
        .ids()
        .filter(|id| b.task_text(id).is_none())
        .filter(|id| {
            let mt = m.task_text(id).map(str::trim_end);
            t.task_text(id).is_some_and(|tt| Some(tt.trim_end()) != mt)
        })
        .collect();
    if twins.is_empty() {
        return None;
    }
    twins.sort_by(|x, y| id_order(x).cmp(&id_order(y)));
    let mut taken: Vec<String> = b
        .ids()
        .chain(m.ids())
        .chain(t.ids())
        .map(str::to_owned)
        .collect();
    let mut renames = Vec::new();
    for id in twins {
        let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
        let new = next_task_id(&refs);
        renames.push((id.to_owned(), new.clone()));
        taken.push(new);
    }
    let mine = rename_in(mine, &renames)?;
    let mine = crate::store::merge::cited::move_citations(&mine, &renames)?;
    Some(Renumbered { mine, renames })
}

/// My text with my tasks that took an id theirs already has renumbered.
pub struct Renumbered {
    pub mine: String,
    /// (old id, new id), in the order of the ids.
    pub renames: Vec<(String, String)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "schema_version = 1\n";

    fn task(log: &[&str], one_line: bool) -> String {
        let notes: Vec<String> = log
            .iter()
            .map(|n| format!("{{ date = 2026-11-{n}, text = \"{n}\" }}"))
            .collect();
        let log = if one_line {
            format!("[ {} ]", notes.join(", "))
        } else {
            format!("[\n  {},\n]", notes.join(",\n  "))
        };
        format!("{HEAD}\n[[tasks]]\nid = \"T1\"\nlog = {log}\n\n[[tasks]]\nid = \"T2\"\n")
    }

    #[test]
    fn notes_added_on_both_sides_merge_to_one_order_whichever_side_merges() {
        for one_line in [false, true] {
            let base = task(&["01"], one_line);
            let a = task(&["01", "20", "22"], one_line);
            let b = task(&["01", "21", "22", "23"], one_line);
            let a_first = merge_three(&base, &b, &a, None).unwrap();
            let b_first = merge_three(&base, &a, &b, None).unwrap();
            assert_eq!(a_first, b_first);
            assert_eq!(a_first, task(&["01", "20", "21", "22", "23"], one_line));
        }
    }
}
