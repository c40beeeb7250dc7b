//! The parent side: which binary measures each profile, and running it once per size
//! and run in a fresh process.

use crate::child::{Report, Stage};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The optimisation level the generator is measured at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Profile {
    /// Cargo's `dev` profile, opt-level 0: how a build script runs by default, in
    /// `cargo build` and `cargo build --release` alike.
    Dev,
    /// The profile `cargo bench` built this binary with (`bench`, from `release`):
    /// opt-level 3, for a build script with `opt-level = 3` in its `build-override`.
    Release,
}

impl Profile {
    /// The name given to `--profile`.
    pub(crate) fn parse(name: &str) -> Option<Self> {
        match name {
            "dev" => Some(Self::Dev),
            "release" => Some(Self::Release),
            _ => None,
        }
    }

    /// The heading of this profile's table.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Self::Dev => "opt-level 0 (`dev` profile, as a build script runs)",
            Self::Release => "opt-level 3 (`bench` profile, from `release`)",
        }
    }

    /// The optimisation level of this profile.
    pub(crate) fn opt_level(self) -> u8 {
        match self {
            Self::Dev => 0,
            Self::Release => 3,
        }
    }

    /// The binary that measures in this profile: this one for release; for dev, this
    /// bench built again with `cargo build --profile dev` (cargo prints where it is).
    pub(crate) fn binary(self) -> PathBuf {
        match self {
            Self::Release => std::env::current_exe().expect("the bench knows its own path"),
            Self::Dev => build_dev_binary(),
        }
    }
}

/// Builds this bench in the `dev` profile, into the same target folder, and returns the
/// executable cargo reports.
fn build_dev_binary() -> PathBuf {
    eprintln!("building the generator bench with --profile dev");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = Command::new(env!("CARGO"))
        .args(["build", "--profile", "dev", "--bench", "generator"])
        .args([
            "--message-format",
            "json-render-diagnostics",
            "--manifest-path",
        ])
        .arg(manifest)
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo can be started");
    assert!(output.status.success(), "the dev build of the bench failed");
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "generator")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the bench's executable")
}

/// The CPU seconds of each stage for one catalog size, and the peak memory.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sample {
    /// Errors in the synthesised catalogs.
    pub(crate) errors: usize,
    /// `compile`: YAML parsing and checking.
    pub(crate) parse: f64,
    /// `emit::rust::emit` over all catalogs.
    pub(crate) rust: f64,
    /// `emit::markdown::emit` for each catalog.
    pub(crate) markdown: f64,
    /// `emit::openapi::files` for each catalog.
    pub(crate) openapi: f64,
    /// `Builder::generate`: every output.
    pub(crate) all: f64,
    /// Peak resident memory of parsing, checking and generating, in kilobytes.
    pub(crate) peak_kb: u64,
}

impl Sample {
    /// What a build script spends on this catalog: parsing, checking and all outputs.
    pub(crate) fn total(&self) -> f64 {
        self.parse + self.all
    }

    /// The seconds of one stage.
    fn stage(&self, stage: Stage) -> f64 {
        let mut copy = *self;
        *copy.stage_mut(stage)
    }

    /// The seconds of one stage, to set.
    fn stage_mut(&mut self, stage: Stage) -> &mut f64 {
        match stage {
            Stage::Parse => &mut self.parse,
            Stage::Rust => &mut self.rust,
            Stage::Markdown => &mut self.markdown,
            Stage::OpenApi => &mut self.openapi,
            Stage::All => &mut self.all,
        }
    }
}

/// The median of `runs` runs for each size, stage by stage; a run is one fresh process
/// per stage. The sizes take turns (each round measures every size once), so a change
/// in the machine's speed over the minutes of a run (other virtual machines on the
/// host) weighs on every size alike, not on the sizes measured while it lasted.
pub(crate) fn measure_sizes(binary: &Path, sizes: &[usize], runs: usize) -> Vec<Sample> {
    let mut samples: Vec<Vec<Sample>> = vec![Vec::new(); sizes.len()];
    for round in 1..=runs {
        for (&errors, taken) in sizes.iter().zip(&mut samples) {
            taken.push(run_stages(binary, errors));
        }
        eprintln!("  round {round} of {runs} done");
    }
    sizes
        .iter()
        .zip(&samples)
        .map(|(&errors, taken)| median(errors, taken))
        .collect()
}

/// The median of each stage and of the peak memory over the samples of one size.
fn median(errors: usize, samples: &[Sample]) -> Sample {
    let mut median = Sample {
        errors,
        ..Sample::default()
    };
    for stage in Stage::ALL {
        let mut values: Vec<f64> = samples.iter().map(|s| s.stage(stage)).collect();
        values.sort_by(f64::total_cmp);
        *median.stage_mut(stage) = values[values.len() / 2];
    }
    let mut peaks: Vec<u64> = samples.iter().map(|s| s.peak_kb).collect();
    peaks.sort_unstable();
    median.peak_kb = peaks[peaks.len() / 2];
    eprintln!(
        "  {errors:>6} errors: parse+check {:.3} s, all {:.3} s, peak {} MB",
        median.parse,
        median.all,
        median.peak_kb / 1024
    );
    median
}

/// One run of every stage; the peak memory is that of the `all` stage's process.
fn run_stages(binary: &Path, errors: usize) -> Sample {
    let mut sample = Sample {
        errors,
        ..Sample::default()
    };
    for stage in Stage::ALL {
        let report = run_once(binary, errors, stage);
        *sample.stage_mut(stage) = report.seconds;
        if stage == Stage::All {
            sample.peak_kb = report.peak_kb;
        }
    }
    sample
}

/// One child process measuring `stage` for `errors` errors.
fn run_once(binary: &Path, errors: usize, stage: Stage) -> Report {
    run_child(
        binary,
        &["--one", &errors.to_string(), "--stage", stage.name()],
    )
}

/// One child process run with `args`, and the report it prints.
pub(crate) fn run_child(binary: &Path, args: &[&str]) -> Report {
    let output = Command::new(binary)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("the bench can start itself");
    let stdout = String::from_utf8_lossy(&output.stdout);
    Report::from_output(&stdout)
        .filter(|_| output.status.success())
        .unwrap_or_else(|| panic!("`{}` failed: {stdout}", args.join(" ")))
}
