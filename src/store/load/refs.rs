//! Ids of each kind: duplicates are errors, references are checked once everything is read.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::report::Findings;
pub(crate) use super::subject::IdKind;
use super::subject::Subject;
use crate::i18n::Text;

struct PendingRef {
    kind: IdKind,
    id: String,
    span: Option<Range<usize>>,
    subject: Subject,
    key: &'static str,
}

/// Every id seen (with where it was first defined) and every reference that named an id not
/// yet seen, to check once everything is read.
#[derive(Default)]
pub(crate) struct Ids {
    seen: [FxHashMap<String, usize>; IdKind::ALL],
    /// Names of categories, units and people, to their ids: a name written where an id
    /// belongs is answered with the id.
    names: [FxHashMap<String, String>; IdKind::ALL],
    pending: Vec<PendingRef>,
}

impl Ids {
    /// Records an id; a second one of the same kind is an error naming the first's line.
    pub(crate) fn define(
        &mut self,
        f: &mut Findings,
        kind: IdKind,
        id: &str,
        span: Option<Range<usize>>,
    ) {
        if !valid_id(id) {
            let what = kind.name();
            f.error(
                span.clone(),
                Some(&kind.subject(id)),
                Text::new(
                    format!("{}编号 `{id}` 只能含字母、数字、`_` 和 `-`", what.zh),
                    format!(
                        "{} id `{id}` may hold only letters, digits, `_` and `-`",
                        what.en
                    ),
                ),
                Some(Text::new(
                    "请改用如 `T01`、`jtj` 的短编号",
                    "use a short id such as `T01` or `jtj`",
                )),
            );
        }
        let at = span.as_ref().map_or(usize::MAX, |s| s.start);
        let seen = &mut self.seen[kind.slot()];
        if let Some(&first) = seen.get(id) {
            let first = if first == usize::MAX {
                0
            } else {
                f.line_of(Some(first..first))
            };
            let what = kind.name();
            f.error(
                span,
                Some(&kind.subject(id)),
                Text::new(
                    format!("{}编号 `{id}` 重复(第 {first} 行已使用)", what.zh),
                    format!(
                        "duplicate {} id `{id}` (first used on line {first})",
                        what.en
                    ),
                ),
                Some(Text::new(
                    "每个编号在同类中必须唯一,请改名其中一个",
                    "ids must be unique within their kind; rename one",
                )),
            );
            return;
        }
        seen.insert(id.to_owned(), at);
    }

    /// Notes that `key` names `id`; checked at once if the id is known, else at the end.
    pub(crate) fn refer(
        &mut self,
        kind: IdKind,
        id: &str,
        span: Option<Range<usize>>,
        subject: &Subject,
        key: &'static str,
    ) {
        if self.seen[kind.slot()].contains_key(id) {
            return;
        }
        self.pending.push(PendingRef {
            kind,
            id: id.to_owned(),
            span,
            subject: subject.clone(),
            key,
        });
    }

    /// Records that `id` is called `name` (the first of a name wins).
    pub(crate) fn name(&mut self, kind: IdKind, id: &str, name: &str) {
        self.names[kind.slot()]
            .entry(name.trim().to_owned())
            .or_insert_with(|| id.to_owned());
    }

    /// Records an id known to exist (read before, elsewhere).
    pub(crate) fn known(&mut self, kind: IdKind, id: &str) {
        self.seen[kind.slot()].insert(id.to_owned(), usize::MAX);
    }

    /// Forgets the references to ids of `kind`: their tables could not be read (and why was
    /// reported), so "names nothing" would be false.
    pub(crate) fn forget_refs_to(&mut self, kind: IdKind) {
        self.pending.retain(|r| r.kind != kind);
    }

    /// Reports every reference that names nothing.
    pub(crate) fn check(mut self, f: &mut Findings) {
        self.check_pending(f);
    }

    /// Reports every reference so far that names nothing, and forgets them.
    pub(crate) fn check_pending(&mut self, f: &mut Findings) {
        for r in std::mem::take(&mut self.pending) {
            if self.seen[r.kind.slot()].contains_key(&r.id) {
                continue;
            }
            let (what, key, id, table) = (r.kind.name(), r.key, &r.id, r.kind.table());
            let advice = advice(self.names[r.kind.slot()].get(id.trim()), &r, table);
            f.error(
                r.span,
                Some(&r.subject),
                Text::new(
                    format!("`{key}` 引用了不存在的{} `{id}`", what.zh),
                    format!("`{key}` names {} `{id}`, which does not exist", what.en),
                ),
                Some(advice),
            );
        }
    }
}

/// What to do about a reference that names nothing: a name where the id belongs gets the
/// id; anything else is added, or its spelling fixed.
fn advice(named: Option<&String>, r: &PendingRef, table: &str) -> Text {
    let (what, key, id) = (r.kind.name(), r.key, &r.id);
    match named {
        Some(real) => Text::new(
            format!("{id} 是{}{real} 的名称:请写 {key} = \"{real}\"", what.zh),
            format!(
                "{id} is the name of {} {real}: write {key} = \"{real}\"",
                what.en
            ),
        ),
        None => Text::new(
            format!("请在 {table} 中添加 id = \"{id}\",或改正拼写"),
            format!("add it to {table} with id = \"{id}\", or fix the spelling"),
        ),
    }
}

/// Letters, digits, `_` and `-`, not empty.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}
