//! Each operation's exact error responses: per operation and status a named response
//! (`components.responses.InvitesCreateInviteError409`) whose body admits only the
//! operation's codes of that status (one code's schema, or a `oneOf` of them with a
//! discriminator in `components.schemas`), and `paths` for operations with a route,
//! whose `responses` point at them. A service merges the paths it serves.

use std::borrow::Cow;

use super::Names;
use super::schemas::Schemas;
use super::status_key::{ResponseStatus, response_statuses};
use crate::emit::doc::{Doc, Obj};
use crate::model::{Catalog, ErrorDef, Operation};

/// The errors of `operation` per status its responses use, in the catalog's order of
/// statuses.
fn by_status<'a>(
    catalog: &'a Catalog,
    operation: &Operation,
) -> Vec<(ResponseStatus, Vec<&'a ErrorDef>)> {
    let errors: Vec<&'a ErrorDef> = operation
        .errors
        .iter()
        .map(|&i| &catalog.errors[i])
        .collect();
    response_statuses(catalog)
        .into_iter()
        .map(|status| {
            (
                status,
                errors.iter().copied().filter(|e| status.has(e)).collect(),
            )
        })
        .filter(|(_, of_status): &(ResponseStatus, Vec<&ErrorDef>)| !of_status.is_empty())
        .collect()
}

/// The component name of an operation's response of one status.
fn name(names: &Names<'_>, operation: &Operation, status: ResponseStatus) -> String {
    names.operation_response(&operation.variant, status)
}

/// The parameters a path template names (`{id}`), each required as OpenAPI asks; the
/// catalog says nothing of their type, so their schema admits any value.
fn path_parameters(path: &str) -> Vec<Doc<'_>> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .map(|name| {
            Doc::Map(Obj::of([
                ("name", Doc::str(name)),
                ("in", Doc::str("path")),
                ("required", Doc::Bool(true)),
                ("schema", Doc::Map(Obj::new())),
            ]))
        })
        .collect()
}

/// The unions of `components.schemas`: each status at which an operation returns
/// several codes admits exactly those.
pub(super) fn unions<'a>(schemas: &Schemas<'a>, out: &mut Obj<'a>) {
    for operation in &schemas.catalog.operations {
        for (status, errors) in by_status(schemas.catalog, operation) {
            if errors.len() > 1 {
                let text = format!(
                    "The body of a {status} response of `{}`: one of its {} codes.",
                    operation.id,
                    errors.len()
                );
                out.push(
                    name(schemas.names, operation, status),
                    schemas.union(&errors, Cow::Owned(text)),
                );
            }
        }
    }
}

/// The responses of `components.responses` per operation and status. `per_code`: the
/// body of one code has a schema of its own (else every response admits the envelope).
pub(super) fn responses<'a>(
    catalog: &'a Catalog,
    names: &'a Names<'a>,
    per_code: bool,
    out: &mut Obj<'a>,
) {
    for operation in &catalog.operations {
        for (status, errors) in by_status(catalog, operation) {
            let schema = match errors.as_slice() {
                _ if !per_code => names.reference(&names.envelope()),
                [only] => names.per_code_reference(only),
                _ => names.reference(&name(names, operation, status)),
            };
            let response = super::responses::response(catalog, &errors, schema);
            out.push(name(names, operation, status), response);
        }
    }
}

/// `paths`: each routed operation under its path and method, with its summary and a
/// reference to its response of each status; paths in the order the catalog first names
/// them.
pub(super) fn paths<'a>(catalog: &'a Catalog, names: &'a Names<'a>) -> Obj<'a> {
    let mut routes: Vec<(&'a str, Obj<'a>)> = Vec::new();
    for operation in &catalog.operations {
        let (Some(method), Some(path)) = (&operation.method, &operation.path) else {
            continue;
        };
        let mut responses = Obj::new();
        for (status, _) in by_status(catalog, operation) {
            let target = format!("#/components/responses/{}", name(names, operation, status));
            responses.push(
                status.to_string(),
                Doc::Map(Obj::of([("$ref", Doc::from(target))])),
            );
        }
        let mut item = Obj::of([("operationId", Doc::str(&operation.id))]);
        if let Some(summary) = &operation.summary {
            item.push("summary", Doc::str(summary));
        }
        let parameters = path_parameters(path);
        if !parameters.is_empty() {
            item.push("parameters", Doc::List(parameters));
        }
        item.push("responses", Doc::Map(responses));
        match routes.iter_mut().find(|(known, _)| *known == path.as_str()) {
            Some((_, methods)) => methods.push(method.as_str(), Doc::Map(item)),
            None => routes.push((path.as_str(), Obj::of([(method.as_str(), Doc::Map(item))]))),
        }
    }
    let mut out = Obj::with_capacity(routes.len());
    for (path, methods) in routes {
        out.push(path, Doc::Map(methods));
    }
    out
}
