#!/usr/bin/env bash
# Integrators' Rust client generator, run by hand (not a CI step: installing it takes
# about 5 minutes of CPU, building each generated crate a few more): the pinned
# cargo-progenitor turns Retrac's and Reten's OpenAPI 3.0 documents, each given one
# `GET /<status>` operation per response, into client crates, and their tests
# (retrac_exact.rs, reten_exact.rs) check that each operation's error type takes only
# the codes of its status. Also shows that the 3.1 documents are refused, and that an
# operation with two error statuses of different bodies makes progenitor panic.
#   bash .ci/progenitor/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh

PROGENITOR_VERSION=0.15.1
tools=$PWD/.ci/progenitor/.tools
work=$PWD/.ci/progenitor/.work
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$tools/target}
progenitor=$tools/bin/cargo-progenitor
if [ ! -x "$progenitor" ] || ! grep -q "cargo-progenitor $PROGENITOR_VERSION " "$tools/.crates.toml" 2>/dev/null; then
  cargo install --locked --root "$tools" "cargo-progenitor@$PROGENITOR_VERSION"
fi
command -v python3 >/dev/null 2>&1 || apt_install python3

rm -rf "$work"
mkdir -p "$work"
# The document with one operation per response component, as 45/46 do in memory.
with_operations() {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, re, sys
source, name, target = sys.argv[1:]
doc = json.load(open(source))
doc["paths"] = {
    f"/{status}": {"get": {"operationId": f"{name}_{status}",
                           "responses": {status: {"$ref": f"#/components/responses/{response}"}}}}
    for response in doc["components"]["responses"]
    for status in [re.search(r"(\d{3})$", response).group(1)]
}
json.dump(doc, open(target, "w"), indent=1)
EOF
}

for name in retrac reten; do
  with_operations "generated/$name.openapi.json" "$name" "$work/$name-3.1.json"
  echo "cargo progenitor on $name's 3.1 document (refused: progenitor reads OpenAPI 3.0)"
  if "$progenitor" progenitor -i "$work/$name-3.1.json" -o "$work/$name-3.1" -n "$name-errors" \
    -v 0.1.0 >"$work/$name-3.1.log" 2>&1; then
    echo "progenitor now reads 3.1: measure it" >&2
    exit 1
  fi
  grep -m1 'gen fail' "$work/$name-3.1.log"

  with_operations "generated/$name.openapi-3.0.json" "$name" "$work/$name.json"
  echo "cargo progenitor on $name's 3.0 document"
  "$progenitor" progenitor -i "$work/$name.json" -o "$work/$name" -n "$name-errors" \
    -v 0.1.0 >"$work/$name.log"
  mkdir -p "$work/$name/tests"
  cp ".ci/progenitor/${name}_exact.rs" "$work/$name/tests/exact.rs"
  printf '\n[dev-dependencies]\nserde_json = "1"\n\n[workspace]\n' >>"$work/$name/Cargo.toml"
  (cd "$work/$name" && cargo test --quiet)
done

# One operation answering 404 and 429 with their own responses: progenitor 0.15.1 wants
# a single error type per operation and panics.
python3 - "$work/retrac.json" "$work/two-statuses.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
refs = {s: {"$ref": f"#/components/responses/RetracError{s}"} for s in ("404", "429")}
doc["paths"] = {"/items": {"get": {"operationId": "get_item", "responses": refs}}}
json.dump(doc, open(sys.argv[2], "w"))
EOF
echo "cargo progenitor on one operation answering RetracError404 and RetracError429"
if "$progenitor" progenitor -i "$work/two-statuses.json" -o "$work/two-statuses" -n two \
  -v 0.1.0 >"$work/two-statuses.log" 2>&1; then
  echo "progenitor now takes several error types in one operation: measure it" >&2
  exit 1
fi
grep -m1 'assertion failed' "$work/two-statuses.log"
echo "progenitor's clients take only each status's own codes"
