#!/bin/sh
# install-web.sh DIR - run by `meson install`: copies the built web UI
# (web/dist, made by `cd web && npm ci && npm run build`) to DIR under
# DESTDIR, where `hoso serve` finds it without --static.  Refuses to
# install a server without its UI.
set -eu
src="$MESON_SOURCE_ROOT/web/dist"
dest="${DESTDIR:-}$1"
if [ ! -f "$src/index.html" ]; then
  echo "install-web.sh: $src/index.html is missing: build the web UI first (cd web && npm ci && npm run build)" >&2
  exit 1
fi
mkdir -p "$dest"
cp -R "$src"/. "$dest"/
echo "Installing the web UI to $dest"
