#!/usr/bin/env bash
# The one test command (README quick start, CI): install what is missing, then contract types fresh,
# lint, typecheck, dependency rules, and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# mediasoup 3.8.4 finds its worker through this variable, at npm install and at run time.
export MEDIASOUP_WORKER_BIN="${MEDIASOUP_WORKER_BIN:-/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker}"
bash scripts/setup.sh
# the remote window's browser bundles (remote-window/web/dist) before anything starts
echo "== remote window pages"; npm run --silent build:web
echo "== contract types are fresh"; npm run --silent contracts:check
echo "== lint"; npm run --silent lint
echo "== typecheck"; npm run --silent typecheck
echo "== dependency rules"; npm run --silent deps:check
echo "== tests"
mkdir -p test-artifacts
status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-artifacts/vitest.json || status=$?
# One plain closing line for CI: "N passed, N failed".
node -e 'const r=require("./test-artifacts/vitest.json");console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' || true
exit $status
