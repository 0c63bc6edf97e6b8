#!/usr/bin/env bash
# Prints where the code-panel checker's Python environment lives: outside the repo, keyed by the
# hash of the pinned requirements (a change of pins gets a fresh environment).
set -euo pipefail
cd "$(dirname "$0")"
hash=$(sha256sum requirements.txt | cut -c1-12)
echo "${LOGIT_LAB_VENV_ROOT:-$HOME/.cache/logit-lab}/venv-$hash"
