#!/bin/sh
# deps.sh — what `make bench` needs beyond the build: GNU time (peak RSS), Python 3 (the driver),
# Node.js and npm (the peer, installed into bench/peer/node_modules by bench/peer/install.sh).
#
# Commands are checked rather than packages, so a Node.js from elsewhere (NodeSource) is used as
# it is; the packages of the missing ones go to tools/ensure-packages.sh.
set -eu

missing=""
[ -x /usr/bin/time ] || missing="$missing time"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
# installed, or the exact install line printed, as for the build
# shellcheck disable=SC2086
exec "$(dirname "$0")/../tools/ensure-packages.sh" packages $missing
