//! One measurement, run in a fresh process (`--one N --stage S`): synthesise N errors,
//! parse and check them, time one stage and print one line with its CPU time and the
//! process's peak memory. A process per stage, so that every stage starts as it does in
//! a build script, with a heap grown only by parsing (a later stage would reuse the
//! memory an earlier one had mapped, and run faster than it can in a build).

use crate::catalog::{self, Names};
use crate::procfs::{self, CpuClock};
use errcat_codegen::emit::{markdown, openapi, rust};
use errcat_codegen::loaders::Loader;
use errcat_codegen::{Builder, Catalog, MAX_ERRORS, Source, compile};
use std::hint::black_box;

/// The first word of the line a child prints, so the parent can find it.
const TAG: &str = "errcat-generator-sample";

/// A stage is run again until it has used this much CPU in all, then the time is
/// divided by the runs: ticks are 10 ms, so one run of a small catalog would read 0.
const MIN_CPU_SECONDS: f64 = 0.5;

/// What one child process measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// `compile`: YAML parsing and checking.
    Parse,
    /// `emit::rust::emit` over all catalogs.
    Rust,
    /// `emit::markdown::emit` for each catalog.
    Markdown,
    /// `emit::openapi::each_file` (JSON and YAML, each version) for each catalog, each
    /// file dropped as soon as it is made.
    OpenApi,
    /// Every output as the build script makes them: `Builder::rust`, then each file of
    /// `Builder::each_doc`, each dropped as soon as it is made (the build script stages
    /// each on disk there).
    All,
}

impl Stage {
    /// Every stage, in the order of the table.
    pub(crate) const ALL: [Stage; 5] = [
        Stage::Parse,
        Stage::Rust,
        Stage::Markdown,
        Stage::OpenApi,
        Stage::All,
    ];

    /// The name given to `--stage`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Stage::Parse => "parse",
            Stage::Rust => "rust",
            Stage::Markdown => "markdown",
            Stage::OpenApi => "openapi",
            Stage::All => "all",
        }
    }

    /// The stage of a `--stage` name.
    pub(crate) fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|stage| stage.name() == name)
    }
}

/// What a child reports: the CPU seconds of one run of its stage, and the peak memory
/// of the process in kilobytes once the stage has run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Report {
    /// CPU seconds of one run of the stage.
    pub(crate) seconds: f64,
    /// `VmHWM` after the stage, in kilobytes.
    pub(crate) peak_kb: u64,
}

impl Report {
    /// The report in a child's output, if there is one.
    pub(crate) fn from_output(stdout: &str) -> Option<Self> {
        let line = stdout.lines().find_map(|line| line.strip_prefix(TAG))?;
        let mut words = line.split_whitespace();
        let seconds = words.next()?.parse().ok()?;
        let peak_kb = words.next()?.parse().ok()?;
        Some(Self { seconds, peak_kb })
    }
}

/// Measures `stage` for `errors` errors and prints the report on stdout.
pub(crate) fn run(errors: usize, stage: Stage) {
    let clock = CpuClock::new();
    let sources = sources(errors);
    let compile_all = || {
        compile(&sources).unwrap_or_else(|d| panic!("the synthesised catalog must compile:\n{d}"))
    };
    let seconds = if stage == Stage::Parse {
        cpu_per_run(clock, compile_all)
    } else {
        let catalogs = compile_all();
        cpu_per_run(clock, || emit(stage, &catalogs))
    };
    let peak_kb = procfs::peak_kilobytes();
    println!("{TAG} {seconds} {peak_kb}");
}

/// Synthesises `errors` errors and, with `build`, builds them once as a build script
/// does (parsing, checking, every output), for callgrind to count (`--count N`, and
/// `--count-baseline N` without the build).
pub(crate) fn count(errors: usize, build: bool) {
    let sources = black_box(sources(errors));
    if build {
        let catalogs = compile(&sources)
            .unwrap_or_else(|d| panic!("the synthesised catalog must compile:\n{d}"));
        emit(Stage::All, &catalogs);
    }
}

/// Measures `loader` reading `errors` errors (`--load NAME N`) and prints the report.
pub(crate) fn load(errors: usize, loader: Loader) {
    let clock = CpuClock::new();
    let sources = sources(errors);
    let seconds = cpu_per_run(clock, || read_all(loader, &sources));
    let peak_kb = procfs::peak_kilobytes();
    println!("{TAG} {seconds} {peak_kb}");
}

/// Synthesises `errors` errors and reads them once with `loader`, for callgrind to
/// count (`--count-load NAME N`).
pub(crate) fn count_load(errors: usize, loader: Loader) {
    let sources = black_box(sources(errors));
    black_box(read_all(loader, &sources));
}

/// Reads every catalog with `loader`: the errors (or events) read in all.
fn read_all(loader: Loader, sources: &[Source]) -> usize {
    sources
        .iter()
        .map(|source| {
            loader
                .read(source)
                .unwrap_or_else(|| panic!("{} reads the synthesised catalog", loader.name()))
        })
        .sum()
}

/// Runs one emitting stage, dropping its output.
fn emit(stage: Stage, catalogs: &[Catalog]) {
    match stage {
        Stage::Parse => {}
        Stage::Rust => drop(black_box(rust::emit(catalogs))),
        Stage::Markdown => each(catalogs, markdown::emit),
        Stage::OpenApi => {
            for catalog in catalogs {
                openapi::each_file(catalog, |file| drop(black_box(file)));
            }
        }
        Stage::All => {
            let builder = Builder::new();
            drop(black_box(builder.rust(catalogs)));
            builder.each_doc(catalogs, |file| drop(black_box(file)));
        }
    }
}

/// Runs `emit` on every catalog, dropping each output.
fn each<T>(catalogs: &[Catalog], emit: impl Fn(&Catalog) -> T) {
    for catalog in catalogs {
        drop(black_box(emit(catalog)));
    }
}

/// The CPU seconds of one run of `stage`, averaged over as many runs as it takes to use
/// [`MIN_CPU_SECONDS`] (one for large catalogs). Each result is dropped before the next
/// run.
fn cpu_per_run<T>(clock: CpuClock, mut stage: impl FnMut() -> T) -> f64 {
    let start = clock.seconds();
    let mut runs = 0_u32;
    loop {
        drop(black_box(stage()));
        runs += 1;
        let used = clock.seconds() - start;
        if used >= MIN_CPU_SECONDS {
            return used / f64::from(runs);
        }
    }
}

/// The synthesised catalogs of `errors` errors in all: one file up to [`MAX_ERRORS`],
/// above that files of at most that many (`bench_1.yaml`, ...), as a registry too large
/// for one catalog would be split.
fn sources(errors: usize) -> Vec<Source> {
    if errors <= MAX_ERRORS {
        return vec![Source::new(
            "bench.yaml",
            catalog::yaml_with(errors, Names::Shared),
        )];
    }
    (0..errors.div_ceil(MAX_ERRORS))
        .map(|part| {
            let count = MAX_ERRORS.min(errors - part * MAX_ERRORS);
            let name = format!("bench_{}.yaml", part + 1);
            Source::new(name, catalog::yaml_with(count, Names::Shared))
        })
        .collect()
}
