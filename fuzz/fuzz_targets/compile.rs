//! Fuzzes the whole pipeline on arbitrary bytes: read (UTF-8 check), parse, check and,
//! when the catalog is valid, every emitter. Any panic, hang or stack overflow is a bug:
//! hostile catalogs must end in diagnostics.

#![no_main]

use errcat_codegen::{Builder, Source, compile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = match Source::from_bytes("catalog/fuzz.yaml", data.to_vec()) {
        Ok(source) => source,
        Err((source, _)) => source,
    };
    match compile(std::slice::from_ref(&source)) {
        Ok(catalogs) => {
            let generated = Builder::new().generate(&catalogs);
            assert!(!generated.rust.content.is_empty());
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            for diagnostic in &diagnostics.0 {
                assert_eq!(diagnostic.file, "catalog/fuzz.yaml");
            }
            let _ = diagnostics.to_string();
        }
    }
});
