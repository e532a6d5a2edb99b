import pickle, sys
from collections import Counter
for f in sys.argv[1:]:
    recs = pickle.load(open(f, "rb"))
    c = Counter(); n = 0
    for r in recs:
        if r.get("kind") == "listing" or not r.get("cands"): continue
        cs = sorted([x for x in r["cands"] if not x["vetoed"] and not x["skip"]], key=lambda x: -x["score"])
        rk = next((i for i, x in enumerate(cs) if x["ok"]), None)
        c[min(rk, 9) if rk is not None else None] += 1; n += 1
    print(f, n, sorted(c.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))
