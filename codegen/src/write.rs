//! Writing output: only when the content changed, and atomically (a temporary file in the
//! same folder, then a rename), so an interrupted build never leaves a truncated file.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

/// Whether a write changed the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file held other content, or did not exist, and was replaced.
    Changed,
    /// The file already held exactly this content and was left alone, mtime included.
    Unchanged,
}

/// Writes `content` to `path` unless it already holds exactly that.
///
/// # Errors
/// Returns the I/O error of reading, writing or renaming.
pub fn write_if_changed(path: &Path, content: &[u8]) -> io::Result<Written> {
    if fs::read(path).is_ok_and(|old| old == content) {
        return Ok(Written::Unchanged);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(content)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map(|()| Written::Changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_once_then_leaves_the_file_alone() {
        let dir = std::env::temp_dir().join(format!("errcat-write-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.md");
        let _ = fs::remove_file(&path);
        assert_eq!(write_if_changed(&path, b"a").unwrap(), Written::Changed);
        let mtime = fs::metadata(&path).unwrap().modified().unwrap();
        assert_eq!(write_if_changed(&path, b"a").unwrap(), Written::Unchanged);
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), mtime);
        assert_eq!(write_if_changed(&path, b"b").unwrap(), Written::Changed);
        assert_eq!(fs::read(&path).unwrap(), b"b");
        let leftovers = fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        fs::remove_dir_all(&dir).unwrap();
    }
}
