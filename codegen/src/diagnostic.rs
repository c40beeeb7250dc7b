//! Diagnostics: every problem found in a catalog, rendered the way rustc renders errors.

use std::fmt::{self, Write as _};

use crate::source::{Pos, Source};

/// One problem found in a catalog, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The source file's display name, e.g. `catalog/retrac.yaml`.
    pub file: String,
    /// Where the problem is; line 0 when the problem concerns the whole file.
    pub pos: Pos,
    /// The one-line summary, e.g. `duplicate code "not_found"`.
    pub message: String,
    /// A short label shown under the marked snippet.
    pub label: String,
    /// The snippet line the position points into, if it is known.
    pub snippet: Option<String>,
    /// Further facts, e.g. where a duplicate was first defined.
    pub notes: Vec<String>,
    /// How to fix it, when there is something useful to say.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Starts a diagnostic about `source` at `pos`.
    pub fn new(source: &Source, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            file: source.name.clone(),
            pos,
            message: message.into(),
            label: String::new(),
            snippet: source.line_text(pos.line).map(str::to_owned),
            notes: Vec::new(),
            help: None,
        }
    }

    /// Sets the label shown under the snippet.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a note line.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the help line.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col`, or just the file when the position is unknown.
    pub fn location(&self) -> String {
        if self.pos.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.pos.line, self.pos.col)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line_no = self.pos.line.to_string();
        let pad = " ".repeat(line_no.len());
        writeln!(f, "error: {}", self.message)?;
        writeln!(f, "{pad}--> {}", self.location())?;
        if let Some(snippet) = &self.snippet {
            let shown = visible(snippet);
            let caret_at = shown
                .chars()
                .take(self.pos.col.saturating_sub(1) as usize)
                .count();
            writeln!(f, "{pad} |")?;
            writeln!(f, "{line_no} | {shown}")?;
            let marker = format!("{}^ {}", " ".repeat(caret_at), self.label);
            writeln!(f, "{pad} | {}", marker.trim_end())?;
        }
        for note in &self.notes {
            writeln!(f, "{pad} = note: {note}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// A snippet line made safe to print: tabs shown as one space, control characters as `?`,
/// long lines cut, so the caret still lines up and a terminal is never confused.
fn visible(line: &str) -> String {
    const MAX: usize = 160;
    let mut out: String = line
        .chars()
        .take(MAX)
        .map(|c| match c {
            '\t' => ' ',
            c if c.is_control() => '?',
            c => c,
        })
        .collect();
    if line.chars().count() > MAX {
        out.push_str(" ...");
    }
    out
}

/// Every problem found in one run, sorted by file, line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds a diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts by file, then position, so reports read top to bottom.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.pos, &a.message).cmp(&(&b.file, b.pos, &b.message)));
    }

    /// The lines a build script prints to make cargo fail with these diagnostics:
    /// one `cargo::error=` line per diagnostic line, so cargo shows each one in full.
    pub fn cargo_error_lines(&self) -> String {
        let mut out = String::new();
        for diagnostic in &self.0 {
            let rendered = diagnostic.to_string();
            let mut lines = rendered.lines();
            if let Some(first) = lines.next() {
                let _ = writeln!(out, "cargo::error={}", first.trim_start_matches("error: "));
            }
            for line in lines {
                let _ = writeln!(out, "cargo::error=  {line}");
            }
        }
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        let count = self.0.len();
        let plural = if count == 1 { "" } else { "s" };
        write!(
            f,
            "error: {count} problem{plural} found in the error catalogs"
        )
    }
}

impl std::error::Error for Diagnostics {}
