#!/usr/bin/env bash
# Integrators' TypeScript tools: openapi-typescript turns every generated OpenAPI 3.1
# document (generated/ and the body cases) into types, and `tsc --strict` checks them
# together with .ci/typescript/usage.ts, which narrows Retrac and Reten bodies on their
# code and status and shows, with @ts-expect-error lines, what the types refuse, and
# .ci/typescript/operations.ts, which shows that an operation's error responses admit
# only that operation's codes.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
typescript_tools

shopt -s nullglob
types=.ci/typescript/.types
rm -rf "$types"
mkdir -p "$types/bodies"
generate() {
  echo "openapi-typescript $1"
  "$OPENAPI_TS" "$1" --output "$2" >/dev/null
}
documents=(generated/*.openapi.json)
if [ ${#documents[@]} -eq 0 ]; then
  echo "no OpenAPI 3.1 documents in generated/" >&2
  exit 1
fi
for document in "${documents[@]}"; do
  generate "$document" "$types/$(basename "$document" .openapi.json).ts"
done
for document in codegen/tests/bodies/*/generated/*.openapi.json; do
  generate "$document" "$types/bodies/$(basename "$document" .openapi.json).ts"
done

echo "tsc --noEmit --strict .ci/typescript/{usage,operations}.ts and every generated file"
"$TSC" --noEmit --strict --module preserve --target es2022 \
  .ci/typescript/usage.ts .ci/typescript/operations.ts "$types"/bodies/*.ts
echo "the generated types check, and usage.ts narrows as expected"
