#!/usr/bin/env bash
# `cargo package` forbids build scripts writing into the source tree: the build script
# writes generated/ only when content changes, so packaging and verifying must pass.
#
# `cargo package --workspace` verifies errcat-seeds against errcat-codegen through a local
# overlay registry under target/package/, and extracts that package into
# $CARGO_HOME/registry/src/-<hash of the path>/. An extraction left by an earlier run from
# the same path is reused as is, so the verify build would run an older generator (and
# see generated/ change): remove our crates' extractions first.
#
# errcat-fixtures (`fixtures/`, `publish = false`) is test support whose build script reads
# catalogs outside its folder; `cargo package` packages unpublished members too, so it is
# excluded, and so is the worked example errcat-example-invites (`examples/invites/`,
# `publish = false`, a path dependency on the generator).
set -euo pipefail
registry="${CARGO_HOME:-$HOME/.cargo}/registry"
for stale in "$registry"/src/-*/errcat-* "$registry"/cache/-*/errcat-*; do
  [ -e "$stale" ] || continue
  rm -rf "$stale"
done
cargo package --workspace --exclude errcat-fixtures --exclude errcat-example-invites --quiet
