//! Three-way merge of everything outside the tasks, key by key at the top level: a key only
//! one side changed takes that side's value; the arrays of items (pledges, reviews, units,
//! people, recorded conflicts) merge item by item (see [`super::lists`]), so what either side
//! added stays; a key changed both ways is a conflict (its `task` is empty).

use toml_edit::DocumentMut;

use crate::store::merge::compare::norm;
use crate::store::merge::conflict::{Conflict, Keep};
use crate::store::merge::lists::merge_list;

/// Merges what `mine` changed outside the tasks into `theirs`.
pub fn merge_top(
    base: &DocumentMut,
    mine: &DocumentMut,
    theirs: &mut DocumentMut,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) {
    let mut keys: Vec<String> = mine.iter().map(|(k, _)| k.to_owned()).collect();
    for (k, _) in base.iter() {
        if !keys.iter().any(|x| x == k) {
            keys.push(k.to_owned());
        }
    }
    for key in keys {
        if key == "tasks" || merge_list(base, mine, theirs, &key, keep, conflicts) {
            continue;
        }
        merge_key(base, mine, theirs, &key, keep, conflicts);
    }
}

fn merge_key(
    base: &DocumentMut,
    mine: &DocumentMut,
    theirs: &mut DocumentMut,
    key: &str,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) {
    let (b, m, t) = (
        norm(base.get(key)),
        norm(mine.get(key)),
        norm(theirs.get(key)),
    );
    if m == b || m == t {
        return;
    }
    if t == b || keep == Some(Keep::Mine) {
        match mine.get(key) {
            Some(item) => {
                theirs.insert(key, item.clone());
            }
            None => {
                theirs.remove(key);
            }
        }
        return;
    }
    if keep.is_none() {
        conflicts.push(Conflict {
            task: String::new(),
            key: key.to_owned(),
            mine: m.unwrap_or_default(),
            theirs: t.unwrap_or_default(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &str, mine: &str, theirs: &str) -> (String, Vec<Conflict>) {
        let (b, m): (DocumentMut, DocumentMut) = (base.parse().unwrap(), mine.parse().unwrap());
        let mut t: DocumentMut = theirs.parse().unwrap();
        let mut c = Vec::new();
        merge_top(&b, &m, &mut t, None, &mut c);
        (t.to_string(), c)
    }

    #[test]
    fn a_setting_changed_here_joins_their_file() {
        let (text, c) = run(
            "[campaign]\nname = \"a\"\n[rules.light]\nwarn_days = 3\n",
            "[campaign]\nname = \"b\"\n[rules.light]\nwarn_days = 3\n",
            "[campaign]\nname = \"a\"\n[rules.light]\nwarn_days = 5\n",
        );
        assert!(c.is_empty());
        assert!(text.contains("name = \"b\"") && text.contains("warn_days = 5"));
    }

    #[test]
    fn conflict_records_added_and_settled_on_either_side_stay_so() {
        let one = "[[conflicts]]\ntask = \"T1\"\nfield = \"a\"\ntheirs = 1\n";
        let two = "[[conflicts]]\ntask = \"T2\"\nfield = \"b\"\ntheirs = 2\n";
        // I settled one; they added two.
        let (text, c) = run(one, "", &format!("{one}{two}"));
        assert!(c.is_empty());
        assert!(!text.contains("T1") && text.contains("T2"), "{text}");
    }
}
