//! Edits made the way the board and the command line make them: as [`Edit`] values given to
//! `CampaignFile::apply`, never through the store's edit functions.

use chrono::NaiveDate;

use bairi::domain::Status;
use bairi::store::edit::apply::{Edit, Made, Stamp};
use bairi::store::edit::task::{MilestoneRef, NewProblem};
use bairi::store::file::{CampaignFile, Refusal};

/// Who makes an edit and on which day.
pub fn stamp(today: NaiveDate, by: Option<&str>) -> Stamp {
    Stamp {
        today,
        by: by.map(str::to_owned),
    }
}

/// [`CampaignFile::apply`] as `by` on `today`: what the edit made, or why it was refused.
pub fn apply(
    file: &mut CampaignFile,
    edit: Edit,
    today: NaiveDate,
    by: Option<&str>,
) -> Result<Made, Refusal> {
    file.apply(&edit, &stamp(today, by)).map(|a| a.made)
}

/// A task moved to another column.
pub fn status(task: &str, status: Status) -> Edit {
    Edit::Status {
        task: task.into(),
        status,
    }
}

/// A note in a task's log.
pub fn note(task: &str, text: &str) -> Edit {
    Edit::Note {
        task: task.into(),
        text: text.into(),
    }
}

/// A task's progress, in percent.
pub fn progress(task: &str, progress: u8) -> Edit {
    Edit::Progress {
        task: task.into(),
        progress,
    }
}

/// Milestone `index` (from 0) of a task ticked or unticked.
pub fn tick(task: &str, index: usize, done: bool) -> Edit {
    Edit::Milestone {
        task: task.into(),
        milestone: MilestoneRef::Index(index),
        done,
    }
}

/// A new problem on a task.
pub fn problem(task: &str, problem: NewProblem) -> Edit {
    Edit::AddProblem {
        task: task.into(),
        problem,
    }
}

/// A task's problem resolved.
pub fn resolve(task: &str, problem: &str, result: &str) -> Edit {
    Edit::ResolveProblem {
        task: task.into(),
        problem: problem.into(),
        result: result.into(),
    }
}

/// A task deleted.
pub fn delete(task: &str) -> Edit {
    Edit::DeleteTask { task: task.into() }
}
