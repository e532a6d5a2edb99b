"""CV F1 (rules on, thr 0.5) of averaged dumps: bagging of full stage-1..3 models fitted with
different LightGBM seeds / inner splits (v10_dump.py --params '{"seed": k}' --inner-seed j),
optionally with a sequence-layer score dump (v10_seq.py --save) averaged in.

  python v10_bag.py X_S.pkl B2_S.pkl [B3_S.pkl] [--seq seq_S.pkl --mix 0.5]
"""
import argparse
import pickle

import numpy as np

import v10_seq as V


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dumps", nargs="+")
    ap.add_argument("--seq", nargs="*", help="sequence-layer score dumps (averaged)")
    ap.add_argument("--mix", type=float, default=0.5)
    a = ap.parse_args()
    T, tc = V.T, V.tc
    sw = T.build_stopwords()
    docs = T.load_docs(V.LABELS, tc._build_lex(sw))
    truth = T.load_truth()
    Ds = [pickle.load(open(p, "rb")) for p in a.dumps]
    keys = list(Ds[0]["p2"])
    for i, D in enumerate(Ds):
        print(f"  {a.dumps[i]:40s} {V.short(V.rules_f1(docs, D['p2'], truth))}")
    bag = {k: np.mean([D["p2"][k] for D in Ds], axis=0) for k in keys}
    print(f"  bag of {len(Ds)}{'':31s} {V.short(V.rules_f1(docs, bag, truth))}")
    if a.seq:
        sqs = [pickle.load(open(p, "rb")) for p in a.seq]
        sq = {k: np.mean([q[k] for q in sqs], axis=0) for k in keys}
        for name, base in (("first + seq", Ds[0]["p2"]), ("bag + seq", bag)):
            mixed = {k: (1 - a.mix) * base[k] + a.mix * sq[k] if len(sq[k]) else base[k] for k in keys}
            print(f"  {name:40s} {V.short(V.rules_f1(docs, mixed, truth))}")


if __name__ == "__main__":
    main()
