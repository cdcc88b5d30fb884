//! Reading the arrays and sub-tables of a table, each element checked.

use std::ops::Range;

use chrono::NaiveDate;

use super::Entry;
use super::scalars::local_date;
use super::type_errors::Kind;
use crate::store::load::report::Findings;
use crate::store::tree::Table;
use crate::tr;

impl<'d> Entry<'d> {
    pub(crate) fn str_list(
        &self,
        f: &mut Findings,
        key: &str,
    ) -> Vec<(String, Option<Range<usize>>)> {
        let Some(item) = self.get(f, key, false, Kind::List) else {
            return Vec::new();
        };
        let Some(array) = item.as_array() else {
            self.wrong(f, key, item, Kind::List, None);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for value in array {
            match value.as_str() {
                Some(s) => out.push((s.to_owned(), Some(value.span.clone()))),
                None => {
                    f.error(
                        Some(value.span.clone()),
                        Some(&self.subject),
                        tr!(
                            "`{key}` 的元素应为字符串",
                            "the items of `{key}` must be strings"
                        ),
                        Some(tr!(
                            "例如 `{key} = [\"a\", \"b\"]`",
                            "e.g. `{key} = [\"a\", \"b\"]`"
                        )),
                    );
                }
            }
        }
        out
    }

    pub(crate) fn date_list(&self, f: &mut Findings, key: &str) -> Option<Vec<NaiveDate>> {
        let item = self.get(f, key, false, Kind::List)?;
        let Some(array) = item.as_array() else {
            self.wrong(f, key, item, Kind::List, None);
            return None;
        };
        let mut out = Vec::with_capacity(array.len());
        for value in array {
            let date = value.as_datetime().and_then(local_date);
            match date {
                Some(d) => out.push(d),
                None => f.error(
                    Some(value.span.clone()),
                    Some(&self.subject),
                    tr!(
                        "`{key}` 的元素应为日期",
                        "the items of `{key}` must be dates"
                    ),
                    Some(tr!(
                        "例如 `{key} = [2026-09-14, 2026-09-28]`",
                        "e.g. `{key} = [2026-09-14, 2026-09-28]`"
                    )),
                ),
            }
        }
        Some(out)
    }

    /// A sub-table (`[a.b]` or `b = { .. }`).
    pub(crate) fn table(
        &self,
        f: &mut Findings,
        key: &str,
    ) -> Option<(&'d Table<'d>, Option<Range<usize>>)> {
        let item = self.get(f, key, false, Kind::Table)?;
        match item.as_table() {
            Some(t) => Some((t, Some(item.span.clone()))),
            None => {
                self.wrong(f, key, item, Kind::Table, None);
                None
            }
        }
    }

    /// The tables of an array: `[[key]]` or `key = [ {..}, {..} ]`.
    pub(crate) fn tables(
        &self,
        f: &mut Findings,
        key: &str,
    ) -> Vec<(&'d Table<'d>, Option<Range<usize>>)> {
        let Some(item) = self.get(f, key, false, Kind::List) else {
            return Vec::new();
        };
        if let Some(aot) = item.as_array_of_tables() {
            return aot
                .iter()
                .filter_map(|t| Some((t.as_table()?, Some(t.span.clone()))))
                .collect();
        }
        let Some(array) = item.as_array() else {
            self.wrong(f, key, item, Kind::List, None);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for value in array {
            match value.as_inline_table() {
                Some(t) => out.push((t, Some(value.span.clone()))),
                None => f.error(
                    Some(value.span.clone()),
                    Some(&self.subject),
                    tr!(
                        "`{key}` 的元素应为内联表 {{ .. }}",
                        "the items of `{key}` must be inline tables {{ .. }}"
                    ),
                    None,
                ),
            }
        }
        out
    }
}
