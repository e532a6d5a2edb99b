"""Listwise softmax (linear) reranker over the top-K: linear score + verdict/position features."""
import sys, hashlib, numpy as np
from scipy.optimize import minimize
from train import build
NS = 29  # score .. ntop
dev = build(["d_dev.pkl"]); acc = build(["d_acc.pkl"]); tu = build(["d_tu.pkl"])
def prep(P):
    out = []
    for r, X, y in P:
        Z = X[:, :NS].copy()
        Z[:, 3] = np.clip(Z[:, 3], -10, 10) / 10.0
        Z[:, 23] = np.clip(Z[:, 23], -10, 10) / 10.0
        Z = np.delete(Z, [1, 2, 28], axis=1)  # gap, rank, ntop: page-relative copies
        out.append((r, Z, y))
    return out
dev, acc, tu = prep(dev), prep(acc), prep(tu)
trainP = dev + acc
grp = np.array([int(hashlib.md5(p[0]["truth"].encode()).hexdigest(), 16) % 5 for p in trainP])
def fit(P, C):
    P = [p for p in P if p[2].any()]
    d = P[0][1].shape[1]
    def f(w):
        L = 0.0; g = np.zeros(d)
        for _, X, y in P:
            s = X @ w; s -= s.max(); e = np.exp(s); pr = e / e.sum()
            t = y / y.sum()
            L -= (t * np.log(pr + 1e-12)).sum(); g -= X.T @ (t - pr)
        L += C * (w[1:] ** 2).sum(); g[1:] += 2 * C * w[1:]
        return L, g
    w0 = np.zeros(d); w0[0] = 1.0
    return minimize(f, w0, jac=True, method="L-BFGS-B").x
def acc_(P, w):
    return sum(y[int(np.argmax(X @ w))] for _, X, y in P)
for C in (0.3, 1.0, 3.0, 10.0):
    cv = 0
    for k in range(5):
        w = fit([p for p, g in zip(trainP, grp) if g != k], C)
        cv += acc_([p for p, g in zip(trainP, grp) if g == k], w)
    w = fit(trainP, C)
    print(C, "CV", cv, sum(p[2][0] for p in trainP), "tuning", acc_(tu, w), sum(p[2][0] for p in tu), np.round(w[:8], 2), flush=True)
