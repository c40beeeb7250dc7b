//! Removing the temporaries that killed runs left behind.
//!
//! A file is a stale temporary when all of these hold:
//!
//! - it sits in a folder this run writes, and its name is exactly `.<output>.<pid>.tmp`,
//!   where `<output>` is a file this run writes into that folder and `<pid>` is a pid as
//!   this generator prints it (decimal, no sign, no leading zero);
//! - `<pid>` is not this process (this run's own temporaries are overwritten by staging);
//! - the process `<pid>` no longer runs.
//!
//! Why not simply every temporary that is not ours: two builds may write the same docs
//! folder at the same time (`cargo build` and an editor's `cargo check` with another
//! target folder both run the build script). Removing the other build's temporary
//! between its write and its rename would fail that build. So a live writer's
//! temporaries are kept; its own rename removes them.
//!
//! How "no longer runs" is known: on Linux, `/proc/<pid>` exists exactly as long as the
//! process does. Where there is no `/proc`, the standard library cannot ask, so a
//! temporary counts as stale once it is older than [`WRITER_LIFETIME`]: a writer keeps
//! its temporaries only while it writes and flushes a few files. A dead run's pid reused
//! by an unrelated process keeps that temporary until a later run: harmless, as
//! temporaries are never read.
//!
//! Removal is best effort: a temporary that cannot be removed does not fail the build,
//! since outputs never depend on temporaries.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::time::Duration;

use super::folder_of;

/// Where liveness cannot be asked, how old a temporary must be to count as stale.
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
    let own = std::process::id();
    for (folder, names) in by_folder {
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name.to_str().and_then(|n| temporary_pid(n, &names)) else {
                continue;
            };
            let path = entry.path();
            if pid != own && is_gone(pid, &path) {
                let _ = fs::remove_file(path);
            }
        }
    }
}

/// The pid in `name` when `name` is exactly `.<output>.<pid>.tmp` for one of `outputs`.
fn temporary_pid(name: &str, outputs: &BTreeSet<String>) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (output, digits) = inner.rsplit_once('.')?;
    let pid: u32 = digits.parse().ok()?;
    (outputs.contains(output) && pid.to_string() == digits).then_some(pid)
}

/// Whether the process that wrote the temporary at `path` has ended.
fn is_gone(pid: u32, path: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > WRITER_LIFETIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_pattern_of_an_output_is_a_temporary() {
        let outputs: BTreeSet<String> = ["api.md", "errcat.rs"].map(String::from).into();
        let pid = |name: &str| temporary_pid(name, &outputs);
        assert_eq!(pid(".api.md.4242.tmp"), Some(4242));
        assert_eq!(pid(".errcat.rs.7.tmp"), Some(7));
        for other in [
            "api.md",
            ".api.md.tmp",
            ".api.md.x1.tmp",
            ".api.md.+12.tmp",
            ".api.md.012.tmp",
            ".api.md.12.tmp.bak",
            "api.md.12.tmp",
            ".other.md.12.tmp",
            ".api.md.99999999999.tmp",
        ] {
            assert_eq!(pid(other), None, "{other} is not a temporary of ours");
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn this_process_is_not_gone() {
        let here = std::env::temp_dir();
        assert!(!is_gone(std::process::id(), &here));
    }
}
