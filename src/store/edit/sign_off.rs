//! A task's sign-off (`closed_on`, `closed_by`) kept coherent with its status when a status
//! is settled rather than edited (a merge that kept one side, a `[[conflicts]]` record
//! taken): a task that is not crossed off has none, a crossed-off one has its date (and its
//! person, when either side named one). `check` refuses a sign-off on a task not crossed off.

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::domain::Status;
use crate::store::edit::patch;

/// The sign-off keys.
pub(crate) const KEYS: [&str; 2] = ["closed_on", "closed_by"];

/// A sign-off as one version of the task wrote it, to restore when that status is kept.
#[derive(Debug, Clone, Default)]
pub(crate) struct SignOff {
    pub(crate) on: Option<Value>,
    pub(crate) by: Option<Value>,
}

impl SignOff {
    /// The sign-off `table` holds.
    pub(crate) fn of(table: &Table) -> SignOff {
        let value = |key: &str| table.get(key).and_then(Item::as_value).cloned();
        SignOff {
            on: value("closed_on"),
            by: value("closed_by"),
        }
    }

    /// This sign-off, or where it has no date, `other`'s.
    #[must_use]
    pub(crate) fn or(self, other: SignOff) -> SignOff {
        if self.on.is_some() { self } else { other }
    }
}

/// Makes `table`'s sign-off agree with its status: removed when the task is not crossed
/// off; when it is and has no date, `fallback`'s date (and person) put back, else `today`'s
/// date. Returns whether anything changed. A status that does not read is left alone.
pub(crate) fn make_coherent(table: &mut Table, fallback: &SignOff, today: Option<Value>) -> bool {
    let Some(status) = table
        .get("status")
        .and_then(Item::as_str)
        .and_then(Status::parse)
    else {
        return false;
    };
    if status != Status::Done {
        let had = KEYS.iter().any(|k| table.contains_key(k));
        for key in KEYS {
            patch::remove(table, key);
        }
        return had;
    }
    if table.contains_key("closed_on") {
        return false;
    }
    let Some(on) = fallback.on.clone().or(today) else {
        return false;
    };
    patch::set(table, "closed_on", on);
    if let (Some(by), false) = (fallback.by.clone(), table.contains_key("closed_by")) {
        patch::set(table, "closed_by", by);
    }
    true
}

/// The sign-off task `id` has in `text` (empty when it has none or is not there).
pub(crate) fn in_text(text: &str, id: &str) -> SignOff {
    let Some(tasks) = crate::store::merge::by_task::TaskTexts::read(text) else {
        return SignOff::default();
    };
    tasks
        .task_text(id)
        .and_then(|t| t.parse::<DocumentMut>().ok())
        .and_then(|doc| first_task(&doc).map(SignOff::of))
        .unwrap_or_default()
}

fn first_task(doc: &DocumentMut) -> Option<&Table> {
    doc.get("tasks")?.as_array_of_tables()?.iter().next()
}

/// `text` with tasks `ids` made coherent (each on its own text, the rest untouched); the
/// sign-off to restore for a task crossed off without one comes from `fallback`.
pub(crate) fn coherent_text(
    text: &str,
    ids: &[String],
    fallback: impl Fn(&str) -> SignOff,
) -> String {
    let mut out = text.to_owned();
    for id in ids {
        let Some(range) =
            crate::store::merge::by_task::TaskTexts::read(&out).and_then(|t| t.own_range(id))
        else {
            continue;
        };
        let Ok(mut doc) = out[range.clone()].parse::<DocumentMut>() else {
            continue;
        };
        let Some(task) = doc
            .get_mut("tasks")
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|a| a.iter_mut().next())
        else {
            continue;
        };
        if make_coherent(task, &fallback(id), None) {
            let new = crate::store::save::eol::like(&out[range.clone()], doc.to_string());
            out.replace_range(range, &new);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    #[test]
    fn a_task_not_crossed_off_loses_its_sign_off_and_a_crossed_off_one_gets_one() {
        let mut doc = task("status = \"推进中\"\nclosed_on = 2026-11-02\nclosed_by = \"li\"\n");
        assert!(make_coherent(doc.as_table_mut(), &SignOff::default(), None));
        assert_eq!(doc.to_string(), "status = \"推进中\"\n");
        let kept = SignOff::of(task("closed_on = 2026-11-02\nclosed_by = \"li\"\n").as_table());
        let mut doc = task("status = \"done\"\n");
        assert!(make_coherent(doc.as_table_mut(), &kept, None));
        assert!(doc.to_string().contains("closed_on = 2026-11-02"));
        assert!(doc.to_string().contains("closed_by = \"li\""));
        // Coherent already: untouched.
        let text = "status = \"done\" # x\nclosed_on = 2026-11-03\n";
        let mut doc = task(text);
        assert!(!make_coherent(doc.as_table_mut(), &kept, None));
        assert_eq!(doc.to_string(), text);
    }
}
