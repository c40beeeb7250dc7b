//! The serialiser's parameters for an envelope that places some of them among the
//! members of its `params: true` object (`detail: { from: param }`): each placed one is
//! written at its member, and the spread after the members skips them. Built on the
//! support module's `serialize_members` (unchanged, so that catalogs without placed
//! parameters generate the same code as before): a skipped parameter is turned into
//! `Arg::Unused`, which it leaves out.

use proc_macro2::TokenStream;
use quote::quote;

/// `Error::serialize_params`, skipping the parameters named in `placed`, and
/// `Error::serialize_placed`, writing one of them at its member.
pub(super) fn serialize_params(placed: &[String]) -> TokenStream {
    quote! {
        impl Error {
            /// Writes the message parameters not placed at a member of their own as
            /// members of the enclosing object.
            fn serialize_params<M: ::serde::ser::SerializeMap>(
                &self,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                let spec = self.spec();
                let mut args = self.params();
                for (key, arg) in spec.keys.iter().zip(args.iter_mut()) {
                    if [#(#placed),*].contains(key) {
                        *arg = support::Arg::Unused;
                    }
                }
                support::serialize_members(spec, &args, map)
            }

            /// Writes the parameter named `key` as a member of the enclosing object,
            /// where this error has it and it is present (as the spread would).
            fn serialize_placed<M: ::serde::ser::SerializeMap>(
                &self,
                key: &str,
                map: &mut M,
            ) -> ::core::result::Result<(), M::Error> {
                let spec = self.spec();
                let mut args = self.params();
                let ::core::option::Option::Some(index) =
                    spec.keys.iter().position(|name| *name == key)
                else {
                    return ::core::result::Result::Ok(());
                };
                let arg = ::core::mem::replace(&mut args[index], support::Arg::Unused);
                let one = support::Spec {
                    variant: spec.variant,
                    fields: &[],
                    keys: ::core::slice::from_ref(&spec.keys[index]),
                    template: &[],
                    example: &[],
                };
                support::serialize_members(&one, &[arg], map)
            }
        }
    }
}
