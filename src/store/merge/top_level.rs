//! Three-way merge of everything outside the tasks, key by key at the top level: a key only
//! one side changed takes that side's value; reviews are added by checkpoint; recorded
//! conflicts (`[[conflicts]]`) are a set, so a record added or settled on either side stays
//! added or settled; a key changed both ways is a conflict (its `task` is empty).

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::store::merge::{Conflict, Keep, norm, table_norm};

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
        match key.as_str() {
            "tasks" => {}
            "reviews" => merge_reviews(mine, theirs),
            "conflicts" => merge_set(base, mine, theirs, "conflicts"),
            _ => merge_key(base, mine, theirs, &key, keep, conflicts),
        }
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

fn tables(doc: &DocumentMut, key: &str) -> Vec<Table> {
    doc.get(key)
        .and_then(Item::as_array_of_tables)
        .map_or_else(Vec::new, |a| a.iter().cloned().collect())
}

/// An array of tables as a set: theirs, plus what I added, less what I removed.
fn merge_set(base: &DocumentMut, mine: &DocumentMut, theirs: &mut DocumentMut, key: &str) {
    let ids = |list: &[Table]| list.iter().map(table_norm).collect::<Vec<_>>();
    let (b, m) = (tables(base, key), tables(mine, key));
    let (bn, mn) = (ids(&b), ids(&m));
    let their_tables = tables(theirs, key);
    let mut kept: Vec<Table> = their_tables
        .into_iter()
        .filter(|t| {
            let n = table_norm(t);
            !bn.contains(&n) || mn.contains(&n)
        })
        .collect();
    let present = ids(&kept);
    for (t, n) in m.into_iter().zip(mn) {
        if !bn.contains(&n) && !present.contains(&n) {
            kept.push(t);
        }
    }
    if kept.is_empty() {
        theirs.remove(key);
        return;
    }
    match theirs.get_mut(key).and_then(Item::as_array_of_tables_mut) {
        Some(aot) => {
            aot.clear();
            for t in kept {
                aot.push(t);
            }
        }
        None => {
            let mut aot = ArrayOfTables::new();
            for t in kept {
                aot.push(t);
            }
            theirs.insert(key, Item::ArrayOfTables(aot));
        }
    }
}

/// Reviews I published are added unless theirs has that checkpoint already.
pub(in crate::store) fn merge_reviews(mine: &DocumentMut, theirs: &mut DocumentMut) {
    let checkpoint = |t: &Table| t.get("checkpoint").and_then(Item::as_integer);
    let theirs_cps: Vec<i64> = tables(theirs, "reviews")
        .iter()
        .filter_map(checkpoint)
        .collect();
    let new: Vec<Table> = tables(mine, "reviews")
        .into_iter()
        .filter(|t| checkpoint(t).is_some_and(|c| !theirs_cps.contains(&c)))
        .collect();
    if new.is_empty() {
        return;
    }
    match theirs
        .get_mut("reviews")
        .and_then(Item::as_array_of_tables_mut)
    {
        Some(aot) => {
            for t in new {
                aot.push(t);
            }
        }
        None => {
            let mut aot = ArrayOfTables::new();
            for t in new {
                aot.push(t);
            }
            theirs.insert("reviews", Item::ArrayOfTables(aot));
        }
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
