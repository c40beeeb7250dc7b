//! `same_body`: whether a received body is the one its parsed error serialises to, so
//! that the parser accepts exactly the bodies the schemas admit; and `many_items`, the
//! array of several errors in a body.

use proc_macro2::TokenStream;
use quote::quote;

/// `Step`, `same_body`, `value_at`, `set_at`, `many_items`.
pub(super) fn items() -> TokenStream {
    quote! {
        /// One step of a path into a body.
        pub(crate) enum Step {
            /// The member of this name.
            Key(&'static str),
            /// Any item of an array.
            Each,
        }

        /// The status paths of a body, and which statuses the error admits there
        /// (`None`: the body's status is compared as the others).
        pub(crate) type Statuses<'a> =
            (&'a [&'a [Step]], ::core::option::Option<&'a dyn Fn(u16) -> bool>);

        /// Whether `received` is `expected` but where `free` paths may hold any string,
        /// the status paths (`statuses.0`) any status the error admits (`statuses.1`,
        /// where it is given),
        /// `optional` paths may be missing and, with `allow_unknown`, objects may hold
        /// members `expected` has not. Numbers are equal by value (`100` and `100.0`).
        pub(crate) fn same_body(
            expected: &::serde_json::Value,
            received: &::serde_json::Value,
            allow_unknown: bool,
            free: &[&[Step]],
            optional: &[&[Step]],
            statuses: Statuses<'_>,
        ) -> bool {
            let mut path = ::std::vec::Vec::new();
            let free = Free { text: free, optional, statuses };
            same_at(expected, received, allow_unknown, &free, &mut path)
        }

        /// Where a received body may differ from the expected one, and how.
        struct Free<'a> {
            text: &'a [&'a [Step]],
            optional: &'a [&'a [Step]],
            statuses: Statuses<'a>,
        }

        fn same_at<'a>(
            expected: &'a ::serde_json::Value,
            received: &'a ::serde_json::Value,
            allow_unknown: bool,
            free: &Free<'_>,
            path: &mut ::std::vec::Vec<::core::option::Option<&'a str>>,
        ) -> bool {
            use ::serde_json::Value;
            if is_free(free.text, path) {
                return received.is_string();
            }
            if let (status_paths, ::core::option::Option::Some(admits)) = free.statuses
                && is_free(status_paths, path)
            {
                return received
                    .as_u64()
                    .and_then(|status| u16::try_from(status).ok())
                    .is_some_and(admits);
            }
            match (expected, received) {
                (Value::Object(want), Value::Object(got)) => {
                    let unknown = got.keys().any(|key| !want.contains_key(key));
                    if unknown && !allow_unknown {
                        return false;
                    }
                    want.iter().all(|(key, value)| {
                        path.push(::core::option::Option::Some(key));
                        let same = match got.get(key) {
                            ::core::option::Option::Some(other) => {
                                same_at(value, other, allow_unknown, free, path)
                            }
                            ::core::option::Option::None => is_free(free.optional, path),
                        };
                        path.pop();
                        same
                    })
                }
                (Value::Array(want), Value::Array(got)) => {
                    want.len() == got.len()
                        && want.iter().zip(got).all(|(value, other)| {
                            path.push(::core::option::Option::None);
                            let same = same_at(value, other, allow_unknown, free, path);
                            path.pop();
                            same
                        })
                }
                (Value::Number(want), Value::Number(got)) => {
                    want == got || (want.is_f64() || got.is_f64()) && want.as_f64() == got.as_f64()
                }
                _ => expected == received,
            }
        }

        /// Whether `path` is one of `free` (`None` is an array index).
        fn is_free(free: &[&[Step]], path: &[::core::option::Option<&str>]) -> bool {
            free.iter().any(|steps| {
                steps.len() == path.len()
                    && steps.iter().zip(path).all(|(step, at)| match (step, at) {
                        (Step::Key(key), ::core::option::Option::Some(name)) => key == name,
                        (Step::Each, ::core::option::Option::None) => true,
                        _ => false,
                    })
            })
        }

        /// The value at `path` in `body` (the first item where a step is `Each`).
        pub(crate) fn value_at<'a>(
            body: &'a ::serde_json::Value,
            path: &[Step],
        ) -> ::core::option::Option<&'a ::serde_json::Value> {
            let mut at = body;
            for step in path {
                at = match step {
                    Step::Key(key) => at.get(key)?,
                    Step::Each => at.get(0)?,
                };
            }
            ::core::option::Option::Some(at)
        }

        /// Sets the value at `path` in `body` (in every item where a step is `Each`),
        /// where the body has that member already.
        pub(crate) fn set_at(body: &mut ::serde_json::Value, path: &[Step], value: ::serde_json::Value) {
            let ::core::option::Option::Some((first, rest)) = path.split_first() else {
                *body = value;
                return;
            };
            match first {
                Step::Key(key) => {
                    if let ::core::option::Option::Some(member) = body.get_mut(key) {
                        set_at(member, rest, value);
                    }
                }
                Step::Each => {
                    if let ::core::option::Option::Some(items) = body.as_array_mut() {
                        for item in items {
                            set_at(item, rest, value.clone());
                        }
                    }
                }
            }
        }

        /// The items of the array at `path` (its last step is the array itself).
        pub(crate) fn many_items<'a>(
            body: &'a ::serde_json::Value,
            path: &[Step],
        ) -> ::core::option::Option<&'a ::std::vec::Vec<::serde_json::Value>> {
            let mut at = body;
            for step in path {
                at = match step {
                    Step::Key(key) => at.get(key)?,
                    Step::Each => at.get(0)?,
                };
            }
            at.as_array()
        }
    }
}
