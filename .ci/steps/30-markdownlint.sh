#!/usr/bin/env bash
# Lint the generated Markdown pages and book pages with markdownlint-cli2 and the
# repository's .markdownlint-cli2.jsonc, then lint pages built from a catalog full of hostile text
# (pipes, HTML, backticks, leading `#`...) and its book, which must stay lint clean too.
# Installs a pinned markdownlint-cli2 into .ci/node (git-ignored), so nothing global
# changes: 0.22.1 on Node 20 or later, else 0.17.2, the last release for Node 18 (what
# Debian 12's own nodejs package provides).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ]; then
  version=0.22.1
else
  version=0.17.2
fi
bin=.ci/node/node_modules/.bin/markdownlint-cli2
installed=.ci/node/node_modules/markdownlint-cli2/package.json
if [ ! -x "$bin" ] || ! grep -q "\"version\": \"$version\"" "$installed"; then
  npm install --prefix .ci/node --no-save --no-audit --no-fund "markdownlint-cli2@$version"
fi

"$bin" "generated/*.md" "generated/*/book/src/**/*.md" "examples/invites/generated/*.md"

hostile=target/markdown-hostile
rm -rf "$hostile"
ERRCAT_HOSTILE_PAGES="$PWD/$hostile" cargo test -q -p errcat-codegen --test markdown \
  write_hostile_pages_for_linting -- --ignored
"$bin" --config .markdownlint-cli2.jsonc "$hostile/*.md" "$hostile/book-*/**/*.md"
