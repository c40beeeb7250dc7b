//! The rule for values of type `uri`, shared by the generator and the code it generates:
//! this file is compiled into errcat-codegen, whose checker refuses examples and
//! attribute values that break it, and its tokens are emitted into the generated
//! `errcat_support` module, whose parser refuses received values that break it. One
//! source, so the two cannot drift apart.
//!
//! A value is an absolute URI (RFC 3986, section 4.3, with an optional fragment): a
//! scheme (`[A-Za-z][A-Za-z0-9+.-]*`), `:`, then only characters a URI may hold
//! (unreserved, reserved, and `%` followed by two hex digits), so no spaces, controls
//! or other characters that must be percent-encoded: `https://example.com/probs/x`,
//! `about:blank`, `urn:isbn:0451450523`.

/// Whether `text` is an absolute URI: a scheme, `:`, then URI characters only.
#[must_use]
pub(crate) fn is_absolute_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    is_scheme(scheme) && is_uri_text(rest)
}

/// Whether `scheme` is a letter followed by letters, digits, `+`, `-` and `.`.
fn is_scheme(scheme: &str) -> bool {
    let mut bytes = scheme.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Whether `text` holds only unreserved and reserved characters and percent-encodings.
fn is_uri_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b == b'%' {
            let encoded = bytes.get(at + 1..at + 3);
            if !encoded.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
                return false;
            }
            at += 3;
        } else if is_uri_byte(b) {
            at += 1;
        } else {
            return false;
        }
    }
    true
}

/// Whether `b` is an unreserved or reserved character of RFC 3986 (section 2).
fn is_uri_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'-' | b'.'
                | b'_'
                | b'~'
                | b':'
                | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
        )
}
