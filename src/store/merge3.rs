//! The merge core over three texts, shared by saves that meet changes on disk and by git's
//! merge driver: by task text where it can (their bytes kept wherever I changed nothing),
//! else the whole documents; both by task and field. Pure: no files, no clock.

use toml_edit::DocumentMut;

use super::merge::{Conflict, Keep, merge};
use super::merge_text::{Merged, TaskTexts, merge_texts};

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
    merge_three_read(base, mine, TaskTexts::read(mine), theirs, keep)
}

/// As [`merge_three`], with my tasks already located (a save knows where they are).
pub(super) fn merge_three_read(
    base: &str,
    mine: &str,
    mine_tasks: Option<TaskTexts>,
    theirs: &str,
    keep: Option<Keep>,
) -> Result<String, NotMerged> {
    let by_task = match (TaskTexts::read(base), mine_tasks, TaskTexts::read(theirs)) {
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
