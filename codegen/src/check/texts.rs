//! An error's links to further reading: a title and an absolute web URL that Markdown,
//! rustdoc and JSON can carry as written.

use super::{Checker, pos};
use crate::model::{Envelope, ErrorDef, FieldSource, Link};
use crate::raw::{RawError, RawLink};

/// Reports every error that lacks a fact its body carries: a status under
/// `from: status` (`status: none`), a title under `from: title`, a description under
/// `from: description`, a message (or a description to serve as one) under
/// `from: message`. Nothing is sent that the catalog does not state.
pub(super) fn stated_where_sent(
    ck: &mut Checker<'_>,
    envelope: &Envelope,
    errors: &[ErrorDef],
    raw: &[RawError],
) {
    let sources = crate::wire::sources(&envelope.body);
    let carries = |source| sources.contains(&source);
    for (error, raw_error) in errors.iter().zip(raw) {
        let lacks = [
            (
                carries(FieldSource::Status)
                    && error.open_status == Some(crate::model::OpenStatus::Unstated),
                "status",
                "give the error the status its bodies carry, or `status: 5xx` (or `4xx`) when it is any of a class",
            ),
            (
                carries(FieldSource::Title) && error.title.is_none(),
                "title",
                "add `title`: the short name the body sends",
            ),
            (
                carries(FieldSource::Description) && error.description.is_none(),
                "`description`",
                "add `description`: what went wrong, in a sentence",
            ),
            (
                carries(FieldSource::Message)
                    && raw_error.message.is_none()
                    && raw_error.description.is_none(),
                "message",
                "add `message` (or a `description`, which is the message where none is given)",
            ),
        ];
        for (_, what, help) in lacks.into_iter().filter(|(lacking, ..)| *lacking) {
            let d = ck
                .at(
                    error.at,
                    format!(
                        "error \"{}\" has no {what}, but its body carries one",
                        error.code
                    ),
                )
                .label(format!("no {what} here"))
                .help(help);
            ck.report(d);
        }
    }
}

/// The link, with a URL that is not an absolute `https://` or `http://` one, or that
/// [`url_flaw`] finds fault with, reported.
pub(super) fn link(ck: &mut Checker<'_>, raw: &RawLink) -> Link {
    let title = ck.required(&raw.title, "link title");
    let url = &raw.url.value;
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| url.len() > scheme.len() && url.starts_with(scheme));
    let flaw = url_flaw(url);
    if !absolute || flaw.is_some() {
        let label =
            flaw.unwrap_or_else(|| "expected an absolute `https://` or `http://` URL".to_owned());
        let d = ck
            .at(
                pos(&raw.url),
                format!("link URL `{}` cannot be linked to", url.escape_debug()),
            )
            .label(label)
            .help(
                "write the full URL, e.g. `https://docs.example.com/limits`, with `%20` for spaces",
            );
        ck.report(d);
    }
    Link {
        title,
        url: url.clone(),
    }
}

/// What makes `url` unfit to publish, if anything: a character no link can carry as
/// written (spaces, controls, `<`, `>`, `"`, `\\`), an invisible one (zero-width,
/// direction marks, the byte-order mark) that would hide what the reader follows, an
/// HTML entity (`&amp;`: the URL was copied from HTML, and Markdown would decode it),
/// or credentials (`user:pass@host`).
pub(super) fn url_flaw(url: &str) -> Option<String> {
    if let Some(c) = url.chars().find(|&c| {
        c.is_whitespace()
            || c.is_control()
            || is_invisible(c)
            || matches!(c, '<' | '>' | '"' | '\\')
    }) {
        let shown = if c == ' ' || c.is_ascii_graphic() {
            c.to_string()
        } else {
            c.escape_unicode().to_string()
        };
        return Some(format!("`{shown}` cannot be part of a link"));
    }
    if let Some(entity) = html_entity(url) {
        return Some(format!(
            "`{entity}` is HTML's spelling of a character: write the character itself"
        ));
    }
    let authority = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = authority.split(['/', '?', '#']).next().unwrap_or_default();
    authority
        .contains('@')
        .then(|| "a link cannot carry credentials (`user:password@`)".to_owned())
}

/// Whether `c` is a format character that shows nothing: zero-width spaces and joiners,
/// direction marks and overrides, invisible operators, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The first `&name;` or `&#number;` in `url`.
fn html_entity(url: &str) -> Option<&str> {
    url.match_indices('&').find_map(|(at, _)| {
        let rest = &url[at + 1..];
        let name = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
            .count();
        (name > 0 && rest.as_bytes().get(name) == Some(&b';')).then(|| &url[at..at + name + 2])
    })
}

#[cfg(test)]
mod tests {
    use super::url_flaw;

    #[test]
    fn urls_that_hide_or_mangle_what_they_point_at_are_refused() {
        assert_eq!(url_flaw("https://docs.example.com/errors?a=1&b=2#x"), None);
        assert_eq!(url_flaw("https://example.com/@team/page"), None);
        for url in [
            "https://exa\u{200B}mple.com",
            "https://example.com/\u{202E}fdp",
            "https://example.com/a b",
            "https://example.com/a\\",
            "https://example.com/?a=1&amp;b=2",
            "https://user:pass@example.com/",
            "https://user@example.com",
        ] {
            assert!(url_flaw(url).is_some(), "{url:?} passed");
        }
    }
}
