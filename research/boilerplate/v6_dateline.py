"""Quick probe on out-of-fold scores: demote prose lines that open with a dateline when an
earlier kept line of the page already did (a second dateline starts another story)."""
import sys, re, pickle, numpy as np
sys.path.insert(0, "/work/wt-bp/research/boilerplate")
import train as T
from corearchive_plugins.boilerplate import lines as tc
sw = T.build_stopwords(); lex = tc._build_lex(sw)
docs = T.load_docs("/work/scratch/bp/labels_teacher.json", lex); truth = T.load_truth()
DL = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'’-]{1,30}(?:\([^)]{1,30}\))?\s*(?::|—|–|-)\s+\S")
a = tc.STAGE2_BAND
RULES = ("teaser", "caption", "bridge", "byline")
for path in sys.argv[1:]:
    D = pickle.load(open(path, "rb"))
    base, new = {}, {}
    nfire = 0
    for d in docs:
        k = d["key"]; p1, p2 = D["p1"][k], D["p2"][k]
        p = tc._rules(d["X"], np.where((p1 >= a) & (p1 <= 1 - a), p2, p1), 0.5, RULES)[0]
        base[k] = p
        q = p.copy()
        seen = False
        for j, i in enumerate(d["idx"]):
            s = d["lines"][i].strip()
            if q[j] >= 0.5 and DL.match(s) and d["X"][j, 0] >= 8:
                if seen:
                    q[j] = min(q[j], 0.49); nfire += 1
                seen = True
        new[k] = q
    print(path.split("/")[-1], "fired", nfire)
    print("  base", T.fmt(T.evaluate(docs, base, truth, 0.5)))
    print("  new ", T.fmt(T.evaluate(docs, new, truth, 0.5)))
