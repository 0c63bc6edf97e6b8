#!/usr/bin/env bash
# The share test with many random seeds (the test command runs one): every seed must pass.
# Usage, from e2e/ after a release build: bash bench/share-seeds.sh [first] [last]   (default 1 20)
set -uo pipefail
cd "$(dirname "$0")/.."
first="${1:-1}"; last="${2:-20}"; failed=()
# Logs go outside results/, which every Playwright run empties.
logs="${TMPDIR:-/tmp}/logit-lab-share-seeds"; mkdir -p "$logs"
for seed in $(seq "$first" "$last"); do
  start=$(date +%s)
  if SHARE_SEED="$seed" npx playwright test --config playwright.config.ts share --project app --reporter=line > "$logs/seed-$seed.log" 2>&1; then
    echo "seed $seed: passed in $(( $(date +%s) - start )) s"
  else
    echo "seed $seed: FAILED in $(( $(date +%s) - start )) s ($logs/seed-$seed.log)"; failed+=("$seed")
  fi
done
[ ${#failed[@]} -eq 0 ] && echo "all seeds passed" || { echo "failed seeds: ${failed[*]}"; exit 1; }
