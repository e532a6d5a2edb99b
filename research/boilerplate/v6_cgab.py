"""cachegrind A/B (deterministic): per-document instructions, D1 misses and LL (1 MB) misses of
decide_many on N batches of 32 generated pages, base lines.py vs worktree; est = Ir + 10 D1 + 40 LL."""
import re, subprocess, sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 6
which = sys.argv[2].split(",") if len(sys.argv) > 2 else ["base", "new"]
def run(w, n):
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=yes", "--LL=1048576,16,64",
                          "--cachegrind-out-file=/dev/null", "/work/wt-bp/.venv/bin/python", "/work/scratch/bpx/cg.py", w, str(n)],
                         capture_output=True, text=True, cwd="/work/wt-bp", env=dict(__import__("os").environ, OPENBLAS_NUM_THREADS="1", PYTHONHASHSEED="0")).stderr
    g = lambda k: int(re.search(k + r":\s+([\d,]+)", out).group(1).replace(",", ""))
    return g("I   refs"), g("D1  misses"), g("LL misses")
for w in which:
    a, b = run(w, 0), run(w, N)
    d = [(y - x) / (32 * N) for x, y in zip(a, b)]
    print(f"{w}: per doc Ir {d[0]/1e3:.0f}K, D1 miss {d[1]/1e3:.1f}K, LL miss {d[2]/1e3:.2f}K, est {(d[0] + 10*d[1] + 40*d[2])/1e3:.0f}K cycles", flush=True)
