# Shared setup of the OpenAPI CI steps (sourced, not run): installs the pinned Python and
# Node tools into .ci/openapi/.tools (git-ignored), apt-installing the interpreters first
# when the machine is bare.

OPENAPI_TOOLS=.ci/openapi/.tools
REDOCLY_VERSION=2.77.0
OPENAPI_TYPESCRIPT_VERSION=7.13.0
TYPESCRIPT_VERSION=5.9.3

apt_install() {
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "$@" >/dev/null
  else
    echo "missing $* and no apt-get to install it" >&2
    return 1
  fi
}

# A virtualenv with the pinned Python tools; prints nothing, sets PYTHON_TOOLS.
python_tools() {
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" 2>/dev/null; then
    apt_install python3 python3-venv
  fi
  if [ ! -x "$OPENAPI_TOOLS/venv/bin/python" ]; then
    python3 -m venv "$OPENAPI_TOOLS/venv"
  fi
  "$OPENAPI_TOOLS/venv/bin/python" -m pip install -q --disable-pip-version-check \
    -r .ci/openapi/requirements.txt
  PYTHON_TOOLS="$OPENAPI_TOOLS/venv/bin"
}

# Whether `node` is at least 20.19, the oldest Node the pinned redocly runs on.
node_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number);
             process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}

# Node and npm on PATH. A machine whose Node is missing or too old (Debian's is 18) gets
# Node 20 from npm's `node` package.
node_runtime() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  if ! node_recent; then
    npm install --prefix "$OPENAPI_TOOLS/nodejs" --no-audit --no-fund node@20 >/dev/null
    export PATH="$PWD/$OPENAPI_TOOLS/nodejs/node_modules/.bin:$PATH"
  fi
}

# The pinned redocly CLI installed locally; sets REDOCLY to its binary.
node_tools() {
  node_runtime
  REDOCLY="$OPENAPI_TOOLS/node/node_modules/.bin/redocly"
  # No update checks or usage reports from the linter.
  export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
  if [ ! -x "$REDOCLY" ] || ! "$REDOCLY" --version 2>/dev/null | grep -qx "$REDOCLY_VERSION"; then
    mkdir -p "$OPENAPI_TOOLS/node"
    npm install --prefix "$OPENAPI_TOOLS/node" --no-audit --no-fund \
      "@redocly/cli@$REDOCLY_VERSION" >/dev/null
  fi
}

# The version of an npm package installed under the prefix $1, or nothing.
npm_installed() {
  node -p "require('./$1/node_modules/$2/package.json').version" 2>/dev/null || true
}

# The pinned openapi-typescript and TypeScript compiler installed locally, as a client
# generator's user would; sets OPENAPI_TS and TSC to their binaries.
typescript_tools() {
  node_runtime
  local prefix="$OPENAPI_TOOLS/typescript"
  OPENAPI_TS="$prefix/node_modules/.bin/openapi-typescript"
  TSC="$prefix/node_modules/.bin/tsc"
  if [ "$(npm_installed "$prefix" openapi-typescript)" != "$OPENAPI_TYPESCRIPT_VERSION" ] ||
    [ "$(npm_installed "$prefix" typescript)" != "$TYPESCRIPT_VERSION" ]; then
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-audit --no-fund \
      "openapi-typescript@$OPENAPI_TYPESCRIPT_VERSION" "typescript@$TYPESCRIPT_VERSION" >/dev/null
  fi
}

# The @hey-api/openapi-ts and TypeScript pinned in .ci/hey-api/package.json (and their
# dependencies in its package-lock.json), installed with `npm ci` unless the pinned
# versions are already there; sets HEY_API and HEY_API_TSC to their binaries.
hey_api_tools() {
  node_runtime
  local dir=.ci/hey-api
  HEY_API="$dir/node_modules/.bin/openapi-ts"
  HEY_API_TSC="$dir/node_modules/.bin/tsc"
  if ! (cd "$dir" && node -e '
      const pins = require("./package.json").devDependencies;
      for (const [name, version] of Object.entries(pins))
        if (require(`./node_modules/${name}/package.json`).version !== version) process.exit(1);
    ' 2>/dev/null); then
    (cd "$dir" && npm ci --no-audit --no-fund >/dev/null)
  fi
}
