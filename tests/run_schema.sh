#!/bin/sh
# run_schema.sh CLAIMC RESULTS — real output validated against schema/claims.schema.json.
#
# The validator is Debian's python3-jsonschema (Draft 2020-12), run by /usr/bin/python3 because
# `python3` on PATH may be a pyenv interpreter without it. Checked:
#   - the schema is itself a valid 2020-12 schema;
#   - `--format json` of every corpus file, and of edge inputs (empty, invalid UTF-8, GB18030,
#     UTF-16LE), is a UTF-8 JSON Document; every line of `--format jsonl` is a JsonlRecord;
#   - broken records made from real ones (kind "foo", no span, ...) are rejected, so the
#     schema and this test can fail.
set -u
claimc=$1 results=$2
py=/usr/bin/python3
schema=schema/claims.schema.json
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS schema/$1" >> "$results"; }
fail() { echo "FAIL schema/$*" >> "$results"; }

# validate.py SCHEMA FILE... — one line per FILE: "valid FILE", "invalid FILE: why" or
# "broken FILE: why". A .json file is one Document; each line of a .jsonl file a JsonlRecord.
# Exits 2 when the schema itself is broken. One process for all files: importing jsonschema
# costs more than validating.
cat > "$tmp/validate.py" <<'EOF'
import json, sys
from jsonschema import Draft202012Validator

def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    if dups:
        raise ValueError("duplicate keys: " + ", ".join(dups))
    return dict(pairs)

def specific(e):
    """Sort key: the most specific error first; unevaluatedProperties only echoes another."""
    return (e.validator == "unevaluatedProperties", -len(e.absolute_path))

def explain(e):
    """Down a oneOf (Section or Sentence), follow the branch whose "type" matched."""
    while e.context:
        branches = {}
        for c in e.context:
            branches.setdefault(c.relative_schema_path[0], []).append(c)
        right = [errs for errs in branches.values()
                 if not any(c.validator == "const" and list(c.relative_path) == ["type"]
                            for c in errs)]
        e = sorted(right[0] if right else e.context, key=specific)[0]
    return e

def validators(schema):
    whole = Draft202012Validator(schema)        # the top level: a Document or a JsonlRecord
    strict = {}
    for name in ("Document", "JsonlRecord"):    # exactly this kind, for precise errors
        one = dict(schema)
        one.pop("oneOf")
        one["$ref"] = "#/$defs/" + name
        strict[name] = Draft202012Validator(one)
    return whole, strict

def check(path, whole, strict):
    name = "JsonlRecord" if path.endswith(".jsonl") else "Document"
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")             # RFC 8259: JSON text is UTF-8
    except UnicodeDecodeError as e:
        return "not UTF-8 at byte %d of the output" % e.start
    if name == "JsonlRecord":
        items = [(i + 1, l) for i, l in enumerate(text.split("\n")) if l.strip()]
    else:
        items = [(1, text)]
    if not items:
        return "nothing to validate"
    for line, chunk in items:
        try:
            inst = json.loads(chunk, object_pairs_hook=no_duplicate_keys)
        except ValueError as e:
            return "line %d: not valid JSON: %s" % (line, e)
        errors = sorted(strict[name].iter_errors(inst), key=specific)
        if errors:
            e = explain(errors[0])
            at = "/".join(str(p) for p in e.absolute_path) or "(top)"
            why = e.message if len(e.message) < 160 else \
                "fails schema rule " + "/".join(str(p) for p in e.absolute_schema_path)
            return "line %d: %s: %s" % (line, at, why)
        if not whole.is_valid(inst):
            return "line %d: not exactly one of Document, JsonlRecord" % line
    return None

def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    whole, strict = validators(schema)
    for path in sys.argv[2:]:
        try:
            why = check(path, whole, strict)
        except Exception as e:
            print("broken %s: %s: %s" % (path, type(e).__name__, e))
            continue
        print("valid %s" % path if why is None else "invalid %s: %s" % (path, why))

try:
    main()
except Exception as e:                          # a broken schema, not an invalid instance
    print("broken schema: %s: %s" % (type(e).__name__, e))
    sys.exit(2)
EOF

if ! $py -c 'import jsonschema' 2>/dev/null; then
  fail "validator: $py has no jsonschema module (tools/ensure-packages.sh test installs python3-jsonschema)"
  exit 0
fi

# -- real output: the corpus and the edges of decoding ------------------------------------------
mkdir -p "$tmp/in" "$tmp/out" "$tmp/bad"
cp corpus/*.txt "$tmp/in/"
: > "$tmp/in/edge-empty.txt"
printf '罚没款52.854万元，\377\376坏字节\300\n同比下降0.2个百分点。\n' > "$tmp/in/edge-invalid-utf8.txt"
iconv -f UTF-8 -t GB18030 corpus/hongshan-2024-report.txt > "$tmp/in/edge-gb18030.txt"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE corpus/qianjiang-2024-summary.txt; } \
  > "$tmp/in/edge-utf16le.txt"

for txt in "$tmp"/in/*.txt; do
  name=$(basename "$txt" .txt)
  "$claimc" -q "$txt" > "$tmp/out/$name.json"
  "$claimc" -q --format jsonl "$txt" > "$tmp/out/$name.jsonl"
  # an edge input may have no claims: nothing to validate in its jsonl
  case $name in edge-*) [ -s "$tmp/out/$name.jsonl" ] || rm "$tmp/out/$name.jsonl" ;; esac
done

# --input jsonl records with other fields: their meta, in JSONL and in the Document
printf '%s\n' '{"id": 7, "city": "鄂州", "year": 2024, "url": "http://x/a", "text": "全年完成植树造林1.2万亩。"}' \
  '{"id": "b", "text": "共交办问题20个，已完成整改18个。"}' > "$tmp/records.jsonl"
"$claimc" -q --input jsonl --format jsonl "$tmp/records.jsonl" > "$tmp/out/meta-records.jsonl"
"$claimc" -q --input jsonl --compact "$tmp/records.jsonl" | head -1 > "$tmp/out/meta-records.json"

# -- broken records, made from real ones, must be rejected ---------------------------------------
cat "$tmp"/out/*-20[0-9][0-9]-*.jsonl > "$tmp/all.jsonl"
pick() { jq -c "select(.kind == \"$1\")" "$tmp/all.jsonl" | head -1; }
count=$(pick count) change=$(pick change) progress=$(pick progress) money=$(pick money)
doc=$(jq -c . "$tmp/out/hongshan-2024-report.json")

# mutant NAME EXT RECORD JQ: $tmp/bad/NAME.EXT is RECORD changed by JQ (.jsonl: a JsonlRecord,
# .json: a Document).
mutant() {
  if [ -z "$3" ]; then
    fail "rejects $1: no real record of that kind in the corpus output to break"; return
  fi
  printf '%s\n' "$3" | jq -c "$4" > "$tmp/bad/$1.$2"
}
mutant kind-foo               jsonl "$count" '.kind = "foo"'
mutant no-span                jsonl "$count" 'del(.span)'
mutant span-without-line      jsonl "$count" 'del(.span.line)'
mutant value-as-string        jsonl "$count" '.quantity.value |= tostring'
mutant approx-unknown         jsonl "$count" '.quantity.approx = "roughly"'
mutant modality-unknown       jsonl "$count" '.modality = "hoped"'
mutant misspelt-field         jsonl "$count" '.quantitiy = .quantity'
mutant no-quantity            jsonl "$count" 'del(.quantity)'
mutant count-with-direction   jsonl "$count" '.direction = "up"'
mutant no-doc                 jsonl "$count" 'del(.doc)'
mutant section-not-a-list     jsonl "$count" '.section = "一、总体要求"'
mutant progress-with-quantity jsonl "$progress" '.quantity = .done'
mutant progress-without-total jsonl "$progress" 'del(.total)'
mutant change-no-direction    jsonl "$change" 'del(.direction)'
mutant change-sideways        jsonl "$change" '.direction = "sideways"'
mutant change-no-baseline     jsonl "$change" 'del(.baseline)'
mutant money-not-in-yuan      jsonl "$money" '.quantity.unit = "万元"'
mutant null-value-not-flat    jsonl "$money" '.quantity.value = null'
mutant ast-claim-no-span      json "$doc" \
  'delpaths([first(paths(type == "object" and .type == "Claim")) + ["span"]])'
mutant ast-doc-kind-memo      json "$doc" '.doc_kind = "memo"'
mutant ast-stats-no-rank      json "$doc" 'del(.stats.by_kind.rank)'
mutant ast-record-as-document json "$count" '.'
printf '{"type": "Document", "type": "Document"}\n' > "$tmp/bad/ast-duplicate-key.json"

# -- one validator run over everything ----------------------------------------------------------
$py "$tmp/validate.py" "$schema" "$tmp"/out/* "$tmp"/bad/* > "$tmp/verdicts" 2>&1
if [ $? -ne 0 ] || grep -q '^broken schema' "$tmp/verdicts"; then
  head -5 "$tmp/verdicts"
  fail "meta: $schema is not a valid draft 2020-12 schema: $(head -1 "$tmp/verdicts")"
  exit 0
fi
pass "meta (a valid draft 2020-12 schema)"

verdict() { awk -v p="$1" '{ f = $2; sub(/:$/, "", f) } f == p { print; exit }' "$tmp/verdicts"; }
for f in "$tmp"/out/*; do
  label="$(basename "$f" | sed 's/\.\(jsonl*\)$/ (\1)/')"
  v=$(verdict "$f")
  case $v in
    valid\ *) pass "valid $label" ;;
    *) echo "--- schema: $label does not match $schema: ${v#* $tmp/out/}"
       fail "valid $label: ${v#* $tmp/out/}" ;;
  esac
done
for f in "$tmp"/bad/*; do
  label=$(basename "$f" | sed 's/\.jsonl*$//')
  v=$(verdict "$f")
  case $v in
    invalid\ *) pass "rejects $label" ;;
    valid\ *) fail "rejects $label: the schema accepts a broken record" ;;
    *) fail "rejects $label: ${v:-no verdict}" ;;
  esac
done

# the edge inputs must really reach the code they are for
jq -e '.encoding == "gb18030"' "$tmp/out/edge-gb18030.json" > /dev/null 2>&1 \
  || fail "edge-gb18030: not decoded as gb18030, so that path is not validated"
jq -e '[.diagnostics[].code] | index("invalid-utf8") != null' \
  "$tmp/out/edge-invalid-utf8.json" > /dev/null 2>&1 \
  || fail "edge-invalid-utf8: no invalid-utf8 diagnostic, so that path is not validated"
[ -n "${SCHEMA_KEEP:-}" ] && cp "$tmp/verdicts" "$SCHEMA_KEEP"
exit 0
