//! What the office's commands check before an edit: a person, unit or category the file
//! has, a date, a number in its range; each refusal names what may be given, in zh and en.

use chrono::NaiveDate;

use crate::domain::Campaign;
use crate::i18n::Text;
use crate::sanitize::inert;
use crate::tr;

/// `value` as a person id of `[[people]]` (for `what`: leader, owner).
pub fn person(campaign: &Campaign, what: &str, value: &str) -> Result<(), Text> {
    if campaign.person(value).is_some() {
        return Ok(());
    }
    let (v, list) = (
        inert(value),
        crate::store::edit::verify::people(campaign, 0),
    );
    let (zh, en) = (list.zh, list.en);
    Err(tr!(
        "{what}:人员 `{v}` 不在本活动的 [[people]] 中;可选:{zh}",
        "{what}: person `{v}` is not in this campaign's [[people]]; use one of: {en}"
    ))
}

/// `value` as a unit id of `[[units]]`.
pub fn unit(campaign: &Campaign, what: &str, value: &str) -> Result<(), Text> {
    if campaign.unit(value).is_some() {
        return Ok(());
    }
    let v = inert(value);
    let list = ids(campaign.units.iter().map(|u| (&u.id, &u.name)));
    Err(tr!(
        "{what}:单位 `{v}` 不在本活动的 [[units]] 中;可选:{list}",
        "{what}: unit `{v}` is not in this campaign's [[units]]; use one of: {list}"
    ))
}

/// `value` as a category id of `[[categories]]`.
pub fn category(campaign: &Campaign, value: &str) -> Result<(), Text> {
    if campaign.category(value).is_some() {
        return Ok(());
    }
    let v = inert(value);
    let list = ids(campaign.categories.iter().map(|c| (&c.id, &c.name)));
    Err(tr!(
        "分类 `{v}` 不在本活动的 [[categories]] 中;可选:{list}",
        "category `{v}` is not in this campaign's [[categories]]; use one of: {list}"
    ))
}

/// `2026-09-01`.
pub fn date(what: &str, value: &str) -> Result<NaiveDate, Text> {
    crate::cli::parse_date(value).map_err(|_| {
        let v = inert(value);
        tr!(
            "{what}:`{v}` 不是日期,请写成 2026-09-01 这样",
            "{what}: `{v}` is not a date like 2026-09-01"
        )
    })
}

/// A whole number from `low` to `high`, the range named when it is not.
pub fn whole(what: &Text, value: &str, low: i64, high: i64) -> Result<i64, Text> {
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

/// `a 甲, b 乙`.
fn ids<'a>(list: impl Iterator<Item = (&'a String, &'a String)>) -> String {
    let all: Vec<String> = list
        .map(|(id, name)| format!("{id} {}", inert(name)))
        .collect();
    all.join(", ")
}
