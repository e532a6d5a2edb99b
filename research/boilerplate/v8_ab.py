"""Same-moment A/B of two shipped models with the worktree's lines.py: decide_many on the
generated corpus (pipeline_bench's, /tmp/corebench/corpus-2000) or the aeb dev pages cut to
5,000 characters, batches of 64 as the stage runs them, interleaved per batch (order
alternating); min over rounds of each batch's CPU time, summed.

  python v8_ab.py MODEL_A.json MODEL_B.json [ROUNDS] [aeb]
"""
import json
import sys
import time
from pathlib import Path

from corearchive_plugins.boilerplate import lines

a_path, b_path = sys.argv[1:3]
R = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 5
if "aeb" in sys.argv:
    docs = [p.read_text("utf-8", errors="replace")[:5000]
            for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))]
else:
    docs = [json.loads(ln)["text"] for p in sorted(Path("/tmp/corebench/corpus-2000").glob("*.jsonl"))
            for ln in p.open()]
models = {"A": lines.load_model(a_path), "B": lines.load_model(b_path)}
batches = [docs[k:k + 64] for k in range(0, len(docs), 64)]
best = {k: [1e9] * len(batches) for k in models}


def run(name, b):
    lines._MODEL = models[name]
    t0 = time.process_time()
    lines.decide_many(b)
    return time.process_time() - t0


for name in models:
    run(name, batches[0])
for r in range(R):
    for i, b in enumerate(batches):
        for name in ("A", "B") if (i + r) % 2 else ("B", "A"):
            best[name][i] = min(best[name][i], run(name, b))
ua, ub = (sum(best[k]) / len(docs) * 1e6 for k in ("A", "B"))
print(f"{len(docs)} docs: A {ua:.0f} µs/doc, B {ub:.0f} µs/doc, B/A {ub / ua:.3f}")
