//! The event loader: a catalog read straight from the YAML parser's events into the raw
//! model, at about the cost of reading the text (serde-saphyr's deserialiser, built on
//! the same parser, costs as much again; see docs/benchmark.md, "The loader").
//!
//! It reads the catalogs people write: one document of mappings, sequences and scalars.
//! Whatever it is not sure to read exactly as serde-saphyr would (a tag, an anchor or
//! alias, a merge key, a repeated key, a scalar whose type depends on YAML's rules for
//! numbers, any mistake) makes it give up with [`Fallback`], and the catalog is read
//! again by serde-saphyr, which reports the mistake, if there is one, with its usual
//! words. So the diagnostics are serde-saphyr's, and a test reads every catalog of the
//! repository and generated ones both ways and compares the models.

mod catalog;
mod reader;
mod scalars;

use crate::raw::RawCatalog;

pub(crate) use reader::Reader;

/// The event loader gave up on a catalog: serde-saphyr reads it instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fallback;

/// What the event loader's readers return.
pub(crate) type Read<T> = Result<T, Fallback>;

/// A value the event loader can read from the events at the reader's place.
pub(crate) trait FromEvents<'a>: Sized {
    /// Reads the value that starts at the next event.
    fn from_events(reader: &mut Reader<'a>) -> Read<Self>;
}

/// Reads a whole catalog from its text, or gives up.
pub(crate) fn catalog(text: &str) -> Read<RawCatalog> {
    Reader::document(text, RawCatalog::from_events)
}

/// Reads every event of `text` and counts them, building nothing: the cost of the
/// parser alone, which the benchmark sets beside the loaders.
pub(crate) fn count_events(text: &str) -> usize {
    Reader::count_events(text)
}

#[cfg(test)]
mod tests;
