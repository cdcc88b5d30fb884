//! `bairi set FILE TASK FIELD VALUE`: one scalar field of a task, as the board's forms set it
//! (progress and priority as `%` and `!` do, the rest as the edit form `e`), each value
//! checked first: its range, its date, the person, unit or category it names.

use std::path::PathBuf;

use super::Stamp;
use super::names::{What, resolve};
use super::refs;
use crate::domain::Campaign;
use crate::i18n::Text;
use crate::store::edit::apply::Edit as Change;
use crate::store::edit::task_fields::TaskFields;
use crate::tr;

/// The fields `set` knows, in the order the help lists them.
pub(crate) const FIELDS: &[&str] = &[
    "progress",
    "priority",
    "deadline",
    "start",
    "title",
    "short",
    "category",
    "leader",
    "lead_unit",
    "owner",
    "investment",
    "target",
];

/// `bairi set`.
#[derive(Debug, clap::Args)]
pub(crate) struct SetArgs {
    pub(crate) file: PathBuf,
    pub(crate) task: String,
    /// progress (0–100), priority (1–3), deadline, start, title, short, category, leader,
    /// lead_unit, owner, investment or target.
    pub(crate) field: String,
    /// The new value (`""` removes an optional field: short, leader, lead_unit, owner,
    /// investment, target).
    pub(crate) value: String,
    #[command(flatten)]
    pub(crate) stamp: Stamp,
}

/// The edit that sets `field` of `task` to `value`, and what is said when it is made.
pub(crate) fn change(
    campaign: &Campaign,
    task: String,
    field: &str,
    value: &str,
) -> Result<(Change, Text), Text> {
    let Some(current) = campaign.task(&task) else {
        let shown = crate::sanitize::inert(&task);
        return Err(tr!("没有任务 {shown}", "there is no task {shown}"));
    };
    let shown = crate::sanitize::inert(value);
    let said = tr!("{task}:{field} = {shown}", "{task}: {field} = {shown}");
    let key = field.replace('-', "_");
    let mut fields = TaskFields::of(current);
    let optional = |v: &str| Some(v.to_owned()).filter(|v| !v.trim().is_empty());
    match key.as_str() {
        "progress" => {
            let n = refs::whole(&Text::new("进度", "progress"), value, 0, 100)?;
            let progress = u8::try_from(n).unwrap_or(100);
            return Ok((Change::Progress { task, progress }, said));
        }
        "priority" => {
            let what = Text::new(
                "优先级(1 重中之重,2 重点,3 一般)",
                "priority (1 top, 2 key, 3 normal)",
            );
            let n = refs::whole(&what, value, 1, 3)?;
            let priority = u8::try_from(n).unwrap_or(2);
            return Ok((Change::Priority { task, priority }, said));
        }
        "deadline" => fields.deadline = Some(refs::date("deadline", value)?),
        "start" => fields.start = Some(refs::date("start", value)?),
        "title" if value.trim().is_empty() => {
            return Err(Text::new("任务名称不能为空", "a task needs a title"));
        }
        "title" => value.clone_into(&mut fields.title),
        "short" => fields.short = optional(value),
        "category" => fields.category = resolve(campaign, What::Category, value)?,
        "leader" | "owner" => {
            let id = optional(value)
                .map(|v| resolve(campaign, What::Person, &v))
                .transpose()?;
            if key == "leader" {
                fields.leader = id;
            } else {
                fields.owner = id;
            }
        }
        "lead_unit" => {
            fields.lead_unit = optional(value)
                .map(|v| resolve(campaign, What::Unit, &v))
                .transpose()?;
        }
        "investment" => {
            fields.investment = match optional(value) {
                None => None,
                Some(v) => match v.trim().parse::<f64>() {
                    Ok(x) if x.is_finite() && x >= 0.0 => Some(x),
                    _ => {
                        return Err(tr!(
                            "investment 必须是不小于 0 的数,`{shown}` 不行;文件未改动",
                            "investment must be a number of 0 or more, not `{shown}`; the file is unchanged"
                        ));
                    }
                },
            }
        }
        "target" => fields.target = optional(value),
        "status" => {
            return Err(Text::new(
                "状态请用 bairi move 修改(遵守销号规则)",
                "change the status with bairi move (the sign-off rules apply)",
            ));
        }
        _ => {
            let f = crate::sanitize::inert(field);
            let list = FIELDS.join(", ");
            return Err(tr!(
                "不认识的字段 `{f}`;可设置:{list}",
                "unknown field `{f}`; set one of: {list}"
            ));
        }
    }
    Ok((Change::EditTask { task, fields }, said))
}
