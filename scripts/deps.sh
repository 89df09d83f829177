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
# Extra groups: "tests" adds what the test suites use (nginx and openssl:
# t-nginx.sh runs the example site with a throw-away certificate); "bench" adds wrk;
# "web" adds Node.js and npm (unless a node is already on the PATH) to build
# the web UI (the test tools need Node >= 20: when the machine's node is
# older, as Debian 12's 18 is, scripts/local-node.sh keeps Node 22 in the
# project's own .tools/node, on the scripts' PATH only, never replacing the
# machine's node); "e2e" adds Debian's chromium and fonts with Vietnamese
# glyphs.  llvm (tests): llvm-symbolizer, for symbolized sanitizer and
# fuzzer traces; debhelper, lintian, fakeroot (tests): the package suite
# (tests/pkg/run.sh) builds and checks the Debian package.
for group in "$@"; do
  case "$group" in
    tests) pkgs+=(systemd llvm valgrind python3 python3-yaml poppler-utils groff-base man-db
           libreoffice-writer-nogui libreoffice-calc-nogui nginx openssl
           debhelper lintian fakeroot postgresql-15) ;;
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

if [ "$want_node" = 1 ]; then
  # an earlier deps.sh linked its own Node over the machine's: undo that
  if [ "$(id -u)" -eq 0 ] && [ -L /usr/local/bin/node ]; then
    case "$(readlink /usr/local/bin/node)" in
      /opt/hoso-node/*) rm -f /usr/local/bin/node; rm -rf /opt/hoso-node; hash -r ;;
    esac
  fi
  sh "$(dirname "$0")/local-node.sh"
fi
