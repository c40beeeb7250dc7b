#!/usr/bin/env bash
# Every generated OpenAPI document (JSON and YAML, every version) passes
# openapi-spec-validator, `redocly lint --extends=spec` with examples checked against
# their schemas (no-invalid-media-type-examples: error), and `redocly lint` with the
# recommended rules as shipped to users in generated/redocly.yaml. Besides generated/,
# the documents of the body cases (codegen/tests/bodies/*/generated) and of the fixture
# catalogs (codegen/tests/fixtures/openapi, which use what the shipped catalogs do not,
# taken from their reviewed snapshots) are checked too.
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
documents=(generated/*.openapi*.json generated/*.openapi*.yaml)
if [ ${#documents[@]} -eq 0 ]; then
  echo "no OpenAPI documents in generated/" >&2
  exit 1
fi
documents+=(examples/invites/generated/*.openapi*.json examples/invites/generated/*.openapi*.yaml
  codegen/tests/bodies/*/generated/*.openapi*.json
  codegen/tests/bodies/*/generated/*.openapi*.yaml "$fixtures"/*)
for document in "${documents[@]}"; do
  echo "openapi-spec-validator $document"
  "$PYTHON_TOOLS/openapi-spec-validator" "$document"
done
echo "redocly lint --extends=spec ${documents[*]}"
"$REDOCLY" lint --config .ci/openapi/redocly.yaml --extends=spec --format=stylish \
  "${documents[@]}"
echo "redocly lint --config generated/redocly.yaml (recommended rules)"
"$REDOCLY" lint --config generated/redocly.yaml --format=stylish "${documents[@]}"
