//! Formats the generated code's `errcat_support` module and the fixed blocks of every
//! catalog's module once, when errcat-codegen is built: they are the same for every
//! catalog, so the generator copies this text instead of formatting it again on every
//! run (see `src/emit/rust/support/mod.rs` and `src/emit/rust/fixed/mod.rs`).

#[path = "src/emit/rust/fixed/blocks.rs"]
mod blocks;
#[path = "src/emit/rust/fixed/tokens/mod.rs"]
mod fixed;
#[path = "src/emit/rust/support/tokens/mod.rs"]
mod tokens;

use blocks::Fixed;
use quote::quote;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=src/emit/rust/support");
    println!("cargo::rerun-if-changed=src/emit/rust/fixed");
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
    let texts: Vec<String> = Fixed::ALL
        .into_iter()
        .map(|block| format!("    {:?},\n", fixed_text(block)))
        .collect();
    let table = format!(
        "/// Each fixed block's formatted text, in the order of `Fixed::ALL`.\n\
         const TEXTS: [&str; {}] = [\n{}];\n",
        texts.len(),
        texts.concat()
    );
    std::fs::write(out.join("fixed_blocks.rs"), table).expect("OUT_DIR is writable");
}

/// A fixed block formatted where it stands (in a module, or in an `impl` in a module),
/// so that prettyplease breaks its lines as in place, without that indent.
fn fixed_text(block: Fixed) -> String {
    let depth = block.depth();
    let mut items = fixed::tokens(block);
    for _ in 1..depth {
        items = quote! { impl Wrapper { #items } };
    }
    let file: syn::File =
        syn::parse2(quote! { mod wrapper { #items } }).expect("every fixed block is valid Rust");
    let formatted = prettyplease::unparse(&file);
    let lines: Vec<&str> = formatted.lines().collect();
    let indent = " ".repeat(4 * depth);
    let mut text = String::new();
    for line in &lines[depth..lines.len() - depth] {
        text.push_str(line.strip_prefix(indent.as_str()).unwrap_or(line));
        text.push('\n');
    }
    text
}
