//! Milestone states (done, overdue, due soon) and the card's countdown label.

use chrono::NaiveDate;

use super::model::Milestone;
use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneState {
    /// `late_days` > 0 when done after its due date.
    Done {
        late_days: i64,
    },
    /// Not done, due before today.
    Overdue {
        days: i64,
    },
    /// Not done, due within the warning window (0 = today).
    DueSoon {
        days: i64,
    },
    Upcoming {
        days: i64,
    },
}

pub(crate) fn milestone_state(m: &Milestone, today: NaiveDate, warn_days: i64) -> MilestoneState {
    if m.done {
        let late_days = m.done_on.map_or(0, |d| (d - m.due).num_days().max(0));
        return MilestoneState::Done { late_days };
    }
    let days = (m.due - today).num_days();
    if days < 0 {
        MilestoneState::Overdue { days: -days }
    } else if days <= warn_days {
        MilestoneState::DueSoon { days }
    } else {
        MilestoneState::Upcoming { days }
    }
}

/// Done as of the end of `date` (done without a date counts as done).
pub(crate) fn done_by(m: &Milestone, date: NaiveDate) -> bool {
    m.done && m.done_on.is_none_or(|d| d <= date)
}

/// `3天` / `3d`, `今天` / `today`, `逾期2天` / `2d late`.
pub(crate) fn due_label(days_until: i64, lang: Lang) -> String {
    match (days_until, lang) {
        (0, Lang::Zh) => "今天".to_owned(),
        (0, Lang::En) => "today".to_owned(),
        (d, Lang::Zh) if d < 0 => format!("逾期{}天", -d),
        (d, Lang::En) if d < 0 => format!("{}d late", -d),
        (d, Lang::Zh) => format!("{d}天"),
        (d, Lang::En) => format!("{d}d"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::{date, milestone};

    #[test]
    fn states_around_today() {
        let today = date("2026-11-22");
        let m = |due, done| milestone("T", 1, due, done);
        assert_eq!(
            milestone_state(&m("2026-11-20", None), today, 3),
            MilestoneState::Overdue { days: 2 }
        );
        assert_eq!(
            milestone_state(&m("2026-11-22", None), today, 3),
            MilestoneState::DueSoon { days: 0 }
        );
        assert_eq!(
            milestone_state(&m("2026-11-25", None), today, 3),
            MilestoneState::DueSoon { days: 3 }
        );
        assert_eq!(
            milestone_state(&m("2026-11-26", None), today, 3),
            MilestoneState::Upcoming { days: 4 }
        );
        assert_eq!(
            milestone_state(&m("2026-10-26", Some("2026-10-30")), today, 3),
            MilestoneState::Done { late_days: 4 }
        );
        assert_eq!(
            milestone_state(&m("2026-10-26", Some("2026-10-20")), today, 3),
            MilestoneState::Done { late_days: 0 }
        );
    }

    #[test]
    fn done_by_a_date() {
        let m = milestone("T", 1, "2026-10-26", Some("2026-10-30"));
        assert!(!done_by(&m, date("2026-10-29")));
        assert!(done_by(&m, date("2026-10-30")));
        let mut undated = m.clone();
        undated.done_on = None;
        assert!(done_by(&undated, date("2026-01-01")));
    }

    #[test]
    fn labels() {
        assert_eq!(due_label(3, Lang::Zh), "3天");
        assert_eq!(due_label(0, Lang::Zh), "今天");
        assert_eq!(due_label(-2, Lang::Zh), "逾期2天");
        assert_eq!(due_label(-2, Lang::En), "2d late");
    }
}
