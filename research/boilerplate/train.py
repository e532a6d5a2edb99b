#!/usr/bin/env python3
"""Offline training of the textclean model (LightGBM -> plain JSON trees).

  python prep_labels.py --teacher --out labels_teacher.json   # line labels from the dev data
  python train.py --labels labels_teacher.json --cv           # 5-fold CV by page + cross-set
  python train.py --labels labels_teacher.json --out my_model.json   # final model

Use the result with ``--set boilerplate.model=my_model.json`` (no need to write into the
installed package; ``--out`` has no default). Your own labels: a JSON object
``{"SET/NAME": {"lines": [...], "y": [0/1 per line], "w": [weight per line]}}`` (see
prep_labels.py); every set in the file is used unless ``--sets`` names some. Pages of sets
without the organisers' truth (anything but aeb and trafeval) are scored on their labels
(line precision / recall / F1 of the lines labelled 1, weight > 0).

Needs ``pip install -e ".[train]"`` (lightgbm; torch for ``--seq``); the shipped model is
evaluated by corearchive_plugins.boilerplate.lines with numpy.  Metrics of aeb and trafeval
are the organisers' (imported from boilerplate_eval.py in ``--eval``, default
$COREARCHIVE_EVAL or /work/shared/eval); without it, only the labels' figures.
"""
import argparse
import collections
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
sys.path.insert(0, HERE)
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

LINGUA = os.path.join(EVAL, "data", "lingua", "dev", "sentences")
#: the organisers' metric functions (boilerplate_eval.py in EVAL), None without it
aeb_scores = shingle_counts = snippet_counts = snippet_scores = tokens = None


def use_eval(path):
    """Read the organisers' data and metrics from ``path`` (the --eval folder): truth of the
    aeb and trafeval dev sets, the lingua sentences the stop words come from, and the metric
    functions.  Missing parts are skipped (your own labels need none of them)."""
    global EVAL, LINGUA, aeb_scores, shingle_counts, snippet_counts, snippet_scores, tokens
    EVAL = path
    LINGUA = os.path.join(EVAL, "data", "lingua", "dev", "sentences")
    if os.path.isfile(os.path.join(EVAL, "boilerplate_eval.py")):
        sys.path.insert(0, EVAL)
        from boilerplate_eval import aeb_scores, shingle_counts, snippet_counts, snippet_scores, tokens  # noqa: F401


use_eval(EVAL)
JT = {"af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
      "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
      "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
      "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
      "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic",
      "it": "Italian", "ka": "Georgian", "kk": "Kazakh", "ko": "Korean", "la": "Latin",
      "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "mr": "Marathi",
      "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "nl": "Dutch", "pl": "Polish",
      "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
      "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
      "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
      "vi": "Vietnamese", "az": "Azerbaijani", "be": "Belarusian", "bs": "Bosnian", "uz": "Uzbek"}

# v4 (shipped): depth 6 / 31 leaves, 60 + 30 rounds (v3: depth 4 / 15 leaves, 80 + 40);
# 5-fold CV with rules 0.917/0.891 -> 0.918/0.897 (aeb / trafeval), see REPORT.md
PARAMS = dict(objective="binary", learning_rate=0.12, num_leaves=31, max_depth=6, min_data_in_leaf=40,
              feature_fraction=0.7, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
              verbose=-1, num_threads=1, seed=1)
# v8 (shipped): a third stage of 30 rounds (fit_stages): 5-fold CV with rules on three
# page-to-fold splits 0.916/0.892 -> 0.921/0.895 (mean; every split up on both sets)
ROUNDS = (60, 30, 30)


def build_stopwords(top=40):
    """Frequent function words of ~75 languages: the `top` most frequent words of each language's
    sample sentences that are on jusText's stop list for that language (or, without a list,
    frequent words of <= 3 letters).  Without the lingua sentences (no --eval data): the stop
    words of the shipped model, which were built so."""
    if not os.path.isdir(LINGUA):
        print(f"(no {LINGUA}: the shipped model's stop words)", flush=True)
        with open(tc.MODEL_PATH, encoding="utf-8") as f:
            return sorted(json.load(f)["stopwords"])
    import justext
    sw = set()
    for fn in sorted(os.listdir(LINGUA)):
        lang = fn.split(".")[0]
        cnt = collections.Counter(w.lower() for ln in open(os.path.join(LINGUA, fn), encoding="utf-8")
                                  for w in tc._TOK.findall(ln) if not w.isdigit())
        jl = None
        if lang in JT:
            try:
                jl = justext.get_stoplist(JT[lang])
            except (ValueError, KeyError):
                jl = None
        picked = 0
        for w, _ in cnt.most_common(400):
            if (w in jl) if jl else (len(w) <= 3 and _ > 3):
                sw.add(w)
                picked += 1
                if picked >= top:
                    break
    return sorted(sw)


def reweight(docs, mode="line", teacher_w=None):
    """Sample weights: 'line' as labelled, 'doc' each page sums to the same total,
    'tok' lines weighted by sqrt(tokens), 'doctok' both."""
    for d in docs:
        w = d["w0"].copy()
        if teacher_w is not None:
            w[(w > 0) & (w < 1)] = teacher_w
        if "tok" in mode:
            w = w * np.sqrt(np.maximum(d["X"][:, 0], 1.0)) if len(w) else w
        if mode.startswith("doc") and w.sum() > 0:
            w = w * (60.0 / w.sum())
        d["w"] = w
    return docs


def scale_sets(docs, weights):
    """Each page of a set in ``weights`` ({set: factor}), with its cropped copies, weighs
    ``factor`` times as much. Under doctok every page sums to the same weight, so a set's
    teacher weight only moves weight between its own lines (v19: raising trafeval's took it
    from its gold lines); this raises the set's share of the training weight instead."""
    for d in docs:
        k = weights.get(d["set"], 1.0)
        for e in [d, *d.get("aug", [])]:
            e["w"] = e["w"] * k
    return docs


def load_docs(path, sw):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    docs = []
    for key in sorted(data):
        d = data[key]
        idx, X = tc.line_features(d["lines"], sw)
        y = np.array([d["y"][i] for i in idx], dtype=np.float64)
        w = np.array([d["w"][i] for i in idx], dtype=np.float64)
        w[y < 0] = 0.0
        docs.append({"key": key, "set": key.split("/")[0], "lines": d["lines"], "idx": idx, "X": X,
                     "y": np.maximum(y, 0), "w": w, "w0": w.copy()})
    return docs


def load_truth():
    """The organisers' truth of the aeb and trafeval dev pages (none without --eval data)."""
    t = {}
    if aeb_scores is None:
        return t
    for s in ("aeb", "trafeval"):
        path = os.path.join(EVAL, "data", s, "dev", "truth.json")
        if not os.path.exists(path):
            continue
        for k, v in json.load(open(path, encoding="utf-8")).items():
            t[s + "/" + k] = v
    return t


def stack(docs, extra=None):
    X = np.vstack([d["X"] if extra is None else extra[d["key"]] for d in docs])
    y = np.concatenate([d["y"] for d in docs])
    w = np.concatenate([d["w"] for d in docs])
    return X, y, w


#: columns of the stage matrices the trees may not split on (--drop-features): set to 0 in
#: what the trees are fitted on, so no tree reads them (the runtime computes them unchanged)
DROP = []


def fit(X, y, w, rounds, params=None):
    import lightgbm as lgb
    m = w > 0
    Xm = X[m]
    Xm[:, DROP] = 0.0
    ds = lgb.Dataset(Xm, y[m], weight=w[m], free_raw_data=True)
    return lgb.train(params or PARAMS, ds, num_boost_round=rounds)


def predict(b, X):
    return b.predict(X) if X.shape[0] else np.zeros(0)


def make_aug(d, sw, rng):
    """Cropped copy of a labelled page: random parts of the header and footer removed, so the
    model does not learn 'article = far from the page edges' only (pages may come pre-trimmed)."""
    lines, idx, y, w = d["lines"], d["idx"], d["y"], d["w0"]
    pos = [i for i, yy, ww in zip(idx, y, w) if yy > 0 and ww >= 1]
    if not pos:
        return None
    first, last = pos[0], pos[-1]
    a = 0 if rng.rand() < 0.7 else rng.randint(0, first + 1)
    a = rng.randint(0, first + 1) if a == 0 and rng.rand() < 0.5 else a
    b = len(lines) if rng.rand() < 0.3 else rng.randint(last + 1, len(lines) + 1)
    if a == 0 and b == len(lines):
        a = rng.randint(0, first + 1)
        b = rng.randint(last + 1, len(lines) + 1)
    sub = lines[a:b]
    lab = {i: (yy, ww) for i, yy, ww in zip(idx, y, w)}
    sidx, X = tc.line_features(sub, sw)
    ya = np.array([lab[i + a][0] for i in sidx])
    wa = np.array([lab[i + a][1] for i in sidx])
    return {"key": d["key"] + "#aug", "set": d["set"], "lines": sub, "idx": sidx, "X": X, "y": ya,
            "w": wa, "w0": wa.copy(), "src": d["key"]}


def add_aug(docs, sw, seed=7):
    rng = np.random.RandomState(seed)
    for d in docs:
        a = make_aug(d, sw, rng)
        d["aug"] = [a] if a is not None else []
    return docs


def expand(docs):
    return docs + [a for d in docs for a in d.get("aug", [])]


def fit_two_stage(docs, inner=3, rounds=ROUNDS, params=None, seed=0):
    """Stage 1 on all docs; stage 2 on stage-1 probabilities that are out-of-fold (inner CV).
    Augmented copies travel with their source page (same inner fold)."""
    src = docs
    docs = expand(src)
    X, y, w = stack(docs)
    b1 = fit(X, y, w, rounds[0], params)
    if not rounds[1]:
        return b1, None
    rng = np.random.RandomState(seed)
    fold0 = rng.randint(0, inner, size=len(src))
    fold = np.concatenate([fold0, [k for d, k in zip(src, fold0) for _a in d.get("aug", [])]])
    p_oof = {}
    for f in range(inner):
        tr = [d for d, k in zip(docs, fold) if k != f]
        te = [d for d, k in zip(docs, fold) if k == f]
        bi = fit(*stack(tr), rounds[0], params)
        for d in te:
            p_oof[d["key"]] = predict(bi, d["X"])
    X2 = {d["key"]: tc.stage2_features(d["X"], p_oof[d["key"]]) for d in docs}
    b2 = fit(stack(docs, X2)[0], y, w, rounds[1], params)
    return b1, b2


def predict_two_stage(b1, b2, d):
    p1 = predict(b1, d["X"])
    if b2 is None or not len(p1):
        return p1
    # as the runtime does: stage 2 only for lines with p1 in [band, 1 - band]
    band = (p1 >= tc.STAGE2_BAND) & (p1 <= 1 - tc.STAGE2_BAND)
    p2 = p1.copy()
    if band.any():
        p2[band] = predict(b2, tc.stage2_features(d["X"], p1)[band])
    return p2


def fit_stages(docs, rounds=ROUNDS, params=None, inner=3, seed=0, oof_out=None):
    """Stages 1-2 (fit_two_stage) and, with a third number of rounds, stage 3 (v8): the
    stage-2 context recomputed on stage-2 scores that are out-of-fold (an inner 3-fold split
    fits stages 1-2 on two folds and predicts the third; a page's cropped copy goes with it)
    -> list of boosters.  ``oof_out`` (a dict) receives those out-of-fold (p1, p2) by page
    key: the sequence layer (v10) is trained on them."""
    b1, b2 = fit_two_stage(docs, inner, rounds[:2], params, seed)
    if len(rounds) < 3 or not rounds[2] or b2 is None:
        return [b1, b2]
    rng = np.random.RandomState(seed + 100)
    fold0 = rng.randint(0, inner, size=len(docs))
    oof = {}
    for f in range(inner):
        tr = [d for d, k in zip(docs, fold0) if k != f]
        bi1, bi2 = fit_two_stage(tr, inner, rounds[:2], params, seed)
        for d in (d for d, k in zip(docs, fold0) if k == f):
            for e in [d, *d.get("aug", [])]:
                oof[e["key"]] = (predict(bi1, e["X"]), predict_two_stage(bi1, bi2, e))
    alld = expand(docs)
    X3 = {d["key"]: tc.stage3_features(d["X"], *oof[d["key"]]) for d in alld}
    _, y, w = stack(alld)
    if oof_out is not None:
        oof_out.update(oof)
    return [b1, b2, fit(stack(alld, X3)[0], y, w, rounds[2], params)]


def load_renderings(path, lex, weight=1.0, teacher_weight=0.1):
    """The dev pages as other browsers render them (render_labels.py's file, keys
    ``SET/NAME@RENDERING``) with their cropped copies, weighted as the dev pages (doctok,
    ``teacher_weight``), then each scaled to ``weight`` times a page, so that the renderings
    need not take the dev layout's share of the training weight (v17 weighted them as pages,
    and trafeval's own text lost 0.003-0.008 in CV; v18)."""
    rend = load_docs(path, lex)
    add_aug(rend, lex)
    for d in rend:
        for e in [d, *d["aug"]]:
            reweight([e], "doctok", teacher_weight)
            e["w"] = e["w"] * weight
    return rend


def load_training(labels, extra=None, aug=True, weighting="doctok", teacher_weight=0.1, sets=None,
                  silver=(), silver_weight=0.5, renderings=None, render_weight=1.0,
                  render_teacher_weight=None):
    """The training data every script of this folder starts from -> (stop words, lexicon,
    dev pages (with their cropped copies when ``aug``), extra pages), weighted as train.py's
    ``--weighting`` / ``--teacher-weight``; ``sets``: keep only these dev sets.  ``silver``:
    label files of teacher-labelled pages (prep_extra.py), added to the extra pages with each
    page's weight ``silver_weight`` times a dev page's (v13).  ``renderings``: a file of
    load_renderings', added to the extra pages at ``render_weight`` times a page (v18), their
    teacher-labelled lines at ``render_teacher_weight`` (default ``teacher_weight``): the dev
    layout's teacher weight can rise apart from theirs (v19)."""
    sw = build_stopwords()
    lex = tc._build_lex(sw)
    docs = [d for d in load_docs(labels, lex) if sets is None or d["set"] in sets]
    if aug:
        add_aug(docs, lex)
        for d in docs:
            reweight(d["aug"], weighting, teacher_weight)
    reweight(docs, weighting, teacher_weight)
    more = reweight(load_docs(extra, lex), weighting, teacher_weight) if extra else []
    for path in silver:
        for d in reweight(load_docs(path, lex), weighting, teacher_weight):
            d["w"] = d["w"] * silver_weight
            more.append(d)
    if renderings:
        rtw = teacher_weight if render_teacher_weight is None else render_teacher_weight
        more += load_renderings(renderings, lex, render_weight, rtw)
    return sw, lex, docs, more


def predict_stages(bs, d):
    """Scores of a page as the runtime computes them (each later stage on the unsure lines)."""
    p2 = predict_two_stage(bs[0], bs[1], d)
    if len(bs) < 3 or not len(p2):
        return p2
    band = (p2 >= tc.STAGE3_BAND) & (p2 <= 1 - tc.STAGE3_BAND)
    p3 = p2.copy()
    if band.any():
        p3[band] = predict(bs[2], tc.stage3_features(d["X"], predict(bs[0], d["X"]), p2)[band])
    return p3


# ------------------------------------------------------------------ evaluation ----
def doc_output(d, p, thr):
    return "\n".join(d["lines"][i] for i, keep in zip(d["idx"], (p >= thr).tolist()) if keep)


def label_scores(ds, preds, thr):
    """Line precision / recall / F1 on the labels themselves (lines labelled 1 with weight
    > 0 are content): the figure of a set without the organisers' truth."""
    tp = fp = fn = 0
    for d in ds:
        keep = preds[d["key"]] >= thr
        pos = d["y"] >= 0.5
        m = d["w0"] > 0
        tp += int((keep & pos & m).sum())
        fp += int((keep & ~pos & m).sum())
        fn += int((~keep & pos & m).sum())
    P = tp / max(tp + fp, 1)
    R = tp / max(tp + fn, 1)
    return {"P": P, "R": R, "F1": 2 * P * R / max(P + R, 1e-12)}


def evaluate(docs, preds, truth, thr):
    res = {}
    for s in sorted({d["set"] for d in docs}):
        ds = [d for d in docs if d["set"] == s and d["key"] in preds]
        if not ds:
            continue
        if s not in ("aeb", "trafeval") or any(d["key"] not in truth for d in ds):
            res[f"{s} (labels, lines)"] = label_scores(ds, preds, thr)
            continue
        if s == "aeb":
            per, ex = [], []
            for d in ds:
                out = doc_output(d, preds[d["key"]], thr)
                body = truth[d["key"]]["articleBody"]
                per.append(shingle_counts(body, out))
                ex.append(tokens(body) == tokens(out))
            res[s] = aeb_scores(per, ex)
        else:
            cnt = [snippet_counts(truth[d["key"]], doc_output(d, preds[d["key"]], thr)) for d in ds]
            res[s] = snippet_scores(cnt)
    return res


def fmt(res):
    return "  ".join(f"{s}: P={r['P']:.3f} R={r['R']:.3f} F1={r['F1']:.3f}" for s, r in res.items())


def sweep(docs, preds, truth, label, thrs=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)):
    for t in thrs:
        print(f"  {label} thr={t:.2f}  {fmt(evaluate(docs, preds, truth, t))}", flush=True)


def cv(docs, truth, k=5, rounds=ROUNDS, seed=0, extra=()):
    rng = np.random.RandomState(seed)
    fold = rng.permutation(len(docs)) % k
    p1s, p2s, s2s = {}, {}, {}
    for f in range(k):
        tr = [d for d, g in zip(docs, fold) if g != f]
        te = [d for d, g in zip(docs, fold) if g == f]
        bs = fit_stages(tr + list(extra), rounds=rounds)
        for d in te:
            p1s[d["key"]] = predict(bs[0], d["X"])
            p2s[d["key"]] = predict_stages(bs, d)
            s2s[d["key"]] = predict_two_stage(bs[0], bs[1], d)
        print(f"  fold {f} done", flush=True)
    return p1s, p2s, s2s  # (s2s: the stage-2 scores, which a third stage re-scores)


def cross_set(docs, truth, rounds=ROUNDS):
    out = {}
    for src, dst in (("aeb", "trafeval"), ("trafeval", "aeb")):
        tr = [d for d in docs if d["set"] == src]
        te = [d for d in docs if d["set"] == dst]
        bs = fit_stages(tr, rounds=rounds)
        out[(src, dst)] = ({d["key"]: predict(bs[0], d["X"]) for d in te},
                           {d["key"]: predict_stages(bs, d) for d in te})
    return out


# ---------------------------------------------------------------------- export ----
def export_trees(booster):
    dump = booster.dump_model()
    trees = []
    for ti in dump["tree_info"]:
        feat, thr, left, right, val = [], [], [], [], []
        maxd = [0]

        def walk(node, depth):
            k = len(feat)
            feat.append(0)
            thr.append(None)
            left.append(k)
            right.append(k)
            val.append(0.0)
            if "leaf_value" in node or "split_feature" not in node:
                val[k] = float(node.get("leaf_value", 0.0))
                maxd[0] = max(maxd[0], depth)
                return k
            assert node["decision_type"] == "<=", node["decision_type"]
            feat[k] = int(node["split_feature"])
            thr[k] = float(node["threshold"])
            left[k] = walk(node["left_child"], depth + 1)
            right[k] = walk(node["right_child"], depth + 1)
            return k

        walk(ti["tree_structure"], 0)
        trees.append({"feat": feat, "thr": thr,
                      "left": left, "right": right, "value": [round(v, 7) for v in val], "depth": maxd[0]})
    return trees


def made_by(args):
    """How the model was made, written into it (the run's provenance shows it): the script
    and its arguments, the digests of the label files, the code's commit, the libraries."""
    import hashlib
    import importlib.metadata as md
    import subprocess

    def digest(path):
        with open(path, "rb") as f:
            return "sha256:" + hashlib.sha256(f.read()).hexdigest()

    try:
        commit = subprocess.run(["git", "-C", HERE, "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--", "../../plugins"],
                                    capture_output=True, text=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = None, None
    libs = {}
    for name in ("corearchive", "lightgbm", "numpy", "torch"):
        try:
            libs[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return {"script": "research/boilerplate/train.py", "argv": sys.argv[1:],
            "labels": {os.path.basename(args.labels): digest(args.labels),
                       **({os.path.basename(args.extra): digest(args.extra)} if args.extra else {}),
                       **({os.path.basename(args.renderings): digest(args.renderings)}
                          if args.renderings else {}),
                       **{os.path.basename(p): digest(p) for p in args.silver}},
            "commit": commit, "uncommitted_changes": dirty, "libraries": libs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", default=os.path.join(HERE, "labels_teacher.json"))
    ap.add_argument("--cv", action="store_true", help="5-fold CV by page, cross-set, in-sample")
    ap.add_argument("--out", help="write the final model (trained on all dev pages) here")
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--rounds", default=",".join(map(str, ROUNDS)),
                    help="boosting rounds per stage (two or three stages)")
    ap.add_argument("--dump", help="pickle the CV predictions here")
    ap.add_argument("--weighting", default="line", choices=["line", "doc", "tok", "doctok"])
    ap.add_argument("--teacher-weight", type=float)
    ap.add_argument("--extra", help="extra labelled pages (labels json), used for training only")
    ap.add_argument("--silver", action="append", default=[], help="teacher-labelled pages"
                    " (prep_extra.py's labels json; repeatable), used for training only")
    ap.add_argument("--silver-weight", type=float, default=0.5,
                    help="weight of a --silver page relative to a dev page (doctok weighting)")
    ap.add_argument("--renderings", help="the dev pages as w3m/lynx render them (render_labels.py's"
                    " labels json), used for training only, each with a cropped copy (v18)")
    ap.add_argument("--render-weight", type=float, default=1.0,
                    help="weight of a --renderings page relative to a dev page (doctok weighting)")
    ap.add_argument("--render-teacher-weight", type=float,
                    help="the renderings' teacher-labelled lines' weight (default --teacher-weight)")
    ap.add_argument("--aug", action="store_true", help="add a header/footer-cropped copy of each page")
    ap.add_argument("--no-cross", action="store_true")
    ap.add_argument("--cv-seed", type=int, default=0, help="seed of the page-to-fold split")
    ap.add_argument("--sets", help="keep only the pages of these sets (comma-separated; the part"
                    " of a label key before '/'); default: every set in --labels")
    ap.add_argument("--eval", default=EVAL, help="the organisers' folder: metrics, truth, lingua"
                    " sentences for the stop words (default $COREARCHIVE_EVAL or /work/shared/eval)")
    ap.add_argument("--params", help="JSON object of LightGBM parameters overriding PARAMS")
    ap.add_argument("--seq", help="train the v10 sequence layer (needs torch), e.g. "
                    "'chan=16,kernel=5,dil=1-2-4,epochs=10,feats=all,mix=0.5' (see v10_seq.py)")
    ap.add_argument("--drop-features", default="",
                    help="comma-separated feature names no tree may split on (e.g. page-global ones)")
    ap.add_argument("--rules", default="teaser,caption,bridge,byline,noprose,cueonly",
                    help="post-processing rules the runtime applies (written into the model)")
    args = ap.parse_args()
    if args.params:
        PARAMS.update(json.loads(args.params))
    rounds = tuple(int(x) for x in args.rounds.split(","))
    DROP[:] = [tc.FEATURE_NAMES.index(f) for f in args.drop_features.split(",") if f]
    use_eval(args.eval)
    t0 = time.time()
    in_file = sorted({k.split("/")[0] for k in json.load(open(args.labels, encoding="utf-8"))})
    sets = args.sets.split(",") if args.sets else in_file
    left_out = [s for s in in_file if s not in sets]
    if left_out:
        print(f"(--sets {','.join(sets)}: the pages of {', '.join(left_out)} are left out)")
    sw, lex, docs, extra = load_training(args.labels, args.extra, args.aug, args.weighting,
                                         args.teacher_weight, sets, args.silver, args.silver_weight,
                                         args.renderings, args.render_weight,
                                         args.render_teacher_weight)
    if not docs:
        sys.exit(f"no labelled page of the sets {', '.join(sets)} in {args.labels}"
                 f" (its sets: {', '.join(in_file) or 'none'})")
    truth = load_truth()
    print(f"{len(docs)} docs, {sum(len(d['idx']) for d in docs)} lines, {len(sw)} stop words, "
          f"{len(tc.FEATURE_NAMES)} features ({time.time() - t0:.1f}s)", flush=True)
    if args.cv:
        p1s, p2s, s2s = cv(docs, truth, rounds=rounds, extra=extra, seed=args.cv_seed)
        if args.dump:
            import pickle
            pickle.dump({"p1": p1s, "p2": p2s, "s2": s2s}, open(args.dump, "wb"))
        print("5-fold CV by page, stage 1 only:")
        sweep(docs, p1s, truth, "cv-s1")
        print("5-fold CV by page, all stages:")
        sweep(docs, p2s, truth, "cv-s2")
        for (src, dst), (q1, q2) in ({} if args.no_cross else cross_set(docs, truth, rounds=rounds)).items():
            print(f"cross-set train {src} -> test {dst}:")
            sweep(docs, q1, truth, "s1", thrs=(0.4, 0.5, 0.6))
            sweep(docs, q2, truth, "s2", thrs=(0.4, 0.5, 0.6))
    if args.out or args.cv:
        oof = {}
        bs = fit_stages(docs + extra, rounds=rounds, oof_out=oof)
        ins = {d["key"]: predict_stages(bs, d) for d in docs}
        seq = None
        if args.seq:
            # v10: the sequence layer on the stages' out-of-fold scores (PyTorch, offline only)
            import v10_seq
            seq, seq_net = v10_seq.fit_export(expand(docs + extra), oof, args.seq)
            for d in docs:
                if len(d["idx"]):
                    q = v10_seq.run_net(seq_net, seq, d["X"], predict(bs[0], d["X"]),
                                        predict_two_stage(bs[0], bs[1], d))
                    ins[d["key"]] = (1 - seq["mix"]) * ins[d["key"]] + seq["mix"] * q
        print("in-sample (trained on all dev pages):")
        sweep(docs, ins, truth, "in", thrs=(0.4, 0.5, 0.6))
        if args.out:
            stages = [{"base": 0.0, "trees": export_trees(b)} for b in bs if b is not None]
            model = {"version": 1, "features": tc.FEATURE_NAMES, "stage2_features": tc.STAGE2_NAMES,
                     **({"stage3_features": tc.STAGE3_NAMES} if len(stages) > 2 else {}),
                     "threshold": args.threshold, "stopwords": sw, "stages": stages,
                     "trained_on": os.path.basename(args.labels), "rounds": list(rounds),
                     "rules": args.rules.split(","), **({"seq": seq} if seq else {}),
                     "provenance": made_by(args)}
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(model, f, ensure_ascii=False, separators=(",", ":"))
            print(f"wrote {args.out} ({os.path.getsize(args.out) / 1024:.0f} KB)")
            if os.path.abspath(args.out) == os.path.abspath(tc.MODEL_PATH):
                tc.write_cache()  # the shipped model's arrays (see lines.write_cache)
                print(f"wrote {tc.CACHE_PATH}")
            # check the JSON evaluator against lightgbm
            m = tc.load_model(args.out)
            diffs = []
            for d in docs[:50]:
                _i, _p1, p2, _X = tc.score_lines(d["lines"], m)
                diffs.append(np.abs(p2 - ins[d["key"]]).max() if len(p2) else 0)
            print(f"max |json - lightgbm{' and torch' if seq else ''}| = {max(diffs):.2e}")
    print(f"total {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
