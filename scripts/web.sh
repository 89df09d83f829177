#!/usr/bin/env bash
# web.sh - install the web UI's npm packages (npm ci, from package-lock.json)
# and build it into web/dist (with .br/.gz twins for hoso serve). Does
# nothing when node_modules and dist are already newer than their inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh web
. scripts/node-path.sh
cd web
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "npm ci (web/)" >&2
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi
newest=$(find src public index.html vite.config.ts tsconfig.json package-lock.json scripts -type f -newer dist/index.html.br 2>/dev/null | head -1 || true)
if [ ! -f dist/index.html.br ] || [ -n "$newest" ]; then
  echo "npm run build (web/)" >&2
  npm run --silent build >/dev/null
fi
