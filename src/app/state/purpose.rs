//! What submitting a form does ([`Purpose`]).

use crate::store::edit::task_fields::MilestoneFields;

/// What submitting a form does.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Note {
        task: String,
    },
    Problem {
        task: String,
    },
    Resolve {
        task: String,
        problem: String,
    },
    Progress {
        task: String,
    },
    Priority {
        task: String,
    },
    Override {
        task: String,
    },
    AddTask,
    EditTask {
        task: String,
    },
    AddMilestone {
        task: String,
    },
    EditMilestone {
        task: String,
        index: usize,
    },
    BackSchedule {
        task: String,
    },
    BackScheduleReview {
        task: String,
        proposals: Vec<MilestoneFields>,
    },
    Publish {
        checkpoint: usize,
    },
    Pledge {
        unit: String,
    },
    CheckPledge {
        /// Index in `commitments`.
        index: usize,
    },
    /// A follow-up order (督办) for a task.
    FollowUp {
        task: String,
    },
}

impl Purpose {
    /// What a form is for, as words a draft can store: (kind, task, extra); `None` for a
    /// form not kept as a draft.
    pub fn draft_words(&self) -> Option<(&'static str, String, String)> {
        let none = String::new;
        Some(match self {
            Purpose::Note { task } => ("note", task.clone(), none()),
            Purpose::Problem { task } => ("problem", task.clone(), none()),
            Purpose::Resolve { task, problem } => ("resolve", task.clone(), problem.clone()),
            Purpose::Progress { task } => ("progress", task.clone(), none()),
            Purpose::Override { task } => ("override", task.clone(), none()),
            Purpose::AddTask => ("add_task", none(), none()),
            Purpose::EditTask { task } => ("edit_task", task.clone(), none()),
            Purpose::AddMilestone { task } => ("add_milestone", task.clone(), none()),
            Purpose::BackSchedule { task } => ("back_schedule", task.clone(), none()),
            Purpose::FollowUp { task } => ("follow_up", task.clone(), none()),
            _ => return None,
        })
    }

    /// The purpose a draft's words stand for.
    pub fn from_draft_words(kind: &str, task: String, extra: String) -> Option<Purpose> {
        Some(match kind {
            "note" => Purpose::Note { task },
            "problem" => Purpose::Problem { task },
            "resolve" => Purpose::Resolve {
                task,
                problem: extra,
            },
            "progress" => Purpose::Progress { task },
            "override" => Purpose::Override { task },
            "add_task" => Purpose::AddTask,
            "edit_task" => Purpose::EditTask { task },
            "add_milestone" => Purpose::AddMilestone { task },
            "back_schedule" => Purpose::BackSchedule { task },
            "follow_up" => Purpose::FollowUp { task },
            _ => return None,
        })
    }
}
