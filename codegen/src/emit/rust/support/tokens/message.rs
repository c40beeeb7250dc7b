//! Recovering parameters from a received message by splitting it along its template, in
//! one pass from left to right: no backtracking, so the work grows linearly with the
//! message, whatever a hostile server sends. The rule (documented in docs/rust.md, and
//! enforced on catalog examples by `check::params`), piece by piece:
//!
//! - literal text must come next in the message;
//! - a parameter already seen must repeat the text it took before;
//! - a new parameter at the end of the template takes the rest of the message;
//! - a new parameter just before the template's final piece, a literal, takes everything
//!   up to that literal at the end of the message (the message must end with it);
//! - a new parameter followed by another literal takes the text up to that literal's
//!   leftmost occurrence;
//! - a new parameter directly followed by a parameter takes no text.

use proc_macro2::TokenStream;
use quote::quote;

/// `MessageError`, `fill_message` and the one-pass `split_message` with its helpers.
pub(super) fn items() -> TokenStream {
    quote! {
        /// Why a message could not be read back.
        pub(crate) enum MessageError {
            /// The message does not match the template.
            Mismatch,
            /// The text a required parameter took is not of its type (its wire name).
            Param(&'static str),
        }

        /// Fills a blank error's parameters from the texts they took in `message`.
        pub(crate) fn fill_message<'a>(
            spec: &Spec,
            slots: impl IntoIterator<Item = Slot<'a>>,
            message: ::core::option::Option<&str>,
        ) -> ::core::result::Result<(), MessageError> {
            let message = message.ok_or(MessageError::Mismatch)?;
            let mut found = ::std::vec![::core::option::Option::None; spec.keys.len()];
            if !split_message(spec.template, message, &mut found, &mut 0) {
                return ::core::result::Result::Err(MessageError::Mismatch);
            }
            for ((slot, key), text) in slots.into_iter().zip(spec.keys).zip(found) {
                let value = text.and_then(|text| slot.read_text(text));
                if !slot.put(value) {
                    return ::core::result::Result::Err(MessageError::Param(key));
                }
            }
            Ok(())
        }

        /// Splits `message` along `pieces` in one pass from left to right, recording the
        /// text each parameter took; returns whether the whole message matched. Each piece
        /// is visited once and its search starts where the previous piece ended, so
        /// `scanned`, which grows by the bytes each piece compares or searches, ends at
        /// most at twice the message's length plus the template's literal bytes.
        pub(crate) fn split_message<'a>(
            pieces: &[Piece],
            message: &'a str,
            found: &mut [::core::option::Option<&'a str>],
            scanned: &mut usize,
        ) -> bool {
            let mut rest = message;
            for (at, piece) in pieces.iter().enumerate() {
                let taken = match piece {
                    Piece::Text(literal) => rest.starts_with(literal).then_some(literal.len()),
                    Piece::Param(index) => take_param(&pieces[at + 1..], rest, &mut found[*index]),
                };
                let ::core::option::Option::Some(taken) = taken else {
                    *scanned += rest.len();
                    return false;
                };
                *scanned += taken + next_literal(&pieces[at + 1..]).len();
                rest = &rest[taken..];
            }
            rest.is_empty()
        }

        /// How much of `rest` a parameter takes: the text it took before, or a new text
        /// by the rule, which is recorded in `found`.
        fn take_param<'a>(
            after: &[Piece],
            rest: &'a str,
            found: &mut ::core::option::Option<&'a str>,
        ) -> ::core::option::Option<usize> {
            if let ::core::option::Option::Some(earlier) = *found {
                return rest.starts_with(earlier).then_some(earlier.len());
            }
            let end = param_end(after, rest)?;
            *found = ::core::option::Option::Some(&rest[..end]);
            ::core::option::Option::Some(end)
        }

        /// Where the text of a new parameter ends in `rest`, given the pieces after it.
        fn param_end(after: &[Piece], rest: &str) -> ::core::option::Option<usize> {
            match after {
                [] => ::core::option::Option::Some(rest.len()),
                [Piece::Text(last)] => rest.strip_suffix(last).map(str::len),
                [Piece::Text(next), ..] => rest.find(next),
                [Piece::Param(_), ..] => ::core::option::Option::Some(0),
            }
        }

        /// The literal right after a piece, which a parameter's search also reads.
        fn next_literal(after: &[Piece]) -> &'static str {
            match after.first() {
                ::core::option::Option::Some(Piece::Text(literal)) => literal,
                _ => "",
            }
        }
    }
}
