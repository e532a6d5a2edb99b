import pickle, sys, re
from collections import Counter
exec(open("miss.py").read().split("groups = Counter()")[0].split("recs = []")[0])
import os, html as H
sys.argv = sys.argv
src = open("miss.py").read()
h1code = src[src.index("def h1s"):src.index("import re\ngroups")]
exec(h1code)
rows = [l.split(" | ") for l in open("miss_base.txt") if l.count(" | ") >= 4 and not l.startswith("|")]
recs = {}
for f in ("d_dev.pkl", "d_tu.pkl", "d_acc.pkl"):
    for r in pickle.load(open(f, "rb")): recs[r["set"] + "/" + r["key"][:40]] = r
c = Counter()
for row in rows:
    r = recs.get(row[0]); g = row[1]
    if r is None: continue
    h = h1s(r)
    st = "truth=h1" if norm_title(r["truth"]) in h else ("no h1" if not h else "truth!=h1")
    s = "tuning" if r["set"] == "tuning" else ("acc" if r["set"] in ("live","service","gov","scripts") else "dev")
    c[(g, s, st)] += 1
for k, v in sorted(c.items()): print(k, v)
