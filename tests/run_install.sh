#!/bin/sh
# run_install.sh RESULTS — make install into a staging DESTDIR, then use the installed library
# the way a user would: examples/summary.c built with pkg-config (shared and static) and run
# on a corpus report, a C++ program linked against it, the exported symbols, PREFIX, and
# make uninstall. The environment gives MAKE, CC, SONAME and SHLIB (mk/install.mk).
set -u
results=$1
make=${MAKE:-make} cc=${CC:-cc}
top=$(pwd)
work=$top/build/install-test
stage=$work/stage              # DESTDIR, with the default PREFIX /usr/local
prefix=/usr/local
report=corpus/hongshan-2024-report.txt

pass() { echo "PASS install/$1" >> "$results"; }
fail() { echo "FAIL install/$*" >> "$results"; }

rm -rf "$work"
mkdir -p "$work"
if ! $make --no-print-directory install DESTDIR="$stage" PREFIX=$prefix > "$work/install.log" 2>&1
then
  tail -20 "$work/install.log"
  fail "make-install: make install DESTDIR=$stage failed"
  exit 0
fi
lib=$stage$prefix/lib

# -- what was installed, exactly ----------------------------------------------------------------
version=$(sed -n 's/^#define CLAIMC_VERSION "\([0-9.]*\)".*/\1/p' include/claimc.h)
cat > "$work/tree.expected" <<EOF
bin/claimc
include/claimc.h
lib/libclaimc.a
lib/libclaimc.so -> $SONAME
lib/$SONAME -> libclaimc.so.$version
lib/libclaimc.so.$version
lib/pkgconfig/claimc.pc
share/claimc/claims.schema.json
share/man/man1/claimc.1
EOF
(cd "$stage$prefix" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort | while read -r f; do
   if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; else echo "$f"; fi
 done) > "$work/tree.actual"
if diff -u "$work/tree.expected" "$work/tree.actual" > "$work/tree.diff" \
   && [ "$(find "$stage" \( -type f -o -type l \) | wc -l)" -eq 9 ]; then
  pass "tree (binary, libraries and links, header, .pc, man page, schema under $prefix)"
else
  cat "$work/tree.diff"; fail "tree: the installed files differ from the expected list"
fi
if [ -x "$stage$prefix/bin/claimc" ] && "$stage$prefix/bin/claimc" --version | grep -q "$version"
then pass "binary runs"; else fail "binary: the installed claimc does not run"; fi

# -- the shared library: soname, dependencies, and nothing exported but the API -----------------
dyn=$(readelf -d "$lib/libclaimc.so.$version" 2>&1)
if echo "$dyn" | grep -q "Library soname: \[$SONAME\]" \
   && echo "$dyn" | grep -q 'Shared library: \[libcjson'; then
  pass "soname $SONAME, needs libcjson"
else
  fail "soname: want soname $SONAME and a NEEDED libcjson: $(echo "$dyn" | grep -E 'SONAME|NEEDED' | tr -s ' ' | tr '\n' ';')"
fi
sed -n 's/^CLAIMC_API[^(]*[ *]\([a-z_0-9]*\)(.*/\1/p' "$stage$prefix/include/claimc.h" \
  | sort > "$work/api.txt"
nm -D --defined-only "$lib/libclaimc.so.$version" | awk '{ print $NF }' | sort > "$work/exported.txt"
if [ -s "$work/api.txt" ] && diff -u "$work/api.txt" "$work/exported.txt" > "$work/exports.diff"
then
  pass "exports ($(wc -l < "$work/api.txt") symbols: exactly the CLAIMC_API functions of claimc.h)"
else
  echo "--- install: exported symbols (+) vs the header's CLAIMC_API functions (-):"
  grep '^[-+][^-+]' "$work/exports.diff"
  fail "exports: the shared library's exports differ from claimc.h (- declared only, + exported only): $(grep '^[-+][^-+]' "$work/exports.diff" | tr '\n' ' ' | cut -c1-200)"
fi

# -- pkg-config, as a staged (DESTDIR) tree is used: the sysroot maps /usr/local into it --------
export PKG_CONFIG_PATH="$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
pc=${PKG_CONFIG:-pkg-config}
pcfile=$lib/pkgconfig/claimc.pc
if [ "$($pc --modversion claimc 2>&1)" != "$version" ]; then
  fail "pkg-config: --modversion claimc gives '$($pc --modversion claimc 2>&1 | head -1)', not $version"
elif ! $pc --cflags claimc | grep -q -- "-I$stage$prefix/include"; then
  fail "pkg-config: --cflags claimc has no -I$stage$prefix/include: $($pc --cflags claimc 2>&1)"
elif ! grep -qx "prefix=$prefix" "$pcfile"; then
  fail "pkg-config: claimc.pc does not say prefix=$prefix: $(grep '^prefix=' "$pcfile")"
elif ! grep -qx "Requires.private: libcjson uchardet" "$pcfile"; then
  fail "pkg-config: claimc.pc lacks 'Requires.private: libcjson uchardet' (a shared link needs neither -l)"
else
  pass "pkg-config (claimc $version, prefix $prefix, Requires.private libcjson uchardet)"
fi

# -- examples/summary.c against the installed library ---------------------------------------------
# What it must print, computed from claimc's own JSONL (counts per kind, the money total).
"$stage$prefix/bin/claimc" -q --format jsonl "$report" > "$work/claims.jsonl"
"$stage$prefix/bin/claimc" -q --compact "$report" > "$work/doc.json"
{
  echo "document: $report"
  jq -r '"encoding: \(.encoding)", "kind: \(.doc_kind)"' "$work/doc.json"
  echo "claims: $(wc -l < "$work/claims.jsonl")"
  for k in count amount money measure rate change progress rank; do
    printf '  %-9s %s\n' $k "$(jq -c "select(.kind == \"$k\")" "$work/claims.jsonl" | wc -l)"
  done
  jq -r '"diagnostics: \(.diagnostics | length)"' "$work/doc.json"
} > "$work/summary.expected"
money=$(jq -s '[.[] | select(.kind == "money") | .quantity.value] | add // 0' "$work/claims.jsonl")
nmoney=$(jq -c 'select(.kind == "money")' "$work/claims.jsonl" | wc -l)

# check_summary LABEL OUTPUT: OUTPUT equals the expectation; the money total is compared as a
# number (jq sums in doubles, the example in exact decimals).
check_summary() {
  grep -v '^money total:' "$2" > "$2.rest"
  got=$(sed -n 's/^money total: \([0-9.e+-]*\) CNY in \([0-9]*\) claims.*/\1 \2/p' "$2")
  if [ "$nmoney" -eq 0 ]; then
    fail "$1: $report has no money claims, so the total is not tested"
  elif ! diff -u "$work/summary.expected" "$2.rest" > "$2.diff"; then
    cat "$2.diff"; fail "$1: the example's counts differ from claimc's JSONL"
  elif ! echo "$got" | awk -v m="$money" -v n="$nmoney" \
         '{ d = $1 - m; if (d < 0) d = -d; exit !(NF == 2 && $2 == n && d <= 1e-9 * (m < 0 ? -m : m) + 1e-6) }'
  then
    fail "$1: money total '$got', want $money CNY in $nmoney claims"
  else
    pass "$1 (the counts per kind and the money total $money CNY of $report)"
  fi
}

flags="-std=c11 -Wall -Wextra -Werror -pedantic"
# shellcheck disable=SC2046
if $cc $flags $($pc --cflags claimc) examples/summary.c -o "$work/summary-shared" \
     $($pc --libs claimc) > "$work/cc-shared.log" 2>&1; then
  needed=$(readelf -d "$work/summary-shared" | grep NEEDED)
  where=$(LD_LIBRARY_PATH=$lib ldd "$work/summary-shared" | grep libclaimc)
  if ! echo "$needed" | grep -q "\[$SONAME\]"; then
    fail "example-shared: not linked against $SONAME: $needed"
  elif ! echo "$where" | grep -q "$lib/$SONAME"; then
    fail "example-shared: $SONAME resolves to '$where', not the installed $lib"
  elif ! LD_LIBRARY_PATH=$lib "$work/summary-shared" "$report" > "$work/shared.out" 2>&1; then
    head -5 "$work/shared.out"; fail "example-shared: exited non-zero"
  else
    check_summary example-shared "$work/shared.out"
  fi
else
  cat "$work/cc-shared.log"; fail "example-shared: does not compile with pkg-config --cflags --libs claimc"
fi

# Static: name the archive; --as-needed drops the .so that -lclaimc would otherwise add.
# shellcheck disable=SC2046
if $cc $flags $($pc --cflags claimc) examples/summary.c -o "$work/summary-static" \
     "$($pc --variable=libdir claimc)/libclaimc.a" -Wl,--as-needed $($pc --static --libs claimc) \
     > "$work/cc-static.log" 2>&1; then
  if readelf -d "$work/summary-static" | grep -q 'NEEDED.*libclaimc'; then
    fail "example-static: still needs the shared libclaimc"
  elif ! env -u LD_LIBRARY_PATH "$work/summary-static" "$report" > "$work/static.out" 2>&1; then
    head -5 "$work/static.out"; fail "example-static: exited non-zero"
  else
    check_summary example-static "$work/static.out"
  fi
else
  cat "$work/cc-static.log"; fail "example-static: does not link with libclaimc.a and pkg-config --static --libs claimc"
fi

# -- C++: the header's extern "C" block, or the names would be mangled and the link would fail ----
cxx=$(command -v clang++ || command -v g++ || true)
if [ -z "$cxx" ]; then
  fail "cxx: no C++ compiler (clang++ comes with the clang package)"
else
  cat > "$work/use.cc" <<'EOF'
// use.cc — claimc.h from C++: extern "C" linkage.
#include <claimc.h>
#include <cstring>
int main()
{
    const char text[] = "罚没款52.854万元。";
    cl_doc *doc = cl_parse("use.cc", text, std::strlen(text));
    bool ok = doc && cl_doc_claim_count(doc) == 1 && cl_doc_claim(doc, 0)->kind == CL_MONEY;
    cl_doc_free(doc);
    return ok ? 0 : 1;
}
EOF
  # shellcheck disable=SC2046
  if "$cxx" -std=c++11 -Wall -Wextra -Werror $($pc --cflags claimc) "$work/use.cc" \
       -o "$work/use" $($pc --libs claimc) > "$work/cxx.log" 2>&1 \
     && LD_LIBRARY_PATH=$lib "$work/use"; then
    pass "cxx (claimc.h compiles and links as C++)"
  else
    head -5 "$work/cxx.log"; fail "cxx: a C++ program using claimc.h does not build or run"
  fi
fi

# -- PREFIX is honoured, and the .pc file follows it ----------------------------------------------
opt=$work/opt-stage
if $make --no-print-directory install DESTDIR="$opt" PREFIX=/opt/claimc > "$work/opt.log" 2>&1 \
   && [ -x "$opt/opt/claimc/bin/claimc" ] && [ -f "$opt/opt/claimc/lib/libclaimc.a" ] \
   && [ -f "$opt/opt/claimc/share/man/man1/claimc.1" ] \
   && grep -qx 'prefix=/opt/claimc' "$opt/opt/claimc/lib/pkgconfig/claimc.pc" \
   && [ "$(find "$opt" \( -type f -o -type l \) | grep -vc "^$opt/opt/claimc/")" -eq 0 ]; then
  pass "prefix (PREFIX=/opt/claimc: every file under it, and in claimc.pc)"
else
  tail -5 "$work/opt.log"; fail "prefix: make install PREFIX=/opt/claimc did not install under /opt/claimc"
fi

# -- uninstall leaves nothing behind -------------------------------------------------------------
$make --no-print-directory uninstall DESTDIR="$stage" PREFIX=$prefix > "$work/uninstall.log" 2>&1
$make --no-print-directory uninstall DESTDIR="$opt" PREFIX=/opt/claimc >> "$work/uninstall.log" 2>&1
left=$(find "$stage" "$opt" \( -type f -o -type l \) 2>/dev/null)
if [ -z "$left" ]; then
  pass "uninstall (no file or link left)"
else
  fail "uninstall: left $(echo "$left" | sed "s|$work/||" | tr '\n' ' ')"
fi
exit 0
