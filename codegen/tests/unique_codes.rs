//! `unique_codes: group`: the same code in two groups, told apart by the group member;
//! its mistakes are reported where they are written. (The body case
//! `tests/bodies/same_code_two_groups` reads and writes such bodies.)

use errcat_codegen::{Source, compile};

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

fn report(text: &str) -> String {
    match compile(&[Source::new("catalog/cloud.yaml", text)]) {
        Ok(_) => panic!("expected diagnostics for:\n{text}"),
        Err(d) => d.to_string(),
    }
}

#[test]
fn the_same_code_in_two_groups_gets_qualified_names() {
    let catalogs = compile(&[Source::new("catalog/cloud.yaml", CLOUD)]).expect("compiles");
    let names: Vec<(&str, &str)> = catalogs[0]
        .errors
        .iter()
        .map(|e| (e.variant.as_str(), e.anchor.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("StorageNotFound", "storage-not_found"),
            ("BillingNotFound", "billing-not_found")
        ]
    );
}

#[test]
fn without_unique_codes_group_the_same_code_is_a_duplicate() {
    let report = report(&CLOUD.replace("unique_codes: group\n", ""));
    assert!(report.contains("duplicate code \"not_found\""), "{report}");
}

#[test]
fn the_same_code_twice_in_one_group_is_a_duplicate() {
    let report = report(&CLOUD.replace("group: billing", "group: storage"));
    assert!(
        report.contains("duplicate code \"storage/not_found\"")
            && report.contains("within its group"),
        "{report}"
    );
    assert!(report.contains("cloud.yaml:13:"), "{report}");
}

#[test]
fn bodies_must_carry_the_group() {
    let report = report(&CLOUD.replace("      type: { from: group }\n", ""));
    assert!(report.contains("bodies do not carry the group"), "{report}");
    assert!(report.contains("cloud.yaml:2:15"), "{report}");
}

#[test]
fn unique_codes_takes_catalog_or_group() {
    let report = report(&CLOUD.replace("unique_codes: group", "unique_codes: team"));
    assert!(report.contains("unknown `unique_codes` `team`"), "{report}");
}

#[test]
fn the_contract_knows_an_error_by_its_group_and_code() {
    use errcat_codegen::{contract, emit};
    let record = |text: &str| {
        let catalogs = compile(&[Source::new("catalog/cloud.yaml", text)]).expect("compiles");
        emit::dictionary::value(&catalogs[0])
    };
    let fewer = CLOUD.replace(
        "  - { code: not_found, group: billing, status: 404, description: No invoice. }\n",
        "",
    );
    let found = contract::changes(&record(CLOUD), &record(&fewer));
    assert!(
        found
            .iter()
            .any(|c| c.rule == Some("ERROR_CODE_NO_DELETE") && c.code == "not_found"),
        "billing's not_found is gone though storage's stays: {found:?}"
    );
}
