#!/usr/bin/env bash
# Runs every code panel in real Keras (TensorFlow, JAX and PyTorch backends) and PyTorch:
# exports the panels (default + 3 seeded states per step) with a native test, then checks them.
# Extra arguments go to the checker, e.g. --only '#/logits' or --workers jax,pytorch.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(bash .ci/python/venv-path.sh)"
[ -x "$venv/bin/python" ] || bash .ci/setup.sh --test
cargo test --quiet --test code_panels
exec "$venv/bin/python" .ci/python/check_panels.py "$@"
