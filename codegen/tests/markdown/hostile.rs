//! Catalog text full of Markdown and HTML syntax renders as written: the page built
//! from it has the same HTML structure as one built from plain words, and its visible
//! text holds every hostile string.

use super::html::{prose, render, skeleton, squash};
use errcat_codegen::{Source, compile, emit};

/// Strings that would be markup if pasted into Markdown as they are.
const HOSTILE: &[&str] = &[
    "pipes | in || a cell |",
    "<b>bold</b> <script>alert(1)</script> <!-- comment --> <br/> &lt;",
    "`tick` ``two ticks`` ``` fence",
    "_under_ __dunder__ snake_case_word _lead trail_",
    "# a heading?",
    "*star* **strong** * lone star",
    "[x](y) ![image](z) [ref]: /url [^note]",
    "line one\nline two\r\n- bullet\n1. ordered\n> quote",
    "&amp; &#35; &#x23; AT&T ~~strike~~ ~tilde~",
    "back\\slash \\* dir\\.txt \\- \\\\ ends with \\",
    "---",
    "closing hashes ##",
    "+ plus\ttab  and   spaces",
    "2) ordered by paren",
    "=== setext?",
    "- [ ] task",
    "costs $5, $x^2$ and $$y$$",
];

/// A catalog in `layout` whose every text field holds a hostile string, starting at
/// `turn` in [`HOSTILE`] (or, with `plain`, a plain phrase in its place). The fields
/// both layouts show come first, so each hostile string lands in at least one of them;
/// over every turn, each lands in every field. Even turns start the page with front
/// matter; odd turns show the site and title as headings.
fn catalog_yaml(layout: &str, turn: usize, plain: bool) -> String {
    let mut next = 0;
    let mut text = || {
        let i = next;
        next += 1;
        let s = if plain {
            format!("plain words {i}")
        } else {
            HOSTILE[(i + turn) % HOSTILE.len()].to_owned()
        };
        serde_json::to_string(&s).expect("a string serialises")
    };
    format!(
        r#"api: {api}
docs:
  layout: {layout}
  site: {site}
  title: {title}
  summary: {summary}
  intro: {intro}
  front_matter: {front_matter}
envelope:
  body:
    fields:
      code: {{ from: code, description: {d1} }}
      title: {{ from: title, description: {d2} }}
      detail:
        description: {d3}
        params: true
        fields:
          message: {{ from: message, description: {d4} }}
errors:
  - code: rate.limit-hit
    status: 429
    title: {t1}
    description: {desc1}
    solution: {sol1}
    message: "Slow down on {{route}}"
    params:
      - {{ name: route, type: string, description: {p1}, example: /v1/items }}
    retry: {{ policy: after, after_seconds: 1 }}
    cases:
      - title: {c1}
        causes: [{cause1}, {cause2}]
        note: {note1}
  - code: old_thing
    status: 503
    title: {t2}
    description: {desc2}
    solution: {sol2}
    deprecated: {dep}
    cases:
      - title: {c2}
        causes: [{cause3}]
recommendations: [{r1}, {r2}, {r3}]
"#,
        front_matter = turn.is_multiple_of(2),
        site = text(),
        title = text(),
        summary = text(),
        intro = text(),
        t1 = text(),
        desc1 = text(),
        sol1 = text(),
        c1 = text(),
        cause1 = text(),
        cause2 = text(),
        note1 = text(),
        t2 = text(),
        desc2 = text(),
        sol2 = text(),
        dep = text(),
        c2 = text(),
        cause3 = text(),
        r1 = text(),
        r2 = text(),
        r3 = text(),
        api = text(),
        d1 = text(),
        d2 = text(),
        d3 = text(),
        d4 = text(),
        p1 = text(),
    )
}

/// The Markdown page of the hostile (or plain) catalog in `layout` at `turn`.
pub fn page(layout: &str, turn: usize, plain: bool) -> String {
    let source = Source::new("catalog/hostile.yaml", catalog_yaml(layout, turn, plain));
    let catalogs = compile(&[source]).unwrap_or_else(|d| panic!("hostile catalog:\n{d}"));
    emit::markdown::emit(&catalogs[0])
}

/// The book (`pages: true`) of the hostile (or plain) catalog at `turn`: its Markdown
/// files by path inside the book's folder.
pub fn book(turn: usize, plain: bool) -> Vec<(String, String)> {
    let yaml =
        catalog_yaml("list", turn, plain).replacen("\ndocs:\n", "\ndocs:\n  pages: true\n", 1);
    let source = Source::new("catalog/hostile.yaml", yaml);
    let catalogs = compile(&[source]).unwrap_or_else(|d| panic!("hostile catalog:\n{d}"));
    let files = emit::markdown::book::files(&catalogs[0]).into_iter();
    files.filter(|(path, _)| path.ends_with(".md")).collect()
}

/// Every layout at every turn: each string in each field, with and without front matter.
fn turns() -> impl Iterator<Item = (&'static str, usize)> {
    ["list", "reference"]
        .into_iter()
        .flat_map(|layout| (0..HOSTILE.len() * 2).map(move |turn| (layout, turn)))
}

#[test]
fn hostile_text_adds_no_markup() {
    for (layout, turn) in turns() {
        let hostile = render(&page(layout, turn, false));
        let plain = render(&page(layout, turn, true));
        assert_eq!(
            skeleton(&plain),
            skeleton(&hostile),
            "{layout} turn {turn}: hostile text changed the page's structure:\n{hostile}"
        );
    }
}

#[test]
fn hostile_text_shows_as_written() {
    for (layout, turn) in turns() {
        let seen = prose(&render(&page(layout, turn, false)));
        for hostile in HOSTILE {
            assert!(
                seen.contains(&squash(hostile)),
                "{layout} turn {turn}: {hostile:?} is not shown as written in:\n{seen}"
            );
        }
    }
}
#[test]
fn hostile_text_adds_no_markup_to_book_pages() {
    for turn in 0..HOSTILE.len() * 2 {
        let (hostile, plain) = (book(turn, false), book(turn, true));
        assert_eq!(hostile.len(), plain.len());
        for ((path, page), (_, plain_page)) in hostile.iter().zip(&plain) {
            assert_eq!(
                skeleton(&render(plain_page)),
                skeleton(&render(page)),
                "turn {turn}: hostile text changed the structure of {path}:\n{page}"
            );
        }
    }
}

#[test]
fn hostile_front_matter_reads_back_as_written() {
    for turn in (0..HOSTILE.len() * 2).step_by(2) {
        let page = page("list", turn, false);
        let rest = page.strip_prefix("---\n").expect("front matter first");
        let (yaml, _) = rest.split_once("\n---\n").expect("front matter closes");
        let matter: std::collections::BTreeMap<String, String> =
            serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{e}:\n{yaml}"));
        // The title and the summary are the catalog's second and third texts.
        let text = |field: usize| HOSTILE[(field + turn) % HOSTILE.len()];
        assert_eq!(matter["title"], text(1), "turn {turn}");
        assert_eq!(matter["description"], text(2), "turn {turn}");
    }
}

/// Writes every hostile page and book page into the folder `ERRCAT_HOSTILE_PAGES` names, for
/// `.ci/steps/30-markdownlint.sh` to lint: hostile text must keep pages lint clean too.
#[test]
#[ignore = "run by the markdownlint CI step, which lints the pages it writes"]
fn write_hostile_pages_for_linting() {
    let dir = std::env::var_os("ERRCAT_HOSTILE_PAGES").expect("ERRCAT_HOSTILE_PAGES is set");
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir).expect("folder for hostile pages");
    for (layout, turn) in turns() {
        let path = dir.join(format!("hostile-{layout}-{turn}.md"));
        let page = page(layout, turn, false);
        std::fs::write(&path, &page).expect("hostile page written");
        assert_eq!(std::fs::read_to_string(&path).ok().as_ref(), Some(&page));
    }
    for turn in 0..HOSTILE.len() * 2 {
        for (name, page) in book(turn, false) {
            let path = dir.join(format!("book-{turn}")).join(name);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("book folder");
            std::fs::write(&path, &page).expect("hostile book page written");
        }
    }
}
