//! The rebuild ratio of issue 15: the CPU time of `cargo build` of errcat-seeds (the
//! workspace's root crate) after a catalog changes, over its time after a source file
//! changes. Both are incremental builds with warm caches; the catalog one also reruns the
//! build script, so the ratio is what the generator adds to an edit-compile cycle.
//!
//! A change is a new modification time (`File::set_modified`), which makes cargo rebuild
//! as an edit does, and leaves every file's content as it was.

use crate::procfs::CpuClock;
use crate::report;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

/// The catalog whose change is timed, from the workspace root.
const CATALOG: &str = "catalog/retrac.yaml";

/// The source file whose change is timed, from the workspace root.
const SOURCE: &str = "src/lib.rs";

/// Most CPU time after a catalog change, as a multiple of that after a source change:
/// issue 15's target (its "Why" quoted 1.5x, its list of targets says 1.2x).
const RATIO_TARGET: f64 = 1.2;

/// The medians of the rebuilds after one kind of change.
#[derive(Debug, Clone, Copy)]
struct Rebuild {
    /// CPU seconds of `cargo build` and everything it ran.
    cpu: f64,
    /// Wall-clock seconds of `cargo build`.
    wall: f64,
}

/// Measures `runs` rebuilds after each change, alternating, and prints their medians
/// and the ratio as Markdown.
pub(crate) fn measure_and_print(runs: usize) {
    let root = workspace_root();
    let clock = CpuClock::new();
    eprintln!(
        "rebuild ratio: warming up `cargo build` in {}",
        root.display()
    );
    build(&root, clock);
    let mut catalog = Vec::new();
    let mut source = Vec::new();
    for run in 1..=runs {
        touch(&root.join(CATALOG));
        catalog.push(build(&root, clock));
        touch(&root.join(SOURCE));
        source.push(build(&root, clock));
        eprintln!("  run {run}: {CATALOG} then {SOURCE}");
    }
    let (catalog, source) = (median(&catalog), median(&source));
    let ratio = catalog.cpu / source.cpu;
    let wall_ratio = catalog.wall / source.wall;
    println!("\n### Rebuild after an edit (`cargo build` of errcat-seeds, median of {runs})\n");
    println!("| changed file | CPU (s) | wall clock (s) |");
    println!("|---|---:|---:|");
    for (file, rebuild) in [(CATALOG, catalog), (SOURCE, source)] {
        println!("| `{file}` | {:.2} | {:.2} |", rebuild.cpu, rebuild.wall);
    }
    println!("| ratio | {ratio:.2}x | {wall_ratio:.2}x |");
    let label = format!("CPU after a catalog edit <= {RATIO_TARGET}x a source edit");
    report::one_target(&label, format!("{ratio:.2}x"), ratio <= RATIO_TARGET);
}

/// The folder of the workspace's root crate: this bench's crate is its `codegen/`.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("errcat-codegen lives in a folder of the workspace")
        .to_path_buf()
}

/// Gives `path` the modification time of now.
fn touch(path: &Path) {
    File::options()
        .append(true)
        .open(path)
        .and_then(|file| file.set_modified(SystemTime::now()))
        .unwrap_or_else(|e| panic!("cannot touch {}: {e}", path.display()));
}

/// One `cargo build` of errcat-seeds with its default features, timed.
fn build(root: &Path, clock: CpuClock) -> Rebuild {
    let cpu_before = clock.children_seconds();
    let start = Instant::now();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "-p", "errcat-seeds", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .stdout(Stdio::null())
        .status()
        .expect("cargo can be started");
    let wall = start.elapsed().as_secs_f64();
    assert!(status.success(), "`cargo build` of errcat-seeds failed");
    Rebuild {
        cpu: clock.children_seconds() - cpu_before,
        wall,
    }
}

/// The median CPU and the median wall-clock time, each of its own.
fn median(rebuilds: &[Rebuild]) -> Rebuild {
    let middle = |value: fn(&Rebuild) -> f64| {
        let mut values: Vec<f64> = rebuilds.iter().map(value).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    Rebuild {
        cpu: middle(|r| r.cpu),
        wall: middle(|r| r.wall),
    }
}
