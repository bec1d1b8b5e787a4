"""Shared fixtures: the repository, the CLI (CLAIMC_BIN, default build/claimc) and its output."""
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
