//! `cargo build` as a user runs it, on a scratch crate whose build script calls the
//! generator: broken catalogs fail the build with located, rustc-style reports and no
//! panic; a valid catalog builds.

use std::path::{Path, PathBuf};
use std::process::Command;

const BUILD_RS: &str = "fn main() {\n    errcat_codegen::Builder::new().catalog_dir(\"catalog\").run_in_build_script();\n}\n";
const LIB_RS: &str = "//! Scratch crate.\ninclude!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes a scratch crate holding `retrac.yaml` with `catalog` as its text, builds it, and
/// returns whether the build succeeded and what cargo printed.
fn build_with(name: &str, catalog: &str) -> (bool, String) {
    build_in(name, catalog, BUILD_RS)
}

/// Like [`build_with`] with a build script given.
fn build_in(name: &str, catalog: &str, build_rs: &str) -> (bool, String) {
    let dir = workspace().join("target").join("scratch").join(name);
    let codegen = workspace().join("codegen");
    let manifest = format!(
        "[package]\nname = \"scratch-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[workspace]\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
         [build-dependencies]\nerrcat-codegen = {{ path = {:?} }}\n",
        codegen.display().to_string()
    );
    write(&dir.join("Cargo.toml"), &manifest);
    write(&dir.join("build.rs"), build_rs);
    write(&dir.join("src/lib.rs"), LIB_RS);
    write(&dir.join("catalog/retrac.yaml"), catalog);
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .arg("build")
        .arg("--quiet")
        .current_dir(&dir)
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target").join("scratch-target"),
        )
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.success(), text)
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn shipped_retrac() -> String {
    std::fs::read_to_string(workspace().join("catalog/retrac.yaml")).unwrap()
}

#[test]
fn cargo_build_reports_broken_catalogs_and_builds_good_ones() {
    let retrac = shipped_retrac();

    let (ok, report) = build_with("good", &retrac);
    assert!(ok, "the shipped catalog builds:\n{report}");

    let (ok, report) = build_with("doubled", &format!("{retrac}{retrac}"));
    assert!(!ok, "a catalog concatenated with itself must fail");
    assert!(report.contains("duplicate mapping key"), "{report}");
    assert_located(&report);

    let (ok, report) = build_with(
        "status700",
        &retrac.replacen("status: 429", "status: 700", 1),
    );
    assert!(!ok, "status 700 must fail");
    assert!(
        report.contains("status 700 is not an HTTP error status"),
        "{report}"
    );
    assert_located(&report);
}

/// The report points at `catalog/retrac.yaml:LINE:COL` and nothing panicked.
fn assert_located(report: &str) {
    let located = report.lines().any(|line| {
        line.split("--> catalog/retrac.yaml:")
            .nth(1)
            .is_some_and(|rest| {
                let mut parts = rest.trim().split(':');
                let line_no = parts.next().and_then(|p| p.parse::<u32>().ok());
                let col = parts.next().and_then(|p| p.parse::<u32>().ok());
                line_no.is_some() && col.is_some()
            })
    });
    assert!(located, "no retrac.yaml:LINE:COL in:\n{report}");
    assert!(!report.contains("panicked"), "{report}");
}

/// A build script that also writes the docs and the contract into `generated/`.
const BUILD_WITH_DOCS_RS: &str = "fn main() {\n    errcat_codegen::Builder::new().catalog_dir(\"catalog\").docs_dir(\"generated\").run_in_build_script();\n}\n";

#[test]
fn cargo_build_refuses_a_breaking_change_to_the_published_contract() {
    let dir = workspace().join("target").join("scratch").join("contract");
    let record = std::fs::read_to_string(workspace().join("generated/retrac.errors.json")).unwrap();
    write(&dir.join("generated/retrac.errors.json"), &record);
    let retrac = shipped_retrac();
    let start = retrac.find("  - code: invite_expired\n").unwrap();
    let end = start
        + retrac[start..]
            .find("  - code: unprocessable_entity")
            .unwrap();
    let removed = format!("{}{}", &retrac[..start], &retrac[end..]);
    let (ok, report) = build_in("contract", &removed, BUILD_WITH_DOCS_RS);
    assert!(!ok, "removing a published code must fail the build");
    assert!(
        report.contains("ERROR_CODE_NO_DELETE") && report.contains("invite_expired"),
        "{report}"
    );
    let added = format!(
        "{retrac}  - code: payment_required\n    status: 402\n    title: Payment Required\n    description: The plan does not cover this.\n"
    );
    let (ok, report) = build_in("contract", &added, BUILD_WITH_DOCS_RS);
    assert!(ok, "adding a code builds:\n{report}");
    let updated = std::fs::read_to_string(dir.join("generated/retrac.errors.json")).unwrap();
    assert!(
        updated.contains("payment_required"),
        "the build writes the new contract"
    );
}
