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

/// The categories, units and people read so far: the loader reads them before the tasks
/// when they come first (so tasks' references check at once), and the rest at the end.
#[derive(Default)]
pub(crate) struct Directory {
    pub(crate) categories: Vec<Category>,
    pub(crate) units: Vec<Unit>,
    pub(crate) people: Vec<Person>,
    /// Elements read of each list (including ones with errors).
    read: [usize; 3],
}

impl Directory {
    /// Reads the elements not read yet. Before the end of the file (`at_end` false) only
    /// lists of `[[key]]` tables are read; at the end, whatever is there, and a missing
    /// required list is an error.
    pub(crate) fn read(&mut self, root: &Entry, f: &mut Findings, ids: &mut Ids, at_end: bool) {
        let ready = |key: &str| {
            at_end
                || root
                    .get_item(key)
                    .is_some_and(|i| i.as_array_of_tables().is_some())
        };
        if ready("categories") {
            let (list, n) = read_categories(root, f, ids, self.read[0]);
            self.categories.extend(list);
            self.read[0] += n;
        }
        if ready("units") {
            let (list, n) = read_units(root, f, ids, self.read[1]);
            self.units.extend(list);
            self.read[1] += n;
        }
        if ready("people") {
            let (list, n) = read_people(root, f, ids, self.read[2]);
            self.people.extend(list);
            self.read[2] += n;
        }
    }
}

/// The entries of `[[key]]` after the first `skip`, each with its id read and defined; an
/// empty required list is an error.
#[allow(clippy::too_many_arguments)]
pub(super) fn entries<'d>(
    root: &Entry<'d>,
    f: &mut Findings,
    ids: &mut Ids,
    key: &str,
    kind: IdKind,
    known: &'static [&'static str],
    required: bool,
    skip: usize,
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
        .skip(skip)
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
    // Named by its id when it has one, else by its place in the list.
    let subject = match table.get("id").and_then(|i| i.as_str()) {
        Some(id) => kind.subject(id),
        None => Text::new(
            format!("第 {} 个 [[{key}]]", index + 1),
            format!("[[{key}]] #{}", index + 1),
        )
        .into(),
    };
    let e = Entry::new(table, span, subject, known);
    let id = e.str(f, "id", true);
    if let Some(id) = &id {
        ids.define(f, kind, id, e.value_span("id"));
    }
    (e, id)
}

fn read_categories(
    root: &Entry,
    f: &mut Findings,
    ids: &mut Ids,
    skip: usize,
) -> (Vec<Category>, usize) {
    let list = entries(
        root,
        f,
        ids,
        "categories",
        IdKind::Category,
        CATEGORY_KEYS,
        skip == 0,
        skip,
    );
    named(
        IdKind::Category,
        list,
        f,
        ids,
        |e, f, _| (e.str(f, "en", false), e.str(f, "short", false)),
        |id, name, (en, short)| Category {
            id,
            name,
            en,
            short,
        },
    )
}

fn read_units(root: &Entry, f: &mut Findings, ids: &mut Ids, skip: usize) -> (Vec<Unit>, usize) {
    let list = entries(
        root,
        f,
        ids,
        "units",
        IdKind::Unit,
        UNIT_KEYS,
        skip == 0,
        skip,
    );
    let rest = |e: &Entry, f: &mut Findings, ids: &mut Ids| {
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
        (short, kind, head)
    };
    named(
        IdKind::Unit,
        list,
        f,
        ids,
        rest,
        |id, name, (short, kind, head)| Unit {
            id,
            name,
            short,
            kind,
            head,
        },
    )
}

fn read_people(root: &Entry, f: &mut Findings, ids: &mut Ids, skip: usize) -> (Vec<Person>, usize) {
    let list = entries(
        root,
        f,
        ids,
        "people",
        IdKind::Person,
        PERSON_KEYS,
        false,
        skip,
    );
    let rest = |e: &Entry, f: &mut Findings, ids: &mut Ids| {
        let title = e.str(f, "title", false);
        let unit = e.str(f, "unit", false);
        let role = e.str(f, "role", false);
        if let Some(unit) = &unit {
            ids.refer(IdKind::Unit, unit, e.value_span("unit"), &e.subject, "unit");
        }
        (title, unit, role)
    };
    named(
        IdKind::Person,
        list,
        f,
        ids,
        rest,
        |id, name, (title, unit, role)| Person {
            id,
            name,
            title,
            unit,
            role,
        },
    )
}

/// Each entry of `list` as an item: its required `name`, then what `rest` reads of its other
/// keys, then a word on the keys it does not know; one without an id or a name is left out.
/// The items, and how many entries there were.
fn named<R, T>(
    kind: IdKind,
    list: Vec<(Entry, Option<String>)>,
    f: &mut Findings,
    ids: &mut Ids,
    mut rest: impl FnMut(&Entry, &mut Findings, &mut Ids) -> R,
    item: impl Fn(String, String, R) -> T,
) -> (Vec<T>, usize) {
    let n = list.len();
    let mut out = Vec::with_capacity(n);
    for (e, id) in list {
        let name = e.str(f, "name", true);
        let rest = rest(&e, f, ids);
        e.finish(f);
        if let (Some(id), Some(name)) = (id, name) {
            ids.name(kind, &id, &name);
            out.push(item(id, name, rest));
        }
    }
    (out, n)
}
