//! The raw model's mappings, read key by key as serde's derive reads them: unknown keys,
//! repeated keys and missing required keys give up (serde-saphyr reports them).

use super::{Fallback, FromEvents, Read, Reader};
use crate::raw::{
    RawAccept, RawAttribute, RawCase, RawCatalog, RawContextMember, RawContract, RawDefaults,
    RawDocs, RawEnvelope, RawError, RawGroup, RawGroupDefaults, RawLink, RawNode, RawOpenApi,
    RawParam, RawRange, RawRetired, RawRetry, RawType,
};
use crate::raw_operations::{RawEveryOperation, RawOperation};

/// The position of `key` in `keys`, at compile time (a key not in the list does not
/// compile).
const fn index_of(keys: &[&str], key: &str) -> usize {
    let mut index = 0;
    while index < keys.len() {
        if same(keys[index].as_bytes(), key.as_bytes()) {
            return index;
        }
        index += 1;
    }
    panic!("a key missing from the list")
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// Reads the value of one key into its field: `present` keeps a null as a value.
macro_rules! field {
    ($reader:ident) => {
        FromEvents::from_events($reader)?
    };
    ($reader:ident, present) => {
        Some(FromEvents::from_events($reader)?)
    };
}

/// Reads a mapping into a struct whose fields default to nothing: each key once, each
/// key known, the required ones all there.
macro_rules! read_mapping {
    ($reader:ident, $ty:ty { $($key:literal => $field:ident $(as $how:ident)?),+ $(,)? }
     required [$($required:literal),*]) => {{
        const KEYS: &[&str] = &[$($key),+];
        let mut out = <$ty>::default();
        let mut seen = 0_u64;
        $reader.mapping(|reader, key| {
            match &*key.text {
                $($key => {
                    const BIT: u64 = 1 << index_of(KEYS, $key);
                    if seen & BIT != 0 {
                        return Err(Fallback);
                    }
                    seen |= BIT;
                    out.$field = field!(reader $(, $how)?);
                })+
                _ => return Err(Fallback),
            }
            Ok(())
        })?;
        let required: u64 = 0 $(| (1 << index_of(KEYS, $required)))*;
        if seen & required != required {
            return Err(Fallback);
        }
        Ok(out)
    }};
}

/// Implements [`FromEvents`] for a struct read by [`read_mapping`].
macro_rules! from_mapping {
    ($ty:ty { $($body:tt)+ } required [$($required:literal),*]) => {
        impl<'a> FromEvents<'a> for $ty {
            fn from_events(reader: &mut Reader<'a>) -> Read<Self> {
                read_mapping!(reader, $ty { $($body)+ } required [$($required),*])
            }
        }
    };
}

from_mapping!(RawCatalog {
    "api" => api, "docs" => docs, "envelope" => envelope, "example" => example,
    "errors" => errors, "http" => http, "unique_codes" => unique_codes,
    "recommendations" => recommendations, "openapi" => openapi, "attributes" => attributes,
    "context" => context, "retired" => retired, "contract" => contract,
    "require" => require, "groups" => groups, "defaults" => defaults, "params" => params,
    "operations" => operations, "every_operation" => every_operation,
} required ["api", "docs", "envelope", "errors"]);

from_mapping!(RawGroup {
    "name" => name, "title" => title, "description" => description, "status" => status,
    "attributes" => attributes, "retry" => retry, "defaults" => defaults, "range" => range,
    "groups" => groups,
} required ["name"]);

from_mapping!(RawGroupDefaults { "retry" => retry } required []);

from_mapping!(RawRetired {
    "code" => code, "number" => number, "reason" => reason,
} required ["code"]);

from_mapping!(RawContract {
    "version" => version, "accept" => accept, "unpublished" => unpublished,
} required []);

from_mapping!(RawAccept { "rule" => rule, "code" => code, "group" => group }
    required ["rule", "code"]);

from_mapping!(RawRange { "from" => from, "to" => to } required ["from", "to"]);

from_mapping!(RawDefaults { "status" => status, "retry" => retry } required []);

from_mapping!(RawAttribute {
    "type" => ty, "description" => description, "default" => default,
} required ["type"]);

from_mapping!(RawContextMember {
    "type" => ty, "description" => description, "example" => example,
    "required" => required as present,
} required ["type"]);

from_mapping!(RawOpenApi { "versions" => versions, "prefix" => prefix } required []);

from_mapping!(RawDocs {
    "title" => title, "layout" => layout, "site" => site, "summary" => summary,
    "intro" => intro, "base_url" => base_url, "front_matter" => front_matter,
    "pages" => pages,
} required ["title"]);

from_mapping!(RawEnvelope {
    "media_type" => media_type, "body" => body, "unknown_members" => unknown_members,
    "many_status" => many_status,
} required ["body"]);

from_mapping!(RawNode {
    "from" => from, "const" => constant as present, "fields" => fields, "items" => items,
    "params" => params, "many" => many, "optional" => optional,
    "description" => description,
} required []);

from_mapping!(RawError {
    "code" => code, "number" => number, "name" => name, "status" => status,
    "title" => title, "description" => description, "solution" => solution,
    "solutions" => solutions, "message" => message, "params" => params, "retry" => retry,
    "cases" => cases, "explanation" => explanation, "causes" => causes, "links" => links,
    "deprecated" => deprecated, "sunset" => sunset, "attributes" => attributes,
    "group" => group,
} required []);

from_mapping!(RawParam {
    "name" => name, "type" => ty, "items" => items, "values" => values,
    "members" => members, "optional" => optional, "nullable" => nullable,
    "description" => description, "example" => example,
} required ["name", "type"]);

from_mapping!(RawRetry {
    "policy" => policy, "advice" => advice, "after_seconds" => after_seconds,
    "when" => when,
} required []);

from_mapping!(RawLink { "title" => title, "url" => url } required ["title", "url"]);

from_mapping!(RawCase { "title" => title, "causes" => causes, "note" => note }
    required ["title"]);

from_mapping!(RawOperation {
    "id" => id, "method" => method, "path" => path, "summary" => summary,
    "errors" => errors, "groups" => groups,
} required ["id"]);

from_mapping!(RawEveryOperation { "errors" => errors, "groups" => groups } required []);

/// A type's mapping form: `{ type: list, items: integer }`.
pub(super) fn raw_type_mapping(reader: &mut Reader<'_>) -> Read<RawType> {
    read_mapping!(reader, RawType {
        "type" => ty, "items" => items, "values" => values, "members" => members,
    } required ["type"])
}
