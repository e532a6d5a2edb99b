import pickle, re, json, sys, time
sys.path.insert(0, "/work/shared/eval")
from boilerplate_eval import shingle_counts, tokens, aeb_scores, snippet_counts, snippet_scores
import trafilatura
C = pickle.load(open('/work/scratch/bp/html_cache.pkl','rb'))
W = re.compile(r'\w+')
E = "/work/shared/eval/data"
truth = {s: json.load(open(f"{E}/{s}/dev/truth.json")) for s in ("aeb", "trafeval")}
fast = {}
t = time.process_time(); td = 0
for key, v in C.items():
    if len(W.findall(v['prec'] or '')) >= 200: continue
    s, name = key.split('/', 1)
    html = open(f'{E}/{s}/dev/html/{name}', encoding='utf-8', errors='replace').read()
    t0 = time.process_time(); fast[key] = trafilatura.extract(html, fast=True, include_comments=False, include_tables=True, deduplicate=False) or ""; td += time.process_time() - t0
print("fast default calls", len(fast), f"{td/len(fast)*1000:.1f} ms/page")
def choose(key, v, alt):
    p = v['prec'] or ''
    n = len(W.findall(p))
    if n < 200:
        d = alt(key, v)
        if n < 0.2 * len(W.findall(d)): return d
    return p
def score(alt):
    out = {}
    for s in ("aeb", "trafeval"):
        per, ex, cnt = [], [], []
        for name, tr in truth[s].items():
            key = f"{s}/{name}"; v = C.get(key)
            if v is None: continue
            o = choose(key, v, alt)
            if not o.strip(): o = v['default'] or ''
            if s == "aeb": per.append(shingle_counts(tr["articleBody"], o)); ex.append(tokens(tr["articleBody"]) == tokens(o))
            else: cnt.append(snippet_counts(tr, o))
        r = aeb_scores(per, ex) if s == "aeb" else snippet_scores(cnt)
        out[s] = round(r["F1"], 4)
    return out
print("default fallback", score(lambda k, v: v['default'] or ''))
print("fast default fallback", score(lambda k, v: fast[k]))
print("fires: default", sum(1 for k in fast if len(W.findall(C[k]['prec'] or '')) < 0.2*len(W.findall(C[k]['default'] or ''))), "fast", sum(1 for k in fast if len(W.findall(C[k]['prec'] or '')) < 0.2*len(W.findall(fast[k]))))
