import pickle, sys
sys.path.insert(0, "/work/shared/eval")
from title_eval import norm_title
from collections import Counter
c = Counter()
for f in sys.argv[1:]:
    for r in pickle.load(open(f, "rb")):
        if not r.get("cands") or r.get("reasons") is None: continue
        items, paras, rs = r["items"], r["paras"], r["reasons"]
        for k in sorted({r["body"], r["ms"]}):
            if k + 1 >= len(items) or not paras[k]: continue
            i, s = items[k]
            if i in rs and items[k + 1][0] not in rs:
                is_t = norm_title(s) == norm_title(r["truth"])
                c[(r["set"], "truth" if is_t else ("ok" if r["ok"] else "miss"))] += 1
                print(r["set"], r["key"][:30], r["ok"], is_t, rs[i][:20], len(s.split()), repr(s[:80]), "| pred:", str(r["pred"])[:40])
print(c)
