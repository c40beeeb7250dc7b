//! The two crates the edit-cycle benchmark builds: one generating its errors from a
//! catalog in its build script, one holding the hand-written module. Each has its own
//! folder and target folder under the benchmark's root.

use crate::procfs::CpuClock;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One crate on disk.
pub(crate) struct Project {
    dir: PathBuf,
}

/// The CPU and wall-clock seconds of one build.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timed {
    /// CPU seconds of `cargo build` and everything it ran (rustc, the build script).
    pub(crate) cpu: f64,
    /// Wall-clock seconds of `cargo build`.
    pub(crate) wall: f64,
}

impl Timed {
    /// The median CPU and the median wall-clock time, each of its own.
    pub(crate) fn median(runs: &[Self]) -> Self {
        let middle = |value: fn(&Self) -> f64| {
            let mut values: Vec<f64> = runs.iter().map(value).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        Self {
            cpu: middle(|t| t.cpu),
            wall: middle(|t| t.wall),
        }
    }
}

impl Project {
    /// The crate that generates its errors: a build script running errcat-codegen on
    /// `catalog/`, as a user's project does, and the dependencies the generated code
    /// needs.
    pub(crate) fn generated(root: &Path, workspace: &Path) -> Self {
        let codegen = workspace.join("codegen");
        let codegen = codegen.canonicalize().unwrap_or(codegen);
        let manifest = format!(
            "{}[dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
             [build-dependencies]\nerrcat-codegen = {{ path = {:?} }}\n",
            package("edit_generated"),
            codegen.display().to_string()
        );
        let project = Self::create(root, "edit_generated", &manifest, workspace);
        write(
            &project.dir.join("build.rs"),
            "fn main() {\n    errcat_codegen::Builder::new().catalog_dir(\"catalog\").run_in_build_script();\n}\n",
        );
        write(
            &project.dir.join("src/lib.rs"),
            "//! The errors of the edit-cycle benchmark's catalog.\ninclude!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n",
        );
        project
    }

    /// The crate holding the hand-written thiserror + serde module.
    pub(crate) fn handwritten(root: &Path, workspace: &Path) -> Self {
        let manifest = format!(
            "{}[dependencies]\nthiserror = \"2\"\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n",
            package("edit_handwritten")
        );
        Self::create(root, "edit_handwritten", &manifest, workspace)
    }

    fn create(root: &Path, name: &str, manifest: &str, workspace: &Path) -> Self {
        let dir = root.join(name);
        write(&dir.join("Cargo.toml"), manifest);
        // The workspace's lock file, so that dependencies have the same versions.
        let _ = fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock"));
        Self { dir }
    }

    /// Writes the catalog the build script reads.
    pub(crate) fn write_catalog(&self, text: &str) {
        write(&self.dir.join("catalog/bench.yaml"), text);
    }

    /// Writes the hand-written module.
    pub(crate) fn write_module(&self, text: &str) {
        write(&self.dir.join("src/lib.rs"), text);
    }

    /// One `cargo build` (dev profile), timed; panics with cargo's report on failure.
    pub(crate) fn build(&self, clock: CpuClock) -> Timed {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let cpu_before = clock.children_seconds();
        let start = Instant::now();
        let output = Command::new(cargo)
            .current_dir(&self.dir)
            .args(["build", "--quiet"])
            .env("CARGO_TARGET_DIR", self.dir.join("target"))
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .stdout(Stdio::null())
            .output()
            .expect("cargo can be started");
        let wall = start.elapsed().as_secs_f64();
        assert!(
            output.status.success(),
            "building {} failed:\n{}",
            self.dir.display(),
            String::from_utf8_lossy(&output.stderr)
        );
        Timed {
            cpu: clock.children_seconds() - cpu_before,
            wall,
        }
    }
}

/// A `[package]` of its own workspace.
fn package(name: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n\n"
    )
}

fn write(path: &Path, text: &str) {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).expect("folder can be created");
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
