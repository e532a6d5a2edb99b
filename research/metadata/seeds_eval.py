"""Field-by-field comparison of extract() with /work/shared/gold/seeds-gold.json."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import textmeta as tm
gold = json.load(open("/work/shared/gold/seeds-gold.json"))
fields = ["title", "authors", "site_name", "tags", "published"]
ok = {f: 0 for f in fields}
for g in gold:
    r = tm.extract(open("/work/shared/seeds/" + g["file"], encoding="utf-8").read())
    for f in fields:
        good = (r[f] or None) == (g[f] or None)
        ok[f] += good
        if not good:
            print(f"  {g['file']} {f}: got {r[f]!r} want {g[f]!r}")
    if g.get("publisher"):
        print(f"  {g['file']} publisher: got {r['publisher']!r} want {g['publisher']!r}")
print(" ".join(f"{f}={ok[f]}/{len(gold)}" for f in fields))
