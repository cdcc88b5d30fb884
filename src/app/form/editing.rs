//! Editing a form: keys that change text, move focus or pick, and typed characters.

use super::{FieldKey, Form, choices, echo, suggestions};
use crate::app::input::TextInput;
use crate::domain::Campaign;

impl<P> Form<P> {
    /// Applies an editing key; returns `Some(true)` on submit, `Some(false)` on cancel.
    pub(crate) fn key(&mut self, key: FieldKey, campaign: &Campaign) -> Option<bool> {
        let has_picks = self
            .fields
            .get(self.focus)
            .is_some_and(|f| !choices(campaign, f.kind).is_empty());
        match key {
            FieldKey::Submit => {
                self.accept_pick(campaign);
                return Some(true);
            }
            FieldKey::Cancel => return Some(false),
            FieldKey::NextField => {
                self.accept_pick(campaign);
                self.move_focus((self.focus + 1) % self.fields.len().max(1));
            }
            FieldKey::PrevField => {
                let n = self.fields.len().max(1);
                self.move_focus((self.focus + n - 1) % n);
            }
            FieldKey::Down if has_picks => self.pick += 1,
            FieldKey::Up if has_picks => self.pick = self.pick.saturating_sub(1),
            FieldKey::Down => {
                self.move_focus((self.focus + 1).min(self.fields.len().saturating_sub(1)));
            }
            FieldKey::Up => self.move_focus(self.focus.saturating_sub(1)),
            edit => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    // Backspace or Delete on an untouched value clears it, as on selected text.
                    if field.fresh && matches!(edit, FieldKey::Backspace | FieldKey::Delete) {
                        field.input.clear();
                    } else {
                        edit_text(&mut field.input, edit);
                    }
                    field.fresh = false;
                }
                self.pick = 0;
            }
        }
        if let Some(field) = self.fields.get(self.focus) {
            let max = suggestions(campaign, field, usize::MAX).len();
            self.pick = self.pick.min(max.saturating_sub(1));
        }
        self.error = None;
        None
    }

    pub(crate) fn type_char(&mut self, c: char) {
        if let Some(field) = self.focused() {
            if field.fresh {
                field.input.clear();
                field.fresh = false;
            }
            field.input.insert(&c.to_string());
        }
        self.pick = 0;
        self.error = None;
    }

    /// Focus moves to field `to`: a date written `+3` or `周五` in the field left is
    /// written out in full, and the value of the field reached is selected (typing replaces it).
    fn move_focus(&mut self, to: usize) {
        let today = self.today;
        if let Some(date) = self.fields.get(self.focus).and_then(|f| echo(f, today))
            && let Some(field) = self.fields.get_mut(self.focus)
        {
            field.input = TextInput::new(&date.to_string());
        }
        self.focus = to;
        self.pick = 0;
        if let Some(field) = self.fields.get_mut(to) {
            field.fresh = !field.input.text().is_empty();
        }
    }
}

/// Applies a text-editing key to an input (other keys do nothing).
pub(crate) fn edit_text(input: &mut TextInput, key: FieldKey) {
    match key {
        FieldKey::Backspace => input.backspace(),
        FieldKey::Delete => input.delete(),
        FieldKey::Left => input.left(),
        FieldKey::Right => input.right(),
        FieldKey::Home => input.home(),
        FieldKey::End => input.end(),
        FieldKey::DeleteWord => input.delete_word(),
        FieldKey::DeleteToStart => input.delete_to_start(),
        _ => {}
    }
}
