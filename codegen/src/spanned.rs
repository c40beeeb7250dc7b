//! A value with the place it was written: the raw model's own type, so that the model
//! does not depend on which reader filled it (the event loader or serde-saphyr).

use serde::de::{Deserialize, Deserializer};

/// A place in a catalog: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Location {
    line: u32,
    column: u32,
}

impl Location {
    /// The place of a value that was not written (a default).
    pub(crate) const UNKNOWN: Location = Location { line: 0, column: 0 };

    /// The place at `line` and `column`, both 1-based.
    pub(crate) fn new(line: u32, column: u32) -> Self {
        Self { line, column }
    }

    /// The 1-based line.
    pub(crate) fn line(self) -> u32 {
        self.line
    }

    /// The 1-based column, in characters.
    pub(crate) fn column(self) -> u32 {
        self.column
    }

    fn from_saphyr(location: serde_saphyr::Location) -> Self {
        Self {
            line: u32::try_from(location.line()).unwrap_or(u32::MAX),
            column: u32::try_from(location.column()).unwrap_or(u32::MAX),
        }
    }
}

/// A value with where it is used (`referenced`: an alias's place for a value an alias
/// repeats) and where it is written (`defined`).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Spanned<T> {
    pub value: T,
    pub referenced: Location,
    pub defined: Location,
}

impl<T> Spanned<T> {
    /// The value with its two places.
    pub(crate) const fn new(value: T, referenced: Location, defined: Location) -> Self {
        Self {
            value,
            referenced,
            defined,
        }
    }

    /// The value written at `at` (not through an alias).
    pub(crate) const fn at(value: T, at: Location) -> Self {
        Self::new(value, at, at)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Self::new(
            read.value,
            Location::from_saphyr(read.referenced),
            Location::from_saphyr(read.defined),
        ))
    }
}
