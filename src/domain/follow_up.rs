//! Follow-up orders (督办): a task in the `red` list of each of the last three published
//! reviews (by checkpoint number) is due one.

use super::model::Campaign;

/// How many consecutive published reviews make a follow-up.
pub const REVIEWS_IN_A_ROW: usize = 3;

/// Per task (in file order): whether it is due a follow-up order. Fewer than three published
/// reviews flag nothing.
pub fn follow_ups(campaign: &Campaign) -> Vec<bool> {
    let mut reviews: Vec<&super::model::Review> = campaign.reviews.iter().collect();
    reviews.sort_by_key(|r| r.checkpoint);
    let last = reviews.len().saturating_sub(REVIEWS_IN_A_ROW);
    let recent = &reviews[last..];
    campaign
        .tasks
        .iter()
        .map(|t| recent.len() == REVIEWS_IN_A_ROW && recent.iter().all(|r| r.red.contains(&t.id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Review;
    use crate::domain::status::Status;
    use crate::domain::test_support::{campaign, date, task};

    fn review(checkpoint: u32, red: &[&str]) -> Review {
        Review {
            checkpoint,
            date: date("2026-09-14"),
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
}
