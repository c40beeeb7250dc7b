#!/usr/bin/env bash
# Integrators' TypeScript tools, second generator: @hey-api/openapi-ts (pinned in
# .ci/hey-api/package.json) types every generated OpenAPI document, 3.1 and 3.0, of
# generated/ and of the body cases, each given one operation per status response
# (.ci/hey-api/openapi-ts.config.mjs), and `tsc --strict` checks the types together
# with .ci/hey-api/usage.ts, whose @ts-expect-error lines prove that each status's error
# type admits only its own codes (a 429 refuses a 404 code), and .ci/hey-api/operations.ts,
# which does the same for each operation of the operations body case, typed from its own
# paths.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
hey_api_tools

types=.ci/hey-api/.types
rm -rf "$types"
echo "openapi-ts -f .ci/hey-api/openapi-ts.config.mjs"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$HEY_API" -f .ci/hey-api/openapi-ts.config.mjs >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
# hey-api reports problems of a document as warnings and still exits 0.
if grep -qiE '\bwarn(ing)?\b|\berror\b' "$log"; then
  cat "$log" >&2
  echo "openapi-ts warned on a generated document" >&2
  exit 1
fi
echo "$(find "$types" -name types.gen.ts | wc -l) documents typed"

echo "tsc --noEmit --strict .ci/hey-api/{usage,operations}.ts and every generated file"
mapfile -t files < <(find "$types" -name '*.ts' | sort)
"$HEY_API_TSC" --noEmit --strict --module preserve --target es2022 \
  .ci/hey-api/usage.ts .ci/hey-api/operations.ts "${files[@]}"
echo "the hey-api types check, usage.ts narrows each status to its own codes, and"
echo "operations.ts each operation to its own errors"
