//! The `errcat` command line on the shipped catalogs and a changed copy: `check`,
//! `diff` (text and `--json`) and `changelog`.

mod common;

use comrak::nodes::NodeValue;
use comrak::{Arena, parse_document};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn errcat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .output()
        .expect("errcat runs")
}

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog")
}

/// A copy of the shipped catalogs with `change` applied to Retrac's text.
fn changed(name: &str, change: impl Fn(&str) -> String) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["retrac.yaml", "reten.yaml"] {
        let text = std::fs::read_to_string(shipped().join(file)).unwrap();
        let text = if file == "retrac.yaml" {
            change(&text)
        } else {
            text
        };
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn check_passes_the_shipped_catalogs_and_fails_a_broken_one() {
    let ok = errcat(&["check", shipped().to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let broken = changed("cli-broken", |t| {
        t.replacen("status: 404", "status: 700", 1)
    });
    let failed = errcat(&["check", broken.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("700"));
}

#[test]
fn check_notes_an_error_no_operation_returns_and_passes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/operations");
    let output = errcat(&["check", dir.to_str().unwrap()]);
    assert!(output.status.success(), "a note is no mistake");
    let notes = String::from_utf8_lossy(&output.stderr).into_owned();
    let lines: Vec<&str> = notes.lines().collect();
    assert_eq!(lines.len(), 1, "one unreachable error: {notes}");
    assert!(lines[0].ends_with(
        "catalog.yaml:57:11: note: error `legacy_token` is returned by no operation (an unreachable error); add it to an operation's `errors`, or retire it"
    ), "{notes}");
}

#[test]
fn changelog_and_diff_show_the_operations_changes() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bodies/operations");
    let catalog = std::fs::read_to_string(case.join("catalog.yaml")).unwrap();
    let changed = catalog
        .replace(
            "    errors: [invite_expired, not_found]\n",
            "    errors: [invite_expired, legacy_token]\n",
        )
        .replace("  - id: resend_all\n", "  - id: resend_pending\n");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-operations");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("catalog.yaml"), changed).unwrap();
    let (old, new) = (case.to_str().unwrap(), dir.to_str().unwrap());
    let changelog = text(&errcat(&["changelog", old, new]));
    for line in [
        "### Operations",
        "- `accept_invite` now returns `legacy_token`",
        "- `accept_invite` no longer returns `not_found`",
        "- New operation `resend_pending`",
        "- Operation `resend_all` removed",
    ] {
        assert!(changelog.contains(line), "{line}:\n{changelog}");
    }
    let diff = errcat(&["diff", old, new]);
    assert_eq!(
        diff.status.code(),
        Some(1),
        "adding an error to an operation breaks"
    );
    let listed = text(&diff);
    assert!(listed.contains("OPERATION_ERROR_NO_ADD"), "{listed}");
    assert!(listed.contains("OPERATION_NO_DELETE"), "{listed}");
}

#[test]
fn diff_names_each_change_with_its_rule() {
    let status = changed("cli-status", |t| {
        t.replacen(
            "  - code: invite_pending\n    status: 409",
            "  - code: invite_pending\n    status: 400",
            1,
        )
    });
    let output = errcat(&[
        "diff",
        shipped().to_str().unwrap(),
        status.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "a breaking change fails");
    assert!(
        text(&output).contains("breaking [ERROR_STATUS_NO_CHANGE]"),
        "{}",
        text(&output)
    );
    let json = errcat(&[
        "diff",
        shipped().to_str().unwrap(),
        status.to_str().unwrap(),
        "--json",
    ]);
    let changes: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(changes[0]["rule"], "ERROR_STATUS_NO_CHANGE");
    assert_eq!(changes[0]["code"], "invite_pending");
    assert_eq!(changes[0]["breaking"], true);
    let same = errcat(&[
        "diff",
        shipped().to_str().unwrap(),
        shipped().to_str().unwrap(),
    ]);
    assert!(same.status.success() && text(&same).is_empty());
}

#[test]
fn changelog_lists_new_and_deprecated_codes() {
    let grown = changed("cli-grown", |t| {
        format!(
            "{}  - code: payment_required\n    status: 402\n    title: Payment Required\n    description: The plan does not cover this.\n",
            t.replacen("    description: The invite has expired.\n", "    description: The invite has expired.\n    deprecated: Invites no longer expire.\n", 1)
        )
    });
    let output = errcat(&[
        "changelog",
        shipped().to_str().unwrap(),
        grown.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let log = text(&output);
    assert!(
        log.contains("### New codes") && log.contains("`payment_required`"),
        "{log}"
    );
    assert!(
        log.contains("### Deprecated") && log.contains("`invite_expired`"),
        "{log}"
    );
}

#[test]
fn changelog_shows_the_new_contract_version_and_its_accepted_break() {
    let moved = changed("cli-versioned", |t| {
        format!(
            "{}contract:\n  version: 2\n  accept:\n    - {{ rule: ERROR_STATUS_NO_CHANGE, code: invite_pending }}\n",
            t.replacen(
                "  - code: invite_pending\n    status: 409",
                "  - code: invite_pending\n    status: 400",
                1
            )
        )
    });
    let output = errcat(&[
        "changelog",
        shipped().to_str().unwrap(),
        moved.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let log = text(&output);
    assert!(
        log.contains("### Contract version") && log.contains("now version 2 (was 1)"),
        "{log}"
    );
    assert!(
        log.contains("### Breaking changes accepted") && log.contains("invite_pending"),
        "{log}"
    );
    let diff = errcat(&["diff", shipped().to_str().unwrap(), moved.to_str().unwrap()]);
    assert!(
        diff.status.success(),
        "an accepted, versioned break: {}",
        text(&diff)
    );
}

/// Catalog text that Markdown would read as HTML, an mdBook directive, a link and a
/// code span.
const HOSTILE: &str = "<b>x</b> {{#include a}} [a](b) a`tick";

#[test]
fn changelog_writes_catalog_text_as_text() {
    let hostile = changed("cli-hostile", |t| {
        let t = t.replacen(
            "    description: The invite has expired.\n",
            &format!(
                "    description: The invite has expired.\n    deprecated: '{HOSTILE} deprecated'\n"
            ),
            1,
        );
        format!(
            "{t}  - code: payment_required\n    status: 402\n    title: '{HOSTILE} title'\n    description: '{HOSTILE} description'\nretired:\n  - {{ code: old_code, reason: '{HOSTILE} reason' }}\n"
        )
    });
    let output = errcat(&[
        "changelog",
        shipped().to_str().unwrap(),
        hostile.to_str().unwrap(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let log = text(&output);
    assert!(
        !log.contains("{{#"),
        "mdBook would expand a directive: {log}"
    );
    let arena = Arena::new();
    let root = parse_document(&arena, &log, &common::github_markdown());
    let mut shown = String::new();
    for node in root.descendants() {
        match &node.data.borrow().value {
            NodeValue::Text(text) => shown.push_str(text),
            NodeValue::Code(code) => shown.push_str(&format!("<code>{}</code>", code.literal)),
            NodeValue::SoftBreak | NodeValue::LineBreak => shown.push(' '),
            NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::Item(_) => shown.push('\n'),
            value @ (NodeValue::HtmlInline(_)
            | NodeValue::HtmlBlock(_)
            | NodeValue::Link(_)
            | NodeValue::Image(_)
            | NodeValue::CodeBlock(_)) => panic!("catalog text made {value:?} in:\n{log}"),
            _ => {}
        }
    }
    for what in ["title", "description", "deprecated", "reason"] {
        assert!(
            shown.contains(&format!("{HOSTILE} {what}")),
            "{what} does not read back as written in:\n{shown}\nfrom:\n{log}"
        );
    }
    for code in ["payment_required", "invite_expired", "old_code"] {
        assert!(
            shown.contains(&format!("<code>{code}</code>")),
            "{code} in:\n{shown}"
        );
    }
}

#[test]
fn diff_reads_the_old_catalogs_from_a_git_revision() {
    let output = errcat(&[
        "diff",
        "HEAD:catalog",
        shipped().to_str().unwrap(),
        "--json",
    ]);
    assert!(
        output.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let changes: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(changes.is_array());
}

/// Runs `git` in `repo` with a fixed identity, asserting it succeeds.
fn git_in(repo: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=errcat",
            "-c",
            "user.email=errcat@example.invalid",
        ])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(args)
        .current_dir(repo)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {output:?}");
}

fn errcat_in(repo: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(repo)
        .output()
        .expect("errcat runs")
}

/// A repository whose `catalog/` holds the shipped catalogs and a folder named
/// `trap.yaml`, committed and tagged `v1`.
fn repository(name: &str) -> PathBuf {
    let repo = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join("catalog/trap.yaml")).unwrap();
    for file in ["retrac.yaml", "reten.yaml"] {
        std::fs::copy(shipped().join(file), repo.join("catalog").join(file)).unwrap();
    }
    std::fs::write(repo.join("catalog/trap.yaml/notes.txt"), "not a catalog").unwrap();
    git_in(&repo, &["init", "--quiet"]);
    git_in(&repo, &["add", "."]);
    git_in(&repo, &["commit", "--quiet", "-m", "v1"]);
    git_in(&repo, &["tag", "v1"]);
    repo
}

#[test]
fn a_revision_reads_only_its_blobs_and_a_folder_of_the_same_name_is_refused() {
    let repo = repository("git-revision");
    let diff = errcat_in(&repo, &["diff", "v1:catalog", "catalog"]);
    assert!(
        diff.status.success(),
        "the folder named trap.yaml is not a catalog: {}",
        String::from_utf8_lossy(&diff.stderr)
    );
    // A pull request could commit a folder literally named `v1:catalog`.
    let copy = repo.join("v1:catalog");
    std::fs::create_dir_all(&copy).unwrap();
    for file in ["retrac.yaml", "reten.yaml"] {
        std::fs::copy(shipped().join(file), copy.join(file)).unwrap();
    }
    let diff = errcat_in(&repo, &["diff", "v1:catalog", "catalog"]);
    let stderr = String::from_utf8_lossy(&diff.stderr);
    assert_eq!(diff.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("both a folder here and a folder at the git revision `v1`"),
        "{stderr}"
    );
    let diff = errcat_in(&repo, &["diff", "./v1:catalog", "catalog"]);
    assert!(
        diff.status.success(),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
}

#[test]
fn a_revision_reads_file_names_git_would_quote() {
    let repo = repository("git-quoted-names");
    let text = std::fs::read_to_string(shipped().join("retrac.yaml")).unwrap();
    std::fs::write(repo.join("catalog/\u{fc}ber \"api\".yaml"), text).unwrap();
    git_in(&repo, &["add", "."]);
    git_in(&repo, &["commit", "--quiet", "-m", "v2"]);
    // Only the revision holds it now: what refuses it is the revision's reading.
    std::fs::remove_file(repo.join("catalog/\u{fc}ber \"api\".yaml")).unwrap();
    let diff = errcat_in(&repo, &["diff", "HEAD:catalog", "catalog"]);
    let stderr = String::from_utf8_lossy(&diff.stderr);
    assert!(!diff.status.success(), "{stderr}");
    assert!(
        stderr.contains("catalog/\u{fc}ber \"api\".yaml"),
        "read and refused for its name, never skipped: {stderr}"
    );
}
