import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
from boilerplate_eval import shingle_counts, tokens
P = pickle.load(open(sys.argv[1], "rb"))["p2"]
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("/work/scratch/textclean2/labels_teacher.json", lex)
truth = T.load_truth()
rows = []
for d in docs:
    if d["set"] != "aeb": continue
    p, _ = tc._rules(d["X"], P[d["key"]], 0.5)
    out = T.doc_output(d, p, 0.5)
    body = truth[d["key"]]["articleBody"]
    c = shingle_counts(body, out)
    rows.append((d["key"], c))
print(rows[0][1])
rows.sort(key=lambda r: r[1][0]/(r[1][0]+r[1][1]+1e-9))
import numpy as np
Ps = [c[0]/(c[0]+c[1]) if c[0]+c[1] else 0 for _, c in rows]
print("mean P", np.mean(Ps))
for k, c in rows[:25]:
    p = c[0]/(c[0]+c[1]+1e-9); r = c[0]/(c[0]+c[2]+1e-9)
    print(f"{k:40s} P={p:.3f} R={r:.3f} loss_P={ (1-p)/len(rows):.4f}")
