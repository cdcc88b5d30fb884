//! Keys to actions. The help screen and the footer hints are generated from this table.

mod defaults;
mod key;
#[cfg(test)]
mod tests;

use crossterm::event::{KeyCode, KeyEvent};

pub use self::key::Key;
use super::action::Action;
use super::form::FieldKey;

/// Every binding: an action and its keys.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
}

/// A key bound to two actions, or a key that must never be bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub(crate) message: crate::i18n::Text,
    /// The actions it is about, in keymap order.
    pub(crate) actions: Vec<Action>,
}

impl Keymap {
    /// The defaults with the user's bindings: each action named replaces that action's keys.
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Result<Keymap, Vec<Conflict>> {
        let mut map = Keymap::default();
        for (action, keys) in overrides {
            if let Some(slot) = map.bindings.iter_mut().find(|(a, _)| a == action) {
                slot.1.clone_from(keys);
            }
        }
        let mut conflicts = Vec::new();
        let ctrl_s = Key {
            code: KeyCode::Char('s'),
            ctrl: true,
        };
        for (action, keys) in &map.bindings {
            if keys.contains(&ctrl_s) {
                let name = action.name();
                conflicts.push(Conflict {
                    message: crate::tr!(
                        "`{name}` 不能绑定 Ctrl-s(会冻结 SSH 终端)",
                        "`{name}` cannot be bound to Ctrl-s (it freezes terminals over SSH)"
                    ),
                    actions: vec![*action],
                });
            }
        }
        for (i, (a, keys)) in map.bindings.iter().enumerate() {
            for key in keys {
                for (b, _) in map.bindings[i + 1..]
                    .iter()
                    .filter(|(_, other)| other.contains(key))
                {
                    let actions = vec![*a, *b];
                    let (k, a, b) = (key.label(), a.name(), b.name());
                    conflicts.push(Conflict {
                        message: crate::tr!(
                            "按键 {k} 同时绑定了 `{a}` 和 `{b}`",
                            "key {k} is bound to both `{a}` and `{b}`"
                        ),
                        actions,
                    });
                }
            }
        }
        if conflicts.is_empty() {
            Ok(map)
        } else {
            Err(conflicts)
        }
    }

    /// The action a key press means, if any.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| k.matches(event)))
            .map(|(action, _)| *action)
    }

    pub(crate) fn keys(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// `k/↑`-style label of an action's keys.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }

    pub fn bindings(&self) -> impl Iterator<Item = (Action, &[Key])> {
        self.bindings.iter().map(|(a, k)| (*a, k.as_slice()))
    }
}

/// Editing keys as the shell maps them while a form or a search is open.
pub(crate) fn field_key(code: KeyCode, ctrl: bool) -> Option<Action> {
    use crossterm::event::KeyCode::*;
    let key = match (code, ctrl) {
        (Char('w'), true) => FieldKey::DeleteWord,
        (Char('u'), true) => FieldKey::DeleteToStart,
        (Char('a'), true) => FieldKey::Home,
        (Char('e'), true) => FieldKey::End,
        (Char('c'), true) => FieldKey::Cancel,
        (Char(c), false) => return Some(Action::Type(c)),
        (Backspace, _) => FieldKey::Backspace,
        (Delete, _) => FieldKey::Delete,
        (Left, _) => FieldKey::Left,
        (Right, _) => FieldKey::Right,
        (Home, _) => FieldKey::Home,
        (End, _) => FieldKey::End,
        (Tab, _) => FieldKey::NextField,
        (BackTab, _) => FieldKey::PrevField,
        (Up, _) => FieldKey::Up,
        (Down, _) => FieldKey::Down,
        (Enter, _) => FieldKey::Submit,
        (Esc, _) => FieldKey::Cancel,
        _ => return None,
    };
    Some(Action::Field(key))
}
