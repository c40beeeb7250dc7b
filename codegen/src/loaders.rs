//! The catalog loaders side by side, for the generator benchmark (`--loaders`): the YAML
//! parser's events alone (the cost of reading), the event loader the build uses, and
//! serde-saphyr (which reads what the event loader leaves and words every mistake).
//! Not a stable interface.

use crate::events;
use crate::load::with_serde_saphyr;
use crate::source::Source;

/// A way to read a catalog's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loader {
    /// The parser's events, counted, nothing built: what reading the YAML costs.
    ParserEvents,
    /// The events read straight into the raw model (what `compile` tries first).
    EventLoader,
    /// serde-saphyr's deserialiser into the same raw model.
    SerdeSaphyr,
}

impl Loader {
    /// Every loader, in the order of the benchmark's table.
    pub const ALL: [Loader; 3] = [Self::ParserEvents, Self::EventLoader, Self::SerdeSaphyr];

    /// The name on the command line and in the table.
    pub fn name(self) -> &'static str {
        match self {
            Self::ParserEvents => "parser-events",
            Self::EventLoader => "event-loader",
            Self::SerdeSaphyr => "serde-saphyr",
        }
    }

    /// The loader of a [`Loader::name`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|loader| loader.name() == name)
    }

    /// Reads the catalog and returns how many errors it holds (events, for
    /// [`Loader::ParserEvents`]), or `None` if this loader cannot read it.
    pub fn read(self, source: &Source) -> Option<usize> {
        match self {
            Self::ParserEvents => Some(events::count_events(&source.text)),
            Self::EventLoader => events::catalog(&source.text)
                .ok()
                .map(|catalog| catalog.errors.value.len()),
            Self::SerdeSaphyr => with_serde_saphyr(source)
                .ok()
                .map(|catalog| catalog.errors.value.len()),
        }
    }
}

/// Whether the two loaders agree on `source`: the event loader gives up on it, or it
/// reads the very model serde-saphyr reads (values and places alike). `None` when the
/// event loader reads a catalog serde-saphyr refuses (a disagreement too), else
/// `Some(read)`, `read` saying whether the event loader read it. Panics with both
/// models when they differ. The property test and the `loaders` fuzz target call it.
pub fn agree(source: &Source) -> Option<bool> {
    let Ok(fast) = events::catalog(&source.text) else {
        return Some(false);
    };
    let slow = with_serde_saphyr(source).ok()?;
    let (fast, slow) = (format!("{fast:#?}"), format!("{slow:#?}"));
    assert!(
        fast == slow,
        "the loaders read {} differently:\n{fast}\n---\n{slow}",
        source.name
    );
    Some(true)
}
