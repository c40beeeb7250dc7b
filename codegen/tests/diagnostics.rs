//! One test per kind of diagnostic: a small catalog with one mistake and the exact report
//! an author sees (snapshots under tests/snapshots/diagnostics__*.snap).

use errcat_codegen::{Source, compile};

/// A valid catalog that each test breaks in one place.
const BASE: &str = "\
api: Test
docs:
  title: Errors
envelope:
  body:
    fields:
      code: { from: code }
      message: { from: message }
errors:
  - code: not_found
    status: 404
    title: Not Found
    description: Nothing here.
    solution: Check the id.
  - code: bad_request
    status: 400
    title: Bad Request
    description: The request is wrong.
    solution: Fix the request.
    message: \"{field} is invalid\"
    params:
      - name: field
        type: string
        example: name
";

/// The full report for `text` read as `catalog/test.yaml`.
fn report(text: &str) -> String {
    let source = Source::new("catalog/test.yaml", text);
    match compile(&[source]) {
        Ok(_) => panic!("expected diagnostics for:\n{text}"),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

/// BASE with `from` replaced by `to`, which must occur in BASE.
fn base_with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE lacks {from:?}");
    BASE.replacen(from, to, 1)
}

macro_rules! diagnostic_test {
    ($name:ident, $text:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(stringify!($name), report(&$text));
        }
    };
}

#[test]
fn base_catalog_is_valid() {
    let catalogs = compile(&[Source::new("catalog/test.yaml", BASE)]).unwrap();
    assert_eq!(catalogs[0].errors.len(), 2);
}

diagnostic_test!(duplicate_mapping_key, format!("{BASE}api: Again\n"));
diagnostic_test!(catalog_concatenated_with_itself, format!("{BASE}{BASE}"));
diagnostic_test!(
    duplicate_code,
    base_with("code: bad_request", "code: not_found")
);
diagnostic_test!(
    variant_collision,
    base_with("code: bad_request", "code: NotFound")
);
diagnostic_test!(
    sunset_not_a_day,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    deprecated: Use gone.\n    sunset: 2027-02-29"
    )
);
diagnostic_test!(
    sunset_without_deprecation,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    sunset: 2027-06-30"
    )
);
diagnostic_test!(
    link_url_not_absolute,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    links:\n      - { title: Limits, url: docs/limits }"
    )
);
diagnostic_test!(
    link_url_with_a_space,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    links:\n      - { title: Limits, url: \"https://a.example/rate limits\" }"
    )
);
diagnostic_test!(status_out_of_range, base_with("status: 404", "status: 700"));
diagnostic_test!(
    status_not_a_number,
    base_with("status: 404", "status: four")
);
diagnostic_test!(
    unknown_field,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    colour: red"
    )
);
diagnostic_test!(
    missing_field,
    base_with("    description: Nothing here.\n", "")
);
diagnostic_test!(
    empty_text,
    base_with("description: Nothing here.", "description: \"  \"")
);
diagnostic_test!(code_is_keyword, base_with("code: not_found", "code: self"));
diagnostic_test!(
    code_not_an_identifier,
    base_with("code: not_found", "code: \"404\"")
);
diagnostic_test!(
    param_is_keyword,
    base_with("{field} is invalid", "{self} is invalid").replacen("name: field", "name: self", 1)
);
diagnostic_test!(
    undeclared_param,
    base_with("{field} is invalid", "{field} is not {kind}")
);
diagnostic_test!(
    unused_param,
    base_with("{field} is invalid", "the field is invalid")
);
diagnostic_test!(
    template_syntax,
    base_with("{field} is invalid", "{field} is {invalid")
);
diagnostic_test!(
    duplicate_param,
    base_with(
        "        example: name\n",
        "        example: name\n      - name: Field\n        type: string\n"
    )
);
diagnostic_test!(unknown_param_type, base_with("type: string", "type: text"));
diagnostic_test!(
    example_of_wrong_type,
    base_with("example: name", "example: [a, b]")
);
diagnostic_test!(
    retry_after_without_seconds,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    retry: { policy: after }"
    )
);
diagnostic_test!(
    unknown_retry_policy,
    base_with(
        "    solution: Check the id.",
        "    solution: Check the id.\n    retry: { policy: sometimes }"
    )
);
diagnostic_test!(
    unknown_layout,
    base_with("  title: Errors", "  title: Errors\n  layout: grid")
);
diagnostic_test!(
    envelope_without_code,
    base_with("      code: { from: code }\n", "")
);
diagnostic_test!(
    envelope_node_ambiguous,
    base_with("code: { from: code }", "code: { from: code, const: x }")
);
diagnostic_test!(
    unknown_envelope_source,
    base_with("message: { from: message }", "message: { from: text }")
);
diagnostic_test!(
    docs_url_without_base_url,
    base_with(
        "message: { from: message }",
        "message: { from: message }\n      docs: { from: docs_url }"
    )
);
diagnostic_test!(
    number_missing,
    base_with("code: { from: code }", "code: { from: number }").replacen(
        "    status: 404",
        "    number: 1\n    status: 404",
        1
    )
);
diagnostic_test!(
    example_unknown_code,
    base_with("errors:", "example: gone\nerrors:")
);
diagnostic_test!(
    no_errors,
    "api: Test\ndocs: { title: T }\nenvelope: { body: { fields: { code: { from: code } } } }\nerrors: []\n"
);
diagnostic_test!(empty_file, "");
diagnostic_test!(
    syntax_error,
    base_with("  title: Errors", "  title: [Errors")
);
diagnostic_test!(
    tab_indentation,
    base_with("  - code: not_found", "\t- code: not_found")
);
diagnostic_test!(nul_character, base_with("Nothing here.", "Nothing\0here."));
diagnostic_test!(
    every_problem_at_once,
    base_with("status: 404", "status: 99")
        .replacen("status: 400", "status: 600", 1)
        .replacen("title: Bad Request", "title: \"\"", 1)
);

/// BASE with `bad_request`'s message and parameters replaced (the envelope sends the
/// parameters only inside the message).
fn base_with_message(message: &str, params: &str) -> String {
    base_with(
        "    message: \"{field} is invalid\"\n    params:\n      - name: field\n        type: string\n        example: name\n",
        &format!("    message: \"{message}\"\n    params:\n{params}"),
    )
}

diagnostic_test!(
    adjacent_placeholders,
    base_with_message(
        "{field}{reason} is invalid",
        "      - { name: field, type: string }\n      - { name: reason, type: string }\n"
    )
);
diagnostic_test!(
    example_holds_the_next_literal,
    base_with_message(
        "{field} is invalid, {reason}",
        "      - { name: field, type: string, example: \"age is invalid, really\" }\n      - { name: reason, type: string }\n"
    )
);
diagnostic_test!(
    example_list_item_holds_the_separator,
    base_with_message(
        "{fields} are invalid",
        "      - { name: fields, type: list, example: [\"a, b\", c] }\n"
    )
);
diagnostic_test!(
    example_optional_and_empty,
    base_with_message(
        "{field} is invalid{hint}",
        "      - { name: field, type: string }\n      - { name: hint, type: string, optional: true, example: \"\" }\n"
    )
);

#[test]
fn members_may_hold_what_a_message_could_not_tell_apart() {
    let text = base_with_message(
        "{field}{reason} is invalid, {fields}",
        "      - { name: field, type: string, example: \"x is invalid, y\" }\n      - { name: reason, type: string }\n      - { name: fields, type: list, example: [\"a, b\"] }\n",
    )
    .replacen(
        "      message: { from: message }",
        "      message: { from: message }\n      details: { fields: {}, params: true }",
        1,
    );
    compile(&[Source::new("catalog/test.yaml", text)]).unwrap();
}

#[test]
fn examples_that_read_back_pass_and_negative_numbers_before_a_dash_do_not() {
    // `{n}` stops at the first `-`, which `-5` would hold; `{field}` comes just before
    // the final literal and may hold anything, that literal included.
    let message = "{n}-{field} is invalid.";
    let params = "      - { name: n, type: integer, example: 5 }\n      - { name: field, type: string, example: \"x-y is invalid. z\" }\n";
    let text = base_with_message(message, params);
    compile(&[Source::new("catalog/test.yaml", text)]).unwrap();
    let negative = base_with_message(message, &params.replace("example: 5", "example: -5"));
    assert!(report(&negative).contains("read back as \"\""));
}

#[test]
fn duplicate_titles_when_bodies_carry_only_the_title() {
    let text = base_with(
        "      code: { from: code }\n",
        "      error: { from: title }\n",
    )
    .replacen("title: Bad Request", "title: Not Found", 1);
    insta::assert_snapshot!("duplicate_title", report(&text));
}

#[test]
fn crlf_and_byte_order_mark_simply_work() {
    let crlf = format!("\u{feff}{}", BASE.replace('\n', "\r\n"));
    let catalogs = compile(&[Source::new("catalog/test.yaml", crlf)]).unwrap();
    assert_eq!(catalogs[0].errors[1].code, "bad_request");
}

#[test]
fn every_report_names_the_file_and_a_line() {
    let report = report(&base_with("status: 404", "status: 700"));
    assert!(report.contains("--> catalog/test.yaml:11:13"), "{report}");
}

// Values in the author's terms (issue 10, item 6 and 9).
diagnostic_test!(
    example_integer_out_of_range,
    base_with(
        "        type: string\n        example: name",
        "        type: integer\n        example: 99999999999999999999"
    )
);
diagnostic_test!(
    example_fraction,
    base_with(
        "        type: string\n        example: name",
        "        type: integer\n        example: 1.5"
    )
);
diagnostic_test!(
    status_list_repeats_a_status,
    base_with("status: 404", "status: [404, 410, 404]")
);
diagnostic_test!(status_list_empty, base_with("status: 404", "status: []"));

// Codes are ASCII: lookalikes cannot read alike and differ on the wire (issue 10, item 4).
diagnostic_test!(
    code_with_zero_width_space,
    base_with("code: bad_request", "code: \"not\\u200Bfound\"")
);
diagnostic_test!(
    code_with_zero_width_joiner,
    base_with("code: bad_request", "code: \"bad\\u200Drequest\"")
);
diagnostic_test!(
    code_with_leading_space,
    base_with("code: bad_request", "code: \" not_found\"")
);
diagnostic_test!(
    code_with_dotless_i,
    base_with("code: bad_request", "code: n\u{131}t_found")
);
diagnostic_test!(
    code_with_long_s,
    base_with("code: bad_request", "code: \u{17f}top")
);
diagnostic_test!(
    code_in_nfd,
    base_with("code: bad_request", "code: cafe\u{301}")
);

// Envelopes that would send keys twice or objects nobody asked for (issue 10, items 3, 9).
diagnostic_test!(
    param_named_like_an_envelope_member,
    base_with(
        "      message: { from: message }",
        "      message: { from: message }\n    params: true"
    )
    .replace("{field} is invalid", "{code} is invalid")
    .replace("name: field", "name: code")
);
diagnostic_test!(
    params_on_two_objects,
    base_with(
        "      message: { from: message }",
        "      message: { from: message }\n      details:\n        fields: {}\n        params: true\n    params: true"
    )
);
diagnostic_test!(
    empty_envelope_object,
    base_with(
        "      message: { from: message }",
        "      message: { from: message }\n      meta: { fields: {} }"
    )
);

// Every error that lacks a required key is reported at its own code, all at once.
diagnostic_test!(
    missing_keys_in_several_errors,
    BASE.replace("    status: 404\n", "")
        .replace("    status: 400\n", "")
        .replace("    title: Bad Request\n", "")
);

#[test]
fn twenty_errors_without_a_status_give_twenty_diagnostics_each_at_its_error() {
    let mut text = String::from(
        "api: A\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\nerrors:\n",
    );
    let mut lines = Vec::new();
    for i in 0..20 {
        lines.push(u32::try_from(text.lines().count()).unwrap() + 1);
        text.push_str(&format!(
            "  - code: e{i}\n    title: T{i}\n    description: D\n    solution: S\n"
        ));
    }
    let diagnostics = compile(&[Source::new("catalog/test.yaml", text)]).unwrap_err();
    let missing: Vec<u32> = diagnostics
        .0
        .iter()
        .filter(|d| d.message.contains("has no `status`"))
        .map(|d| d.pos.line)
        .collect();
    assert_eq!(missing, lines, "{diagnostics}");
    assert_eq!(diagnostics.0.len(), 20, "{diagnostics}");
}

#[test]
fn a_status_comes_from_the_group_or_the_catalog_default() {
    let text = "api: A\ndocs: {title: T}\nenvelope: {body: {fields: {code: {from: code}}}}\n\
        defaults: {status: 400}\ngroups:\n  - {name: auth, status: 401}\nerrors:\n\
        \x20 - {code: a, group: auth, title: T, description: D, solution: S}\n\
        \x20 - {code: b, title: T, description: D, solution: S}\n\
        \x20 - {code: c, group: auth, status: 403, title: T, description: D, solution: S}\n";
    let catalogs = compile(&[Source::new("catalog/test.yaml", text)]).expect("compiles");
    let statuses: Vec<u16> = catalogs[0].errors.iter().filter_map(|e| e.status).collect();
    assert_eq!(statuses, [401, 400, 403]);
}

#[test]
fn a_retry_policy_is_derived_where_a_group_of_its_chain_or_the_catalog_says() {
    use errcat_codegen::model::Retry;
    let catalog = |defaults: &str| {
        format!(
            "api: A\ndocs: {{title: T}}\nenvelope: {{body: {{fields: {{code: {{from: code}}}}}}}}\n{defaults}\
            groups:\n  - name: edge\n    defaults: {{retry: from_status}}\n    groups:\n\
            \x20     - {{name: stated, retry: {{policy: backoff}}}}\n  - {{name: other}}\nerrors:\n\
            \x20 - {{code: a, group: edge, status: 404, title: T}}\n\
            \x20 - {{code: b, group: stated, status: 404, title: T}}\n\
            \x20 - {{code: c, group: other, status: 404, title: T}}\n\
            \x20 - {{code: d, status: 404, title: T, retry: {{policy: backoff}}}}\n"
        )
    };
    let retries = |text: String| -> Vec<(Option<Retry>, bool)> {
        let catalogs = compile(&[Source::new("catalog/test.yaml", text)]).expect("compiles");
        let errors = &catalogs[0].errors;
        errors
            .iter()
            .map(|e| (e.retry.policy.clone(), e.retry.derived))
            .collect()
    };
    let (derived, stated) = ((Some(Retry::Never), true), (Some(Retry::Backoff), false));
    // A group's stated policy wins over a derivation; an error outside the group, or
    // stating its own, derives nothing.
    assert_eq!(
        retries(catalog("")),
        [
            derived.clone(),
            stated.clone(),
            (None, false),
            stated.clone()
        ]
    );
    // The catalog's default reaches every error that states nothing.
    let everywhere = catalog("defaults: {retry: from_status}\n");
    assert_eq!(
        retries(everywhere),
        [derived.clone(), stated.clone(), derived, stated]
    );
}
