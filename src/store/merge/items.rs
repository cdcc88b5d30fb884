//! Arrays of inline tables merged item by item and key by key (milestones): ticks on
//! neighbouring milestones from two sides both stay. Only when the arrays keep their length
//! on every side; otherwise the caller's field-level rule applies.

use toml_edit::{InlineTable, Item, Table, Value};

use crate::store::edit::patch;
use crate::store::merge::compare::{every_key, norm};

fn inline_norm(v: Option<&Value>) -> Option<String> {
    norm(v.cloned().map(Item::Value).as_ref())
}

fn items(t: &Table, key: &str) -> Option<Vec<InlineTable>> {
    t.get(key)?
        .as_array()?
        .iter()
        .map(|v| v.as_inline_table().cloned())
        .collect()
}

/// One item: each key only one side changed takes that side's value. `None` when a key was
/// changed both ways.
fn merge_item(base: &InlineTable, mine: &InlineTable, theirs: &mut InlineTable) -> Option<()> {
    let keys = every_key(
        mine.iter().map(|(k, _)| k),
        base.iter().chain(theirs.iter()).map(|(k, _)| k),
    );
    for key in keys {
        let (b, m, t) = (
            inline_norm(base.get(&key)),
            inline_norm(mine.get(&key)),
            inline_norm(theirs.get(&key)),
        );
        if m == b || m == t {
            continue;
        }
        if t != b {
            return None;
        }
        match mine.get(&key) {
            Some(v) => {
                // After the key it follows in my table, as `bairi` would have written it.
                let after = mine
                    .iter()
                    .map(|(k, _)| k)
                    .take_while(|k| *k != key)
                    .last()
                    .map(str::to_owned);
                patch::set_inline(theirs, &key, v.clone(), after.as_deref());
            }
            None => patch::remove_inline(theirs, &key),
        }
    }
    Some(())
}

/// Merges `key` (an array of inline tables) item by item into `theirs`; whether it could.
pub fn merge_by_position(base: &Table, mine: &Table, theirs: &mut Table, key: &str) -> bool {
    let (Some(b), Some(m)) = (items(base, key), items(mine, key)) else {
        return false;
    };
    let Some(mut t) = items(theirs, key) else {
        return false;
    };
    if b.len() != m.len() || b.len() != t.len() {
        return false;
    }
    for ((bi, mi), ti) in b.iter().zip(&m).zip(t.iter_mut()) {
        if merge_item(bi, mi, ti).is_none() {
            return false;
        }
    }
    let Some(array) = theirs.get_mut(key).and_then(Item::as_array_mut) else {
        return false;
    };
    for (slot, new) in array.iter_mut().zip(t) {
        if let Value::InlineTable(old) = slot {
            let decor = old.decor().clone();
            *old = new;
            *old.decor_mut() = decor;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(a: bool, b: bool) -> Table {
        let text = format!(
            "milestones = [\n  {{ title = \"a\", done = {a} }},\n  {{ title = \"b\", done = {b} }},\n]\n"
        );
        let doc: toml_edit::DocumentMut = text.parse().unwrap();
        doc.as_table().clone()
    }

    #[test]
    fn ticks_on_neighbouring_milestones_both_stay() {
        let mut theirs = task(false, true);
        assert!(merge_by_position(
            &task(false, false),
            &task(true, false),
            &mut theirs,
            "milestones"
        ));
        assert_eq!(
            norm(theirs.get("milestones")),
            norm(task(true, true).get("milestones"))
        );
        assert!(!merge_by_position(
            &task(false, false),
            &task(true, false),
            &mut task(false, true).clone(),
            "x"
        ));
    }
}
