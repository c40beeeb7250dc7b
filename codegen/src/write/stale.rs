//! Removing the temporaries that killed runs left behind.
//!
//! A file is a stale temporary when both hold:
//!
//! - it sits in a folder this run writes, and its name is exactly
//!   `.<output>.<token>.tmp` (the `temporary` module's pattern), where `<output>` is a
//!   file this run writes into that folder;
//! - no writer holds it: its lock can be taken. Every writer locks its temporaries until
//!   it renames or removes them, and the kernel releases the lock when the writer's
//!   process ends, however it ends, in whatever PID namespace it ran.
//!
//! Why not simply every temporary: two builds may write the same docs folder at the same
//! time (`cargo build` and an editor's `cargo check` with another target folder both run
//! the build script, or two containers share a checkout). Removing the other build's
//! temporary between its write and its rename would fail that build.
//!
//! A cleaner removes a temporary while holding its lock, so that a writer that had just
//! created it (and not yet locked it) notices and draws another name (see the
//! `temporary` module). Where the file system has no locks, a temporary counts as stale
//! once it is older than [`WRITER_LIFETIME`]: a writer keeps its temporaries only while
//! it makes and flushes one run's outputs.
//!
//! Removal is best effort: a temporary that cannot be removed does not fail the build,
//! since outputs never depend on temporaries.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File, TryLockError};
use std::path::Path;
use std::time::Duration;

use super::folder_of;
use super::temporary::is_temporary_of;

/// Where locks are unsupported, how old a temporary must be to count as stale.
const WRITER_LIFETIME: Duration = Duration::from_secs(60 * 60);

/// Removes the stale temporaries of `outputs` from the folders holding them.
pub(super) fn remove_stale_temporaries<'a>(outputs: impl Iterator<Item = &'a Path>) {
    let mut by_folder: BTreeMap<&Path, BTreeSet<String>> = BTreeMap::new();
    for path in outputs {
        if let Some(name) = path.file_name() {
            let names = by_folder.entry(folder_of(path)).or_default();
            names.insert(name.to_string_lossy().into_owned());
        }
    }
    for (folder, names) in by_folder {
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            if file_name
                .to_str()
                .is_some_and(|name| is_temporary_of(name, &names))
            {
                remove_if_abandoned(&entry.path());
            }
        }
    }
}

/// Removes the temporary at `path` when no writer holds it, holding its lock meanwhile.
fn remove_if_abandoned(path: &Path) {
    let Ok(file) = File::open(path) else {
        return; // renamed or removed by its writer meanwhile
    };
    match file.try_lock() {
        Ok(()) => {
            let _ = fs::remove_file(path);
        }
        Err(TryLockError::WouldBlock) => {} // a live writer's
        Err(TryLockError::Error(_)) => {
            if is_older_than_a_writer(&file) {
                let _ = fs::remove_file(path);
            }
        }
    }
}

fn is_older_than_a_writer(file: &File) -> bool {
    file.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > WRITER_LIFETIME)
}
