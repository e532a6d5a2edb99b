"""CV F1 (rules on, thr 0.5; aeb F1 / trafeval F1, 4 decimals) of mixes of stage 3 with groups
of sequence-layer score dumps (v10_seq.py / v11_seq.py --save), on each split given:

  python v11_mix.py --splits 0,7,3 --group ship=seq_cap6_s0_{S}.pkl,seq_cap6_s1_{S}.pkl \\
      --group g3=/work/scratch/bseq2/seq_g3_s0_{S}.pkl,... [--mix 0.5,0.6] [--logit]

{S} in a path is the split; X_{S}.pkl is looked for in /work/scratch/bseq then bseq2.  A
group's nets are averaged (probabilities), then mixed with stage 3: (1 - mix) p3 + mix q, or
with --logit the mean of the two logits.  Prints per split and the mean over the splits."""
import argparse
import os
import pickle

import numpy as np

import v10_seq as V


def xpath(s):
    p = f"/work/scratch/bseq/X_{s}.pkl"
    return p if os.path.exists(p) else f"/work/scratch/bseq2/X_{s}.pkl"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--splits", default="0,7,3")
    ap.add_argument("--group", action="append", default=[])
    ap.add_argument("--mix", default="0.5")
    ap.add_argument("--logit", action="store_true")
    a = ap.parse_args()
    T = V.T
    sw = T.build_stopwords()
    docs = T.load_docs(V.LABELS, V.tc._build_lex(sw))
    truth = T.load_truth()
    splits = a.splits.split(",")
    rows = {}
    for s in splits:
        D = pickle.load(open(xpath(s), "rb"))
        keys = list(D["p2"])
        base = D["p2"]
        res = V.rules_f1(docs, base, truth)
        rows.setdefault("stages", []).append((res["aeb"]["F1"], res["trafeval"]["F1"]))
        for g in a.group:
            name, paths = g.split("=")
            sqs = [pickle.load(open(p.replace("{S}", s), "rb")) for p in paths.split(",")]
            q = {k: np.mean([x[k] for x in sqs], axis=0) for k in keys}
            for mx in map(float, a.mix.split(",")):
                tag = f"{name} mix {mx}"
                m = {k: (1 - mx) * base[k] + mx * q[k] if len(q[k]) else base[k] for k in keys}
                res = V.rules_f1(docs, m, truth)
                rows.setdefault(tag, []).append((res["aeb"]["F1"], res["trafeval"]["F1"]))
            if a.logit:
                m = {k: 1 / (1 + np.exp(-(V.logit(q[k]) + V.logit(base[k])) / 2)) if len(q[k]) else base[k]
                     for k in keys}
                res = V.rules_f1(docs, m, truth)
                rows.setdefault(f"{name} logit", []).append((res["aeb"]["F1"], res["trafeval"]["F1"]))
    print(f"{'variant':28s} " + " ".join(f"{'split ' + s:>15s}" for s in splits) + f" {'mean':>15s}")
    for tag, r in rows.items():
        r = np.array(r)
        print(f"{tag:28s} " + " ".join(f"{x:.4f}/{y:.4f}" for x, y in r) + f" {r[:, 0].mean():.4f}/{r[:, 1].mean():.4f}",
              flush=True)


if __name__ == "__main__":
    main()
