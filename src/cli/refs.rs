//! What the office's commands check before an edit beyond the ids (`names` reads those): a
//! date, a number in its range; each refusal names what may be given, in zh and en.

use chrono::NaiveDate;

use crate::i18n::Text;
use crate::sanitize::inert;
use crate::tr;

/// `2026-09-01`.
pub(crate) fn date(what: &str, value: &str) -> Result<NaiveDate, Text> {
    crate::cli::parse_date(value).map_err(|_| {
        let v = inert(value);
        tr!(
            "{what}:`{v}` 不是日期,请写成 2026-09-01 这样",
            "{what}: `{v}` is not a date like 2026-09-01"
        )
    })
}

/// A whole number from `low` to `high`, the range named when it is not.
pub(crate) fn whole(what: &Text, value: &str, low: i64, high: i64) -> Result<i64, Text> {
    match value.trim().parse::<i64>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        _ => {
            let (v, zh, en) = (inert(value), &what.zh, &what.en);
            Err(tr!(
                "{zh}必须是 {low}–{high} 之间的整数,`{v}` 不行;文件未改动",
                "{en} must be a whole number from {low} to {high}, not `{v}`; the file is unchanged"
            ))
        }
    }
}
