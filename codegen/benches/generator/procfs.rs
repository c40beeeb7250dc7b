//! What the kernel says about this process: CPU time used so far by all its threads and
//! by the children it has waited for, and its peak resident memory. Linux only (`/proc`), without `libc`.

use std::fs;
use std::process::Command;

/// Clock ticks per second of `/proc/self/stat` when `getconf CLK_TCK` cannot tell
/// (it is 100 on every common Linux architecture).
const DEFAULT_TICKS_PER_SECOND: f64 = 100.0;

/// Reads the CPU time of the whole process, threads that have ended included.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CpuClock {
    /// Clock ticks per second (`USER_HZ`).
    ticks_per_second: f64,
}

impl CpuClock {
    /// A clock for this machine: asks `getconf CLK_TCK` once for the tick length.
    pub(crate) fn new() -> Self {
        let asked = Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .and_then(|text| text.trim().parse::<f64>().ok())
            .filter(|ticks| *ticks > 0.0);
        Self {
            ticks_per_second: asked.unwrap_or(DEFAULT_TICKS_PER_SECOND),
        }
    }

    /// User plus system CPU seconds of the process so far.
    ///
    /// `utime` and `stime` of `/proc/self/stat` count every thread of the process, also
    /// those that have exited (the parser's thread), and their sum follows the kernel's
    /// nanosecond run time, truncated to whole ticks.
    pub(crate) fn seconds(self) -> f64 {
        self.read(OWN_FIELDS)
    }

    /// User plus system CPU seconds of the children this process has waited for, and of
    /// the descendants they waited for (`cutime + cstime`, as `getrusage(RUSAGE_CHILDREN)`
    /// counts them): a finished `cargo build` with its build scripts and `rustc`s.
    pub(crate) fn children_seconds(self) -> f64 {
        self.read(CHILDREN_FIELDS)
    }

    /// The sum of two tick fields of `/proc/self/stat`, in seconds.
    fn read(self, field: usize) -> f64 {
        let stat = fs::read_to_string("/proc/self/stat").expect("/proc/self/stat is readable");
        let ticks = stat_ticks(&stat, field).expect("/proc/self/stat has the CPU times");
        ticks as f64 / self.ticks_per_second
    }
}

/// `utime` (field 14, then `stime`) counted from the state (field 3).
const OWN_FIELDS: usize = 11;

/// `cutime` (field 16, then `cstime`) counted from the state (field 3).
const CHILDREN_FIELDS: usize = 13;

/// The sum of the field `skip` places after the state and the next one, from the text
/// of a `/proc/<pid>/stat` file.
///
/// The command name (field 2) is in parentheses and may hold spaces, so the fields are
/// counted from the last `)`: the next one is the state (field 3).
fn stat_ticks(stat: &str, skip: usize) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(skip);
    let first: u64 = fields.next()?.parse().ok()?;
    let second: u64 = fields.next()?.parse().ok()?;
    Some(first + second)
}

/// The peak resident set size of this process so far, in kilobytes (`VmHWM`).
pub(crate) fn peak_kilobytes() -> u64 {
    let status = fs::read_to_string("/proc/self/status").expect("/proc/self/status is readable");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("/proc/self/status has VmHWM")
}
