#!/usr/bin/env bash
# README command 1: set up whatever is missing, build, and serve the app locally.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
port="${PORT:-8080}"
echo
echo "==> Logit Lab will be served at http://127.0.0.1:$port/ (Ctrl-C stops it)"
echo
exec trunk serve --port "$port" "$@"
