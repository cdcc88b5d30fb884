//! Keys to actions. The help screen and the footer hints are generated from this table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key, as written in the help screen (and later in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match (self.code, event.code) {
            // Shifted letters arrive as upper case with SHIFT; compare the character only.
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        };
        code && ctrl == self.ctrl
    }

    /// `q`, `Enter`, `↑`, `Ctrl-r`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// Every binding: an action and its keys.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let bindings = vec![
            (Action::Up, vec![Key::plain(Up), Key::char('k')]),
            (Action::Down, vec![Key::plain(Down), Key::char('j')]),
            (Action::Left, vec![Key::plain(Left), Key::char('h')]),
            (Action::Right, vec![Key::plain(Right), Key::char('l')]),
            (Action::First, vec![Key::char('g'), Key::plain(Home)]),
            (Action::Last, vec![Key::char('G'), Key::plain(End)]),
            (Action::MoveNext, vec![Key::char('>'), Key::char('L')]),
            (Action::MovePrevious, vec![Key::char('<'), Key::char('H')]),
            (Action::Open, vec![Key::plain(Enter)]),
            (Action::Close, vec![Key::plain(Esc)]),
            (Action::Save, vec![Key::char('s')]),
            (Action::Help, vec![Key::char('?')]),
            (
                Action::Quit,
                vec![
                    Key::char('q'),
                    Key {
                        code: Char('c'),
                        ctrl: true,
                    },
                ],
            ),
            (Action::Yes, vec![Key::char('y')]),
        ];
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action a key press means, if any.
    pub fn action_for(&self, event: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.iter().any(|k| k.matches(event)))
            .map(|(action, _)| *action)
    }

    pub fn keys(&self, action: Action) -> &[Key] {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn defaults_map_the_documented_keys() {
        let map = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.action_for(&press(KeyCode::Char('j'), none)),
            Some(Action::Down)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('L'), KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('>'), KeyModifiers::SHIFT)),
            Some(Action::MoveNext)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('q'), none)),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Esc, none)),
            Some(Action::Close)
        );
    }

    #[test]
    fn ctrl_c_quits_like_q() {
        let map = Keymap::default();
        assert_eq!(
            map.action_for(&press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('c'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn ctrl_s_is_never_bound_and_no_key_is_bound_twice() {
        let map = Keymap::default();
        let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(&ctrl_s), None);
        let all: Vec<Key> = map
            .bindings()
            .flat_map(|(_, k)| k.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            assert!(!all[i + 1..].contains(a), "{} bound twice", a.label());
        }
    }

    #[test]
    fn every_bindable_action_has_a_key() {
        let map = Keymap::default();
        for action in Action::BINDABLE {
            assert!(!map.keys(action).is_empty(), "{}", action.name());
        }
    }
}
