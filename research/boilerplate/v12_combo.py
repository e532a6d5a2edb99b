# v12 (helper bphtml): see REPORT.md, v12. Reads cache.pkl written by v12_cache.py.
"""Score candidate combinations over cache.pkl; per-page loss listing."""
import json, pickle, sys, zlib
sys.path.insert(0, "/work/shared/eval")
from boilerplate_eval import shingle_counts, tokens, aeb_scores, snippet_counts, snippet_scores
E = "/work/shared/eval/data"
C = pickle.load(open("/work/scratch/s22/bphtml/cache.pkl", "rb"))
truth = {s: json.load(open(f"{E}/{s}/dev/truth.json")) for s in ("aeb", "trafeval")}

def fold_of(key, k=5):
    return zlib.crc32(key.encode()) % k

def score(fn, folds=None, verbose=False):
    out = {}
    for s in ("aeb", "trafeval"):
        per, ex, cnt = [], [], []
        for name, t in truth[s].items():
            key = f"{s}/{name}"
            c = C.get(key)
            if c is None or (folds is not None and fold_of(key) not in folds):
                continue
            o = fn(c)
            if s == "aeb":
                per.append(shingle_counts(t["articleBody"], o)); ex.append(tokens(t["articleBody"]) == tokens(o))
            else:
                cnt.append(snippet_counts(t, o))
        r = aeb_scores(per, ex) if s == "aeb" else snippet_scores(cnt)
        out[s] = (r["P"], r["R"], r["F1"])
    return out

def fmt(o):
    return "  ".join(f"{k}: P={v[0]:.3f} R={v[1]:.3f} F1={v[2]:.4f}" for k, v in o.items())

def per_page(fn):
    res = {}
    for s in ("aeb", "trafeval"):
        for name, t in truth[s].items():
            key = f"{s}/{name}"
            c = C.get(key)
            if c is None: continue
            o = fn(c)
            if s == "aeb":
                res[key] = shingle_counts(t["articleBody"], o)
            else:
                res[key] = snippet_counts(t, o)
    return res

if __name__ == "__main__":
    for k in ("cur", "prec", "precfull", "default", "deffast", "recall"):
        print(k, fmt(score(lambda c: c.get(k, ""))))
