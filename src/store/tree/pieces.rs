//! Where the builder's events come from: lexed, parsed and decoded (keys and scalars) here, a
//! table at a time, or for a large text on a second thread, so that parsing and building
//! run side by side on two cores. Either way the builder sees them in order, with the first
//! error at the place it was met.

use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use toml_parser::ParseError;

use super::chunks::Chunks;
use super::input::Piece;
use super::values::decode;

/// Below this size a second thread costs more than it saves.
const PIPE_FROM_BYTES: usize = 256 * 1024;
/// Pieces handed over at a time.
const BATCH_PIECES: usize = 16 * 1024;
/// Batches in flight: what the parser may run ahead of the builder.
const IN_FLIGHT: usize = 4;

/// The decoded events of one or more tables, and the first error with where its table's
/// events start.
pub struct Batch<'a> {
    pub(crate) pieces: Vec<Piece<'a>>,
    pub(crate) error: Option<(usize, ParseError)>,
}

pub enum Pieces<'a> {
    Here(Chunks<'a>, Vec<Piece<'a>>),
    Piped {
        batches: Receiver<Batch<'a>>,
        recycle: Sender<Vec<Piece<'a>>>,
    },
}

impl<'a> Pieces<'a> {
    /// Lexes and parses here, as the builder asks.
    pub(crate) fn here(text: &'a str) -> Self {
        Pieces::Here(Chunks::new(text), Vec::new())
    }

    /// Parses on a thread of `scope` when the text is large, else here.
    pub fn start<'s>(text: &'a str, scope: &'s std::thread::Scope<'s, 'a>) -> Self {
        if text.len() < PIPE_FROM_BYTES {
            return Pieces::here(text);
        }
        let (tx, batches) = sync_channel(IN_FLIGHT);
        let (recycle, used) = channel();
        let parser = std::thread::Builder::new().name("bairi-parse".into());
        if parser
            .spawn_scoped(scope, move || produce(text, &tx, &used))
            .is_err()
        {
            return Pieces::here(text);
        }
        Pieces::Piped { batches, recycle }
    }

    /// The next events; `None` once the text is used up.
    pub(crate) fn next_batch(&mut self) -> Option<Batch<'a>> {
        match self {
            Pieces::Here(chunks, spare) => {
                let mut error = None;
                if !chunks.next_chunk(&mut error) {
                    return None;
                }
                let mut pieces = std::mem::take(spare);
                decode(&chunks.events, chunks.source(), &mut pieces, &mut error);
                Some(Batch {
                    pieces,
                    error: error.map(|e| (0, e)),
                })
            }
            Pieces::Piped { batches, .. } => batches.recv().ok(),
        }
    }

    /// Gives a batch's buffer back for the next one.
    pub(crate) fn done_with(&mut self, mut pieces: Vec<Piece<'a>>) {
        pieces.clear();
        match self {
            Pieces::Here(_, spare) => *spare = pieces,
            Pieces::Piped { recycle, .. } => {
                let _ = recycle.send(pieces);
            }
        }
    }
}

/// The parsing thread: tables in order, decoded and batched; stops at the first error or
/// when the builder has stopped listening.
fn produce<'a>(text: &'a str, tx: &SyncSender<Batch<'a>>, used: &Receiver<Vec<Piece<'a>>>) {
    let mut chunks = Chunks::new(text);
    let fresh = |used: &Receiver<Vec<Piece<'a>>>| {
        used.try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BATCH_PIECES + 1024))
    };
    let mut pieces = fresh(used);
    loop {
        let mut error = None;
        if !chunks.next_chunk(&mut error) {
            break;
        }
        let start = pieces.len();
        decode(&chunks.events, chunks.source(), &mut pieces, &mut error);
        if let Some(err) = error {
            let _ = tx.send(Batch {
                pieces,
                error: Some((start, err)),
            });
            return;
        }
        if pieces.len() >= BATCH_PIECES {
            let full = std::mem::replace(&mut pieces, fresh(used));
            if tx
                .send(Batch {
                    pieces: full,
                    error: None,
                })
                .is_err()
            {
                return;
            }
        }
    }
    if !pieces.is_empty() {
        let _ = tx.send(Batch {
            pieces,
            error: None,
        });
    }
}
