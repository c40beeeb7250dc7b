//! Catalogs of errors that are not HTTP responses (`http: false`, errors an SDK raises):
//! no status anywhere, no HTTP glue, no OpenAPI, docs without a status column; a status
//! written anyway is reported where it is written.

use errcat_codegen::emit::rust::{RustOptions, emit_with};
use errcat_codegen::{Builder, Source, compile};

const SDK: &str = "\
api: SDK
http: false
docs: { title: SDK errors, layout: reference }
envelope:
  body:
    fields:
      code: { from: code }
      message: { from: message }
errors:
  - code: credentials_missing
    title: Credentials Missing
    description: No credentials were found.
  - code: upload_interrupted
    description: The connection dropped.
    retry: { policy: backoff }
";

fn report(text: &str) -> String {
    match compile(&[Source::new("catalog/sdk.yaml", text)]) {
        Ok(_) => panic!("expected diagnostics"),
        Err(d) => d.to_string(),
    }
}

#[test]
fn an_sdk_catalog_has_no_status_glue_or_openapi() {
    let catalogs = compile(&[Source::new("catalog/sdk.yaml", SDK)]).expect("compiles");
    assert!(!catalogs[0].http);
    assert!(catalogs[0].errors.iter().all(|e| e.status.is_none()));
    let all_glue = RustOptions {
        http: true,
        axum: true,
        actix: true,
        non_exhaustive: false,
    };
    let rust = emit_with(&catalogs, all_glue);
    for http_only in [
        "fn status",
        "STATUSES",
        "IntoResponse",
        "ResponseError",
        "http_status",
    ] {
        assert!(!rust.contains(http_only), "{http_only} in:\n{rust}");
    }
    assert!(rust.contains("fn is_retryable"), "retry facts stay");
    let docs = Builder::new().generate(&catalogs).docs;
    let names: Vec<&str> = docs.iter().map(|f| f.name.as_str()).collect();
    assert!(names.iter().all(|n| !n.contains("openapi")), "{names:?}");
    let page = &docs
        .iter()
        .find(|f| f.name == "sdk.md")
        .expect("docs")
        .content;
    assert!(page.contains("| Code | Description |"), "{page}");
    assert!(!page.contains("Status"), "{page}");
}

#[test]
fn every_status_in_an_sdk_catalog_is_reported_where_it_is_written() {
    let text =
        SDK.replace(
            "    title: Credentials Missing\n",
            "    title: Credentials Missing\n    status: 401\n",
        )
        .replace(
            "      message: { from: message }\n",
            "      message: { from: message }\n      status: { from: status }\n",
        ) + "defaults: { status: 500 }\ngroups:\n  - { name: auth, status: 401 }\n";
    let report = report(&text);
    assert_eq!(
        report
            .matches("a status in a catalog of errors that are not HTTP responses")
            .count(),
        3,
        "{report}"
    );
    assert!(report.contains("`from: status` in a catalog"), "{report}");
    for line in [
        "sdk.yaml:9:23",
        "sdk.yaml:13:13",
        "sdk.yaml:18:21",
        "sdk.yaml:20:27",
    ] {
        assert!(report.contains(line), "{line} in {report}");
    }
}
