//! Cuts the token stream before each table header and turns one piece at a time into events,
//! so memory for tokens and events is that of one table, whatever the file's size.

use toml_parser::lexer::{Lexer, Token, TokenKind};
use toml_parser::parser::{Event, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, ParseError, Source};

use super::limits::{KEY_DOTS_LIMIT, Limit, NESTING_LIMIT, TABLE_TOKENS_LIMIT};

pub struct Chunks<'a> {
    source: Source<'a>,
    lexer: Lexer<'a>,
    /// The `[` that opens the next piece, read while finding the end of this one.
    pending: Option<Token>,
    tokens: Vec<Token>,
    pub(crate) events: Vec<Event>,
    done: bool,
}

impl<'a> Chunks<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let source = Source::new(text);
        Chunks {
            source,
            lexer: source.lex(),
            pending: None,
            tokens: Vec::with_capacity(256),
            events: Vec::with_capacity(256),
            done: false,
        }
    }

    pub(crate) fn source(&self) -> Source<'a> {
        self.source
    }

    /// Fills `events` with the next piece's; false once the text is used up.
    ///
    /// A piece ends before a `[` that starts a line outside any array or inline table: the
    /// parser is then between statements, so parsing the pieces one by one yields the events
    /// of parsing the whole. (Strings and comments are single tokens, so brackets inside them
    /// do not count; unbalanced brackets are syntax errors whatever the cut.)
    ///
    /// A piece that goes past a [`Limit`] ends the text there: its error goes to `errors`
    /// and no more is lexed, so hostile text costs only the tokens before the limit.
    pub(crate) fn next_chunk(&mut self, errors: &mut dyn ErrorSink) -> bool {
        if self.done {
            return false;
        }
        self.tokens.clear();
        let mut depth = 0u32;
        let mut line_start = true;
        let mut dots = 0u32;
        if let Some(open) = self.pending.take() {
            self.tokens.push(open);
            depth = 1;
            line_start = false;
        }
        loop {
            let Some(token) = self.lexer.next() else {
                self.done = true;
                break;
            };
            if let Some(limit) = past_limit(&token, depth, &mut dots, self.tokens.len()) {
                let span = token.span();
                errors.report_error(ParseError::new(limit.description()).with_unexpected(span));
                self.tokens.clear();
                self.events.clear();
                self.done = true;
                return true;
            }
            match token.kind() {
                TokenKind::Eof => {
                    self.tokens.push(token);
                    self.done = true;
                    break;
                }
                TokenKind::Newline => line_start = true,
                TokenKind::Whitespace => {}
                TokenKind::LeftSquareBracket => {
                    if depth == 0 && line_start && !self.tokens.is_empty() {
                        self.pending = Some(token);
                        break;
                    }
                    depth += 1;
                    line_start = false;
                }
                TokenKind::LeftCurlyBracket => {
                    depth += 1;
                    line_start = false;
                }
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                    depth = depth.saturating_sub(1);
                    line_start = false;
                }
                _ => line_start = false,
            }
            self.tokens.push(token);
        }
        self.events.clear();
        let mut validate = ValidateWhitespace::new(&mut self.events, self.source);
        let mut guard = RecursionGuard::new(&mut validate, NESTING_LIMIT);
        parse_document(&self.tokens, &mut guard, errors);
        true
    }
}

/// The limit `token` goes past, if any: one bracket too deep, one dot too many in a key, one
/// token too many in the table. `dots` counts the dots of the key being lexed.
fn past_limit(token: &Token, depth: u32, dots: &mut u32, tokens: usize) -> Option<Limit> {
    match token.kind() {
        TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket if depth >= NESTING_LIMIT => {
            return Some(Limit::Depth);
        }
        TokenKind::Dot => {
            *dots += 1;
            if *dots >= KEY_DOTS_LIMIT {
                return Some(Limit::KeyParts);
            }
        }
        // Parts of a key (or of a float or date, which have one dot at most).
        TokenKind::Atom
        | TokenKind::Whitespace
        | TokenKind::BasicString
        | TokenKind::LiteralString => {}
        _ => *dots = 0,
    }
    (tokens >= TABLE_TOKENS_LIMIT).then_some(Limit::TableTokens)
}
