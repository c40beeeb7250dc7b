//! Formats the generated code's `errcat_support` module once, when errcat-codegen is
//! built: it is the same for every catalog, so the generator copies this text instead of
//! formatting it again on every run (see `src/emit/rust/support/mod.rs`).

#[path = "src/emit/rust/support/tokens/mod.rs"]
mod tokens;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=src/emit/rust/support");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, hash) in [
        ("errcat_support.rs", false),
        ("errcat_support_hash.rs", true),
    ] {
        let file: syn::File =
            syn::parse2(tokens::module(hash)).expect("the support module is valid Rust");
        let text = prettyplease::unparse(&file);
        std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
    }
}
