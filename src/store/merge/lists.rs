//! The arrays of tables outside the tasks (pledges, reviews, units, people, categories,
//! recorded conflicts) merged item by item: an item added on either side is kept, one only
//! one side changed takes that side's version, one a side removed goes if the other left it
//! alone. Items are matched by what names them: an id, a pledge's unit, day and words, a
//! review's whole frozen text (two reviews of one checkpoint are two items, both kept).

use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use crate::store::merge::compare::{id_of, table_norm};
use crate::store::merge::conflict::{Conflict, Keep};

/// What names one item of the array `key`, and whether this array is merged item by item.
pub fn identity(key: &str) -> Option<fn(&Table) -> String> {
    match key {
        "categories" | "units" | "people" => Some(|t| id_of(t).unwrap_or_else(|| table_norm(t))),
        // A pledge is checked later (kept, broken): the rest names it.
        "commitments" => Some(|t| {
            let mut named = t.clone();
            for k in ["kept", "kept_on", "broken_on"] {
                named.remove(k);
            }
            table_norm(&named)
        }),
        "reviews" | "conflicts" => Some(table_norm),
        _ => None,
    }
}

fn tables(doc: &DocumentMut, key: &str) -> Option<Vec<Table>> {
    match doc.get(key) {
        None => Some(Vec::new()),
        Some(item) => Some(item.as_array_of_tables()?.iter().cloned().collect()),
    }
}

/// Each item's name, the same name twice told apart by its count (`name`, `name`+1...).
fn named(list: &[Table], ident: fn(&Table) -> String) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    list.iter()
        .map(|t| {
            let name = ident(t);
            let n = seen.entry(name.clone()).or_default();
            *n += 1;
            format!("{name}\u{0}{n}")
        })
        .collect()
}

/// A table from the other side, placed right after the one before it when written (its
/// place in the other text means nothing here).
pub(super) fn placeless(mut table: Table) -> Table {
    fn clear(t: &mut Table) {
        t.set_position(None);
        for (_, item) in t.iter_mut() {
            match item {
                Item::Table(sub) => clear(sub),
                Item::ArrayOfTables(aot) => aot.iter_mut().for_each(clear),
                _ => {}
            }
        }
    }
    clear(&mut table);
    table
}

/// Merges the array `key` item by item into `theirs`; `false` when it is not an array of
/// tables on every side (the caller then merges it as one value).
pub fn merge_list(
    base: &DocumentMut,
    mine: &DocumentMut,
    theirs: &mut DocumentMut,
    key: &str,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) -> bool {
    let Some(ident) = identity(key) else {
        return false;
    };
    let (Some(b), Some(m), Some(t)) = (tables(base, key), tables(mine, key), tables(theirs, key))
    else {
        return false;
    };
    let (bn, mn, tn) = (named(&b, ident), named(&m, ident), named(&t, ident));
    let find = |names: &[String], name: &str| names.iter().position(|n| n == name);
    // Theirs, item by item: kept, taken from mine, or gone.
    let mut out: Vec<Table> = Vec::with_capacity(t.len() + m.len());
    for (table, name) in t.into_iter().zip(&tn) {
        let (in_base, in_mine) = (find(&bn, name), find(&mn, name));
        let Some(bi) = in_base else {
            out.push(table);
            continue;
        };
        let (bt, tt) = (table_norm(&b[bi]), table_norm(&table));
        let Some(mi) = in_mine else {
            // I removed it: it goes unless they changed it.
            if bt != tt {
                out.push(table);
            }
            continue;
        };
        let mt = table_norm(&m[mi]);
        let take_mine = if mt == bt || mt == tt {
            false
        } else if tt == bt {
            true
        } else {
            match keep {
                Some(Keep::Mine) => true,
                Some(Keep::Theirs) => false,
                None => {
                    conflicts.push(Conflict {
                        task: String::new(),
                        key: key.to_owned(),
                        mine: mt,
                        theirs: tt,
                    });
                    false
                }
            }
        };
        if take_mine {
            let mut new = m[mi].clone();
            new.set_position(table.position());
            *new.decor_mut() = table.decor().clone();
            out.push(new);
        } else {
            out.push(table);
        }
    }
    // Mine that they do not have: added here, or changed here and removed there.
    for (table, name) in m.into_iter().zip(&mn) {
        if find(&tn, name).is_some() {
            continue;
        }
        let changed = find(&bn, name).is_none_or(|bi| table_norm(&b[bi]) != table_norm(&table));
        if changed {
            out.push(placeless(table));
        }
    }
    put(theirs, key, out);
    true
}

/// Writes `list` as the array `key` of `doc`, in place where it was.
fn put(doc: &mut DocumentMut, key: &str, list: Vec<Table>) {
    if list.is_empty() {
        doc.remove(key);
        return;
    }
    let mut aot = ArrayOfTables::new();
    for t in list {
        aot.push(t);
    }
    match doc.get_mut(key).and_then(Item::as_array_of_tables_mut) {
        Some(old) => *old = aot,
        None => {
            doc.insert(key, Item::ArrayOfTables(aot));
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
        assert!(merge_list(&b, &m, &mut t, "commitments", None, &mut c));
        (t.to_string(), c)
    }

    const P1: &str = "[[commitments]]\nunit = \"a\"\ntext = \"一\"\nkept = false\n";
    const P2: &str = "[[commitments]]\nunit = \"b\"\ntext = \"二\"\nkept = false\n";
    const P3: &str = "[[commitments]]\nunit = \"c\"\ntext = \"三\"\nkept = false\n";

    #[test]
    fn pledges_added_on_both_sides_are_both_kept() {
        let (text, c) = run(P1, &format!("{P1}{P2}"), &format!("{P1}{P3}"));
        assert!(c.is_empty());
        assert_eq!(text, format!("{P1}{P3}{P2}"));
    }

    #[test]
    fn a_pledge_checked_here_and_one_added_there_both_stay() {
        let kept = P1.replace("false", "true");
        let (text, c) = run(P1, &kept, &format!("{P1}{P3}"));
        assert!(c.is_empty());
        assert_eq!(text, format!("{kept}{P3}"));
    }

    #[test]
    fn a_pledge_checked_both_ways_is_a_conflict() {
        let kept = P1.replace("false", "true");
        let broken = P1.replace("kept = false", "kept = false\nbroken_on = 2026-11-20");
        let (_, c) = run(P1, &kept, &broken);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].key, "commitments");
    }
}
