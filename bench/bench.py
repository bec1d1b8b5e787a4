#!/usr/bin/env python3
"""bench.py — claimc's throughput, memory, scaling, parallel speed-up and the peer (`make bench`).

    bench/bench.py [--build DIR] [--runs N] [--timeout S] [--quick] [--no-peer]

Inputs are generated into DIR/bench/ by repeating corpus/ (regenerated when the corpus changes):
one file of at least 100 MB, the same bytes as many files, files of 10/25/50/100 MB for
scaling, 100,000 small JSONL records and 100,000 small files for memory over a batch, and a
200 KB slice for the peer. Every figure is the median of N runs (default 5). MB = 10^6 bytes.

Prints a table and writes every figure to DIR/bench.json. A target missed, or a run that takes
longer than the timeout, is reported in the table; the exit status is 1 only when a program
failed or is missing.
"""
import argparse
import datetime
import glob
import hashlib
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1e6
GENERATOR = 3          # bump when the generated inputs change shape

TARGETS = {            # from the performance issue
    "jsonl_mb_s": 150.0,        # full pipeline --format jsonl, one core
    "pipeline_vs_lexer": 0.50,  # in-process pipeline / lexer alone, same run
    "lexer_mb_s": 300.0,
    "peer_ratio": 2000.0,
    # issue 17: every format against jsonl, in the same rounds (CPU throughput ratios)
    "format_vs_jsonl": {"json": 0.6, "csv": 0.5, "html": 0.5},
    "doubling_time": 2.2,       # time per doubling of one line (or one file), at most
    "jobs2_speedup": 1.6,       # --jobs 2 / --jobs 1, wall, 2 cores, an idle machine
}
FORMATS = [("jsonl", ["--format", "jsonl"]), ("json", ["--format", "json"]),
           ("json_compact", ["--format", "json", "--compact"]), ("csv", ["--format", "csv"]),
           ("html", ["--format", "html"]), ("tokens", ["--format", "tokens"])]
LONG_LINE_KINDS = ("prose", "claims", "bare")   # bench/long_line.py


def die(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


def note(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# -- inputs -----------------------------------------------------------------------------------

def corpus_files():
    files = sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt")))
    if not files:
        die("no corpus/*.txt")
    out = []
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        if not data.endswith(b"\n"):
            data += b"\n"
        out.append((os.path.basename(f), data))
    return out


def sentences(corpus):
    """Lines of the corpus with a digit: the small documents of the batch tests."""
    out = []
    for _, data in corpus:
        for line in data.decode("utf-8").split("\n"):
            line = line.strip()
            if line and re.search(r"[0-9０-９]", line):
                out.append(line)
    if not out:
        die("the corpus has no line with a digit")
    return out


def write_repeated(path, blob, copies):
    with open(path, "wb") as fh:
        for _ in range(copies):
            fh.write(blob)


def generate(work, corpus, sizes_mb, batch):
    """Build the inputs unless DIR/bench/stamp.json says they are already there."""
    blob = b"".join(d for _, d in corpus)
    stamp = {
        "generator": GENERATOR,
        "corpus_sha256": hashlib.sha256(blob).hexdigest(),
        "sizes_mb": sizes_mb,
        "batch": batch,
    }
    stamp_path = os.path.join(work, "stamp.json")
    try:
        with open(stamp_path) as fh:
            if json.load(fh) == stamp:
                return
    except (OSError, ValueError):
        pass
    note("generating inputs in %s (once; `make clean` removes them)" % work)
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work, exist_ok=True)

    # one file per size: whole copies of the corpus, so every document stays whole
    for mb in sizes_mb:
        write_repeated(os.path.join(work, "one-%dMB.txt" % mb), blob,
                       math.ceil(mb * MB / len(blob)))
    # the largest size again as many files, one corpus report a file
    biggest = max(sizes_mb)
    copies = math.ceil(biggest * MB / len(blob))
    many = os.path.join(work, "many")
    os.makedirs(many)
    for i in range(copies):
        for name, data in corpus:
            with open(os.path.join(many, "%05d-%s" % (i, name)), "wb") as fh:
                fh.write(data)
    # a slice for the peer: the first 200 KB, cut after a line
    with open(os.path.join(work, "one-%dMB.txt" % biggest), "rb") as fh:
        head = fh.read(200_000)
    head = head[: head.rfind(b"\n") + 1]
    with open(os.path.join(work, "slice.txt"), "wb") as fh:
        fh.write(head)
    # the batch: small records and small files (a sentence each)
    sents = sentences(corpus)
    for n in (batch // 10, batch):
        with open(os.path.join(work, "records-%d.jsonl" % n), "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": "r%d" % i, "text": sents[i % len(sents)]},
                                    ensure_ascii=False) + "\n")
    small = os.path.join(work, "s")
    os.makedirs(small)
    for i in range(batch):
        with open(os.path.join(small, str(i)), "w", encoding="utf-8") as fh:
            fh.write(sents[i % len(sents)] + "\n")
    with open(stamp_path, "w") as fh:
        json.dump(stamp, fh)


# -- measuring --------------------------------------------------------------------------------

RSS_RE = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


def run_timed(cmd, runs, cwd, nbytes=None, timeout=None):
    """Run CMD RUNS times under /usr/bin/time -v, output to /dev/null. Peak RSS comes from
    time -v; wall time is measured here and CPU time (user + system, of the program and what it
    waited for) from wait4, both to the microsecond (time -v rounds to 10 ms). A run longer than
    TIMEOUT seconds stops the series: the result says timeout."""
    secs, cpus, rss = [], [], []
    for _ in range(runs):
        with open(os.devnull, "wb") as devnull, tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            p = subprocess.Popen(["/usr/bin/time", "-v"] + cmd, cwd=cwd, stdout=devnull,
                                 stderr=err, start_new_session=True)
            deadline = t0 + timeout if timeout else None
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if deadline and time.perf_counter() > deadline:
                    os.killpg(p.pid, signal.SIGKILL)   # time and the claimc it started
                    os.wait4(p.pid, 0)
                    note("timeout after %d s: %s" % (timeout, " ".join(cmd)[:200]))
                    return {"timeout_s": timeout, "bytes": nbytes}
                time.sleep(0.001)
            secs.append(time.perf_counter() - t0)
            p.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            text = err.read().decode("utf-8", "replace")
        m = RSS_RE.search(text)
        if p.returncode != 0 or not m:
            die("%s failed (exit %d):\n%s" % (" ".join(cmd)[:300], p.returncode, text[-2000:]))
        rss.append(int(m.group(1)) * 1024)
        cpus.append(ru.ru_utime + ru.ru_stime)
    r = {"median_s": statistics.median(secs), "runs_s": [round(s, 4) for s in secs],
         "cpu_median_s": statistics.median(cpus), "cpu_runs_s": [round(s, 4) for s in cpus],
         "rss_bytes": int(statistics.median(rss)), "rss_max_bytes": max(rss)}
    if nbytes:
        r["bytes"] = nbytes
        r["mb_per_s"] = nbytes / MB / r["median_s"]
        r["cpu_mb_per_s"] = nbytes / MB / r["cpu_median_s"]
    return r


def run_in_rounds(configs, runs, cwd, timeout):
    """Run each of CONFIGS ({name: (cmd, nbytes)}) RUNS times as run_timed does, but round by
    round, every one in each round: figures compared as ratios (growth with size, the --jobs
    speed-up) then see the same phases of this machine's drift, which moves its speed by a
    third over minutes. Returns {name: run_timed's result}; run k of each is from round k."""
    done = {name: [] for name in configs}
    for _ in range(runs):
        for name, (cmd, nbytes) in configs.items():
            if done[name] is not None:
                one = run_timed(cmd, 1, cwd, nbytes, timeout)
                done[name] = None if "timeout_s" in one else done[name] + [one]
    out = {}
    for name, (cmd, nbytes) in configs.items():
        rs = done[name]
        if rs is None:
            out[name] = {"timeout_s": timeout, "bytes": nbytes}
            continue
        secs = [x for r in rs for x in r["runs_s"]]
        cpus = [x for r in rs for x in r["cpu_runs_s"]]
        rss = [r["rss_bytes"] for r in rs]
        out[name] = {"median_s": statistics.median(secs), "runs_s": secs,
                     "cpu_median_s": statistics.median(cpus), "cpu_runs_s": cpus,
                     "rss_bytes": int(statistics.median(rss)), "rss_max_bytes": max(rss)}
        if nbytes:
            out[name].update(bytes=nbytes, mb_per_s=nbytes / MB / out[name]["median_s"],
                             cpu_mb_per_s=nbytes / MB / out[name]["cpu_median_s"])
    return out


def ratio_by_round(hi, lo, key, floor=0.0):
    """The median over the rounds of HI's run / LO's run (run_in_rounds results)."""
    return statistics.median(h / max(l, floor) for h, l in zip(hi[key], lo[key]))


def lexbench(exe, path, runs, split, only=None):
    cmd = ([exe, "-r", str(runs)] + (["-s"] if split else []) + (["-o", only] if only else [])
           + [path])
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("%s failed: %s" % (" ".join(cmd), p.stderr.decode()))
    return json.loads(p.stdout)


def peer(work, runs):
    peer_dir = os.path.join(ROOT, "bench", "peer")
    p = subprocess.run([os.path.join(peer_dir, "install.sh")], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return {"error": "bench/peer/install.sh failed: " + p.stdout.decode()[-1000:]}
    slice_path = os.path.join(work, "slice.txt")
    size = os.path.getsize(slice_path)
    p = subprocess.run(["node", os.path.join(peer_dir, "peer.js"), slice_path,
                        "--max-bytes", str(size + 1), "--runs", str(runs)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return {"error": "peer.js failed: " + p.stderr.decode()[-1000:]}
    return json.loads(p.stdout)


def sysinfo():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"date": datetime.datetime.now().isoformat(timespec="seconds"), "cpu": cpu,
            "cores": os.cpu_count(), "loadavg_at_start": os.getloadavg()[0],
            "kernel": platform.release()}


# -- the run ----------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (median; default 5)")
    ap.add_argument("--timeout", type=int, default=300,
                    help="seconds one run may take before its series is dropped (default 300)")
    ap.add_argument("--quick", action="store_true",
                    help="10 MB inputs, 3 runs, 10,000-document batch: to try the machinery")
    ap.add_argument("--no-peer", action="store_true", help="leave out the peer")
    args = ap.parse_args()

    build = os.path.abspath(args.build)
    claimc = os.path.join(build, "claimc")
    lexbench_exe = os.path.join(build, "bench", "lexbench")
    for exe in (claimc, lexbench_exe):
        if not os.access(exe, os.X_OK):
            die("%s is missing (run `make bench`)" % exe)
    runs = 3 if args.quick and args.runs == 5 else args.runs
    sizes = [1, 2, 5, 10] if args.quick else [10, 25, 50, 100]
    batch = 10_000 if args.quick else 100_000
    big = max(sizes)
    work = os.path.join(build, "bench", "input-quick" if args.quick else "input")

    info = sysinfo()
    corpus = corpus_files()
    generate(work, corpus, sizes, batch)
    one = "one-%dMB.txt" % big
    one_bytes = os.path.getsize(os.path.join(work, one))
    many = sorted(os.listdir(os.path.join(work, "many")))
    many_args = [os.path.join("many", f) for f in many]
    many_bytes = sum(os.path.getsize(os.path.join(work, a)) for a in many_args)
    res = {"system": info, "runs": runs, "quick": args.quick, "targets": TARGETS,
           "input": {"one_file": {"name": one, "bytes": one_bytes},
                     "many_files": {"files": len(many), "bytes": many_bytes},
                     "corpus_bytes": sum(len(d) for _, d in corpus)}}
    cl = [claimc, "-q"]
    timed = lambda argv, n=None: run_timed(cl + argv, runs, work, n, args.timeout)

    note("full pipeline, one file of %.0f MB" % (one_bytes / MB))
    res["one_file"] = {"jsonl": timed(["-j1", "--format", "jsonl", one], one_bytes),
                       "json": timed(["-j1", "--format", "json", one], one_bytes)}
    note("full pipeline, %d files, --jobs 1 and 2" % len(many))
    res["many_files"] = run_in_rounds({
        "jsonl_j1": (cl + ["-j1", "--format", "jsonl"] + many_args, many_bytes),
        "jsonl_j2": (cl + ["-j2", "--format", "jsonl"] + many_args, many_bytes),
        "json_j1": (cl + ["-j1", "--format", "json"] + many_args, many_bytes),
        "json_j2": (cl + ["-j2", "--format", "json"] + many_args, many_bytes)},
        runs, work, args.timeout)
    m = res["many_files"]
    if "median_s" in m["jsonl_j1"] and "median_s" in m["jsonl_j2"]:
        m["speedup_j2"] = ratio_by_round(m["jsonl_j1"], m["jsonl_j2"], "runs_s")
        m["cpu_ratio_j2"] = ratio_by_round(m["jsonl_j2"], m["jsonl_j1"], "cpu_runs_s")

    note("every --format against jsonl, one file of %.0f MB, in rounds" % (one_bytes / MB))
    fm = run_in_rounds({name: (cl + ["-j1"] + argv + [one], one_bytes) for name, argv in FORMATS},
                       runs, work, args.timeout)
    for name, _ in FORMATS:   # throughput against jsonl's: jsonl's time / the format's time
        if name != "jsonl" and "median_s" in fm[name] and "median_s" in fm["jsonl"]:
            fm[name]["vs_jsonl"] = ratio_by_round(fm["jsonl"], fm[name], "cpu_runs_s")
            fm[name]["vs_jsonl_wall"] = ratio_by_round(fm["jsonl"], fm[name], "runs_s")
    res["formats"] = fm

    lines_mb = [1, 4, 16] if args.quick else [1, 4, 16, 64]
    note("one line with no sentence end: %s MB, %s" % ("/".join(map(str, lines_mb)),
                                                       ", ".join(LONG_LINE_KINDS)))
    for kind in LONG_LINE_KINDS:
        for mb_ in lines_mb:
            path = os.path.join(work, "line-%s-%dMB.txt" % (kind, mb_))
            if not os.path.exists(path):
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "long_line.py"),
                                kind, str(mb_), path], check=True)
    lines = run_in_rounds({(kind, mb_): (cl + ["-j1", "--format", "jsonl",
                                               "line-%s-%dMB.txt" % (kind, mb_)],
                                         os.path.getsize(os.path.join(
                                             work, "line-%s-%dMB.txt" % (kind, mb_))))
                           for kind in LONG_LINE_KINDS for mb_ in lines_mb},
                          runs, work, args.timeout)
    res["long_lines"] = {kind: [dict(mb=mb_, **lines[kind, mb_]) for mb_ in lines_mb]
                         for kind in LONG_LINE_KINDS}

    note("in process: the lexer alone, the pipeline, and the pipeline stage by stage")
    # in process a run is short: more of them. The lexer and the pipeline alone, in 4 * runs + 1
    # pairs (21): one pair's ratio moves by a fifth either way with this machine's noise, and
    # the median of nine still by 0.03-0.04; then every stage, in 2 * runs - 1 rounds, for the
    # split of the pipeline's time
    res["in_process"] = lexbench(lexbench_exe, os.path.join(work, one), 2 * runs - 1, True)
    res["in_process"]["pairs"] = lexbench(lexbench_exe, os.path.join(work, one), 4 * runs + 1,
                                          False)

    note("scaling: %s MB" % "/".join(map(str, sizes)))
    sized = {mb: os.path.getsize(os.path.join(work, "one-%dMB.txt" % mb)) for mb in sizes}
    grown = run_in_rounds({(mb, fmt): (cl + ["-j1", "--format", fmt, "one-%dMB.txt" % mb], n)
                           for mb, n in sized.items() for fmt in ("jsonl", "json")},
                          runs, work, args.timeout)
    scaling = [{"mb": mb, "bytes": n, "jsonl": grown[mb, "jsonl"], "json": grown[mb, "json"]}
               for mb, n in sized.items()]
    res["scaling"] = scaling
    lo, hi = scaling[0], scaling[-1]
    res["scaling_summary"] = {}
    for fmt in ("jsonl", "json"):
        if "median_s" in lo[fmt] and "median_s" in hi[fmt]:
            res["scaling_summary"][fmt] = {
                "size_ratio": hi["bytes"] / lo["bytes"],
                "time_ratio": ratio_by_round(hi[fmt], lo[fmt], "runs_s", 0.005),
                "cpu_ratio": ratio_by_round(hi[fmt], lo[fmt], "cpu_runs_s", 0.005),
                "rss_ratio": hi[fmt]["rss_bytes"] / lo[fmt]["rss_bytes"]}

    note("memory over a batch of %d small documents" % batch)
    small = [os.path.join("s", str(i)) for i in range(batch)]
    res["batch"] = {
        "documents": batch,
        "records_small": timed(["-j1", "--input", "jsonl", "--format", "jsonl",
                                "records-%d.jsonl" % (batch // 10)]),
        "records": timed(["-j1", "--input", "jsonl", "--format", "jsonl",
                          "records-%d.jsonl" % batch]),
        "files_small": timed(["-j2", "--format", "jsonl"] + small[: batch // 10]),
        "files": timed(["-j2", "--format", "jsonl"] + small),
        # the paths are the process's own memory (argv: each string and its pointer)
        "argv_bytes_small": sum(len(a) + 1 + 8 for a in small[: batch // 10]),
        "argv_bytes": sum(len(a) + 1 + 8 for a in small)}

    if args.no_peer:
        res["peer"] = {"skipped": True}
    else:
        note("the peer (Recognizers-Text) on a %d-byte slice; this takes a while"
             % os.path.getsize(os.path.join(work, "slice.txt")))
        res["peer"] = peer(work, runs)
        # the pipeline alone, run after run, as the peer's loop runs: the slice fits in the
        # caches, and a lexer run between two would empty them of the pipeline's code
        mine = lexbench(lexbench_exe, os.path.join(work, "slice.txt"), 101, False, "pipeline")
        res["peer"]["claimc_in_process"] = mine["pipeline"]
        if "mb_per_s" in res["peer"]:
            res["peer"]["ratio"] = mine["pipeline"]["mb_per_s"] / res["peer"]["mb_per_s"]
            if "mb_per_s" in res["one_file"]["jsonl"]:
                res["peer"]["ratio_cli"] = (res["one_file"]["jsonl"]["mb_per_s"]
                                            / res["peer"]["mb_per_s"])

    res["verdict"] = verdict(res)
    out = os.path.join(build, "bench.json")
    with open(out, "w") as fh:
        json.dump(res, fh, indent=1)
    print(table(res))
    print("\nwritten: %s" % out)


def verdict(r):
    """Each target: its value, the target and whether it is met. Throughput is judged by CPU
    time (one core's work, what other processes on the machine do not change); the peer ratio by
    wall time on both sides."""
    ip = r["in_process"]
    out = {}

    def target(key, value, goal, met=None):
        out[key] = {"value": value, "target": goal,
                    "met": (value is not None and value >= goal) if met is None else met}

    target("jsonl_mb_s", r["one_file"]["jsonl"].get("cpu_mb_per_s"), TARGETS["jsonl_mb_s"])
    target("pipeline_vs_lexer", ip["pairs"]["cpu_ratio"], TARGETS["pipeline_vs_lexer"])
    target("lexer_mb_s", ip["pairs"]["lex"]["cpu_mb_per_s"], TARGETS["lexer_mb_s"])
    target("peer_ratio", r["peer"].get("ratio"), TARGETS["peer_ratio"])
    # linear: time and memory grow no faster than the input, with 25% slack for noise and the
    # fixed start-up cost
    for fmt in ("jsonl", "json"):
        s = r["scaling_summary"].get(fmt)
        if s:
            bound = s["size_ratio"] * 1.25
            target("linear_" + fmt, [s["cpu_ratio"], s["rss_ratio"]], "<= %.2f" % bound,
                   max(s["cpu_ratio"], s["rss_ratio"]) <= bound)
        else:
            target("linear_" + fmt, None, "timeout", False)
    # every format against jsonl, by CPU time in the same rounds
    for name, goal in TARGETS["format_vs_jsonl"].items():
        target("%s_vs_jsonl" % name, r["formats"].get(name, {}).get("vs_jsonl"), goal)
    # each doubling of the input costs at most 2.2 times the time: one line (the largest step)
    # and the files of 10-100 MB, by CPU time (a 1 MB run's fixed cost floored at 10 ms)
    worst = None
    for kind, series in r.get("long_lines", {}).items():
        for a, b in zip(series, series[1:]):
            if "cpu_runs_s" not in a or "cpu_runs_s" not in b:
                worst = float("inf")
                continue
            per = ratio_by_round(b, a, "cpu_runs_s", 0.01) ** (1 / math.log2(b["mb"] / a["mb"]))
            worst = per if worst is None else max(worst, per)
    target("one_line_doubling", worst, "<= %.1f" % TARGETS["doubling_time"],
           worst is not None and worst <= TARGETS["doubling_time"])
    for fmt, sm in r["scaling_summary"].items():
        per = sm["cpu_ratio"] ** (1 / math.log2(sm["size_ratio"]))
        target("file_doubling_" + fmt, per, "<= %.1f" % TARGETS["doubling_time"],
               per <= TARGETS["doubling_time"])
    m = r["many_files"]
    target("jobs2_speedup", m.get("speedup_j2"), TARGETS["jobs2_speedup"])
    # constant: ten times more documents need no more memory (25% + 8 MiB of slack)
    b = r["batch"]
    for kind in ("records", "files"):
        small, big = b[kind + "_small"].get("rss_bytes"), b[kind].get("rss_bytes")
        # files: the paths themselves are on the command line, and grow with the batch
        paths = b["argv_bytes"] - b["argv_bytes_small"] if kind == "files" else 0
        target("constant_memory_" + kind, [small, big],
               "no growth" + (" beyond argv" if paths else ""),
               small is not None and big is not None and big - paths <= small * 1.25 + 8 * 2**20)
    return out


def table(r):
    L = []
    mb = lambda n: "%.1f" % (n / MB)
    mib = lambda n: "%.1f" % (n / 2**20)
    sysi = r["system"]
    L.append("claimc benchmark, %s, %s, %d cores, load average %.2f at the start; medians of "
             "%d runs; MB = 10^6 bytes" % (sysi["date"], sysi["cpu"], sysi["cores"],
                                            sysi["loadavg_at_start"], r["runs"]))
    L.append("MB/s by wall time, and by CPU time (user + system: one core's work, what other "
             "load on the machine leaves alone)")
    inp = r["input"]
    L.append("input: corpus/ (%d bytes) repeated: one file of %s MB; %d files, %s MB in all"
             % (inp["corpus_bytes"], mb(inp["one_file"]["bytes"]), inp["many_files"]["files"],
                mb(inp["many_files"]["bytes"])))

    def row(name, x):
        if "timeout_s" in x:
            L.append("%-44s %s" % (name, "timeout: one run took over %d s" % x["timeout_s"]))
            return
        L.append("%-44s %8s %8s %9.3f %9.3f %10s" % (
            name, "%.1f" % x["mb_per_s"] if "mb_per_s" in x else "",
            "%.1f" % x["cpu_mb_per_s"] if "cpu_mb_per_s" in x else "",
            x["median_s"], x["cpu_median_s"], mib(x["rss_bytes"])))

    head = "%-44s %8s %8s %9s %9s %10s" % ("", "MB/s", "MB/s", "wall s", "CPU s", "peak RSS")
    L.append("")
    L.append(head)
    L.append("%-44s %8s %8s %9s %9s %10s" % ("full pipeline, output to /dev/null", "wall",
                                             "CPU", "", "", "MiB"))
    row("one file, --format jsonl -j1", r["one_file"]["jsonl"])
    row("one file, --format json -j1", r["one_file"]["json"])
    m = r["many_files"]
    nf = inp["many_files"]["files"]
    row("%d files, --format jsonl -j1" % nf, m["jsonl_j1"])
    row("%d files, --format jsonl -j2" % nf, m["jsonl_j2"])
    row("%d files, --format json -j1" % nf, m["json_j1"])
    if "json_j2" in m:
        row("%d files, --format json -j2" % nf, m["json_j2"])
    if "speedup_j2" in m:
        L.append("%-44s %7.2fx  (wall time, the median of the rounds' ratios; 2 cores)"
                 % ("parallel speed-up, --jobs 2 / --jobs 1", m["speedup_j2"]))
        L.append("%-44s %7.2fx  (CPU time: what the second job costs in all)"
                 % ("CPU time, --jobs 2 / --jobs 1", m["cpu_ratio_j2"]))

    if "formats" in r:
        L.append("")
        L.append("every --format, one file of %s MB, -j1, in the same rounds (throughput / "
                 "jsonl's, by CPU and wall time)" % mb(inp["one_file"]["bytes"]))
        for name, _ in FORMATS:
            x = r["formats"][name]
            row("  " + name.replace("_", " --"), x)
            if "vs_jsonl" in x:
                L[-1] += "   x%.2f (wall x%.2f)" % (x["vs_jsonl"], x["vs_jsonl_wall"])

    if "long_lines" in r:
        L.append("")
        L.append("one line with no sentence end (bench/long_line.py), --format jsonl -j1: "
                 "CPU s / peak RSS MiB")
        kinds = list(r["long_lines"])
        L.append("%8s   " % "MB" + "   ".join("%20s" % k for k in kinds))
        for i, s0 in enumerate(r["long_lines"][kinds[0]]):
            cells = []
            for k in kinds:
                x = r["long_lines"][k][i]
                cells.append("%20s" % ("timeout" if "timeout_s" in x else
                                       "%8.3f %8s" % (x["cpu_median_s"], mib(x["rss_bytes"]))))
            L.append("%8d   " % s0["mb"] + "   ".join(cells))

    ip = r["in_process"]
    L.append("")
    L.append("in process (bench/lexbench: %s MB in memory, reading not timed)" % mb(ip["bytes"]))

    def irow(name, x):
        L.append("%-44s %8.1f %8.1f %9.3f %9.3f" % (name, x["mb_per_s"], x["cpu_mb_per_s"],
                                                    x["median_s"], x["cpu_median_s"]))
    pairs = ip["pairs"]
    irow("lexer alone: cl_lex until END", pairs["lex"])
    irow("pipeline: JSON Lines while parsing (CLI)", pairs["pipeline"])
    lo, hi = pairs["cpu_ratio_range"]
    L.append("%-44s %8.2f %8.2f   (%d tokens)" % ("ratio pipeline / lexer", pairs["ratio"],
                                                  pairs["cpu_ratio"], pairs["tokens"]))
    L.append("  the median of %d pairs of runs side by side; by CPU time the pairs ranged "
             "%.2f-%.2f, and the fastest runs' ratio is %.2f" % (pairs["runs"], lo, hi,
                                                             pairs["cpu_ratio_fastest"]))
    L.append("each stage alone, in %d rounds of every stage (the pipeline again, for the split):"
             % ip["runs"])
    irow("  lexer alone: cl_lex until END", ip["lex"])
    irow("  pipeline: JSON Lines while parsing (CLI)", ip["pipeline"])
    for key, name in [("pipeline_tree", "  whole document, then cl_write_jsonl"),
                      ("decode", "  decode: UTF-8 check, copy"),
                      ("filter", "  lexer + token filter"),
                      ("parse", "  cl_parse: decode, lexer, filter, grammar"),
                      ("parse_each", "  the pipeline, claims dropped, not written"),
                      ("emit", "  cl_write_jsonl of a parsed document"),
                      ("emit_cjson", "  the same JSONL through cJSON (the reference)"),
                      ("emit_json", "  cl_write_json (compact), same document")]:
        if key in ip:
            irow(name, ip[key])
    stages = ("decode", "lex", "filter", "parse_each", "pipeline")
    if all(k in ip for k in stages):
        t = {k: ip[k]["cpu_median_s"] for k in stages}
        total = t["pipeline"]
        parts = [("decode", t["decode"]), ("lexer", t["lex"]),
                 ("filter", t["filter"] - t["lex"]),
                 ("grammar+builder", t["parse_each"] - t["filter"] - t["decode"]),
                 ("JSONL writer", t["pipeline"] - t["parse_each"])]
        L.append("  the pipeline's CPU time: " + ", ".join(
            "%s %.0f%%" % (n, 100 * max(x, 0) / total) for n, x in parts))

    L.append("")
    L.append("scaling, one file, -j1        --format jsonl                  --format json")
    L.append("%8s   %8s %8s %10s   %8s %8s %10s" % ("MB", "CPU s", "MB/s", "RSS MiB",
                                                  "CPU s", "MB/s", "RSS MiB"))
    for s in r["scaling"]:
        cells = []
        for fmt in ("jsonl", "json"):
            x = s[fmt]
            cells.append("%8s %8s %10s" % (("timeout",) * 3) if "timeout_s" in x else
                         "%8.3f %8.1f %10s" % (x["cpu_median_s"], x["cpu_mb_per_s"],
                                               mib(x["rss_bytes"])))
        L.append("%8s   %s   %s" % (mb(s["bytes"]), cells[0], cells[1]))
    for fmt, s in r["scaling_summary"].items():
        L.append("  %s: input x%.1f -> CPU time x%.2f (wall x%.2f; medians of the rounds' "
                 "ratios), peak RSS x%.2f"
                 % (fmt, s["size_ratio"], s["cpu_ratio"], s["time_ratio"], s["rss_ratio"]))

    b = r["batch"]
    n = b["documents"]
    L.append("")
    L.append("memory over a batch, peak RSS MiB          %12s %12s" % ("%d docs" % (n // 10),
                                                                     "%d docs" % n))
    for kind, name in (("records", "--input jsonl, one-sentence records, -j1"),
                       ("files", "one-sentence files, --jobs 2")):
        small, big = b[kind + "_small"], b[kind]
        L.append("  %-41s %12s %12s   (%s s wall for %d)"
                 % (name, mib(small["rss_bytes"]) if "rss_bytes" in small else "timeout",
                    mib(big["rss_bytes"]) if "rss_bytes" in big else "timeout",
                    "%.2f" % big["median_s"] if "median_s" in big else "-", n))
    if "argv_bytes" in b:
        L.append("  (the files' paths are on the command line: %s MiB of argv for %d, %s MiB "
                 "for %d)" % (mib(b["argv_bytes_small"]), n // 10, mib(b["argv_bytes"]), n))

    p = r["peer"]
    L.append("")
    if p.get("skipped"):
        L.append("peer: left out (--no-peer)")
    elif "error" in p:
        L.append("peer: not measured: " + p["error"])
    else:
        L.append("peer: Recognizers-Text %s, zh-cn number, percentage, currency and dimension "
                 "models, sentence by sentence" % p["version"])
        L.append("  the same slice: %d bytes, %d sentences; the peer finds %d results"
                 % (p["bytes"], p["sentences"], p["results"]))
        L.append("%-44s %8.4f %8s %9.3f" % ("  peer (its recognition loop)", p["mb_per_s"], "",
                                             p["median_s"]))
        ci = p["claimc_in_process"]
        L.append("%-44s %8.1f %8.1f %9.5f" % ("  claimc pipeline, in process", ci["mb_per_s"],
                                               ci["cpu_mb_per_s"], ci["median_s"]))
        L.append("%-44s %7.0fx" % ("  claimc / peer (wall / wall)", p["ratio"]))
        if "ratio_cli" in p:
            L.append("%-44s %7.0fx" % ("  claimc CLI on the one big file / peer", p["ratio_cli"]))

    L.append("")
    L.append("targets")
    for k, v in r["verdict"].items():
        val = v["value"]
        if val is None:
            text = "not measured"
        elif isinstance(val, list):
            text = " / ".join("?" if x is None else ("%.2f" % x) if isinstance(x, float)
                              else mib(x) + " MiB" for x in val)
        else:
            text = "%.2f" % val
        goal = v["target"] if isinstance(v["target"], str) else "%.2f" % v["target"]
        L.append("  %-26s %-28s target %-22s %s" % (k, text, goal,
                                                    "met" if v["met"] else "MISSED"))
    return "\n".join(L)


if __name__ == "__main__":
    main()
