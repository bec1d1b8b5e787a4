#!/bin/sh
# run_python_install.sh RESULTS — `pip install ./python`, offline, into a directory of build/:
# the installed package carries libclaimc.so.0, and from another directory (no build tree near
# it, no CLAIMC_LIBRARY) it loads that copy and gives the CLI's claim count for a corpus file;
# with the extension _fastdict inside it too when make built one ($FASTDICT set).
set -u
results=$1
. "$(dirname "$0")/lib.sh"
W=$B/python-install
rm -rf "$W" && mkdir -p "$W"
cp -r python "$W/src"
rm -rf "$W/src/build" "$W/src"/*.egg-info
if ! (cd "$W/src" && CLAIMC_LIBRARY=$B/$SONAME $PYTHON -m pip install --no-index \
        --no-build-isolation --no-deps --target "$W/site" . ) > "$W/pip.log" 2>&1; then
  fail python/pip-install "(see $W/pip.log)"; exit 0
fi
doc=$PWD/corpus/hongshan-2024-report.txt
want=$("$B/claimc" -f jsonl "$doc" | wc -l)
got=$(cd / && env -u CLAIMC_LIBRARY PYTHONPATH="$W/site" $PYTHON -c '
import sys, claimc
assert claimc._native.lib._name.startswith(sys.argv[2]), claimc._native.lib._name
fd = claimc._records.fastdict
assert not sys.argv[3] or fd.__file__.startswith(sys.argv[2]), fd
print(len(claimc.extract(open(sys.argv[1], encoding="utf-8").read())))' "$doc" "$W/site/claimc/" "${FASTDICT:-}" 2>&1)
if [ -f "$W/site/claimc/libclaimc.so.0" ] && [ "$got" = "$want" ]; then
  pass python/pip-install
else
  fail python/pip-install "(installed package gave '$got', the CLI $want claims)"
fi
