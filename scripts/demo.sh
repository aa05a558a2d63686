#!/usr/bin/env bash
# The one demo command (README quick start): install what is missing, then start the gateway and the
# three simulated partner regions on the embedded SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
# mediasoup 3.8.4 finds its worker through this variable, at npm install and at run time.
export MEDIASOUP_WORKER_BIN="${MEDIASOUP_WORKER_BIN:-/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker}"
bash scripts/setup.sh
# the remote window's browser bundles (remote-window/web/dist) before anything starts
npm run --silent build:web
exec npm start
