//! Rendering a page as a reader's browser gets it (comrak with GitHub's extensions) and
//! reading the HTML back: ids, fragment links, visible text and the tag structure.

use comrak::markdown_to_html;

/// The page as HTML: GFM tables, strikethrough, autolinks, task lists, footnotes and
/// GitHub's `$` math, heading ids as GitHub makes them, front matter skipped, raw HTML
/// kept (so the anchors survive and any HTML that slipped through escaping would show).
pub fn render(markdown: &str) -> String {
    let mut options = crate::common::github_markdown();
    options.extension.header_id_prefix = Some(String::new());
    options.extension.front_matter_delimiter = Some("---".to_owned());
    options.render.r#unsafe = true;
    markdown_to_html(markdown, &options)
}

/// Every `id` attribute's value, in page order.
pub fn ids(html: &str) -> Vec<String> {
    attribute_values(html, " id=\"")
}

/// Every link target inside the page (`href="#..."`), without the `#`.
pub fn fragment_links(html: &str) -> Vec<String> {
    attribute_values(html, " href=\"#")
}

fn attribute_values(html: &str, opener: &str) -> Vec<String> {
    html.split(opener)
        .skip(1)
        .map(|rest| decode(&rest[..rest.find('"').unwrap_or(rest.len())]))
        .collect()
}

/// The names of the tags in page order (`p`, `/p`, `a`, ...): the page's structure
/// without its text and attributes.
pub fn skeleton(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|tag| {
            tag.split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect()
}

/// The text a reader sees, whitespace runs as one space, code blocks included.
pub fn text(html: &str) -> String {
    let mut visible = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                visible.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    squash(&decode(&visible))
}

/// The text a reader sees outside code blocks.
pub fn prose(html: &str) -> String {
    let mut rest = html;
    let mut outside = String::new();
    while let Some(start) = rest.find("<pre") {
        outside.push_str(&rest[..start]);
        let end = rest[start..]
            .find("</pre>")
            .map_or(rest.len(), |e| start + e + 6);
        rest = &rest[end..];
    }
    outside.push_str(rest);
    text(&outside)
}

/// Runs of whitespace as one space, ends trimmed: text as HTML shows it.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML character references decoded in one pass.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| reference(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The cell count of every row of every GFM table in the Markdown source, table by
/// table: a `|` ends a cell unless a backslash escapes it, even inside a code span.
pub fn table_cell_counts(markdown: &str) -> Vec<Vec<usize>> {
    let mut tables: Vec<Vec<usize>> = Vec::new();
    let mut in_table = false;
    for line in markdown.lines() {
        if line.starts_with('|') {
            if !in_table {
                tables.push(Vec::new());
            }
            in_table = true;
            let pipes = unescaped_pipes(line);
            tables.last_mut().expect("table started").push(pipes - 1);
        } else {
            in_table = false;
        }
    }
    tables
}

fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            count += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    count
}
