#!/usr/bin/env bash
# The one demo command (README quick start): install what is missing, then start the gateway and the
# three simulated partner regions on the embedded lowdb store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec npm start
