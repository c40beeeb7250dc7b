#!/usr/bin/env bash
# Lint the generated Markdown pages with markdownlint-cli2, using the repository's
# .markdownlint-cli2.jsonc. Installs a pinned version (it runs on Node 20) into
# .ci/node, which git ignores, so nothing global changes.
set -euo pipefail
cd "$(dirname "$0")/../.."

version=0.22.1
if ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi
bin=.ci/node/node_modules/.bin/markdownlint-cli2
installed=.ci/node/node_modules/markdownlint-cli2/package.json
if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$version\"" "$installed"; then
  npm install --prefix .ci/node --no-save --no-audit --no-fund "markdownlint-cli2@$version"
fi
"$bin" "generated/*.md"
