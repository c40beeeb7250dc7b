#!/usr/bin/env bash
# `cargo package` forbids build scripts writing into the source tree: the build script
# writes generated/ only when content changes, so packaging and verifying must pass.
set -euo pipefail
cargo package --workspace --quiet
