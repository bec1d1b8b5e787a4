#!/usr/bin/python3
"""python_vs_cli.py CLAIMC FILE... — claimc.extract_many against the CLI on the same files.

Alternating runs (this VM's speed drifts), wall-clock medians: the CLI writing --format jsonl
to a file (its standard output) with --jobs J, and extract_many(paths, jobs=J) returning the
dicts, made by the C extension claimc._fastdict (when built: make fastdict) and by json.loads
(the pure-ctypes path); also the library's parse alone into JSONL buffers (the raw batch).
Prints one line per measure and the ratios to the CLI's time."""
import os, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import claimc  # noqa: E402
from claimc import _native, _records  # noqa: E402

claimc_bin, paths = sys.argv[1], sys.argv[2:]
jobs = int(os.environ.get("JOBS", "2"))
rounds = int(os.environ.get("ROUNDS", "7"))
size = sum(os.path.getsize(p) for p in paths)
out = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False).name


def cli():
    with open(out, "wb") as f:   # stdout to a file: -o would add an fsync
        subprocess.run([claimc_bin, "-q", "-f", "jsonl", "-j", str(jobs)] + paths, stdout=f, check=True)


def python():
    return len(claimc.extract_many(paths, jobs=jobs, errors="ignore"))


def pure():   # json.loads: what extract_many does without the extension
    fast, _records.fastdict = _records.fastdict, None
    try:
        return python()
    finally:
        _records.fastdict = fast


def raw():
    return sum(len(j) for j, _, _ in _native.batch([os.fsencode(p) for p in paths], jobs))


times = {"cli": [], "python": [], "pure": [], "raw": []}
for _ in range(rounds):
    for name, f in (("cli", cli), ("python", python), ("pure", pure), ("raw", raw)):
        t = time.perf_counter()
        f()
        times[name].append(time.perf_counter() - t)
os.unlink(out)
med = {k: statistics.median(v) for k, v in times.items()}
print("%d files, %.1f MB, jobs %d, %d rounds (wall-clock medians)" % (len(paths), size / 1e6, jobs, rounds))
print("  dicts by: %s" % ("claimc._fastdict" if _records.fastdict else "json.loads (no extension)"))
for k, label in (("cli", "CLI --format jsonl > FILE"), ("python", "extract_many -> dicts"),
                 ("pure", "extract_many, json.loads"),
                 ("raw", "library batch -> JSONL buffers (no dicts)")):
    print("  %-42s %.3f s  %6.1f MB/s  %.2f x CLI" % (label, med[k], size / 1e6 / med[k],
                                                     med[k] / med["cli"]))
