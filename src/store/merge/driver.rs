//! What git's merge driver computes: ours with their changes merged in by task and field.
//! A field changed both ways keeps ours and is recorded in `[[conflicts]]` with their value;
//! a task deleted on one side and changed on the other is kept, and recorded. Nothing is lost
//! and no conflict markers are written. Pure: the caller reads and writes the files.

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item};

use crate::store::load::{Today, load_str};
use crate::store::merge::by_task::TaskTexts;
use crate::store::merge::core::{NotMerged, merge_three, renumber_twins};
use crate::store::merge::ids::id_order;
use crate::store::merge::recorded::{self, Record, WHOLE_TASK};
use crate::store::merge::{Conflict, Keep};

/// Who and when, for the records.
pub struct Stamp<'a> {
    pub by: Option<&'a str>,
    /// Who merges (the value the file keeps is theirs).
    pub kept_by: Option<&'a str>,
    /// Today in the campaign's zone; `None` reads it from the merged file with `today`.
    pub date: NaiveDate,
}

/// The merged text (line endings as ours), and how many conflicts it records.
pub fn merge_for_git(
    base: &str,
    ours: &str,
    theirs: &str,
    stamp: &Stamp,
) -> Result<(String, usize), NotMerged> {
    // Two tasks added under one id are both kept before the merge: theirs came from the
    // server and keeps its id, ours (syncing second) takes the next free one.
    let renumbered = renumber_twins(base, ours, theirs);
    let ours_in = renumbered.as_ref().map_or(ours, |r| r.mine.as_str());
    let (text, records) = match merge_three(base, ours_in, theirs, None) {
        Ok(text) => (text, Vec::new()),
        Err(NotMerged::Conflicts(list)) => {
            let mut text = merge_three(base, ours_in, theirs, Some(Keep::Mine))?;
            let their_doc: DocumentMut = theirs.parse().map_err(|_| NotMerged::Unreadable)?;
            let mut records = Vec::with_capacity(list.len());
            for c in &list {
                if c.key == "(deleted here)" {
                    text = put_back(&text, theirs, &c.task).ok_or(NotMerged::Unreadable)?;
                }
                records.push(record(c, &their_doc, stamp));
            }
            (text, records)
        }
        Err(e) => return Err(e),
    };
    let (text, records) = keep_ours_where_broken(base, ours_in, theirs, text, records, stamp);
    let n = records.len();
    let text = recorded::append(&text, &records);
    Ok((crate::store::save::eol::like(ours, text), n))
}

/// Two valid versions can merge into a file that breaks a rule neither broke: crossed off
/// on one side while a milestone was unticked (or a problem logged) on the other. Each task
/// both sides changed is then kept whole as ours, and theirs recorded whole, until the file
/// passes `check` both as merged and with the records taken; settling takes one version of
/// the task or the other, both valid. Asking both makes the choice the same whichever side
/// merges: the records taken here are what the other side's merge holds.
fn keep_ours_where_broken(
    base: &str,
    ours: &str,
    theirs: &str,
    mut text: String,
    mut records: Vec<Record>,
    stamp: &Stamp,
) -> (String, Vec<Record>) {
    let loads = |text: &str| load_str(text, Today::Date(stamp.date)).is_ok();
    let passes = |text: &str, records: &[Record]| {
        let with = recorded::append(text, records);
        loads(&with) && recorded::settle(&with, Keep::Theirs).is_some_and(|t| loads(&t))
    };
    if passes(&text, &records) || !passes(ours, &[]) || !passes(theirs, &[]) {
        return (text, records);
    }
    let (Some(b), Some(o), Some(t), Ok(their_doc)) = (
        TaskTexts::read(base),
        TaskTexts::read(ours),
        TaskTexts::read(theirs),
        theirs.parse::<DocumentMut>(),
    ) else {
        return (text, records);
    };
    let mut both: Vec<&str> = o
        .ids()
        .filter(|id| {
            let bt = b.task_text(id);
            bt.is_some()
                && bt != o.task_text(id)
                && t.task_text(id).is_some_and(|tt| Some(tt) != bt)
        })
        .collect();
    both.sort_by(|x, y| id_order(x).cmp(&id_order(y)));
    for id in both {
        let (Some(range), Some(own)) = (
            TaskTexts::read(&text).and_then(|m| m.own_range(id)),
            o.task_text(id),
        ) else {
            continue;
        };
        text.replace_range(range, own);
        records.retain(|r| r.task.as_deref() != Some(id));
        let whole = Conflict {
            task: id.to_owned(),
            key: "(added here and there)".into(),
            mine: String::new(),
            theirs: String::new(),
        };
        records.push(record(&whole, &their_doc, stamp));
        if passes(&text, &records) {
            break;
        }
    }
    (text, records)
}

/// The record of one conflict: their value, or none where they removed it.
fn record(c: &Conflict, their_doc: &DocumentMut, stamp: &Stamp) -> Record {
    let their_task = their_doc
        .get("tasks")
        .and_then(Item::as_array_of_tables)
        .and_then(|a| {
            a.iter()
                .find(|t| t.get("id").and_then(Item::as_str) == Some(c.task.as_str()))
        });
    let (field, theirs) = match c.key.as_str() {
        "(deleted here)" | "(deleted there)" => (WHOLE_TASK.to_owned(), None),
        "(added here and there)" => (
            WHOLE_TASK.to_owned(),
            their_task.and_then(|t| recorded::as_value(&Item::Table(t.clone()))),
        ),
        key if c.task.is_empty() => (
            key.to_owned(),
            their_doc.get(key).and_then(recorded::as_value),
        ),
        key => (
            key.to_owned(),
            their_task
                .and_then(|t| t.get(key))
                .and_then(recorded::as_value),
        ),
    };
    Record {
        task: (!c.task.is_empty()).then(|| c.task.clone()),
        field,
        theirs,
        by: stamp.by.map(str::to_owned),
        kept_by: stamp.kept_by.map(str::to_owned),
        date: stamp.date,
    }
}

/// `text` with their version of task `id` after its last task (I deleted it, they changed it).
fn put_back(text: &str, theirs: &str, id: &str) -> Option<String> {
    let task = TaskTexts::read(theirs)?
        .task_text(id)?
        .trim_end()
        .to_owned();
    let at = TaskTexts::read(text).map_or(text.len(), |t| t.append_at());
    let mut out = text.to_owned();
    out.insert_str(at, &format!("\n{task}\n"));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "schema_version = 1\n";

    fn run(base: &str, ours: &str, theirs: &str) -> (String, usize) {
        let stamp = Stamp {
            by: Some("wang"),
            kept_by: None,
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        };
        merge_for_git(base, ours, theirs, &stamp).unwrap()
    }

    #[test]
    fn a_field_changed_both_ways_keeps_ours_and_records_theirs() {
        let t = |p: u8| format!("{HEAD}\n[[tasks]]\nid = \"T1\"\nprogress = {p}\n");
        let (text, n) = run(&t(10), &t(20), &t(30));
        assert_eq!(n, 1);
        assert!(text.contains("progress = 20"));
        assert!(text.contains("[[conflicts]]\ntask = \"T1\"\nfield = \"progress\"\ntheirs = 30\nby = \"wang\"\ndate = 2026-11-22\n"), "{text}");
    }

    #[test]
    fn a_task_i_deleted_that_they_changed_comes_back_recorded() {
        let t1 = "\n[[tasks]]\nid = \"T1\"\nprogress = 10\n";
        let t2 = "\n[[tasks]]\nid = \"T2\"\nprogress = 10\n";
        let (text, n) = run(
            &format!("{HEAD}{t1}{t2}"),
            &format!("{HEAD}{t2}"),
            &format!("{HEAD}{}{t2}", t1.replace("10", "40")),
        );
        assert_eq!(n, 1);
        assert!(
            text.contains("progress = 40") && text.contains("field = \"(task)\""),
            "{text}"
        );
    }
}
