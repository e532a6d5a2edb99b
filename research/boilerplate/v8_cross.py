"""Cross-set check of two and three stages: train on one dev set (with its cropped copies),
test on the other (rules on, threshold 0.5) -- a harder generalisation test than CV by
page, since the two sets differ in languages, sites and labels.

  python v8_cross.py [ROUNDS ...]      # default: 60,30 60,30,30
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import v8_rules_cv as RC  # noqa: E402

T, tc = RC.T, RC.tc


def main():
    sw = T.build_stopwords()
    lex = tc._build_lex(sw)
    docs = T.load_docs(RC.LABELS, lex)
    T.add_aug(docs, lex)
    for d in docs:
        T.reweight(d["aug"], "doctok", 0.1)
    T.reweight(docs, "doctok", 0.1)
    truth = T.load_truth()
    for arg in sys.argv[1:] or ["60,30", "60,30,30"]:
        rounds = tuple(int(x) for x in arg.split(","))
        for (src, dst), (q1, q2) in T.cross_set(docs, truth, rounds=rounds).items():
            te = [d for d in docs if d["set"] == dst]
            pr = {d["key"]: tc._rules(d["X"], q2[d["key"]], 0.5, RC.RULES)[0] for d in te}
            print(f"rounds {arg}: train {src} -> test {dst}:", T.fmt(T.evaluate(te, pr, truth, 0.5)),
                  flush=True)


if __name__ == "__main__":
    main()
