#!/usr/bin/env bash
# Every generated OpenAPI document (JSON and YAML, every version) passes
# openapi-spec-validator and `redocly lint --extends=spec` with examples checked against
# their schemas (no-invalid-media-type-examples: error).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
python_tools
node_tools

shopt -s nullglob
documents=(generated/*.openapi*.json generated/*.openapi*.yaml)
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
