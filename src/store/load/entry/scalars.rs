//! Reading one value of a table as a string, number, flag or date.

use chrono::NaiveDate;

use super::Entry;
use super::type_errors::Kind;
use crate::store::load::report::Findings;
use crate::store::tree::Datetime;
use crate::tr;

impl Entry<'_> {
    pub(crate) fn str(&self, f: &mut Findings, key: &str, required: bool) -> Option<String> {
        let item = self.get(f, key, required, Kind::Str)?;
        match item.as_str() {
            Some(s) => Some(s.to_owned()),
            None => {
                self.wrong(f, key, item, Kind::Str, None);
                None
            }
        }
    }

    pub(crate) fn int(&self, f: &mut Findings, key: &str, required: bool) -> Option<i64> {
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
    pub(crate) fn int_in(
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

    pub(crate) fn number(&self, f: &mut Findings, key: &str, required: bool) -> Option<f64> {
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

    pub(crate) fn bool(&self, f: &mut Findings, key: &str, required: bool) -> Option<bool> {
        let item = self.get(f, key, required, Kind::Bool)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                self.wrong(f, key, item, Kind::Bool, None);
                None
            }
        }
    }

    pub(crate) fn date(&self, f: &mut Findings, key: &str, required: bool) -> Option<NaiveDate> {
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
}

/// A TOML local date (no time, no offset) as a calendar date.
pub(super) fn local_date(dt: &Datetime) -> Option<NaiveDate> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}
