#!/usr/bin/env bash
# Installs whatever this machine lacks to build (and, with --test, to test) Logit Lab.
# Idempotent: every step checks first, so a warm run takes seconds.
# Nothing is downloaded except through rustup/cargo, npm and apt (Trunk never fetches tools).
set -euo pipefail
cd "$(dirname "$0")/.."

# Keep these three in lockstep with Cargo.toml (wasm-bindgen "=…") and Trunk.toml [tools].
WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14

with_test_tools=0
[ "${1:-}" = "--test" ] && with_test_tools=1

export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$with_test_tools" = 1 ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes on 2 cores)"
  # Not --locked: its lock file pins a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores, once per machine)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

# npm: binaryen's wasm-opt for release builds, Playwright for the browser tests.
# Reinstalled only when package-lock.json changed. No browser is downloaded.
stamp=e2e/node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || ! cmp -s e2e/package-lock.json "$stamp"; then
  say "installing npm packages in e2e/ (wasm-opt, Playwright, axe-core)"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  cp e2e/package-lock.json "$stamp"
fi

if [ "$with_test_tools" = 1 ]; then
  # The browser tests use the system Chromium (CHROMIUM_PATH overrides, e.g. Chrome on CI).
  chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium_path" ]; then
    say "installing Chromium from apt"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y chromium || { $sudo apt-get update && $sudo apt-get install -y chromium; }
  fi
fi

if [ "$with_test_tools" = 1 ]; then
  # The real frameworks the code panels are run in (.ci/python/check_panels.py): one venv outside
  # the repo, keyed by the pinned requirements' hash, so a warm machine skips this.
  venv="$(bash .ci/python/venv-path.sh)"
  if [ ! -x "$venv/bin/python" ] || [ ! -f "$venv/.complete" ]; then
    say "installing Keras 3, TensorFlow, JAX, PyTorch into $venv (about 5 minutes, 7.4 GB, once per machine)"
    rm -rf "$venv"
    if ! python3 -m venv "$venv"; then
      sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
      $sudo apt-get install -y python3-venv || { $sudo apt-get update && $sudo apt-get install -y python3-venv; }
      rm -rf "$venv"; python3 -m venv "$venv"
    fi
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r .ci/python/requirements.txt
    touch "$venv/.complete"
  fi
fi

# Trunk builds offline (Trunk.toml), so the crates must already be in cargo's cache.
cargo fetch --quiet
