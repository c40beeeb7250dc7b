//! The generated Rust and the published pages agree: every code's `anchor()` (the
//! fragment of its docs URL) is the id of exactly one element of its catalog's page in
//! `generated/`, and the page's contents link to it. Retrac ships a book: each code has
//! its page's source in `generated/retrac/book/` (and no absolute docs URL, as Retrac
//! names no published address).

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
fn every_retrac_code_has_a_page_in_its_book() {
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated/retrac/book/src");
    for code in retrac::Code::ALL {
        let source = book.join(format!("codes/{}.md", code.anchor()));
        assert!(source.is_file(), "{} is missing", source.display());
        // The Retrac page names no published address, so there is no absolute URL.
        assert_eq!(code.docs_url(), None);
    }
}
