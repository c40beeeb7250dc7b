//! Writing output: only when the content changed, each file atomically, and the outputs
//! of one run as a set.
//!
//! A run writes in three steps:
//!
//! 1. **Clean.** Every folder about to be written loses the temporaries that earlier,
//!    killed runs left behind: files named `.<output>.<token>.tmp`, where `<output>` is a
//!    file this run writes into that folder and no writer holds the file's lock (the
//!    private `stale` module says how that is decided). No other file is touched.
//! 2. **Stage.** Every output whose content differs is written to a temporary
//!    `.<output>.<token>.tmp` beside it, `<token>` random, created exclusively and
//!    locked by this run (the private `temporary` module), and flushed to disk
//!    (`fsync`), its folder created first if missing. Unchanged outputs are not touched,
//!    so their modification times stay.
//! 3. **Commit.** Only when every temporary is on disk is each renamed over its output,
//!    in the order given; then (on Unix) each folder is flushed, so the renames are
//!    durable.
//!
//! What that guarantees:
//!
//! - No reader ever sees a truncated output: a rename replaces a whole file by a whole
//!   file.
//! - A run killed before its first rename (during steps 1 or 2, the long part) leaves
//!   every output as the previous run wrote it: the old set, complete.
//! - A run killed during step 3 leaves a mix: outputs renamed so far hold the new
//!   content, the rest the old. Each is whole. The next run, which regenerates the same
//!   content from the same catalogs, rewrites exactly the outputs that differ and removes
//!   the leftover temporaries, so the set is consistent again after it.
//! - A failed write (a full disk, say) removes this run's temporaries before it returns
//!   the error; a failure during step 3 leaves the mix described above.
//!
//! A run that makes its outputs one at a time (the build script, so that only one is in
//! memory at once) stages each as it is made ([`Staged::add`]) and cleans after staging
//! ([`Staged::remove_stale_temporaries`]): the guarantees are the same, since a
//! temporary of a running process is never removed.
//!
//! Renames are atomic only within one file system, which a temporary beside its output
//! always shares. The set is not replaced in one atomic step (no portable file system
//! call does that); the repair by the next run is what makes it whole.

mod stale;
mod temporary;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use temporary::Temporary;

/// Whether a write changed the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file held other content, or did not exist, and was replaced.
    Changed,
    /// The file already held exactly this content and was left alone, mtime included.
    Unchanged,
}

/// Writes `content` to `path` unless it already holds exactly that: [`write_all`] with
/// one file.
///
/// # Errors
/// Returns the I/O error of reading, writing or renaming.
pub fn write_if_changed(path: &Path, content: &[u8]) -> io::Result<Written> {
    let written = write_all(&[(path, content)])?;
    Ok(written.first().copied().unwrap_or(Written::Unchanged))
}

/// Writes a set of outputs (path and content) as the module doc describes: removes stale
/// temporaries, stages every changed output, then renames them all. Returns what happened
/// to each output, in the order given.
///
/// # Errors
/// Returns the first I/O error of reading, writing or renaming; its message names the file.
pub fn write_all(files: &[(&Path, &[u8])]) -> io::Result<Vec<Written>> {
    stale::remove_stale_temporaries(files.iter().map(|(path, _)| *path));
    stage(files)?.commit()
}

/// Writes the temporary of every output whose content differs, flushed to disk, and
/// renames nothing yet: a kill after this leaves the old outputs in place.
///
/// # Errors
/// Returns the first I/O error; the temporaries written so far are removed.
pub fn stage(files: &[(&Path, &[u8])]) -> io::Result<Staged> {
    let mut staged = Staged::new();
    for (path, content) in files {
        staged.add(path, content)?;
    }
    Ok(staged)
}

/// Outputs whose new content is on disk in temporaries, waiting to be renamed. Dropping
/// it without [`Staged::commit`] removes the temporaries and leaves the outputs as they
/// were.
#[derive(Debug, Default)]
pub struct Staged {
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    path: PathBuf,
    /// The temporary holding the new content; `None` when the output is unchanged or
    /// already renamed.
    temporary: Option<Temporary>,
}

impl Staged {
    /// Nothing staged yet: outputs made one at a time are staged with [`Staged::add`] as
    /// each is made, so that only one is in memory at a time.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Stages one output as [`stage`] does: writes its temporary, flushed to disk, when
    /// `content` differs from the file's; renames nothing.
    ///
    /// # Errors
    /// Returns the I/O error; dropping `self` then removes the temporaries written so far.
    pub fn add(&mut self, path: &Path, content: &[u8]) -> io::Result<()> {
        let unchanged = fs::read(path).is_ok_and(|old| old == content);
        let temporary = if unchanged {
            None
        } else {
            // Outputs may sit in subfolders (a catalog's book): create them first.
            fs::create_dir_all(folder_of(path)).map_err(|e| at(path, e))?;
            Some(Temporary::write(path, content).map_err(|e| at(path, e))?)
        };
        self.entries.push(Entry {
            path: path.to_path_buf(),
            temporary,
        });
        Ok(())
    }

    /// Removes the temporaries killed runs left beside the staged outputs (step 1 of the
    /// module doc, for a run that staged its outputs as it made them). This run's own
    /// temporaries stay: its process is running.
    pub fn remove_stale_temporaries(&self) {
        stale::remove_stale_temporaries(self.entries.iter().map(|e| e.path.as_path()));
    }

    /// Renames every temporary over its output, in order, then flushes the folders.
    ///
    /// # Errors
    /// Returns the first I/O error of renaming; outputs renamed before it keep their new
    /// content, and the remaining temporaries are removed.
    pub fn commit(mut self) -> io::Result<Vec<Written>> {
        let mut written = Vec::with_capacity(self.entries.len());
        for entry in &mut self.entries {
            match entry.temporary.take() {
                Some(temporary) => {
                    if let Err((temporary, e)) = temporary.rename_over(&entry.path) {
                        entry.temporary = Some(temporary);
                        return Err(at(&entry.path, e));
                    }
                    written.push(Written::Changed);
                }
                None => written.push(Written::Unchanged),
            }
        }
        sync_folders(self.entries.iter().map(|e| e.path.as_path()));
        Ok(written)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for temporary in self.entries.iter_mut().filter_map(|e| e.temporary.take()) {
            temporary.remove();
        }
    }
}

/// The folder holding `path`; `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Flushes each folder once, so that its renames survive a crash. Unix only (a folder
/// cannot be opened as a file elsewhere), and best effort: the renames are done, and a
/// file system that cannot flush a folder does not fail the build.
fn sync_folders<'a>(paths: impl Iterator<Item = &'a Path>) {
    if !cfg!(unix) {
        return;
    }
    let mut folders: Vec<&Path> = paths.map(folder_of).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let _ = fs::File::open(folder).and_then(|f| f.sync_all());
    }
}

/// The error `e` with the file it concerns in its message.
fn at(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests;
