import pickle, sys, bisect
sys.path.insert(0, "/work/shared/eval")
from title_eval import norm_title
for f in ("d_dev.pkl", "d_tu.pkl"):
    for r in pickle.load(open(f, "rb")):
        if r["ok"] or not r.get("cands") or any(c["okraw"] for c in r["cands"]) or r.get("first_kept") is None: continue
        nt = norm_title(r["truth"])
        lines = [i for i, _ in r["items"]]
        tl = [k for k, (i, s) in enumerate(r["items"]) if norm_title(s) == nt]
        if not tl: continue
        fk = bisect.bisect_left(lines, r["first_kept"])
        k = min(tl, key=lambda k: abs(k - fk))
        if abs(k - fk) > 4: continue
        s = r["items"][k][1]
        print(r["set"], r["key"][:35], "k", k, "fk", fk, "ms", r["ms"], "body", r["body"], "para", r["paras"][k], "nw", len(s.split()), repr(s[:70]))
