//! Fuzzes the event loader against serde-saphyr: arbitrary text, read as a catalog by
//! both. The event loader must give up or read the very model serde-saphyr reads; a
//! catalog it reads that serde-saphyr refuses, or a different model, is a bug.

#![no_main]

use errcat_codegen::Source;
use errcat_codegen::loaders;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Source::new("fuzz.yaml", text.to_owned());
    assert!(
        loaders::agree(&source).is_some(),
        "the event loader read a catalog serde-saphyr refuses:\n{text}"
    );
});
