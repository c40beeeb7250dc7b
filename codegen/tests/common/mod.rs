//! Helpers shared by the robustness tests: running the pipeline under a watchdog and
//! checking that every diagnostic is located and names its file.

#![allow(dead_code)]

use errcat_codegen::{Catalog, Diagnostics, Source, compile};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// The two shipped catalogs (`catalog/*.yaml`), compiled; panics with the report if they
/// do not compile.
pub fn shipped_catalogs() -> Vec<Catalog> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources: Vec<Source> = errcat_codegen::Builder::new()
        .catalog_dir("catalog")
        .read_sources(&root)
        .expect("catalog folder is readable")
        .expect("catalogs are UTF-8");
    compile(&sources).unwrap_or_else(|d| panic!("shipped catalogs must compile:\n{d}"))
}

/// The catalogs of every `*.yaml` in `dir` (relative to the crate), compiled one file
/// at a time so that each folder's files may reuse names; panics with the report of a
/// file that does not compile.
pub fn catalogs_in(dir: &str) -> Vec<Catalog> {
    let sources: Vec<Source> = errcat_codegen::Builder::new()
        .catalog_dir(dir)
        .read_sources(Path::new(env!("CARGO_MANIFEST_DIR")))
        .expect("folder is readable")
        .expect("files are UTF-8");
    sources
        .into_iter()
        .flat_map(|source| {
            compile(std::slice::from_ref(&source))
                .unwrap_or_else(|d| panic!("{} must compile:\n{d}", source.name))
        })
        .collect()
}

/// The shipped catalogs and those of the test folders (`tests/good`, the fixtures).
pub fn test_catalogs() -> Vec<Catalog> {
    let mut all = shipped_catalogs();
    for dir in ["tests/good", "tests/fixtures/ok", "tests/fixtures/openapi"] {
        all.extend(catalogs_in(dir));
    }
    all
}

/// The folders of the body cases (`tests/bodies/*` holding a `catalog.yaml`), sorted.
pub fn body_case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies");
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .expect("tests/bodies is readable")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.join("catalog.yaml").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// A body case's catalog as a source named after its folder (`<case>.yaml`).
pub fn body_case_source(dir: &Path) -> Source {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(dir.join("catalog.yaml")).expect("catalog.yaml");
    Source::new(format!("{name}.yaml"), text)
}

/// One shipped catalog by name.
pub fn shipped_catalog(name: &str) -> Catalog {
    shipped_catalogs()
        .into_iter()
        .find(|c| c.name == name)
        .expect("catalog exists")
}

/// How long one catalog may take before the test calls it a hang. Far beyond any real
/// run (the slowest corpus file takes milliseconds), so that a debug build on a machine
/// loaded many times over still passes: this catches hangs, never slowness. Limits on
/// work (values, aliases, expansion) are asserted by the diagnostics they produce.
pub const HANG_LIMIT: Duration = Duration::from_secs(300);

/// Messages of diagnostics that concern a whole file and so carry no line.
const WHOLE_FILE: &[&str] = &[
    "catalog is empty",
    "catalog is larger than",
    "cannot name a Rust module",
    "is not snake case",
    "is reserved",
    "cannot read catalog",
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

/// Runs `cargo clippy -D warnings` on a scratch crate whose `lib.rs` is the generated
/// `rust` (one module per catalog), with the same dependencies as the workspace's own
/// crate. One call is one compile: tests batch many catalogs into one call.
pub fn clippy_generated_rust(name: &str, rust: &str) {
    let lib = format!(
        "//! Generated code under test.\n#![deny(warnings, missing_docs, unsafe_code)]\n\n{rust}"
    );
    let manifest = scratch_crate(name, "src/lib.rs", &lib);
    let output = cargo(
        &["clippy", "--quiet", "--offline", "--all-targets"],
        &manifest,
        &["--", "-D", "warnings"],
    );
    assert!(
        output.status.success(),
        "generated Rust in {} does not pass clippy:\n{}",
        manifest.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds and runs a scratch binary whose `main.rs` is `source` (generated Rust and a
/// driver), with `args`; returns its output once it has finished.
pub fn run_generated_binary(name: &str, source: &str, args: &[&str]) -> std::process::Output {
    let manifest = scratch_crate(name, "src/main.rs", source);
    let mut tail = vec!["--"];
    tail.extend_from_slice(args);
    cargo(&["run", "--quiet", "--offline"], &manifest, &tail)
}

/// As [`run_generated_binary`], with every optional dependency of the scratch crate
/// turned on: the crates the HTTP glue uses (`axum`, `actix-web`, `http`).
pub fn run_generated_binary_with_glue(name: &str, source: &str) -> std::process::Output {
    let manifest = scratch_crate(name, "src/main.rs", source);
    cargo(
        &["run", "--quiet", "--offline", "--all-features"],
        &manifest,
        &[],
    )
}

/// Writes a scratch crate with the workspace crate's dependencies and lock file and
/// one source file; returns its manifest's path.
fn scratch_crate(name: &str, file: &str, source: &str) -> std::path::PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let dependencies = dependencies_section(&workspace.join("Cargo.toml"));
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [workspace]\n\n{dependencies}"
    );
    fs::create_dir_all(dir.join("src")).expect("scratch crate folder");
    fs::write(dir.join("Cargo.toml"), manifest).expect("manifest written");
    fs::write(dir.join(file), source).expect("source written");
    fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock copied");
    dir.join("Cargo.toml")
}

/// Runs `cargo <command> --manifest-path <manifest> <tail>` in the shared scratch
/// target folder, without the caller's flags.
fn cargo(command: &[&str], manifest: &Path, tail: &[&str]) -> std::process::Output {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    Command::new(env!("CARGO"))
        .args(command)
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(tmp.join("generated-rust-target"))
        .args(tail)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo runs")
}

/// The `[dependencies]` table of a manifest, header included.
fn dependencies_section(manifest: &Path) -> String {
    let text = fs::read_to_string(manifest).expect("workspace manifest");
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with('[') {
            inside = line.trim() == "[dependencies]";
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every string literal of a Rust source, doc comments included (they are `#[doc]`
/// string literals once tokenized), with escapes resolved.
pub fn string_literals(rust: &str) -> Vec<String> {
    let tokens: proc_macro2::TokenStream = rust.parse().expect("generated Rust tokenizes");
    let mut out = Vec::new();
    collect_literals(tokens, &mut out);
    out
}

fn collect_literals(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Group(group) => collect_literals(group.stream(), out),
            proc_macro2::TokenTree::Literal(literal) => {
                if let Ok(lit) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                    out.push(lit.value());
                }
            }
            _ => {}
        }
    }
}

/// CommonMark with GitHub's extensions, as readers' renderers parse the outputs: tables,
/// strikethrough, autolinks, task lists, footnotes and `$` math.
pub fn github_markdown() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options.extension.math_dollars = true;
    options
}
