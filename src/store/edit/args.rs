//! What an edit names beside a task: a milestone (by position or id), a new problem.

use chrono::NaiveDate;

/// Which milestone: by position (0-based) or by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneRef {
    Index(usize),
    Id(String),
}

/// What a new problem says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewProblem {
    pub text: String,
    pub kind: Option<String>,
    pub blocking: bool,
    pub owner: Option<String>,
    /// The person who coordinates (a follow-up order's, say).
    pub coordinator: Option<String>,
    pub due: Option<NaiveDate>,
}
