import pickle, sys, bisect, math
from collections import Counter
c = Counter(); ex = []
for f in sys.argv[1:]:
    for r in pickle.load(open(f, "rb")):
        if r.get("kind") == "listing" or not r.get("cands"): continue
        cs = sorted([x for x in r["cands"] if not x["vetoed"] and not x["skip"]], key=lambda x: -x["score"])
        if not cs: continue
        t = cs[0]
        nw = len(t["text"].split())
        if nw != 1: continue
        reason = (r.get("reasons") or {}).get(t["line"], "KEPT")
        other = next((x for x in cs[1:5] if x["ok"]), None)
        k = ("top_ok" if t["ok"] else ("other_ok" if other else "neither"), reason[:20])
        c[k] += 1
        if not t["ok"] and other: ex.append((r["key"][:30], t["text"], other["text"][:50], other["line"] - t["line"], round(t["score"] - other["score"], 2)))
for k, v in sorted(c.items(), key=str): print(k, v)
for e in ex: print(e)
