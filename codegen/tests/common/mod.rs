//! Helpers shared by the robustness tests: running the pipeline under a watchdog and
//! checking that every diagnostic is located and names its file.

#![allow(dead_code)]

use errcat_codegen::{Catalog, Diagnostics, Source, compile};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// How long one catalog may take before the test calls it a hang. Deliberately generous
/// (debug build, shared machine): this catches hangs and runaway work, not slowness.
pub const HANG_LIMIT: Duration = Duration::from_secs(10);

/// Messages of diagnostics that concern a whole file and so carry no line.
const WHOLE_FILE: &[&str] = &[
    "catalog is empty",
    "catalog is larger than",
    "cannot name a Rust module",
    "both make module",
];

/// Compiles `sources` on a thread with the default 2 MiB stack (so deep recursion shows
/// up as a crash here, not only in a build script's bigger main stack), failing the test
/// on a panic or when it takes longer than [`HANG_LIMIT`].
pub fn compile_guarded(what: &str, sources: Vec<Source>) -> Result<Vec<Catalog>, Diagnostics> {
    let (send, receive) = mpsc::channel();
    let worker = thread::Builder::new()
        .name(format!("compile {what}"))
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let result = compile(&sources);
            let _ = send.send(result);
        })
        .expect("thread starts");
    match receive.recv_timeout(HANG_LIMIT) {
        Ok(result) => {
            worker.join().expect("worker finished");
            result
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("compiling {what} panicked"),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("compiling {what} took more than {HANG_LIMIT:?}: a hang")
        }
    }
}

/// Asserts that every diagnostic names `file`, shows it in its `-->` line, and has a
/// line number unless it is about the whole file.
pub fn assert_located(what: &str, file: &str, diagnostics: &Diagnostics) {
    assert!(
        !diagnostics.is_empty(),
        "{what}: an error without diagnostics"
    );
    for d in &diagnostics.0 {
        assert_eq!(d.file, file, "{what}: diagnostic names another file:\n{d}");
        assert!(
            d.to_string().contains(&format!("--> {file}")),
            "{what}: rendered diagnostic does not name the file:\n{d}"
        );
        let whole_file = WHOLE_FILE.iter().any(|m| d.message.contains(m));
        assert!(
            d.pos.line > 0 || whole_file,
            "{what}: diagnostic has no line:\n{d}"
        );
    }
}
