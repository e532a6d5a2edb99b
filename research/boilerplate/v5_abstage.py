"""Same-moment A/B of the stage as the pipeline breakdown measures it (fresh process, one pass
over the 2000 generated documents in batches of 32, import and model load included):
session-start lines.py vs the worktree's, alternating, 4 runs each; min and median."""
import os, subprocess, sys, statistics
CHILD = r'''
import json, sys, time, importlib.util
from pathlib import Path
sys.path.insert(0, "/work/wt-bp/benchmarks")
from corearchive.testing import make_document
docs = []
for p in sorted(Path("/work/scratch/bp4/corebench/corpus-2000").glob("*.jsonl")):
    for ln in p.open():
        docs.append(make_document(json.loads(ln)["text"]))
import numpy, corearchive_plugins.boilerplate
t0 = time.process_time()
if sys.argv[1] == "orig":
    spec = importlib.util.spec_from_file_location("corearchive_plugins.boilerplate.lines", "/work/scratch/bp4/lines_orig.py")
    m = importlib.util.module_from_spec(spec); sys.modules[spec.name] = m; spec.loader.exec_module(m)
    corearchive_plugins.boilerplate.lines = m
import boilerplate_bench as bb
stage = bb._stage()
for k in range(0, len(docs), 32):
    stage.process_batch(docs[k:k+32])
print((time.process_time() - t0) / len(docs) * 1e6)
'''
res = {"orig": [], "new": []}
for r in range(4):
    for v in (("orig", "new") if r % 2 else ("new", "orig")):
        out = subprocess.run([sys.executable, "-c", CHILD, v], capture_output=True, text=True, cwd="/work/wt-bp")
        res[v].append(float(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else float("nan"))
        if out.returncode: print(out.stderr[-800:])
for v, xs in res.items():
    print(f"{v}: min {min(xs):.0f} median {statistics.median(xs):.0f} µs/doc  {[round(x) for x in xs]}")
