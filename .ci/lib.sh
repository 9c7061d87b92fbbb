# Shared by .ci/serve and .ci/test: installs whatever is missing, idempotently and quickly
# when everything is there, and puts the tools on PATH. Source it from the repo root.
# Nothing here downloads at build time: Trunk runs offline with the tools installed here.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/.ci/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true

say() { printf '\033[1m[raami]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version the app is built with, read from Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$REPO_ROOT/Cargo.lock"
}

ensure_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in clippy rustfmt; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ] \
    || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $want (about 2.5 minutes)"
    # --locked fails against this registry for wasm-bindgen-cli; the version is pinned exactly.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes)"
    # Trunk's own lock file keeps its dependencies at versions that build; 0.22 needs a
    # newer rustc than this machine's 1.95.
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

ensure_node_tools() {
  if [ "$("$REPO_ROOT/.ci/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ] \
    || [ ! -d "$REPO_ROOT/.ci/node_modules/playwright-core" ] || [ ! -d "$REPO_ROOT/.ci/node_modules/axe-core" ]; then
    if ! command -v npm >/dev/null; then
      say "installing Node.js and npm from Debian"
      as_root apt-get update -q
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q nodejs npm
    fi
    say "installing build and test tooling from npm (binaryen, playwright-core, axe-core)"
    npm ci --prefix "$REPO_ROOT/.ci" --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q chromium chromium-driver
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver
}

# poppler-utils: the print test reads the PDF Chromium prints (pdftotext, pdfinfo, pdfimages).
ensure_poppler() {
  if ! command -v pdftotext >/dev/null || ! command -v pdfimages >/dev/null || ! command -v pdfinfo >/dev/null; then
    say "installing Debian's poppler-utils (reads the printed PDF in the print test)"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q poppler-utils
  fi
}

# A C++ compiler: libfuzzer-sys builds libFuzzer from its C++ source for `.ci/fuzz`.
ensure_cxx() {
  if ! command -v c++ >/dev/null; then
    say "installing Debian's g++ (libFuzzer is C++)"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q g++
  fi
}

# Installs what building the web app needs.
ensure_build_tools() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_trunk
  ensure_node_tools
}
