//! The leaderboard view's state: which checkpoint (a past one or "now") and which unit.

use chrono::NaiveDate;

use super::model::Model;
use crate::domain::Campaign;
use crate::domain::countdown::past_checkpoints;
use crate::domain::leaderboard::{Leaderboard, leaderboard_at};

/// One line of the checkpoint picker: a past checkpoint, or today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub checkpoint: Option<usize>,
    pub(crate) date: NaiveDate,
}

/// The past checkpoints, then "now".
pub(crate) fn moments(campaign: &Campaign, today: NaiveDate) -> Vec<Moment> {
    let mut out: Vec<Moment> = past_checkpoints(&campaign.info, today)
        .into_iter()
        .map(|(n, date)| Moment {
            checkpoint: Some(n),
            date,
        })
        .collect();
    out.push(Moment {
        checkpoint: None,
        date: today,
    });
    out
}

/// The chosen moment (by default the latest past checkpoint, else now).
pub fn chosen(model: &Model) -> Moment {
    let all = moments(model.campaign(), model.today);
    let default = all.len().saturating_sub(if all.len() > 1 { 2 } else { 1 });
    let index = model
        .leaderboard
        .pick
        .unwrap_or(default)
        .min(all.len().saturating_sub(1));
    all[index]
}

/// What the view shows: the frozen review when that checkpoint was published, else the
/// leaderboard computed by the rules.
pub fn shown(model: &Model) -> (Leaderboard, bool) {
    let moment = chosen(model);
    let campaign = &*model.as_of_today();
    let published = moment.checkpoint.and_then(|n| campaign.review(n as u32));
    match published {
        Some(review) => (Leaderboard::from_review(review), true),
        None => (
            leaderboard_at(campaign, moment.checkpoint, moment.date),
            false,
        ),
    }
}
