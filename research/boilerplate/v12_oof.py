# v12 (helper bphtml): see REPORT.md, v12. Out-of-fold scores of the renderings as the stage feeds them (blocks stripped, one blank line between).
"""Out-of-fold line scores (LightGBM stages, no sequence nets) of each dev page's visible
rendering (tree_to_text), folds by page (crc32 of the key % 5, as combo.fold_of)."""
import pickle, re, sys, time, zlib
sys.path.insert(0, "/work/wt-bphtml/research/boilerplate")
import numpy as np
import train
from corearchive_plugins.boilerplate import lines as tc
WS = re.compile(r"\s+")
def norm(s): return WS.sub(" ", s).strip()
C = pickle.load(open("/work/scratch/s22/bphtml/cache.pkl", "rb"))
sw, lex, docs, _ = train.load_training("/work/scratch/s22/bphtml/labels_teacher.json")
fold = {d["key"]: zlib.crc32(d["key"].encode()) % 5 for d in docs}
out = {}
t0 = time.time()
for f in range(5):
    tr = [d for d in docs if fold[d["key"]] != f]
    bs = train.fit_stages(tr)
    for key, c in C.items():
        if zlib.crc32(key.encode()) % 5 != f: continue
        lines = "\n\n".join(l.strip() for l in (c.get("visible") or "").split("\n") if l.strip()).split("\n")
        idx, X = tc.line_features(lines, lex)
        d = {"X": X}
        p = train.predict_stages(bs, d) if len(idx) else np.zeros(0)
        out[key] = {norm(lines[i]): float(s) for i, s in zip(idx, p.tolist())}
    print("fold", f, time.time() - t0, flush=True)
pickle.dump(out, open("/work/scratch/s22/bphtml/oof_norm.pkl", "wb"))
