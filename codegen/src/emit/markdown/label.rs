//! How the docs name each error: by what the wire carries. A body with the code shows
//! codes; a body identified by the number alone shows numbers; a body identified by the
//! title alone shows titles, so the page never shows a code the wire never sends.

use super::escape::{code_span, inline};
use crate::model::{Catalog, ErrorDef, FieldSource};

/// What identifies an error in the body, and so what the docs label entries with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    /// The body carries the code (also the fallback when nothing identifies it).
    Code,
    /// The body carries the number but not the code.
    Number,
    /// The body carries the title but neither the code nor the number.
    Title,
}

impl Label {
    /// The label the catalog's envelope calls for.
    pub(super) fn of(catalog: &Catalog) -> Self {
        let sources = crate::wire::sources(&catalog.envelope.body);
        if sources.contains(&FieldSource::Code) {
            Self::Code
        } else if sources.contains(&FieldSource::Number) {
            Self::Number
        } else if sources.contains(&FieldSource::Title) {
            Self::Title
        } else {
            Self::Code
        }
    }

    /// The word that names a label: `Code`, `Number` or `Title`.
    pub(super) fn word(self) -> &'static str {
        match self {
            Self::Code => "Code",
            Self::Number => "Number",
            Self::Title => "Title",
        }
    }

    /// An error's label, escaped: its code as code, its number, or its title (an error
    /// without a number under `Number` falls back to its title, one without the title
    /// it falls back to to its code).
    pub(super) fn text(self, error: &ErrorDef) -> String {
        match (self, error.number, error.title.as_deref()) {
            (Self::Code, ..) => code_span(&error.code),
            (Self::Number, Some(number), _) => number.to_string(),
            (Self::Number | Self::Title, None, Some(title)) | (Self::Title, _, Some(title)) => {
                inline(title)
            }
            (Self::Number | Self::Title, ..) => code_span(&error.code),
        }
    }

    /// The sentence saying what the entries are labelled with, when that is not the code.
    pub(super) fn note(self) -> Option<&'static str> {
        match self {
            Self::Code => None,
            Self::Number => Some(
                "The body identifies each error by its number, not by a code, so the entries below are labelled by number.",
            ),
            Self::Title => Some(
                "The body identifies each error by its title, not by a code, so the entries below are labelled by title.",
            ),
        }
    }
}
