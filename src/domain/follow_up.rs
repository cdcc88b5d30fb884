//! Follow-up orders (督办): a task in the `red` list of each of the last three published
//! reviews (by checkpoint number) is due one; an order is a problem of kind `督办`. A caller
//! with a day passes `campaign.as_of(today)`, so that a review published later does not count.

use chrono::NaiveDate;

use super::model::{Campaign, Problem, Task};

/// How many consecutive published reviews make a follow-up.
pub(crate) const REVIEWS_IN_A_ROW: usize = 3;

/// The problem kind of a follow-up order.
pub(crate) const KIND: &str = "督办";

/// Where a task stands with follow-up orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Red at the last three reviews and no order answers it yet (`督`).
    Due,
    /// Red at the last three reviews and an order was issued (`督✓`): one is still open, or
    /// one was raised on or after the latest review's date.
    Issued,
}

/// The last three published checkpoints (ascending), when there are three. A checkpoint
/// published more than once (two copies merged) counts once.
pub(crate) fn last_reviews(campaign: &Campaign) -> Option<[u32; REVIEWS_IN_A_ROW]> {
    let mut numbers: Vec<u32> = campaign.reviews.iter().map(|r| r.checkpoint).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let tail = numbers.get(numbers.len().checked_sub(REVIEWS_IN_A_ROW)?..)?;
    tail.try_into().ok()
}

/// Whether task `id` was listed red at checkpoint `n` (by any review of it: a red shown in
/// public counts).
fn red_at(campaign: &Campaign, n: u32, id: &str) -> bool {
    campaign
        .reviews
        .iter()
        .any(|r| r.checkpoint == n && r.red.iter().any(|t| t == id))
}

/// Per task (in file order): whether it is due a follow-up order (issued or not). Fewer than
/// three published reviews flag nothing.
pub(crate) fn follow_ups(campaign: &Campaign) -> Vec<bool> {
    let last = last_reviews(campaign);
    campaign
        .tasks
        .iter()
        .map(|t| last.is_some_and(|l| l.iter().all(|&n| red_at(campaign, n, &t.id))))
        .collect()
}

/// Whether a problem is a follow-up order.
pub(crate) fn is_order(problem: &Problem) -> bool {
    problem.kind.as_deref() == Some(KIND)
}

/// The order that answers the current follow-up: an open one, else one raised on or after
/// `since` (the latest review's date), the newest first.
pub(crate) fn order_for(task: &Task, since: Option<NaiveDate>) -> Option<&Problem> {
    let orders = || task.problems.iter().rev().filter(|p| is_order(p));
    orders()
        .find(|p| !p.resolved)
        .or_else(|| orders().find(|p| since.is_some_and(|d| p.raised >= d)))
}

/// The date of the latest published review.
pub(crate) fn latest_review_date(campaign: &Campaign) -> Option<NaiveDate> {
    campaign
        .reviews
        .iter()
        .max_by_key(|r| (r.checkpoint, r.date))
        .map(|r| r.date)
}

/// Per task: its follow-up state, from [`follow_ups`] and its problems.
pub(crate) fn states(campaign: &Campaign) -> Vec<Option<FollowUp>> {
    let since = latest_review_date(campaign);
    follow_ups(campaign)
        .into_iter()
        .zip(&campaign.tasks)
        .map(|(due, task)| state(due, task, since))
        .collect()
}

/// The text an order offers for task `index`: why it is chased (the three checkpoints when
/// the rule flags it), and what is asked.
pub(crate) fn order_text(campaign: &Campaign, index: usize, flagged: bool) -> crate::i18n::Text {
    let Some(task) = campaign.tasks.get(index) else {
        return crate::i18n::Text::same("");
    };
    let title = crate::sanitize::inert(&task.title);
    match last_reviews(campaign).filter(|_| flagged) {
        Some(numbers) => {
            let zh = numbers.map(|n| n.to_string()).join("、");
            let en = numbers.map(|n| n.to_string()).join(", ");
            crate::i18n::Text::new(
                format!("{title}在第{zh}节点连续亮红灯,请限期整改到位并书面报告"),
                format!(
                    "{title}: red at checkpoints {en}; put it right by the date set and report in writing"
                ),
            )
        }
        None => crate::i18n::Text::new(
            format!("{title}进度滞后,请限期整改到位并书面报告"),
            format!("{title} is behind; put it right by the date set and report in writing"),
        ),
    }
}

/// One task's state, given whether the rule flags it.
pub(crate) fn state(due: bool, task: &Task, since: Option<NaiveDate>) -> Option<FollowUp> {
    if !due {
        None
    } else if order_for(task, since).is_some() {
        Some(FollowUp::Issued)
    } else {
        Some(FollowUp::Due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Review;
    use crate::domain::status::Status;
    use crate::domain::test_support::{campaign, date, problem, task};

    /// A review of checkpoint `n` (dated 2026-09-14 + 14 days per checkpoint).
    fn review(checkpoint: u32, red: &[&str]) -> Review {
        Review {
            by: None,
            published_on: None,
            checkpoint,
            date: date("2026-09-14") + chrono::Days::new(14 * u64::from(checkpoint - 1)),
            kind: "竞赛".into(),
            overall_rate: 100.0,
            red_flag: vec![],
            yellow_card: vec![],
            units: vec![],
            red: red.iter().map(|s| (*s).to_owned()).collect(),
            yellow: vec![],
            note: None,
        }
    }

    fn two_tasks() -> Campaign {
        let t = |id| task(id, "a", Status::InProgress, "2026-12-01", &[]);
        campaign(vec![t("T1"), t("T2")], &["a"])
    }

    #[test]
    fn three_red_reviews_in_a_row_flag_a_task() {
        let mut c = two_tasks();
        // Written out of order: the rule goes by checkpoint number.
        c.reviews = vec![
            review(3, &["T1", "T2"]),
            review(1, &["T2"]),
            review(2, &["T1"]),
            review(4, &["T1", "T2"]),
        ];
        // Last three: 2, 3, 4. T1 red in all; T2 not red at 2.
        assert_eq!(follow_ups(&c), [true, false]);
    }

    #[test]
    fn fewer_than_three_reviews_flag_nothing() {
        let mut c = two_tasks();
        c.reviews = vec![review(1, &["T1"]), review(2, &["T1"])];
        assert_eq!(follow_ups(&c), [false, false]);
        c.reviews.clear();
        assert_eq!(follow_ups(&c), [false, false]);
    }

    #[test]
    fn a_green_review_in_between_clears_it() {
        let mut c = two_tasks();
        c.reviews = vec![
            review(1, &["T1"]),
            review(2, &["T1"]),
            review(3, &["T1"]),
            review(4, &[]),
        ];
        assert_eq!(follow_ups(&c), [false, false]);
    }

    #[test]
    fn a_checkpoint_published_twice_counts_once_and_any_of_its_reds_counts() {
        let mut c = two_tasks();
        // 4, 5, 5: only two checkpoints, whatever the number of entries.
        c.reviews = vec![review(4, &["T1"]), review(5, &["T1"]), review(5, &["T1"])];
        assert_eq!(last_reviews(&c), None);
        assert_eq!(follow_ups(&c), [false, false]);
        // 3, 4, 5 with 5 twice (two copies merged): T2 red in one copy of 5 only still counts.
        c.reviews = vec![
            review(3, &["T1", "T2"]),
            review(4, &["T1", "T2"]),
            review(5, &["T1"]),
            review(5, &["T1", "T2"]),
        ];
        assert_eq!(last_reviews(&c), Some([3, 4, 5]));
        assert_eq!(follow_ups(&c), [true, true]);
    }

    #[test]
    fn the_last_three_published_need_not_be_consecutive_checkpoints() {
        let mut c = two_tasks();
        c.reviews = vec![review(1, &["T2"]), review(3, &["T2"]), review(6, &["T2"])];
        assert_eq!(last_reviews(&c), Some([1, 3, 6]));
        assert_eq!(follow_ups(&c), [false, true]);
    }

    #[test]
    fn a_review_dated_after_today_does_not_count() {
        let mut c = two_tasks();
        // Review 3 is dated 2026-10-12.
        c.reviews = vec![review(1, &["T1"]), review(2, &["T1"]), review(3, &["T1"])];
        let before = c.as_of(date("2026-10-11"));
        assert_eq!(follow_ups(&before), [false, false]);
        assert_eq!(latest_review_date(&before), Some(date("2026-09-28")));
        let on = c.as_of(date("2026-10-12"));
        assert_eq!(follow_ups(&on), [true, false]);
        assert_eq!(latest_review_date(&on), Some(date("2026-10-12")));
        assert!(
            matches!(on, std::borrow::Cow::Borrowed(_)),
            "nothing to leave out"
        );
    }

    fn order(id: &str, raised: &str, resolved_on: Option<&str>) -> Problem {
        let mut p = problem(id, raised, Some("2026-12-01"), resolved_on);
        p.kind = Some(KIND.to_owned());
        p
    }

    #[test]
    fn an_order_issued_answers_the_follow_up() {
        let mut c = two_tasks();
        c.reviews = vec![
            review(3, &["T1", "T2"]),
            review(4, &["T1", "T2"]),
            review(5, &["T1", "T2"]),
        ];
        // Review 5 is dated 2026-11-09.
        assert_eq!(latest_review_date(&c), Some(date("2026-11-09")));
        assert_eq!(
            states(&c),
            [Some(FollowUp::Due), Some(FollowUp::Due)],
            "nothing issued yet"
        );
        // Another kind of problem is not an order.
        c.tasks[0]
            .problems
            .push(problem("T1-P1", "2026-11-10", None, None));
        assert_eq!(states(&c)[0], Some(FollowUp::Due));
        // An open order, whenever raised, is issued.
        c.tasks[0].problems.push(order("T1-P2", "2026-10-01", None));
        assert_eq!(states(&c)[0], Some(FollowUp::Issued));
        // A resolved order raised before the latest review does not answer it; one raised on
        // the review's day does.
        c.tasks[1]
            .problems
            .push(order("T2-P1", "2026-10-01", Some("2026-10-20")));
        assert_eq!(states(&c)[1], Some(FollowUp::Due));
        c.tasks[1]
            .problems
            .push(order("T2-P2", "2026-11-09", Some("2026-11-12")));
        assert_eq!(states(&c)[1], Some(FollowUp::Issued));
        // No follow-up due: no state, order or not.
        c.reviews.pop();
        assert_eq!(states(&c), [None, None]);
    }
}
