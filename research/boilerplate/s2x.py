"""Experiment: more sequence context for stage 2 (wider p1 windows, token-weighted windows,
distance to confident lines, blank-line block aggregates).  Patches lines.stage2_features and
runs train.py's main:  python s2x.py --labels ... --cv ... (same arguments as train.py)."""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402

tc = T.tc
_base = tc.stage2_features


def _stage2_all(X, p1, rows):
    return _base(X, p1)  # all rows; the caller's rows are taken after the extras are added
EXTRA = [
    "p1@-3",
    "p1@+3",
    "p1_max~2",
    "p1_min~2",
    "p1_tw~3",
    "p1_tw~8",
    "mass_ge~5",
    "dist_conf_before",
    "dist_conf_after",
    "p1_prev_long",
    "p1_next_long",
    "block_p1_mean",
    "block_mass_log",
    "block_lines",
]


def _wsum(a, h):
    n = len(a)
    c = np.concatenate(([0.0], np.cumsum(a)))
    i = np.arange(n)
    return c[np.minimum(i + h + 1, n)] - c[np.maximum(i - h, 0)]


def _last_true_idx(mask):
    """index of the last True at or before i (-1 if none)."""
    n = len(mask)
    return np.maximum.accumulate(np.where(mask, np.arange(n), -1))


def stage2_features(X, p1, rows=None):
    out = _stage2_all(X, p1, rows)
    n = len(p1)
    if not n:
        return np.zeros((0, out.shape[1] + len(EXTRA)))
    if rows is not None:
        out = out[rows]
    ntok = X[:, 0]
    E = np.empty((n, len(EXTRA)))
    E[:, 0] = tc._shift(p1, 3)
    E[:, 1] = tc._shift(p1, -3)
    P = np.full(n + 4, np.nan)
    P[2:-2] = p1
    Wn = np.lib.stride_tricks.sliding_window_view(P, 5)
    E[:, 2] = np.nanmax(Wn, axis=1)
    E[:, 3] = np.nanmin(Wn, axis=1)
    E[:, 4] = _wsum(p1 * ntok, 3) / np.maximum(_wsum(ntok, 3), 1)
    E[:, 5] = _wsum(p1 * ntok, 8) / np.maximum(_wsum(ntok, 8), 1)
    E[:, 6] = _wsum(ntok * (p1 >= 0.5), 5) / np.maximum(_wsum(ntok, 5), 1)
    conf = p1 >= 0.9
    pos = np.arange(n)
    lb = _last_true_idx(np.concatenate(([False], conf[:-1])))  # strictly before
    E[:, 7] = np.where(lb >= 0, np.minimum(pos - lb, 50), 60)
    la = n - 1 - _last_true_idx(np.concatenate(([False], conf[::-1][:-1])))[::-1]
    E[:, 8] = np.where(la < n, np.minimum(la - pos, 50), 60)
    long_ = ntok >= 8
    lb = _last_true_idx(np.concatenate(([False], long_[:-1])))
    E[:, 9] = np.where(lb >= 0, p1[np.maximum(lb, 0)], -1)
    la = n - 1 - _last_true_idx(np.concatenate(([False], long_[::-1][:-1])))[::-1]
    E[:, 10] = np.where(la < n, p1[np.minimum(la, n - 1)], -1)
    gb = X[:, tc._FI["gap_before"]] > 0
    bid = np.cumsum(gb) - 1 if gb[0] else np.cumsum(gb)
    cnt = np.bincount(bid)
    E[:, 11] = (np.bincount(bid, p1) / cnt)[bid]
    E[:, 12] = np.log1p(np.bincount(bid, ntok)[bid])
    E[:, 13] = np.minimum(cnt[bid], 30)
    return np.hstack([out, E if rows is None else E[rows]])


tc.stage2_features = stage2_features
tc.STAGE2_NAMES = tc.STAGE2_NAMES + EXTRA
if __name__ == "__main__":
    T.main()
