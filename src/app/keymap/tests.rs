//! The default table, key names as written in the config, and user bindings.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
