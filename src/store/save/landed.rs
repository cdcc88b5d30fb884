//! Whether edits reached the file: what a board that hung up mid-save checks before it
//! writes a recovery copy, so that a copy is left only for edits really not on disk (a copy
//! of a save that went through lacks what the save merged in, and putting it back would
//! drop someone else's edit).

use std::collections::HashMap;

use crate::store::merge::by_task::TaskTexts;

/// Whether the edits that turned `base` into `mine` are all in `disk`: each task they
/// changed, added or removed reads there as in `mine`, and outside the tasks `disk` is as
/// `mine` where the edits changed anything there. `false` when a text cannot be read by
/// task and `disk` is not `mine` exactly.
pub(crate) fn edits_in(base: &str, mine: &str, disk: &str) -> bool {
    if disk == mine {
        return true;
    }
    let (Some(b), Some(m), Some(d)) = (
        TaskTexts::read(base),
        TaskTexts::read(mine),
        TaskTexts::read(disk),
    ) else {
        return false;
    };
    let (before, after, there): (HashMap<_, _>, HashMap<_, _>, HashMap<_, _>) = (
        b.tasks().collect(),
        m.tasks().collect(),
        d.tasks().collect(),
    );
    let tasks_in = before
        .keys()
        .chain(after.keys())
        .filter(|id| before.get(*id) != after.get(*id))
        .all(|id| there.get(id) == after.get(id));
    let outside_unchanged = rest(base, &b) == rest(mine, &m);
    tasks_in && (outside_unchanged || rest(disk, &d) == rest(mine, &m))
}

/// The text outside the tasks' own lines.
fn rest(text: &str, tasks: &TaskTexts) -> String {
    let mut out = String::with_capacity(text.len() / 8);
    let mut at = 0;
    let mut ranges: Vec<_> = tasks.ids().filter_map(|id| tasks.own_range(id)).collect();
    ranges.sort_by_key(|r| r.start);
    for r in ranges {
        out.push_str(text.get(at..r.start).unwrap_or_default());
        at = at.max(r.end);
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "[campaign]\nname = \"c\"\n\n[[tasks]]\nid = \"T01\"\nx = 1\n\n[[tasks]]\nid = \"T02\"\nx = 1\n";

    #[test]
    fn my_edit_merged_with_theirs_is_in_but_a_lost_one_is_not() {
        let mine = BASE.replace("id = \"T01\"\nx = 1", "id = \"T01\"\nx = 2");
        let merged = mine.replace("id = \"T02\"\nx = 1", "id = \"T02\"\nx = 9");
        assert!(edits_in(BASE, &mine, &mine));
        assert!(edits_in(BASE, &mine, &merged), "their T02 does not matter");
        let theirs_only = BASE.replace("id = \"T02\"\nx = 1", "id = \"T02\"\nx = 9");
        assert!(!edits_in(BASE, &mine, &theirs_only));
        assert!(!edits_in(BASE, &mine, BASE));
        let renamed = mine.replace("name = \"c\"", "name = \"d\"");
        assert!(
            !edits_in(BASE, &renamed, &merged),
            "an edit outside the tasks"
        );
        assert!(!edits_in(BASE, &mine, "not toml ["));
    }
}
