//! What published reviews say: a review's frozen leaderboard, and how often a task was red.

use super::Leaderboard;
use crate::domain::model::{Campaign, Review};

impl Leaderboard {
    /// A published review as a leaderboard (its frozen numbers, never recomputed).
    pub(crate) fn from_review(r: &Review) -> Leaderboard {
        Leaderboard {
            checkpoint: Some(r.checkpoint as usize),
            date: r.date,
            done: r.units.iter().map(|u| u.done).sum(),
            due: r.units.iter().map(|u| u.due).sum(),
            units: r.units.clone(),
            red_flag: r.red_flag.clone(),
            yellow_card: r.yellow_card.clone(),
            red: r.red.clone(),
            yellow: r.yellow.clone(),
        }
    }
}

/// Per task (in file order): how many published reviews list it as red (a checkpoint
/// published twice counts once, by the review shown).
pub(crate) fn red_counts(campaign: &Campaign) -> Vec<usize> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let shown = campaign.reviews.iter().filter(|r| {
        campaign
            .review(r.checkpoint)
            .is_some_and(|s| std::ptr::eq(*r, s))
    });
    for review in shown {
        let mut listed: Vec<&str> = review.red.iter().map(String::as_str).collect();
        listed.sort_unstable();
        listed.dedup();
        for id in listed {
            *counts.entry(id).or_default() += 1;
        }
    }
    campaign
        .tasks
        .iter()
        .map(|t| counts.get(t.id.as_str()).copied().unwrap_or(0))
        .collect()
}
