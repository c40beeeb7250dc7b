//! The shipped catalogs' pages (and the hostile catalog's): anchors, tables, facts,
//! retry guidance, deprecation notes and front matter.

use super::hostile;
use super::html::{fragment_links, ids, prose, render, squash, table_cell_counts, text};
use errcat_codegen::model::{Retry, RetryStatement};
use errcat_codegen::{emit, wire};

use super::common::{shipped_catalog as catalog, shipped_catalogs as shipped};

/// Every page the tests look at: the shipped ones and the hostile ones, by name.
fn all_pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = shipped()
        .iter()
        .map(|c| (c.name.clone(), emit::markdown::emit(c)))
        .collect();
    for layout in ["list", "reference"] {
        for turn in [0, 7] {
            let page = hostile::page(layout, turn, false);
            pages.push((format!("hostile {layout} {turn}"), page));
        }
    }
    pages
}

#[test]
fn every_link_inside_a_page_resolves() {
    for (name, page) in all_pages() {
        let html = render(&page);
        let ids = ids(&html);
        for target in fragment_links(&html) {
            assert!(ids.contains(&target), "{name}: #{target} has no target");
        }
    }
}

#[test]
fn every_code_has_the_anchor_its_docs_url_points_at() {
    for catalog in shipped() {
        let html = render(&emit::markdown::emit(&catalog));
        let ids = ids(&html);
        for error in &catalog.errors {
            let explicit = format!("<a id=\"{}\"></a>", error.anchor);
            assert_eq!(html.matches(&explicit).count(), 1, "{}", error.code);
            assert!(ids.contains(&error.anchor));
            let contents_link = format!("href=\"#{}\"", error.anchor);
            assert!(
                html.contains(&contents_link),
                "contents link to {}",
                error.code
            );
        }
    }
}

#[test]
fn every_table_row_has_the_headers_cells() {
    for (name, page) in all_pages() {
        let tables = table_cell_counts(&page);
        assert!(!tables.is_empty() || !page.contains("| ---"), "{name}");
        for rows in tables {
            assert!(rows.iter().all(|&n| n == rows[0]), "{name}: {rows:?}");
        }
    }
}

#[test]
fn every_catalog_text_shows_on_its_page() {
    for catalog in shipped() {
        let html = render(&emit::markdown::emit(&catalog));
        let (seen, seen_with_code) = (prose(&html), text(&html));
        let docs = &catalog.docs;
        let mut texts: Vec<&String> = vec![&docs.title];
        texts.extend(
            [&docs.site, &docs.summary, &docs.intro]
                .into_iter()
                .flatten(),
        );
        texts.extend(&catalog.recommendations);
        for error in &catalog.errors {
            texts.extend(&error.title);
            texts.extend(&error.description);
            texts.extend(&error.solutions);
            for case in &error.cases {
                texts.push(&case.title);
                texts.extend(&case.causes);
                texts.extend(&case.note);
            }
        }
        for expected in texts {
            assert!(seen.contains(&squash(expected)), "{expected:?} missing");
        }
        for error in &catalog.errors {
            let body = wire::example_body(&catalog, error);
            if let Some(message) = body.get("message").and_then(|m| m.as_str()) {
                assert!(seen_with_code.contains(message), "{message:?} missing");
            }
        }
    }
}

/// A few sentences of the two seed pages, word for word, as readers must find them.
#[test]
fn seed_sentences_show_verbatim() {
    let retrac = prose(&render(&emit::markdown::emit(&catalog("retrac"))));
    for sentence in [
        "Problem: The server understood the request, but refuses to fulfill it — insufficient API scope, workspace role, location access, or plan.",
        "Solution: Verify your API key scopes, user role, and workspace plan. Use a key with the required scope (e.g. inventory.write).",
        "Problem: Another resource already uses the same identifier. For example, workspace slug must be unique.",
        "Solution: Try again later. If the problem persists, contact support.",
    ] {
        assert!(retrac.contains(sentence), "retrac: {sentence}");
    }
    let reten_html = render(&emit::markdown::emit(&catalog("reten")));
    let reten = prose(&reten_html);
    for sentence in [
        "Confirm that the key has the necessary permissions: VIEW_ACTIVITIES for queries, SUBMIT_ACTIVITY_RESULT for submitting results",
        "Missing required fields (commerce_external_id, occurred_at, status, task_result.result)",
        "send the request again with \"hard_override\": true in the body.",
        "Do not retry 4xx errors without correcting the request — these indicate a problem with the submitted data",
        "statusCode number HTTP status code",
    ] {
        assert!(reten.contains(sentence), "reten: {sentence}");
    }
    let message = "\"message\": \"task_result.result must be a valid result type code\"";
    assert!(text(&reten_html).contains(message));
}

/// The section of `anchor` in a list-layout page.
fn section<'a>(page: &'a str, anchor: &str) -> &'a str {
    let start = page.find(&format!("<a id=\"{anchor}\">")).expect("section");
    let end = page[start + 1..]
        .find("\n## ")
        .map_or(page.len(), |e| start + 1 + e);
    &page[start..end]
}

#[test]
fn the_retrac_page_states_nothing_about_retrying_that_its_seed_does_not() {
    let page = emit::markdown::emit(&catalog("retrac"));
    for unstated in [
        "Retry:",
        "Retry-After",
        "60 seconds",
        "backoff",
        "Do not retry",
    ] {
        assert!(!page.contains(unstated), "`{unstated}` in:\n{page}");
    }
}

#[test]
fn retry_guidance_follows_each_stated_policy_and_labels_a_derived_one() {
    let mut catalog = catalog("retrac");
    let policies = [
        (Retry::Never, "Do not retry", "Retry-After"),
        (Retry::Backoff, "exponential backoff", "Do not retry"),
        (Retry::After(45), "45 seconds", "Do not retry"),
        (
            Retry::Throttled { typical: None },
            "`Retry-After`",
            "Do not retry",
        ),
        (
            Retry::Conditional("after the next midnight".into()),
            "retry only after the next midnight",
            "Retry-After",
        ),
    ];
    for (error, (policy, _, _)) in catalog.errors.iter_mut().zip(&policies) {
        error.retry = RetryStatement::stated(policy.clone());
    }
    let derived = &mut catalog.errors[policies.len()];
    derived.retry = RetryStatement {
        policy: Some(Retry::Never),
        derived: true,
        note: Some("Ask *support* first".into()),
    };
    let page = emit::markdown::emit(&catalog);
    for (error, (_, must, must_not)) in catalog.errors.iter().zip(&policies) {
        let section = section(&page, &error.anchor);
        assert!(section.contains(must), "{}: {section}", error.code);
        assert!(!section.contains(must_not), "{}: {section}", error.code);
    }
    let section = section(&page, &catalog.errors[policies.len()].anchor);
    assert!(
        section.contains("Derived from the HTTP status"),
        "{section}"
    );
    assert!(
        section.contains("Ask \\*support\\* first."),
        "escaped: {section}"
    );
}

#[test]
fn deprecated_codes_say_so_where_readers_look() {
    for name in ["retrac", "reten"] {
        let mut catalog = catalog(name);
        catalog.errors[1].deprecated = Some("Use *forbidden* instead.".to_owned());
        let page = emit::markdown::emit(&catalog);
        let seen = prose(&render(&page));
        assert!(
            seen.contains("Deprecated: Use *forbidden* instead."),
            "{name}"
        );
        assert_eq!(seen.matches("(deprecated)").count(), 1, "{name}: contents");
    }
}

#[test]
fn front_matter_carries_title_and_description() {
    let mut catalog = catalog("reten");
    catalog.docs.front_matter = true;
    catalog.docs.title = "Errors: \"all\" of them # really".to_owned();
    let page = emit::markdown::emit(&catalog);
    let rest = page.strip_prefix("---\n").expect("front matter first");
    let (yaml, body) = rest.split_once("\n---\n").expect("front matter closes");
    let matter: std::collections::BTreeMap<String, String> =
        serde_saphyr::from_str(yaml).expect("front matter is YAML");
    assert_eq!(matter["title"], catalog.docs.title);
    assert_eq!(Some(&matter["description"]), catalog.docs.summary.as_ref());
    assert!(body.contains("@generated"));
    // The docs site shows the front matter's title as the page's only top heading.
    assert!(!render(&page).contains("<h1"));
    assert!(body.contains("\n## Contents\n"));
}
