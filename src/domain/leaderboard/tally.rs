//! Milestone rates (节点完成率): milestones due and done, per unit.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::milestone::done_by;
use crate::domain::model::{Campaign, RateMode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnitTally {
    pub(crate) unit: String,
    pub(crate) done: u32,
    pub(crate) due: u32,
}

/// Milestones due by `date` credited to each unit (the milestone's `unit`, else the task's
/// lead unit), and how many of them were done by the end of `date`, in unit id order.
pub(crate) fn unit_tally(
    campaign: &Campaign,
    date: NaiveDate,
    mode: RateMode,
    previous: Option<NaiveDate>,
) -> Vec<UnitTally> {
    let mut tally: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for task in &campaign.tasks {
        for m in &task.milestones {
            let Some(unit) = m.unit.as_deref().or(task.lead_unit.as_deref()) else {
                continue;
            };
            if m.due > date || (mode == RateMode::Period && previous.is_some_and(|p| m.due <= p)) {
                continue;
            }
            let mut done = done_by(m, date);
            if mode == RateMode::OnTime {
                done = done && m.done_on.is_none_or(|d| d <= m.due);
            }
            let entry = tally.entry(unit).or_default();
            entry.0 += u32::from(done);
            entry.1 += 1;
        }
    }
    tally
        .into_iter()
        .map(|(unit, (done, due))| UnitTally {
            unit: unit.to_owned(),
            done,
            due,
        })
        .collect()
}

pub(crate) fn rate(done: u32, due: u32) -> f64 {
    if due == 0 {
        100.0
    } else {
        100.0 * f64::from(done) / f64::from(due)
    }
}
