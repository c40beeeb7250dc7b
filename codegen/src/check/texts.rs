//! An error's links to further reading: a title and an absolute web URL that Markdown,
//! rustdoc and JSON can carry as written.

use super::{Checker, pos};
use crate::model::Link;
use crate::raw::RawLink;

/// The link, with a URL that is not an absolute `https://` or `http://` one, or that
/// holds a character a Markdown link cannot carry, reported.
pub(super) fn link(ck: &mut Checker<'_>, raw: &RawLink) -> Link {
    let title = ck.required(&raw.title, "link title");
    let url = &raw.url.value;
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| url.len() > scheme.len() && url.starts_with(scheme));
    let carried = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'));
    if !absolute || carried.is_some() {
        let label = match carried {
            Some(c) => format!("`{}` cannot be part of a link", c.escape_debug()),
            None => "expected an absolute `https://` or `http://` URL".to_owned(),
        };
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
