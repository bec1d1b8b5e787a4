"""dask_bag.py — claimc over a Dask cluster: a bag of files, partitioned JSON Lines out.

    from dask.distributed import Client, LocalCluster
    from claimc.dask_bag import write_jsonl, extract_bag
    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))   # or Client("tcp://host:8786")
    summary = write_jsonl(paths, "out/", npartitions=64)   # out/part-00000.jsonl ...
    bag = extract_bag(paths)                               # a dask.bag of claim dicts

Each partition is one batch of the library's (its files parsed on JOBS threads of the worker)
and writes its records as the CLI writes them, not decoded into dicts on the way. Every worker
needs claimc importable (PYTHONPATH, or `pip install ./python` on each machine) and its
libclaimc.so.0. Also a command: python3 -m claimc.dask_bag --help."""
import argparse
import os
import sys

from . import _native, extract_many

__all__ = ["extract_bag", "write_jsonl"]


def _extract_partition(paths, jobs, errors):
    return extract_many(list(paths), jobs=jobs, errors=errors)


def extract_bag(paths, npartitions=None, jobs=1, errors="warn"):
    """A dask.bag of the claims (dicts, as claimc.extract_many gives them) of PATHS."""
    import dask.bag as db
    paths = [os.fspath(p) for p in paths]
    b = db.from_sequence(paths, npartitions=npartitions or min(len(paths), 100) or 1)
    return b.map_partitions(_extract_partition, jobs, errors)


def _write_partition(paths, out, jobs):
    """One partition: its files' JSONL into OUT (written beside it, renamed when whole).
    Returns (OUT, files, claims' bytes, [(path, first error)] of the files that failed)."""
    paths = list(paths)
    tmp = out + ".tmp"
    failed, size = [], 0
    with open(tmp, "wb") as f:
        for path, (jsonl, diags, bad) in zip(paths, _native.batch([os.fsencode(p) for p in paths], jobs)):
            f.write(jsonl)
            size += len(jsonl)
            if bad:
                failed.append((path, diags.decode("utf-8", "replace").split("\n", 1)[0]))
    os.replace(tmp, out)
    return out, len(paths), size, failed


def write_jsonl(paths, outdir, npartitions=None, jobs=1):
    """Parse PATHS on the current Dask scheduler (a Client's cluster, else local threads) into
    OUTDIR/part-NNNNN.jsonl, one file per partition, in input order within each; the lines are
    byte for byte those of `claimc --format jsonl` on the same files. Returns a summary dict:
    parts, files, bytes, failed ([(path, first error)]: files the CLI would exit 1 for)."""
    import dask
    import dask.bag as db
    paths = [os.fspath(p) for p in paths]
    os.makedirs(outdir, exist_ok=True)
    n = npartitions or max(1, min(len(paths), 100))
    parts = db.from_sequence(paths, npartitions=n).to_delayed()
    tasks = [dask.delayed(_write_partition)(p, os.path.join(outdir, "part-%05d.jsonl" % i), jobs)
             for i, p in enumerate(parts)]
    done = dask.compute(*tasks)
    return {"parts": [d[0] for d in done], "files": sum(d[1] for d in done),
            "bytes": sum(d[2] for d in done), "failed": [x for d in done for x in d[3]]}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m claimc.dask_bag",
                                 description="claimc over Dask: files in, partitioned JSON Lines out")
    ap.add_argument("files", nargs="*", help="input files (or --from FILE with one path a line)")
    ap.add_argument("--from", dest="listing", help="read the input paths from this file")
    ap.add_argument("-o", "--out", required=True, help="output directory (part-NNNNN.jsonl)")
    ap.add_argument("--scheduler", help="a running scheduler's address (tcp://host:8786); "
                                        "default: a LocalCluster on this machine")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--partitions", type=int, help="partitions (default: min(files, 100))")
    ap.add_argument("--jobs", type=int, default=1, help="library threads per partition")
    a = ap.parse_args(argv)
    paths = list(a.files)
    if a.listing:
        paths += [l.rstrip("\n") for l in open(a.listing, encoding="utf-8") if l.strip()]
    from dask.distributed import Client, LocalCluster
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        client = Client(LocalCluster(n_workers=a.workers, threads_per_worker=1,
                                     dashboard_address=None))
    with client:
        s = write_jsonl(paths, a.out, npartitions=a.partitions, jobs=a.jobs)
    print("%d files, %d parts, %d bytes of JSONL in %s" % (s["files"], len(s["parts"]), s["bytes"], a.out))
    for path, why in s["failed"]:
        print("%s: error: %s" % (path, why), file=sys.stderr)
    return 1 if s["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
