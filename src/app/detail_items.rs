//! The selectable lines of the detail view: a task's milestones, then its problems.

use crate::domain::Task;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Milestone(usize),
    Problem(usize),
}

/// Milestones in file order, then open problems, then resolved ones.
pub fn items(task: &Task) -> Vec<Item> {
    let mut out: Vec<Item> = (0..task.milestones.len()).map(Item::Milestone).collect();
    out.extend(
        (0..task.problems.len())
            .filter(|&p| !task.problems[p].resolved)
            .map(Item::Problem),
    );
    out.extend(
        (0..task.problems.len())
            .filter(|&p| task.problems[p].resolved)
            .map(Item::Problem),
    );
    out
}
