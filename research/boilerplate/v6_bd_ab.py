"""pipeline_bench's --breakdown (its function, fresh process each run) for two plugin trees,
alternating: base (9d3fe4e, in /work/scratch/bpx/wt-base) vs the worktree. Prints the stage
boilerplate line and the total of each run, and medians."""
import subprocess, sys, statistics, re, os
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
trees = {"base": "/work/scratch/bpx/wt-base", "new": "/work/wt-bp"}
CODE = '''
import sys
import corearchive_plugins
corearchive_plugins.__path__[:] = ["{root}/plugins"]
sys.path.insert(0, "/work/wt-bp/benchmarks")
from pathlib import Path
import pipeline_bench as pb
pb.breakdown(Path("/tmp/corebench/corpus-2000"), 2000)
'''
res = {k: {"bp": [], "total": []} for k in trees}
for r in range(runs):
    for name in (("base", "new") if r % 2 == 0 else ("new", "base")):
        out = subprocess.run([sys.executable, "-c", CODE.format(root=trees[name])], capture_output=True, text=True)
        if out.returncode: print(out.stderr[-2000:]); sys.exit(1)
        bp = int(re.search(r"stage boilerplate\s+(\d+)", out.stdout).group(1))
        tot = int(re.search(r"total\s+(\d+)", out.stdout).group(1))
        val = int(re.search(r"record validation\s+(\d+)", out.stdout).group(1)); js = int(re.search(r"JSON encoding\s+(\d+)", out.stdout).group(1))
        print("   validation", val, "json", js)
        res[name]["bp"].append(bp); res[name]["total"].append(tot)
        print(name, "boilerplate", bp, "µs/doc, total", tot, flush=True)
for name, v in res.items():
    print(f"{name}: boilerplate median {statistics.median(v['bp'])} µs/doc {v['bp']}, total median {statistics.median(v['total'])} {v['total']}")
