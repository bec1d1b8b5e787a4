#!/bin/sh
# ensure-packages.sh — install the Debian packages a step needs, or say exactly how to.
#
#   tools/ensure-packages.sh build   re2c, bison, cJSON, pkg-config, a C compiler, friso-dict,
#                                    opencc (traditional spellings of the indicator names)
#   tools/ensure-packages.sh test    the above and what `make check` uses
#   tools/ensure-packages.sh packages PKG...   these (bench/deps.sh: what `make bench` lacks)
#
# As root, missing packages are installed with apt-get (after apt-get update); otherwise the
# exact install line is printed and the step stops.
set -eu

build="re2c bison libcjson-dev pkg-config gcc make libopencc-dev libopencc-data libuchardet-dev"
build="$build friso-dict opencc"  # the lexicon of subjects; opencc spells indicator names
test="$build jq valgrind clang libclang-rt-14-dev python3"
test="$test python3-jsonschema man-db groff-base binutils"  # schema, man page, install tests
test="$test chromium fonts-wqy-microhei parallel bsdutils"  # html page, GNU parallel, script
test="$test time gzip util-linux libc-bin"  # reliability: time -v, gzip, setpriv, iconv
test="$test python3-pandas python3-distributed python3-pytest python3-setuptools python3-pip"  # python/
test="$test python3-dev"  # Python.h: claimc._fastdict, the records' dicts made in C
test="$test opencc"  # script: traditional copies of the corpus (s2t)

case "${1:-build}" in
  build) want=$build ;;
  test)  want=$test ;;
  packages) shift; want="$*" ;;
  *) echo "usage: $0 build|test|packages PKG..." >&2; exit 2 ;;
esac

missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  # shellcheck disable=SC2086
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "apt-get failed; install by hand: apt-get install -y$missing" >&2
    exit 1
  fi
  rm -f "$log"
else
  echo "claimc needs these packages:$missing" >&2
  echo "install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
