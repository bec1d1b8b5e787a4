#!/bin/sh
# run.sh CLAIMC RESULTS — the HTML page, rendered by headless Chromium.
#
#   html/dom          the corpus, escape.txt (markup, overlapping claims) and an input with
#                     invalid UTF-8 on one page; from the DOM after the page's script ran
#                     (--dump-dom): every JSONL claim has its highlighted mark (check_dom.py)
#   html/interaction  real mouse events over the DevTools protocol: hovering a mark and
#                     clicking a mark fill the field panel with that claim (interact.py)
#   html/screenshot   build/html/corpus.png, the page as a reader sees it (and
#                     build/html/panel.png from interact.py: a claim pinned in the panel)
set -u
claimc=$1 results=$2
here=$(dirname "$0")
out=build/html
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib.sh"   # pass, fail

# Chromium, quiet and offline: no first-run, no network, no GPU, a throw-away profile.
chrome() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@" 2>> "$tmp/chromium.log"
}

texts="corpus/ezhou-2024-plan.txt corpus/hongshan-2024-report.txt corpus/qianjiang-2024-summary.txt $here/escape.txt"
printf '验收率达88%%，\377\376坏字节\344\270后面还有罚没款3万元。\n' > "$tmp/invalid.txt"
# shellcheck disable=SC2086
"$claimc" -q -f html $texts "$tmp/invalid.txt" > "$out/corpus.html"
# shellcheck disable=SC2086
"$claimc" -q -f jsonl $texts "$tmp/invalid.txt" > "$tmp/claims.jsonl"
page="file://$(pwd)/$out/corpus.html"

chrome --dump-dom "$page" > "$tmp/dom.html"
# shellcheck disable=SC2086
if python3 "$here/check_dom.py" "$tmp/dom.html" "$tmp/claims.jsonl" $texts > "$tmp/dom.log"; then
  pass html/dom
else
  cat "$tmp/dom.log"; fail html/dom "(see above; chromium: $(tail -c 200 "$tmp/chromium.log"))"
fi

if python3 "$here/interact.py" "$page" "$tmp/claims.jsonl" "$out/panel.png" > "$tmp/interact.log" 2>&1; then
  pass html/interaction
else
  cat "$tmp/interact.log"; fail html/interaction
fi

rm -f "$out/corpus.png"
chrome --hide-scrollbars --window-size=1400,1800 --screenshot="$out/corpus.png" "$page" > /dev/null
size=$(wc -c < "$out/corpus.png" 2> /dev/null || echo 0)
if [ "$size" -gt 50000 ] && [ "$(head -c 4 "$out/corpus.png" | tail -c 3)" = "PNG" ]; then
  pass html/screenshot
else
  fail html/screenshot "(no or blank $out/corpus.png: $size bytes)"
fi
