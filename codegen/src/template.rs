//! Message templates: `{name}` inserts a parameter, `{{` and `}}` are literal braces.

use crate::model::{Piece, Template, Value};

/// A template as written, before its parameter names are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// Literal text.
    Text(String),
    /// A `{name}` reference, with its character offset in the template.
    Ref { name: String, offset: usize },
}

/// A syntax mistake in a template, with its character offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateError {
    pub offset: usize,
    pub message: &'static str,
}

/// Whether `c` may appear in a `{name}` reference: ASCII letters, digits and `_`.
pub(crate) fn is_name_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

/// Whether a parameter of this name can be referenced in a message.
pub(crate) fn is_referable(name: &str) -> bool {
    !name.is_empty() && name.chars().all(is_name_char)
}

/// Splits a template into text and references.
pub(crate) fn parse(text: &str) -> Result<Vec<Part>, TemplateError> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = text.chars().enumerate().peekable();
    while let Some((offset, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                literal.push('}');
            }
            '}' => {
                return Err(TemplateError {
                    offset,
                    message: "unmatched `}` in message",
                });
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, c)) if is_name_char(c) => name.push(c),
                        _ => {
                            return Err(TemplateError {
                                offset,
                                message: "`{` must start a parameter such as `{field}`",
                            });
                        }
                    }
                }
                if name.is_empty() {
                    return Err(TemplateError {
                        offset,
                        message: "empty parameter `{}` in message",
                    });
                }
                if !literal.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut literal)));
                }
                parts.push(Part::Ref { name, offset });
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Text(literal));
    }
    Ok(parts)
}

impl Template {
    /// Renders the message with one value per parameter, in parameter order. Lists are
    /// joined with `, `; absent optional values render as nothing.
    pub fn render(&self, values: &[Value]) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Param(index) => {
                    if let Some(value) = values.get(*index) {
                        push_value(&mut out, value);
                    }
                }
            }
        }
        out
    }
}

/// What ends a parameter's text when a message is read back, by the one-pass rule of
/// docs/rust.md (the generated `split_message` applies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End<'a> {
    /// The parameter is the last piece: it takes the rest of the message.
    Rest,
    /// The parameter comes just before the final literal: it takes everything up to that
    /// literal at the end of the message.
    Suffix,
    /// The parameter takes the text up to the leftmost occurrence of this literal.
    Leftmost(&'a str),
    /// Another parameter follows directly: it takes no text.
    Param,
}

impl Template {
    /// What ends the text of the parameter at piece `at`.
    pub(crate) fn end_of(&self, at: usize) -> End<'_> {
        match &self.pieces[at + 1..] {
            [] => End::Rest,
            [Piece::Text(_)] => End::Suffix,
            [Piece::Text(next), ..] => End::Leftmost(next),
            [Piece::Param(_), ..] => End::Param,
        }
    }

    /// Each parameter's first use: its index and what ends its text there. Later uses
    /// repeat the text of the first.
    pub(crate) fn first_uses(&self) -> Vec<(usize, End<'_>)> {
        let mut seen = Vec::new();
        let mut uses = Vec::new();
        for (at, piece) in self.pieces.iter().enumerate() {
            if let Piece::Param(index) = piece
                && !seen.contains(index)
            {
                seen.push(*index);
                uses.push((*index, self.end_of(at)));
            }
        }
        uses
    }
}

/// The part of `text` a parameter gets back when `literal` follows it and the leftmost
/// occurrence of `literal` ends it: all of `text` unless `text` followed by `literal`
/// holds `literal` earlier than at its end.
pub(crate) fn read_before<'a>(text: &'a str, literal: &str) -> &'a str {
    let joined = format!("{text}{literal}");
    let end = joined.find(literal).unwrap_or(text.len());
    &text[..end]
}

/// The text a value takes in a message: lists joined with `, `, nothing for no value.
pub(crate) fn value_text(value: &Value) -> String {
    let mut out = String::new();
    push_value(&mut out, value);
    out
}

fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => out.push_str(s),
        Value::Integer(i) => out.push_str(&i.to_string()),
        Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::StringList(items) => out.push_str(&items.join(", ")),
        // Only numbers reach a message this way; they show as JSON writes them.
        Value::Json(json) => out.push_str(&json.to_string()),
        Value::Absent => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_text_and_references() {
        let parts = parse("{field} must be {{valid}}").unwrap();
        assert_eq!(
            parts,
            vec![
                Part::Ref {
                    name: "field".into(),
                    offset: 0
                },
                Part::Text(" must be {valid}".into()),
            ]
        );
    }

    #[test]
    fn rejects_unclosed_and_empty_references() {
        assert_eq!(parse("a {b").unwrap_err().offset, 2);
        assert_eq!(parse("a {}").unwrap_err().offset, 2);
        assert_eq!(parse("a }").unwrap_err().offset, 2);
    }

    #[test]
    fn reads_back_up_to_the_leftmost_literal() {
        assert_eq!(read_before("x", " and "), "x");
        assert_eq!(read_before("band", " and "), "band");
        assert_eq!(read_before("x and y", " and "), "x");
        assert_eq!(read_before("x and", " and "), "x");
        assert_eq!(read_before("", " and "), "");
    }

    #[test]
    fn tells_what_ends_each_parameter() {
        let template = Template {
            pieces: vec![
                Piece::Param(0),
                Piece::Param(1),
                Piece::Text(" and ".into()),
                Piece::Param(0),
                Piece::Param(2),
                Piece::Text(".".into()),
            ],
        };
        assert_eq!(
            template.first_uses(),
            vec![
                (0, End::Param),
                (1, End::Leftmost(" and ")),
                (2, End::Suffix)
            ]
        );
        assert_eq!(template.end_of(4), End::Suffix);
        let open = Template {
            pieces: vec![Piece::Text("at ".into()), Piece::Param(0)],
        };
        assert_eq!(open.first_uses(), vec![(0, End::Rest)]);
    }

    #[test]
    fn renders_values_in_order() {
        let template = Template {
            pieces: vec![
                Piece::Param(1),
                Piece::Text(" and ".into()),
                Piece::Param(0),
            ],
        };
        let values = [
            Value::StringList(vec!["a".into(), "b".into()]),
            Value::Integer(3),
        ];
        assert_eq!(template.render(&values), "3 and a, b");
    }
}
