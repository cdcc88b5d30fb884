//! What owns the keys now ([`Mode`]), and the screen drawn underneath ([`View`]).

use super::purpose::Purpose;
use crate::app::action::Action;
use crate::app::form::Form;
use crate::app::input::TextInput;
use crate::app::lanes::Filter;

/// Which screen is drawn (what owns the keys is the [`Mode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Board,
    Detail,
    Help,
    /// The leaderboard (擂台榜).
    Leaderboard,
    /// The stand-up, one task at a time.
    Standup,
    /// The wall chart (挂图作战).
    Wall,
    /// The ledger (台账): pledges and follow-up orders.
    Ledger,
    /// A save met changes made elsewhere to the same fields: keep mine or theirs?
    Conflicts,
    /// The review meeting (督评会), step by step.
    Review,
}

/// What the keys go to: one thing at a time.
#[derive(Debug, Clone)]
pub(crate) enum Mode {
    /// The view drawn ([`View`]) takes the keys.
    Browse,
    /// Presentation mode (hall screen): pages turn; nothing can be edited.
    Present(Present),
    /// "Who are you?": the list of people, then whether to keep the choice.
    Who(Box<WhoAsk>),
    /// A form is open.
    Form(Box<Form<Purpose>>),
    /// A list to choose from while typing.
    Picker(Picker),
    /// `E`'s menu is open, on this format (`export::ExportFormat::ALL`).
    Export(usize),
    /// Quit with unsaved edits? (autosave off, or the last save failed)
    ConfirmQuit,
    /// Delete the task with this index?
    ConfirmDelete(usize),
    /// In the details: delete milestone `index` (from 0) of the task with index `task`?
    ConfirmDeleteMilestone { task: usize, index: usize },
}

/// A list to choose from while typing: tasks (search) or filters.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub mode: PickerMode,
    pub(crate) input: TextInput,
    pub(crate) pick: usize,
}

impl Picker {
    /// An empty list of this kind, its first line highlighted.
    pub(crate) fn new(mode: PickerMode) -> Picker {
        Picker {
            mode,
            input: TextInput::default(),
            pick: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerMode {
    Search,
    Filter,
    /// `:` and a task id.
    Jump,
    /// Who is editing: the file's `[[people]]`.
    Author,
    /// `M`: the status of task (index) to set in one step.
    Status(usize),
}

/// What a line of the list leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    Task(usize),
    Filter(Filter),
    Person(String),
    Status(crate::domain::Status),
}

/// Presentation mode: pages cycle every `seconds`; nothing can be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Present {
    pub page: usize,
    pub(crate) shown_for: u32,
    pub(crate) seconds: u32,
}

/// The edit that waits for a name, and where it came from.
#[derive(Debug, Clone)]
pub struct WhoAsk {
    pub(crate) action: Action,
    pub(crate) view: View,
    /// A form put aside while the list is open (its Enter is the edit).
    pub(crate) form: Option<Form<Purpose>>,
    /// The list of people (its keys until a person is chosen).
    pub(crate) list: Picker,
    /// The person chosen: the question "keep it in the config?" is open.
    pub(crate) chosen: Option<String>,
}

impl WhoAsk {
    pub(crate) fn asking_to_save(&self) -> bool {
        self.chosen.is_some()
    }
}
