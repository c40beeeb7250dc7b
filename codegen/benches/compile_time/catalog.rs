//! The synthesised catalog: YAML text for any number of errors, with varied statuses,
//! messages and parameters of every type, so the generated code is typical of a large API.

use std::fmt::Write as _;

/// The statuses errors cycle through; 429 gets a retry policy with `Retry-After`.
const STATUSES: [u16; 10] = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

/// The catalog's fixed head: API name, docs and the JSON envelope.
const HEAD: &str = "\
api: Bench
docs:
  title: Synthetic errors
  summary: Errors made up to measure compile times.
envelope:
  body:
    fields:
      code:
        from: code
        description: Machine-readable error code
      status:
        from: status
        description: HTTP status code
      message:
        from: message
        description: Human-readable description of the problem
errors:
";

/// A catalog of `count` errors named `error_00000`, `error_00001`, ...
pub(crate) fn yaml(count: usize) -> String {
    let mut out = String::from(HEAD);
    for index in 0..count {
        push_error(&mut out, index);
    }
    out
}

/// Appends one error; its parameters and message depend on `index`.
fn push_error(out: &mut String, index: usize) {
    let status = STATUSES[index % STATUSES.len()];
    let (message, params) = message_and_params(index);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "  - code: error_{index:05}
    status: {status}
    title: Synthetic error {index}
    description: Synthetic error number {index}, made for the compile-time benchmark.
    solution: Nothing to fix; error {index} exists only to be compiled.
    message: \"{message}\"
"
    );
    if !params.is_empty() {
        out.push_str("    params:\n");
        for (name, ty, optional) in params {
            let _ = writeln!(
                out,
                "      - {{ name: {name}, type: {ty}, optional: {optional}, description: The {name} of error {index} }}"
            );
        }
    }
    if status == 429 {
        out.push_str("    retry: { policy: after, after_seconds: 30 }\n");
    }
}

/// A parameter: name, catalog type and whether it may be absent.
type ParamSpec = (&'static str, &'static str, bool);

/// The message template and parameters of error `index`: none, or a mix covering
/// string, integer, boolean, list and optional parameters.
fn message_and_params(index: usize) -> (String, Vec<ParamSpec>) {
    match index % 6 {
        1 => (
            format!("Resource {{resource}} failed in step {index}"),
            vec![("resource", "string", false)],
        ),
        2 => (
            format!("Limit {{limit}} exceeded (strict: {{strict}}) in step {index}"),
            vec![("limit", "integer", false), ("strict", "boolean", false)],
        ),
        3 => (
            format!("Fields {{fields}} are invalid in step {index}"),
            vec![("fields", "list", false)],
        ),
        4 => (
            format!("Attempt {{attempt}} failed in step {index}{{hint}}"),
            vec![("attempt", "integer", false), ("hint", "string", true)],
        ),
        _ => (format!("Step {index} failed"), Vec::new()),
    }
}
