#!/usr/bin/env bash
# README command 2: set up whatever is missing, then run every check CI runs:
# rustfmt, clippy (host and wasm32), native tests, every code panel run in real Keras and
# PyTorch, a release build for GitHub Pages, and the
# Playwright suite in the system Chromium against that build served from /logit-lab/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash .ci/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
say() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

say "cargo fmt --check"
cargo fmt --all --check

say "clippy (host)"
cargo clippy --all-targets -- -D warnings

say "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

say "native tests"
cargo test --quiet

# The code-panel check (mostly waiting on framework imports) runs beside the release build.
say "code panels run in Keras (TensorFlow, JAX, PyTorch backends) and PyTorch, beside the release build"
panels_log="$(mktemp)"
"$(bash .ci/python/venv-path.sh)/bin/python" .ci/python/check_panels.py > "$panels_log" 2>&1 &
panels_pid=$!

say "release build for GitHub Pages (public URL /logit-lab/)"
trunk build --release --public-url /logit-lab/

say "code panels: result"
panels_status=0
wait "$panels_pid" || panels_status=$?
cat "$panels_log"
rm -f "$panels_log"
[ "$panels_status" = 0 ] || { echo "code-panel check failed"; exit "$panels_status"; }

say "size budget (gzip transfer of a first visit, for each WebAssembly bundle)"
node .ci/budget.mjs dist

say "browser tests (Playwright, system Chromium, dist/ served under /logit-lab/)"
(cd e2e && npx playwright test --config playwright.config.ts)

say "all checks passed"
