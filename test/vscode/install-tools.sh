#!/usr/bin/env bash
# Installs what the editor tests need to run a real VS Code here, where
# @vscode/test-electron cannot download one: Debian's chromium, libkrb5-dev
# (code-server's kerberos addon compiles against gssapi.h), Node 24 from the
# npm registry (code-server 4.139's postinstall refuses older Node), and
# code-server + playwright-core in a cache outside the package's own
# dependencies so `npm ci` of the extension never sees them.
# Idempotent: each step is skipped when its result is already there.
# Prints nothing on stdout but the cache path, so callers can capture it.
# --editor-only (for `npm start`): no chromium, which only the tests drive.
set -euo pipefail
EDITOR_ONLY=0
[ "${1:-}" = "--editor-only" ] && EDITOR_ONLY=1
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOLS="${OFFICE_FARM_E2E_TOOLS:-$ROOT/.e2e-tools}"
# Pinned together: chromium 156 (Debian bookworm) speaks the CDP that
# playwright-core 1.65 expects; code-server 4.139.1 is VS Code 1.139.1.
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
NODE_MAJOR=24
say() { echo "[vscode-tools] $*" >&2; }

mkdir -p "$TOOLS"
# Two test runs starting together on a cold cache would install into the
# same folders at once; the second waits for the first instead.
exec 9>"$TOOLS/.install.lock"
flock 9

PACKAGES=()
if [ "$EDITOR_ONLY" = 0 ] && ! command -v chromium >/dev/null 2>&1; then PACKAGES+=(chromium); fi
if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then PACKAGES+=(libkrb5-dev); fi
if [ "${#PACKAGES[@]}" -gt 0 ]; then
  say "apt-get install ${PACKAGES[*]}"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}"; } >"$TOOLS/apt.log" 2>&1; then
    tail -30 "$TOOLS/apt.log" >&2
    say "apt-get failed (full log: $TOOLS/apt.log); as root, or install ${PACKAGES[*]} yourself and run this again"
    exit 1
  fi
fi

mkdir -p "$TOOLS/node24" "$TOOLS/code-server"
NODE24_BIN="$TOOLS/node24/node_modules/node/bin"
if [ ! -x "$NODE24_BIN/node" ]; then
  say "npm install node@$NODE_MAJOR"
  (cd "$TOOLS/node24" && echo '{"private":true}' > package.json &&
   npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
fi

# The marker is written last, so an interrupted install is redone rather
# than trusted half-finished.
MARKER="$TOOLS/code-server/.installed-$CODE_SERVER_VERSION-$PLAYWRIGHT_VERSION"
if [ ! -f "$MARKER" ]; then
  say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION (native modules compile: about 1.5 min)"
  # npm's lifecycle scripts run under whatever `node` is first on PATH;
  # code-server's postinstall must see Node 24.
  if ! (cd "$TOOLS/code-server" && echo '{"private":true}' > package.json &&
        PATH="$NODE24_BIN:$PATH" npm install --no-audit --no-fund \
          "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" >install.log 2>&1); then
    tail -40 "$TOOLS/code-server/install.log" >&2
    say "code-server install failed (full log: $TOOLS/code-server/install.log)"
    exit 1
  fi
  touch "$MARKER"
fi
echo "$TOOLS"
