#!/usr/bin/env python3
"""layout.py — issue 19's bar as a check: the modules of src/ call and include each other
without a circle, no stage reaches the driver, and no source file is over 700 lines.

A module is a name: src/NAME.c with src/NAME.h, or a generated build/NAME.c (the lexer, the
grammar claims.tab, the tables). Two graphs are checked, both must be acyclic:
- includes: NAME.c or NAME.h includes OTHER.h (quoted includes found in src/ or build/);
- calls: NAME.o needs a symbol OTHER.o defines (nm over build/obj/), the calls as linked.
Usage: tools/layout.py [OBJDIR]   (OBJDIR: build/obj; without objects only includes are checked)
"""
import os, re, subprocess, sys, glob

MAX_LINES = 700
# The driver and the programs above it: nothing below them may reach them.
DRIVER = {"pipeline"}
ABOVE_DRIVER = {"cli", "main", "extract", "compare_out"}

def stem(path):
    s = os.path.basename(path)
    for suf in (".tab.c", ".tab.h", ".c", ".h", ".o"):
        if s.endswith(suf):
            return s[: -len(suf)]
    return s

def include_graph():
    g = {}
    files = glob.glob("src/*.c") + glob.glob("src/*.h") + glob.glob("grammar/*.y") + glob.glob("grammar/*.re")
    for f in files:
        m = stem(f)
        if f.endswith(".y"):
            m = "claims"
        if f.endswith(".re"):
            m = "lexer"
        for line in open(f, encoding="utf-8"):
            r = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if r:
                o = stem(r.group(1))
                if o != m and (os.path.exists("src/" + r.group(1)) or r.group(1).endswith(".tab.h")):
                    g.setdefault(m, set()).add(o)
        g.setdefault(m, set())
    return g

def call_graph(objdir):
    defs, uses = {}, {}
    for o in glob.glob(os.path.join(objdir, "*.o")):
        m = stem(o)
        if not glob.glob("src/%s.c" % m) and not glob.glob("build/%s.c" % m) and m != "claims":
            continue   # left over from a module since removed
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDRBC":
                defs[parts[2]] = m
            elif len(parts) == 2 and parts[0] == "U":
                uses.setdefault(m, set()).add(parts[1])
    g = {}
    for m, syms in uses.items():
        g[m] = {defs[s] for s in syms if s in defs and defs[s] != m}
    for m in set(defs.values()):
        g.setdefault(m, set())
    return g

def cycles(g):
    """Tarjan's strongly connected components of more than one module."""
    index, low, on, stack, out, n = {}, {}, set(), [], [], [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1
        stack.append(v); on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    sys.setrecursionlimit(10000)
    for v in list(g):
        if v not in index:
            visit(v)
    return out

def reaches_driver(g):
    bad = []
    for m, outs in g.items():
        if m in DRIVER or m in ABOVE_DRIVER:
            continue
        hit = outs & (DRIVER | ABOVE_DRIVER)
        if hit:
            bad.append("%s -> %s" % (m, ", ".join(sorted(hit))))
    return bad

def main():
    objdir = sys.argv[1] if len(sys.argv) > 1 else "build/obj"
    problems = []
    graphs = [("includes", include_graph())]
    if glob.glob(os.path.join(objdir, "*.o")):
        graphs.append(("calls", call_graph(objdir)))
    for name, g in graphs:
        for c in cycles(g):
            problems.append("%s: a circle through %s" % (name, " ".join(c)))
        for b in reaches_driver(g):
            problems.append("%s: below the driver, %s" % (name, b))
    for f in sorted(glob.glob("src/*.[ch]") + glob.glob("include/*.h") + glob.glob("grammar/*.[yr]*")):
        n = sum(1 for _ in open(f, encoding="utf-8"))
        if n > MAX_LINES:
            problems.append("%s: %d lines (at most %d)" % (f, n, MAX_LINES))
    for p in problems:
        print(p)
    print("layout: %d modules, %d problems" % (len(graphs[-1][1]), len(problems)))
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
