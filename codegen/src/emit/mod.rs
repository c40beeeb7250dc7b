//! Emitters: pure functions from the validated model to text. They cannot fail.

pub mod dictionary;
pub(crate) mod doc;
pub mod markdown;
pub mod openapi;
pub mod rust;
