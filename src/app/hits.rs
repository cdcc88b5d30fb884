//! Where things are on screen: the drawing code records rectangles and what they stand for,
//! the shell keeps the last frame's map and turns a mouse event into actions with it.

use super::action::Action;
pub use super::action::Spot;

/// A rectangle of cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub(crate) width: u16,
    pub(crate) height: u16,
}

impl Area {
    pub(crate) fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && u32::from(x) < u32::from(self.x) + u32::from(self.width)
            && u32::from(y) < u32::from(self.y) + u32::from(self.height)
    }
}

/// What a place on screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Spot(Spot),
    /// A view's tab in the header: the action that shows it.
    Tab(Action),
    /// A document that scrolls with the wheel (details, help, the leaderboard).
    Scroll,
}

/// The last frame's places, later ones on top (pop-ups are drawn last).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitMap {
    places: Vec<(Area, Target)>,
}

impl HitMap {
    pub(crate) fn add(&mut self, area: Area, target: Target) {
        if area.width > 0 && area.height > 0 {
            self.places.push((area, target));
        }
    }

    /// The topmost target at a cell.
    pub fn at(&self, x: u16, y: u16) -> Option<Target> {
        self.places
            .iter()
            .rev()
            .find(|(area, _)| area.contains(x, y))
            .map(|(_, t)| *t)
    }

    pub fn places(&self) -> &[(Area, Target)] {
        &self.places
    }
}
