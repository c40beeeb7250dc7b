#!/usr/bin/env bash
# Live client check: start the example server, request every code of every catalog and
# validate each live response (status, headers, body) against the generated OpenAPI
# documents (every version) with openapi-core (.ci/openapi/live_check.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/openapi/tools.sh
python_tools

cargo build -q --example serve
target_dir=$(cargo metadata -q --format-version 1 --no-deps |
  "$PYTHON_TOOLS/python" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
port=$("$PYTHON_TOOLS/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$target_dir/debug/examples/serve" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if "$PYTHON_TOOLS/python" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$base/" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "the example server exited:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.2
done

shopt -s nullglob
"$PYTHON_TOOLS/python" .ci/openapi/live_check.py "$base" generated/*.openapi*.json generated/*.openapi*.yaml
