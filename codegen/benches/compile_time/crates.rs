//! The two measured crates on disk: their manifests, their sources and timed
//! `cargo build --release` runs, each crate with its own target folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Which of the two crates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The crate holding errcat-codegen's output.
    Generated,
    /// The hand-written-style thiserror crate.
    Thiserror,
}

impl Kind {
    /// The package and folder name.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Self::Generated => "bench_generated",
            Self::Thiserror => "bench_thiserror",
        }
    }
}

/// One measured crate: a folder with a manifest, `src/` and its own target folder.
pub(crate) struct Crate {
    kind: Kind,
    dir: PathBuf,
}

impl Crate {
    /// Creates (or reuses) the crate folder under `root` and writes its manifest.
    pub(crate) fn create(root: &Path, kind: Kind, workspace: &Path) -> Self {
        let dir = root.join(kind.name());
        fs::create_dir_all(dir.join("src")).expect("crate folder can be created");
        fs::write(dir.join("Cargo.toml"), manifest(kind, workspace)).expect("manifest written");
        // Start from the workspace's lock file so dependencies have the same versions.
        let _ = fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock"));
        Self { kind, dir }
    }

    /// Writes the sources: `(file name in src/, content)`. Writing always makes them newer
    /// than the last build, so the next build recompiles the crate.
    pub(crate) fn write_sources(&self, files: &[(&str, String)]) {
        for (name, content) in files {
            fs::write(self.dir.join("src").join(name), content).expect("source written");
        }
    }

    /// Runs `cargo build --release` and returns how long it took, or cargo's report when
    /// the build fails (say, rustc killed for want of memory). With `timings`, cargo also
    /// writes its HTML report.
    pub(crate) fn build(&self, timings: bool) -> Result<Duration, String> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command
            .current_dir(&self.dir)
            .args(["build", "--release", "--quiet"])
            .env("CARGO_TARGET_DIR", self.target_dir())
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        if timings {
            command.arg("--timings");
        }
        let start = Instant::now();
        let output = command.output().expect("cargo can be started");
        let elapsed = start.elapsed();
        if output.status.success() {
            Ok(elapsed)
        } else {
            Err(format!(
                "building {} failed after {:.1} s:\n{}",
                self.kind.name(),
                elapsed.as_secs_f64(),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    }

    /// Which crate this is.
    pub(crate) const fn kind(&self) -> Kind {
        self.kind
    }

    /// The crate's own target folder.
    pub(crate) fn target_dir(&self) -> PathBuf {
        self.dir.join("target")
    }
}

/// The crate's `Cargo.toml`: its own workspace, and the dependencies its code needs.
fn manifest(kind: Kind, workspace: &Path) -> String {
    let dependencies = match kind {
        Kind::Generated => root_dependencies(workspace),
        Kind::Thiserror => "[dependencies]\nthiserror = \"2\"\n".to_owned(),
    };
    format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [workspace]\n\n{dependencies}",
        kind.name()
    )
}

/// The `[dependencies]` sections of the workspace's root crate, which includes the
/// generated code: whatever the generated code needs, that crate depends on. Its features
/// are left out: they only turn on HTTP glue, which the benchmark's builder does not ask
/// for, so optional dependencies stay unbuilt.
fn root_dependencies(workspace: &Path) -> String {
    let text = fs::read_to_string(workspace.join("Cargo.toml")).expect("root Cargo.toml readable");
    let mut out = String::new();
    let mut keep = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            let header = trimmed.trim_matches(['[', ']']);
            keep = header == "dependencies" || header.starts_with("dependencies.");
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
