//! The wall chart's rows (categories, each followed by its tasks) and where the user is.

use chrono::NaiveDate;

use crate::domain::Campaign;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Row {
    Category(usize),
    Task(usize),
}

/// Categories in file order, each followed by its tasks in file order.
pub(crate) fn rows(campaign: &Campaign) -> Vec<Row> {
    let mut out = Vec::with_capacity(campaign.tasks.len() + campaign.categories.len());
    for (ci, cat) in campaign.categories.iter().enumerate() {
        out.push(Row::Category(ci));
        out.extend(
            campaign
                .tasks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.category == cat.id)
                .map(|(ti, _)| Row::Task(ti)),
        );
    }
    out
}

/// The days the chart covers: the campaign, stretched to any task that starts before it or
/// has a milestone or deadline after it, and nothing more.
pub(crate) fn span(campaign: &Campaign) -> (NaiveDate, NaiveDate) {
    let info = &campaign.info;
    let first = campaign
        .tasks
        .iter()
        .map(|t| t.start)
        .fold(info.start, NaiveDate::min);
    let last = campaign
        .tasks
        .iter()
        .flat_map(|t| std::iter::once(t.deadline).chain(t.milestones.iter().map(|m| m.due)))
        .fold(info.end, NaiveDate::max);
    (first, last)
}

/// The number of days in [`span`].
pub(crate) fn span_days(campaign: &Campaign) -> i64 {
    let (first, last) = span(campaign);
    (last - first).num_days() + 1
}

/// The selected row and the first day shown (days after the first day of [`span`]; a chart
/// wide enough for the whole span ignores it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WallState {
    pub row: usize,
    pub day_offset: i64,
}
