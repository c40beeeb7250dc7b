//! The reader over the parser's events: one lookahead event, the structure of mappings
//! and sequences, and the limits serde-saphyr applies (it reads whatever goes past
//! them, and refuses it with its own message).

use std::borrow::Cow;

use serde_saphyr::granit_parser::{self, Event, Parser, ScalarStyle, Span, StrInput};

use super::{Fallback, Read};
use crate::load::{MAX_DEPTH, MAX_NODES};
use crate::spanned::Location;

/// A scalar as written: its text after YAML's escapes, its style and place.
pub(crate) struct Scalar<'a> {
    /// The text, borrowed from the catalog where the parser can.
    pub text: Cow<'a, str>,
    /// Plain, quoted or block.
    pub style: ScalarStyle,
    /// Where it starts.
    pub at: Location,
}

impl Scalar<'_> {
    /// Whether YAML reads the scalar as null (`~`, `null`, nothing), as serde-saphyr does.
    pub(crate) fn is_null(&self) -> bool {
        is_null(&self.text, self.style)
    }
}

fn is_null(text: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// The events of one catalog, read one at a time with one event of lookahead.
pub(crate) struct Reader<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<(Event<'a>, Span)>,
    depth: usize,
    nodes: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        let mut options = granit_parser::Options::default();
        options.emit_comments = false;
        options.block_nesting_limit = options.block_nesting_limit.max(MAX_DEPTH + 1);
        Self {
            parser: Parser::new_from_str_with_options(text, options),
            peeked: None,
            depth: 0,
            nodes: 0,
        }
    }

    /// Reads the one document of `text` with `read_root`, checking that nothing but the
    /// end of the stream follows it.
    pub(crate) fn document<T>(
        text: &'a str,
        read_root: impl FnOnce(&mut Self) -> Read<T>,
    ) -> Read<T> {
        let mut reader = Self::new(text);
        reader.expect(|event| matches!(event, Event::StreamStart))?;
        reader.expect(|event| matches!(event, Event::DocumentStart(_, None)))?;
        let root = read_root(&mut reader)?;
        reader.expect(|event| matches!(event, Event::DocumentEnd))?;
        reader.expect(|event| matches!(event, Event::StreamEnd))?;
        Ok(root)
    }

    /// Counts the events of `text`, stopping at the first error.
    pub(crate) fn count_events(text: &'a str) -> usize {
        let mut reader = Self::new(text);
        let mut events = 0;
        while let Some(Ok(_)) = reader.parser.next_event() {
            events += 1;
        }
        events
    }

    /// The next event, taken. A parser error, the end of input and the limits all give
    /// up: serde-saphyr will report them.
    fn next(&mut self) -> Read<(Event<'a>, Span)> {
        let next = match self.peeked.take() {
            Some(next) => next,
            None => self.pull()?,
        };
        if matches!(
            next.0,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
        ) {
            self.nodes += 1;
            if self.nodes > MAX_NODES {
                return Err(Fallback);
            }
        }
        Ok(next)
    }

    /// The next event, left in place.
    fn peek(&mut self) -> Read<&Event<'a>> {
        if self.peeked.is_none() {
            self.peeked = Some(self.pull()?);
        }
        Ok(&self.peeked.as_ref().ok_or(Fallback)?.0)
    }

    /// The parser's next event; its errors and the end of input give up.
    fn pull(&mut self) -> Read<(Event<'a>, Span)> {
        self.parser
            .next_event()
            .ok_or(Fallback)?
            .map_err(|_| Fallback)
    }

    /// Takes the next event if `wanted` says it is the one expected.
    fn expect(&mut self, wanted: impl FnOnce(&Event<'a>) -> bool) -> Read<()> {
        let (event, _) = self.next()?;
        if wanted(&event) {
            Ok(())
        } else {
            Err(Fallback)
        }
    }

    /// Where the next value starts.
    pub(crate) fn location(&mut self) -> Read<Location> {
        self.peek()?;
        let span = &self.peeked.as_ref().ok_or(Fallback)?.1;
        Ok(location(span))
    }

    /// Whether the next value is a null scalar; it is taken if so.
    pub(crate) fn take_null(&mut self) -> Read<bool> {
        let null = match self.peek()? {
            Event::Scalar(text, style, 0, None) => is_null(text, *style),
            _ => false,
        };
        if null {
            self.next()?;
        }
        Ok(null)
    }

    /// Whether the next value is a mapping (else a scalar or a sequence).
    pub(crate) fn at_mapping(&mut self) -> Read<bool> {
        Ok(matches!(self.peek()?, Event::MappingStart(..)))
    }

    /// Whether the next value is a sequence.
    pub(crate) fn at_sequence(&mut self) -> Read<bool> {
        Ok(matches!(self.peek()?, Event::SequenceStart(..)))
    }

    /// Takes a scalar without anchor or tag.
    pub(crate) fn scalar(&mut self) -> Read<Scalar<'a>> {
        match self.next()? {
            (Event::Scalar(text, style, 0, None), span) => Ok(Scalar {
                text,
                style,
                at: location(&span),
            }),
            _ => Err(Fallback),
        }
    }

    /// Reads a mapping without anchor or tag: `entry` is called with each key (a
    /// scalar) and reads its value.
    pub(crate) fn mapping(
        &mut self,
        mut entry: impl FnMut(&mut Self, Scalar<'a>) -> Read<()>,
    ) -> Read<()> {
        self.open(|event| matches!(event, Event::MappingStart(_, 0, None)))?;
        while !self.close(|event| matches!(event, Event::MappingEnd))? {
            let key = self.scalar()?;
            if &*key.text == "<<" {
                return Err(Fallback);
            }
            entry(self, key)?;
        }
        Ok(())
    }

    /// Reads a sequence without anchor or tag: `item` reads each item.
    pub(crate) fn sequence(&mut self, mut item: impl FnMut(&mut Self) -> Read<()>) -> Read<()> {
        self.open(|event| matches!(event, Event::SequenceStart(_, 0, None)))?;
        while !self.close(|event| matches!(event, Event::SequenceEnd))? {
            item(self)?;
        }
        Ok(())
    }

    /// Whether the next event ends the mapping or sequence (`is_end` says); if so it is
    /// taken, one level up.
    fn close(&mut self, is_end: impl FnOnce(&Event<'a>) -> bool) -> Read<bool> {
        if !is_end(self.peek()?) {
            return Ok(false);
        }
        self.next()?;
        self.depth -= 1;
        Ok(true)
    }

    /// Takes the start of a mapping or sequence, one level deeper.
    fn open(&mut self, wanted: impl FnOnce(&Event<'a>) -> bool) -> Read<()> {
        self.expect(wanted)?;
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(Fallback);
        }
        Ok(())
    }
}

/// The place a span starts, as serde-saphyr gives it: 1-based line and column.
fn location(span: &Span) -> Location {
    let line = u32::try_from(span.start.line()).unwrap_or(u32::MAX);
    let column = u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX);
    Location::new(line, column)
}
