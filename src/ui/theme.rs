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
    pub(crate) fn parse(s: &str) -> Option<Palette> {
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
pub(crate) struct Glyphs {
    pub(crate) light: &'static str,
    pub(crate) done: &'static str,
    pub(crate) selected: &'static str,
    pub(crate) up: &'static str,
    pub(crate) down: &'static str,
    pub(crate) prev: &'static str,
    pub(crate) next: &'static str,
    pub(crate) overdue: &'static str,
    pub(crate) soon: &'static str,
    pub(crate) upcoming: &'static str,
    pub(crate) problem: &'static str,
    pub(crate) arrow: &'static str,
    pub(crate) border: border::Set<'static>,
}

pub(crate) const UNICODE: Glyphs = Glyphs {
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

pub(crate) const ASCII: Glyphs = Glyphs {
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
    pub(crate) palette: Palette,
    pub(crate) glyphs: Glyphs,
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

    pub(crate) fn light(&self, light: TaskLight) -> Style {
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
    #[expect(
        clippy::unused_self,
        reason = "a style of the theme, like the others; the same in every palette"
    )]
    pub(crate) fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub(crate) fn title(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan, 39).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub(crate) fn border(&self, focused: bool) -> Style {
        match (focused, self.palette) {
            (true, Palette::Mono) => Style::new().add_modifier(Modifier::BOLD),
            (true, _) => self.fg(Color::Cyan, 39),
            (false, _) => self.fg(Color::DarkGray, 240),
        }
    }

    pub(crate) fn dim(&self) -> Style {
        self.fg(Color::DarkGray, 245)
    }

    #[expect(
        clippy::unused_self,
        reason = "a style of the theme, like the others; the same in every palette"
    )]
    pub(crate) fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub(crate) fn warning(&self) -> Style {
        self.fg(Color::Yellow, 214).add_modifier(Modifier::BOLD)
    }

    pub(crate) fn error(&self) -> Style {
        self.fg(Color::Red, 196)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub(crate) fn info(&self) -> Style {
        self.fg(Color::Green, 35)
    }

    pub(crate) fn key(&self) -> Style {
        self.fg(Color::Cyan, 39).add_modifier(Modifier::BOLD)
    }
}
