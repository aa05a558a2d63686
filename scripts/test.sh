#!/usr/bin/env bash
# The one test command (README quick start, CI): install what is missing, then contract types fresh,
# lint, typecheck, dependency rules, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== contract types are fresh"; npm run --silent contracts:check
echo "== lint"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== dependency rules"; npm run --silent deps:check
echo "== tests"; npx vitest run
