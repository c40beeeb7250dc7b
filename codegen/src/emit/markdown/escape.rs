//! Escaping: catalog text placed in Markdown so that it renders exactly as written.
//!
//! Every function here is total: any string gives Markdown whose rendered text is the
//! input (with runs of ASCII whitespace, newlines included, shown as one space, as HTML
//! shows them anyway). Characters are escaped only where CommonMark or GFM could read
//! them as markup, so ordinary text stays readable in the raw page: `snake_case` words,
//! `C#`, `a -> b` and `AT&T` are left alone.

/// Catalog text as inline Markdown that renders literally in every place the pages put
/// text: paragraphs, list items, headings, link texts and table cells.
pub(crate) fn inline(text: &str) -> String {
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

/// Text as a code span: backticks in the text get a longer fence, and padding keeps a
/// leading or trailing backtick or space from being taken as part of the fence.
/// Not for table cells, where a `|` would still end the cell.
pub(crate) fn code_span(text: &str) -> String {
    let text = squash(text);
    let ticks = "`".repeat(longest_run(&text, '`') + 1);
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
    let fence = "`".repeat((longest_run(body, '`') + 1).max(3));
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
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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

/// The length of the longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
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
    }

    #[test]
    fn code_spans_and_fences_outgrow_backticks() {
        assert_eq!(code_span("not_found"), "`not_found`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(fenced("json", "{}"), "```json\n{}\n```");
        assert_eq!(fenced("", "````"), "`````\n````\n`````");
    }
}
