//! The lookups `Code::from_code` (behind `FromStr` too), `from_number` and `from_title`:
//! for more than [`MATCH_MAX`] keys each a perfect hash table placed at generation time
//! ([`super::placement`]), so a lookup is one hash, one probe and one compare, with no
//! allocation; for fewer, a `match`, which is quicker there.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{doc_lines, placement, rows::Rows, text::Line};
use crate::model::{Catalog, ErrorDef, FieldSource};
use crate::wire;

/// `from_code` always; `from_number` and `from_title` where bodies identify errors so.
pub(super) fn lookups(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let mut out = if catalog.codes_per_group {
        super::group_lookup::group_code_lookup(catalog, rows)
    } else {
        code_lookup(catalog, rows)
    };
    out.extend(number_and_title_lookups(catalog, rows));
    out
}

/// `from_code`, by a perfect hash of the wire codes (unique in the catalog).
fn code_lookup(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let doc = "The code with this wire code, found in a perfect hash table.";
    every_code_lookup(
        catalog,
        rows,
        (quote! { from_code }, quote! { as_str }),
        doc,
        |e| &e.code,
    )
}

/// A public lookup over every code of the catalog by a string `key` of each: `names`
/// are the function's name and the method of `Code` that gives the key.
fn every_code_lookup(
    catalog: &Catalog,
    rows: &Rows,
    (name, method): (TokenStream, TokenStream),
    doc: &str,
    key: impl Fn(&ErrorDef) -> &str,
) -> TokenStream {
    let keys = catalog
        .errors
        .iter()
        .enumerate()
        .map(|(index, e)| (key(e), e.variant.as_str(), index));
    let lookup = StringLookup {
        name,
        public: true,
        method,
        doc,
        codes: catalog.errors.len(),
    };
    string_lookup(rows, &lookup, keys)
}

/// A lookup function by a string key, to emit.
pub(super) struct StringLookup<'a> {
    /// The function's name.
    pub name: TokenStream,
    /// Whether it is part of the API (else a helper of another lookup).
    pub public: bool,
    /// The method of `Code` giving each code's key (`as_str`, `title`).
    pub method: TokenStream,
    /// The function's doc comment.
    pub doc: &'a str,
    /// How many codes the catalog has.
    pub codes: usize,
}

/// A lookup by a string key (a wire code or a title): each key with its code's variant
/// and index in `Code::ALL`.
pub(super) fn string_lookup<'a>(
    rows: &Rows,
    lookup: &StringLookup<'a>,
    keys: impl Iterator<Item = (&'a str, &'a str, usize)>,
) -> TokenStream {
    let entries = keys
        .map(|(key, variant, index)| Key {
            bytes: key.as_bytes(),
            literal: Literal::string(key),
            variant,
            index,
        })
        .collect();
    let method = &lookup.method;
    perfect_lookup(
        rows,
        &Lookup {
            name: lookup.name.clone(),
            public: lookup.public,
            key_type: quote! { &str },
            bytes: quote! { code.as_bytes() },
            codes: lookup.codes,
            found: quote! { found.#method() == code },
            doc: lookup.doc,
            entries,
        },
    )
}

/// `from_number` and `from_title`, where bodies identify errors so.
fn number_and_title_lookups(catalog: &Catalog, rows: &Rows) -> TokenStream {
    let mut out = TokenStream::new();
    let numbers: Vec<([u8; 8], i64, &str, usize)> = catalog
        .errors
        .iter()
        .enumerate()
        .filter_map(|(index, e)| {
            e.number
                .map(|n| (n.to_le_bytes(), n, e.variant.as_str(), index))
        })
        .collect();
    if !numbers.is_empty() {
        out.extend(perfect_lookup(
            rows,
            &Lookup {
                name: quote! { from_number },
                public: true,
                key_type: quote! { i64 },
                bytes: quote! { &code.to_le_bytes() },
                codes: catalog.errors.len(),
                found: quote! { found.number() == ::core::option::Option::Some(code) },
                doc: "The code with this numeric code, found in a perfect hash table.",
                entries: numbers
                    .iter()
                    .map(|(bytes, number, variant, index)| Key {
                        bytes: bytes.as_slice(),
                        literal: Literal::i64_suffixed(*number),
                        variant,
                        index: *index,
                    })
                    .collect(),
            },
        ));
    }
    if identifies_by_title(catalog) {
        let doc = "The code with this title (titles tell errors apart in this API's bodies), \
                   found in a perfect hash table.";
        // Every error has a title here (bodies send it, so the checker asks for one).
        let names = (quote! { from_title }, quote! { title().unwrap_or_default });
        out.extend(every_code_lookup(
            catalog,
            rows,
            names,
            doc,
            ErrorDef::sent_title,
        ));
    }
    out
}

/// Whether bodies carry the title but neither code nor number, so titles identify.
fn identifies_by_title(catalog: &Catalog) -> bool {
    let sources = wire::sources(&catalog.envelope.body);
    !sources
        .iter()
        .any(|s| matches!(s, FieldSource::Code | FieldSource::Number))
}

/// One lookup function to emit.
struct Lookup<'a> {
    /// The function's name.
    name: TokenStream,
    /// Whether it is part of the API (`pub`, `#[must_use]`) or a helper.
    public: bool,
    /// The type of its argument, `code`.
    key_type: TokenStream,
    /// The argument's bytes, as the generator hashed the keys.
    bytes: TokenStream,
    /// How many codes the catalog has (a free slot's index).
    codes: usize,
    /// Whether the code in the slot, `found`, has the key `code` (`found.as_str() ==
    /// code`).
    found: TokenStream,
    /// The function's doc comment.
    doc: &'a str,
    /// Each key (distinct keys).
    entries: Vec<Key<'a>>,
}

/// One key of a lookup.
struct Key<'a> {
    /// Its bytes, as the generator hashes them.
    bytes: &'a [u8],
    /// Its literal, for a `match`.
    literal: Literal,
    /// Its code's variant.
    variant: &'a str,
    /// Its code's index in `Code::ALL` (and in the metadata tables).
    index: usize,
}

/// A lookup function over a perfect hash table: the hash of the argument picks the one
/// slot where it can be; the slot holds the index of a code, whose key (from its metadata
/// table) is compared with the argument. A free slot holds the number of codes, past the
/// end of `Code::ALL`. Slots are `u16` wherever that holds every index (all catalogs
/// within `MAX_ERRORS`).
fn perfect_lookup(rows: &Rows, lookup: &Lookup<'_>) -> TokenStream {
    if lookup.entries.len() <= MATCH_MAX {
        return match_lookup(rows, lookup);
    }
    let keys: Vec<&[u8]> = lookup.entries.iter().map(|key| key.bytes).collect();
    let placed = placement::place(&keys);
    let free = lookup.codes;
    let slots = placed.slots.iter().map(|slot| {
        let index = slot.map_or(free, |at| lookup.entries[at].index);
        Line::new()
            .literal(&Literal::usize_unsuffixed(index))
            .finish()
    });
    let slot_type = if free < usize::from(u16::MAX) {
        quote! { u16 }
    } else {
        quote! { u32 }
    };
    let (bytes, found) = (&lookup.bytes, &lookup.found);
    let count = placed.slots.len();
    let buckets = placed.displacements.len();
    let displacements = rows.array_text(
        "Each bucket's displacement of its keys' slots.",
        quote! { static DISPLACEMENTS: [u32; #buckets] = },
        placed
            .displacements
            .iter()
            .map(|d| Line::new().literal(&Literal::u32_unsuffixed(*d)).finish()),
    );
    let slots = rows.array_text(
        "Each slot's code, as its index in `Code::ALL`; a free slot's is past the end.",
        quote! { static SLOTS: [#slot_type; #count] = },
        slots,
    );
    let seed = hex_literal(placed.seed);
    let bits = Literal::u32_suffixed(placed.bits);
    let (doc, head) = (doc_lines(lookup.doc), signature(lookup));
    quote! {
        #doc
        #head {
            use super::errcat_support::perfect_hash::{hash, slot};
            #displacements
            #slots
            let index = SLOTS[slot(hash(#seed, #bytes), &DISPLACEMENTS, #bits)] as usize;
            match Self::ALL.get(index) {
                ::core::option::Option::Some(&found) if #found => ::core::option::Option::Some(found),
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// The most keys a lookup finds by a `match` rather than a perfect hash table: up to
/// about this many, rustc's `match` on strings (by length, then one compare) takes a
/// quarter of the table's instructions (the runtime bench: 20 against 79 at 11 codes),
/// and compiles quickly.
pub(super) const MATCH_MAX: usize = 32;

/// A lookup function over a `match` of the keys, one arm per line.
fn match_lookup(rows: &Rows, lookup: &Lookup<'_>) -> TokenStream {
    let arms = rows.arms_text(lookup.entries.iter().map(|key| {
        let line = Line::new().literal(&key.literal);
        let line = line
            .code(" => ::core::option::Option::Some(Code::")
            .code(key.variant);
        line.code("),").finish()
    }));
    let doc = doc_lines(&lookup.doc.replace("a perfect hash table", "a `match`"));
    let head = signature(lookup);
    quote! {
        #doc
        #head {
            match code {
                #arms
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// The lookup function's attributes and signature: `#[must_use] pub fn` for the API,
/// a private `fn` for a helper of another lookup.
fn signature(lookup: &Lookup<'_>) -> TokenStream {
    let (name, key_type) = (&lookup.name, &lookup.key_type);
    let head = quote! { fn #name(code: #key_type) -> ::core::option::Option<Self> };
    if lookup.public {
        quote! { #[must_use] pub #head }
    } else {
        head
    }
}

/// `0x243F_6A88_85A3_08D3_u64`: a seed as a readable hex literal.
fn hex_literal(value: u64) -> Literal {
    let hex = format!("{value:016X}");
    let groups: Vec<&str> = (0..4).map(|i| &hex[i * 4..i * 4 + 4]).collect();
    let text = format!("0x{}_u64", groups.join("_"));
    text.parse()
        .unwrap_or_else(|_| Literal::u64_suffixed(value))
}
