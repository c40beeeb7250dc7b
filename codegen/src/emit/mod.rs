//! Emitters: pure functions from the validated model to text. They cannot fail.

pub(crate) mod commonmark;
pub mod dictionary;
pub(crate) mod doc;
pub mod markdown;
pub mod openapi;
pub mod rust;

/// One generated file: its name inside the output folder and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The file name, e.g. `retrac.md`, with `/` between folders for files in
    /// subfolders (`retrac/book/src/index.md`).
    pub name: String,
    /// The full content.
    pub content: String,
}

/// A membership table of `bytes`, for scanning text byte by byte in plain loops, which
/// stay quick in an unoptimised build script. Keep it in a `static`: a `const` table is
/// copied wherever it is indexed at opt-level 0.
pub(crate) const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut at = 0;
    while at < bytes.len() {
        set[bytes[at] as usize] = true;
        at += 1;
    }
    set
}
