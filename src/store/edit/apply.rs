//! An edit as a value: what the board and the command line ask of the store. The store
//! applies it, refuses what the rules forbid, and hands back what it made and the step that
//! undoes it; nothing outside the store changes the file's text or its campaign.

use chrono::NaiveDate;

use crate::domain::leaderboard::Leaderboard;
use crate::domain::{Light, LogEntry, Status};
use crate::store::edit::pledge::NewPledge;
use crate::store::edit::splice::Change;
use crate::store::edit::task::{MilestoneRef, NewProblem};
use crate::store::edit::task_fields::{MilestoneFields, TaskFields};
use crate::store::file::{CampaignFile, Changed, Refusal};
use crate::store::merge::Keep;

/// One change to the campaign, named by what the user did.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Moves a task to another column (the sign-off rules apply).
    Status {
        task: String,
        status: Status,
    },
    /// Ticks (or unticks) a milestone.
    Milestone {
        task: String,
        milestone: MilestoneRef,
        done: bool,
    },
    /// A note in the task's log.
    Note {
        task: String,
        text: String,
    },
    AddProblem {
        task: String,
        problem: NewProblem,
    },
    ResolveProblem {
        task: String,
        problem: String,
        result: String,
    },
    Progress {
        task: String,
        progress: u8,
    },
    Priority {
        task: String,
        priority: u8,
    },
    /// A leader's light with its reason and end, or `None` to take the override away.
    Override {
        task: String,
        light: Option<(Light, String, Option<NaiveDate>)>,
    },
    EditTask {
        task: String,
        fields: TaskFields,
    },
    AddTask(TaskFields),
    DeleteTask {
        task: String,
    },
    AddMilestones {
        task: String,
        milestones: Vec<MilestoneFields>,
    },
    EditMilestone {
        task: String,
        index: usize,
        milestone: MilestoneFields,
    },
    DeleteMilestone {
        task: String,
        index: usize,
    },
    SortMilestones {
        task: String,
    },
    /// A checkpoint's leaderboard frozen into `[[reviews]]`.
    Publish {
        board: Box<Leaderboard>,
        kind: String,
        note: Option<String>,
    },
    AddPledge(NewPledge),
    /// Pledge `number` (from 1) kept or broken; a verdict already given the other way is
    /// corrected, and recorded in the pledge's history.
    CheckPledge {
        number: usize,
        kept: bool,
    },
    /// `[[conflicts]]` records (numbered as listed) settled each its own way; the others stay.
    SettleConflicts(Vec<(usize, Keep)>),
}

/// Who makes an edit and on which day: what its history line and dates say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub today: NaiveDate,
    /// A person id of `[[people]]`, or nobody named.
    pub by: Option<String>,
}

/// What an edit made that the caller names in its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Made {
    Nothing,
    /// A new task's or problem's id.
    Id(String),
    /// A new pledge's or a published checkpoint's number.
    Number(usize),
}

impl Made {
    /// The id made, or empty.
    pub fn id(&self) -> String {
        match self {
            Made::Id(id) => id.clone(),
            Made::Nothing | Made::Number(_) => String::new(),
        }
    }

    /// The number made, or 0.
    pub(crate) fn number(&self) -> usize {
        match self {
            Made::Number(n) => *n,
            Made::Nothing | Made::Id(_) => 0,
        }
    }
}

/// An edit that was made.
#[derive(Debug)]
pub struct Applied {
    pub made: Made,
    /// The step that takes it back (and forward again); `None` when the edit found things
    /// already so and changed nothing (nothing to save or to undo).
    pub(crate) undo: Option<Change>,
    /// Which tasks changed, for the values derived from them.
    pub(crate) changed: Changed,
}

impl CampaignFile {
    /// Makes `edit` as `stamp` says, or refuses it with the reason and changes nothing.
    pub fn apply(&mut self, edit: &Edit, stamp: &Stamp) -> Result<Applied, Refusal> {
        let mark = self.journal().len();
        let made = self.make(edit, stamp)?;
        let splices = self.journal().get(mark..).unwrap_or_default().to_vec();
        let undo = (!splices.iter().all(|s| s.old == s.new)).then(|| Change {
            tasks: self.task_edits(&splices),
            splices,
            generation: self.generation(),
        });
        Ok(Applied {
            made,
            undo,
            changed: self.take_changed(),
        })
    }

    fn make(&mut self, edit: &Edit, stamp: &Stamp) -> Result<Made, Refusal> {
        let (today, by) = (stamp.today, stamp.by.as_deref());
        let nothing = |()| Made::Nothing;
        match edit {
            Edit::Status { task, status } => self.set_status(task, *status, today, by).map(nothing),
            Edit::Milestone {
                task,
                milestone,
                done,
            } => self
                .set_milestone_done(task, milestone.clone(), *done, today, by)
                .map(nothing),
            Edit::Note { task, text } => {
                let entry = LogEntry {
                    date: today,
                    text: text.clone(),
                    by: stamp.by.clone(),
                    kind: None,
                };
                self.append_log(task, entry).map(nothing)
            }
            Edit::AddProblem { task, problem } => {
                self.add_problem(task, problem.clone(), today).map(Made::Id)
            }
            Edit::ResolveProblem {
                task,
                problem,
                result,
            } => self
                .resolve_problem(task, problem, result, today, by)
                .map(nothing),
            Edit::Progress { task, progress } => self.set_progress(task, *progress).map(nothing),
            Edit::Priority { task, priority } => self.set_priority(task, *priority).map(nothing),
            Edit::Override { task, light } => {
                let light = light
                    .as_ref()
                    .map(|(light, reason, until)| (*light, reason.as_str(), *until));
                self.set_override(task, light, today, by).map(nothing)
            }
            Edit::EditTask { task, fields } => self.edit_task(task, fields).map(nothing),
            Edit::AddTask(fields) => self.add_task(fields).map(Made::Id),
            Edit::DeleteTask { task } => self.delete_task(task).map(nothing),
            Edit::AddMilestones { task, milestones } => {
                self.add_milestones(task, milestones).map(nothing)
            }
            Edit::EditMilestone {
                task,
                index,
                milestone,
            } => self.edit_milestone(task, *index, milestone).map(nothing),
            Edit::DeleteMilestone { task, index } => {
                self.delete_milestone(task, *index).map(nothing)
            }
            Edit::SortMilestones { task } => self.sort_milestones(task).map(nothing),
            Edit::Publish { board, kind, note } => self
                .publish(board, kind, note.as_deref(), stamp)
                .map(|n| Made::Number(n as usize)),
            Edit::AddPledge(pledge) => self.add_pledge(pledge, today).map(Made::Number),
            Edit::CheckPledge { number, kept } => {
                self.check_pledge(*number, *kept, today, by).map(nothing)
            }
            Edit::SettleConflicts(each) => self.settle_conflicts(each).map(nothing),
        }
    }
}
