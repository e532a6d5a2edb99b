"""The lexical model alone: 5-fold CV by page (weighted AUC of the line logit, per set) for
some C / namespaces / table sizes, and the top weights of the model fitted on all pages
(does it learn furniture words or topics?).

  python blex_look.py [--grid] [--top C,bits,ns]
"""
import argparse
import collections
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import blex as B  # noqa: E402
import train as T  # noqa: E402


def load():
    _sw, _lex, docs, extra = T.load_training("/work/scratch/bp/labels_teacher.json",
                                             "/work/scratch/bp/labels_seeds.json", aug=False)
    return docs, extra


def wauc(y, s, w):
    from sklearn.metrics import roc_auc_score

    m = w > 0
    return roc_auc_score(y[m] >= 0.5, s[m], sample_weight=w[m])


def cv_auc(docs, extra, bits, ns, C, k=5):
    fold = np.random.RandomState(0).permutation(len(docs)) % k
    sc = {}
    for f in range(k):
        tr = [d for d, g in zip(docs, fold) if g != f] + extra
        model = B.fit_lex(tr, bits, ns, C)
        for d, g in zip(docs, fold):
            if g == f:
                sc[d["key"]] = B.lex_features(model, d, bits, ns)[:, 0]
    res = []
    for s in ("aeb", "trafeval"):
        ds = [d for d in docs if d["set"] == s]
        y = np.concatenate([d["y"] for d in ds])
        w = np.concatenate([d["w"] for d in ds])
        res.append(wauc(y, np.concatenate([sc[d["key"]] for d in ds]), w))
    return res


def top(docs, extra, bits, ns, C, n=40):
    model = B.fit_lex(docs + extra, bits, ns, C)
    W = model[0]
    names = collections.defaultdict(collections.Counter)
    for d in docs + extra:
        for i in d["idx"]:
            toks = B._W.findall(d["lines"][i].lower())
            toks = ["0" if t[0].isdigit() else t for t in toks]
            for t in toks:
                names[B.slot(B.hword(t), "u", bits)]["u:" + t] += 1
            if toks and "f" in ns:
                names[B.slot(B.hword(toks[0]), "f", bits)]["f:" + toks[0]] += 1
            if toks and "l" in ns:
                names[B.slot(B.hword(toks[-1]), "l", bits)]["l:" + toks[-1]] += 1
    order = np.argsort(W)

    def lab(s):
        return "/".join(f"{w}({c})" for w, c in names[s].most_common(2))

    print(f"bias {model[1]:.3f}; nonzero {int((W != 0).sum())}; |W| max {np.abs(W).max():.3f}")
    print("most boilerplate:", ", ".join(f"{lab(s)} {W[s]:.2f}" for s in order[:n]))
    print("most content:", ", ".join(f"{lab(s)} {W[s]:.2f}" for s in order[::-1][:n]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--top", default="0.1,16,ufl")
    args = ap.parse_args()
    docs, extra = load()
    if args.grid:
        for bits in (16,):
            for ns in ("u", "ufl", "uflb"):
                for C in (0.03, 0.1, 0.3, 1.0):
                    a, t = cv_auc(docs, extra, bits, ns, C)
                    print(f"bits {bits} ns {ns:5s} C {C:<5} AUC aeb {a:.4f} trafeval {t:.4f}", flush=True)
    C, bits, ns = args.top.split(",")
    top(docs, extra, int(bits), ns, float(C))


if __name__ == "__main__":
    main()
