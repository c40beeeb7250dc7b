//! Generator benchmark (not a test): the CPU time and peak memory of errcat-codegen
//! itself, stage by stage, for synthesised catalogs of 100 to 50,000 errors, at
//! opt-level 0 (as a build script runs) and opt-level 3; then the rebuild ratio, the CPU
//! time of `cargo build` of the root crate after a catalog edit over that after a source
//! edit.
//!
//! ```text
//! cargo bench -p errcat-codegen --bench generator                     # both profiles
//! cargo bench -p errcat-codegen --bench generator -- --profile dev    # one of them
//! cargo bench -p errcat-codegen --bench generator -- --quick          # 100 and 1,000
//! cargo bench -p errcat-codegen --bench generator -- --runs 5 2000    # other sizes
//! cargo bench -p errcat-codegen --bench generator -- --rebuild        # the ratio only
//! cargo bench -p errcat-codegen --bench generator -- --loaders        # loaders, 10,000 errors
//! ```
//!
//! Every size, stage and run is a fresh process (this binary again, with `--one N
//! --stage S`), so a stage starts as it does in a build script and the peak memory
//! (`VmHWM`) is that size's own. CPU time is that of the whole process, parser thread
//! included (`/proc/self/stat`); each stage is repeated until it has used 0.5 s, so small
//! catalogs are timed to a few percent despite the 10 ms tick. The opt-level 0 binary is
//! this bench built again by `cargo build --profile dev`; 50,000 errors are measured
//! there only when asked for by size. Each figure is the median of the runs (5 by
//! default, the sizes taking turns; 5 for the rebuilds). See docs/benchmark.md.

#[path = "../compile_time/catalog.rs"]
mod catalog;
mod child;
mod instructions;
mod loaders;
mod procfs;
mod rebuild;
mod report;
mod runner;

use child::Stage;
use errcat_codegen::loaders::Loader;
use runner::Profile;

/// The catalog sizes measured when none are given.
const DEFAULT_SIZES: [usize; 4] = [100, 1_000, 10_000, 50_000];

/// The largest default size measured at opt-level 0: 50,000 errors there take several
/// minutes a run, so they are measured only when asked for by size.
const DEV_DEFAULT_MAX: usize = 10_000;

/// The sizes of `--quick`.
const QUICK_SIZES: [usize; 2] = [100, 1_000];

/// Runs per size when `--runs` is not given.
const DEFAULT_RUNS: usize = 5;

/// Rebuilds after each kind of edit when `--runs` is not given: one is short and noisy.
const DEFAULT_REBUILD_RUNS: usize = 5;

/// What the command line asks for.
#[derive(Debug)]
struct Options {
    /// Measure this many errors in this process and print the report (a child's job).
    one: Option<usize>,
    /// Synthesise this many errors and build them once (or, `false`, only synthesise),
    /// for callgrind to count (a child's job).
    count: Option<(usize, bool)>,
    /// The stage a child measures.
    stage: Stage,
    /// Fresh runs per size; the median is shown.
    runs: usize,
    /// Rebuilds after each kind of edit; the median is shown.
    rebuild_runs: usize,
    /// Measure the rebuild ratio only, not the generator's stages.
    rebuild_only: bool,
    /// Compare the loaders only (`--loaders`).
    loaders_only: bool,
    /// Read the catalog with this loader (a child's job): `--load NAME N`, and with
    /// `true` once for callgrind (`--count-load NAME N`).
    load: Option<(Loader, usize, bool)>,
    /// The sizes, smallest first.
    sizes: Vec<usize>,
    /// Whether the sizes were given on the command line (else all are measured in
    /// release, and up to [`DEV_DEFAULT_MAX`] at opt-level 0).
    explicit_sizes: bool,
    /// The profiles, opt-level 0 first.
    profiles: Vec<Profile>,
}

/// A child measures one stage; the parent measures every profile and size, and prints
/// a table for each.
fn main() {
    let options = parse_args(std::env::args().skip(1));
    if let Some(errors) = options.one {
        child::run(errors, options.stage);
        return;
    }
    if let Some((errors, build)) = options.count {
        child::count(errors, build);
        return;
    }
    if let Some((loader, errors, count)) = options.load {
        if count {
            child::count_load(errors, loader);
        } else {
            child::load(errors, loader);
        }
        return;
    }
    if options.rebuild_only {
        rebuild::measure_and_print(options.rebuild_runs);
        return;
    }
    if options.loaders_only {
        let errors = options.sizes.last().copied();
        let errors = errors.filter(|_| options.explicit_sizes);
        let errors = errors.unwrap_or(loaders::DEFAULT_ERRORS);
        loaders::measure_and_print(&options.profiles, errors, options.runs);
        return;
    }
    println!(
        "Generator CPU time per stage (median of {} runs) and peak memory:",
        options.runs
    );
    for &profile in &options.profiles {
        let binary = profile.binary();
        eprintln!("{}: {}", profile.title(), binary.display());
        let sizes = options.sizes_for(profile);
        let rows = runner::measure_sizes(&binary, &sizes, options.runs);
        report::print(profile, &rows);
        instructions::measure_and_print(&binary);
        let left_out: Vec<String> = options
            .sizes
            .iter()
            .filter(|size| !sizes.contains(size))
            .map(|&size| report::thousands(size))
            .collect();
        if !left_out.is_empty() {
            let left_out = left_out.join(", ");
            println!("\nNot measured at this level by default (too slow): {left_out} errors.");
        }
    }
    rebuild::measure_and_print(options.rebuild_runs);
}

impl Options {
    /// The sizes to measure in `profile`.
    fn sizes_for(&self, profile: Profile) -> Vec<usize> {
        let slow = |size: &usize| profile == Profile::Dev && *size > DEV_DEFAULT_MAX;
        let keep = |size: &&usize| self.explicit_sizes || !slow(size);
        self.sizes.iter().filter(keep).copied().collect()
    }
}

/// Reads the command line; panics with the usage on anything else.
fn parse_args(mut args: impl Iterator<Item = String>) -> Options {
    let mut options = Options {
        one: None,
        count: None,
        stage: Stage::All,
        runs: DEFAULT_RUNS,
        rebuild_runs: DEFAULT_REBUILD_RUNS,
        rebuild_only: false,
        loaders_only: false,
        load: None,
        sizes: Vec::new(),
        explicit_sizes: false,
        profiles: vec![Profile::Dev, Profile::Release],
    };
    let mut quick = false;
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&arg));
        match arg.as_str() {
            // `cargo bench` passes `--bench` to every bench binary.
            "--bench" => {}
            "--quick" => quick = true,
            "--rebuild" => options.rebuild_only = true,
            "--loaders" => options.loaders_only = true,
            "--load" | "--count-load" => {
                let counting = arg == "--count-load";
                let name = value();
                let loader = Loader::parse(&name).unwrap_or_else(|| usage(&name));
                let errors = number(&args.next().unwrap_or_else(|| usage(&arg)));
                options.load = Some((loader, errors, counting));
            }
            "--one" => options.one = Some(number(&value())),
            "--count" => options.count = Some((number(&value()), true)),
            "--count-baseline" => options.count = Some((number(&value()), false)),
            "--stage" => {
                let name = value();
                options.stage = Stage::parse(&name).unwrap_or_else(|| usage(&name));
            }
            "--runs" => {
                options.runs = number(&value()).max(1);
                options.rebuild_runs = options.runs;
            }
            "--profile" => {
                let name = value();
                let profile = Profile::parse(&name).unwrap_or_else(|| usage(&name));
                options.profiles = vec![profile];
            }
            other => options.sizes.push(number(other)),
        }
    }
    options.explicit_sizes = !options.sizes.is_empty();
    if !options.explicit_sizes {
        options.sizes = if quick {
            QUICK_SIZES.to_vec()
        } else {
            DEFAULT_SIZES.to_vec()
        };
    }
    options.sizes.sort_unstable();
    options
}

/// A count such as `10000`, `10_000` or `10,000`.
fn number(text: &str) -> usize {
    text.replace(['_', ','], "")
        .parse()
        .unwrap_or_else(|_| usage(text))
}

/// Stops on an argument that is not understood.
fn usage(bad: &str) -> ! {
    panic!(
        "cannot read `{bad}`; usage: generator [--quick] [--rebuild] [--loaders] [--runs K] [--profile dev|release] [SIZES...] (or --one N --stage S)"
    )
}
