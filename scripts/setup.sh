#!/usr/bin/env bash
# Installs what the demo and the tests need, idempotently: checks Node.js, installs Debian packages
# the project needs (Chromium, poppler, CJK fonts, the mediasoup 3.8.4 worker), and the npm dependencies from
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
#    chromium: the browser tests (driven by playwright-core, never a downloaded browser);
#    fonts-noto-cjk: Chinese text in Chromium screenshots; poppler-utils: pdftotext/pdftoppm for the
#    receipt tests; openssl: the TLS test makes its certificate; postgresql: the server binaries the tests
#    run a throwaway cluster with (tests/support/postgres.ts); mediasoup-worker: the SFU worker, exactly 3.8.4, from Debian experimental (see below).
APT_PACKAGES=(chromium fonts-noto-cjk poppler-utils openssl postgresql)
# A runtime image (docker/Dockerfile) needs none of the test tools, only the media worker.
[ "${KYTB_SETUP_PROFILE:-full}" = runtime ] && APT_PACKAGES=()
MEDIASOUP_WORKER_DEB_VERSION='3.8.4~dfsg1-1'
export MEDIASOUP_WORKER_BIN="${MEDIASOUP_WORKER_BIN:-/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker}"

as_root_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# better-sqlite3 (the embedded store) compiles its bundled SQLite where no prebuilt binary can be
# fetched: a C++ compiler, make and Python are needed by npm ci, in every profile.
for tool in g++ make python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
worker_ok=0
if [ -x "$MEDIASOUP_WORKER_BIN" ] && [ "$(dpkg-query -W -f='${Version}' mediasoup-worker 2>/dev/null || true)" = "$MEDIASOUP_WORKER_DEB_VERSION" ]; then
  worker_ok=1
elif [ -x "$MEDIASOUP_WORKER_BIN" ] && [ "$MEDIASOUP_WORKER_BIN" != /usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker ]; then
  worker_ok=1 # a worker the operator built and pointed us at
fi

if [ "$worker_ok" != 1 ]; then
  if as_root_apt && [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # mediasoup 3.9+ downloads its dependencies at build time, so 3.8.4 is the newest that runs
    # offline; Debian ships its worker only in experimental. We add that suite from the same mirror
    # this machine already uses and pin it so that no other package can come from it.
    uri=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
    keyring=$(awk '/^Signed-By:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
    if [ -n "$uri" ]; then
      src=/etc/apt/sources.list.d/kytb-experimental.sources
      want=$(printf 'Types: deb\nURIs: %s\nSuites: experimental\nComponents: main\nSigned-By: %s\n' "$uri" "${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}")
      if [ ! -f "$src" ] || [ "$(cat "$src")" != "$want" ]; then
        say "adding Debian experimental (pinned to mediasoup-worker only) from $uri"
        printf '%s\n' "$want" > "$src"
      fi
      cat > /etc/apt/preferences.d/kytb-mediasoup-worker <<'PIN'
Package: mediasoup-worker
Pin: release a=experimental
Pin-Priority: 500

Package: *
Pin: release a=experimental
Pin-Priority: -1
PIN
      missing+=("mediasoup-worker=$MEDIASOUP_WORKER_DEB_VERSION")
    fi
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  if as_root_apt; then
    say "installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run again."
    exit 1
  fi
fi
if [ ! -x "$MEDIASOUP_WORKER_BIN" ]; then
  say "no mediasoup 3.8.4 worker at $MEDIASOUP_WORKER_BIN. On Debian run this script as root; elsewhere build"
  say "mediasoup 3.8.4's worker (see shared notes in README, 'mediasoup worker') and set MEDIASOUP_WORKER_BIN."
  exit 1
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
