#!/bin/sh
# Install the peer (Microsoft Recognizers-Text, JS) into ./node_modules. Idempotent.
set -eu
case "$0" in */*) cd "${0%/*}" ;; esac

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "install.sh: node and npm are required but not found in PATH." >&2
    echo "  On Debian/Ubuntu: sudo apt-get install nodejs npm" >&2
    exit 1
fi

if [ -d node_modules/@microsoft/recognizers-text-suite ]; then
    echo "install.sh: peer already installed ($(pwd)/node_modules)"
    exit 0
fi

if ! npm ci --no-audit --no-fund; then
    echo "install.sh: 'npm ci' failed, falling back to 'npm install'" >&2
    npm install --no-audit --no-fund
fi

node -e 'require("@microsoft/recognizers-text-suite")' || {
    echo "install.sh: install finished but @microsoft/recognizers-text-suite cannot be loaded" >&2
    exit 1
}
echo "install.sh: peer installed"
