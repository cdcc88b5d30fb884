//! The app's state: the open file, what is derived from it, and where the user is.

use chrono::NaiveDate;

use crate::domain::Campaign;
use crate::domain::Status;
use crate::domain::light::{LightVerdict, TaskLight, task_light};
use crate::i18n::{Lang, Text};
use crate::store::file::CampaignFile;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Board,
    Detail,
    Help,
    /// Quit with unsaved edits? (autosave off, or the last save failed)
    ConfirmQuit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: Text,
    pub tone: Tone,
}

/// Values computed from the campaign and today, kept until either changes (never per frame).
#[derive(Debug, Clone)]
pub struct Derived {
    /// One per task, in file order.
    pub lights: Vec<LightVerdict>,
    /// Task indices per status column, in file order.
    pub columns: [Vec<usize>; 5],
    pub red: usize,
    pub yellow: usize,
    pub green: usize,
    pub done: usize,
}

impl Derived {
    pub fn compute(campaign: &Campaign, today: NaiveDate) -> Derived {
        let lights: Vec<LightVerdict> = campaign
            .tasks
            .iter()
            .map(|t| task_light(t, &campaign.rules.light, today))
            .collect();
        let mut columns: [Vec<usize>; 5] = Default::default();
        for (i, task) in campaign.tasks.iter().enumerate() {
            columns[task.status.index()].push(i);
        }
        let count = |l: TaskLight| lights.iter().filter(|v| v.light == l).count();
        Derived {
            red: count(TaskLight::Red),
            yellow: count(TaskLight::Yellow),
            green: count(TaskLight::Green),
            done: count(TaskLight::Done),
            lights,
            columns,
        }
    }
}

/// Everything the screen shows is a function of this.
pub struct Model {
    pub file: CampaignFile,
    pub derived: Derived,
    pub today: NaiveDate,
    /// `--today` given: the date does not roll over.
    pub today_pinned: bool,
    pub lang: Lang,
    pub view: View,
    /// The focused column (a status index).
    pub column: usize,
    /// The selected row in each column.
    pub rows: [usize; 5],
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub message: Option<Message>,
    pub autosave: bool,
    /// Who notes and sign-offs are recorded as (a person id).
    pub author: Option<String>,
    /// Set once the app should end.
    pub quitting: bool,
}

impl Model {
    pub fn new(file: CampaignFile, today: NaiveDate, lang: Lang) -> Model {
        let derived = Derived::compute(&file.campaign, today);
        let in_progress = Status::InProgress.index();
        let column = if derived.columns[in_progress].is_empty() {
            derived
                .columns
                .iter()
                .position(|c| !c.is_empty())
                .unwrap_or(0)
        } else {
            in_progress
        };
        Model {
            file,
            derived,
            today,
            today_pinned: false,
            lang,
            view: View::Board,
            column,
            rows: [0; 5],
            detail_scroll: 0,
            help_scroll: 0,
            message: None,
            autosave: true,
            author: None,
            quitting: false,
        }
    }

    pub fn campaign(&self) -> &Campaign {
        &self.file.campaign
    }

    /// Recomputes the derived values after an edit or a new day.
    pub fn refresh(&mut self) {
        self.derived = Derived::compute(&self.file.campaign, self.today);
        for (col, row) in self.rows.iter_mut().enumerate() {
            let len = self.derived.columns[col].len();
            *row = (*row).min(len.saturating_sub(1));
        }
    }

    /// The index (in file order) of the selected task, if the focused column has any.
    pub fn selected(&self) -> Option<usize> {
        self.derived.columns[self.column]
            .get(self.rows[self.column])
            .copied()
    }

    /// Puts the selection on a task wherever its column is.
    pub fn select_task(&mut self, index: usize) {
        for (col, tasks) in self.derived.columns.iter().enumerate() {
            if let Some(row) = tasks.iter().position(|&t| t == index) {
                self.column = col;
                self.rows[col] = row;
            }
        }
    }

    pub fn say(&mut self, tone: Tone, text: Text) {
        self.message = Some(Message { text, tone });
    }

    pub fn t<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }
}
