//! `[[conflicts]]` in the text: written by the git merge driver when a field changed both
//! ways (the file keeps one value, the record the other), listed for the board, and settled:
//! keeping the file's value drops the records, taking the recorded one applies it first.

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::store::edit::patch;
use crate::store::merge::compare::norm;
use crate::store::merge::conflict::{Conflict, Keep};

/// The field a record names when a whole task was deleted on one side and changed (or added
/// differently) on the other.
pub const WHOLE_TASK: &str = "(task)";

/// One conflict to record. `theirs` absent: the other side removed the field (or the task).
#[derive(Debug, Clone)]
pub struct Record {
    pub task: Option<String>,
    pub field: String,
    pub theirs: Option<Value>,
    pub by: Option<String>,
    /// Who made the value the file keeps (the side that merges).
    pub kept_by: Option<String>,
    pub date: NaiveDate,
}

/// An item as one value: tables become inline tables, arrays of tables arrays of them. A
/// value keeps its own layout (a milestone list one item a line stays so), so that taking
/// the recorded value writes it as its side wrote it.
pub fn as_value(item: &Item) -> Option<Value> {
    if let Item::Value(v) = item {
        let mut value = v.clone();
        value.decor_mut().clear();
        return Some(value);
    }
    let mut value = item.clone().into_value().ok()?;
    value.decor_mut().clear();
    match &mut value {
        Value::InlineTable(t) => t.fmt(),
        Value::Array(a) => a.fmt(),
        _ => {}
    }
    Some(value)
}

/// `text` with the records appended as `[[conflicts]]` tables at its end.
pub fn append(text: &str, records: &[Record]) -> String {
    if records.is_empty() {
        return text.to_owned();
    }
    let mut aot = ArrayOfTables::new();
    for r in records {
        let mut t = Table::new();
        if let Some(task) = &r.task {
            t.insert("task", Item::Value(patch::string(task)));
        }
        t.insert("field", Item::Value(patch::string(&r.field)));
        if let Some(v) = &r.theirs {
            t.insert("theirs", Item::Value(v.clone()));
        }
        if let Some(by) = &r.by {
            t.insert("by", Item::Value(patch::string(by)));
        }
        if let Some(kept_by) = &r.kept_by {
            t.insert("kept_by", Item::Value(patch::string(kept_by)));
        }
        t.insert("date", Item::Value(crate::store::edit::date_value(r.date)));
        aot.push(t);
    }
    let mut doc = DocumentMut::new();
    doc.insert("conflicts", Item::ArrayOfTables(aot));
    let mut out = text.to_owned();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&doc.to_string());
    out
}

fn records(doc: &DocumentMut) -> Vec<Table> {
    doc.get("conflicts")
        .and_then(Item::as_array_of_tables)
        .map_or_else(Vec::new, |a| a.iter().cloned().collect())
}

fn str_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key).and_then(Item::as_str)
}

fn task_table<'d>(doc: &'d DocumentMut, id: &str) -> Option<&'d Table> {
    doc.get("tasks")?
        .as_array_of_tables()?
        .iter()
        .find(|t| str_of(t, "id") == Some(id))
}

/// The open records as the board lists them: the file's value as mine, the recorded as theirs.
pub fn list(text: &str) -> Vec<Conflict> {
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return Vec::new();
    };
    records(&doc)
        .iter()
        .filter_map(|r| {
            let field = str_of(r, "field")?.to_owned();
            let task = str_of(r, "task").map(str::to_owned);
            let theirs = norm(r.get("theirs"));
            let (mine, theirs) = if field == WHOLE_TASK {
                let word = |present: bool| if present { "changed" } else { "deleted" };
                (word(true).to_owned(), word(theirs.is_some()).to_owned())
            } else {
                let mine = match &task {
                    Some(id) => task_table(&doc, id).and_then(|t| norm(t.get(&field))),
                    None => norm(doc.get(&field)),
                };
                let or_deleted = |v: Option<String>| v.unwrap_or_else(|| "deleted".to_owned());
                (or_deleted(mine), or_deleted(theirs))
            };
            Some(Conflict {
                task: task.unwrap_or_default(),
                key: field,
                mine,
                theirs,
            })
        })
        .collect()
}

/// Puts a recorded value in place of `key` in `table` (a table or array of tables stays one,
/// and keeps the file's spacing and comments for the keys both versions have).
fn put(table: &mut Table, key: &str, theirs: Option<&Item>) {
    let Some(value) = theirs.and_then(Item::as_value) else {
        table.remove(key);
        return;
    };
    match (table.get_mut(key), value) {
        (Some(Item::Table(t)), Value::InlineTable(new)) => put_keys(t, new),
        (Some(Item::ArrayOfTables(aot)), Value::Array(new))
            if !new.is_empty() && new.iter().all(Value::is_inline_table) =>
        {
            let tables: Vec<&InlineTable> = new.iter().filter_map(Value::as_inline_table).collect();
            while aot.len() > tables.len() {
                aot.remove(aot.len() - 1);
            }
            for (i, new) in tables.into_iter().enumerate() {
                match aot.get_mut(i) {
                    Some(slot) => put_keys(slot, new),
                    None => aot.push(new.clone().into_table()),
                }
            }
        }
        (Some(Item::Table(_) | Item::ArrayOfTables(_)), _) => {
            let item = Item::Value(value.clone());
            let item = match value {
                Value::InlineTable(t) => Item::Table(t.clone().into_table()),
                _ => item
                    .into_array_of_tables()
                    .map_or_else(|i| i, Item::ArrayOfTables),
            };
            table.insert(key, item);
        }
        _ => patch::set(table, key, value.clone()),
    }
}

/// `slot` made to hold the keys of `theirs`, key by key: the keys both have keep the file's
/// spacing and comments, as their side wrote them.
/// A key the file lacks goes where theirs has it, aligned as the key before it.
fn put_keys(slot: &mut Table, theirs: &InlineTable) {
    slot.retain(|key, _| theirs.contains_key(key));
    let mut before: Option<&str> = None;
    for (key, value) in theirs {
        let mut value = value.clone();
        value.decor_mut().clear();
        let new = !slot.contains_key(key);
        put(slot, key, Some(&Item::Value(value)));
        let width = before.and_then(|b| key_width(slot, b)).filter(|_| new);
        if let (Some(width), Some(mut k)) = (width, slot.key_mut(key)) {
            let pad = width.saturating_sub(key.chars().count()).max(1);
            k.leaf_decor_mut().set_suffix(" ".repeat(pad));
        }
        before = Some(key);
    }
    let order: Vec<&str> = theirs.iter().map(|(k, _)| k).collect();
    let at = |k: &toml_edit::Key| order.iter().position(|o| *o == k.get());
    slot.sort_values_by(|k1, _, k2, _| at(k1).cmp(&at(k2)));
}

/// How wide `key` and the spaces after it are written in `table` (where its `=` stands).
fn key_width(table: &Table, key: &str) -> Option<usize> {
    let k = table.key(key)?;
    let suffix = k.leaf_decor().suffix()?.as_str()?;
    Some(key.chars().count() + suffix.len())
}

/// The text with every record settled: `Keep::Mine` keeps the file's values, `Keep::Theirs`
/// takes the recorded ones. `None` when the text is not TOML.
pub fn settle(text: &str, keep: Keep) -> Option<String> {
    let n = list(text).len();
    let each: Vec<(usize, Keep)> = (0..n).map(|i| (i, keep)).collect();
    settle_each(text, &each)
}

/// The text with the records numbered as [`list`] gives them settled each its own way; the
/// others stay. Settling the last one removes the records altogether (with any record that
/// names no field). `None` when the text is
/// not TOML.
pub fn settle_each(text: &str, each: &[(usize, Keep)]) -> Option<String> {
    let mut doc: DocumentMut = text.parse().ok()?;
    let all = records(&doc);
    // The records `list` numbers: those with a field.
    let listed: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, r)| str_of(r, "field").is_some())
        .map(|(i, _)| i)
        .collect();
    let mut gone: Vec<usize> = Vec::with_capacity(each.len());
    for &(n, keep) in each {
        let Some(&i) = listed.get(n) else { continue };
        gone.push(i);
        let (Some(r), Keep::Theirs) = (all.get(i), keep) else {
            continue;
        };
        let Some(field) = str_of(r, "field") else {
            continue;
        };
        match str_of(r, "task") {
            Some(id) if field == WHOLE_TASK => replace_task(&mut doc, id, r.get("theirs")),
            Some(id) => {
                if let Some(t) = patch::task_mut(&mut doc, id) {
                    put(t, field, r.get("theirs"));
                }
            }
            None => put(doc.as_table_mut(), field, r.get("theirs")),
        }
    }
    if listed.iter().all(|i| gone.contains(i)) {
        doc.remove("conflicts");
    } else if let Some(aot) = doc
        .get_mut("conflicts")
        .and_then(Item::as_array_of_tables_mut)
    {
        gone.sort_unstable();
        gone.dedup();
        for i in gone.into_iter().rev() {
            aot.remove(i);
        }
    }
    Some(crate::store::save::eol::like(text, doc.to_string()))
}

/// Replaces (or, without a recorded version, deletes) task `id`: key by key, so the keys
/// both versions have keep the file's spacing and comments, as their side wrote them.
fn replace_task(doc: &mut DocumentMut, id: &str, theirs: Option<&Item>) {
    let Some(aot) = doc.get_mut("tasks").and_then(Item::as_array_of_tables_mut) else {
        return;
    };
    let Some(i) = aot.iter().position(|t| str_of(t, "id") == Some(id)) else {
        return;
    };
    match theirs.and_then(Item::as_inline_table) {
        Some(t) => {
            if let Some(slot) = aot.get_mut(i) {
                put_keys(slot, t);
            }
        }
        None => {
            aot.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "[[tasks]]\nid = \"T1\"\nstatus = \"in_progress\" # here\n";

    fn record(theirs: Option<Value>) -> Record {
        Record {
            task: Some("T1".into()),
            field: "status".into(),
            theirs,
            by: Some("li".into()),
            kept_by: None,
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        }
    }

    #[test]
    fn a_record_lists_mine_and_theirs_and_settles_both_ways() {
        let text = append(FILE, &[record(Some("blocked".into()))]);
        assert!(
            text.contains("[[conflicts]]\ntask = \"T1\"\nfield = \"status\"\ntheirs = \"blocked\"")
        );
        let list = list(&text);
        assert_eq!(
            (list[0].mine.as_str(), list[0].theirs.as_str()),
            ("\"in_progress\"", "\"blocked\"")
        );
        assert_eq!(
            settle(&text, Keep::Mine).unwrap().trim_end(),
            FILE.trim_end()
        );
        let theirs = settle(&text, Keep::Theirs).unwrap();
        assert!(theirs.contains("status = \"blocked\" # here") && !theirs.contains("conflicts"));
    }

    #[test]
    fn one_record_settles_and_the_others_stay() {
        let mut second = record(Some(toml_edit::Value::from(40)));
        second.field = "progress".into();
        let text = append(FILE, &[record(Some("blocked".into())), second]);
        let one = settle_each(&text, &[(1, Keep::Theirs)]).unwrap();
        assert!(one.contains("progress = 40"), "{one}");
        let left = list(&one);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].key, "status");
        let both = settle_each(&one, &[(0, Keep::Mine)]).unwrap();
        assert!(
            !both.contains("conflicts") && both.contains("in_progress"),
            "{both}"
        );
    }

    #[test]
    fn a_whole_task_taken_from_the_record_keeps_the_files_spacing_and_comments() {
        let file =
            "[[tasks]]\nid     = \"T1\"\nstatus = \"in_progress\" # here\nclosed_on = 2026-11-21\n";
        let theirs = "[[tasks]]\nid     = \"T1\"\nstatus = \"blocked\" # here\nprogress = 5\n";
        let their_doc: DocumentMut = theirs.parse().unwrap();
        let task = their_doc["tasks"]
            .as_array_of_tables()
            .unwrap()
            .get(0)
            .unwrap();
        let mut r = record(as_value(&Item::Table(task.clone())));
        r.field = WHOLE_TASK.into();
        let text = append(file, &[r]);
        assert_eq!(settle(&text, Keep::Theirs).unwrap(), theirs);
    }

    #[test]
    fn a_deleted_task_taken_from_the_record_is_deleted() {
        let mut r = record(None);
        r.field = WHOLE_TASK.into();
        let text = append(FILE, &[r]);
        assert!(!settle(&text, Keep::Theirs).unwrap().contains("T1"));
    }
}
