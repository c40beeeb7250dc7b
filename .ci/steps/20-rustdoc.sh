#!/usr/bin/env bash
# The API docs of every crate, generated code included, build without a warning and
# with every public item documented.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUSTDOCFLAGS="-D warnings -D missing_docs" cargo doc --no-deps --workspace --all-features
