//! What build scripts call: find catalogs, compile them, write the outputs, and tell
//! cargo what to watch and what went wrong.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::emit;
use crate::emit::OutputFile;
use crate::emit::rust::RustOptions;
use crate::model::Catalog;
use crate::read;
use crate::source::Source;
use crate::write::{Staged, Written};

/// Configures and runs the generator, like `prost_build::Config`.
#[derive(Debug, Clone)]
pub struct Builder {
    catalog_dir: PathBuf,
    docs_dir: Option<PathBuf>,
    rust_file: String,
    rust_options: RustOptions,
}

/// Everything generated from a set of catalogs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The Rust source (one module per catalog), for `OUT_DIR`.
    pub rust: OutputFile,
    /// Docs and OpenAPI documents, for the docs folder.
    pub docs: Vec<OutputFile>,
}

impl Default for Builder {
    fn default() -> Self {
        Self::new()
    }
}

impl Builder {
    /// A builder reading `catalog/` and writing Rust only.
    pub fn new() -> Self {
        Self {
            catalog_dir: PathBuf::from("catalog"),
            docs_dir: None,
            rust_file: "errcat.rs".to_owned(),
            rust_options: RustOptions::default(),
        }
    }

    /// The folder holding `*.yaml` catalogs, relative to the crate root.
    #[must_use]
    pub fn catalog_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.catalog_dir = dir.into();
        self
    }

    /// The folder that receives docs and OpenAPI, relative to the crate root. It is
    /// written only when it exists, so `cargo package` (which forbids build scripts
    /// writing into the source tree) still passes.
    #[must_use]
    pub fn docs_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.docs_dir = Some(dir.into());
        self
    }

    /// The name of the Rust file written to `OUT_DIR`; `errcat.rs` by default.
    #[must_use]
    pub fn rust_file(mut self, name: impl Into<String>) -> Self {
        self.rust_file = name.into();
        self
    }

    /// Generates `http_status()` returning `http::StatusCode` (the crate must depend on
    /// `http` 1.x).
    #[must_use]
    pub fn http(mut self, on: bool) -> Self {
        self.rust_options.http = on;
        self
    }

    /// Generates axum's `IntoResponse` for every error (the crate must depend on `axum`
    /// 0.8 and `serde_json`).
    #[must_use]
    pub fn axum(mut self, on: bool) -> Self {
        self.rust_options.axum = on;
        self
    }

    /// Generates actix-web's `ResponseError` for every error (the crate must depend on
    /// `actix-web` 4 and `serde_json`).
    #[must_use]
    pub fn actix(mut self, on: bool) -> Self {
        self.rust_options.actix = on;
        self
    }

    /// Marks the generated `Code` and `Error` enums `#[non_exhaustive]`, for a crate
    /// published to integrators: a release that adds a code is then semver-compatible,
    /// since matches outside the crate must have a `_` arm.
    #[must_use]
    pub fn non_exhaustive(mut self, on: bool) -> Self {
        self.rust_options.non_exhaustive = on;
        self
    }

    /// Turns on each glue whose cargo feature (`http`, `axum`, `actix`) is enabled for
    /// the crate running this build script, read from `CARGO_FEATURE_*`.
    #[must_use]
    pub fn glue_from_features(self) -> Self {
        let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
        let (http, axum, actix) = (feature("HTTP"), feature("AXUM"), feature("ACTIX"));
        self.http(http).axum(axum).actix(actix)
    }

    /// Reads every `*.yaml` and `*.yml` file of the catalog folder under `root`, sorted
    /// by name, so output never depends on directory order. A file that cannot be read,
    /// is larger than [`crate::MAX_FILE_BYTES`] (checked before reading it) or is not
    /// UTF-8 is reported as a diagnostic naming it; all are reported at once.
    ///
    /// # Errors
    /// Returns the I/O error of listing the folder.
    pub fn read_sources(&self, root: &Path) -> io::Result<Result<Vec<Source>, Diagnostics>> {
        let mut diagnostics = Diagnostics::default();
        let mut sources = Vec::new();
        for path in self.catalog_files(root)? {
            let name = display_name(&self.catalog_dir, &path);
            match read::catalog(&path, name) {
                Ok(source) => sources.push(source),
                Err(diagnostic) => diagnostics.push(*diagnostic),
            }
        }
        Ok(if diagnostics.is_empty() {
            Ok(sources)
        } else {
            Err(diagnostics)
        })
    }

    fn catalog_files(&self, root: &Path) -> io::Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = fs::read_dir(root.join(&self.catalog_dir))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
            .collect();
        files.sort();
        Ok(files)
    }

    /// Every output for these catalogs, in a fixed order: [`Builder::rust`], then the
    /// files of [`Builder::each_doc`].
    pub fn generate(&self, catalogs: &[Catalog]) -> Generated {
        let mut docs = Vec::new();
        self.each_doc(catalogs, |file| docs.push(file));
        Generated {
            rust: self.rust(catalogs),
            docs,
        }
    }

    /// The Rust source for these catalogs (one module each), for `OUT_DIR`.
    pub fn rust(&self, catalogs: &[Catalog]) -> OutputFile {
        OutputFile {
            name: self.rust_file.clone(),
            content: emit::rust::emit_with(catalogs, self.rust_options),
        }
    }

    /// The docs and OpenAPI documents for these catalogs, in a fixed order, each handed
    /// to `sink` as soon as it is made. A caller that writes and drops each holds one at
    /// a time instead of all: at 10,000 errors they are about 130 MB of text. The build
    /// script does so.
    pub fn each_doc(&self, catalogs: &[Catalog], mut sink: impl FnMut(OutputFile)) {
        for catalog in catalogs {
            let name = &catalog.name;
            sink(OutputFile {
                name: format!("{name}.md"),
                content: emit::markdown::emit(catalog),
            });
            for (path, content) in emit::markdown::book::files(catalog) {
                sink(OutputFile {
                    name: format!("{name}/book/{path}"),
                    content,
                });
            }
            emit::openapi::each_file(catalog, &mut sink);
            sink(OutputFile {
                name: format!("{name}.errors.json"),
                content: emit::dictionary::emit(catalog),
            });
        }
        if !catalogs.is_empty() {
            sink(OutputFile {
                name: emit::dictionary::SCHEMA_FILE.to_owned(),
                content: emit::dictionary::schema(),
            });
        }
    }

    /// Runs inside a build script: watches the catalogs, writes the Rust to `OUT_DIR` and
    /// the docs to the docs folder (if it exists), and reports every problem with
    /// `cargo::error=` lines, which fail the build. All outputs are written as one set
    /// (see [`crate::write`]): a build killed before its renames leaves the previous set,
    /// and the next build repairs one killed during them.
    pub fn run_in_build_script(&self) {
        let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
        let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
        if let Err(message) = self.run(&root, &out_dir) {
            print!("{message}");
        }
    }

    /// Does the build script's work with explicit folders; returns the `cargo::` lines
    /// that report failure.
    fn run(&self, root: &Path, out_dir: &Path) -> Result<(), String> {
        let dir = root.join(&self.catalog_dir);
        if dir.is_dir() {
            println!("cargo::rerun-if-changed={}", dir.display());
        }
        let io_error = |e: io::Error| {
            format!(
                "cargo::error=cannot read the catalogs in {}: {e}\n",
                self.catalog_dir.display()
            )
        };
        for file in self.catalog_files(root).map_err(io_error)? {
            println!("cargo::rerun-if-changed={}", file.display());
        }
        let sources = self
            .read_sources(root)
            .map_err(io_error)?
            .map_err(|d| d.cargo_error_lines())?;
        let catalogs = crate::compile(&sources).map_err(|d| d.cargo_error_lines())?;
        for note in catalogs.iter().flat_map(Catalog::notes) {
            println!("cargo::warning={note}");
        }
        let docs_dir = self
            .docs_dir
            .as_ref()
            .map(|d| root.join(d))
            .filter(|d| d.is_dir());
        if let Some(docs_dir) = &docs_dir {
            let shown = self
                .docs_dir
                .as_ref()
                .map(|d| d.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            crate::contract::guard_published(&catalogs, &sources, docs_dir, &shown)?;
        }
        self.write_outputs(&catalogs, out_dir, docs_dir.as_deref())
            .map_err(|e| format!("cargo::error=cannot write the outputs: {e}\n"))?;
        Ok(())
    }

    /// Writes the outputs as one set (see [`crate::write`]), each staged on disk as soon
    /// as it is made and then dropped: the Rust to `out_dir`, the docs to `docs_dir` when
    /// there is one.
    fn write_outputs(
        &self,
        catalogs: &[Catalog],
        out_dir: &Path,
        docs_dir: Option<&Path>,
    ) -> io::Result<Vec<Written>> {
        let mut staged = Staged::new();
        let rust = self.rust(catalogs);
        staged.add(&out_dir.join(&rust.name), rust.content.as_bytes())?;
        drop(rust);
        if let Some(docs_dir) = docs_dir {
            let mut failed = None;
            self.each_doc(catalogs, |file| {
                if failed.is_none() {
                    let path = docs_dir.join(&file.name);
                    failed = staged.add(&path, file.content.as_bytes()).err();
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
        }
        staged.remove_stale_temporaries();
        staged.commit()
    }
}

/// `catalog/retrac.yaml`: the catalog folder as configured and the file name, with `/`.
fn display_name(dir: &Path, path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = dir.to_string_lossy().replace('\\', "/");
    if dir.is_empty() || dir == "." {
        file
    } else {
        format!("{}/{file}", dir.trim_end_matches('/'))
    }
}

#[cfg(test)]
#[path = "builder_tests.rs"]
mod tests;
