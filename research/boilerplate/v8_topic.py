"""Experiment: topic-coherence features for stage 2 (CV through train.py).

  python v8_topic.py [train.py arguments] --rounds 60,30   # FEATS=topic (default) | none

The line model judges a line by its shape; a teaser of another story, a reader comment or a
related-link blurb has the shape of prose.  What separates it is its *vocabulary*: the
article's lines share content words with each other and with the title; another story's
lead does not.  For each line, with T_i its distinct content tokens (lower case, not a stop
word, not digits, >= 3 characters) and p1 the stage-1 probabilities:
  tp_share  share of T_i found in another line with p1 >= 0.5
  tp_mass   mean over T_i of min(1, sum of p1 of the other lines holding the token)
  tp_title  share of T_i found in the title line (stage-1 `is_title`), -1 without a title
  tp_win5   tp_share averaged over the +-5 lines that have tokens
Lines without content tokens get -1.  The features are appended to the stage-2 matrix by
wrapping lines.stage2_features; line_features is wrapped to remember each matrix's tokens.
"""
import os
import re
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

FEATS = os.environ.get("FEATS", "topic")
_TOK = re.compile(r"\w+")
_SW = set(T.build_stopwords())
_TOKS = {}
_orig_lf = tc.line_features
_orig_s2 = tc.stage2_features


def content_tokens(line):
    return {w for w in (t.lower() for t in _TOK.findall(line))
            if len(w) >= 3 and not w.isdigit() and w not in _SW}


def line_features(lines, lex):
    idx, X = _orig_lf(lines, lex)
    _TOKS[id(X)] = (X, [content_tokens(lines[i]) for i in idx])
    return idx, X


def topic_features(X, p1):
    toks = _TOKS[id(X)][1]
    n = len(p1)
    S, C = {}, {}
    for t_i, p in zip(toks, p1.tolist()):
        for t in t_i:
            S[t] = S.get(t, 0.0) + p
            if p >= 0.5:
                C[t] = C.get(t, 0) + 1
    ti = np.flatnonzero(X[:, tc._FI["is_title"]] > 0)
    title = toks[int(ti[-1])] if len(ti) else None
    out = np.full((n, 4), -1.0)
    for i, (t_i, p) in enumerate(zip(toks, p1.tolist())):
        if not t_i:
            continue
        own = 1 if p >= 0.5 else 0
        out[i, 0] = sum(1 for t in t_i if C.get(t, 0) - own >= 1) / len(t_i)
        out[i, 1] = sum(min(1.0, S[t] - p) for t in t_i) / len(t_i)
        if title is not None and (not len(ti) or i != int(ti[-1])):
            out[i, 2] = len(t_i & title) / len(t_i)
    has = out[:, 0] >= 0
    v = np.where(has, out[:, 0], 0.0)
    cs = np.concatenate(([0.0], np.cumsum(v)))
    ch = np.concatenate(([0], np.cumsum(has)))
    lo = np.maximum(np.arange(n) - 5, 0)
    hi = np.minimum(np.arange(n) + 6, n)
    cnt = ch[hi] - ch[lo]
    out[:, 3] = np.where(cnt > 0, (cs[hi] - cs[lo]) / np.maximum(cnt, 1), -1.0)
    return out


def stage2_features(X, p1, rows=None):
    base = _orig_s2(X, p1, rows)
    if FEATS == "none" or not len(p1):
        return base if FEATS == "none" else np.zeros((0, base.shape[1] + 4))
    extra = topic_features(X, p1)
    if rows is not None:
        extra = extra[rows]
    return np.hstack([base, extra])


tc.line_features = line_features
tc.stage2_features = stage2_features

if __name__ == "__main__":
    T.main()
