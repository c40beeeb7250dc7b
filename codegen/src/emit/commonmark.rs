//! Escaping: catalog text placed in CommonMark so that it renders exactly as written.
//! One rule for every output that is read as Markdown: the Markdown pages, the mdBook
//! sources, rustdoc comments and OpenAPI descriptions.
//!
//! Every function here is total: any string gives Markdown whose rendered text is the
//! input (with runs of ASCII whitespace, newlines included, shown as one space, as HTML
//! shows them anyway). Characters are escaped only where CommonMark or GFM could read
//! them as markup, so ordinary text stays readable in the raw page: `snake_case` words,
//! `C#`, `a -> b` and `AT&T` are left alone. Two runs are broken that are not
//! CommonMark's but tools': `{{`, which mdBook reads as a directive (`{{#include}}`),
//! and nothing ever starts a line, so no text becomes an indented or fenced code block
//! (which rustdoc would run as a doctest).

use std::borrow::Cow;

/// Catalog text as inline Markdown that renders literally in every place the pages put
/// text: paragraphs, list items, headings, link texts and table cells.
pub(crate) fn inline(text: &str) -> String {
    if renders_as_is(text) {
        return text.to_owned();
    }
    escape_inline(text)
}

/// What [`inline`] writes, character by character: squashed, each character that could
/// be read as markup where it stands escaped.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = squash(text).chars().collect();
    // GitHub reads text between two `$` as math; a lone `$` (a price) stays plain.
    let math = chars.iter().filter(|&&c| c == '$').count() > 1;
    let mut out = String::with_capacity(text.len() + 8);
    for (at, &c) in chars.iter().enumerate() {
        if needs_backslash(&chars, at) || (math && c == '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Catalog text of several paragraphs (blank lines apart in the text), each one line of
/// [`inline`] text, apart by a blank line; borrowed when nothing needs escaping.
pub(crate) fn block(text: &str) -> Cow<'_, str> {
    if renders_as_is(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(paragraphs(text).join("\n\n"))
}

/// The paragraphs of catalog text, each as one line of [`inline`] text.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut paragraph = Vec::new();
    for line in text.lines().chain([""]) {
        if line.trim().is_empty() {
            if !paragraph.is_empty() {
                out.push(inline(&paragraph.join(" ")));
                paragraph.clear();
            }
        } else {
            paragraph.push(line);
        }
    }
    out
}

/// A link to `url` showing `text`, both as written.
pub(crate) fn link(text: &str, url: &str) -> String {
    format!("[{}]({})", inline(text), destination(url))
}

/// A URL as a link destination that CommonMark reads back exactly: in angle brackets,
/// with the characters it would read as escapes, entities or directives
/// (`\`, `&`, `{`, `}`, `<`, `>`) backslash-escaped. The checker refuses the spaces and
/// controls no destination can hold.
pub(crate) fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        if matches!(c, '\\' | '&' | '{' | '}' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('>');
    out
}

/// A JSON body as a fenced block. JSON text can hold `{{` only inside a string, where
/// `\u007b` says the same, so the second brace is written that way: mdBook, which reads
/// `{{#include}}` even inside fences, finds nothing to expand.
pub(crate) fn json_block(body: &str) -> String {
    fenced("json", &body.replace("{{", "{\\u007b"))
}

/// Text as a code span: backticks in the text get a longer fence, and padding keeps a
/// leading or trailing backtick or space from being taken as part of the fence.
/// Not for table cells, where a `|` would still end the cell. Text holding `{{` is
/// written as [`inline`] text instead: a code span cannot escape the braces mdBook would
/// read as a directive.
pub(crate) fn code_span(text: &str) -> String {
    if text.contains("{{") {
        return inline(text);
    }
    let text = squash(text);
    let ticks = "`".repeat(longest_run(&text, b'`') + 1);
    let edge = |c: char| text.starts_with(c) || text.ends_with(c);
    let pad = if edge('`') || (edge(' ') && !text.trim().is_empty()) {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// A fenced code block of `lang` holding `body` verbatim, with a fence longer than any
/// run of backticks in the body.
pub(crate) fn fenced(lang: &str, body: &str) -> String {
    let fence = "`".repeat((longest_run(body, b'`') + 1).max(3));
    format!("{fence}{lang}\n{body}\n{fence}")
}

/// Text as a double-quoted HTML attribute value.
pub(crate) fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The text on one line: every run of ASCII whitespace (newlines, tabs) becomes one
/// space, and the ends are trimmed, so text cannot end a block, a table row or a list
/// item, nor indent itself into a code block.
fn squash(text: &str) -> String {
    if is_squashed(text) {
        return text.to_owned();
    }
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether [`squash`] leaves `text` as it is: no ASCII whitespace but single inner
/// spaces. A plain loop over the bytes, as it runs on every text of every page and build
/// scripts run unoptimised.
fn is_squashed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut after_space = true; // a leading space fails like a double one
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if byte.is_ascii_whitespace() {
            return false;
        } else {
            after_space = false;
        }
        at += 1;
    }
    !after_space || bytes.is_empty()
}

/// The bytes that are markup wherever they stand in inline text (the `$` of math
/// included), so that text holding one takes the full check in [`inline`].
static MARKUP_ANYWHERE: [bool; 256] = crate::emit::byte_set(b"`[]<|*~\\_&#${");

/// The bytes that open a block when text starts with them.
static MARKUP_AT_START: [bool; 256] = crate::emit::byte_set(b">-+=");

/// Whether [`inline`] leaves `text` as it is, decided in one pass over the bytes for the
/// common case: the text is squashed, holds no character that is markup anywhere, and
/// starts with nothing that opens a block. Conservative: text failing this still takes
/// the full check, which may find nothing to escape either.
fn renders_as_is(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut digits = 0;
    while digits < bytes.len() && bytes[digits].is_ascii_digit() {
        digits += 1;
    }
    let list_marker = (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')'));
    if list_marker
        || bytes
            .first()
            .is_some_and(|&b| MARKUP_AT_START[usize::from(b)])
    {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        if MARKUP_ANYWHERE[usize::from(bytes[at])] {
            return false;
        }
        at += 1;
    }
    is_squashed(text)
}

/// Whether the character at `at` must be backslash-escaped to stay literal.
fn needs_backslash(chars: &[char], at: usize) -> bool {
    let next = chars.get(at + 1).copied();
    match chars[at] {
        // Code spans, links, images, footnotes, raw HTML, autolinks, table cells,
        // emphasis and strikethrough: always markup; `]` would end a link's text.
        '`' | '[' | ']' | '<' | '|' | '*' | '~' => true,
        '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
        '_' => !underscore_inside_word(chars, at),
        '&' => looks_like_entity(&chars[at + 1..]),
        // mdBook's directives open with `{{`: the second brace is escaped.
        '{' => at > 0 && chars[at - 1] == '{',
        // An ATX heading opener, or a heading's closing sequence.
        '#' => hash_run_is_markup(chars, at),
        // Blockquotes, bullet lists, thematic breaks and setext underlines, where text
        // starts a block.
        '>' | '-' | '+' | '=' => at == 0,
        // Ordered list markers: `1.` or `1)` where text starts a block.
        '.' | ')' => {
            (1..=9).contains(&at)
                && chars[..at].iter().all(char::is_ascii_digit)
                && next.is_none_or(|n| n == ' ')
        }
        _ => false,
    }
}

/// Whether the run of `_` around `at` sits between two letters or digits: CommonMark
/// never reads such a run as emphasis (`VIEW_ACTIVITIES`, `task_result`).
fn underscore_inside_word(chars: &[char], at: usize) -> bool {
    let start = chars[..at].iter().rposition(|&c| c != '_').map(|i| i + 1);
    let end = chars[at..].iter().position(|&c| c != '_').map(|i| at + i);
    match (start, end) {
        (Some(start), Some(end)) if start > 0 => {
            chars[start - 1].is_alphanumeric() && chars[end].is_alphanumeric()
        }
        _ => false,
    }
}

/// Whether the run of `#` around `at` could open a heading (at the start of the text)
/// or close one (at its end), or follows a space as a closing sequence does. Linters
/// flag any unescaped `#` of such a run, so all of them are escaped.
fn hash_run_is_markup(chars: &[char], at: usize) -> bool {
    let start = chars[..at]
        .iter()
        .rposition(|&c| c != '#')
        .map_or(0, |i| i + 1);
    let end = chars[at..]
        .iter()
        .position(|&c| c != '#')
        .map_or(chars.len(), |i| at + i);
    start == 0 || chars[start - 1] == ' ' || end == chars.len()
}

/// Whether the text after an `&` would make an entity or numeric character reference
/// (`&amp;`, `&#35;`, `&#x23;`), which Markdown would decode.
fn looks_like_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

/// The length of the longest run of the ASCII character `c` in `text`.
fn longest_run(text: &str, c: u8) -> usize {
    let (mut longest, mut run) = (0, 0);
    for &byte in text.as_bytes() {
        run = if byte == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_stays_readable() {
        for text in [
            "VIEW_ACTIVITIES for queries",
            "Use hard_override: true",
            "C# and F# clients",
            "a -> b, AT&T, $5 fee",
            "Invalid result code — see List Configurations",
        ] {
            assert_eq!(inline(text), text);
        }
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(inline("_lead and trail_"), "\\_lead and trail\\_");
        assert_eq!(inline("# not a heading ##"), "\\# not a heading \\#\\#");
        assert_eq!(inline("ends in C#"), "ends in C\\#");
        assert_eq!(inline("1. not a list"), "1\\. not a list");
        assert_eq!(inline("$5 or $x$"), "\\$5 or \\$x\\$");
        assert_eq!(inline("- no\nbreak"), "\\- no break");
        assert_eq!(
            inline("a | b <i> `c` [d](e) *f* &amp;"),
            "a \\| b \\<i> \\`c\\` \\[d\\](e) \\*f\\* \\&amp;"
        );
        assert_eq!(inline("back\\slash\\*"), "back\\slash\\\\\\*");
        assert_eq!(inline("{{#include x}} {{{"), "{\\{#include x}} {\\{\\{");
        assert_eq!(
            inline("a\n    indented\n~~~\nfence"),
            "a indented \\~\\~\\~ fence"
        );
    }

    #[test]
    fn paragraphs_links_and_destinations() {
        assert_eq!(block("one\n  two\n\n\n    three"), "one two\n\nthree");
        assert!(matches!(block("plain words"), Cow::Borrowed("plain words")));
        assert_eq!(
            link("[t]", "https://x.test/a\\?b=1&amp;c={{#i}}"),
            "[\\[t\\]](<https://x.test/a\\\\?b=1\\&amp;c=\\{\\{#i\\}\\}>)"
        );
    }

    #[test]
    fn code_spans_and_fences_outgrow_backticks() {
        assert_eq!(code_span("not_found"), "`not_found`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(fenced("json", "{}"), "```json\n{}\n```");
        assert_eq!(fenced("", "````"), "`````\n````\n`````");
        assert_eq!(
            json_block("{\"a\":\"{{#x}}\"}"),
            "```json\n{\"a\":\"{\\u007b#x}}\"}\n```"
        );
    }

    proptest::proptest! {
        /// The one-pass checks say "as is" only where the full work agrees, for text
        /// made of the characters that matter and ordinary ones.
        #[test]
        fn the_quick_paths_agree_with_the_full_work(
            text in r"[ a1.)_#$&;`<>|*~=+\\\[\]\t\n-]{0,12}"
        ) {
            if renders_as_is(&text) {
                proptest::prop_assert_eq!(escape_inline(&text), text.clone());
            }
            if is_squashed(&text) {
                let words: Vec<&str> = text
                    .split(|c: char| c.is_ascii_whitespace())
                    .filter(|word| !word.is_empty())
                    .collect();
                proptest::prop_assert_eq!(words.join(" "), text.clone());
            }
        }
    }
}
