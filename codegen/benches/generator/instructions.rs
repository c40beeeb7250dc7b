//! Instruction counts of one build, by callgrind: the same work in every run of the
//! bench on any machine, so the cost per error at 100 and 1,000 errors compares the
//! generator's fixed cost per catalog with its cost per error without the noise a
//! shared machine puts into short CPU times. The count is that of a child building the
//! catalog once (`--count N`: parsing, checking and every output, all threads) less
//! that of a child only synthesising it (`--count-baseline N`).

use crate::report::{SPREAD_TARGET, largest_over_smallest, one_target, thousands};
use std::path::Path;
use std::process::Command;

/// The sizes counted: a build of 10,000 errors at opt-level 0 takes minutes under
/// callgrind.
pub(crate) const SIZES: [usize; 2] = [100, 1_000];

/// Whether `valgrind` can be run.
pub(crate) fn available() -> bool {
    Command::new("valgrind").arg("--version").output().is_ok()
}

/// Instructions per error of building `errors` errors once with `binary`.
pub(crate) fn per_error(binary: &Path, errors: usize) -> f64 {
    let build = count(binary, "--count", errors);
    let baseline = count(binary, "--count-baseline", errors);
    build.saturating_sub(baseline) as f64 / errors as f64
}

/// The instructions callgrind counts for one child.
fn count(binary: &Path, mode: &str, errors: usize) -> u64 {
    count_child(binary, &[mode, &errors.to_string()])
}

/// The instructions callgrind counts for one child run with `args`.
pub(crate) fn count_child(binary: &Path, args: &[&str]) -> u64 {
    let what = args.join(" ");
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(binary)
        .args(args)
        .output()
        .expect("valgrind runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{what} failed under callgrind:\n{stderr}"
    );
    stderr
        .lines()
        .find_map(|line| line.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no instruction count from callgrind:\n{stderr}"))
}

/// Counts and prints the table of one profile (its heading printed already).
pub(crate) fn measure_and_print(binary: &Path) {
    if !available() {
        println!("\nvalgrind not found: instruction counts left out.");
        return;
    }
    eprintln!("  counting instructions under callgrind");
    let counts: Vec<(usize, f64)> = SIZES
        .iter()
        .map(|&errors| (errors, per_error(binary, errors)))
        .collect();
    println!("\n| errors | instructions per error (callgrind, one build) |");
    println!("|---:|---:|");
    for (errors, per_error) in &counts {
        println!(
            "| {} | {} |",
            thousands(*errors),
            thousands(per_error.round() as usize)
        );
    }
    let costs: Vec<f64> = counts.iter().map(|(_, cost)| *cost).collect();
    let spread = largest_over_smallest(&costs);
    let label = format!(
        "per-error instructions within {SPREAD_TARGET}x, {} to {} errors",
        thousands(SIZES[0]),
        thousands(SIZES[1])
    );
    one_target(&label, format!("{spread:.2}x"), spread <= SPREAD_TARGET);
}
