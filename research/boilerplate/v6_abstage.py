"""Fresh-process A/B of the stage as pipeline_bench --breakdown runs it (stage1.py), plus
record validation + JSON encoding of the records: worktree at REV_A vs the working tree.
Usage: abstage.py REV [runs]"""
import subprocess, sys, statistics, os, tempfile
rev = sys.argv[1]; runs = int(sys.argv[2]) if len(sys.argv) > 2 else 4
tmp = "/work/scratch/bpx/wt-a"
if os.path.exists(tmp):
    subprocess.run(["git", "-C", "/work/wt-bp", "worktree", "remove", "--force", tmp], check=False)
subprocess.run(["git", "-C", "/work/wt-bp", "worktree", "add", "--detach", tmp, rev], check=True, capture_output=True)
CHILD = open("/work/scratch/bpx/stage1.py").read()
res = {"A": [], "B": []}
for r in range(runs):
    for v in (("A", "B") if r % 2 == 0 else ("B", "A")):
        root = tmp if v == "A" else "/work/wt-bp"
        env = dict(os.environ, PYTHONPATH=f"{root}/plugins_shim:{root}")
        code = CHILD.replace("/work/wt-bp/benchmarks", f"{root}/benchmarks")
        pre = f"import sys; sys.path.insert(0, '{root}'); import corearchive_plugins, importlib; corearchive_plugins.__path__[:] = ['{root}/plugins']\n"
        out = subprocess.run([sys.executable, "-c", pre + code], capture_output=True, text=True, env=env)
        if out.returncode: print(out.stderr[-1500:]); sys.exit(1)
        line = out.stdout.strip().splitlines()[-1]
        res[v].append([float(x) for x in line.split(":")[1].split()])
for v, xs in res.items():
    cols = list(zip(*xs))
    print(v, "first pass median", statistics.median(cols[0]), "all:", [round(x) for x in cols[0]], "| warm passes median", statistics.median(cols[1] + cols[2]), "| decide_many", statistics.median(cols[3] + cols[4]))
