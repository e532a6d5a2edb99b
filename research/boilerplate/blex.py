"""Learned lexical evidence (helper `blex`, issue #3): a hashed per-token weight table fitted
as a regularised logistic regression on the labelled lines, fed to the trees as features.

Namespaces (each hashed into the same table of 2**BITS slots with its own salt):
  u  lower-cased word unigrams (a token starting with a digit is the shape token "0")
  f  the line's first word, l  the line's last word
  b  word bigrams (optional)
A line's row counts its slots (a repeated word counts twice: what the runtime sums without
sorting), scaled by 1/sqrt(number of entries) so that a long prose line is not a sum of many
weak votes.

Stacking (honest): `stacked_X` gives a training set's lexical features out-of-fold (inner
k-fold by page; a page's cropped copy gets its source page's model) and a held-out set's
features from the model fitted on the whole training set.

Used by blex_cv.py (5-fold CV by page, as train.py's cv) and blex_look.py (top weights).
"""
import os
import re
import sys

import numpy as np
import scipy.sparse as sp

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

_W = re.compile(r"\w+")
_M64 = (1 << 64) - 1
MULT = 0x9E3779B97F4A7C15
SALT = {"u": 0, "f": 0x632BE59BD9B4E019, "l": 0x85EBCA77C2B2AE63, "b": 0x27D4EB2F165667C5}
_HC: dict = {}


def hword(w):
    h = _HC.get(w)
    if h is None:
        h = _HC[w] = tc._hash_word(w)
    return h


def line_tokens(line):
    """Token hashes of one line as the runtime sees them (lower-cased \\w runs; a token whose
    first character is a digit -> the hash of "0")."""
    out = []
    for t in _W.findall(line.lower()):
        out.append(hword("0") if t[0].isdigit() else hword(t))
    return out


def slot(h, ns, bits):
    return (((h + SALT[ns]) & _M64) * MULT & _M64) >> (64 - bits)


def doc_slots(d, bits, ns):
    """Per line (in d['idx'] order): (unigram slots, first slot, last slot, all slots)."""
    key = ("_sl", bits, ns)
    if key in d:
        return d[key]
    rows = []
    for i in d["idx"]:
        th = line_tokens(d["lines"][i])
        uni = [slot(h, "u", bits) for h in th] if "u" in ns else []
        al = list(uni)
        fs = ls = -1
        if th:
            if "f" in ns:
                fs = slot(th[0], "f", bits)
                al.append(fs)
            if "l" in ns:
                ls = slot(th[-1], "l", bits)
                al.append(ls)
            if "b" in ns:
                al += [slot((a * MULT + b) & _M64, "b", bits) for a, b in zip(th, th[1:])]
        rows.append((uni, fs, ls, al))
    d[key] = rows
    return rows


def design(docs, bits, ns):
    ind, ptr, val = [], [0], []
    for d in docs:
        for _u, _f, _l, al in doc_slots(d, bits, ns):
            ind += al
            ptr.append(len(ind))
            val += [1.0 / np.sqrt(len(al))] * len(al) if al else []
    n = len(ptr) - 1
    # (duplicate column indices within a row summed: counts)
    X = sp.csr_matrix((np.array(val), np.array(ind, np.int64), np.array(ptr)), shape=(n, 1 << bits))
    X.sum_duplicates()
    return X


def fit_lex(docs, bits=16, ns="ufl", C=0.1):
    """Logistic regression on the lines of ``docs`` (weights d['w'], lines with weight 0
    left out) -> (weight table, bias)."""
    from sklearn.linear_model import LogisticRegression

    X = design(docs, bits, ns)
    y = np.concatenate([d["y"] for d in docs])
    w = np.concatenate([d["w"] for d in docs])
    m = w > 0
    lr = LogisticRegression(C=C, solver="liblinear", max_iter=200)
    lr.fit(X[m], (y[m] >= 0.5).astype(int), sample_weight=w[m])
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0])


NAMES = ["lex_logit", "lex_tok_mean", "lex_tok_max", "lex_tok_min", "lex_first", "lex_last",
         "lex_logit~1", "lex_logit~3"]


def lex_features(model, d, bits, ns):
    """Per-line lexical features of a page (NAMES order)."""
    W, b = model
    rows = doc_slots(d, bits, ns)
    n = len(rows)
    out = np.zeros((n, len(NAMES)))
    for k, (uni, fs, ls, al) in enumerate(rows):
        out[k, 0] = b + (W[al].sum() / np.sqrt(len(al)) if al else 0.0)
        if uni:
            wu = W[uni]
            out[k, 1:4] = wu.mean(), wu.max(), wu.min()
        out[k, 4] = W[fs] if fs >= 0 else 0.0
        out[k, 5] = W[ls] if ls >= 0 else 0.0
    if n:
        out[:, 6] = tc._win_mean(out[:, 0], 1)
        out[:, 7] = tc._win_mean(out[:, 0], 3)
    return out


BASE_LEX: dict = {}  # the runtime's lexicon dict (stop words, cues) for rt_features


def quantize(model):
    """The table as the model ships it (float16)."""
    return model[0].astype(np.float16).astype(np.float32), model[1]


def rt_features(model, d, bits):
    """lex_features computed by the runtime (lines.py's _lex_columns through line_features)
    with the float16 table: what the shipped model sees (namespaces 'ufl' only)."""
    W, b = quantize(model)
    lexf = dict(BASE_LEX, w=W, wb=b, wbits=bits)
    _idx, X = tc.line_features(d["lines"], lexf)
    return X[:, len(tc.FEATURE_NAMES):]


def with_lex(d, L):
    """Copy of a page dict whose X carries the lexical columns L."""
    e = dict(d)
    e["X"] = np.hstack([d["X"], L]) if len(d["X"]) else np.zeros((0, d["X"].shape[1] + L.shape[1]))
    return e


def stacked(train_docs, test_docs, bits=16, ns="ufl", C=0.1, inner=5, seed=0, rt=False):
    """-> (training pages with out-of-fold lexical columns (their cropped copies too),
    held-out pages with the columns of the model fitted on all training pages)."""
    rng = np.random.RandomState(seed + 500)
    fold = rng.randint(0, inner, size=len(train_docs))
    out_tr = [None] * len(train_docs)
    if rt:
        assert ns == "ufl" and BASE_LEX, "the runtime computes namespaces ufl (set BASE_LEX)"

        def lex_features(model, d, bits, ns):
            return rt_features(model, d, bits)
    else:
        lex_features = globals()["lex_features"]
    for f in range(inner):
        model = fit_lex([d for d, g in zip(train_docs, fold) if g != f], bits, ns, C)
        for j in np.flatnonzero(fold == f):
            d = train_docs[j]
            e = with_lex(d, lex_features(model, d, bits, ns))
            e["aug"] = [with_lex(a, lex_features(model, a, bits, ns)) for a in d.get("aug", [])]
            out_tr[j] = e
    model = fit_lex(train_docs, bits, ns, C)
    out_te = []
    for d in test_docs:
        e = with_lex(d, lex_features(model, d, bits, ns))
        e["aug"] = [with_lex(a, lex_features(model, a, bits, ns)) for a in d.get("aug", [])]
        out_te.append(e)
    return out_tr, out_te, model
