//! Edit-cycle benchmark (not a test): what a user waits for after changing one error's
//! message. For each size, an incremental `cargo build` (dev profile) of a crate whose
//! build script generates its errors from a catalog, after one message is edited in the
//! catalog, beside the same edit in an equivalent hand-written thiserror + serde module
//! (the same variants, fields, messages, codes, statuses and a serde wire body), built
//! the same way. Prints wall-clock and CPU time of each and their ratios, one run.
//!
//! ```text
//! cargo bench -p errcat-codegen --bench edit_cycle                  # 200, 2,000, 10,000
//! cargo bench -p errcat-codegen --bench edit_cycle -- --runs 5 2000
//! ```
//!
//! Each crate is built once first (dependencies, and the crate itself at that size),
//! then each run edits the message (alternating two texts, so every run is a change)
//! and builds: the generated crate reruns its build script and compiles the module, the
//! hand-written crate recompiles its source. Medians of the runs. The crates live under
//! `target/tmp/edit_cycle/`, each with its own target folder.

#[path = "../shared/arms.rs"]
mod arms;
#[path = "../compile_time/baseline.rs"]
mod baseline;
#[path = "../compile_time/catalog.rs"]
mod catalog;
#[path = "../generator/procfs.rs"]
#[allow(dead_code)] // this bench reads only the children's CPU time
mod procfs;
mod project;

use errcat_codegen::{Source, compile};
use procfs::CpuClock;
use project::{Project, Timed};
use std::path::Path;

/// The sizes measured when none are given.
const DEFAULT_SIZES: [usize; 3] = [200, 2_000, 10_000];

/// The targets of issue 26: the most a catalog edit may take, as a multiple of the
/// hand-written edit, at a size.
const TARGETS: [(usize, f64); 2] = [(2_000, 1.0), (10_000, 1.2)];

fn main() {
    let (sizes, runs) = arguments();
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("edit_cycle");
    let clock = CpuClock::new();
    let generated = Project::generated(&root, &workspace);
    let handwritten = Project::handwritten(&root, &workspace);
    let mut rows = Vec::new();
    for &size in &sizes {
        let texts = [edited(size, 0), edited(size, 1)];
        eprintln!("{size} errors: first builds");
        generated.write_catalog(&texts[0]);
        handwritten.write_module(&module(&texts[0]));
        generated.build(clock);
        handwritten.build(clock);
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for run in 1..=runs {
            let text = &texts[run % 2];
            generated.write_catalog(text);
            ours.push(generated.build(clock));
            handwritten.write_module(&module(text));
            theirs.push(handwritten.build(clock));
            eprintln!("  run {run}: catalog edit, then module edit");
        }
        rows.push((size, Timed::median(&ours), Timed::median(&theirs)));
    }
    print_table(&rows, runs);
}

/// The sizes and the number of runs from the command line.
fn arguments() -> (Vec<usize>, usize) {
    let mut sizes = Vec::new();
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bench" => {}
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--runs takes a number above 0");
            }
            other => sizes.push(other.replace(['_', ','], "").parse().unwrap_or_else(|_| {
                panic!("expected a number of errors or `--runs N`, got `{other}`")
            })),
        }
    }
    if sizes.is_empty() {
        sizes = DEFAULT_SIZES.to_vec();
    }
    (sizes, runs)
}

/// The synthesised catalog of `size` errors with the message of its middle error in
/// version `edit` (0 or 1): an edit changes one message and nothing else.
fn edited(size: usize, edit: usize) -> String {
    let text = catalog::yaml_with(size, catalog::Names::Shared);
    // Errors whose index is a multiple of 6 have the message `Step N failed`.
    let middle = size / 2 - (size / 2) % 6;
    let before = format!("message: \"Step {middle} failed\"");
    assert!(
        text.contains(&before),
        "error {middle} has the expected message"
    );
    let after = format!("message: \"Step {middle} failed (wording {edit})\"");
    text.replacen(&before, &after, 1)
}

/// The hand-written module equivalent to the catalog `text`.
fn module(text: &str) -> String {
    let catalogs = compile(&[Source::new("bench.yaml", text)])
        .unwrap_or_else(|d| panic!("the synthesised catalog must compile:\n{d}"));
    baseline::source_with(&catalogs[0], baseline::Wire::Serde)
}

/// The medians as a Markdown table, and each target met or missed.
fn print_table(rows: &[(usize, Timed, Timed)], runs: usize) {
    println!(
        "\n### Edit cycle: one message edited, `cargo build` (dev profile), median of {runs}\n"
    );
    println!(
        "| errors | catalog edit CPU (s) | hand-written edit CPU (s) | CPU ratio | catalog edit wall (s) | hand-written edit wall (s) | wall ratio |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for (size, ours, theirs) in rows {
        println!(
            "| {size} | {:.2} | {:.2} | {:.2}x | {:.2} | {:.2} | {:.2}x |",
            ours.cpu,
            theirs.cpu,
            ours.cpu / theirs.cpu,
            ours.wall,
            theirs.wall,
            ours.wall / theirs.wall
        );
    }
    println!();
    for (size, target) in TARGETS {
        let Some((_, ours, theirs)) = rows.iter().find(|(s, _, _)| *s == size) else {
            continue;
        };
        let ratio = ours.wall / theirs.wall;
        let verdict = if ratio <= target { "met" } else { "missed" };
        println!(
            "- {size} errors, wall clock <= {target}x the hand-written edit: {ratio:.2}x, {verdict}"
        );
    }
}
