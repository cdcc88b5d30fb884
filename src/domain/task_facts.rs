//! Facts about one task on a given day: overdue, next milestone, expected progress.

use chrono::NaiveDate;

use super::model::{Milestone, Problem, Task};

/// Past its deadline and not finished (pending sign-off or crossed off).
pub(crate) fn is_overdue(task: &Task, today: NaiveDate) -> bool {
    task.deadline < today && !task.status.is_finished()
}

/// The first undone milestone by due date (file order among equal dates).
pub(crate) fn next_milestone(task: &Task) -> Option<&Milestone> {
    task.milestones
        .iter()
        .filter(|m| !m.done)
        .min_by_key(|m| m.due)
}

/// 100 × (today − start) / (deadline − start), clamped to 0–100.
pub(crate) fn expected_progress(task: &Task, today: NaiveDate) -> f64 {
    let span = (task.deadline - task.start).num_days();
    if span <= 0 {
        return if today >= task.start { 100.0 } else { 0.0 };
    }
    let elapsed = (today - task.start).num_days();
    (100.0 * elapsed as f64 / span as f64).clamp(0.0, 100.0)
}

/// Expected minus entered progress, when progress is entered.
pub(crate) fn lag(task: &Task, today: NaiveDate) -> Option<f64> {
    task.progress
        .map(|p| expected_progress(task, today) - f64::from(p))
}

pub(crate) fn open_problems(task: &Task) -> impl Iterator<Item = &Problem> {
    task.problems.iter().filter(|p| !p.resolved)
}

/// Open blocking problems (堵点) of a task not yet crossed off.
pub(crate) fn open_blocking(task: &Task) -> impl Iterator<Item = &Problem> {
    let live = task.status != crate::domain::Status::Done;
    open_problems(task).filter(move |p| live && p.blocking)
}

/// The open blocking problems (堵点) across `tasks`.
pub(crate) fn blocking_count(tasks: &[Task]) -> usize {
    tasks.iter().map(|t| open_blocking(t).count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;
    use crate::domain::test_support::{date, task};

    #[test]
    fn overdue_only_when_unfinished_past_the_deadline() {
        let mut t = task("T1", "u", Status::InProgress, "2026-11-15", &[]);
        assert!(is_overdue(&t, date("2026-11-16")));
        assert!(!is_overdue(&t, date("2026-11-15")));
        t.status = Status::PendingSignoff;
        assert!(!is_overdue(&t, date("2026-11-16")));
    }

    #[test]
    fn next_milestone_is_the_earliest_undone() {
        let t = task(
            "T1",
            "u",
            Status::InProgress,
            "2026-12-01",
            &[
                ("2026-11-30", None),
                ("2026-10-01", Some("2026-10-01")),
                ("2026-11-20", None),
            ],
        );
        assert_eq!(next_milestone(&t).map(|m| m.id.as_str()), Some("T1-M3"));
    }

    #[test]
    fn expected_progress_and_lag() {
        let mut t = task("T1", "u", Status::InProgress, "2026-09-11", &[]);
        assert_eq!(expected_progress(&t, date("2026-09-06")), 50.0);
        assert_eq!(expected_progress(&t, date("2026-08-01")), 0.0);
        assert_eq!(expected_progress(&t, date("2026-12-01")), 100.0);
        t.progress = Some(20);
        assert_eq!(lag(&t, date("2026-09-06")), Some(30.0));
    }
}
