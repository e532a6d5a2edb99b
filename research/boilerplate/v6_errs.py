"""Per-page CV errors (cv_d6.pkl = shipped config, split 0; rules teaser,caption,bridge,byline; thr 0.5)."""
import sys, pickle, numpy as np, collections
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
sys.path.insert(0, "/work/shared/eval")
from boilerplate_eval import shingle_counts, snippet_counts, _norm
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("/work/scratch/bp/labels_teacher.json", lex); truth = T.load_truth()
D = pickle.load(open(sys.argv[1] if len(sys.argv) > 1 else "/work/scratch/bp3/cv_d6.pkl", "rb"))
a = tc.STAGE2_BAND
RULES = ("teaser", "caption", "bridge", "byline")
aeb, tra = [], []
for d in docs:
    k = d["key"]; p1, p2 = D["p1"][k], D["p2"][k]
    p = tc._rules(d["X"], np.where((p1 >= a) & (p1 <= 1 - a), p2, p1), 0.5, RULES)[0]
    out = T.doc_output(d, p, 0.5)
    if d["set"] == "aeb":
        tp, fp, fn = shingle_counts(truth[k]["articleBody"], out)
        P = tp / (tp + fp) if tp + fp else None; R = tp / (tp + fn) if tp + fn else None
        aeb.append((k, P, R, d, p))
    else:
        c = snippet_counts(truth[k], out)
        tra.append((k, c, d, p, out))
n = len(aeb)
Ps = [x[1] for x in aeb if x[1] is not None]; Rs = [x[2] for x in aeb if x[2] is not None]
print(f"aeb {n} pages: mean P {np.mean(Ps):.3f} R {np.mean(Rs):.3f}")
print("aeb: share of the loss (sum of 1-P and 1-R) in the worst 10 pages:")
loss = sorted(aeb, key=lambda x: -((1 - (x[1] or 0)) + (1 - (x[2] or 0))))
tot = sum((1 - (x[1] or 0)) + (1 - (x[2] or 0)) for x in aeb)
print(f"  total loss {tot:.2f}; worst 10 {sum((1 - (x[1] or 0)) + (1 - (x[2] or 0)) for x in loss[:10]):.2f}")
buckets = collections.Counter()
for k, P, R, d, p in aeb:
    if R is not None and R < 0.5: buckets["R<0.5 (article mostly missed)"] += 1
    elif R is not None and R < 0.9: buckets["0.5<=R<0.9"] += 1
    if P is not None and P < 0.5: buckets["P<0.5 (mostly furniture kept)"] += 1
    elif P is not None and P < 0.9: buckets["0.5<=P<0.9"] += 1
print(" ", dict(buckets))
print(f"  loss from R: {sum(1-x[2] for x in aeb if x[2] is not None):.2f}, from P: {sum(1-x[1] for x in aeb if x[1] is not None):.2f}")
for k, P, R, d, p in loss[:12]:
    keep = p >= 0.5
    print(f"--- {k[:40]} P={P if P is None else round(P,2)} R={R if R is None else round(R,2)} lines={len(p)} kept={keep.sum()}")
    y = d["y"]
    # mistakes by label
    fnl = [(d["lines"][i][:90], round(float(s), 2)) for i, s, kp, yy in zip(d["idx"], p, keep, y) if yy > 0.5 and not kp]
    fpl = [(d["lines"][i][:90], round(float(s), 2)) for i, s, kp, yy in zip(d["idx"], p, keep, y) if yy <= 0.5 and kp]
    print(f"   missed content lines {len(fnl)}: {fnl[:4]}")
    print(f"   kept furniture lines {len(fpl)}: {fpl[:4]}")
tp = sum(c[0] for _, c, *_ in tra); fp = sum(c[1] for _, c, *_ in tra); fn = sum(c[2] for _, c, *_ in tra)
print(f"\ntrafeval {len(tra)} pages: tp {tp} fp {fp} fn {fn} F1 {2*tp/(2*tp+fp+fn):.3f}")
worst = sorted(tra, key=lambda x: -(x[1][1] + x[1][2]))
print(f"  worst 10 pages hold fp {sum(x[1][1] for x in worst[:10])} fn {sum(x[1][2] for x in worst[:10])}")
print(f"  pages with all 'with' snippets missed: {sum(1 for x in tra if x[1][0] == 0 and x[1][2] > 0)}; their fn {sum(x[1][2] for x in tra if x[1][0] == 0)}")
for k, c, d, p, out in worst[:12]:
    print(f"--- {k[:50]} tp {c[0]} fp {c[1]} fn {c[2]} tn {c[3]}; lines {len(p)} kept {(p>=0.5).sum()}")
    miss = [w[:80] for w in truth[k]["with"] if _norm(w) not in _norm(out)]
    bad = [w[:80] for w in truth[k]["without"] if _norm(w) in _norm(out)]
    print("   missed:", miss[:3]); print("   kept:", bad[:3])
