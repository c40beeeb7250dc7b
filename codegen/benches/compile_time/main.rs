//! Compile-time benchmark (not a test): builds the crate errcat-codegen generates for a
//! synthesised catalog of N errors beside the equivalent hand-written-style thiserror
//! crate (one big `match` per accessor), both with `cargo build --release`, and prints
//! the ratio of their build times.
//!
//! ```text
//! cargo bench -p errcat-codegen --bench compile_time              # N = 1000 and 10000
//! cargo bench -p errcat-codegen --bench compile_time -- 500 2000  # other sizes
//! cargo bench -p errcat-codegen --bench compile_time -- --timings 10000
//! cargo bench -p errcat-codegen --bench compile_time -- --distinct-names 10000
//! cargo bench -p errcat-codegen --bench compile_time -- --generated-only 50000
//! ```
//!
//! `--distinct-names` gives every error's parameters names of their own, the worst case
//! for the generated code (errors with the same fields share `match` arms).
//!
//! Dependencies are built first by a warm-up build of each crate with one error, so the
//! times cover only the crate itself. The crates live under `target/tmp/compile_time/`.

#[path = "../shared/arms.rs"]
mod arms;
mod baseline;
mod catalog;
mod crates;

use crates::{Crate, Kind};
use errcat_codegen::{Builder, Catalog, MAX_ERRORS, Source, compile};
use quote::quote;
use std::path::Path;

/// The catalog sizes measured when none are given.
const DEFAULT_SIZES: [usize; 2] = [1_000, 10_000];

fn main() {
    let mut sizes = Vec::new();
    let mut timings = false;
    let mut names = catalog::Names::Shared;
    let mut baseline = true;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            // `cargo bench` passes `--bench` to every bench binary.
            "--bench" => {}
            "--timings" => timings = true,
            "--distinct-names" => names = catalog::Names::Distinct,
            "--generated-only" => baseline = false,
            other => sizes.push(other.replace(['_', ','], "").parse().unwrap_or_else(|_| {
                panic!(
                    "expected a number of errors, `--timings`, `--distinct-names`, `--generated-only` or `--bench`, got `{other}`"
                )
            })),
        }
    }
    if sizes.is_empty() {
        sizes = DEFAULT_SIZES.to_vec();
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("compile_time");
    let generated = Crate::create(&root, Kind::Generated, &workspace);
    let thiserror = Crate::create(&root, Kind::Thiserror, &workspace);
    eprintln!("warm-up: building dependencies with a one-error catalog");
    for (krate, files) in [
        (&generated, generated_files(1, names)),
        (&thiserror, baseline_files(1, names)),
    ] {
        krate.write_sources(&files);
        if let Err(report) = krate.build(false) {
            panic!("{report}");
        }
    }
    let mut rows = Vec::new();
    for &size in &sizes {
        let generated_time = measure(&generated, &generated_files(size, names), size, timings);
        let thiserror_time = baseline
            .then(|| measure(&thiserror, &baseline_files(size, names), size, timings))
            .flatten();
        rows.push((size, generated_time, thiserror_time));
    }
    if timings {
        for krate in [&generated, &thiserror] {
            eprintln!(
                "timings: {}",
                krate.target_dir().join("cargo-timings").display()
            );
        }
    }
    print_table(&rows, baseline);
}

/// Writes the sources for `size` errors and times one release build of the crate; a
/// failed build is reported and leaves `None` in the table.
fn measure(krate: &Crate, files: &[(&str, String)], size: usize, timings: bool) -> Option<f64> {
    krate.write_sources(files);
    let lines: usize = files.iter().map(|(_, text)| text.lines().count()).sum();
    let name = krate.kind().name();
    match krate.build(timings) {
        Ok(time) => {
            let seconds = time.as_secs_f64();
            eprintln!("{name:>15}: {size:>6} errors, {lines:>7} lines of Rust, {seconds:>8.1} s");
            Some(seconds)
        }
        Err(report) => {
            eprintln!("{name:>15}: {size:>6} errors, {lines:>7} lines of Rust: {report}");
            None
        }
    }
}

/// The synthesised catalog, compiled by the real pipeline.
/// Above [`MAX_ERRORS`] the errors are split into catalogs of at most that many
/// (`bench_1.yaml`, `bench_2.yaml`, ...), each a module of its own, as a registry too
/// large for one catalog would be.
fn catalog(size: usize, names: catalog::Names) -> Vec<Catalog> {
    let sources: Vec<Source> = if size <= MAX_ERRORS {
        vec![Source::new("bench.yaml", catalog::yaml_with(size, names))]
    } else {
        (0..size.div_ceil(MAX_ERRORS))
            .map(|part| {
                let count = MAX_ERRORS.min(size - part * MAX_ERRORS);
                let name = format!("bench_{}.yaml", part + 1);
                Source::new(name, catalog::yaml_with(count, names))
            })
            .collect()
    };
    compile(&sources).unwrap_or_else(|d| panic!("the synthesised catalog must compile:\n{d}"))
}

/// `src/lib.rs` including the generator's output, as the root crate does.
fn generated_files(size: usize, names: catalog::Names) -> Vec<(&'static str, String)> {
    let generated = Builder::new().generate(&catalog(size, names));
    let lib = quote! {
        #![doc = " The errors errcat-codegen generates for the benchmark's catalog."]
        include!("errcat.rs");
    };
    let lib = prettyplease::unparse(&syn::parse2(lib).expect("lib.rs is valid Rust"));
    vec![("lib.rs", lib), ("errcat.rs", generated.rust.content)]
}

/// The baseline of one catalog; above [`MAX_ERRORS`], run with `--generated-only`.
fn baseline_files(size: usize, names: catalog::Names) -> Vec<(&'static str, String)> {
    assert!(
        size <= MAX_ERRORS,
        "the baseline takes one catalog; above {MAX_ERRORS} errors use --generated-only"
    );
    vec![("lib.rs", baseline::source(&catalog(size, names)[0]))]
}

/// The results as a Markdown table; a failed build shows as `failed`, a baseline left
/// out by `--generated-only` as `not run`.
fn print_table(rows: &[(usize, Option<f64>, Option<f64>)], baseline: bool) {
    let missing = if baseline { "failed" } else { "not run" };
    let cell = |time: Option<f64>| time.map_or_else(|| "failed".to_owned(), |t| format!("{t:.1}"));
    let baseline_cell =
        |time: Option<f64>| time.map_or_else(|| missing.to_owned(), |t| format!("{t:.1}"));
    println!("| variants | generated (s) | thiserror (s) | generated / thiserror |");
    println!("|---:|---:|---:|---:|");
    for &(size, generated, thiserror) in rows {
        let ratio = match (generated, thiserror) {
            (Some(g), Some(t)) => format!("{:.2}x", g / t),
            _ => "-".to_owned(),
        };
        let (g, t) = (cell(generated), baseline_cell(thiserror));
        println!("| {} | {g} | {t} | {ratio} |", thousands(size));
    }
}

/// `10000` as `10,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
