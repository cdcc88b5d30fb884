//! Minimal-diff edits of the parsed document: only the touched values change; comments,
//! spacing and order elsewhere stay byte for byte.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// The `[[tasks]]` table with this id.
pub(crate) fn task_mut<'d>(doc: &'d mut DocumentMut, id: &str) -> Option<&'d mut Table> {
    doc.get_mut("tasks")?
        .as_array_of_tables_mut()?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// Whether two values say the same thing, however each is written (`'a'` and `"a"`, `2`
/// and `2.0`): setting a value to what it already is leaves its text alone.
pub(crate) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(_) | Value::Integer(_), Value::Float(_) | Value::Integer(_)) => {
            number(a) == number(b)
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(a, b)| same(a, b))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i.value() as f64),
        Value::Float(f) => Some(*f.value()),
        _ => None,
    }
}

/// Sets `key` to `value`, keeping the old value's surroundings (spacing, trailing comment);
/// a new key goes after the last plain key-value of the table. A value already so is left
/// as it is written.
pub(crate) fn set(table: &mut Table, key: &str, value: impl Into<Value>) {
    let mut value = value.into();
    match table.get_mut(key) {
        Some(Item::Value(old)) if same(old, &value) => {}
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Removes `key` with its line.
pub(crate) fn remove(table: &mut Table, key: &str) {
    table.remove(key);
}

/// Sets `key` in an inline table, keeping spacing; a new key goes right after `after`
/// (or at the end) and takes over the spacing before the closing brace.
pub(crate) fn set_inline(
    table: &mut InlineTable,
    key: &str,
    value: impl Into<Value>,
    after: Option<&str>,
) {
    let mut value = value.into();
    if let Some(old) = table.get_mut(key) {
        if same(old, &value) {
            return;
        }
        *value.decor_mut() = old.decor().clone();
        *old = value;
        return;
    }
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    let last = keys.last().cloned();
    let insert_at = after
        .and_then(|a| keys.iter().position(|k| k == a))
        .map_or(keys.len(), |i| i + 1);
    value.decor_mut().set_prefix(" ");
    value.decor_mut().set_suffix("");
    if insert_at == keys.len() {
        // The new last value inherits the space before `}`.
        if let Some(prev) = last.as_deref().and_then(|k| table.get_mut(k)) {
            let suffix = prev.decor().suffix().cloned();
            prev.decor_mut().set_suffix("");
            if let Some(s) = suffix {
                value.decor_mut().set_suffix(s);
            }
        }
    }
    let mut rest: Vec<(toml_edit::Key, Value)> = Vec::new();
    for k in &keys[insert_at..] {
        if let Some((key_obj, v)) = table.get_key_value(k) {
            let (key_obj, v) = (key_obj.clone(), v.as_value().cloned());
            if let Some(v) = v {
                rest.push((key_obj, v));
            }
        }
        table.remove(k);
    }
    table.insert(key, value);
    for (k, v) in rest {
        table.insert_formatted(&k, v);
    }
}

/// Removes `key` from an inline table; if it was last, its neighbour takes over the spacing
/// before the closing brace.
pub(crate) fn remove_inline(table: &mut InlineTable, key: &str) {
    let was_last = table.iter().last().is_some_and(|(k, _)| k == key);
    let Some(removed) = table.remove(key) else {
        return;
    };
    if let (true, Some((_, prev)), Some(s)) =
        (was_last, table.iter_mut().last(), removed.decor().suffix())
    {
        prev.decor_mut().set_suffix(s.clone());
    }
}

/// The n-th inline table of an array key (milestones).
pub(crate) fn array_table_mut<'t>(
    table: &'t mut Table,
    key: &str,
    n: usize,
) -> Option<&'t mut InlineTable> {
    table
        .get_mut(key)?
        .as_array_mut()?
        .get_mut(n)?
        .as_inline_table_mut()
}

/// Appends an inline table to an array key (the log), laid out like its siblings; creates
/// `key = [ … ]` on its own lines when missing or empty. A key written as `[[…]]` tables
/// gets one more table.
pub(crate) fn append_inline(table: &mut Table, key: &str, mut entry: InlineTable) {
    entry.fmt();
    if let Some(aot) = table.get_mut(key).and_then(Item::as_array_of_tables_mut) {
        aot.push(entry.into_table());
        return;
    }
    match table.get_mut(key).and_then(Item::as_array_mut) {
        Some(array) if array.is_empty() => first_entry(array, entry),
        Some(array) => {
            let mut value = Value::InlineTable(entry);
            let prefix = array.iter().last().and_then(|v| {
                v.decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .map(str::to_owned)
            });
            let multiline = prefix.as_deref().is_some_and(|p| p.contains('\n'));
            match prefix {
                Some(p) => value.decor_mut().set_prefix(p),
                None => value
                    .decor_mut()
                    .set_prefix(if array.is_empty() { "" } else { " " }),
            }
            value.decor_mut().set_suffix("");
            if !multiline {
                // A one-line array: keep the space before `]` at the end.
                if let Some((last, s)) = array.iter_mut().last().and_then(|l| {
                    let s = l.decor().suffix().cloned()?;
                    Some((l, s))
                }) {
                    last.decor_mut().set_suffix("");
                    value.decor_mut().set_suffix(s);
                }
            }
            array.push_formatted(value);
        }
        None => {
            let mut array = Array::new();
            first_entry(&mut array, entry);
            table.insert(key, Item::Value(Value::Array(array)));
        }
    }
}

/// The first entry of an empty array, on a line of its own, `]` on the next.
fn first_entry(array: &mut Array, entry: InlineTable) {
    let mut value = Value::InlineTable(entry);
    value.decor_mut().set_prefix("\n  ");
    value.decor_mut().set_suffix("");
    array.push_formatted(value);
    array.set_trailing_comma(true);
    array.set_trailing("\n");
}

/// Appends a `[[tasks.problems]]`-style table under `key`; it is written right after the
/// task's existing sub-tables.
pub(crate) fn append_table(table: &mut Table, key: &str, entry: Table) {
    match table.get_mut(key).and_then(Item::as_array_of_tables_mut) {
        Some(aot) => aot.push(entry),
        None => {
            let mut aot = ArrayOfTables::new();
            aot.push(entry);
            table.insert(key, Item::ArrayOfTables(aot));
        }
    }
}

/// The n-th table under an array-of-tables key (problems).
pub(crate) fn sub_table_mut<'t>(
    table: &'t mut Table,
    key: &str,
    id: &str,
) -> Option<&'t mut Table> {
    table
        .get_mut(key)?
        .as_array_of_tables_mut()?
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
}

/// A one-line basic string (`"…"` with escapes): never a multi-line string, so inline tables
/// stay on one line as TOML 1.0 requires.
pub(crate) fn string(s: &str) -> Value {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out.parse::<Value>().unwrap_or_else(|_| Value::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_stay_on_one_line() {
        for s in [
            "简单",
            "a \"quoted\" \\ back",
            "two\nlines\ttab",
            "bell\u{7}esc\u{1b}",
        ] {
            let v = string(s);
            let shown = v.to_string();
            assert!(!shown.contains('\n'), "{shown}");
            assert_eq!(v.as_str(), Some(s));
        }
    }
}
