//! `[[categories]]`, `[[units]]` and `[[people]]`.

use std::ops::Range;

use super::entry::Entry;
use super::refs::{IdKind, Ids};
use super::report::Findings;
use crate::domain::{Category, Person, Unit};
use crate::i18n::Text;
use crate::store::tree::Table;
use crate::tr;

const CATEGORY_KEYS: &[&str] = &["id", "name", "en", "short"];
const UNIT_KEYS: &[&str] = &["id", "name", "short", "kind", "head"];
const PERSON_KEYS: &[&str] = &["id", "name", "title", "unit", "role"];

/// The entries of `[[key]]`, each with its id read and defined; an empty required list is an error.
pub(super) fn entries<'d>(
    root: &Entry<'d>,
    f: &mut Findings,
    ids: &mut Ids,
    key: &str,
    kind: IdKind,
    known: &'static [&'static str],
    required: bool,
) -> Vec<(Entry<'d>, Option<String>)> {
    let tables = root.tables(f, key);
    if required && tables.is_empty() {
        let what = kind.name();
        f.error(
            None,
            None,
            tr!(
                "至少需要一个 [[{key}]]",
                "at least one [[{key}]] is required"
            ),
            Some(Text::new(
                format!("请添加 [[{key}]],写明 id 和 name({})", what.zh),
                format!("add a [[{key}]] with an id and a name ({})", what.en),
            )),
        );
    }
    tables
        .into_iter()
        .enumerate()
        .map(|(i, (table, span))| entry_with_id(f, ids, (table, span), i, key, kind, known))
        .collect()
}

/// The `index`-th entry of `[[key]]`, its id read and defined.
pub(super) fn entry_with_id<'d>(
    f: &mut Findings,
    ids: &mut Ids,
    (table, span): (&'d Table<'d>, Option<Range<usize>>),
    index: usize,
    key: &str,
    kind: IdKind,
    known: &'static [&'static str],
) -> (Entry<'d>, Option<String>) {
    let placeholder = Text::new(
        format!("第 {} 个 [[{key}]]", index + 1),
        format!("[[{key}]] #{}", index + 1),
    );
    let mut e = Entry::new(table, span, placeholder, known);
    let id = e.str(f, "id", true);
    if let Some(id) = &id {
        e.subject = kind.subject(id);
        ids.define(f, kind, id, e.value_span("id"));
    }
    (e, id)
}

pub fn read_categories(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<Category> {
    let list = entries(
        root,
        f,
        ids,
        "categories",
        IdKind::Category,
        CATEGORY_KEYS,
        true,
    );
    let mut out = Vec::with_capacity(list.len());
    for (e, id) in list {
        let name = e.str(f, "name", true);
        let en = e.str(f, "en", false);
        let short = e.str(f, "short", false);
        e.finish(f);
        if let (Some(id), Some(name)) = (id, name) {
            out.push(Category {
                id,
                name,
                en,
                short,
            });
        }
    }
    out
}

pub fn read_units(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<Unit> {
    let list = entries(root, f, ids, "units", IdKind::Unit, UNIT_KEYS, true);
    let mut out = Vec::with_capacity(list.len());
    for (e, id) in list {
        let name = e.str(f, "name", true);
        let short = e.str(f, "short", false);
        let kind = e.str(f, "kind", false);
        let head = e.str(f, "head", false);
        if let Some(head) = &head {
            ids.refer(
                IdKind::Person,
                head,
                e.value_span("head"),
                &e.subject,
                "head",
            );
        }
        e.finish(f);
        if let (Some(id), Some(name)) = (id, name) {
            out.push(Unit {
                id,
                name,
                short,
                kind,
                head,
            });
        }
    }
    out
}

pub fn read_people(root: &Entry, f: &mut Findings, ids: &mut Ids) -> Vec<Person> {
    let list = entries(root, f, ids, "people", IdKind::Person, PERSON_KEYS, false);
    let mut out = Vec::with_capacity(list.len());
    for (e, id) in list {
        let name = e.str(f, "name", true);
        let title = e.str(f, "title", false);
        let unit = e.str(f, "unit", false);
        let role = e.str(f, "role", false);
        if let Some(unit) = &unit {
            ids.refer(IdKind::Unit, unit, e.value_span("unit"), &e.subject, "unit");
        }
        e.finish(f);
        if let (Some(id), Some(name)) = (id, name) {
            out.push(Person {
                id,
                name,
                title,
                unit,
                role,
            });
        }
    }
    out
}
