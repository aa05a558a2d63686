#!/usr/bin/env bash
# Installs what the demo and the tests need, idempotently: checks Node.js, installs Debian packages
# the project needs (none yet beyond Node for the gateway core), and the npm dependencies from
# package-lock.json. Safe to run again: it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

# 1. Node.js >= 20.19
if ! command -v node >/dev/null 2>&1; then
  say "Node.js is not installed. Install Node.js 20.19+ (Debian: apt-get install nodejs npm, or NodeSource) and run again."
  exit 1
fi
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number);console.log(a>20||(a===20&&b>=19)?1:0)')
if [ "$node_ok" != 1 ]; then
  say "Node.js $(node --version) is too old: 20.19 or newer is needed."
  exit 1
fi

# 2. Debian packages (apt), only those missing; a clear message where we cannot install them.
APT_PACKAGES=()   # e.g. poppler-utils, chromium: added as the features that need them land
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run again."
    exit 1
  fi
fi

# 3. npm dependencies, exactly as locked; skipped when node_modules already matches the lock file.
lock_hash=$(sha256sum package-lock.json | cut -c1-64)
stamp=node_modules/.kytb-lock-sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  say "npm dependencies are up to date"
else
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
