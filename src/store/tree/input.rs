//! The builder's input: events with their keys and scalars decoded ([`Piece`]), and a
//! cursor that takes each as it goes ([`Input`]).

use toml_parser::parser::{Event, EventKind};

use super::{Item, Key};

/// An event, with keys and scalars already decoded.
#[derive(Debug, Clone)]
pub enum Piece<'a> {
    Event(Event),
    Key(Key<'a>),
    Scalar(Item<'a>),
    /// Moved out by the builder.
    Taken,
}

impl Piece<'_> {
    pub(crate) fn kind(&self) -> Option<EventKind> {
        match self {
            Piece::Event(e) => Some(e.kind()),
            Piece::Key(_) => Some(EventKind::SimpleKey),
            Piece::Scalar(_) => Some(EventKind::Scalar),
            Piece::Taken => None,
        }
    }

    pub(crate) fn end(&self) -> usize {
        match self {
            Piece::Event(e) => e.span().end(),
            Piece::Key(k) => k.span.end,
            Piece::Scalar(i) => i.span.end,
            Piece::Taken => 0,
        }
    }
}

/// A cursor over pieces, taking each as it goes.
pub(crate) struct Input<'p, 'a> {
    pieces: &'p mut [Piece<'a>],
    at: usize,
}

impl<'p, 'a> Input<'p, 'a> {
    pub(crate) fn new(pieces: &'p mut [Piece<'a>]) -> Self {
        Input { pieces, at: 0 }
    }

    #[allow(clippy::should_implement_trait)]
    pub(crate) fn next(&mut self) -> Option<Piece<'a>> {
        let piece = self.pieces.get_mut(self.at)?;
        self.at += 1;
        Some(std::mem::replace(piece, Piece::Taken))
    }

    pub(crate) fn peek_kind(&self) -> Option<EventKind> {
        self.peek_kind_at(0)
    }

    pub(crate) fn peek_kind_at(&self, n: usize) -> Option<EventKind> {
        self.pieces.get(self.at + n).and_then(Piece::kind)
    }
}
