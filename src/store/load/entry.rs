//! Typed reading of one table (or inline table), reporting wrong types, missing and unknown keys.

use std::ops::Range;

use crate::store::tree::{Datetime, Item, Table, Value};
use chrono::NaiveDate;

use super::report::Findings;
use super::subject::Subject;
use crate::i18n::Text;
use crate::tr;

/// One table of the file being read, with the keys it may hold.
pub struct Entry<'d> {
    table: &'d Table<'d>,
    span: Option<Range<usize>>,
    pub subject: Subject,
    known: &'static [&'static str],
}

/// A TOML type, named in both languages for messages.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Int,
    Number,
    Bool,
    Date,
    List,
    Table,
}

impl Kind {
    fn name(self) -> Text {
        match self {
            Kind::Str => Text::new("字符串(加引号)", "a string (in quotes)"),
            Kind::Int => Text::new("整数", "a whole number"),
            Kind::Number => Text::new("数字", "a number"),
            Kind::Bool => Text::new("true 或 false", "true or false"),
            Kind::Date => Text::new(
                "日期(如 2026-09-01,不加引号)",
                "a date (like 2026-09-01, unquoted)",
            ),
            Kind::List => Text::new("数组 [..]", "an array [..]"),
            Kind::Table => Text::new("表", "a table"),
        }
    }
}

fn found_name(item: &Item) -> Text {
    match &item.value {
        Value::String(_) => Text::new("字符串", "a string"),
        Value::Integer(_) => Text::new("整数", "an integer"),
        Value::Float(_) => Text::new("小数", "a decimal number"),
        Value::Boolean(_) => Text::new("布尔值", "a boolean"),
        Value::Datetime(_) => Text::new("日期时间", "a date-time"),
        Value::Array(a) if a.of_tables => Text::new("表数组", "an array of tables"),
        Value::Array(_) => Text::new("数组", "an array"),
        Value::Table(_) => Text::new("表", "a table"),
    }
}

impl<'d> Entry<'d> {
    pub fn new(
        table: &'d Table<'d>,
        span: Option<Range<usize>>,
        subject: impl Into<Subject>,
        known: &'static [&'static str],
    ) -> Self {
        Entry {
            table,
            span,
            subject: subject.into(),
            known,
        }
    }

    pub fn span(&self) -> Option<Range<usize>> {
        self.span.clone()
    }

    /// The span of a key's value, else of the table.
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .get(key)
            .map(|item| item.span.clone())
            .or_else(|| self.span.clone())
    }

    pub fn get_item(&self, key: &str) -> Option<&'d Item<'d>> {
        self.table.get(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    fn missing(&self, f: &mut Findings, key: &str, kind: Kind) {
        let kind = kind.name();
        f.error(
            self.span.clone(),
            Some(&self.subject),
            tr!("缺少必填键 `{key}`", "missing required key `{key}`"),
            Some(Text::new(
                format!("请添加 `{key} = …`,值为{}", kind.zh),
                format!("add `{key} = …` with {}", kind.en),
            )),
        );
    }

    fn wrong(&self, f: &mut Findings, key: &str, item: &Item, kind: Kind, extra: Option<Text>) {
        let want = kind.name();
        let got = found_name(item);
        let hint = extra.unwrap_or_else(|| {
            Text::new(
                format!("`{key}` 应为{}", want.zh),
                format!("`{key}` takes {}", want.en),
            )
        });
        f.error(
            Some(item.span.clone()),
            Some(&self.subject),
            Text::new(
                format!("`{key}` 的类型不对:应为{},实为{}", want.zh, got.zh),
                format!(
                    "`{key}` has the wrong type: expected {}, found {}",
                    want.en, got.en
                ),
            ),
            Some(hint),
        );
    }

    fn get(&self, f: &mut Findings, key: &str, required: bool, kind: Kind) -> Option<&'d Item<'d>> {
        match self.table.get(key) {
            Some(item) => Some(item),
            None => {
                if required {
                    self.missing(f, key, kind);
                }
                None
            }
        }
    }

    pub fn str(&self, f: &mut Findings, key: &str, required: bool) -> Option<String> {
        let item = self.get(f, key, required, Kind::Str)?;
        match item.as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                self.wrong(f, key, item, Kind::Str, None);
                None
            }
        }
    }

    pub fn int(&self, f: &mut Findings, key: &str, required: bool) -> Option<i64> {
        let item = self.get(f, key, required, Kind::Int)?;
        match item.as_integer() {
            Some(n) => Some(n),
            None => {
                self.wrong(f, key, item, Kind::Int, None);
                None
            }
        }
    }

    /// An integer within `range`, else an error naming the range.
    pub fn int_in(
        &self,
        f: &mut Findings,
        key: &str,
        required: bool,
        lo: i64,
        hi: i64,
    ) -> Option<i64> {
        let n = self.int(f, key, required)?;
        if (lo..=hi).contains(&n) {
            Some(n)
        } else {
            f.error(
                self.value_span(key),
                Some(&self.subject),
                tr!(
                    "`{key}` = {n} 超出范围 {lo}–{hi}",
                    "`{key}` = {n} is outside {lo}–{hi}"
                ),
                Some(tr!(
                    "请改为 {lo} 到 {hi} 之间的整数",
                    "use a whole number from {lo} to {hi}"
                )),
            );
            None
        }
    }

    pub fn number(&self, f: &mut Findings, key: &str, required: bool) -> Option<f64> {
        let item = self.get(f, key, required, Kind::Number)?;
        match (item.as_float(), item.as_integer()) {
            (Some(x), _) => Some(x),
            (_, Some(n)) => Some(n as f64),
            _ => {
                self.wrong(f, key, item, Kind::Number, None);
                None
            }
        }
    }

    pub fn bool(&self, f: &mut Findings, key: &str, required: bool) -> Option<bool> {
        let item = self.get(f, key, required, Kind::Bool)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                self.wrong(f, key, item, Kind::Bool, None);
                None
            }
        }
    }

    pub fn date(&self, f: &mut Findings, key: &str, required: bool) -> Option<NaiveDate> {
        let item = self.get(f, key, required, Kind::Date)?;
        if let Some(dt) = item.as_datetime() {
            if let Some(date) = local_date(dt) {
                return Some(date);
            }
            let hint = tr!(
                "只写日期,如 `{key} = 2026-09-01`",
                "give a date only, e.g. `{key} = 2026-09-01`"
            );
            self.wrong(f, key, item, Kind::Date, Some(hint));
            return None;
        }
        let hint = item.as_str().and_then(|s| {
            let looks_like_date = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").is_ok();
            looks_like_date.then(|| {
                let s = s.trim();
                tr!("去掉引号:`{key} = {s}`", "remove the quotes: `{key} = {s}`")
            })
        });
        self.wrong(f, key, item, Kind::Date, hint);
        None
    }

    pub fn str_list(&self, f: &mut Findings, key: &str) -> Vec<(String, Option<Range<usize>>)> {
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

    pub fn date_list(&self, f: &mut Findings, key: &str) -> Option<Vec<NaiveDate>> {
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
    pub fn table(
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
    pub fn tables(
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

    /// Warns about every key this entry does not know, suggesting the nearest known one.
    pub fn finish(&self, f: &mut Findings) {
        for (key, _) in self.table.iter() {
            let span = Some(key.span.clone());
            let key = key.name.as_ref();
            if self.known.contains(&key) {
                continue;
            }
            let hint = nearest(key, self.known).map(|near| {
                tr!(
                    "是否想写 `{near}`?未知的键会原样保留",
                    "did you mean `{near}`? Unknown keys are kept as they are"
                )
            });
            let hint = hint.or_else(|| {
                Some(Text::new(
                    "bairi 不认识此键,保存时原样保留",
                    "bairi does not know this key; it is kept as it is on save",
                ))
            });
            f.warn(
                span.or_else(|| self.span.clone()),
                Some(&self.subject),
                tr!("未知的键 `{key}`", "unknown key `{key}`"),
                hint,
            );
        }
    }
}

/// A TOML local date (no time, no offset) as a calendar date.
fn local_date(dt: &Datetime) -> Option<NaiveDate> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}

/// The known key within edit distance 2 of `key`, if any.
fn nearest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(nearest("dedline", &["deadline", "title"]), Some("deadline"));
        assert_eq!(nearest("colour", &["deadline", "title"]), None);
    }
}
