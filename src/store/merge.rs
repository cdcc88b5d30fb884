//! Three-way merge of a campaign file by task and field: base (what we read), mine (our
//! edits), theirs (what is on disk now). Both sides' edits survive when they touch different
//! tasks or fields; notes from both are kept; a field changed both ways is a conflict that the
//! user settles. The result starts from their document, so their bytes stay as they wrote them.

pub mod by_task;
pub mod cited;
pub mod compare;
pub mod conflict;
pub mod core;
pub mod driver;
pub mod ids;
pub mod items;
pub mod lists;
mod one_task;
pub mod recorded;
pub mod theirs;
pub mod top_level;

use std::collections::HashMap;

use toml_edit::{DocumentMut, Item, Table, Value};

use self::compare::{every_key, id_of, norm, table_norm};
pub use self::conflict::{Conflict, Keep};
use crate::store::merge::lists::placeless;

fn tasks(doc: &DocumentMut) -> Vec<&Table> {
    doc.get("tasks")
        .and_then(Item::as_array_of_tables)
        .map_or_else(Vec::new, |a| a.iter().collect())
}

fn by_id<'a>(list: &[&'a Table]) -> HashMap<String, &'a Table> {
    list.iter()
        .filter_map(|t| id_of(t).map(|id| (id, *t)))
        .collect()
}

/// Merges `mine` into `theirs` (in place). Conflicts are settled by `keep`, or returned.
pub fn merge(
    base: &DocumentMut,
    mine: &DocumentMut,
    theirs: &mut DocumentMut,
    keep: Option<Keep>,
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let base_tasks = tasks(base);
    let mine_tasks = tasks(mine);
    let (b, m) = (by_id(&base_tasks), by_id(&mine_tasks));
    let their_ids: Vec<String> = tasks(theirs).iter().filter_map(|t| id_of(t)).collect();
    let Some(aot) = theirs
        .get_mut("tasks")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return conflicts;
    };
    // Tasks both have: field by field.
    for table in aot.iter_mut() {
        let Some(id) = id_of(table) else { continue };
        match (b.get(&id), m.get(&id)) {
            (Some(bt), Some(mt)) => merge_task(&id, bt, mt, table, keep, &mut conflicts),
            // We both added a task with this id, not the same one.
            (None, Some(mt)) if table_norm(mt) != table_norm(table) => match keep {
                Some(Keep::Mine) => {
                    let position = table.position();
                    *table = placeless((*mt).clone());
                    table.set_position(position);
                }
                Some(Keep::Theirs) => {}
                None => conflicts.push(Conflict {
                    task: id.clone(),
                    key: "(added here and there)".into(),
                    mine: "added".into(),
                    theirs: "added".into(),
                }),
            },
            // I deleted it: fine if they did not touch it.
            (Some(bt), None) if table_norm(bt) != table_norm(table) && keep != Some(Keep::Mine) => {
                conflicts.push(Conflict {
                    task: id.clone(),
                    key: "(deleted here)".into(),
                    mine: String::new(),
                    theirs: "changed".into(),
                });
            }
            _ => {}
        }
    }
    // My deletions of tasks they left alone.
    let deleted: Vec<String> = b
        .keys()
        .filter(|id| !m.contains_key(*id))
        .cloned()
        .collect();
    let mut remove: Vec<usize> = Vec::new();
    for (i, t) in aot.iter().enumerate() {
        if let Some(id) = id_of(t) {
            let untouched = b.get(&id).is_some_and(|bt| table_norm(bt) == table_norm(t));
            if deleted.contains(&id) && (untouched || keep == Some(Keep::Mine)) {
                remove.push(i);
            }
        }
    }
    for i in remove.into_iter().rev() {
        aot.remove(i);
    }
    // Tasks I added, and tasks I changed that they deleted.
    for t in &mine_tasks {
        let Some(id) = id_of(t) else { continue };
        if their_ids.contains(&id) {
            continue;
        }
        match b.get(&id) {
            None => aot.push(placeless((*t).clone())),
            Some(bt) if table_norm(bt) != table_norm(t) => match keep {
                Some(Keep::Mine) => aot.push(placeless((*t).clone())),
                Some(Keep::Theirs) => {}
                None => conflicts.push(Conflict {
                    task: id,
                    key: "(deleted there)".into(),
                    mine: "changed".into(),
                    theirs: "deleted".into(),
                }),
            },
            Some(_) => {}
        }
    }
    crate::store::merge::top_level::merge_top(base, mine, theirs, keep, &mut conflicts);
    conflicts
}

fn merge_task(
    id: &str,
    base: &Table,
    mine: &Table,
    theirs: &mut Table,
    keep: Option<Keep>,
    conflicts: &mut Vec<Conflict>,
) {
    let keys = every_key(
        mine.iter().map(|(k, _)| k),
        base.iter().chain(theirs.iter()).map(|(k, _)| k),
    );
    for key in keys {
        let (b, m, t) = (
            norm(base.get(&key)),
            norm(mine.get(&key)),
            norm(theirs.get(&key)),
        );
        if m == b || m == t {
            continue;
        }
        if t == b {
            take_mine(theirs, mine, &key);
            continue;
        }
        let merged = match key.as_str() {
            "log" => append_union(base, mine, theirs, &key),
            "problems" => merge_problems(base, mine, theirs),
            "milestones" => crate::store::merge::items::merge_by_position(base, mine, theirs, &key),
            _ => false,
        };
        if merged {
            continue;
        }
        match keep {
            Some(Keep::Mine) => take_mine(theirs, mine, &key),
            Some(Keep::Theirs) => {}
            None => conflicts.push(Conflict {
                task: id.to_owned(),
                key: key.clone(),
                mine: m.unwrap_or_default(),
                theirs: t.unwrap_or_default(),
            }),
        }
    }
}

/// Puts my value of `key` into their table, keeping their spacing around it.
fn take_mine(theirs: &mut Table, mine: &Table, key: &str) {
    match mine.get(key) {
        Some(Item::Value(value)) => match theirs.get_mut(key) {
            Some(Item::Value(old)) => {
                let mut value = value.clone();
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            _ => {
                theirs.insert(key, Item::Value(value.clone()));
            }
        },
        Some(item) => {
            theirs.insert(key, placeless_item(item.clone()));
        }
        None => {
            theirs.remove(key);
        }
    }
}

/// An item from my document: its tables placed after what precedes them in theirs.
fn placeless_item(item: Item) -> Item {
    match item {
        Item::Table(t) => Item::Table(placeless(t)),
        Item::ArrayOfTables(mut aot) => {
            for t in aot.iter_mut() {
                *t = placeless(std::mem::take(t));
            }
            Item::ArrayOfTables(aot)
        }
        other => other,
    }
}

/// Both sides appended notes: the log is append-only, so the notes neither side had before
/// join in one order whichever side merges: by date, then by their text (each side's own
/// notes keep their order); a note both added is kept once. Their bytes stay as written.
fn append_union(base: &Table, mine: &Table, theirs: &mut Table, key: &str) -> bool {
    let values = |t: &Table| -> Option<Vec<Value>> {
        Some(t.get(key)?.as_array()?.iter().cloned().collect())
    };
    let (Some(b), Some(m)) = (values(base).or(Some(Vec::new())), values(mine)) else {
        return false;
    };
    let key_of = |v: &Value| -> (String, String) {
        let date = v
            .as_inline_table()
            .and_then(|t| t.get("date"))
            .map(|d| norm(Some(&Item::Value(d.clone()))).unwrap_or_default())
            .unwrap_or_default();
        (
            date,
            norm(Some(&Item::Value(v.clone()))).unwrap_or_default(),
        )
    };
    let seen: Vec<String> = b.iter().map(|v| key_of(v).1).collect();
    let Some(array) = theirs.get_mut(key).and_then(Item::as_array_mut) else {
        return false;
    };
    // Their notes after the last one I had read too are theirs to interleave with mine.
    let start = array
        .iter()
        .enumerate()
        .filter(|(_, v)| seen.contains(&key_of(v).1))
        .last()
        .map_or(0, |(i, _)| i + 1);
    let theirs_new: Vec<Value> = array.iter().skip(start).cloned().collect();
    let mine_new: Vec<Value> = m
        .into_iter()
        .filter(|v| !seen.contains(&key_of(v).1))
        .collect();
    if mine_new.is_empty() {
        return true;
    }
    let Some(template) = array.iter().last().map(|v| v.decor().clone()) else {
        // Their log is empty: mine as I wrote it.
        for v in mine_new {
            array.push_formatted(v);
        }
        return true;
    };
    let last_suffix = template.suffix().cloned();
    let in_both: Vec<(String, String)> = theirs_new
        .iter()
        .map(key_of)
        .filter(|k| mine_new.iter().any(|v| key_of(v) == *k))
        .collect();
    // Merge the two runs by key (the same on either side, so the order is too).
    let mut order: Vec<Value> = Vec::with_capacity(theirs_new.len() + mine_new.len());
    let mut placed: Vec<(String, String)> = Vec::new();
    let (mut t, mut n) = (
        theirs_new.into_iter().peekable(),
        mine_new.into_iter().peekable(),
    );
    loop {
        let next = match (t.peek().map(key_of), n.peek().map(key_of)) {
            (Some(tk), Some(mk)) if tk == mk => {
                n.next();
                t.next()
            }
            (Some(tk), Some(mk)) if mk < tk => n.next().map(|mut v| {
                *v.decor_mut() = template.clone();
                v
            }),
            (Some(_), _) => t.next(),
            (None, Some(_)) => n.next().map(|mut v| {
                *v.decor_mut() = template.clone();
                v
            }),
            (None, None) => break,
        };
        let Some(mut v) = next else { break };
        let k = key_of(&v);
        if in_both.contains(&k) && placed.contains(&k) {
            continue;
        }
        v.decor_mut().set_suffix("");
        placed.push(k);
        order.push(v);
    }
    while array.len() > start {
        array.remove(start);
    }
    // The space a one-line array keeps before `]` moves to the new last note.
    if let Some(before) = array.iter_mut().last() {
        before.decor_mut().set_suffix("");
    }
    if let (Some(last), Some(suffix)) = (order.last_mut(), last_suffix) {
        last.decor_mut().set_suffix(suffix);
    }
    for v in order {
        array.push_formatted(v);
    }
    true
}

/// Problems by id: each side's changes to different problems, and new problems from both.
fn merge_problems(base: &Table, mine: &Table, theirs: &mut Table) -> bool {
    let list = |t: &Table| -> Vec<Table> {
        t.get("problems")
            .and_then(Item::as_array_of_tables)
            .map_or_else(Vec::new, |a| a.iter().cloned().collect())
    };
    let (b, m) = (list(base), list(mine));
    let find = |l: &[Table], id: &str| l.iter().find(|t| id_of(t).as_deref() == Some(id)).cloned();
    let Some(aot) = theirs
        .get_mut("problems")
        .and_then(Item::as_array_of_tables_mut)
    else {
        return false;
    };
    for t in aot.iter_mut() {
        let Some(id) = id_of(t) else { continue };
        if let (Some(bt), Some(mt)) = (find(&b, &id), find(&m, &id)) {
            let (bn, mn, tn) = (table_norm(&bt), table_norm(&mt), table_norm(t));
            if mn != bn && tn == bn {
                let (position, decor) = (t.position(), t.decor().clone());
                *t = mt;
                t.set_position(position);
                *t.decor_mut() = decor;
            } else if mn != bn && tn != bn && mn != tn {
                return false;
            }
        }
    }
    // Mine added: kept; one that took an id they also took for another problem is renumbered.
    let mut ids: Vec<String> = aot.iter().filter_map(id_of).collect();
    for mut t in m {
        let Some(id) = id_of(&t).filter(|id| find(&b, id).is_none()) else {
            continue;
        };
        let same = |x: &Table| id_of(x).as_deref() == Some(id.as_str());
        let id = match aot.iter().find(|x| same(x)) {
            None => id,
            Some(x) if table_norm(x) == table_norm(&t) => continue,
            Some(_) => {
                let new = next_problem_id(&id, &ids);
                crate::store::edit::patch::set(
                    &mut t,
                    "id",
                    crate::store::edit::patch::string(&new),
                );
                new
            }
        };
        ids.push(id);
        aot.push(placeless(t));
    }
    true
}

/// The next free id in the series of problem id `id` (`T08-P2` → `T08-P3`, past `taken`).
fn next_problem_id(id: &str, taken: &[String]) -> String {
    let (prefix, _, _) = crate::store::merge::ids::id_order(id);
    let highest = taken
        .iter()
        .filter_map(|t| t.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest + 1)
}
