import time, numpy as np
from pathlib import Path
from corearchive_plugins.boilerplate import lines as L
m = L.load_model()
aeb = [p.read_text("utf-8", errors="replace")[:5000] for p in sorted(Path("/work/shared/eval/data/aeb/dev/text").glob("*"))]
def X_of(texts):
    ds = [L._split(x) for x in texts]
    idxs, R, lh, rb, S, fr = L._raw_features_many(ds, m["lex"])
    return ds, L._line_features_rows(R, lh, rb, fr), R, lh, rb, fr
a64 = X_of(aeb[:64]); a32 = X_of(aeb[:32]); b32 = X_of(aeb[32:64])
print("rows", len(a64[1]), len(a32[1]) + len(b32[1]))
for rep in range(3):
    out = {}
    t = time.process_time()
    for _ in range(5): L._predict_rows(m["stages"][0], a64[1])
    out["trees 64"] = time.process_time() - t
    t = time.process_time()
    for _ in range(5): L._predict_rows(m["stages"][0], a32[1]); L._predict_rows(m["stages"][0], b32[1])
    out["trees 2x32"] = time.process_time() - t
    t = time.process_time()
    for _ in range(5): L._raw_features_many(a64[0], m["lex"])
    out["raw 64"] = time.process_time() - t
    t = time.process_time()
    for _ in range(5): L._raw_features_many(a32[0], m["lex"]); L._raw_features_many(b32[0], m["lex"])
    out["raw 2x32"] = time.process_time() - t
    t = time.process_time()
    for _ in range(5): L._line_features_rows(*a64[2:])
    out["ctx 64"] = time.process_time() - t
    t = time.process_time()
    for _ in range(5): L._line_features_rows(*a32[2:]); L._line_features_rows(*b32[2:])
    out["ctx 2x32"] = time.process_time() - t
    print("  ".join(f"{k} {v/5*1e3:.1f} ms" for k, v in out.items()))
