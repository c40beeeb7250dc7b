//! The book of a catalog with `docs.pages`: one page per code and an index laid out for
//! mdBook. Every code has a page and an entry in the sidebar and the index, every link
//! between pages resolves to a file of the book, each code's docs URL (in the
//! dictionary, wire bodies and the Rust) is its page, and each page shows the example
//! body the wire serialiser makes. `.ci/steps/60-book.sh` then builds the shipped book
//! with mdBook and opens every page in a browser.

mod common;

use comrak::{Options, markdown_to_html};
use errcat_codegen::{Builder, Catalog, Source, compile, emit, wire};
use std::collections::BTreeMap;

/// A catalog with groups (one nested), numbers, fields, a case and a `docs_url` member.
const GROUPED: &str = r#"api: Ledger
docs:
  title: Ledger Errors
  base_url: https://docs.example.invalid/ledger/
  pages: true
groups:
  - name: auth
    title: Authentication
    description: The caller could not be identified.
    status: 401
    groups:
      - name: token
        title: Tokens
envelope:
  body:
    fields:
      code: { from: code }
      message: { from: message }
      docs: { from: docs_url }
errors:
  - code: missing_key
    group: auth
    title: Missing Key
    description: No key was sent.
    solution: Send the key.
  - code: expired_token
    group: token
    description: The token has expired.
    cases:
      - title: Old token
        causes: [The token is older than an hour]
  - code: bad_amount
    status: 400
    description: The amount is invalid.
    message: "Amount {amount} is invalid"
    params:
      - { name: amount, type: integer, example: 12 }
"#;

fn compiled(yaml: &str) -> Catalog {
    let source = Source::new("catalog/ledger.yaml", yaml.to_owned());
    let catalogs = compile(&[source]).unwrap_or_else(|d| panic!("catalog:\n{d}"));
    catalogs.into_iter().next().expect("one catalog")
}

/// The book's files by path.
fn book(catalog: &Catalog) -> BTreeMap<String, String> {
    emit::markdown::book::files(catalog).into_iter().collect()
}

/// Every link target of a page, as comrak renders it.
fn links(markdown: &str) -> Vec<String> {
    let html = markdown_to_html(markdown, &Options::default());
    html.split(" href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap_or(rest.len())].to_owned())
        .collect()
}

/// `page`'s relative link `target` as a path from the book's `src/`.
fn resolve(page: &str, target: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

#[test]
fn without_pages_there_is_no_book_and_docs_urls_point_at_sections() {
    let catalog = compiled(&GROUPED.replace("  pages: true\n", ""));
    assert!(book(&catalog).is_empty());
    let url = catalog.docs_url(&catalog.errors[0]);
    assert_eq!(
        url.as_deref(),
        Some("https://docs.example.invalid/ledger/#missing_key")
    );
}

#[test]
fn every_code_and_group_has_a_page_in_the_sidebar_and_the_index() {
    let catalog = compiled(GROUPED);
    let files = book(&catalog);
    let mut expected = vec![
        "book.toml".to_owned(),
        "src/SUMMARY.md".to_owned(),
        "src/index.md".to_owned(),
    ];
    expected.extend(
        catalog
            .errors
            .iter()
            .map(|e| format!("src/codes/{}.md", e.anchor)),
    );
    expected.extend(
        catalog
            .groups
            .iter()
            .map(|g| format!("src/groups/{}.md", g.anchor)),
    );
    let mut names: Vec<String> = files.keys().cloned().collect();
    names.sort();
    expected.sort();
    assert_eq!(names, expected);
    let summary = links(&files["src/SUMMARY.md"]);
    let index = links(&files["src/index.md"]);
    for error in &catalog.errors {
        let page = format!("codes/{}.md", error.anchor);
        assert!(summary.contains(&page), "SUMMARY.md lacks {page}");
        assert!(index.contains(&page), "index.md lacks {page}");
    }
    // The nested group's codes are nested under it in the sidebar.
    assert!(
        files["src/SUMMARY.md"]
            .contains("\n  - [Tokens](groups/group-token.md)\n    - [`expired_token`]")
    );
}

#[test]
fn every_link_between_pages_resolves_to_a_file_of_the_book() {
    let files = book(&compiled(GROUPED));
    let mut checked = 0;
    for (path, content) in files.iter().filter(|(p, _)| p.ends_with(".md")) {
        let page = path.strip_prefix("src/").expect("pages live in src/");
        for target in links(content) {
            if target.starts_with('#') || target.starts_with("https://") {
                continue;
            }
            let file = format!("src/{}", resolve(page, &target));
            assert!(
                files.contains_key(&file),
                "{path}: link {target} has no file {file}"
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} links checked");
}

#[test]
fn docs_urls_point_at_each_codes_page_everywhere() {
    let catalog = compiled(GROUPED);
    let error = &catalog.errors[1];
    let page = "https://docs.example.invalid/ledger/codes/expired_token.html";
    assert_eq!(catalog.docs_url(error).as_deref(), Some(page));
    assert_eq!(wire::example_body(&catalog, error)["docs"], page);
    let dictionary: serde_json::Value =
        serde_json::from_str(&emit::dictionary::emit(&catalog)).unwrap();
    assert_eq!(dictionary["errors"][1]["docs_url"], page);
    let rust = emit::rust::emit(std::slice::from_ref(&catalog));
    assert!(rust.contains(page), "the Rust does not carry {page}");
}

#[test]
fn each_page_shows_the_wire_example_body_and_its_facts() {
    let catalog = compiled(GROUPED);
    let files = book(&catalog);
    for error in &catalog.errors {
        let page = &files[&format!("src/codes/{}.md", error.anchor)];
        let body = wire::example_text(&catalog, error);
        assert!(page.contains(&format!("```json\n{body}\n```")), "{page}");
        let status = error.status.expect("HTTP").to_string();
        let heading = [Some(status.as_str()), error.title.as_deref()];
        let heading: Vec<&str> = heading.into_iter().flatten().collect();
        assert!(
            page.contains(&format!("— {}\n", heading.join(" "))),
            "{page}"
        );
        let description = error.description.as_deref().expect("a description");
        assert!(page.contains(description), "{page}");
    }
    let amount = &files["src/codes/bad_amount.md"];
    assert!(amount.contains("| `amount` | number |"), "{amount}");
    assert!(
        amount.contains("Message: `Amount {amount} is invalid`"),
        "{amount}"
    );
    let expired = &files["src/codes/expired_token.md"];
    assert!(expired.contains("### 401 — Old token"), "{expired}");
    assert!(expired.contains("[Ledger Errors](../index.md) › [Authentication](../groups/group-auth.md) › [Tokens](../groups/group-token.md)"), "{expired}");
}

#[test]
fn the_builder_writes_the_book_under_the_catalogs_folder() {
    let catalog = compiled(GROUPED);
    let generated = Builder::new().generate(&[catalog]);
    let names: Vec<&str> = generated.docs.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"ledger/book/book.toml"), "{names:?}");
    assert!(
        names.contains(&"ledger/book/src/codes/missing_key.md"),
        "{names:?}"
    );
    let toml = &generated
        .docs
        .iter()
        .find(|f| f.name == "ledger/book/book.toml")
        .unwrap();
    assert!(
        toml.content.contains("title = \"Ledger Errors\"\n"),
        "{}",
        toml.content
    );
}

#[test]
fn the_shipped_retrac_book_matches_the_emitter() {
    let catalog = common::shipped_catalog("retrac");
    assert!(catalog.docs.pages, "Retrac ships a book");
    assert_eq!(book(&catalog).len(), 3 + catalog.errors.len());
}
