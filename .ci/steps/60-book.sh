#!/usr/bin/env bash
# The books of catalogs with `docs.pages` (generated/<catalog>/book/): mdBook builds each
# one into target/book-site/<catalog> (never into the repository's tree), a local HTTP
# server serves them, and .ci/book/check.mjs opens every code's permalink and the index
# in headless Chromium and checks headings, example bodies and links.
# Installs what it needs, each only when missing: a pinned mdBook (cargo install), Debian's
# chromium, Node 20 or later, and the pinned playwright-core of .ci/book/package-lock.json
# (npm ci), with playwright's own browser download turned off: it drives Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
export DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

MDBOOK_VERSION=0.4.52
PLAYWRIGHT_VERSION=$(sed -n 's/.*"playwright-core": "\(.*\)".*/\1/p' .ci/book/package.json)

shopt -s nullglob
books=(generated/*/book)
if [ ${#books[@]} -eq 0 ]; then
  echo "no book in generated/: no catalog has docs.pages on" >&2
  exit 1
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is needed to install mdBook" >&2
  exit 1
fi
if [ "$(mdbook --version 2>/dev/null)" != "mdbook v$MDBOOK_VERSION" ]; then
  cargo install mdbook --version "$MDBOOK_VERSION" --locked
fi
[ -x /usr/bin/chromium ] || apt_install --no-install-recommends chromium
command -v python3 >/dev/null 2>&1 || apt_install python3
node_runtime
if [ "$(npm_installed .ci/book playwright-core)" != "$PLAYWRIGHT_VERSION" ]; then
  (cd .ci/book && npm ci --no-audit --no-fund >/dev/null)
fi

site="$PWD/target/book-site"
logs="$PWD/target/book-logs"
rm -rf "$site" "$logs"
mkdir -p "$site" "$logs"
for book in "${books[@]}"; do
  name=$(basename "$(dirname "$book")")
  echo "mdbook build $book"
  if ! mdbook build "$book" --dest-dir "$site/$name" >"$logs/$name.log" 2>&1; then
    cat "$logs/$name.log" >&2
    echo "mdbook could not build $book" >&2
    exit 1
  fi
  # Warnings, if any, without the progress lines.
  grep -v ' \[INFO\] ' "$logs/$name.log" || true
done

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$logs/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
python3 - "$port" <<'EOF'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1)
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("the book server did not start")
EOF

for book in "${books[@]}"; do
  name=$(basename "$(dirname "$book")")
  echo "check $name's book in Chromium"
  node .ci/book/check.mjs "http://127.0.0.1:$port/$name/" "generated/$name.errors.json"
done
echo "every book builds, and every code's permalink shows its heading, example body and working links"
