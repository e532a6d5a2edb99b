"""Cache htmldate output on the dev HTML, then compare combination rules (baselines for the
HTML date ranker; the functions are the shipped ones in corearchive_plugins.metadata)."""
import json, os, time

from corearchive_plugins.metadata import html as hm
from corearchive_plugins.metadata import text as tm

D = "/work/shared/eval/data/htmldate/dev"
truth = json.load(open(D + "/truth.json"))
cache_p = os.path.join(os.path.dirname(os.path.abspath(__file__)), "htmldate_cache.json")
cache = json.load(open(cache_p)) if os.path.exists(cache_p) else {}
t0 = time.time()
for n in sorted(truth):
    if n not in cache:
        cache[n] = hm.htmldate_date(open(f"{D}/html/{n}", encoding="utf-8").read())
json.dump(cache, open(cache_p, "w"))
print("htmldate cached", time.time() - t0)
rows = []
for n in sorted(truth):
    html = open(f"{D}/html/{n}", encoding="utf-8").read()
    s, where = hm.html_structured_date(html)
    txt = tm.date_text(hm.html_to_text(html))
    rows.append((n, truth[n]["date"], cache[n], s[:10] if s else None, where, txt))
def acc(f): return sum(1 for r in rows if f(r) == r[1]) / len(rows)
print("htmldate", acc(lambda r: r[2]))
print("structured", acc(lambda r: r[3]), "cov", sum(1 for r in rows if r[3]) / len(rows))
print("text-on-rendering", acc(lambda r: r[5]))
print("structured>htmldate>text", acc(lambda r: r[3] or r[2] or r[5]))
print("htmldate>structured", acc(lambda r: r[2] or r[3]))
