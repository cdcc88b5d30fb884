//! Facts about one task on a given day: overdue, next milestone, finish, expected progress.

use chrono::NaiveDate;

use super::model::{Milestone, Problem, Task};
use super::status::Status;

/// Past its deadline and not finished (pending sign-off or crossed off).
pub fn is_overdue(task: &Task, today: NaiveDate) -> bool {
    task.deadline < today && !task.status.is_finished()
}

/// The first undone milestone by due date (file order among equal dates).
pub fn next_milestone(task: &Task) -> Option<&Milestone> {
    task.milestones
        .iter()
        .filter(|m| !m.done)
        .min_by_key(|m| m.due)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finish {
    pub date: NaiveDate,
    /// Positive: early; negative: late.
    pub days_early: i64,
}

/// When the task finished, once every milestone is done (or it is crossed off): the last
/// milestone's `done_on`, else `closed_on`.
pub fn finish(task: &Task) -> Option<Finish> {
    let all_done = task.milestones.iter().all(|m| m.done);
    if !all_done && task.status != Status::Done {
        return None;
    }
    let last = task.milestones.iter().filter_map(|m| m.done_on).max();
    let date = last.or(task.closed_on)?;
    Some(Finish {
        date,
        days_early: (task.deadline - date).num_days(),
    })
}

/// 100 × (today − start) / (deadline − start), clamped to 0–100.
pub fn expected_progress(task: &Task, today: NaiveDate) -> f64 {
    let span = (task.deadline - task.start).num_days();
    if span <= 0 {
        return if today >= task.start { 100.0 } else { 0.0 };
    }
    let elapsed = (today - task.start).num_days();
    (100.0 * elapsed as f64 / span as f64).clamp(0.0, 100.0)
}

/// Expected minus entered progress, when progress is entered.
pub fn lag(task: &Task, today: NaiveDate) -> Option<f64> {
    task.progress
        .map(|p| expected_progress(task, today) - f64::from(p))
}

pub fn open_problems(task: &Task) -> impl Iterator<Item = &Problem> {
    task.problems.iter().filter(|p| !p.resolved)
}

/// Open blocking problems (堵点) of a task not yet crossed off.
pub fn open_blocking(task: &Task) -> impl Iterator<Item = &Problem> {
    let live = task.status != crate::domain::Status::Done;
    open_problems(task).filter(move |p| live && p.blocking)
}

/// The open blocking problems (堵点) across `tasks`.
pub fn blocking_count(tasks: &[Task]) -> usize {
    tasks.iter().map(|t| open_blocking(t).count()).sum()
}

/// Open problems past their fix-by date.
pub fn overdue_problems(task: &Task, today: NaiveDate) -> impl Iterator<Item = &Problem> {
    open_problems(task).filter(move |p| p.due.is_some_and(|d| d < today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::test_support::{date, problem, task};

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
    fn finish_early_and_late() {
        let t = task(
            "T1",
            "u",
            Status::Done,
            "2026-11-30",
            &[
                ("2026-10-01", Some("2026-09-20")),
                ("2026-11-30", Some("2026-10-30")),
            ],
        );
        assert_eq!(
            finish(&t),
            Some(Finish {
                date: date("2026-10-30"),
                days_early: 31
            })
        );
        let late = task(
            "T2",
            "u",
            Status::PendingSignoff,
            "2026-11-15",
            &[("2026-11-15", Some("2026-11-18"))],
        );
        assert_eq!(finish(&late).map(|f| f.days_early), Some(-3));
        let open = task(
            "T3",
            "u",
            Status::InProgress,
            "2026-11-15",
            &[("2026-11-15", None)],
        );
        assert_eq!(finish(&open), None);
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

    #[test]
    fn overdue_problems_need_a_past_due_date() {
        let mut t = task("T1", "u", Status::Blocked, "2026-12-01", &[]);
        t.problems = vec![
            problem("P1", "2026-10-01", Some("2026-11-10"), None),
            problem("P2", "2026-10-01", None, None),
            problem("P3", "2026-10-01", Some("2026-11-01"), Some("2026-11-02")),
        ];
        let ids: Vec<_> = overdue_problems(&t, date("2026-11-22"))
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(ids, ["P1"]);
    }
}
