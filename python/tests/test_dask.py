"""claimc on Dask: a LocalCluster of 2 worker processes over the corpus repeated 200 times
(600 files) writes partitioned JSONL whose lines, sorted, are the single-process CLI's; and
extract_bag gives the CLI's claims as dicts (counted by kind over 30 files)."""
import collections
import json
import os
import shutil
import subprocess
import time

import pytest

from conftest import CLI, CORPUS, ROOT

distributed = pytest.importorskip("distributed")


def test_dask_600_files_equal_the_cli(tmp_path):
    from claimc.dask_bag import extract_bag, write_jsonl
    indir = tmp_path / "in"
    indir.mkdir()
    paths = []
    for i in range(200):
        for p in CORPUS:
            dst = indir / ("%03d-%s" % (i, os.path.basename(p)))
            shutil.copyfile(os.path.join(ROOT, p), dst)
            paths.append(str(dst))
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    try:
        with distributed.Client(cluster):
            t = time.perf_counter()
            s = write_jsonl(paths, str(tmp_path / "out"), npartitions=24)
            took = time.perf_counter() - t
            bag = extract_bag(paths[:30], npartitions=3)   # the claims as dicts, on the workers
            kinds = bag.pluck("kind").frequencies().compute()
    finally:
        cluster.close()
    assert s["files"] == 600 and len(s["parts"]) == 24 and not s["failed"]
    got = b"".join(open(p, "rb").read() for p in s["parts"])
    want = subprocess.run([CLI, "-f", "jsonl", "-j", "1"] + paths, stdout=subprocess.PIPE,
                          check=True).stdout
    assert want.count(b"\n") > 600 * 50
    assert sorted(got.splitlines()) == sorted(want.splitlines())
    first30 = [json.loads(l)["kind"] for l in subprocess.run(
        [CLI, "-f", "jsonl"] + paths[:30], stdout=subprocess.PIPE).stdout.splitlines()]
    assert dict(kinds) == dict(collections.Counter(first30))
    print("dask: 600 files in %.2f s on 2 workers" % took)
