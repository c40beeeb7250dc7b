//! The loaders side by side (`--loaders`): for the same synthesised catalog, the CPU
//! time and instructions of the YAML parser's events alone, of the event loader and of
//! serde-saphyr, each at opt-level 0 and 3, as ratios to serde-saphyr within the run.

use crate::instructions;
use crate::report::thousands;
use crate::runner::{Profile, run_child};
use errcat_codegen::loaders::Loader;
use std::path::Path;

/// The catalog size of the comparison when none is given.
pub(crate) const DEFAULT_ERRORS: usize = 10_000;

/// One loader's figures in one profile.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    /// Median CPU seconds of one read.
    seconds: f64,
    /// Instructions per error of one read, if valgrind is there.
    instructions: Option<f64>,
}

/// Measures every loader in every profile and prints the table.
pub(crate) fn measure_and_print(profiles: &[Profile], errors: usize, runs: usize) {
    let counted = instructions::available();
    let mut columns = Vec::new();
    for &profile in profiles {
        let binary = profile.binary();
        eprintln!("{}: {}", profile.title(), binary.display());
        // The instructions of a child that only synthesises the catalog, once per binary.
        let baseline = counted.then(|| {
            instructions::count_child(&binary, &["--count-baseline", &errors.to_string()])
        });
        let figures: Vec<Figures> = Loader::ALL
            .iter()
            .map(|&loader| measure(&binary, loader, errors, runs, baseline))
            .collect();
        columns.push((profile, figures));
    }
    print(&columns, errors, runs);
}

/// One loader's median CPU time over `runs` fresh processes and, when valgrind is
/// there (`baseline` counted), its instructions per error beyond the baseline.
fn measure(
    binary: &Path,
    loader: Loader,
    errors: usize,
    runs: usize,
    baseline: Option<u64>,
) -> Figures {
    let count = errors.to_string();
    let mut seconds: Vec<f64> = (0..runs)
        .map(|_| run_child(binary, &["--load", loader.name(), &count]).seconds)
        .collect();
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    let instructions = baseline.map(|baseline| {
        eprintln!("  counting {} under callgrind", loader.name());
        let read = instructions::count_child(binary, &["--count-load", loader.name(), &count]);
        read.saturating_sub(baseline) as f64 / errors as f64
    });
    eprintln!("  {}: {median:.3} s", loader.name());
    Figures {
        seconds: median,
        instructions,
    }
}

/// The table: a row per loader, CPU time and instructions per profile, each beside its
/// ratio to serde-saphyr's.
fn print(columns: &[(Profile, Vec<Figures>)], errors: usize, runs: usize) {
    println!(
        "\nLoaders side by side, {} errors (CPU: median of {runs} runs; instructions: callgrind, one read):\n",
        thousands(errors)
    );
    let mut heading = String::from("| loader |");
    let mut rule = String::from("|---|");
    for (profile, _) in columns {
        let level = profile.opt_level();
        heading.push_str(&format!(
            " CPU s, opt-level {level} | instructions per error, opt-level {level} |"
        ));
        rule.push_str("---:|---:|");
    }
    println!("{heading}\n{rule}");
    let serde = Loader::ALL
        .iter()
        .position(|&loader| loader == Loader::SerdeSaphyr)
        .unwrap_or(0);
    for (row, loader) in Loader::ALL.iter().enumerate() {
        let mut line = format!("| {} |", loader.name());
        for (_, figures) in columns {
            let (this, base) = (figures[row], figures[serde]);
            line.push_str(&format!(
                " {:.3} ({:.2}x) |",
                this.seconds,
                this.seconds / base.seconds
            ));
            match (this.instructions, base.instructions) {
                (Some(this), Some(base)) => line.push_str(&format!(
                    " {} ({:.2}x) |",
                    thousands(this.round() as usize),
                    this / base
                )),
                _ => line.push_str(" not counted |"),
            }
        }
        println!("{line}");
    }
    println!("\nRatios are to serde-saphyr's figure in the same profile and run.");
}
