"""Fit the short-input stacker of plugins/language/detect.py, with held-out figures.

Input: the member cache written by stack_collect.py. Every dev sample whose cleaned text is
"short" by the detector's own rule (detect._is_short)
becomes one conditional-logit problem: its candidates (top-5 of each member) are scored by
theta . features (detect._short_features, the run-time code itself, so training and run time
cannot drift apart) and a softmax over them is fitted by log-loss with a small L2 penalty.

Held-out figures: 5-fold cross-validation split by sample (line number mod 5, the same split
in every language and kind); each fold is predicted by weights fitted on the other four.
Macro accuracy per kind counts the short samples by the stacker and the others by the
cascade answer cached by stack_collect.py (unchanged for long inputs), 'und' as wrong.
The shipped weights are then fitted on all samples and written to short_model.json.

    .venv/bin/pip install scipy   # research only
    .venv/bin/python research/langid/stack_fit.py /work/scratch/lang/members.pkl
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from corearchive_plugins.language import detect as D

OUT = Path(D.__file__).with_name("short_model.json")
NAMES = [
    f"{m}_{f}"
    for m in ("ft", "cld2", "p3l", "lingua")
    for f in ("p", "log_p_01", "top", "unknown")
    if not (m == "lingua" and f == "unknown")
] + ["cld2_reliable_p"] + [f"{m}_{f}" for m in ("ft", "cld2", "p3l", "lingua") for f in ("log_p_1e5", "renorm")]
L2 = 1e-3
BIAS = "--bias" in sys.argv


def dists_of(r):
    ft = {}
    for c, p in r["ft"]:
        if c:
            ft[c] = ft.get(c, 0.0) + min(p, 1.0)
    reliable, c2 = r["cld2"]
    p3 = {}
    for c, p in r["p3l"]:
        if c:
            p3[c] = p3.get(c, 0.0) + p
    return (ft, c2, p3, dict(r["lingua"])), reliable


def build(rows):
    X, V, Y, C = [], [], [], []
    for r in rows:
        dists, rel = dists_of(r)
        cands = []
        for d in dists:
            for c, _ in sorted(d.items(), key=lambda kv: -kv[1])[:5]:
                if c not in cands:
                    cands.append(c)
        cands = cands[: D.SHORT_CANDS]
        f = np.zeros((D.SHORT_CANDS, len(NAMES)), np.float64)
        if cands:
            f[: len(cands)] = D._short_features(dists, rel, cands)
        X.append(f)
        V.append([j < len(cands) for j in range(D.SHORT_CANDS)])
        Y.append([j < len(cands) and cands[j] == r["lang"] for j in range(D.SHORT_CANDS)])
        C.append(cands + [""] * (D.SHORT_CANDS - len(cands)))
    return np.array(X), np.array(V), np.array(Y), np.array(C, dtype=object)


def fit(X, V, Y):
    keep = Y.any(1)
    X, V, Y = X[keep], V[keep], Y[keep]
    n = len(X)

    def loss(th):
        s = np.where(V, X @ th, -1e9)
        mx = s.max(1, keepdims=True)
        e = np.exp(s - mx) * V
        z = e.sum(1, keepdims=True)
        ll = np.log(z[:, 0]) + mx[:, 0] - (s * Y).sum(1)
        g = ((e / z - Y)[..., None] * X).sum((0, 1))
        return ll.sum() / n + L2 * th @ th, g / n + 2 * L2 * th

    return minimize(loss, np.zeros(X.shape[-1]), jac=True, method="L-BFGS-B").x


def predict(th, X, V, C):
    s = np.where(V, X @ th, -np.inf)
    e = np.exp(s - s.max(1, keepdims=True))
    p = e / e.sum(1, keepdims=True)
    j = p.argmax(1)
    return C[np.arange(len(j)), j], p[np.arange(len(j)), j]


def macro(rows, pred):
    out = {}
    for kind in ("sentences", "word-pairs", "single-words"):
        per = {}
        for r, p in zip(rows, pred):
            if r["kind"] == kind:
                h = per.setdefault(r["lang"], [0, 0])
                h[0] += p == r["lang"]
                h[1] += 1
        out[kind] = round(sum(a / b for a, b in per.values()) / len(per), 4)
    return out


def main(cache: str) -> None:
    D.load()
    rows = pickle.load(open(cache, "rb"))
    short = [
        i
        for i, r in enumerate(rows)
        if r["sig"] and D._is_short(r["clean"])
    ]
    srows = [rows[i] for i in short]
    X, V, Y, C = build(srows)
    if BIAS:  # experiment only: one bias per lingua language (a prior fitted to the dev mix)
        langs = sorted(D._state["lingua_map"])
        X = np.concatenate([X, (C[..., None] == np.array(langs)).astype(np.float64)], -1)
    fold = np.array([r["i"] % 5 for r in srows])
    code = np.empty(len(srows), dtype=object)
    conf = np.zeros(len(srows))
    for k in range(5):
        th = fit(X[fold != k], V[fold != k], Y[fold != k])
        code[fold == k], conf[fold == k] = predict(th, X[fold == k], V[fold == k], C[fold == k])
    base = [r["shipped"][0] for r in rows]
    print("short samples", len(short), "of", len(rows))
    print("cascade only (cached)", macro(rows, base))
    for th_und in sorted({0.0, 0.1, D.MIN_CONF_SHORT}):
        cv = list(base)
        for i, c, p in zip(short, code, conf):
            cv[i] = c if p >= th_und else "und"
        print(f"held-out (5-fold by sample), stacker for short inputs, und below {th_und}:", macro(rows, cv))
    # calibration of the stacker's probability on held-out predictions (10 bins)
    hit = np.array([c == r["lang"] for c, r in zip(code, srows)])
    bins = np.minimum((conf * 10).astype(int), 9)
    ece = sum(abs(conf[bins == b].mean() - hit[bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()) / len(conf)
    print(f"held-out ECE of the stacker probability: {ece:.4f}")
    if BIAS:
        return
    th = fit(X, V, Y)
    OUT.write_text(json.dumps({"features": NAMES, "theta": [round(float(t), 5) for t in th]}, indent=1) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main(sys.argv[1])
