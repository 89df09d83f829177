#!/bin/sh
# local-node.sh - make sure the web tools get Node >= 20.  When the
# machine's node is older (Debian 12 ships 18), Node 22 comes from the npm
# registry (package node-linux-<arch>) into the project's own folder,
# .tools/node (git-ignored), which scripts/node-path.sh puts on the
# scripts' PATH.  Needs no root and leaves /usr/bin/node alone.  Run by
# scripts/deps.sh web and by debian/rules.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$root/.tools/node
PATH="$tools/bin:$PATH"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
[ "$(node_major)" -ge 20 ] && exit 0
arch=$(uname -m)
case "$arch" in aarch64) arch=arm64 ;; x86_64) arch=x64 ;; esac
echo "Node $(node_major) is too old for the web tools: Node 22 from the npm registry into $tools" >&2
npm install --silent --no-audit --no-fund --prefix "$tools/pkg" "node-linux-$arch@22" >/dev/null
mkdir -p "$tools/bin"
ln -sf "../pkg/node_modules/node-linux-$arch/bin/node" "$tools/bin/node"
[ "$(node_major)" -ge 20 ] || { echo "local-node.sh: could not get Node >= 20" >&2; exit 1; }
