//! Reading one catalog file from disk, bounded: its size is checked from its metadata and
//! by reading at most one byte past the limit, so a huge file is refused without being
//! read whole, and every failure becomes a diagnostic that names the file.

use std::fs;
use std::io::{self, Read as _};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{MAX_FILE_BYTES, too_large};
use crate::source::{Pos, Source};

/// Reads the catalog at `path`, reported under `name`, or the diagnostic saying why not:
/// unreadable, larger than [`MAX_FILE_BYTES`], or not UTF-8.
pub(crate) fn catalog(path: &Path, name: String) -> Result<Source, Box<Diagnostic>> {
    let bytes = match bounded(path, MAX_FILE_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Err(Box::new(too_large(&Source::new(name, String::new())))),
        Err(err) => {
            let source = Source::new(name, String::new());
            return Err(Box::new(unreadable(&source, &err)));
        }
    };
    Source::from_bytes(name, bytes).map_err(|(source, pos)| Box::new(not_utf8(&source, pos)))
}

/// The file's bytes, or `None` when it holds more than `limit` bytes. Reads at most
/// `limit + 1` bytes, whatever the metadata says (a file can grow while it is read).
fn bounded(path: &Path, limit: usize) -> io::Result<Option<Vec<u8>>> {
    let limit = u64::try_from(limit).unwrap_or(u64::MAX);
    let file = fs::File::open(path)?;
    if file.metadata()?.len() > limit {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((u64::try_from(bytes.len()).unwrap_or(u64::MAX) <= limit).then_some(bytes))
}

fn unreadable(source: &Source, err: &io::Error) -> Diagnostic {
    Diagnostic::new(
        source,
        Pos::default(),
        format!("cannot read catalog `{}`: {}", source.name, plain(err)),
    )
    .help("make the file readable by the user running the build, or move it out of the catalog folder")
}

/// The I/O error's text without the `(os error N)` suffix, which says nothing to an
/// author.
fn plain(err: &io::Error) -> String {
    let text = err.to_string();
    match text.split_once(" (os error") {
        Some((head, _)) => head.to_owned(),
        None => text,
    }
}

fn not_utf8(source: &Source, pos: Pos) -> Diagnostic {
    Diagnostic::new(source, pos, "catalog is not valid UTF-8")
        .label("invalid byte here")
        .help("save the catalog as UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_at_most_one_byte_past_the_limit() {
        let dir = std::env::temp_dir().join(format!("errcat-read-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.yaml");
        fs::write(&path, vec![b'a'; 101]).unwrap();
        assert_eq!(bounded(&path, 100).unwrap(), None);
        assert_eq!(bounded(&path, 101).unwrap().map(|b| b.len()), Some(101));
        fs::remove_dir_all(&dir).unwrap();
    }
}
