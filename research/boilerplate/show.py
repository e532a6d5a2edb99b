import sys, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
P = pickle.load(open(sys.argv[1], "rb"))["p2"]
sw = T.build_stopwords(); lex = tc._build_lex(sw)
import json
data = json.load(open("/work/scratch/textclean2/labels_teacher.json"))
for key in sys.argv[2:]:
    key = next(k for k in data if k.startswith("aeb/"+key))
    d = data[key]; lines = d["lines"]
    idx, X = tc.line_features(lines, lex)
    p, _ = tc._rules(X, P[key], 0.5)
    print("=====", key, len(idx))
    for j, i in enumerate(idx):
        y = d["y"][i]
        mark = "  " if (p[j] >= .5) == (y == 1) else ("FP" if y == 0 else "FN")
        print(f"{mark} {y:2d} {p[j]:.2f} {lines[i][:110]}")
