//! The breaking-change guard: a catalog against its published contract. The shipped
//! Retrac catalog, changed as a careless edit would change it, fails with the rule's
//! id at the line of the code; compatible edits pass; each rule has a test.

mod common;

use errcat_codegen::contract::{self, RULES};
use errcat_codegen::{Source, compile, emit};
use serde_json::Value as Json;

fn retrac_text() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join("catalog/retrac.yaml")).expect("the Retrac catalog")
}

/// The contract of a catalog text, as the build writes it.
fn record(text: &str) -> Json {
    let catalogs = compile(&[Source::new("catalog/retrac.yaml", text)]).expect("compiles");
    emit::dictionary::value(&catalogs[0])
}

/// The diagnostics (as text) and warnings of `changed` against the contract of `base`.
fn guard(base: &str, changed: &str) -> (String, Vec<String>) {
    let source = Source::new("catalog/retrac.yaml", changed);
    let catalogs = compile(std::slice::from_ref(&source)).unwrap_or_else(|d| panic!("{d}"));
    let (errors, warnings) = contract::guard(&catalogs[0], &source, &record(base));
    let report = if errors.is_empty() {
        String::new()
    } else {
        errors.to_string()
    };
    (report, warnings)
}

/// Removes the error with `code` (its list item) from a catalog text.
fn without(text: &str, code: &str) -> String {
    let start = text
        .find(&format!("  - code: {code}\n"))
        .expect("the code is there");
    let end = text[start + 4..]
        .find("\n  - ")
        .map_or(text.len(), |i| start + 4 + i + 1);
    format!("{}{}", &text[..start], &text[end..])
}

#[test]
fn removing_invite_expired_fails_naming_it_and_its_rule() {
    let base = retrac_text();
    let (errors, _) = guard(&base, &without(&base, "invite_expired"));
    assert!(errors.contains("ERROR_CODE_NO_DELETE"), "{errors}");
    assert!(errors.contains("invite_expired"), "{errors}");
    assert!(errors.contains("catalog/retrac.yaml:"), "located: {errors}");
}

#[test]
fn changing_invite_pendings_status_fails_at_its_line() {
    let base = retrac_text();
    let changed = base.replacen(
        "  - code: invite_pending\n    status: 409",
        "  - code: invite_pending\n    status: 400",
        1,
    );
    let (errors, _) = guard(&base, &changed);
    assert!(errors.contains("ERROR_STATUS_NO_CHANGE"), "{errors}");
    let line = changed
        .lines()
        .position(|l| l == "  - code: invite_pending")
        .unwrap()
        + 1;
    assert!(
        errors.contains(&format!("catalog/retrac.yaml:{line}:")),
        "{errors}"
    );
}

#[test]
fn adding_a_code_passes() {
    let base = retrac_text();
    let added = format!(
        "{base}  - code: payment_required\n    status: 402\n    title: Payment Required\n    description: The plan does not cover this.\n"
    );
    let (errors, warnings) = guard(&base, &added);
    assert!(errors.is_empty(), "{errors}");
    assert!(warnings.is_empty());
    let changes = contract::changes(&record(&base), &record(&added));
    assert!(
        changes
            .iter()
            .any(|c| c.rule.is_none() && c.code == "payment_required")
    );
}

#[test]
fn making_a_body_member_optional_or_required_is_no_change() {
    let base = retrac_text();
    let optional = base.replacen(
        "      message:\n        from: message\n",
        "      message:\n        from: message\n        optional: true\n",
        1,
    );
    assert_ne!(optional, base);
    assert_ne!(record(&optional)["envelope"], record(&base)["envelope"]);
    for (before, after) in [(&base, &optional), (&optional, &base)] {
        let (errors, warnings) = guard(before, after);
        assert!(
            errors.is_empty() && warnings.is_empty(),
            "{errors}{warnings:?}"
        );
        let changes = contract::changes(&record(before), &record(after));
        assert!(
            changes.is_empty(),
            "every body sends the member: {changes:?}"
        );
    }
}

#[test]
fn an_accepted_break_passes_with_a_new_contract_version() {
    let base = retrac_text();
    let accept = "  accept:\n    - { rule: ERROR_CODE_NO_DELETE, code: invite_expired }\n";
    let removed = without(&base, "invite_expired");
    let unversioned = format!("{removed}\ncontract:\n{accept}");
    let (errors, _) = guard(&base, &unversioned);
    assert!(errors.contains("CONTRACT_VERSION_BUMP"), "{errors}");
    assert!(errors.contains("contract: { version: 2 }"), "{errors}");
    // At the `contract:` mapping, which a position gives as its first key.
    let line = unversioned.lines().position(|l| l == "contract:").unwrap() + 2;
    assert!(
        errors.contains(&format!("catalog/retrac.yaml:{line}:3")),
        "at `contract:`: {errors}"
    );
    let versioned = format!("{removed}\ncontract:\n  version: 2\n{accept}");
    let (errors, _) = guard(&base, &versioned);
    assert!(errors.is_empty(), "{errors}");
    let published = record(&versioned);
    assert_eq!(published["contract"]["version"], 2);
    assert_eq!(
        published["contract"]["accepted"][0]["code"], "invite_expired",
        "the record lists the accepted break"
    );
    assert!(
        guard(&versioned, &versioned).0.is_empty(),
        "the next build of version 2 passes"
    );
    let lowered = versioned.replace("  version: 2\n", "  version: 1\n");
    assert!(
        guard(&versioned, &lowered)
            .0
            .contains("CONTRACT_VERSION_NO_DECREASE")
    );
}

#[test]
fn the_version_rules_cannot_be_accepted() {
    let text = format!(
        "{}\ncontract:\n  accept:\n    - {{ rule: CONTRACT_VERSION_BUMP, code: conflict }}\n",
        retrac_text()
    );
    let report = compile(&[Source::new("catalog/retrac.yaml", text)])
        .unwrap_err()
        .to_string();
    assert!(report.contains("cannot be accepted"), "{report}");
}

#[test]
fn a_sunset_is_compatible_and_recorded() {
    let base = retrac_text();
    let sunset = base.replacen(
        "    description: The invite has expired.\n",
        "    description: The invite has expired.\n    deprecated: Invites no longer expire.\n    sunset: 2027-06-30\n",
        1,
    );
    assert!(guard(&base, &sunset).0.is_empty());
    let published = record(&sunset);
    let errors = published["errors"].as_array().unwrap();
    let expired = errors
        .iter()
        .find(|e| e["code"] == "invite_expired")
        .unwrap();
    assert_eq!(expired["sunset"], "2027-06-30");
}

#[test]
fn deprecating_then_retiring_is_the_documented_path() {
    let base = retrac_text();
    let deprecated = base.replacen(
        "    description: The invite has expired.\n",
        "    description: The invite has expired.\n    deprecated: Invites no longer expire.\n",
        1,
    );
    assert!(
        guard(&base, &deprecated).0.is_empty(),
        "deprecating is compatible"
    );
    let retired = format!(
        "{}\nretired:\n  - {{ code: invite_expired, reason: Invites no longer expire. }}\n",
        without(&deprecated, "invite_expired")
    );
    assert!(
        guard(&deprecated, &retired).0.is_empty(),
        "retiring a deprecated code passes"
    );
    let skipped = guard(&base, &retired).0;
    assert!(
        skipped.contains("without having been deprecated"),
        "{skipped}"
    );
    let unlisted = without(&deprecated, "invite_expired");
    assert!(
        guard(&retired, &unlisted)
            .0
            .contains("RETIRED_CODE_NO_DELETE")
    );
}

#[test]
fn reusing_a_retired_code_is_refused() {
    let base = retrac_text();
    let text = format!("{base}\nretired:\n  - {{ code: conflict, reason: Replaced. }}\n");
    let report = compile(&[Source::new("catalog/retrac.yaml", text)])
        .unwrap_err()
        .to_string();
    assert!(report.contains("RETIRED_CODE_REUSED"), "{report}");
}

/// `after` breaks `rule`, and with every break it makes accepted under contract
/// version 2, passes.
fn assert_accepting_passes(rule: &str, before: &str, after: &str) {
    let found = contract::changes(&record(before), &record(after));
    assert!(
        found.iter().any(|c| c.rule == Some(rule)),
        "{rule}: {found:?}"
    );
    let entries: String = found
        .iter()
        .filter(|c| c.rule.and_then(contract::rule).is_some_and(|r| r.breaking))
        .map(|c| {
            format!(
                "    - {{ rule: {}, code: \"{}\" }}\n",
                c.rule.unwrap_or_default(),
                c.code
            )
        })
        .collect();
    let accepted = format!("{after}\ncontract:\n  version: 2\n  accept:\n{entries}");
    let (errors, _) = guard(before, &accepted);
    assert!(errors.is_empty(), "{rule} accepted: {errors}");
}

#[test]
fn each_rule_has_a_case_that_breaks_it() {
    let base = retrac_text();
    let param = "    solution: Check the request and make sure input data is valid.\n";
    let with_field = base.replacen(
        param,
        &format!("{param}    message: \"{{field}} is invalid\"\n    params:\n      - {{ name: field, type: string }}\n"),
        1,
    );
    let mut cases: Vec<(&str, String, String)> = vec![
        (
            "ERROR_NUMBER_NO_CHANGE",
            base.replacen(
                "  - code: conflict\n",
                "  - code: conflict\n    number: 7\n",
                1,
            ),
            base.replacen(
                "  - code: conflict\n",
                "  - code: conflict\n    number: 8\n",
                1,
            ),
        ),
        (
            "FIELD_NO_DELETE",
            with_field.clone(),
            with_field
                .replace("{field} is invalid", "invalid")
                .replace("    params:\n      - { name: field, type: string }\n", ""),
        ),
        (
            "FIELD_TYPE_NO_CHANGE",
            with_field.clone(),
            with_field.replace("type: string }", "type: integer }"),
        ),
        (
            "FIELD_PRESENCE_NO_CHANGE",
            with_field.clone(),
            with_field.replace("type: string }", "type: string, optional: true }"),
        ),
        (
            "ENVELOPE_MEMBER_NO_DELETE",
            base.clone(),
            base.replacen(
                "      message:\n        from: message",
                "      detail:\n        from: message",
                1,
            ),
        ),
        (
            "BODY_VALUE_NO_CHANGE",
            base.replacen(
                "      message:\n",
                "      kind:\n        const: retrac\n      message:\n",
                1,
            ),
            base.replacen(
                "      message:\n",
                "      kind:\n        const: retrac-v2\n      message:\n",
                1,
            ),
        ),
        (
            "BODY_MEMBER_NO_ADD",
            base.clone(),
            base.replacen(
                "      message:\n",
                "      kind:\n        const: retrac\n      message:\n",
                1,
            ),
        ),
        (
            "MEDIA_TYPE_NO_CHANGE",
            base.clone(),
            base.replacen(
                "envelope:\n",
                "envelope:\n  media_type: application/vnd.retrac+json\n",
                1,
            ),
        ),
    ];
    let routed = base.replacen(
        "errors:\n",
        "operations:\n  - id: list_items\n    errors: [bad_request, not_found]\nerrors:\n",
        1,
    );
    cases.push((
        "OPERATION_NO_DELETE",
        routed.clone(),
        routed.replace(
            "  - id: list_items\n    errors: [bad_request, not_found]\n",
            "  - id: list_things\n    errors: [bad_request, not_found]\n",
        ),
    ));
    cases.push((
        "OPERATION_ERROR_NO_ADD",
        routed.clone(),
        routed.replace(
            "[bad_request, not_found]",
            "[bad_request, not_found, conflict]",
        ),
    ));
    for (rule, before, after) in cases {
        let (errors, _) = guard(&before, &after);
        assert!(errors.contains(rule), "{rule}: {errors}");
        assert_accepting_passes(rule, &before, &after);
    }
    // Retrac states no retry policy: stating one changes the contract's retry facts.
    let retry = base.replacen(
        "    solution: Try again later. If the problem persists, contact support.\n",
        "    solution: Try again later. If the problem persists, contact support.\n    retry: { policy: backoff }\n",
        1,
    );
    assert_ne!(retry, base);
    let (errors, warnings) = guard(&base, &retry);
    assert!(errors.is_empty(), "a retry flip is a warning: {errors}");
    assert!(
        warnings.iter().any(|w| w.contains("ERROR_RETRY_CHANGED")),
        "{warnings:?}"
    );
    for rule in RULES {
        assert!(!rule.reason.is_empty(), "{} documents its reason", rule.id);
    }
}

#[test]
fn an_operation_returning_fewer_errors_or_a_new_operation_is_compatible() {
    let base = retrac_text().replacen(
        "errors:\n",
        "operations:\n  - id: list_items\n    errors: [bad_request, not_found]\nerrors:\n",
        1,
    );
    let fewer = base
        .replace("[bad_request, not_found]", "[not_found]")
        .replacen(
            "operations:\n",
            "operations:\n  - id: count_items\n    errors: [bad_request]\n",
            1,
        );
    let changes = contract::changes(&record(&base), &record(&fewer));
    let said: Vec<(Option<&str>, &str)> =
        changes.iter().map(|c| (c.rule, c.what.as_str())).collect();
    assert_eq!(
        said,
        [
            (
                None,
                "operation `list_items` no longer returns `bad_request`"
            ),
            (None, "new operation `count_items`"),
        ]
    );
    let (errors, _) = guard(&base, &fewer);
    assert!(errors.is_empty(), "{errors}");
    // A contract published before operations existed has none to lose.
    assert!(contract::changes(&record(&retrac_text()), &record(&base)).is_empty());
}

/// Two errors with one code in two groups (`unique_codes: group`).
const CLOUD: &str = "\
api: Cloud
unique_codes: group
docs: { title: Cloud errors }
groups:
  - { name: storage }
  - { name: billing }
envelope:
  body:
    fields:
      type: { from: group }
      code: { from: code }
errors:
  - { code: not_found, group: storage, status: 404, description: No object. }
  - { code: not_found, group: billing, status: 404, description: No invoice. }
";

/// The report of `changed` against the contract of `base`, both read as
/// `catalog/cloud.yaml`.
fn guard_cloud(base: &str, changed: &str) -> String {
    let old = compile(&[Source::new("catalog/cloud.yaml", base)]).expect("compiles");
    let source = Source::new("catalog/cloud.yaml", changed);
    let new = compile(std::slice::from_ref(&source)).unwrap_or_else(|d| panic!("{d}"));
    let (errors, _) = contract::guard(&new[0], &source, &emit::dictionary::value(&old[0]));
    if errors.is_empty() {
        String::new()
    } else {
        errors.to_string()
    }
}

#[test]
fn codes_are_matched_as_the_published_contract_keys_them() {
    let without_billing = CLOUD.replace("unique_codes: group\n", "").replace(
        "  - { code: not_found, group: billing, status: 404, description: No invoice. }\n",
        "",
    );
    let report = guard_cloud(CLOUD, &without_billing);
    assert!(report.contains("ERROR_CODE_NO_DELETE"), "{report}");
    assert!(report.contains("group: billing"), "{report}");
}

#[test]
fn an_accepted_removal_names_its_group() {
    let removed = CLOUD.replace(
        "  - { code: not_found, group: billing, status: 404, description: No invoice. }\n",
        "",
    );
    let accept =
        |entry: &str| format!("{removed}contract:\n  version: 2\n  accept:\n    - {entry}\n");
    let report = guard_cloud(
        CLOUD,
        &accept("{ rule: ERROR_CODE_NO_DELETE, code: not_found }"),
    );
    assert!(
        report.contains("ERROR_CODE_NO_DELETE"),
        "no group accepts no grouped code: {report}"
    );
    let report = guard_cloud(
        CLOUD,
        &accept("{ rule: ERROR_CODE_NO_DELETE, code: not_found, group: storage }"),
    );
    assert!(
        report.contains("ERROR_CODE_NO_DELETE"),
        "another group's: {report}"
    );
    let report = guard_cloud(
        CLOUD,
        &accept("{ rule: ERROR_CODE_NO_DELETE, code: not_found, group: billing }"),
    );
    assert!(report.is_empty(), "{report}");
}

/// A break is reported where the error is written, whatever the YAML style: here at the
/// second of two flow-style errors with one code, the one in the changed group.
#[test]
fn a_break_points_at_its_error_in_flow_style_and_in_its_group() {
    let changed = CLOUD.replace(
        "group: billing, status: 404, description: No invoice.",
        "group: billing, status: 410, description: No invoice.",
    );
    let report = guard_cloud(CLOUD, &changed);
    assert!(report.contains("ERROR_STATUS_NO_CHANGE"), "{report}");
    let line = changed
        .lines()
        .position(|l| l.contains("group: billing, status: 410"))
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!("catalog/cloud.yaml:{line}:13")),
        "at the billing error's code: {report}"
    );
}

/// Retrac with a request id under `context`, `required` as given, sent in every body
/// where the envelope refuses unknown members.
fn with_request_id(required: bool) -> String {
    retrac_text()
        .replacen(
            "envelope:\n",
            &format!("context:\n  request_id: {{ type: string, required: {required} }}\nenvelope:\n"),
            1,
        )
        .replacen(
            "        description: Human-readable description of the problem\n",
            "        description: Human-readable description of the problem\n      request_id:\n        from: context.request_id\n",
            1,
        )
}

/// Making a context member required only adds a promise the previous parser does not
/// rely on; dropping it breaks that parser, which refuses a body without the member.
#[test]
fn a_context_member_may_become_required_but_not_stop_being_required() {
    let (optional, required) = (with_request_id(false), with_request_id(true));
    assert!(record(&required)["errors"][0]["example"]["request_id"].is_string());
    let (errors, warnings) = guard(&optional, &required);
    assert!(errors.is_empty(), "making it required: {errors}");
    assert!(warnings.is_empty(), "{warnings:?}");

    let (errors, _) = guard(&required, &optional);
    assert!(errors.contains("CONTEXT_REQUIRED_NO_DROP"), "{errors}");
    assert!(
        errors.contains("`request_id` (context.request_id)"),
        "{errors}"
    );
    assert!(
        !errors.contains("BODY_"),
        "one report, not one per code: {errors}"
    );
    assert_accepting_passes("CONTEXT_REQUIRED_NO_DROP", &required, &optional);
}
