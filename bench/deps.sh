#!/bin/sh
# deps.sh — what `make bench` needs beyond the build: GNU time (peak RSS), Python 3 (the driver),
# Node.js and npm (the peer, installed into bench/peer/node_modules by bench/peer/install.sh).
#
# Commands are checked rather than packages, so a Node.js from elsewhere (NodeSource) is used as
# it is. As root, missing ones are installed from Debian with apt-get; otherwise the exact
# install line is printed and the benchmark stops.
set -eu

missing=""
[ -x /usr/bin/time ] || missing="$missing time"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench: installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  # shellcheck disable=SC2086
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "bench: apt-get failed; install by hand: apt-get install -y$missing" >&2
    exit 1
  fi
  rm -f "$log"
else
  echo "bench: needs:$missing" >&2
  echo "install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
