"""Conditional-logit (softmax over a page's candidates) ranker; vectorised with reduceat."""
import numpy as np
from scipy.optimize import minimize


def fit_listwise(X, y, g, l2=1.0):
    mu, sd = X.mean(0), X.std(0); sd[sd == 0] = 1
    order = np.argsort(g, kind="stable")
    Z, y, g = ((X - mu) / sd)[order], y[order], g[order]
    # keep pages with at least one positive and one negative
    starts = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    pos_n = np.add.reduceat(y, starts); cnt = np.diff(np.r_[starts, len(g)])
    keep_page = (pos_n > 0) & (pos_n < cnt)
    keep = np.repeat(keep_page, cnt)
    Z, y, g = Z[keep], y[keep], g[keep]
    starts = np.r_[0, np.flatnonzero(np.diff(g)) + 1]
    cnt = np.diff(np.r_[starts, len(g)])
    pos = y == 1

    def seg_lse(s, mask):
        s2 = np.where(mask, s, -np.inf)
        m = np.maximum.reduceat(s2, starts)
        e = np.where(mask, np.exp(s2 - np.repeat(m, cnt)), 0.0)
        tot = np.add.reduceat(e, starts)
        return m + np.log(tot), e / np.repeat(tot, cnt)

    allmask = np.ones(len(y), bool)

    def obj(w):
        s = Z @ w
        la, pa = seg_lse(s, allmask)
        lp, pp = seg_lse(s, pos)
        loss = (la - lp).sum() + l2 * w @ w / 2
        grad = Z.T @ (pa - pp) + l2 * w
        return loss, grad
    r = minimize(obj, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return r.x, mu, sd


def made_by(script, data):
    """How a ranker was made, written into a model file by ``--out``: the script and its
    arguments, the data folders, the code's commit, the libraries."""
    import importlib.metadata as md
    import os
    import subprocess
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    try:
        commit = subprocess.run(["git", "-C", here, "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    libs = {}
    for name in ("corearchive", "numpy", "scipy", "scikit-learn"):
        try:
            libs[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return {"script": script, "argv": sys.argv[1:], "data": [str(d) for d in data],
            "commit": commit, "libraries": libs}
