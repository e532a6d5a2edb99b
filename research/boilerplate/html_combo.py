"""Evaluate combinations over cached trafilatura outputs (html_cache.pkl)."""
import json, pickle, sys
sys.path.insert(0, "/work/shared/eval")
from boilerplate_eval import shingle_counts, tokens, aeb_scores, snippet_counts, snippet_scores
from corearchive_plugins.boilerplate import lines as tc
C = pickle.load(open("/work/scratch/bp/html_cache.pkl", "rb"))
E = "/work/shared/eval/data"
truth = {s: json.load(open(f"{E}/{s}/dev/truth.json")) for s in ("aeb", "trafeval")}
def score(fn):
    out = {}
    for s in ("aeb", "trafeval"):
        per, ex, cnt = [], [], []
        for name, t in truth[s].items():
            c = C.get(f"{s}/{name}")
            if c is None: continue
            o = fn(c)
            if s == "aeb":
                per.append(shingle_counts(t["articleBody"], o)); ex.append(tokens(t["articleBody"]) == tokens(o))
            else:
                cnt.append(snippet_counts(t, o))
        r = aeb_scores(per, ex) if s == "aeb" else snippet_scores(cnt)
        out[s] = f"P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f}"
    return "  ".join(f"{k}: {v}" for k, v in out.items())
def ntok(x): return len(tokens(x))
def fallback(c, ratio):
    p, d = c["prec"], c["default"]
    return d if ntok(p) < ratio * ntok(d) else p
def cleaned(text, thr):
    if not text.strip(): return text
    dec = tc.decide(text, thr)
    return dec.kept_text()
#, score(lambda c: c["prec"]))
#, score(lambda c: c["default"]))
for r in ():
    print(f"fallback {r}", score(lambda c: fallback(c, r)))
for thr in ():
    print(f"prec+lines {thr}", score(lambda c: cleaned(c["prec"], thr)))
print("---")
for r in (0.05, 0.1, 0.2):
    print(f"fallback {r}", score(lambda c: fallback(c, r)))
for thr in (0.05, 0.2):
    print(f"default+lines {thr}", score(lambda c: cleaned(c["default"], thr)))
def union(c, t):
    d = c["default"]
    if not d.strip(): return c["prec"]
    pl = {l.strip() for l in c["prec"].split("\n")}
    dec = tc.decide(d, 0.5)
    out = [d.split("\n")[i] for i, s in zip(dec.idx, dec.score.tolist()) if d.split("\n")[i].strip() in pl or s >= t]
    return "\n".join(out)
for t in (0.5, 0.8, 0.95):
    print(f"union {t}", score(lambda c: union(c, t)))
