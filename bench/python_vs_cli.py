#!/usr/bin/python3
"""python_vs_cli.py — claimc.extract_many against the CLI on the same files (issue 18's bar:
extract_many's throughput within 20% of the CLI's).

    make bench-python                              corpus/*.txt and corpus/genres/*.txt, copied
                                                   25 times (200 files), jobs 1 and 2, 7 rounds
    bench/python_vs_cli.py --build build --rounds 9 --jobs 2 [--modes cli,dicts,raw,pure] [FILE...]

Each round runs every measure once, for each --jobs, side by side (this VM's speed drifts by
half within seconds, so series run one after another would each catch another phase):
  cli    `claimc -q -f jsonl -j J FILE...` writing to /dev/null (a process: its start counts);
  dicts  `extract_many(paths, jobs=J)`, in this process, then every record looked at as a dict;
  raw    `iter_many(paths, jobs=J, raw=True)`: the library's JSONL bytes per file, no dicts;
  pure   `extract_many` with the C extension off (json.loads: the pure-ctypes path);
  cold   `extract_many` as the first call of a fresh interpreter (timed inside it, after the
         import): its records land in memory the process never touched, every page a fault;
  before (with --before DIR) `extract_many` of another copy of the package (DIR/claimc, e.g.
         main's, its _fastdict built inside it) in a fresh interpreter, timed on its second
         call, and `after`: this package the same way (the two side by side, same conditions).
For each: the median wall time, CPU time (user + system of the process: the library's threads
count; the CLI's from wait4), the calling thread's CPU time ("gil": the records are made there,
under the GIL; the rest is the library's threads) and minor page faults, and each one's ratio
to the CLI's as the median of the rounds' ratios. The load average is printed at the start and
the end; figures go to BUILD/bench-python.json too.

Wall time on this shared VM says little (each run gets the share of the 2 cores the scheduler
gives it), so the table ends with what the CPU times imply on CORES idle cores (--cores, default
the machine's): the CLI takes cpu/min(J, CORES); extract_many at least the largest of its
calling thread's CPU (gil, one thread), its library threads' (cpu - gil) over J, and its whole
CPU over min(J + 1, CORES).

--instructions also counts instructions under valgrind (callgrind), the measure that does not
move with the machine's load: the CLI's whole run, and extract_many's (a fresh interpreter
that imports claimc and calls it, less one that only imports); its threads are all counted."""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
sys.path.insert(0, os.path.join(ROOT, "python"))


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--jobs", default="1,2", help="comma-separated: 1,2")
    ap.add_argument("--copies", type=int, default=25, help="copies of each corpus file")
    ap.add_argument("--modes", default="cli,dicts,cold,raw,pure")
    ap.add_argument("--instructions", action="store_true", help="callgrind counts too")
    ap.add_argument("--before", help="a directory holding another claimc package: measured "
                    "side by side with this one (modes before, after)")
    ap.add_argument("--cores", type=int, default=os.cpu_count(), help="for the implied ratios")
    ap.add_argument("files", nargs="*", help="instead of the corpus copies")
    return ap.parse_args()


def corpus_copies(build, copies):
    """COPIES copies of each corpus report under distinct names (the claims' "doc" differs)."""
    src = sorted(glob.glob(os.path.join(ROOT, "corpus/*.txt")) +
                 glob.glob(os.path.join(ROOT, "corpus/genres/*.txt")))
    out = os.path.join(build, "bench-python")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    paths = []
    for i in range(copies):
        for s in src:
            p = os.path.join(out, "%03d-%s" % (i, os.path.basename(s)))
            shutil.copyfile(s, p)
            paths.append(p)
    return paths


def instructions(argv, **env):
    """Instructions of ARGV's run under callgrind (every thread), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"), **env)
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                         check=True).stderr
    refs = [l for l in out.splitlines() if "refs:" in l]
    return int(refs[-1].split("refs:")[1].replace(",", "")) if refs else None


def count_instructions(cli_bin, paths, report):
    code = ("import os, sys, claimc\n"   # os._exit: the records' deallocation is not counted
            "if sys.argv[1] != 'import':\n"
            "    records = claimc.extract_many(sys.argv[2:], jobs=1, errors='ignore')\n"
            "os._exit(0)\n")
    py = [sys.executable, "-c", code]
    cli = instructions([cli_bin, "-q", "-f", "jsonl", "-j", "1"] + paths)
    base = instructions(py + ["import"] + paths)
    many = instructions(py + ["many"] + paths)
    if None in (cli, base, many):
        print("instructions: valgrind not found")
        return
    pure = instructions(py + ["many"] + paths, CLAIMC_NO_FASTDICT="1")
    print("instructions (callgrind, jobs 1): CLI %.0f M; extract_many %.0f M (%.2fx), "
          "with json.loads %.0f M (%.2fx)" % (cli / 1e6, (many - base) / 1e6, (many - base) / cli,
                                              (pure - base) / 1e6, (pure - base) / cli))
    report["instructions"] = {"cli": cli, "extract_many": many - base, "json_loads": pure - base}


SUBPROCESS = ("cold", "before", "after")   # timed inside a fresh interpreter


def implied(run, jobs, cores, cli):
    """The wall time RUN's CPU times imply on CORES idle cores (see --help)."""
    if cli:
        return run["cpu"] / min(jobs, cores)
    lib = run["cpu"] - run["gil"]
    return max(run["gil"], lib / jobs, run["cpu"] / min(jobs + 1, cores))


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def main():
    args = parse_args()
    build = os.path.abspath(args.build)
    os.environ.setdefault("CLAIMC_LIBRARY", os.path.join(build, "libclaimc.so.0"))
    import claimc
    from claimc import _records

    cli_bin = os.path.join(build, "claimc")
    paths = args.files or corpus_copies(build, args.copies)
    size = sum(os.path.getsize(p) for p in paths)
    jobs_list = [int(j) for j in args.jobs.split(",")]
    modes = args.modes.split(",")

    def cli(jobs):
        subprocess.run([cli_bin, "-q", "-f", "jsonl", "-j", str(jobs)] + paths,
                       stdout=subprocess.DEVNULL, check=False)

    def dicts(jobs):   # the records are freed after the clock stops
        records = claimc.extract_many(paths, jobs=jobs, errors="ignore")
        assert all(isinstance(r, dict) for r in records)
        return records

    def raw(jobs):
        return sum(len(b) for _, b in claimc.iter_many(paths, jobs=jobs, errors="ignore", raw=True))

    fresh_code = ("import json, resource, sys, time, claimc\n"
                  "jobs, calls, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]\n"
                  "for _ in range(calls - 1):\n"
                  "    claimc.extract_many(paths, jobs=jobs, errors='ignore')\n"
                  "r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()\n"
                  "g0 = time.thread_time()\n"
                  "records = claimc.extract_many(paths, jobs=jobs, errors='ignore')\n"
                  "assert all(isinstance(r, dict) for r in records)\n"
                  "g1, t1 = time.thread_time(), time.perf_counter()\n"
                  "r1 = resource.getrusage(resource.RUSAGE_SELF)\n"
                  "print(json.dumps({'wall': t1 - t0, 'cpu': r1.ru_utime + r1.ru_stime - "
                  "r0.ru_utime - r0.ru_stime, 'gil': g1 - g0, 'sys': r1.ru_stime - r0.ru_stime, "
                  "'minflt': r1.ru_minflt - r0.ru_minflt}))\n")

    def fresh(package, jobs, calls):
        out = subprocess.run([sys.executable, "-c", fresh_code, str(jobs), str(calls)] + paths,
                             check=True, stdout=subprocess.PIPE,
                             env=dict(os.environ, PYTHONPATH=package))
        return json.loads(out.stdout)

    def cold(jobs):
        cold.last = fresh(os.path.join(ROOT, "python"), jobs, 1)

    def before(jobs):
        before.last = fresh(os.path.abspath(args.before), jobs, 2)

    def after(jobs):
        after.last = fresh(os.path.join(ROOT, "python"), jobs, 2)

    def pure(jobs):
        fast, _records.fastdict = _records.fastdict, None
        try:
            return dicts(jobs)
        finally:
            _records.fastdict = fast

    funcs = {"cli": cli, "dicts": dicts, "raw": raw, "pure": pure, "cold": cold,
             "before": before, "after": after}
    if args.before:
        modes += [m for m in ("before", "after") if m not in modes]
    claims = len(dicts(1))   # warm the page cache and count
    start_load = load()
    print("%d files, %.2f MB, %d claims; %d rounds; load average at the start %s" % (
        len(paths), size / 1e6, claims, args.rounds, start_load))
    print("dicts made by %s" % ("claimc._fastdict" if _records.fastdict else
                                "json.loads (the extension is not built)"))
    runs = {(m, j): [] for j in jobs_list for m in modes}
    for _ in range(args.rounds):
        for j in jobs_list:
            for m in modes:
                who = resource.RUSAGE_CHILDREN if m == "cli" else resource.RUSAGE_SELF
                r0, t0, g0 = resource.getrusage(who), time.perf_counter(), time.thread_time()
                inside = funcs[m](j)
                g1, t1, r1 = time.thread_time(), time.perf_counter(), resource.getrusage(who)
                del inside   # dicts' records: freed here, not timed
                cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime
                runs[(m, j)].append(funcs[m].last if m in SUBPROCESS else {
                    "wall": t1 - t0, "cpu": cpu,
                    "gil": cpu if m == "cli" else g1 - g0,   # the CLI: all its threads
                    "sys": r1.ru_stime - r0.ru_stime,
                    "minflt": r1.ru_minflt - r0.ru_minflt})
    end_load = load()

    labels = {"cli": "CLI -f jsonl > /dev/null", "dicts": "extract_many -> dicts",
              "raw": "iter_many(raw=True): JSONL bytes", "pure": "extract_many, json.loads",
              "cold": "extract_many, a fresh process", "before": "--before's, 2nd call",
              "after": "this package's, 2nd call"}
    report = {"files": len(paths), "bytes": size, "claims": claims, "rounds": args.rounds,
              "load_start": start_load, "load_end": end_load, "figures": {}}
    print("%-34s %4s %8s %8s %8s %7s %7s %9s %8s %8s" % (
        "", "jobs", "wall s", "cpu s", "gil s", "sys s", "faults", "wall/CLI", "cpu/CLI",
        "implied"))
    for j in jobs_list:
        base = runs.get(("cli", j))
        for m in modes:
            rs = runs[(m, j)]
            med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            ratio = {k: statistics.median(r[k] / c[k] for r, c in zip(rs, base) if c[k] > 0)
                     for k in ("wall", "cpu")} if base else {"wall": 0, "cpu": 0}
            if base and m not in ("raw", "pure"):   # those two make no dicts: not the bar's
                ratio["implied"] = statistics.median(
                    implied(r, j, args.cores, m == "cli") / implied(c, j, args.cores, True)
                    for r, c in zip(rs, base))
            print("%-34s %4d %8.3f %8.3f %8.3f %7.3f %7d %8.2fx %7.2fx %8s" % (
                labels[m], j, med["wall"], med["cpu"], med["gil"], med["sys"], med["minflt"],
                ratio["wall"], ratio["cpu"],
                "%.2fx" % ratio["implied"] if "implied" in ratio else "-"))
            report["figures"]["%s-j%d" % (m, j)] = dict(median=med, ratio_to_cli=ratio)
    print("load average at the end %s (ratios: medians of the rounds' ratios; implied: the wall "
          "time the CPU times imply on %d idle cores, --help)" % (end_load, args.cores))
    if args.instructions:
        count_instructions(cli_bin, paths, report)
    with open(os.path.join(build, "bench-python.json"), "w") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
