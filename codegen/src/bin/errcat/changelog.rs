//! The changelog for integrators: per API, new codes, deprecations, retirements and the
//! breaking changes accepted on purpose. Every catalog text goes through
//! [`errcat_codegen::markdown_text`], so it shows as written and never becomes markup.

use errcat_codegen::Catalog;
use errcat_codegen::contract::Change;
use errcat_codegen::markdown_text::{code_span, inline};

/// The Markdown changelog of the changes from `old` to `new`.
pub fn markdown(old: &[Catalog], new: &[Catalog], changes: &[(String, Change)]) -> String {
    let mut out = String::from("# Error catalog changes\n");
    for catalog in new {
        let before = old.iter().find(|c| c.name == catalog.name);
        let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
        let added: Vec<String> = catalog
            .errors
            .iter()
            .filter(|e| before.is_none_or(|b| !b.errors.iter().any(|o| o.code == e.code)))
            .map(|e| {
                let status = e
                    .open_status
                    .map(|open| open.written())
                    .or(e.status.map(|s| s.to_string()));
                let title = e.title.as_deref().map(inline);
                let said: Vec<String> = status.into_iter().chain(title).collect();
                let head = if said.is_empty() {
                    format!("- {}", code_span(&e.code))
                } else {
                    format!("- {} ({})", code_span(&e.code), said.join(" "))
                };
                match &e.description {
                    Some(description) => format!("{head}: {}", inline(description)),
                    None => head,
                }
            })
            .collect();
        sections.push(("New codes", added));
        let deprecated: Vec<String> = catalog
            .errors
            .iter()
            .filter(|e| e.deprecated.is_some())
            .filter(|e| {
                before.is_none_or(|b| {
                    b.errors
                        .iter()
                        .any(|o| o.code == e.code && o.deprecated.is_none())
                })
            })
            .map(|e| {
                format!(
                    "- {}: {}",
                    code_span(&e.code),
                    inline(&e.deprecation_note().unwrap_or_default())
                )
            })
            .collect();
        sections.push(("Deprecated", deprecated));
        let retired: Vec<String> = catalog
            .retired
            .iter()
            .filter(|r| before.is_none_or(|b| !b.retired.iter().any(|o| o.code == r.code)))
            .map(|r| {
                format!(
                    "- {}{}",
                    code_span(&r.code),
                    r.reason
                        .as_deref()
                        .map(|w| format!(": {}", inline(w)))
                        .unwrap_or_default()
                )
            })
            .collect();
        sections.push(("Retired", retired));
        sections.push(("Operations", operation_lines(before, catalog)));
        let accepted: Vec<String> = changes
            .iter()
            .filter(|(name, change)| *name == catalog.name && change.rule.is_none())
            .filter(|(_, change)| {
                catalog
                    .accepted
                    .iter()
                    .any(|a| a.code == change.code && a.group == change.group)
            })
            // The sentence holds catalog text (codes, old and new values): all literal.
            .map(|(_, change)| format!("- {}", inline(&change.what)))
            .collect();
        sections.push(("Breaking changes accepted", accepted));
        let old_version = before.map_or(1, |b| b.contract_version);
        if catalog.contract_version != old_version {
            let line = format!(
                "- The contract is now version {} (was {old_version}).",
                catalog.contract_version
            );
            sections.insert(0, ("Contract version", vec![line]));
        }
        if sections.iter().all(|(_, items)| items.is_empty()) {
            continue;
        }
        out.push_str(&format!("\n## {}\n", inline(&catalog.api)));
        for (title, items) in sections.into_iter().filter(|(_, items)| !items.is_empty()) {
            out.push_str(&format!("\n### {title}\n\n{}\n", items.join("\n")));
        }
    }
    out
}

/// What changed in the operations: new and removed ones, and per operation the errors
/// it returns now and no longer, each named as code.
fn operation_lines(before: Option<&Catalog>, after: &Catalog) -> Vec<String> {
    let codes = |catalog: &Catalog, operation: &errcat_codegen::model::Operation| -> Vec<String> {
        operation
            .errors
            .iter()
            .map(|&i| catalog.errors[i].code.clone())
            .collect()
    };
    let mut out = Vec::new();
    for operation in &after.operations {
        let earlier = before.and_then(|b| {
            b.operations
                .iter()
                .find(|o| o.id == operation.id)
                .map(|o| (b, o))
        });
        let Some((old_catalog, old)) = earlier else {
            out.push(format!("- New operation {}", code_span(&operation.id)));
            continue;
        };
        let (was, is) = (codes(old_catalog, old), codes(after, operation));
        for code in is.iter().filter(|c| !was.contains(c)) {
            out.push(format!(
                "- {} now returns {}",
                code_span(&operation.id),
                code_span(code)
            ));
        }
        for code in was.iter().filter(|c| !is.contains(c)) {
            out.push(format!(
                "- {} no longer returns {}",
                code_span(&operation.id),
                code_span(code)
            ));
        }
    }
    for old in before.map(|b| b.operations.as_slice()).unwrap_or_default() {
        if !after.operations.iter().any(|o| o.id == old.id) {
            out.push(format!("- Operation {} removed", code_span(&old.id)));
        }
    }
    out
}
