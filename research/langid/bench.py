"""Speed/load/memory of detect.py in a fresh process.  usage: bench.py [repeats]"""
import os, sys, time, collections
t0 = time.perf_counter()
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import detect  # loads models at import
load_s = time.perf_counter() - t0
def hwm():
    for ln in open("/proc/self/status"):
        if ln.startswith("VmHWM"): return int(ln.split()[1]) / 1024
D = "/work/shared/eval/data/lingua/dev/sentences"
sents = [ln.rstrip("\n") for f in sorted(os.listdir(D)) for ln in open(os.path.join(D, f), encoding="utf-8") if ln.strip()]
print(f"load (import+load) {load_s:.3f}s, RSS after load {hwm():.0f} MB", flush=True)
detect.detect("warm up text")
best = 0
for r in range(int(sys.argv[1]) if len(sys.argv) > 1 else 2):
    st = collections.Counter()
    t = time.perf_counter(); c = time.process_time()
    for s in sents:
        st[detect.detect(s, with_stage=True)[3]] += 1
    dt = time.perf_counter() - t; dc = time.process_time() - c
    best = max(best, len(sents) / dc)
    print(f"run {r}: wall {len(sents)/dt:.0f}/s  cpu-time {len(sents)/dc:.0f}/s  stages {dict(st)}  loadavg {os.getloadavg()[0]:.2f}", flush=True)
print(f"best cpu-time {best:.0f}/s, peak VmHWM {hwm():.0f} MB")
