//! The leaderboard (擂台榜) at a checkpoint: units ranked by their milestone rate (节点完成率).

mod published;
mod ranking;
mod tally;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub(crate) use self::published::red_counts;
use self::ranking::{assign_ranks, bench, standing};
pub(crate) use self::ranking::{bench_stretch, is_tied, rank_text, tie_rule};
pub(crate) use self::tally::{rate, unit_tally};
use super::countdown::{checkpoint_before, past_checkpoints};
use super::light::{TaskLight, task_light_at_end_of};
use super::model::Campaign;
pub(crate) use super::model::RankedUnit;

#[derive(Debug, Clone, PartialEq)]
pub struct Leaderboard {
    /// The checkpoint number, or `None` for "now".
    pub(crate) checkpoint: Option<usize>,
    pub(crate) date: NaiveDate,
    pub done: u32,
    pub due: u32,
    /// Ranked units (those with at least one milestone due), best first.
    pub units: Vec<RankedUnit>,
    /// ⚑ red flag: the top units (an honour).
    pub red_flag: Vec<String>,
    /// ▮ yellow card: the bottom units below 100%, in rank order.
    pub yellow_card: Vec<String>,
    /// Red and yellow tasks at the end of `date`, in file order.
    pub red: Vec<String>,
    pub yellow: Vec<String>,
}

impl Leaderboard {
    /// Campaign-wide rate, 0–100 (100 when nothing is due).
    pub fn rate(&self) -> f64 {
        rate(self.done, self.due)
    }

    /// What publishing says when ties seat more yellow cards than the rule's `bottom`.
    pub(crate) fn bench_stretch(&self, bottom: usize) -> Option<crate::i18n::Text> {
        bench_stretch(&self.units, &self.yellow_card, bottom)
    }
}

/// The leaderboard as it stood at the end of `date`.
pub fn leaderboard_at(
    campaign: &Campaign,
    checkpoint: Option<usize>,
    date: NaiveDate,
) -> Leaderboard {
    let rules = &campaign.rules;
    let mut red = Vec::new();
    let mut yellow = Vec::new();
    let mut red_by_unit: BTreeMap<&str, u32> = BTreeMap::new();
    for task in &campaign.tasks {
        match task_light_at_end_of(task, &rules.light, date).light {
            TaskLight::Red => {
                red.push(task.id.clone());
                if let Some(unit) = task.lead_unit.as_deref() {
                    *red_by_unit.entry(unit).or_default() += 1;
                }
            }
            TaskLight::Yellow => yellow.push(task.id.clone()),
            TaskLight::Green | TaskLight::Done => {}
        }
    }
    let previous = checkpoint_before(&campaign.info, date);
    let mut units: Vec<RankedUnit> = unit_tally(campaign, date, rules.leaderboard.rate, previous)
        .into_iter()
        .filter(|t| t.due > 0)
        .map(|t| RankedUnit {
            red_tasks: red_by_unit.get(t.unit.as_str()).copied().unwrap_or(0),
            rate: rate(t.done, t.due),
            unit: t.unit,
            rank: 0,
            done: t.done,
            due: t.due,
        })
        .collect();
    units.sort_by(|a, b| standing(a, b).then(a.unit.cmp(&b.unit)));
    assign_ranks(&mut units);
    let red_flag = units
        .iter()
        .filter(|u| (u.rank as usize) <= rules.leaderboard.red_flag_top)
        .map(|u| u.unit.clone())
        .collect();
    let yellow_card = bench(&units, rules.leaderboard.yellow_card_bottom);
    Leaderboard {
        checkpoint,
        date,
        done: units.iter().map(|u| u.done).sum(),
        due: units.iter().map(|u| u.due).sum(),
        units,
        red_flag,
        yellow_card,
        red,
        yellow,
    }
}

/// One leaderboard per checkpoint strictly before today.
pub fn leaderboards_before(campaign: &Campaign, today: NaiveDate) -> Vec<Leaderboard> {
    past_checkpoints(&campaign.info, today)
        .into_iter()
        .map(|(n, date)| leaderboard_at(campaign, Some(n), date))
        .collect()
}
