"""Per-page CV differences between two dumps (rules on, threshold 0.5):

  python v8_pages.py BASE.pkl NEW.pkl

aeb: pages whose precision or recall moved by more than 0.02; trafeval: pages whose snippet
counts moved.  Prints the totals of the moves (how many pages won and lost)."""
import os
import pickle
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import v8_rules_cv as RC  # noqa: E402

T = RC.T
sys.path.insert(0, T.EVAL)
from boilerplate_eval import shingle_counts, snippet_counts  # noqa: E402


def per_page(docs, preds, truth):
    out = {}
    for d in docs:
        k = d["key"]
        o = T.doc_output(d, preds[k], 0.5)
        if d["set"] == "aeb":
            tp, fp, fn = shingle_counts(truth[k]["articleBody"], o)
            out[k] = (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)
        else:
            out[k] = snippet_counts(truth[k], o)
    return out


def main():
    sw = T.build_stopwords()
    docs = T.load_docs(RC.LABELS, RC.tc._build_lex(sw))
    truth = T.load_truth()
    a, b = (per_page(docs, RC.rules_preds(docs, pickle.load(open(p, "rb"))), truth) for p in sys.argv[1:3])
    won = lost = 0
    for d in docs:
        k = d["key"]
        if d["set"] == "aeb":
            (pa, ra), (pb, rb) = a[k], b[k]
            dp = (pb or 0) - (pa or 0)
            dr = (rb or 0) - (ra or 0)
            if abs(dp) > 0.02 or abs(dr) > 0.02:
                won += dp + dr > 0
                lost += dp + dr < 0
                print(f"{k[:44]}  P {pa or 0:.2f} -> {pb or 0:.2f}  R {ra or 0:.2f} -> {rb or 0:.2f}")
        elif a[k] != b[k]:
            ga, gb = a[k][0] - a[k][1], b[k][0] - b[k][1]
            won += gb > ga
            lost += gb < ga
            print(f"{k[:44]}  tp,fp,fn {a[k][:3]} -> {b[k][:3]}")
    print(f"pages better {won}, worse {lost}")


if __name__ == "__main__":
    main()
