//! What the board shows that is computed from the campaign: lights, columns, red counts and
//! follow-up marks, kept until the campaign, today, the lanes, the filter or the order change.

use chrono::NaiveDate;

use super::lanes::{Column, Filter, Lanes, columns};
use super::sort::{Sort, sort_tasks};
use crate::domain::Campaign;
use crate::domain::follow_up::{self, FollowUp};
use crate::domain::leaderboard::red_counts;
use crate::domain::light::{LightVerdict, TaskLight, task_light};
use crate::domain::task_facts::blocking_count;

/// Values computed from the campaign, today, the lanes and the filter; kept until one of
/// them changes (never per frame).
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// One per task, in file order.
    pub lights: Vec<LightVerdict>,
    pub columns: Vec<Column>,
    /// Per task: how many published reviews list it as red (红灯×N).
    pub red_counts: Vec<usize>,
    /// Per task: due a follow-up order (督), or one issued (督✓).
    pub follow_ups: Vec<Option<FollowUp>>,
    /// The latest review counted today: an order raised since it is "issued". Reviews change
    /// only with a reload of everything, so edits in place reuse it.
    reviewed_on: Option<NaiveDate>,
    pub red: usize,
    pub yellow: usize,
    pub(crate) green: usize,
    pub done: usize,
    /// Open blocking problems (堵点) across the campaign.
    pub blocking: usize,
}

impl Derived {
    pub fn compute(
        campaign: &Campaign,
        today: NaiveDate,
        lanes: Lanes,
        filter: Option<&Filter>,
    ) -> Derived {
        Derived::compute_sorted(campaign, today, lanes, filter, Sort::File)
    }

    /// The same, each column's cards in `sort` order.
    pub(crate) fn compute_sorted(
        campaign: &Campaign,
        today: NaiveDate,
        lanes: Lanes,
        filter: Option<&Filter>,
        sort: Sort,
    ) -> Derived {
        let lights: Vec<LightVerdict> = campaign
            .tasks
            .iter()
            .map(|t| task_light(t, &campaign.rules.light, today))
            .collect();
        // Reviews published after today (a board opened with `--today`) do not count yet.
        let then = campaign.as_of(today);
        let mut derived = Derived {
            red_counts: red_counts(&then),
            follow_ups: follow_up::states(&then),
            reviewed_on: follow_up::latest_review_date(&then),
            red: 0,
            yellow: 0,
            green: 0,
            done: 0,
            blocking: blocking_count(&campaign.tasks),
            lights,
            columns: Vec::new(),
        };
        derived.regroup(campaign, today, lanes, filter, sort);
        derived
    }

    /// Tasks `list` (by index) changed in place: only their lights and follow-up marks are
    /// judged again, then the columns regrouped.
    pub(crate) fn retake(
        &mut self,
        campaign: &Campaign,
        list: &[usize],
        today: NaiveDate,
        lanes: Lanes,
        filter: Option<&Filter>,
        sort: Sort,
    ) {
        for &i in list {
            if let (Some(task), Some(light)) = (campaign.tasks.get(i), self.lights.get_mut(i)) {
                *light = task_light(task, &campaign.rules.light, today);
            }
            // A task's flag stays (see `reviewed_on`); its order may have been issued.
            if let (Some(task), Some(state)) = (campaign.tasks.get(i), self.follow_ups.get_mut(i)) {
                *state = follow_up::state(state.is_some(), task, self.reviewed_on);
            }
        }
        self.blocking = blocking_count(&campaign.tasks);
        self.regroup(campaign, today, lanes, filter, sort);
    }

    /// The columns and the light counts, from the lights as they are.
    fn regroup(
        &mut self,
        campaign: &Campaign,
        today: NaiveDate,
        lanes: Lanes,
        filter: Option<&Filter>,
        sort: Sort,
    ) {
        let lights = &self.lights;
        let keep = |i: usize| filter.is_none_or(|f| f.keeps(&campaign.tasks[i], &lights[i], today));
        self.columns = columns(campaign, lanes, keep);
        for column in &mut self.columns {
            sort_tasks(&mut column.tasks, campaign, lights, sort);
        }
        let count = |l: TaskLight| lights.iter().filter(|v| v.light == l).count();
        (self.red, self.yellow, self.green, self.done) = (
            count(TaskLight::Red),
            count(TaskLight::Yellow),
            count(TaskLight::Green),
            count(TaskLight::Done),
        );
    }
}
