"""The Python package against the CLI: the same records, the same files, errors as exceptions,
no crash on the bad-input suite, typed DataFrames."""
import json
import os
import subprocess
import warnings

import pytest

import claimc
from conftest import CLI, CORPUS, ROOT, cli, same

GENRES = sorted(os.path.join("corpus/genres", f) for f in os.listdir(os.path.join(ROOT, "corpus/genres"))
                if f.endswith(".txt"))


@pytest.mark.parametrize("path", CORPUS)
def test_extract_is_the_jsonl_record(path):
    want, rc = cli(path)
    assert rc == 0 and want
    text = open(path, encoding="utf-8").read()
    assert claimc.extract(text, name=path) == want
    assert len(claimc.extract(text)) == len(want)          # the README's one-liner
    assert claimc.extract(text)[0]["doc"] == "<text>"


@pytest.mark.parametrize("path", CORPUS)
def test_extract_file_utf8_and_gb18030(path, tmp_path):
    assert claimc.extract_file(path) == cli(path)[0]
    gb = tmp_path / "gb.txt"
    gb.write_bytes(open(path, encoding="utf-8").read().encode("gb18030"))
    got = claimc.extract_file(str(gb))
    assert got == cli(str(gb))[0] and len(got) == len(cli(path)[0])


def test_extract_many_in_order_on_library_threads():
    paths = CORPUS * 40
    want = []
    for p in CORPUS:
        want.append(cli(p)[0])
    want = [c for _ in range(40) for cs in want for c in cs]
    assert claimc.extract_many(paths, jobs=2) == want
    assert claimc.extract_many(paths, jobs=1) == want
    assert [p for p, _ in claimc.iter_many(paths, jobs=3)] == paths
    raw = b"".join(j for _, j in claimc.iter_many(CORPUS, raw=True))
    assert raw == subprocess.run([CLI, "-f", "jsonl"] + CORPUS, cwd=ROOT,
                                 stdout=subprocess.PIPE).stdout
    assert claimc.extract_many([]) == []


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_extract_many_gives_the_clis_jsonl_records(decoder, jobs, tmp_path):
    """Each record of extract_many is a dict equal to the CLI's JSONL record (types and key
    order too), in the CLI's order: the corpus and its genres three times, then the bad
    inputs, with the extension and with json.loads, on 1 to 3 of the library's threads."""
    paths = (CORPUS + GENRES) * 3 + bad_inputs(str(tmp_path))
    out = subprocess.run([CLI, "-q", "-f", "jsonl", "-j", str(jobs)] + paths, cwd=ROOT,
                         stdout=subprocess.PIPE).stdout
    want = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    got = claimc.extract_many(paths, jobs=jobs, errors="ignore")
    assert len(got) == len(want) > 1000
    assert all(type(r) is dict for r in got)
    bad = [i for i, (g, w) in enumerate(zip(got, want)) if not same(g, w)]
    assert not bad, (bad[:5], got[bad[0]], want[bad[0]]) if bad else None


def test_stopping_a_batch_early():
    it = claimc.iter_many(CORPUS * 50, jobs=2)
    next(it)
    it.close()                                            # the library's threads stop


def test_errors_name_file_and_byte():
    path = "tests/bad/invalid-in-headings.txt"
    with pytest.raises(claimc.ClaimcError) as e:
        claimc.extract_file(path)
    err = e.value
    assert (err.file, err.offset, err.code) == (path, 29, "invalid-utf8")
    assert path in str(err) and "byte 29" in str(err)
    assert len(err.claims) == len(cli(path)[0]) >= 3      # the rest was parsed all the same
    assert len(claimc.extract_file(path, errors="ignore")) == len(err.claims)
    with pytest.raises(claimc.ClaimcError) as e:
        claimc.extract_file("no/such/file.txt")
    assert e.value.code == "cannot-read" and "no/such/file.txt" in str(e.value)
    with pytest.raises(claimc.ClaimcError):
        claimc.extract_many(CORPUS + ["no/such/file.txt"])
    assert len(claimc.extract_many(CORPUS + ["no/such/file.txt"], errors="ignore")) == \
        sum(len(cli(p)[0]) for p in CORPUS)
    with pytest.warns(claimc.ClaimcWarning, match="number-overflow"):
        claimc.extract_file("tests/bad/numeral-edges.txt")


def bad_inputs(tmp):
    """tests/bad/ and the inputs run_bad.sh makes: broken UTF-8, BOMs, UTF-16, NUL, CR, empty,
    binary, huge numerals, long lists, a directory, an unreadable name."""
    paths = sorted(os.path.join("tests/bad", f) for f in os.listdir(os.path.join(ROOT, "tests/bad"))
                   if f.endswith(".txt"))
    hong = open(os.path.join(ROOT, "corpus/hongshan-2024-report.txt"), "rb").read()
    made = {
        "empty": b"", "bom": b"\xef\xbb\xbf" + hong, "utf16le": b"\xff\xfe" + hong.decode().encode("utf-16-le"),
        "utf16be": b"\xfe\xff" + hong.decode().encode("utf-16-be"), "nul": hong[:3000] + b"\0" * 50 + hong[3000:],
        "cr": hong.replace(b"\n", b"\r"), "crlf": hong.replace(b"\n", b"\r\n"),
        "invalid": b"\x80\xbf\xc0\xaf\xed\xa0\x80\xf5\xff" + hong[:2000] + b"\xe4\xb8",
        "binary": bytes(range(256)) * 64, "overflow": ("共" + "9" * 400 + "个，增长" + "1" * 300 + "%。").encode(),
        "list": ("、".join("%d个" % i for i in range(10000)) + "。").encode(),
        "gbk-cut": "完成投资3亿元".encode("gbk")[:-1],
    }
    for name, data in made.items():
        p = os.path.join(tmp, name + ".txt")
        open(p, "wb").write(data)
        paths.append(p)
    os.mkdir(os.path.join(tmp, "a-directory"))
    paths.append(os.path.join(tmp, "a-directory"))
    return paths


def test_bad_inputs_never_crash_and_match_the_cli(tmp_path):
    for path in bad_inputs(str(tmp_path)):
        want, rc = cli(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if rc == 0:
                assert claimc.extract_file(path) == want, path
            else:
                with pytest.raises(claimc.ClaimcError) as e:
                    claimc.extract_file(path)
                assert e.value.claims == want and path in str(e.value), path
            got = claimc.extract(open(path, "rb").read(), name=path, errors="ignore") \
                if os.path.isfile(path) else want
            assert got == want, path
    again = tmp_path / "again"
    again.mkdir()
    paths = bad_inputs(str(again))
    want = [c for p in paths for c in cli(p)[0]]
    assert claimc.extract_many(paths, jobs=2, errors="ignore") == want


def test_meta_travels_with_the_claims():
    got = claimc.extract("全年完成植树造林1.2万亩，空气优良率达90%。", name="r1",
                         meta={"id": 7, "city": "鄂州", "year": 2024})
    assert len(got) == 2 and all(c["meta"] == {"id": 7, "city": "鄂州", "year": 2024} for c in got)
    rec = json.dumps({"id": 7, "city": "鄂州", "year": 2024, "text": "全年完成植树造林1.2万亩，空气优良率达90%。"},
                     ensure_ascii=False)
    p = subprocess.run([CLI, "--input", "jsonl", "-f", "jsonl"], input=rec.encode(), stdout=subprocess.PIPE)
    assert [json.loads(l)["meta"] for l in p.stdout.splitlines()] == [c["meta"] for c in got]


def test_dataframe_types_and_extra_fields():
    claims = claimc.extract_many(CORPUS)
    claims[0] = dict(claims[0], indicator="air.pm25")     # any value of the field is kept
    claims[1] = dict(claims[1], meta={"city": "鄂州", "year": 2024})
    df = claimc.to_dataframe(claims)
    assert len(df) == len(claims)
    assert str(df["value"].dtype) == "float64" and str(df["value_hi"].dtype) == "float64"
    assert str(df["kind"].dtype) == "category" and list(df["kind"].cat.categories)[0] == "count"
    for col in ("id", "start", "end", "line", "column"):
        assert str(df[col].dtype) == "int64"
    assert df["indicator"].iloc[0] == "air.pm25"
    assert [None if v is None or v != v else v for v in df["indicator"]] == \
        [c.get("indicator") for c in claims]
    assert df["indicator"].notna().sum() > 1 and df["indicator"].isna().sum() > 0
    assert df["city"].iloc[1] == "鄂州" and df["year"].iloc[1] == 2024
    money = df[df.kind == "money"]
    assert (money.unit == "CNY").all() and money.value.notna().all()
    assert claimc.to_dataframe([]).shape[0] == 0


def test_csv_reads_with_fixed_types(tmp_path):
    # one sentence without a range: value_hi is empty in every row, and still a number column
    out = tmp_path / "c.csv"
    out.write_bytes(subprocess.run([CLI, "-f", "csv"], input="完成投资3亿元，植树1.2万亩。".encode(),
                                   stdout=subprocess.PIPE).stdout)
    df = claimc.read_csv(str(out))
    assert len(df) == 2 and df["value_hi"].isna().all()
    for col, t in claimc.CSV_DTYPES.items():
        assert str(df[col].dtype) == t, col
    assert df["value"].tolist() == [300000000.0, 12000.0]


def test_the_notebook_example_runs():
    p = subprocess.run([os.environ.get("PYTHON", "python3"), "examples/claims_in_pandas.py"],
                       cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode("utf-8")
    assert p.returncode == 0, out
    assert "55 claims" in out and "invalid-utf8" in out and "鄂州" in out


def test_csv_columns_are_the_schemas():
    """schema/claims.schema.json's CsvRow, CSV_DTYPES and the CLI's header name the same
    columns, in order, and the types agree (number: float64, integer: int64)."""
    schema = json.load(open(os.path.join(ROOT, "schema/claims.schema.json"), encoding="utf-8"))
    props = schema["$defs"]["CsvRow"]["properties"]
    header = subprocess.run([CLI, "-f", "csv"], input=b"", stdout=subprocess.PIPE).stdout
    assert header.decode().rstrip("\r\n").split(",") == list(props) == list(claimc.CSV_DTYPES)
    for col, spec in props.items():
        types = spec.get("type", "string")
        types = types if isinstance(types, list) else [types]
        want = "float64" if "number" in types else "int64" if "integer" in types else None
        if want:
            assert claimc.CSV_DTYPES[col] == want, col
