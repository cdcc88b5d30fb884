//! One key: matching a press, reading it as written in the config, and its label.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key, as written in the help screen (and later in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub(crate) code: KeyCode,
    pub(crate) ctrl: bool,
}

impl Key {
    pub(super) const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub(super) const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub(crate) fn matches(&self, event: &KeyEvent) -> bool {
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
    pub(crate) fn label(&self) -> String {
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
