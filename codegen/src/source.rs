//! Catalog sources: the text of one catalog file and the name it is reported under.

/// One catalog file as read from disk: its display name and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name used in diagnostics and generated headers, e.g. `catalog/retrac.yaml`.
    /// Relative to the project, never absolute, so output does not depend on the machine.
    pub name: String,
    /// The file's text, with a leading byte-order mark removed.
    pub text: String,
}

/// A position in a source: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// 1-based line number; 0 when the position is unknown.
    pub line: u32,
    /// 1-based column in characters; 0 when the position is unknown.
    pub col: u32,
}

impl Source {
    /// Builds a source from a name and raw bytes, rejecting what is not UTF-8 text.
    ///
    /// # Errors
    /// Returns the position of the first invalid byte when the bytes are not UTF-8.
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Self, (Self, Pos)> {
        let name = name.into();
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Self::new(name, text)),
            Err(err) => {
                let valid = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let prefix = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
                let pos = end_pos(&prefix);
                Err((Self::new(name, text), pos))
            }
        }
    }

    /// Builds a source from a name and text; a leading byte-order mark is dropped.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Self {
            name: name.into(),
            text,
        }
    }

    /// The file name without its last extension: `catalog/retrac.yaml` gives `retrac`,
    /// `catalog/my.api.yaml` gives `my.api`.
    pub fn stem(&self) -> &str {
        let file = self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name);
        file.rsplit_once('.').map_or(file, |(stem, _)| stem)
    }

    /// The text of 1-based line `line`, without its line ending, if it exists.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.text
            .split('\n')
            .nth(index)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// The position just after the end of `text`.
fn end_pos(text: &str) -> Pos {
    let line = text.matches('\n').count() + 1;
    let last = text.rsplit('\n').next().unwrap_or("");
    Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        col: u32::try_from(last.chars().count() + 1).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_stem_is_the_file_name() {
        let source = Source::new("catalog/retrac.yaml", "\u{feff}api: x\r\n");
        assert_eq!(source.text, "api: x\r\n");
        assert_eq!(source.stem(), "retrac");
        assert_eq!(source.line_text(1), Some("api: x"));
        assert_eq!(source.line_text(3), None);
    }

    #[test]
    fn invalid_utf8_reports_where_it_starts() {
        let (_, pos) = Source::from_bytes("x.yaml", b"a: b\nc: \xff".to_vec()).unwrap_err();
        assert_eq!(pos, Pos { line: 2, col: 4 });
    }
}
