import re, subprocess, sys
def run(part, n):
    out = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                          "/work/wt-bp/.venv/bin/python", "/work/scratch/bpx/cgp.py", part, str(n)],
                         capture_output=True, text=True, cwd="/work/wt-bp", env=dict(__import__("os").environ, OPENBLAS_NUM_THREADS="1", PYTHONHASHSEED="0")).stderr
    return int(re.search(r"I   refs:\s+([\d,]+)", out).group(1).replace(",", ""))
base = run("none", 0)
for part in sys.argv[1].split(","):
    print(f"{part}: {(run(part, 1) - base) / (6 * 32) / 1e3:.0f}K Ir/doc", flush=True)
