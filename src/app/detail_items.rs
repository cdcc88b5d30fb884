//! The selectable lines of the detail view: a task's milestones, then its problems.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Milestone(usize),
    Problem(usize),
}
