//! Catalogs whose names come close to colliding but do not (`tests/names/`): each
//! passes the checker, and their generated Rust, batched into one crate, passes
//! `clippy -D warnings`. The collisions themselves are refused in `tests/bad/`.

mod common;

use common::{catalogs_in, clippy_generated_rust};
use errcat_codegen::emit;

#[test]
fn near_collisions_compile_without_warnings() {
    let catalogs = catalogs_in("tests/names");
    assert!(catalogs.len() >= 2, "tests/names holds its catalogs");
    clippy_generated_rust("near_names", &emit::rust::emit(&catalogs));
}
