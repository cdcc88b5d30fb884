//! Edits made the way the board and the command line make them: as [`Edit`] values given to
//! `CampaignFile::apply`, never through the store's edit functions.

use chrono::NaiveDate;

use bairi::domain::{Light, LogEntry, Status};
use bairi::store::edit::apply::{Edit, Made, Stamp};
use bairi::store::edit::task_fields::TaskFields;
use bairi::store::file::{CampaignFile, MilestoneRef, NewProblem, Refusal};

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

/// A milestone, by index or id, ticked or unticked.
pub fn milestone(task: &str, milestone: MilestoneRef, done: bool) -> Edit {
    Edit::Milestone {
        task: task.into(),
        milestone,
        done,
    }
}

/// A task's priority.
pub fn priority(task: &str, priority: u8) -> Edit {
    Edit::Priority {
        task: task.into(),
        priority,
    }
}

/// A leader's light with its reason and end on a task, or `None` to take it away.
pub fn light(task: &str, light: Option<(Light, &str, Option<NaiveDate>)>) -> Edit {
    Edit::Override {
        task: task.into(),
        light: light.map(|(l, reason, until)| (l, reason.to_owned(), until)),
    }
}

/// A task's fields as a form gives them.
pub fn edit_task(task: &str, fields: &TaskFields) -> Edit {
    Edit::EditTask {
        task: task.into(),
        fields: fields.clone(),
    }
}

/// A note given as a whole log entry: its date and author make the stamp (a note's kind is
/// the store's to give, so the entry must have none).
pub fn logged(file: &mut CampaignFile, task: &str, entry: &LogEntry) -> Result<Made, Refusal> {
    assert_eq!(entry.kind, None, "a note as the user writes it has no kind");
    apply(
        file,
        note(task, &entry.text),
        entry.date,
        entry.by.as_deref(),
    )
}

/// The qinglan example opened in a temp dir on its day: the file, its text as it was, the dir.
pub fn qinglan_file() -> (CampaignFile, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = super::qinglan_copy(dir.path());
    let text = std::fs::read_to_string(&path).expect("read the copy");
    let file = CampaignFile::open(&path, bairi::store::load::Today::Date(super::today()))
        .expect("the example opens");
    (file, text, dir)
}
