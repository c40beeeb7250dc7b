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

/// How parameters are named across errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Names {
    /// Errors of the same kind share names (`resource`, `limit`, ...).
    Shared,
    /// Every error's parameters have names of their own (`resource_17`): the worst
    /// case for the generated code, whose per-field `match` arms are shared by errors
    /// with the same fields.
    Distinct,
}

/// A catalog of `count` errors named `error_00000`, `error_00001`, ..., with
/// parameters named as `names` says.
pub(crate) fn yaml_with(count: usize, names: Names) -> String {
    let mut out = String::from(HEAD);
    for index in 0..count {
        push_error(&mut out, index, names);
    }
    out
}

/// Appends one error; its parameters and message depend on `index`.
fn push_error(out: &mut String, index: usize, names: Names) {
    let status = STATUSES[index % STATUSES.len()];
    let (mut message, mut params) = message_and_params(index);
    if names == Names::Distinct {
        for (name, _, _) in &mut params {
            let distinct = format!("{name}_{index}");
            message = message.replace(&format!("{{{name}}}"), &format!("{{{distinct}}}"));
            *name = distinct;
        }
    }
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
type ParamSpec = (String, &'static str, bool);

/// The message template and parameters of error `index`: none, or a mix covering
/// string, integer, boolean, list and optional parameters.
fn message_and_params(index: usize) -> (String, Vec<ParamSpec>) {
    match index % 6 {
        1 => (
            format!("Resource {{resource}} failed in step {index}"),
            vec![("resource".to_owned(), "string", false)],
        ),
        2 => (
            format!("Limit {{limit}} exceeded (strict: {{strict}}) in step {index}"),
            vec![
                ("limit".to_owned(), "integer", false),
                ("strict".to_owned(), "boolean", false),
            ],
        ),
        3 => (
            format!("Fields {{fields}} are invalid in step {index}"),
            vec![("fields".to_owned(), "list", false)],
        ),
        4 => (
            format!("Attempt {{attempt}} failed in step {index}{{hint}}"),
            vec![
                ("attempt".to_owned(), "integer", false),
                ("hint".to_owned(), "string", true),
            ],
        ),
        _ => (format!("Step {index} failed"), Vec::new()),
    }
}
