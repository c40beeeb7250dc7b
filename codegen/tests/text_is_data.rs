//! Catalog text is data in every output read as CommonMark: random texts made of
//! fences, indents, mdBook directives, HTML and Markdown, put in every text field of a
//! catalog, come out of the Markdown pages, the book, the Rust docs and the OpenAPI
//! descriptions as text. Each output is parsed by comrak (CommonMark with GitHub's
//! extensions): it holds no HTML but the pages' own anchors, no code block but the
//! example bodies (so rustdoc finds no doctest), no image, footnote or math, no link but
//! the generator's own, and every catalog text reads back as written (whitespace runs
//! shown as one space). The book's sources hold nothing mdBook reads as a directive.

mod common;

use comrak::nodes::{AstNode, NodeValue};
use comrak::{Arena, parse_document};
use errcat_codegen::model::OpenApiVersion;
use errcat_codegen::{Catalog, Source, emit};
use proptest::prelude::*;
use serde_json::Value;

/// Pieces of text that are markup somewhere: CommonMark, GitHub's extensions, HTML,
/// mdBook's directives, rustdoc's doctests, YAML-looking punctuation.
const PIECES: &[&str] = &[
    "```",
    "```rust",
    "~~~",
    "    indented code",
    "\tstd::fs::write(\"x\", \"y\");",
    "{{#include /etc/passwd}}",
    "{{ #include ../secret }}",
    "{{#rustdoc_include x.rs}}",
    "{{{",
    "}}",
    "<script>alert(1)</script>",
    "</script>",
    "<!-- c -->",
    "<b>bold</b>",
    "<https://auto.example>",
    "[link](https://x.example)",
    "![img](i.png)",
    "[ref]: /u",
    "[^note]",
    "*em*",
    "_em_",
    "**strong**",
    "~~gone~~",
    "# heading",
    "## h ##",
    "- item",
    "+ item",
    "* item",
    "1. one",
    "2) two",
    "> quote",
    "---",
    "===",
    "| a | b |",
    "|",
    "`tick`",
    "``",
    "\\",
    "\\*",
    "&amp;",
    "&#35;",
    "&copy;",
    "$x$",
    "$5",
    "C#",
    "a_b_c",
    "plain words",
    "AT&T",
    "{0}",
    "[x]",
    "<",
    ">",
];

/// What may stand between two pieces: spaces, tabs, line breaks, blank lines, indents.
const GLUE: &[&str] = &[" ", "  ", "\n", "\n\n", "\n    ", "\t", "\n\t", " \n"];

/// A text of pieces and glue; `one_line` keeps it to spaces (for titles).
fn text(one_line: bool) -> impl Strategy<Value = String> {
    let piece = proptest::sample::select(PIECES);
    let glue = proptest::sample::select(GLUE);
    proptest::collection::vec((piece, glue), 1..6).prop_map(move |parts| {
        let mut out = String::from("T ");
        for (piece, glue) in parts {
            out.push_str(piece);
            out.push_str(if one_line { " " } else { glue });
        }
        out.trim_end().to_owned()
    })
}

/// The catalog's text fields, by the placeholder the template holds for each.
#[derive(Debug, Clone)]
struct Texts(Vec<(&'static str, String)>);

/// The fields of the template and whether each is one line.
const FIELDS: &[(&str, bool)] = &[
    ("DOCS_TITLE", true),
    ("SUMMARY", false),
    ("INTRO", false),
    ("GROUP_TITLE", true),
    ("GROUP_DESCRIPTION", false),
    ("ATTRIBUTE_DESCRIPTION", false),
    ("CONTEXT_DESCRIPTION", false),
    ("CODE_DESCRIPTION", false),
    ("MESSAGE_DESCRIPTION", false),
    ("TITLE_A", true),
    ("DESCRIPTION_A", false),
    ("EXPLANATION_A", false),
    ("SOLUTION_A", false),
    ("CAUSE_A", false),
    ("LINK_TITLE_A", true),
    ("PARAM_DESCRIPTION", false),
    ("CASE_TITLE", true),
    ("CASE_CAUSE", false),
    ("CASE_NOTE", false),
    ("TITLE_B", true),
    ("DESCRIPTION_B", false),
    ("SOLUTION_B1", false),
    ("SOLUTION_B2", false),
    ("RECOMMENDATION", false),
];

fn texts() -> impl Strategy<Value = Texts> {
    let strategies: Vec<_> = FIELDS.iter().map(|&(_, one)| text(one)).collect();
    strategies.prop_map(|values| {
        Texts(
            FIELDS
                .iter()
                .zip(values)
                .map(|(&(name, _), value)| (name, value))
                .collect(),
        )
    })
}

/// A catalog using every text field: groups, an attribute, a context member, member
/// descriptions, params, cases, links, several solutions, recommendations and pages.
const TEMPLATE: &str = r#"
api: Hostile
docs:
  title: @DOCS_TITLE@
  summary: @SUMMARY@
  intro: @INTRO@
  base_url: https://docs.example.com/errors
  pages: true
attributes:
  category: { type: string, description: @ATTRIBUTE_DESCRIPTION@ }
context:
  request_id: { type: string, description: @CONTEXT_DESCRIPTION@, example: req_1 }
groups:
  - name: store
    title: @GROUP_TITLE@
    description: @GROUP_DESCRIPTION@
    status: 409
envelope:
  body:
    fields:
      code: { from: code, description: @CODE_DESCRIPTION@ }
      message: { from: message, description: @MESSAGE_DESCRIPTION@ }
      category: { from: attribute.category }
      request_id: { from: context.request_id }
      details: { fields: {}, params: true }
errors:
  - code: bad_value
    status: 400
    title: @TITLE_A@
    description: @DESCRIPTION_A@
    explanation: @EXPLANATION_A@
    solution: @SOLUTION_A@
    causes: [@CAUSE_A@]
    links:
      - { title: @LINK_TITLE_A@, url: "https://help.example.com/values?a=1&b=2" }
    message: "Input {input} is bad"
    params:
      - { name: input, type: string, example: x, description: @PARAM_DESCRIPTION@ }
    attributes: { category: input }
    cases:
      - title: @CASE_TITLE@
        causes: [@CASE_CAUSE@]
        note: @CASE_NOTE@
  - code: taken
    group: store
    title: @TITLE_B@
    description: @DESCRIPTION_B@
    message: Already taken
    solutions: [@SOLUTION_B1@, @SOLUTION_B2@]
recommendations:
  - @RECOMMENDATION@
"#;

/// The template with each placeholder replaced by its text as a YAML double-quoted
/// scalar (a JSON string is one).
fn catalog_text(texts: &Texts) -> String {
    let mut yaml = TEMPLATE.to_owned();
    for (name, value) in &texts.0 {
        let quoted = serde_json::to_string(value).expect("a string serialises");
        yaml = yaml.replace(&format!("@{name}@"), &quoted);
    }
    yaml
}

fn compile(texts: &Texts) -> Catalog {
    let source = Source::new("catalog/hostile.yaml", catalog_text(texts));
    let mut catalogs = common::compile_guarded("hostile", vec![source])
        .unwrap_or_else(|d| panic!("the template must pass the checker:\n{d}"));
    catalogs.pop().expect("one catalog")
}

/// Text as readers see it once rendered: its paragraphs (blank lines apart), each with
/// every whitespace run one space.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push(String::new());
        }
        let last = out.last_mut().expect("one paragraph at least");
        for word in line.split_whitespace() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out.retain(|paragraph| !paragraph.is_empty());
    out
}

/// What a CommonMark document holds, as far as these tests look.
#[derive(Default)]
struct Rendered {
    /// The text of each block (paragraph, heading, list item, table cell), apart by
    /// `\u{1}` so that text split across blocks does not match.
    text: String,
    /// The raw HTML, code blocks (info string and body), links and other constructs no
    /// catalog text may make.
    html: Vec<String>,
    code_blocks: Vec<(String, String)>,
    links: Vec<String>,
    forbidden: Vec<String>,
}

fn render(markdown: &str) -> Rendered {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &common::github_markdown());
    let mut out = Rendered::default();
    walk(root, &mut out);
    out
}

fn walk<'a>(node: &'a AstNode<'a>, out: &mut Rendered) {
    match &node.data.borrow().value {
        NodeValue::Text(text) => out.text.push_str(text),
        NodeValue::Code(code) => out.text.push_str(&code.literal),
        NodeValue::SoftBreak | NodeValue::LineBreak => out.text.push(' '),
        NodeValue::HtmlInline(html) => out.html.push(html.clone()),
        NodeValue::HtmlBlock(html) => out.html.push(html.literal.clone()),
        NodeValue::CodeBlock(block) => out
            .code_blocks
            .push((block.info.clone(), block.literal.clone())),
        // A bare URL in the text (GitHub links it) shows as written: not a link made.
        NodeValue::Link(link) if !shows_its_url(node, &link.url) => {
            out.links.push(link.url.clone());
        }
        value @ (NodeValue::Image(_)
        | NodeValue::FootnoteDefinition(_)
        | NodeValue::FootnoteReference(_)
        | NodeValue::Math(_)
        | NodeValue::TaskItem(_)) => out.forbidden.push(format!("{value:?}")),
        _ => {}
    }
    for child in node.children() {
        walk(child, out);
    }
    let block = matches!(
        node.data.borrow().value,
        NodeValue::Paragraph | NodeValue::Heading(_) | NodeValue::TableCell | NodeValue::Item(_)
    );
    if block {
        out.text.push('\u{1}');
    }
}

/// Whether a link's text is its URL (an autolink of a URL written in the text).
fn shows_its_url<'a>(node: &'a AstNode<'a>, url: &str) -> bool {
    let mut text = String::new();
    for child in node.descendants() {
        if let NodeValue::Text(piece) = &child.data.borrow().value {
            text.push_str(piece);
        }
    }
    [
        url,
        url.trim_start_matches("mailto:"),
        url.trim_start_matches("http://"),
    ]
    .contains(&text.as_str())
}

/// Checks `markdown` shows every one of `texts` as written and makes nothing of them.
fn assert_text_is_data(what: &str, markdown: &str, texts: &[(&str, &str)], allowed_links: &[&str]) {
    let rendered = render(markdown);
    for html in &rendered.html {
        let own = html == "</a>"
            || (html.starts_with("<a id=\"") && html.ends_with("\">"))
            || html.starts_with("<!-- @generated by errcat-codegen");
        assert!(own, "{what}: catalog text became HTML {html:?}");
    }
    for (info, body) in &rendered.code_blocks {
        assert_eq!(
            info, "json",
            "{what}: a code block that is no example body: {body:?}"
        );
        serde_json::from_str::<Value>(body)
            .unwrap_or_else(|e| panic!("{what}: an example body is no JSON ({e}): {body}"));
    }
    assert!(
        rendered.forbidden.is_empty(),
        "{what}: {:?}",
        rendered.forbidden
    );
    for link in &rendered.links {
        let own = link.starts_with('#')
            || link.ends_with(".md")
            || link.contains(".md#")
            || allowed_links
                .iter()
                .any(|allowed| link.starts_with(allowed));
        assert!(own, "{what}: catalog text became a link to {link:?}");
    }
    for (name, text) in texts {
        for paragraph in paragraphs(text) {
            assert!(
                rendered.text.contains(&paragraph),
                "{what}: {paragraph:?} of {name} does not read back from:\n{markdown}"
            );
        }
    }
}

/// The catalog texts an output shows, by placeholder name.
fn shown<'t>(texts: &'t Texts, names: &[&str]) -> Vec<(&'static str, &'t str)> {
    texts
        .0
        .iter()
        .filter(|(name, _)| names.contains(name))
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

const LINKS: &[&str] = &["https://help.example.com/", "https://docs.example.com/"];

/// Every `///` or `//!` block of the generated Rust, as the Markdown rustdoc reads.
fn doc_blocks(rust: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in rust.lines().chain([""]) {
        let trimmed = line.trim_start();
        match trimmed
            .strip_prefix("///")
            .or_else(|| trimmed.strip_prefix("//!"))
        {
            Some(doc) => block.push(doc.strip_prefix(' ').unwrap_or(doc)),
            None if !block.is_empty() => {
                blocks.push(block.join("\n"));
                block.clear();
            }
            None => {}
        }
    }
    blocks
}

/// Every CommonMark text of an OpenAPI document: the `description`s (outside example
/// values, which are data) and the enum descriptions Redoc renders.
fn descriptions(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("description", Value::String(text)) => out.push(text.clone()),
                    ("example" | "value" | "const" | "enum" | "default", _) => {}
                    ("x-enum-descriptions", Value::Array(items)) => {
                        out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)))
                    }
                    ("x-enumDescriptions", Value::Object(by_code)) => out.extend(
                        by_code
                            .values()
                            .filter_map(|v| v.as_str().map(str::to_owned)),
                    ),
                    _ => descriptions(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| descriptions(item, out)),
        _ => {}
    }
}

/// The pattern of mdBook's link preprocessor, `{{` then optional spaces then `#`, which
/// must occur nowhere in the book's sources.
fn has_mdbook_directive(text: &str) -> bool {
    text.match_indices("{{")
        .any(|(at, _)| text[at + 2..].trim_start().starts_with('#'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn markdown_pages_show_catalog_text_as_written(texts in texts()) {
        let catalog = compile(&texts);
        let page = emit::markdown::emit(&catalog);
        let all: Vec<&str> = FIELDS
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !matches!(*name, "SUMMARY" | "CONTEXT_DESCRIPTION" | "ATTRIBUTE_DESCRIPTION"))
            .collect();
        assert_text_is_data("the Markdown page", &page, &shown(&texts, &all), LINKS);
    }

    #[test]
    fn the_book_shows_catalog_text_and_expands_no_directive(texts in texts()) {
        let catalog = compile(&texts);
        let files = emit::markdown::book::files(&catalog);
        let mut pages = String::new();
        for (path, content) in &files {
            if path.ends_with(".md") {
                prop_assert!(!has_mdbook_directive(content), "{path} holds an mdBook directive:\n{content}");
                assert_text_is_data(path, content, &[], LINKS);
                pages.push_str(content);
                pages.push_str("\n\n");
            }
        }
        let toml = files.iter().find(|(path, _)| path == "book.toml").expect("book.toml");
        prop_assert!(toml.1.contains("use-default-preprocessors = false"));
        let all = ["TITLE_A", "DESCRIPTION_A", "SOLUTION_A", "TITLE_B", "DESCRIPTION_B", "GROUP_TITLE"];
        assert_text_is_data("the book", &pages, &shown(&texts, &all), LINKS);
    }

    #[test]
    fn rust_docs_show_catalog_text_and_hold_no_doctest(texts in texts()) {
        let catalog = compile(&texts);
        let rust = emit::rust::emit(std::slice::from_ref(&catalog));
        let blocks = doc_blocks(&rust);
        for block in &blocks {
            assert_text_is_data("a Rust doc comment", block, &[], LINKS);
        }
        let names = [
            "TITLE_A", "DESCRIPTION_A", "EXPLANATION_A", "SOLUTION_A", "CAUSE_A",
            "LINK_TITLE_A", "PARAM_DESCRIPTION", "TITLE_B", "DESCRIPTION_B", "SOLUTION_B1",
            "SOLUTION_B2", "GROUP_TITLE", "GROUP_DESCRIPTION", "ATTRIBUTE_DESCRIPTION",
            "CONTEXT_DESCRIPTION",
        ];
        assert_text_is_data("the Rust docs", &blocks.join("\n\n"), &shown(&texts, &names), LINKS);
    }

    #[test]
    fn openapi_descriptions_show_catalog_text_as_written(texts in texts()) {
        let catalog = compile(&texts);
        let json = emit::openapi::document(&catalog, OpenApiVersion::V3_1);
        let mut texts_found = Vec::new();
        descriptions(&json, &mut texts_found);
        for text in &texts_found {
            assert_text_is_data("an OpenAPI description", text, &[], LINKS);
        }
        let names = [
            "SUMMARY", "DESCRIPTION_A", "SOLUTION_A", "PARAM_DESCRIPTION", "DESCRIPTION_B",
            "SOLUTION_B1", "CODE_DESCRIPTION", "MESSAGE_DESCRIPTION", "TITLE_A",
        ];
        assert_text_is_data("the OpenAPI descriptions", &texts_found.join("\n\n"), &shown(&texts, &names), LINKS);
    }
}
