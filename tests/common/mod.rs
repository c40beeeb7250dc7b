//! What the root crate's tests share: the validated catalogs, to compare the generated
//! Rust against `errcat_codegen::wire`, and a check of one generated module.

use errcat_codegen::{Builder, Catalog, compile};
use std::path::Path;

/// The validated catalogs of a folder of the workspace.
pub fn catalogs(dir: &str) -> Vec<Catalog> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = Builder::new()
        .catalog_dir(dir)
        .read_sources(root)
        .expect("catalog folder is readable")
        .expect("catalogs are UTF-8");
    compile(&sources).unwrap_or_else(|d| panic!("catalogs of {dir} must compile:\n{d}"))
}

/// One catalog of a folder, by module name.
pub fn catalog(dir: &str, name: &str) -> Catalog {
    catalogs(dir)
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{dir} has no catalog {name}"))
}

/// For every code of a generated module: the example error serialises to exactly
/// `wire::example_body` (same JSON text, so same key order), parses back to itself, and
/// its code, status, title and retry hints agree with the catalog.
#[macro_export]
macro_rules! check_module {
    ($module:path, $catalog:expr) => {{
        use $module as m;
        let catalog: &errcat_codegen::Catalog = $catalog;
        assert_eq!(m::Code::ALL.len(), catalog.errors.len());
        assert_eq!(m::MEDIA_TYPE, catalog.envelope.media_type);
        for (code, def) in m::Code::ALL.into_iter().zip(&catalog.errors) {
            let error = m::Error::example(code);
            let expected = errcat_codegen::wire::example_body(catalog, def);
            let text = serde_json::to_string(&error).expect("serialises");
            assert_eq!(text, expected.to_string(), "body of {}", def.code);
            let parsed: m::Error = serde_json::from_str(&text).expect("parses back");
            assert_eq!(parsed, error, "round trip of {}", def.code);
            assert_eq!(error.to_string(), def.message.render(&def.example_values()));
            assert_eq!(error.kind(), code);
            assert_eq!(error.code(), def.code);
            assert_eq!(m::Code::from_code(&def.code), Some(code));
            assert_eq!(def.code.parse::<m::Code>(), Ok(code));
            assert_eq!(Some(error.status()), def.status);
            assert_eq!(error.title(), def.title.as_deref());
            assert_eq!(error.anchor(), def.anchor);
            assert_eq!(error.docs_url(), catalog.docs_url(def).as_deref());
            assert_eq!(error.is_retryable(), def.is_retryable());
            assert_eq!(error.retry_after(), def.retry.default_seconds());
        }
        assert_eq!(m::Code::from_code("no_such_code"), None);
        assert!("".parse::<m::Code>().is_err());
    }};
}
