//! Keys to actions. The help screen and the footer hints are generated from this table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::form::FieldKey;

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

    /// Reads a key as written in the config: `q`, `G`, `>`, `Enter`, `Esc`, `Space`, `Tab`,
    /// `Up`, `Down`, `Left`, `Right`, `Home`, `End`, `PgUp`, `PgDn`, `F1`…`F12`, `Ctrl-r`.
    pub fn parse(s: &str) -> Option<Key> {
        let lower = s.to_ascii_lowercase();
        for prefix in ["ctrl-", "ctrl+", "c-"] {
            if lower.starts_with(prefix) {
                let rest = &s[prefix.len()..];
                let mut chars = rest.chars();
                return match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => Some(Key {
                        code: KeyCode::Char(c.to_ascii_lowercase()),
                        ctrl: true,
                    }),
                    _ => None,
                };
            }
        }
        let named = match lower.as_str() {
            "enter" | "return" => Some(KeyCode::Enter),
            "esc" | "escape" => Some(KeyCode::Esc),
            "space" => Some(KeyCode::Char(' ')),
            "tab" => Some(KeyCode::Tab),
            "backspace" => Some(KeyCode::Backspace),
            "up" => Some(KeyCode::Up),
            "down" => Some(KeyCode::Down),
            "left" => Some(KeyCode::Left),
            "right" => Some(KeyCode::Right),
            "home" => Some(KeyCode::Home),
            "end" => Some(KeyCode::End),
            "pgup" | "pageup" => Some(KeyCode::PageUp),
            "pgdn" | "pagedown" => Some(KeyCode::PageDown),
            f if f.len() >= 2 && f.starts_with('f') => f[1..]
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=12).contains(n))
                .map(KeyCode::F),
            _ => None,
        };
        if let Some(code) = named {
            return Some(Key::plain(code));
        }
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => Some(Key::char(c)),
            _ => None,
        }
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
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
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
            (
                Action::Down,
                vec![Key::plain(Down), Key::char('j'), Key::char(' ')],
            ),
            (Action::Left, vec![Key::plain(Left), Key::char('h')]),
            (Action::Right, vec![Key::plain(Right), Key::char('l')]),
            (Action::First, vec![Key::char('g'), Key::plain(Home)]),
            (Action::Last, vec![Key::char('G'), Key::plain(End)]),
            (Action::PageUp, vec![Key::plain(PageUp)]),
            (Action::PageDown, vec![Key::plain(PageDown)]),
            (Action::MoveNext, vec![Key::char('>'), Key::char('L')]),
            (Action::MovePrevious, vec![Key::char('<'), Key::char('H')]),
            (Action::Open, vec![Key::plain(Enter)]),
            (Action::Close, vec![Key::plain(Esc)]),
            (Action::Note, vec![Key::char('n')]),
            (Action::Tick, vec![Key::char('x')]),
            (Action::Problem, vec![Key::char('b')]),
            (Action::Resolve, vec![Key::char('r')]),
            (Action::Progress, vec![Key::char('%')]),
            (Action::Priority, vec![Key::char('p')]),
            (Action::Override, vec![Key::char('o')]),
            (Action::AddTask, vec![Key::char('a')]),
            (Action::Edit, vec![Key::char('e')]),
            (Action::Delete, vec![Key::char('d')]),
            (Action::AddMilestone, vec![Key::char('m')]),
            (Action::BackSchedule, vec![Key::char('B')]),
            (Action::SortMilestones, vec![Key::char('S')]),
            (Action::Undo, vec![Key::char('u')]),
            (
                Action::Redo,
                vec![Key {
                    code: Char('r'),
                    ctrl: true,
                }],
            ),
            (Action::Search, vec![Key::char('/')]),
            (Action::Jump, vec![Key::char(':')]),
            (Action::Filter, vec![Key::char('f')]),
            (Action::ClearFilter, vec![Key::char('F')]),
            (Action::SwitchView, vec![Key::char('v')]),
            (Action::Sort, vec![Key::char('O')]),
            (Action::ShowBoard, vec![Key::char('1')]),
            (Action::ShowStandup, vec![Key::char('2')]),
            (Action::ShowLeaderboard, vec![Key::char('3')]),
            (Action::ShowWall, vec![Key::char('4')]),
            (Action::NextView, vec![Key::plain(Tab)]),
            (Action::Publish, vec![Key::char('P')]),
            (Action::Pledge, vec![Key::char('c')]),
            (Action::CheckPledge, vec![Key::char('K')]),
            (Action::FollowUp, vec![Key::char('D')]),
            (Action::Review, vec![Key::char('R')]),
            (Action::Export, vec![Key::char('E')]),
            (Action::Sync, vec![Key::char('Y')]),
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
            (Action::No, vec![Key::char('N')]),
        ];
        Keymap { bindings }
    }
}

/// A key bound to two actions, or a key that must never be bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub message: crate::i18n::Text,
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
                });
            }
        }
        for (i, (a, keys)) in map.bindings.iter().enumerate() {
            for key in keys {
                for (b, _) in map.bindings[i + 1..]
                    .iter()
                    .filter(|(_, other)| other.contains(key))
                {
                    let (k, a, b) = (key.label(), a.name(), b.name());
                    conflicts.push(Conflict {
                        message: crate::tr!(
                            "按键 {k} 同时绑定了 `{a}` 和 `{b}`",
                            "key {k} is bound to both `{a}` and `{b}`"
                        ),
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

/// Editing keys as the shell maps them while a form or a search is open.
pub fn field_key(code: KeyCode, ctrl: bool) -> Option<Action> {
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
            Some(Action::Pledge),
            "plain c is the pledge key, not quit"
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
    fn keys_parse_as_written_in_the_config() {
        assert_eq!(Key::parse("q"), Some(Key::char('q')));
        assert_eq!(Key::parse("G"), Some(Key::char('G')));
        assert_eq!(Key::parse("Enter"), Some(Key::plain(KeyCode::Enter)));
        assert_eq!(
            Key::parse("Ctrl-r"),
            Some(Key {
                code: KeyCode::Char('r'),
                ctrl: true
            })
        );
        assert_eq!(Key::parse("F5"), Some(Key::plain(KeyCode::F(5))));
        assert_eq!(Key::parse("Space"), Some(Key::char(' ')));
        assert_eq!(Key::parse("Ctrl-"), None);
        assert_eq!(Key::parse("qq"), None);
        for (_, keys) in Keymap::default().bindings() {
            for key in keys {
                assert_eq!(
                    Key::parse(
                        &key.label()
                            .replace('↑', "Up")
                            .replace('↓', "Down")
                            .replace('←', "Left")
                            .replace('→', "Right")
                    ),
                    Some(*key)
                );
            }
        }
    }

    #[test]
    fn user_bindings_replace_and_conflicts_are_reported() {
        let map = Keymap::with_overrides(&[(Action::Quit, vec![Key::char('Q')])]).unwrap();
        assert_eq!(
            map.action_for(&press(KeyCode::Char('Q'), KeyModifiers::SHIFT)),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE)),
            None
        );
        let clash = Keymap::with_overrides(&[(Action::Quit, vec![Key::char('j')])]).unwrap_err();
        assert!(
            clash[0].message.en.contains("`down` and `quit`"),
            "{clash:?}"
        );
        let ctrl_s = Keymap::with_overrides(&[(
            Action::Save,
            vec![Key {
                code: KeyCode::Char('s'),
                ctrl: true,
            }],
        )])
        .unwrap_err();
        assert!(ctrl_s[0].message.en.contains("freezes"));
    }

    #[test]
    fn every_bindable_action_has_a_key() {
        let map = Keymap::default();
        for action in Action::BINDABLE {
            assert!(!map.keys(action).is_empty(), "{}", action.name());
        }
    }
}
