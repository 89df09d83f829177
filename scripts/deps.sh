#!/usr/bin/env bash
# deps.sh - install the Debian packages hoso needs, only those missing.
# Idempotent: a second run installs nothing and takes a second.
set -euo pipefail

pkgs=(
  build-essential meson ninja-build pkg-config clang libclang-rt-14-dev
  libsqlite3-dev sqlite3 libicu-dev libcsv-dev libzip-dev libxml2-dev
  libcmocka-dev libxlsxwriter-dev libsodium-dev libjansson-dev libmicrohttpd-dev liboath-dev curl zip unzip
)
# Extra groups: "tests" adds what the test suites use; "bench" adds wrk.
for group in "$@"; do
  case "$group" in
    tests) pkgs+=(valgrind python3) ;;
    bench) pkgs+=(wrk hyperfine) ;;
  esac
done

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
