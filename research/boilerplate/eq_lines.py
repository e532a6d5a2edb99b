"""Equivalence: the checked-out decide_many (in batches) against an older lines.py, page alone.
Compares keep, score (exact), reasons. Pages: aeb+trafeval dev text, seeds, corpus sample; cuts.

    python eq_lines.py BASE_LINES_PY [CORPUS_DIR] [THRESHOLD]

(v5 ran it against /work/scratch/bp4/lines_orig.py and /work/scratch/bp4/corpus-2000, v6
against /work/scratch/bpx/lines_base.py and /tmp/corebench/corpus-2000.)"""
import sys, json, importlib.util
from pathlib import Path
import numpy as np
sys.path.insert(0, "/work/wt-bp/plugins")
spec = importlib.util.spec_from_file_location("lines_orig", sys.argv[1])
orig = importlib.util.module_from_spec(spec); spec.loader.exec_module(orig)
from corearchive_plugins.boilerplate import lines as new
pages = []
for s in ("aeb", "trafeval"):
    for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/text").glob("*")):
        pages.append(p.read_text("utf-8", errors="replace"))
for p in sorted(Path("/work/wt-bp/seeds").glob("*")):
    if p.is_file(): pages.append(p.read_text("utf-8", errors="replace"))
corpus = sys.argv[2] if len(sys.argv) > 2 else "/tmp/corebench/corpus-2000"
for p in sorted(Path(corpus).glob("*.jsonl"))[:2]:
    for ln in p.open(): pages.append(json.loads(ln)["text"])
cuts = []
for t in pages:
    cuts += [t, t[:5000], t[:200]]
cuts += ["", "\n\n", "İSTANBUL haberleri\nİçerik"]
thr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
nd = 0; nsc = 0
for k in range(0, len(cuts), 32):
    b = cuts[k:k+32]
    got = new.decide_many(b, thr)
    for t, d in zip(b, got):
        o = orig.decide(t, thr)
        if not (np.array_equal(o.keep, d.keep) and list(o.idx) == list(d.idx) and o.reasons() == d.reasons()):
            nd += 1
            if nd < 5: print("DIFF", repr(t[:80]))
        elif not np.array_equal(o.score, d.score):
            nsc += 1
print(f"{len(cuts)} pages: {nd} decision diffs, {nsc} score-only diffs")
nd = 0
small = [c for c in cuts if len(c) <= 200] + ["a", "one line only here.", "x\ny", "Home\nNews\nA sentence that is long enough to count as prose, it says."]
for t in small:
    o = orig.decide(t, thr); d = new.decide(t, thr)
    if not (np.array_equal(o.keep, d.keep) and np.array_equal(o.score, d.score) and o.reasons() == d.reasons()):
        nd += 1
print(f"{len(small)} small pages alone: {nd} diffs")
