"""claimc._fastdict, the optional C decoder of the library's JSONL, against json.loads: the same
records (types and key order included) for every input the CLI is tested on, the json.loads
path still used when the extension is off, and no memory kept over repeated calls."""
import gc
import glob
import json
import os
import subprocess
import sys

import pytest

import claimc
from claimc import _records
from conftest import CLI, CORPUS, ROOT, cli, same
from test_claimc import bad_inputs

fast = pytest.mark.skipif(_records.fastdict is None, reason="claimc._fastdict not built")
EVAL = sorted(os.path.relpath(p, ROOT) for p in glob.glob(os.path.join(ROOT, "tests/eval/**/*.jsonl"),
                                                          recursive=True))


def cli_bytes(*args):
    return subprocess.run([CLI, "-q", "--format", "jsonl"] + list(args), cwd=ROOT,
                          stdout=subprocess.PIPE).stdout


def loads(jsonl):
    return [json.loads(l) for l in jsonl.decode("utf-8").splitlines()]


def test_the_extension_is_built_where_make_says_so():
    if os.environ.get("CLAIMC_FASTDICT_BUILT"):   # mk/python.mk: make built it for this Python
        assert _records.fastdict is not None


@fast
def test_corpus_bad_inputs_and_eval_texts_decode_as_json_loads(tmp_path):
    inputs = [[p] for p in CORPUS] + [[p] for p in bad_inputs(str(tmp_path))]
    inputs += [["--input", "jsonl", p] for p in EVAL]   # their other fields come back as "meta"
    assert EVAL and len(inputs) > 20
    claims = 0
    for args in inputs:
        out = cli_bytes(*args)
        want = loads(out)
        assert same(_records.fastdict.records(out), want), args
        claims += len(want)
    assert claims > 1000


@fast
@pytest.mark.parametrize("line", [
    '{"a":1,"b":-0,"c":1.0,"d":-2.5e-3,"e":1E400,"f":123456789012345678901234567890,"g":1e2}',
    '{"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00e9\\u4e2d\\ud83d\\ude00","lone":"\\ud800x\\udc00"}',
    '{"n":null,"t":true,"f":false,"e":{},"l":[],"deep":[[{"x":[1,[2.0,{"y":null}]]}]]}',
    '{"dup":1,"k":2,"dup":3}',
    '{"doc":"同一文件","section":["一、总体","（一）环境","一、总体"],"kind":"level"}',
    '{ "spaced" : [ 1 , 2 ] , "u":"微克/立方米" }',
    '{"big":-9223372036854775809,"edge":999999999999999999,"edge2":-1000000000000000000}',
])
def test_json_corners_decode_as_json_loads(line):
    data = (line + "\n" + line + "\n").encode("utf-8")
    assert same(_records.fastdict.records(data), loads(data))


def untracked_holders(a):
    """The dicts and lists in A that hold a dict or a list but that the cycle collector does not
    track (it could miss a cycle through them). Which dicts of only atoms are tracked is
    CPython's business (json.loads' are until a collection untracks them), not compared."""
    values = list(a.values()) if isinstance(a, dict) else a if isinstance(a, list) else []
    out = [a] if any(isinstance(v, (dict, list)) for v in values) and not gc.is_tracked(a) else []
    for v in values:
        out += untracked_holders(v)
    return out


@fast
def test_dicts_copied_from_their_layouts_prototype_decode_as_json_loads():
    """_shapes.c copies a layout's prototype from the third time it is seen: layouts that
    alternate under one key, duplicate keys, more keys than a prototype holds, containers and
    not, then changing records made that way changes neither the next records nor the ones
    before; the cycle collector tracks every dict that holds a container."""
    wide = "{" + ",".join('"k%d":%d' % (i, i) for i in range(20)) + "}"
    lines = ['{"a":1,"span":{"start":1,"end":2,"line":3},"q":{"span":{"start":4,"end":5}}}',
             '{"a":2,"span":{"start":6,"end":7,"line":8},"q":{"span":{"start":9,"end":10}},"l":[]}',
             '{"a":"x","span":{"start":1,"end":2,"line":3},"q":null}',
             '{"dup":1,"k":2,"dup":3}', wide, '{"k0":{"k1":[{"k2":{}}]},"n":null,"t":true}']
    data = ("\n".join(lines * 5) + "\n").encode("utf-8")
    want = loads(data)
    got = _records.fastdict.records(data)
    assert same(got, want) and not untracked_holders(got)
    for g in got:   # the values are the copies' own
        g["a"] = g.setdefault("span", {}).setdefault("start", 0)
        g["span"]["start"] = -1
        g.setdefault("l", []).append(0)
    again = _records.fastdict.records(data)
    assert same(again, want) and not untracked_holders(again)


@fast
def test_random_layouts_decode_as_json_loads():
    """Records drawn from 40 layouts (nested, up to 20 keys, a key twice now and then) in a
    random order, so that prototypes are made, used and replaced (8 a parent key) as they come:
    the same records as json.loads, twice over (the second time every layout has a prototype)."""
    import random
    rnd = random.Random(18)
    names = ["type", "id", "span", "start", "end", "text", "unit", "q", "meta", "x%d"]

    def layout(depth):
        n = rnd.choice([1, 2, 3, 4, 7, 11, 13, 16, 17, 20])
        keys = [names[rnd.randrange(len(names))].replace("%d", str(rnd.randrange(30)))
                for _ in range(n)]
        return [(k, layout(depth + 1) if depth < 2 and rnd.random() < 0.2 else None) for k in keys]

    def value(sub):
        if sub is not None:
            return obj(sub)
        return rnd.choice([None, True, False, rnd.randrange(-5, 300), rnd.randrange(10 ** 12),
                           rnd.random() * 1e3, "", "万吨", "x" * rnd.randrange(70), [1, "二"],
                           [], {}, [{"a": 1}]])

    def obj(lay):
        return "{" + ",".join('"%s":%s' % (k, json.dumps(value(sub), ensure_ascii=False))
                              if sub is None else '"%s":%s' % (k, obj(sub)) for k, sub in lay) + "}"

    layouts = [layout(0) for _ in range(40)]
    lines = [obj(rnd.choice(layouts[:rnd.choice([3, 12, 40])])) for _ in range(3000)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    want = loads(data)
    for _ in range(2):
        got = _records.fastdict.records(data)
        assert same(got, want) and not untracked_holders(got)


@fast
@pytest.mark.parametrize("text", [
    "", "ascii only", "μg/m³", "m³", "×°±é", "PM2.5浓度24.7微克/立方米", "\u00ff\u0100\u07ff\u0800\uffff",
    "emoji 😀 in 文本", "𠀀 astral first", "長" * 511 + "x", "長" * 600, "é" * 700, "a" * 1000 + "中",
    "\ufeffbom", "tab\there", "\u2028 line separator",
])
def test_utf8_strings_are_decode_utf8s(text):
    """_utf8.c makes each str itself (ASCII, Latin-1, UCS-2) or hands it to
    PyUnicode_DecodeUTF8: the same str either way, kind included (== compares kinds first)."""
    line = json.dumps({"kind": text, "text": text, "s": [text]}, ensure_ascii=False)
    data = (line + "\n").encode("utf-8")
    got = _records.fastdict.records(data)
    assert same(got, [json.loads(line)])
    assert all(v == text for v in (got[0]["kind"], got[0]["text"], got[0]["s"][0]))


@fast
@pytest.mark.parametrize("raw", [b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf",
                                 b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xe4\xb8", b"\xe4\x41\x41",
                                 b"\xf5\x80\x80\x80", b"\xf0\x80\x80\x80", b"\xff", b"\x80",
                                 b"\xc3", "中".encode() * 100 + b"\xe4"])
def test_malformed_utf8_raises_as_decode_utf8_does(raw):
    for key in (b"text", b"kind"):   # made each time, and kept per key
        with pytest.raises(ValueError):
            _records.fastdict.records(b'{"' + key + b'":"ok' + raw + b'"}\n')


@fast
@pytest.mark.parametrize("data", [b'{"a":1', b'{"a":01}', b'{"a":NaN}', b'{"a":"\\x"}',
                                  b'{"a":"\x01"}', b'{"a":1} {"b":2}\n', b'{"a":"\xff"}\n',
                                  b'{"a":tru}', b'[' * 100 + b']' * 100, b'{"a":1.}', b'{"a":-}'])
def test_not_json_raises_value_error_and_falls_back(data):
    with pytest.raises(ValueError):
        _records.fastdict.records(data)
    with pytest.raises(ValueError):          # json.loads's error, from the fallback
        _records.records(data)


def test_both_decoders_give_the_clis_records(decoder, tmp_path):
    for path in CORPUS:
        text = open(os.path.join(ROOT, path), encoding="utf-8").read()
        assert same(claimc.extract(text, name=path), cli(path)[0])
        assert same(claimc.extract_file(path), cli(path)[0])
    paths = CORPUS * 5
    assert same(claimc.extract_many(paths, jobs=2), loads(cli_bytes(*paths)))
    for path in EVAL:   # records with meta (nested lists, nulls, numbers), through extract
        want = loads(cli_bytes("--input", "jsonl", path))
        meta = want[0]["meta"]   # the first record that has claims
        for line in open(os.path.join(ROOT, path), encoding="utf-8"):
            record = json.loads(line)
            text = record.pop("text")
            if record == meta:
                break
        got = claimc.extract(text, name=want[0]["doc"], meta=record)
        assert got and same(got, [c for c in want if c["meta"] == meta][:len(got)])
    for path in bad_inputs(str(tmp_path)):
        got = claimc.extract_file(path, errors="ignore")
        assert same(got, cli(path)[0]), path


@fast
def test_memory_stays_flat_over_100_rounds():
    out = cli_bytes(*CORPUS)
    bad = b'{"a":"\\ud83d\\ude00x","b":[1,2,{"c":1e5}]}\n{"a":'
    def round_():
        assert len(_records.fastdict.records(out)) > 100
        with pytest.raises(ValueError):
            _records.fastdict.records(bad)   # the error path frees what it built
        claimc.extract_many(CORPUS, jobs=2)
    for _ in range(5):
        round_()
    before = sys.getallocatedblocks()
    for _ in range(100):
        round_()
    assert sys.getallocatedblocks() - before < 200   # a leak of a record a round would be 10,000s


@fast
@pytest.mark.parametrize("switch", ["CLAIMC_NO_HUGE", "CLAIMC_NO_SHAPES"])
def test_huge_arenas_and_shapes_on_and_off_give_the_same_records(switch):
    """_arenas.c only changes where pymalloc's arenas come from, _shapes.c only how a dict is
    filled: CLAIMC_NO_HUGE=1 (the allocator left alone), CLAIMC_NO_SHAPES=1 (every dict key by
    key) and the default give the same records, in fresh interpreters."""
    code = ("import json, sys, claimc\n"
            "print(json.dumps(claimc.extract_many(sys.argv[1:] * 20, jobs=2)))\n")
    outs = []
    for off in ("", "1"):
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), **{switch: off})
        outs.append(subprocess.run([sys.executable, "-c", code] + CORPUS, cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, check=True).stdout)
    assert outs[0] == outs[1] and len(json.loads(outs[0])) > 2000
