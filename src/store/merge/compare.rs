//! How the merge compares values of two versions: each in a normal form (no spaces or
//! comments), a table's id, and every key of three versions of a table.

use toml_edit::{Item, Table, Value};

/// A value without its surrounding spaces and comments, for comparing.
pub(in crate::store) fn norm(item: Option<&Item>) -> Option<String> {
    let item = item?;
    match item {
        Item::None => None,
        Item::Value(v) => {
            let mut v = v.clone();
            v.decor_mut().clear();
            if let Value::Array(a) = &mut v {
                a.fmt();
                for e in a.iter_mut() {
                    if let Value::InlineTable(t) = e {
                        t.fmt();
                    }
                }
            }
            if let Value::InlineTable(t) = &mut v {
                t.fmt();
            }
            Some(v.to_string().trim().to_owned())
        }
        Item::Table(t) => Some(table_norm(t)),
        Item::ArrayOfTables(a) => Some(a.iter().map(table_norm).collect::<Vec<_>>().join("\n--\n")),
    }
}

pub(in crate::store) fn table_norm(t: &Table) -> String {
    let mut keys: Vec<String> = t
        .iter()
        .map(|(k, v)| format!("{k}={}", norm(Some(v)).unwrap_or_default()))
        .collect();
    keys.sort();
    keys.join("\n")
}

pub(in crate::store) fn id_of(t: &Table) -> Option<String> {
    t.get("id").and_then(Item::as_str).map(str::to_owned)
}

/// The keys of three versions of a table, mine first in my order, then those only the others
/// have, each once.
pub(in crate::store) fn every_key<'k>(
    mine: impl Iterator<Item = &'k str>,
    others: impl Iterator<Item = &'k str>,
) -> Vec<String> {
    let mut keys: Vec<String> = mine.map(str::to_owned).collect();
    for k in others {
        if !keys.iter().any(|x| x == k) {
            keys.push(k.to_owned());
        }
    }
    keys
}
