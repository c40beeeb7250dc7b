//! The runtime benchmark's probe: the scratch crate's `main.rs`. It runs one workload,
//! named on the command line, `rounds` times over its inputs, inside `measured` (the one
//! function callgrind counts), and prints the nanoseconds that took.

include!("errcat.rs");
include!("hand.rs");

use std::hint::black_box;
use std::time::Instant;

/// The inputs, built before the measured function runs.
struct Inputs {
    codes_11: Vec<&'static str>,
    codes_10000: Vec<&'static str>,
    errors_11: Vec<retrac::Error>,
    hand_11: Vec<hand::Error>,
    errors_10000: Vec<bench::Error>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let workload = args.next().expect("a workload name");
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).expect("a number of rounds");
    let codes_11: Vec<&'static str> = retrac::Code::ALL.iter().map(|c| c.as_str()).collect();
    let inputs = Inputs {
        hand_11: codes_11.iter().map(|c| hand::Error::from_code(c).expect("a code")).collect(),
        errors_11: retrac::Code::ALL.iter().map(|&c| retrac::Error::example(c)).collect(),
        codes_11,
        codes_10000: bench::Code::ALL.iter().map(|c| c.as_str()).collect(),
        errors_10000: bench::Code::ALL.iter().map(|&c| bench::Error::example(c)).collect(),
    };
    let start = Instant::now();
    let calls = measured(&workload, &inputs, rounds);
    let nanos = start.elapsed().as_nanos();
    println!("{calls} {nanos}");
}

/// Runs the workload and returns how many calls it made.
#[inline(never)]
fn measured(workload: &str, inputs: &Inputs, rounds: usize) -> usize {
    let mut buffer = Vec::with_capacity(4096);
    let mut calls = 0;
    for _ in 0..rounds {
        calls += match workload {
            "empty_11" => each(&inputs.codes_11, |c| c.len()),
            "empty_10000" => each(&inputs.codes_10000, |c| c.len()),
            "match_11" => each(&inputs.codes_11, |c| hand::Error::from_code(c)),
            "from_code_11" => each(&inputs.codes_11, |c| retrac::Code::from_code(c)),
            "from_code_10000" => each(&inputs.codes_10000, |c| bench::Code::from_code(c)),
            "miss_11" => each(&inputs.codes_10000[..11], |c| retrac::Code::from_code(c)),
            "match_miss_11" => each(&inputs.codes_10000[..11], |c| hand::Error::from_code(c)),
            "hand_code" => each(&inputs.hand_11, |e| e.code()),
            "code_11" => each(&inputs.errors_11, retrac::Error::code),
            "code_10000" => each(&inputs.errors_10000, bench::Error::code),
            "hand_status" => each(&inputs.hand_11, |e| e.status()),
            "status_11" => each(&inputs.errors_11, retrac::Error::status),
            "status_10000" => each(&inputs.errors_10000, bench::Error::status),
            "hand_body" => each(&inputs.hand_11, |e| {
                buffer.clear();
                serde_json::to_writer(&mut buffer, &e.body()).expect("a body");
                buffer.len()
            }),
            "body_11" => each(&inputs.errors_11, |e| {
                buffer.clear();
                serde_json::to_writer(&mut buffer, e).expect("a body");
                buffer.len()
            }),
            other => panic!("unknown workload {other}"),
        };
    }
    calls
}

/// Calls `f` on each input through `black_box`, so nothing is folded away.
#[inline(always)]
fn each<T, R>(inputs: &[T], mut f: impl FnMut(&T) -> R) -> usize {
    for input in inputs {
        black_box(f(black_box(input)));
    }
    inputs.len()
}
