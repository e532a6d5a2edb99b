#!/usr/bin/env python3
"""Throughput of textclean.extract on ~5 KB plain-text documents (single process, one core).
Reports wall-clock docs/s and CPU-time docs/s (process_time: what this process got of the core),
plus the load average, since the machine is shared."""
import glob, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corearchive_plugins.boilerplate import lines as tc
docs = []
for p in sorted(glob.glob("/work/shared/eval/data/*/dev/text/*.txt")):
    t = open(p, encoding="utf-8").read()
    # 5 KB windows of real pages (cut at a line boundary)
    for k in range(0, len(t) - 5000, 5000):
        chunk = t[k:k + 5000]
        docs.append(chunk[: chunk.rfind("\n")] if "\n" in chunk else chunk)
docs = docs[:3000]
avg = sum(len(d.encode()) for d in docs) / len(docs)
tc.extract(docs[0])
reps = int(os.environ.get("REPS", "3"))
for rep in range(reps):
    l0 = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        tc.extract(d)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(docs)} docs, avg {avg/1024:.2f} KB, avg {sum(d.count(chr(10))+1 for d in docs)/len(docs):.0f} lines: "
          f"wall {len(docs)/dt:.0f} docs/s ({1000*dt/len(docs):.3f} ms/doc), "
          f"cpu {len(docs)/dc:.0f} docs/s ({1000*dc/len(docs):.3f} ms/doc), load avg {l0:.2f}", flush=True)
if "--profile" in sys.argv:
    import cProfile, pstats
    cProfile.run("for d in docs[:500]: tc.extract(d)", "/tmp/tc.prof")
    pstats.Stats("/tmp/tc.prof").sort_stats("tottime").print_stats(25)
