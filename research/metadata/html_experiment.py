"""Cache htmldate output on the dev HTML, then compare combination rules."""
import json, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textmeta as tm
D = "/work/shared/eval/data/htmldate/dev"
truth = json.load(open(D + "/truth.json"))
cache_p = "htmldate_cache.json"
cache = json.load(open(cache_p)) if os.path.exists(cache_p) else {}
t0 = time.time()
for n in sorted(truth):
    if n not in cache:
        cache[n] = tm._htmldate(open(f"{D}/html/{n}", encoding="utf-8").read())
json.dump(cache, open(cache_p, "w"))
print("htmldate cached", time.time() - t0)
rows = []
for n in sorted(truth):
    html = open(f"{D}/html/{n}", encoding="utf-8").read()
    s, where = tm.html_structured_date(html)
    txt = tm.date_text(tm.html_to_text(html))
    rows.append((n, truth[n]["date"], cache[n], s[:10] if s else None, where, txt))
json.dump(rows, open("html_rows.json", "w"))
def acc(f): return sum(1 for r in rows if f(r) == r[1]) / len(rows)
print("htmldate", acc(lambda r: r[2]))
print("structured", acc(lambda r: r[3]), "cov", sum(1 for r in rows if r[3]) / len(rows))
print("text-on-rendering", acc(lambda r: r[5]))
print("structured>htmldate>text", acc(lambda r: r[3] or r[2] or r[5]))
print("htmldate>structured", acc(lambda r: r[2] or r[3]))
