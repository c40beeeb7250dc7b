//! The temporary an output's new content is staged in: a name no other writer can
//! pick, created exclusively, and locked for as long as its writer holds it.
//!
//! A temporary of the output `<output>` is named `.<output>.<token>.tmp` beside it, where
//! `<token>` is 16 lowercase hexadecimal digits drawn at random for each temporary.
//! Nothing about the name depends on the process: two builds in separate PID namespaces
//! (containers sharing a checkout), both at pid 1, still pick different names, and
//! `create_new` (`O_EXCL`) makes sure that a name already taken is never shared: the
//! writer draws again.
//!
//! Its writer holds an exclusive advisory lock on it (`flock` on Unix) from just after
//! creating it until it is renamed over its output or removed. The lock is released by
//! the kernel when the writer's process ends, however it ends, so a temporary nobody
//! holds belongs to a writer that is gone: the private `stale` module removes those.
//!
//! The one moment the lock cannot cover is between creating the file and locking it. A
//! cleaner that finds the temporary unlocked then removes it while holding the lock
//! itself; the writer's `lock` waits for that and then sees that its name no longer
//! leads to its file, and draws a new name. So a live writer never loses its temporary.

use std::collections::hash_map::RandomState;
use std::fs::{self, File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::folder_of;

/// How many names a writer draws before it gives up: a name is taken only by a
/// collision of 64 random bits, or by a cleaner that removed it (see the module doc).
const ATTEMPTS: u32 = 16;

/// The digits of a token.
const TOKEN_LEN: usize = 16;

/// A staged temporary: its path, and the open file whose lock says its writer is alive.
#[derive(Debug)]
pub(super) struct Temporary {
    path: PathBuf,
    /// Open (and locked) until the rename; `None` once closed for it.
    file: Option<File>,
}

impl Temporary {
    /// Creates, locks and fills the temporary of `output`, flushed to disk.
    ///
    /// # Errors
    /// The I/O error of creating, locking or writing it; a temporary created before the
    /// error is removed.
    pub(super) fn write(output: &Path, content: &[u8]) -> io::Result<Self> {
        let (path, mut file) = create(output)?;
        let filled = file.write_all(content).and_then(|()| file.sync_all());
        let temporary = Self {
            path,
            file: Some(file),
        };
        if let Err(error) = filled {
            temporary.remove();
            return Err(error);
        }
        Ok(temporary)
    }

    /// Renames the temporary over `output`. On Unix the lock is held through the rename,
    /// so no cleaner can take the temporary first; elsewhere an open file cannot be
    /// renamed, so it is closed just before.
    ///
    /// # Errors
    /// The rename's error, with the temporary given back so that it can be removed.
    pub(super) fn rename_over(mut self, output: &Path) -> Result<(), (Self, io::Error)> {
        if !cfg!(unix) {
            self.file = None;
        }
        match fs::rename(&self.path, output) {
            Ok(()) => Ok(()),
            Err(error) => Err((self, error)),
        }
    }

    /// Removes the temporary; best effort, as a temporary is never read.
    pub(super) fn remove(self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Creates the temporary file of `output` under a fresh name and locks it.
fn create(output: &Path) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let path = temporary_path(output, &token());
        let file = match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                last = Some(e);
                continue;
            }
            Err(e) => return Err(e),
        };
        if let Err(e) = lock(&file) {
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        if still_named(&file, &path)? {
            return Ok((path, file));
        }
        last = Some(io::Error::other("a cleaner removed the temporary"));
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// Takes the lock, waiting for a cleaner that holds it. Where the file system has no
/// locks the temporary is kept without one (the stale module then goes by age).
fn lock(file: &File) -> io::Result<()> {
    match file.lock() {
        Err(e) if e.kind() != io::ErrorKind::Unsupported => Err(e),
        _ => Ok(()),
    }
}

/// Whether `path` still names the file `file` is open on (a cleaner may have removed it
/// between its creation and its lock).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt as _;
    let open = file.metadata()?;
    Ok(fs::symlink_metadata(path)
        .is_ok_and(|named| named.dev() == open.dev() && named.ino() == open.ino()))
}

#[cfg(not(unix))]
fn still_named(_file: &File, path: &Path) -> io::Result<bool> {
    Ok(path.exists())
}

/// `.<name>.<token>.tmp` beside `output`.
fn temporary_path(output: &Path, token: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    folder_of(output).join(format!(".{name}.{token}.tmp"))
}

/// Whether `name` is exactly `.<output>.<token>.tmp` for one of `outputs`.
pub(super) fn is_temporary_of(name: &str, outputs: &std::collections::BTreeSet<String>) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((output, token)) = inner.rsplit_once('.') else {
        return false;
    };
    let is_token = token.len() == TOKEN_LEN
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    is_token && outputs.contains(output)
}

/// 64 random bits as 16 hexadecimal digits. The standard library's hasher keys are
/// drawn from the operating system's random source; the process id, the time and a
/// counter are mixed in so that two draws in one process differ as well.
fn token() -> String {
    static DRAWS: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(DRAWS.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn only_the_exact_pattern_of_an_output_is_a_temporary() {
        let outputs: BTreeSet<String> = ["api.md", "errcat.rs"].map(String::from).into();
        let is = |name: &str| is_temporary_of(name, &outputs);
        assert!(is(".api.md.0123456789abcdef.tmp"));
        assert!(is(".errcat.rs.ffffffffffffffff.tmp"));
        for other in [
            "api.md",
            ".api.md.tmp",
            ".api.md.4242.tmp",
            ".api.md.0123456789ABCDEF.tmp",
            ".api.md.0123456789abcdeg.tmp",
            ".api.md.0123456789abcdef0.tmp",
            ".api.md.0123456789abcdef.tmp.bak",
            "api.md.0123456789abcdef.tmp",
            ".other.md.0123456789abcdef.tmp",
        ] {
            assert!(!is(other), "{other} is not a temporary of ours");
        }
    }

    #[test]
    fn every_draw_is_a_fresh_token_of_the_pattern() {
        let tokens: BTreeSet<String> = (0..1000).map(|_| token()).collect();
        assert_eq!(tokens.len(), 1000, "no token drawn twice");
        let outputs: BTreeSet<String> = ["a.md".to_owned()].into();
        for token in &tokens {
            assert!(is_temporary_of(&format!(".a.md.{token}.tmp"), &outputs));
        }
    }
}
