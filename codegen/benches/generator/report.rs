//! The printed results: per profile, a Markdown table of the stages and a table of issue
//! 15's targets, each met or missed.

use crate::runner::{Profile, Sample};

/// The size the CPU and memory targets are set at.
const TARGET_SIZE: usize = 10_000;

/// Most CPU seconds for parsing, checking and every output at [`TARGET_SIZE`] errors.
fn cpu_target(profile: Profile) -> f64 {
    match profile {
        Profile::Dev => 1.5,
        Profile::Release => 0.3,
    }
}

/// Most peak memory at [`TARGET_SIZE`] errors, in megabytes.
const PEAK_TARGET_MB: f64 = 150.0;

/// Most ratio between the largest and the smallest cost per error across sizes.
pub(crate) const SPREAD_TARGET: f64 = 1.2;

/// Prints the stage table and the targets of one profile; `rows` are sorted by size.
pub(crate) fn print(profile: Profile, rows: &[Sample]) {
    println!("\n### {}\n", profile.title());
    println!(
        "| errors | parse+check (ms) | Rust (ms) | Markdown (ms) | OpenAPI (ms) | all (ms) | peak MB | per-error µs | growth / linear |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (index, row) in rows.iter().enumerate() {
        let growth = index.checked_sub(1).map_or_else(
            || "-".to_owned(),
            |i| format!("{:.2}", per_error(row) / per_error(&rows[i])),
        );
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.1} | {:.0} | {growth} |",
            thousands(row.errors),
            ms(row.parse),
            ms(row.rust),
            ms(row.markdown),
            ms(row.openapi),
            ms(row.all),
            megabytes(row),
            per_error(row) * 1e6,
        );
    }
    print_targets(profile, rows);
}

/// The table of targets for one profile.
fn print_targets(profile: Profile, rows: &[Sample]) {
    let at_target = rows.iter().find(|row| row.errors == TARGET_SIZE);
    let size = thousands(TARGET_SIZE);
    let limit = cpu_target(profile);
    println!(
        "\n| target ({}) | measured | result |",
        profile_short(profile)
    );
    println!("|---|---:|---|");
    let cpu = at_target.map(Sample::total);
    let cpu_text = cpu.map(|s| format!("{s:.3} s"));
    verdict(
        &format!("parse+check + all, {size} errors <= {limit} s CPU"),
        cpu_text,
        cpu.map(|s| s <= limit),
    );
    let spread = spread(rows);
    let spread_label = match (rows.first(), rows.last()) {
        (Some(first), Some(last)) => format!(
            "per-error cost within {SPREAD_TARGET}x, {} to {} errors",
            thousands(first.errors),
            thousands(last.errors)
        ),
        _ => format!("per-error cost within {SPREAD_TARGET}x"),
    };
    let spread_text = spread.map(|s| format!("{s:.2}x"));
    verdict(
        &spread_label,
        spread_text,
        spread.map(|s| s <= SPREAD_TARGET),
    );
    let peak = at_target.map(megabytes);
    let peak_text = peak.map(|mb| format!("{mb:.1} MB"));
    let peak_label = format!("peak memory, {size} errors <= {PEAK_TARGET_MB} MB");
    verdict(&peak_label, peak_text, peak.map(|mb| mb <= PEAK_TARGET_MB));
}

/// A table of one target: its heading, then its row (see [`verdict`]).
pub(crate) fn one_target(label: &str, measured: String, met: bool) {
    println!("\n| target | measured | result |");
    println!("|---|---:|---|");
    verdict(label, Some(measured), Some(met));
}

/// One target row; a size that was not measured shows as such.
fn verdict(label: &str, measured: Option<String>, met: Option<bool>) {
    let measured = measured.unwrap_or_else(|| "not measured".to_owned());
    let result = match met {
        Some(true) => "met",
        Some(false) => "**missed**",
        None => "-",
    };
    println!("| {label} | {measured} | {result} |");
}

/// The largest cost per error over the smallest, when two or more sizes were measured.
fn spread(rows: &[Sample]) -> Option<f64> {
    let costs: Vec<f64> = rows.iter().map(per_error).collect();
    (costs.len() >= 2).then(|| largest_over_smallest(&costs))
}

/// The largest of `costs` over the smallest.
pub(crate) fn largest_over_smallest(costs: &[f64]) -> f64 {
    let max = costs.iter().copied().fold(f64::MIN, f64::max);
    let min = costs.iter().copied().fold(f64::MAX, f64::min);
    max / min
}

/// Seconds as milliseconds: one decimal below 100 ms, whole ones above (`2,810`).
fn ms(seconds: f64) -> String {
    let ms = seconds * 1e3;
    if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        thousands(ms.round() as usize)
    }
}

/// CPU seconds per error of parsing, checking and every output.
fn per_error(row: &Sample) -> f64 {
    row.total() / row.errors as f64
}

/// Peak resident memory in megabytes of 2^20 bytes.
fn megabytes(row: &Sample) -> f64 {
    row.peak_kb as f64 / 1024.0
}

/// The opt-level of a profile, for the target table's heading.
fn profile_short(profile: Profile) -> &'static str {
    match profile {
        Profile::Dev => "opt-level 0",
        Profile::Release => "opt-level 3",
    }
}

/// `10000` as `10,000`.
pub(crate) fn thousands(n: usize) -> String {
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
