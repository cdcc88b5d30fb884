//! Semantic styles and glyphs. Three palettes (16 ANSI colours, 256 colours, monochrome) and
//! two glyph sets (Unicode, ASCII); every meaning also has a glyph, a word or a modifier, so
//! nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::domain::light::TaskLight;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    /// Only the 16 ANSI colours (the default: any terminal).
    Ansi16,
    /// Softer shades from the 256-colour table.
    Ansi256,
    /// No colour at all (`NO_COLOR`, `--no-color`): reverse, bold and underline only.
    Mono,
}

impl Palette {
    pub fn parse(s: &str) -> Option<Palette> {
        match s {
            "default" | "16" => Some(Palette::Ansi16),
            "256" => Some(Palette::Ansi256),
            "mono" | "none" => Some(Palette::Mono),
            _ => None,
        }
    }
}

/// The symbols drawn; ASCII for terminals that show box-drawing characters double width.
#[derive(Debug, Clone, Copy)]
pub struct Glyphs {
    pub light: &'static str,
    pub done: &'static str,
    pub selected: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub prev: &'static str,
    pub next: &'static str,
    pub overdue: &'static str,
    pub soon: &'static str,
    pub upcoming: &'static str,
    pub problem: &'static str,
    pub arrow: &'static str,
    pub border: border::Set<'static>,
}

pub const UNICODE: Glyphs = Glyphs {
    light: "●",
    done: "✓",
    selected: "▶",
    up: "↑",
    down: "↓",
    prev: "◀",
    next: "▶",
    overdue: "✗",
    soon: "!",
    upcoming: "○",
    problem: "⚠",
    arrow: "→",
    border: border::PLAIN,
};

pub const ASCII: Glyphs = Glyphs {
    light: "*",
    done: "v",
    selected: ">",
    up: "^",
    down: "v",
    prev: "<",
    next: ">",
    overdue: "x",
    soon: "!",
    upcoming: "o",
    problem: "!",
    arrow: "->",
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
};

#[derive(Debug, Clone)]
pub struct Theme {
    pub palette: Palette,
    pub glyphs: Glyphs,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(Palette::Ansi16, false)
    }
}

impl Theme {
    pub fn new(palette: Palette, ascii: bool) -> Theme {
        Theme {
            palette,
            glyphs: if ascii { ASCII } else { UNICODE },
        }
    }

    /// A colour from the 16-colour or the 256-colour table; nothing in monochrome.
    fn fg(&self, ansi: Color, indexed: u8) -> Style {
        match self.palette {
            Palette::Ansi16 => Style::new().fg(ansi),
            Palette::Ansi256 => Style::new().fg(Color::Indexed(indexed)),
            Palette::Mono => Style::new(),
        }
    }

    pub fn light(&self, light: TaskLight) -> Style {
        match light {
            TaskLight::Red => self.fg(Color::Red, 196).add_modifier(Modifier::BOLD),
            TaskLight::Yellow if self.palette == Palette::Mono => {
                Style::new().add_modifier(Modifier::UNDERLINED)
            }
            TaskLight::Yellow => self.fg(Color::Yellow, 214),
            TaskLight::Green => self.fg(Color::Green, 35),
            TaskLight::Done => self.fg(Color::DarkGray, 245),
        }
    }

    /// The selected card: reversed, so it shows without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan, 39).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.palette) {
            (true, Palette::Mono) => Style::new().add_modifier(Modifier::BOLD),
            (true, _) => self.fg(Color::Cyan, 39),
            (false, _) => self.fg(Color::DarkGray, 240),
        }
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray, 245)
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow, 214).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red, 196)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn info(&self) -> Style {
        self.fg(Color::Green, 35)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan, 39).add_modifier(Modifier::BOLD)
    }
}
