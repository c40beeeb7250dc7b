//! The generated Rust and the published pages agree: every code's `anchor()` (the
//! fragment of its docs URL) is the id of exactly one element of its catalog's page in
//! `generated/`, and the page's contents link to it. Retrac ships a book: each code's
//! `docs_url()` is its page there, and that page's source is in `generated/retrac/book/`.

use errcat_seeds::{reten, retrac};
use std::path::Path;

fn page(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("generated/{name}.md"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_anchored(page_name: &str, anchors: impl IntoIterator<Item = &'static str>) {
    let page = page(page_name);
    for anchor in anchors {
        let id = format!("<a id=\"{anchor}\"></a>");
        assert_eq!(page.matches(&id).count(), 1, "{page_name}: {id}");
        assert!(
            page.contains(&format!("](#{anchor})")),
            "{page_name}: link to {anchor}"
        );
    }
}

#[test]
fn every_code_anchor_is_on_its_page() {
    assert_anchored("retrac", retrac::Code::ALL.map(retrac::Code::anchor));
    assert_anchored("reten", reten::Code::ALL.map(reten::Code::anchor));
}

#[test]
fn every_retrac_docs_url_is_a_page_of_its_book() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/retrac/book/src");
    for code in retrac::Code::ALL {
        let page = format!("codes/{}.html", code.anchor());
        let url = code.docs_url().expect("Retrac sets docs.base_url");
        assert!(url.ends_with(&format!("/{page}")), "{url}");
        let source = book.join(page.replace(".html", ".md"));
        assert!(source.is_file(), "{} is missing", source.display());
    }
}
