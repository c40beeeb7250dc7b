#!/usr/bin/env bash
# Every generated OpenAPI document (JSON and YAML, every version) passes
# openapi-spec-validator and `redocly lint --extends=spec` with examples checked against
# their schemas (no-invalid-media-type-examples: error). The documents of the fixture
# catalogs (codegen/tests/fixtures/openapi, which use what the shipped catalogs do not)
# are checked too, taken from their reviewed snapshots.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
python_tools
node_tools

shopt -s nullglob
fixtures=$(mktemp -d)
trap 'rm -rf "$fixtures"' EXIT
for snap in codegen/tests/snapshots/openapi_fixtures__*_{json,yaml}.snap; do
  name=$(basename "$snap" .snap)
  name=${name#openapi_fixtures__}
  # An insta snapshot is a `---` header block, then the content.
  awk 'header < 2 { if ($0 == "---") header++; next } { print }' "$snap" \
    >"$fixtures/${name%_*}.${name##*_}"
done
documents=(generated/*.openapi*.json generated/*.openapi*.yaml "$fixtures"/*)
if [ ${#documents[@]} -eq 0 ]; then
  echo "no OpenAPI documents in generated/" >&2
  exit 1
fi
for document in "${documents[@]}"; do
  echo "openapi-spec-validator $document"
  "$PYTHON_TOOLS/openapi-spec-validator" "$document"
done
echo "redocly lint --extends=spec ${documents[*]}"
"$REDOCLY" lint --config .ci/openapi/redocly.yaml --extends=spec --format=stylish \
  "${documents[@]}"
