import subprocess, sys, statistics
trees = {"base": "/work/scratch/bpx/wt-base", "new": "/work/wt-bp"}
CODE = '''
import sys
import corearchive_plugins
corearchive_plugins.__path__[:] = ["{root}/plugins"]
sys.path.insert(0, "{root}/benchmarks")
from pathlib import Path
import boilerplate_bench as bb
out = []
for b in (32, 64, 32, 64):
    out.append(bb.speed(Path("/work/shared/eval"), seconds=3, batch=b)[0])
print(" ".join(str(round(x)) for x in out))
'''
for r in range(2):
    for name in ("base", "new"):
        out = subprocess.run([sys.executable, "-c", CODE.format(root=trees[name])], capture_output=True, text=True)
        if out.returncode: print(out.stderr[-2000:]); sys.exit(1)
        print(name, "batch 32, 64, 32, 64:", out.stdout.strip(), flush=True)
