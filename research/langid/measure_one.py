"""Fresh-process figures for one candidate: load time, warm speed on all dev sentences
(wall and CPU time, best of N), peak RSS (VmHWM) after running all three kinds.
usage: measure_one.py NAME [repeats]   NAME in cands.py or 'detect'"""
import os, sys, time, json
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
def hwm():
    for ln in open("/proc/self/status"):
        if ln.startswith("VmHWM"): return int(ln.split()[1]) / 1024
name = sys.argv[1]; reps = int(sys.argv[2]) if len(sys.argv) > 2 else 2
base = hwm()
t0 = time.perf_counter()
if name == "detect":
    import detect; fn = detect.extract
else:
    import cands; fn = getattr(cands, name)
fn("Warm up: this loads the model.")
load_s = time.perf_counter() - t0
D = "/work/shared/eval/data/lingua/dev/"
data = {k: [ln.rstrip("\n") for f in sorted(os.listdir(D + k)) for ln in open(D + k + "/" + f, encoding="utf-8") if ln.strip()]
        for k in ["sentences", "word-pairs", "single-words"]}
for k in ["word-pairs", "single-words"]:
    for s in data[k]: fn(s)
best_w = best_c = 0
for r in range(reps):
    t = time.perf_counter(); c = time.process_time()
    for s in data["sentences"]: fn(s)
    best_w = max(best_w, len(data["sentences"]) / (time.perf_counter() - t))
    best_c = max(best_c, len(data["sentences"]) / (time.process_time() - c))
res = dict(name=name, load_s=round(load_s, 3), sent_per_s_wall=round(best_w), sent_per_s_cpu=round(best_c),
           peak_rss_mb=round(hwm()), interpreter_rss_mb=round(base), loadavg=os.getloadavg()[0])
print(json.dumps(res), flush=True)
with open(os.path.join(HERE, "res", "measure.jsonl"), "a") as f: f.write(json.dumps(res) + "\n")
