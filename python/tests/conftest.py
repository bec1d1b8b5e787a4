"""Shared fixtures: the repository, the CLI (CLAIMC_BIN, default build/claimc) and its output,
the two ways records are decoded, and equality down to types and key order."""
import json
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
CLI = os.environ.get("CLAIMC_BIN", os.path.join(ROOT, "build", "claimc"))
CORPUS = sorted(os.path.join("corpus", f) for f in os.listdir(os.path.join(ROOT, "corpus"))
                if f.endswith(".txt"))


def cli(*args, stdin=None):
    """The CLI's JSONL records for ARGS (run in the repository), and its exit status."""
    p = subprocess.run([CLI, "-q", "--format", "jsonl"] + list(args), cwd=ROOT, input=stdin,
                       stdout=subprocess.PIPE)
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines()], p.returncode


@pytest.fixture(autouse=True)
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def same(a, b):
    """a == b, and the same types all the way down (1 == 1.0 == True for ==) and key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.fixture(params=["fastdict", "json.loads"])
def decoder(request, monkeypatch):
    """The records made by the C extension, then by json.loads (the pure-ctypes path)."""
    from claimc import _records
    if request.param == "fastdict" and _records.fastdict is None:
        pytest.skip("claimc._fastdict not built")
    if request.param == "json.loads":
        monkeypatch.setattr(_records, "fastdict", None)
    return request.param
