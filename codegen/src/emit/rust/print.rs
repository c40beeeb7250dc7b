//! Tokens printed as one line of Rust, spaced as rustfmt would space them, for the table
//! rows of [`super::rows`]: those rows are paths, literals, patterns, arrays and struct
//! expressions (no operators besides `=>`, `=` and `|`), which this small printer covers
//! without the cost of parsing them back with `syn` for prettyplease.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// The tokens on one line, e.g. `Self::NotFound { .. } => Code::NotFound,`.
pub(super) fn line(tokens: TokenStream) -> String {
    let mut out = String::new();
    print(tokens, &mut out);
    out
}

/// What the last printed token asks of the space after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Nothing printed yet, or an opening delimiter: no space.
    Start,
    /// A prefix (`&`, `#`, `'`, `-`, `<`, the first of `::` or `=>`): no space.
    Tight,
    /// An identifier or literal: a following group of `(` or `[` is a call or index.
    Word,
    /// Anything else: a space before the next token.
    Spaced,
}

fn print(tokens: TokenStream, out: &mut String) {
    let mut after = After::Start;
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Ident(ident) => {
                space(after, out);
                // Written in place: `to_string` would allocate per token.
                let _ = write!(out, "{ident}");
                after = After::Word;
            }
            TokenTree::Literal(literal) => {
                space(after, out);
                let _ = write!(out, "{literal}");
                after = After::Word;
            }
            TokenTree::Punct(punct) => after = punct_token(&punct, after, tokens.peek(), out),
            TokenTree::Group(group) => {
                let delimiter = group.delimiter();
                let call = after == After::Word && delimiter != Delimiter::Brace;
                if !call {
                    space(after, out);
                }
                group_token(delimiter, group.stream(), out);
                after = After::Word;
            }
        }
    }
}

/// Prints a punctuation mark and says what it asks of the next token.
fn punct_token(
    punct: &proc_macro2::Punct,
    after: After,
    next: Option<&TokenTree>,
    out: &mut String,
) -> After {
    let c = punct.as_char();
    let joint = punct.spacing() == Spacing::Joint;
    let spaced_before = match c {
        ',' | ';' | '<' | '>' => false,
        // `::` after `=` or `,` is spaced (`= ::core`); after a name (`Self::`) and a
        // field's lone `:` (`name: Type`) are not.
        ':' => joint && after == After::Spaced,
        _ => true,
    };
    if spaced_before {
        space(after, out);
    }
    out.push(c);
    let continued = joint && matches!(next, Some(TokenTree::Punct(_)));
    match c {
        // The first of `::`, `=>`, `..` or `>>`.
        _ if continued => After::Tight,
        '&' | '#' | '\'' | '<' | '!' | '-' => After::Tight,
        // The second of `::`.
        ':' if after == After::Tight => After::Tight,
        _ => After::Spaced,
    }
}

/// A delimited group: braces padded with spaces (`{ .. }`, `{}` when empty), brackets
/// and parentheses not.
fn group_token(delimiter: Delimiter, inner: TokenStream, out: &mut String) {
    let (open, close) = match delimiter {
        Delimiter::Parenthesis => ("(", ")"),
        Delimiter::Bracket => ("[", "]"),
        Delimiter::Brace => ("{", "}"),
        Delimiter::None => ("", ""),
    };
    out.push_str(open);
    if delimiter == Delimiter::Brace {
        // Printed in place, then padded unless empty: `{ .. }`, `{}`.
        out.push(' ');
        let start = out.len();
        print(inner, out);
        if out.len() == start {
            out.pop();
        } else {
            out.push(' ');
        }
    } else {
        print(inner, out);
    }
    out.push_str(close);
}

fn space(after: After, out: &mut String) {
    if matches!(after, After::Word | After::Spaced) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::line;

    #[test]
    fn prints_paths_groups_and_arms_as_rustfmt_spaces_them() {
        let cases = [
            (
                quote! { Self::NotFound { .. } => Code::NotFound, },
                "Self::NotFound { .. } => Code::NotFound,",
            ),
            (
                quote! { ::core::option::Option::Some(60u32), },
                "::core::option::Option::Some(60u32),",
            ),
            (
                quote! { static X: [&'static str; 2usize] = ["a", "b\n"]; },
                "static X: [&'static str; 2usize] = [\"a\", \"b\\n\"];",
            ),
            (
                quote! { Self::A | Self::B { x: field_0 } => [super::s::Arg::Text(field_0)], },
                "Self::A | Self::B { x: field_0 } => [super::s::Arg::Text(field_0)],",
            ),
            (
                quote! { #[deprecated(note = "gone")] Old, },
                "#[deprecated(note = \"gone\")] Old,",
            ),
            (
                quote! { items: ::std::vec::Vec<::core::option::Option<i64>>, },
                "items: ::std::vec::Vec<::core::option::Option<i64>>,",
            ),
            (
                quote! { Code::X => Error::X {}, },
                "Code::X => Error::X {},",
            ),
            (quote! { f: &[], r#type: -5i64 }, "f: &[], r#type: -5i64"),
            (quote! { Arg<'_> }, "Arg<'_>"),
        ];
        for (tokens, expected) in cases {
            assert_eq!(line(tokens), expected);
        }
    }

    #[test]
    fn printed_rows_parse_back_to_the_same_tokens() {
        let arm = quote! {
            Self::BadRequest { field: field_0, r#type: field_1 } => [
                support::Arg::Text(field_0),
                support::Arg::OptionalInteger(field_1),
            ],
        };
        let printed: proc_macro2::TokenStream = line(arm.clone()).parse().expect("valid tokens");
        assert_eq!(printed.to_string(), arm.to_string());
    }
}
