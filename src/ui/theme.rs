//! Semantic styles over the 16 ANSI colours; every meaning also has a glyph or a modifier,
//! so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::domain::light::TaskLight;

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn light(&self, light: TaskLight) -> Style {
        match light {
            TaskLight::Red => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            TaskLight::Yellow => self.fg(Color::Yellow),
            TaskLight::Green => self.fg(Color::Green),
            TaskLight::Done => self.fg(Color::DarkGray),
        }
    }

    /// The selected card: reversed, so it shows without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
