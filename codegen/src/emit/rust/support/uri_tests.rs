//! The rule for values of type `uri`.

use super::uri::is_absolute_uri;

#[test]
fn absolute_uris_are_accepted() {
    for text in [
        "https://example.com/probs/out-of-credit",
        "about:blank",
        "urn:isbn:0451450523",
        "mailto:a@b.example",
        "https://h.example/a%20b?q=1&r=[2]#frag",
        "tag:example.com,2024:x+y.z-w",
        "x:",
    ] {
        assert!(is_absolute_uri(text), "{text} is an absolute URI");
    }
}

#[test]
fn other_text_is_refused() {
    for text in [
        "",
        "not a uri",
        "/relative/path",
        "example.com/x",
        ":no-scheme",
        "1http://x",
        "ht_tp://x",
        "https://example.com/a b",
        "https://example.com/\t",
        "https://example.com/\u{7f}",
        "https://example.com/é",
        "https://example.com/%2",
        "https://example.com/%zz",
        "https://example.com/<x>",
        "https://example.com/\\x",
    ] {
        assert!(!is_absolute_uri(text), "{text:?} is not an absolute URI");
    }
}
