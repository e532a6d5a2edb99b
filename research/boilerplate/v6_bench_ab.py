"""boilerplate_bench's speed (batches of the stage's size), fresh process per run, base vs worktree alternating."""
import subprocess, sys, statistics
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
trees = {"base": "/work/scratch/bpx/wt-base", "new": "/work/wt-bp"}
CODE = '''
import sys
import corearchive_plugins
corearchive_plugins.__path__[:] = ["{root}/plugins"]
sys.path.insert(0, "{root}/benchmarks")
from pathlib import Path
import boilerplate_bench as bb
rate, size = bb.speed(Path("/work/shared/eval"))
print(rate)
'''
res = {k: [] for k in trees}
for r in range(runs):
    for name in (("base", "new") if r % 2 == 0 else ("new", "base")):
        out = subprocess.run([sys.executable, "-c", CODE.format(root=trees[name])], capture_output=True, text=True)
        if out.returncode: print(out.stderr[-2000:]); sys.exit(1)
        res[name].append(float(out.stdout.split()[-1]))
        print(name, round(res[name][-1]), flush=True)
for k, v in res.items(): print(f"{k}: median {statistics.median(v):.0f} docs/CPU-s {[round(x) for x in v]}")
