import pickle, sys, bisect
from collections import Counter
from feats import page_rows
c = Counter()
for f in sys.argv[1:]:
    for r in pickle.load(open(f, "rb")):
        if r.get("kind") == "listing" or not r.get("cands") or r.get("first_kept") is None: continue
        cs = sorted([x for x in r["cands"] if not x["vetoed"] and not x["skip"]], key=lambda x: -x["score"])
        if not cs: continue
        t = cs[0]
        lines = [i for i, _ in r["items"]]
        fk = bisect.bisect_left(lines, r["first_kept"])
        rel = lambda x: bisect.bisect_left(lines, x["line"]) - fk
        if rel(t) != 0: continue
        ep = t["row"][6] > 0  # ends_period
        nw = t["row"][0]
        above = [x for x in cs[1:5] if -3 <= rel(x) < 0]
        if not above: c[("noabove", ep)] += 1; continue
        a = above[0]
        key = ("ep" if ep else "noep", "top_ok" if t["ok"] else ("above_ok" if a["ok"] else "neither"))
        c[key] += 1
for k, v in sorted(c.items(), key=str): print(k, v)
