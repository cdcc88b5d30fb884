//! The wall chart's rows (categories, each followed by its tasks) and where the user is.

use crate::domain::Campaign;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Category(usize),
    Task(usize),
}

/// Categories in file order, each followed by its tasks in file order.
pub fn rows(campaign: &Campaign) -> Vec<Row> {
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

/// The selected row and the first day shown (days after the campaign's start).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WallState {
    pub row: usize,
    pub day_offset: i64,
}
