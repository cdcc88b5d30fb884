//! What owns the keys ([`Mode`]), read and changed through small methods on [`Model`].

use super::form::Form;
use super::model::{Model, Picker, Present, WhoAsk};
use super::state::mode::Mode;
use super::verbs::Purpose;

impl Model {
    /// A save is with the store worker.
    pub fn saving(&self) -> bool {
        self.saving
    }

    /// Who else has the board open (`user@host`).
    pub fn others(&self) -> &[String] {
        &self.others
    }

    /// The conflicts asked about are the file's `[[conflicts]]` records (a git merge's).
    pub fn conflicts_recorded(&self) -> bool {
        self.conflicts_recorded
    }

    /// The detail view's cursor (a row of `detail_doc::document`).
    pub fn detail_row(&self) -> usize {
        self.detail_row
    }

    /// How far the help is scrolled.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// What owns the keys now.
    pub(crate) fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Keys go back to the view on screen.
    pub fn browse(&mut self) {
        self.mode = Mode::Browse;
    }

    /// The open form.
    pub fn form(&self) -> Option<&Form<Purpose>> {
        match &self.mode {
            Mode::Form(form) => Some(form),
            _ => None,
        }
    }

    pub(crate) fn form_mut(&mut self) -> Option<&mut Form<Purpose>> {
        match &mut self.mode {
            Mode::Form(form) => Some(form),
            _ => None,
        }
    }

    /// Opens a form: it takes the keys.
    pub(crate) fn open_form(&mut self, form: Form<Purpose>) {
        self.mode = Mode::Form(Box::new(form));
    }

    /// Closes the open form (if any) and gives it back.
    pub fn take_form(&mut self) -> Option<Form<Purpose>> {
        if !matches!(self.mode, Mode::Form(_)) {
            return None;
        }
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Form(form) => Some(*form),
            _ => None,
        }
    }

    /// A form put aside (by "who are you?") or open: the one a quit keeps as a draft.
    pub(crate) fn pending_form(&self) -> Option<&Form<Purpose>> {
        match &self.mode {
            Mode::Form(form) => Some(form),
            Mode::Who(ask) => ask.form.as_ref(),
            _ => None,
        }
    }

    /// The open list (the list of people while "who are you?" waits for a name).
    pub fn picker(&self) -> Option<&Picker> {
        match &self.mode {
            Mode::Picker(picker) => Some(picker),
            Mode::Who(ask) if ask.chosen.is_none() => Some(&ask.list),
            _ => None,
        }
    }

    pub(crate) fn picker_mut(&mut self) -> Option<&mut Picker> {
        match &mut self.mode {
            Mode::Picker(picker) => Some(picker),
            Mode::Who(ask) if ask.chosen.is_none() => Some(&mut ask.list),
            _ => None,
        }
    }

    /// A form or a list is open: keys type into it.
    pub(crate) fn typing(&self) -> bool {
        self.form().is_some() || self.picker().is_some()
    }

    /// The export menu's highlighted format, while it is open.
    pub fn export_pick(&self) -> Option<usize> {
        match self.mode {
            Mode::Export(pick) => Some(pick),
            _ => None,
        }
    }

    /// The edit that waits for a name ("who are you?").
    pub fn who(&self) -> Option<&WhoAsk> {
        match &self.mode {
            Mode::Who(ask) => Some(ask),
            _ => None,
        }
    }

    pub(crate) fn who_mut(&mut self) -> Option<&mut WhoAsk> {
        match &mut self.mode {
            Mode::Who(ask) => Some(ask),
            _ => None,
        }
    }

    /// Presentation mode (hall screen): the page shown and the seconds it has been shown.
    pub fn presenting(&self) -> Option<&Present> {
        match &self.mode {
            Mode::Present(present) => Some(present),
            _ => None,
        }
    }

    pub fn presenting_mut(&mut self) -> Option<&mut Present> {
        match &mut self.mode {
            Mode::Present(present) => Some(present),
            _ => None,
        }
    }

    /// Asks "unsaved edits: quit?" (on the board).
    pub fn ask_to_quit(&mut self) {
        self.mode = Mode::ConfirmQuit;
    }

    /// "Unsaved edits: quit?" is asked.
    pub fn confirming_quit(&self) -> bool {
        matches!(self.mode, Mode::ConfirmQuit)
    }

    /// "Delete milestone … of task …?" is asked: the task's index and the milestone's.
    pub fn confirming_milestone_delete(&self) -> Option<(usize, usize)> {
        match self.mode {
            Mode::ConfirmDeleteMilestone { task, index } => Some((task, index)),
            _ => None,
        }
    }

    /// "Delete task …?" is asked, about this task (an index).
    pub fn confirming_delete(&self) -> Option<usize> {
        match self.mode {
            Mode::ConfirmDelete(index) => Some(index),
            _ => None,
        }
    }
}
