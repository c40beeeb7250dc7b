#!/usr/bin/env bash
# Two clean builds give byte-identical generated/ and OUT_DIR files. Uses a target folder of
# its own so OUT_DIRs of other feature sets do not mix in.
set -euo pipefail
export CARGO_TARGET_DIR=target/determinism

fingerprint() {
  # Every generated file: generated/ (books in subfolders too) and the root crate's
  # OUT_DIR Rust, hashed by content.
  {
    find generated -type f -exec sha256sum {} +
    find "$CARGO_TARGET_DIR/debug/build" -path '*errcat-seeds-*/out/*.rs' -type f -exec sha256sum {} + |
      sed 's| .*/out/| OUT_DIR/|'
  } | sort
}

cargo build --quiet
first=$(fingerprint)
cargo clean --quiet -p errcat-seeds
rm -rf "$CARGO_TARGET_DIR"/debug/build/errcat-seeds-*
cargo build --quiet
second=$(fingerprint)
if [ "$first" != "$second" ]; then
  diff <(echo "$first") <(echo "$second") || true
  echo "two clean builds differ"
  exit 1
fi
echo "two clean builds are byte-identical ($(echo "$first" | wc -l) files)"
