//! Runtime benchmark (not a test): the generated lookups and accessors against a
//! hand-written baseline in the same binary. It writes a scratch crate holding the
//! generated code for the shipped Retrac catalog (11 codes) and for a synthesised
//! catalog of 10,000 codes, beside a hand-written `match` and serde struct for Retrac,
//! builds it with `cargo build --release`, runs each workload under callgrind (counting
//! instructions) and natively (timing), and prints a Markdown table of ratios.
//!
//! ```text
//! cargo bench -p errcat-codegen --bench runtime
//! ```
//!
//! Without valgrind on the `PATH`, only the times are measured. The crate lives under
//! `target/tmp/runtime/`.

#[path = "../shared/arms.rs"]
mod arms;
mod baseline;
#[path = "../compile_time/catalog.rs"]
mod catalog;

use errcat_codegen::{Builder, Catalog, Source, compile};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Calls per workload when timed natively, and under callgrind.
const NATIVE_CALLS: usize = 4_000_000;
const CALLGRIND_CALLS: usize = 40_000;

/// One table row: what is measured, the generated workload, the baseline workload and
/// the empty loop over the same number of inputs (subtracted from both).
const ROWS: [(&str, &str, &str, &str); 9] = [
    (
        "from_code, 11 codes, hit",
        "from_code_11",
        "match_11",
        "empty_11",
    ),
    (
        "from_code, 11 codes, miss",
        "miss_11",
        "match_miss_11",
        "empty_11",
    ),
    (
        "from_code, 10,000 codes, hit (vs the 11-code match)",
        "from_code_10000",
        "match_11",
        "empty_10000",
    ),
    (
        "Error::code(), 11 codes",
        "code_11",
        "hand_code",
        "empty_11",
    ),
    (
        "Error::code(), 10,000 codes with params",
        "code_10000",
        "hand_code",
        "empty_10000",
    ),
    (
        "Error::status(), 11 codes",
        "status_11",
        "hand_status",
        "empty_11",
    ),
    (
        "Error::status(), 10,000 codes with params",
        "status_10000",
        "hand_status",
        "empty_10000",
    ),
    ("body to JSON, 11 codes", "body_11", "hand_body", "empty_11"),
    (
        "(empty loop, 11 inputs)",
        "empty_11",
        "empty_11",
        "empty_11",
    ),
];

fn main() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("runtime");
    let binary = build_probe(&workspace, &dir);
    let callgrind = Command::new("valgrind").arg("--version").output().is_ok();
    if !callgrind {
        eprintln!("valgrind not found: instruction counts left out");
    }
    println!(
        "| operation | generated instr | baseline instr | instr ratio | generated ns | baseline ns | time ratio |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (label, generated, hand, empty) in ROWS {
        let measure = |workload| Measure::of(&binary, workload, callgrind);
        let (g, h, e) = (measure(generated), measure(hand), measure(empty));
        let instr = |m: &Measure| m.instructions.zip(e.instructions).map(|(a, b)| a - b);
        let (gi, hi) = (instr(&g), instr(&h));
        let (gt, ht) = (g.nanos - e.nanos, h.nanos - e.nanos);
        println!(
            "| {label} | {} | {} | {} | {gt:.2} | {ht:.2} | {} |",
            cell(gi),
            cell(hi),
            ratio(gi, hi),
            ratio(Some(gt), Some(ht))
        );
    }
}

/// One workload's cost per call: instructions (under callgrind) and nanoseconds.
struct Measure {
    instructions: Option<f64>,
    nanos: f64,
}

impl Measure {
    /// Runs the probe natively and, when `callgrind`, under callgrind.
    fn of(binary: &Path, workload: &str, callgrind: bool) -> Self {
        let inputs = if workload.ends_with("10000") {
            10_000
        } else {
            11
        };
        let (calls, nanos) = run(Command::new(binary), workload, NATIVE_CALLS / inputs);
        let nanos = nanos / calls;
        let instructions = callgrind.then(|| {
            let mut command = Command::new("valgrind");
            command.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"]);
            command.arg("--toggle-collect=*measured*").arg(binary);
            let output = command
                .arg(workload)
                .arg((CALLGRIND_CALLS / inputs).max(1).to_string())
                .output()
                .expect("valgrind runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            let collected = stderr
                .lines()
                .find_map(|line| line.split("Collected :").nth(1))
                .and_then(|n| n.trim().parse::<f64>().ok())
                .unwrap_or_else(|| panic!("no instruction count from callgrind:\n{stderr}"));
            let calls = parse_output(&output.stdout).0;
            collected / calls
        });
        Self {
            instructions,
            nanos,
        }
    }
}

/// Runs the probe and returns (calls, nanoseconds).
fn run(mut command: Command, workload: &str, rounds: usize) -> (f64, f64) {
    let output = command
        .arg(workload)
        .arg(rounds.max(1).to_string())
        .output()
        .expect("the probe runs");
    assert!(output.status.success(), "the probe failed on {workload}");
    parse_output(&output.stdout)
}

/// The probe's `calls nanoseconds` line.
fn parse_output(stdout: &[u8]) -> (f64, f64) {
    let text = String::from_utf8_lossy(stdout);
    let mut numbers = text
        .split_whitespace()
        .map(|n| n.parse::<f64>().expect("a number"));
    let calls = numbers.next().expect("calls");
    (calls, numbers.next().expect("nanoseconds"))
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"))
}

fn ratio(generated: Option<f64>, baseline: Option<f64>) -> String {
    match (generated, baseline) {
        (Some(g), Some(b)) if b > 0.0 => format!("{:.2}x", g / b),
        _ => "-".to_owned(),
    }
}

/// The Retrac catalog and the synthesised 10,000-code catalog (module `bench`).
fn catalogs(workspace: &Path) -> Vec<Catalog> {
    let retrac = fs::read_to_string(workspace.join("catalog/retrac.yaml")).expect("retrac.yaml");
    let sources = [
        Source::new("retrac.yaml", retrac),
        Source::new(
            "bench.yaml",
            catalog::yaml_with(10_000, catalog::Names::Shared),
        ),
    ];
    compile(&sources).unwrap_or_else(|d| panic!("the catalogs must compile:\n{d}"))
}

/// Writes the scratch crate, builds it in release and returns its binary.
fn build_probe(workspace: &Path, dir: &Path) -> PathBuf {
    let catalogs = catalogs(workspace);
    let retrac = catalogs
        .iter()
        .find(|c| c.name == "retrac")
        .expect("retrac");
    let hand = syn::parse2(baseline::module(retrac)).expect("the baseline is valid Rust");
    fs::create_dir_all(dir.join("src")).expect("crate folder");
    let manifest = "[package]\nname = \"bench_runtime\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                    publish = false\n\n[workspace]\n\n[dependencies]\n\
                    serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n";
    let files = [
        ("Cargo.toml", manifest.to_owned()),
        ("src/main.rs", include_str!("probe.rs").to_owned()),
        (
            "src/errcat.rs",
            Builder::new().generate(&catalogs).rust.content,
        ),
        ("src/hand.rs", prettyplease::unparse(&hand)),
    ];
    for (name, content) in files {
        fs::write(dir.join(name), content).expect("source written");
    }
    let _ = fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("building the probe crate in {}", dir.display());
    let status = Command::new(cargo)
        .current_dir(dir)
        .args(["build", "--release", "--quiet"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the probe crate failed to build");
    dir.join("target/release/bench_runtime")
}
