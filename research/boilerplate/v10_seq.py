"""A learned sequence layer over the lines of a page, stacked on the LightGBM stages (v10).

Input per line: the stage-1 feature vector (signed log1p, then standardised on the training
lines) plus logit(p1) and logit(p2) of stages 1-2.  Model: a 1x1 projection to C channels,
then residual dilated 1-D convolutions (kernel K), then one output logit added to
alpha * logit(p2).  Honest stacking: for the training pages of an outer fold the p1/p2 inputs
are the inner out-of-fold scores that v10_dump.py saved (what stage 3 is fitted on); for the
fold's test pages they are the outer models' scores.  Loss: BCE weighted as train.py
(--weighting doctok, teacher weight 0.1).

  python v10_seq.py X_S.pkl [--chan 32 --kernel 5 --dil 1,2,4 --epochs 30] [--save seq_S.pkl]

Prints CV F1 (rules on, thr 0.5) of: the three stages (baseline), the sequence model alone,
and its average with the stage-3 scores (probability and logit means).
"""

import argparse
import json
import os
import pickle
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train as T  # noqa: E402
from corearchive_plugins.boilerplate import lines as tc  # noqa: E402

LABELS = os.environ.get("LABELS", "/work/scratch/bp/labels_teacher.json")
SEEDS = os.environ.get("SEEDS", "/work/scratch/bp/labels_seeds.json")
# v13: teacher-labelled pages the dump was made with (v10_dump.py --silver), colon-separated
SILVER = [p for p in os.environ.get("SILVER", "").split(":") if p]
SILVER_WEIGHT = float(os.environ.get("SILVER_WEIGHT", "0.5"))
RULES = ("teaser", "caption", "bridge", "byline", "noprose")
EPS = 1e-4


def logit(p):
    p = np.clip(p, EPS, 1 - EPS)
    return np.log(p / (1 - p))


def slog(X):
    return np.sign(X) * np.log1p(np.abs(X))


LOG = True  # signed log1p of the features before standardising (--nolog: linear, foldable)


NFEAT = None  # --feats line: only the first NFEAT columns (per-line features, no windows)


def inputs(X, p1, p2):
    X = X if NFEAT is None else X[:, :NFEAT]
    Xt = slog(X) if LOG else X
    return np.concatenate([Xt, logit(p1)[:, None] / 4, logit(p2)[:, None] / 4], axis=1)


CLIP = 6.0  # as lines._SEQ_CLIP (0: no clip of the standardised inputs)
CAP = 0.0  # > 0: the first layer's activations are capped at CAP (ReLU6-like; bounded influence
# of an outlier line without clipping every input column at run time)


def zscore(x, mu, sd):
    z = (x - mu) / sd
    return (np.clip(z, -CLIP, CLIP) if CLIP else z).astype(np.float32)


def export(nets, mu, sd, nf, allx, mix=0.5):
    """The ``seq`` entry of the JSON model (see lines._seq_scores): per net the
    standardisation folded into the first layer, plus (shared) a clip correction for the
    columns whose training values leave +-CLIP after standardising."""
    cols = np.flatnonzero((np.abs((allx - mu) / sd) > CLIP).any(0)) if CLIP else np.zeros(0, np.int64)
    r = lambda a: np.round(np.asarray(a, np.float64), 7).tolist()  # noqa: E731
    out = []
    for net in nets:
        W = net.inp.weight.detach().double().numpy().T  # (nin, C)
        b = net.inp.bias.detach().double().numpy()
        out.append({
            "w_in": r(W / sd[:, None]), "b_in": r(b - (mu / sd) @ W), "clip_w": r(W[cols]),
            "convs": [{"dil": int(c.dilation[0]), "w": r(c.weight.detach().double().numpy().transpose(2, 1, 0)),
                       "b": r(c.bias.detach().double().numpy())} for c in net.convs],
            "w_out": r(net.out.weight.detach().double().numpy()[0]), "b_out": float(net.out.bias.detach()[0]),
            "alpha": float(net.alpha.detach()[0])})
    return {"nfeat": int(nf), "mix": mix, "cap": CAP, "clip_cols": cols.tolist(), "clip_mu": r(mu[cols]),
            "clip_sd": r(sd[cols]), "nets": out}


class Seq(nn.Module):
    def __init__(self, nin, chan, kernel, dils, drop=0.1):
        super().__init__()
        self.inp = nn.Linear(nin, chan)
        self.convs = nn.ModuleList(
            nn.Conv1d(chan, chan, kernel, dilation=d, padding=d * (kernel // 2)) for d in dils)
        self.out = nn.Linear(chan, 1)
        self.alpha = nn.Parameter(torch.ones(1))
        self.drop = nn.Dropout(drop)

    def forward(self, x, z2, mask):
        # x (B, L, F) standardised inputs, z2 (B, L) logit(p2), mask (B, L) 1 on real lines
        m = mask[:, :, None]
        h = torch.relu(self.inp(x))
        h = (torch.clamp(h, max=CAP) if CAP else h) * m
        for c in self.convs:
            # padded positions are zeroed after every layer, so a page's conv sees zeros beyond
            # its edges exactly as the per-page numpy runtime does
            h = (h + torch.relu(c(self.drop(h).transpose(1, 2)).transpose(1, 2))) * m
        return self.out(h)[:, :, 0] + self.alpha * z2


def batches(seqs, bs, rng):
    order = np.argsort([len(s[0]) for s in seqs])
    chunks = [order[i:i + bs] for i in range(0, len(order), bs)]
    rng.shuffle(chunks)
    for ch in chunks:
        L = max(len(seqs[i][0]) for i in ch)
        F = seqs[ch[0]][0].shape[1]
        x = np.zeros((len(ch), L, F), np.float32)
        z = np.zeros((len(ch), L), np.float32)
        y = np.zeros((len(ch), L), np.float32)
        w = np.zeros((len(ch), L), np.float32)
        m = np.zeros((len(ch), L), np.float32)
        for j, i in enumerate(ch):
            xi, zi, yi, wi = seqs[i]
            n = len(xi)
            x[j, :n], z[j, :n], y[j, :n], w[j, :n], m[j, :n] = xi, zi, yi, wi, 1
        yield tuple(torch.from_numpy(a) for a in (x, z, y, w, m))


def train_fold(train_seqs, a, seed):
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    net = Seq(train_seqs[0][0].shape[1], a.chan, a.kernel, a.dils, a.drop)
    opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.wd)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=a.lr, total_steps=a.epochs * (
        (len(train_seqs) + a.bs - 1) // a.bs))
    lossf = nn.BCEWithLogitsLoss(reduction="none")
    for ep in range(a.epochs):
        net.train()
        tot = 0.0
        for x, z, y, w, m in batches(train_seqs, a.bs, rng):
            opt.zero_grad()
            loss = (lossf(net(x, z, m), y) * w).sum() / w.sum()
            loss.backward()
            opt.step()
            sched.step()
            tot += float(loss.detach())
        if a.verbose:
            print(f"    epoch {ep} loss {tot:.3f}", flush=True)
    net.eval()
    return net


def predict_seq(net, seqs):
    out = []
    with torch.no_grad():
        for xi, zi, _y, _w in seqs:
            x = torch.from_numpy(xi[None].astype(np.float32))
            z = torch.from_numpy(zi[None].astype(np.float32))
            m = torch.ones_like(z)
            out.append(torch.sigmoid(net(x, z, m))[0].numpy().astype(np.float64))
    return out


DEFAULTS = dict(chan=16, kernel=5, dil="1-2-4", epochs=10, lr=3e-3, wd=1e-3, drop=0.1, bs=16, seed=0,
                feats="all", mix=0.5, nets=2, zclip=6.0, cap=0.0)


def fit_export(docs, oof, spec):
    """Train the layer on the pages ``docs`` (each with X, y, w; every key in ``oof``, the
    stages' out-of-fold (p1, p2)) -> (the model's ``seq`` entry, the torch net).  ``spec``:
    'key=value,...' overriding DEFAULTS (dil as 1-2-4).  Features without log (the runtime
    folds the standardisation into its first layer)."""
    global LOG, NFEAT, CLIP, CAP
    o = dict(DEFAULTS)
    for kv in filter(None, spec.split(",")):
        k, v = kv.split("=")
        o[k] = type(DEFAULTS[k])(v) if k != "dil" else v
    a = argparse.Namespace(**o, verbose=False)
    a.dils = [int(x) for x in str(a.dil).split("-")]
    LOG = False
    CLIP, CAP = a.zclip, a.cap
    NFEAT = {"all": None, "line": len(tc.RAW_NAMES) + len(tc.DERIVED), "none": 0}[a.feats]
    torch.set_num_threads(1)
    docs = [d for d in docs if len(d["idx"])]
    Xtr = [inputs(d["X"], *oof[d["key"]]) for d in docs]
    allx = np.vstack(Xtr)
    mu, sd = allx.mean(0), allx.std(0) + 1e-6
    mu[-2:], sd[-2:] = 0.0, 1.0
    tr = [(zscore(x, mu, sd), logit(oof[d["key"]][1]), d["y"], d["w"]) for x, d in zip(Xtr, docs)]
    nets = [train_fold(tr, a, a.seed + i) for i in range(a.nets)]
    seq = export(nets, mu, sd, NFEAT if NFEAT is not None else tc._NF, allx, a.mix)
    seq["spec"] = {k: o[k] for k in sorted(o)}
    return seq, (nets, mu, sd)


def run_net(nets_mu_sd, seq, X, p1, p2):
    """The torch nets' mean probabilities for one page (to check the numpy runtime against)."""
    nets, mu, sd = nets_mu_sd
    x = [(zscore(inputs(X, p1, p2), mu, sd), logit(p2), None, None)]
    return np.mean([predict_seq(net, x)[0] for net in nets], axis=0)


def rules_f1(docs, preds, truth):
    pr = {d["key"]: tc._rules(d["X"], preds[d["key"]], 0.5, RULES)[0] for d in docs if d["key"] in preds}
    return T.evaluate(docs, pr, truth, 0.5)


def short(res):
    return " / ".join(f"{res[s]['F1']:.3f}" for s in ("aeb", "trafeval"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--chan", type=int, default=32)
    ap.add_argument("--kernel", type=int, default=5)
    ap.add_argument("--dil", default="1,2,4")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--wd", type=float, default=1e-3)
    ap.add_argument("--drop", type=float, default=0.1)
    ap.add_argument("--bs", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--folds", default="0,1,2,3,4")
    ap.add_argument("--save", help="pickle the test-page sequence scores here")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--nolog", action="store_true")
    ap.add_argument("--check", action="store_true", help="numpy runtime vs torch on the test pages")
    ap.add_argument("--export", help="write the (last trained fold's) seq entry as JSON here")
    ap.add_argument("--mix", type=float, default=0.5)
    ap.add_argument("--zclip", type=float, default=6.0, help="clip of the standardised inputs (0: none)")
    ap.add_argument("--cap", type=float, default=0.0, help="cap of the first layer's activations (0: none)")
    ap.add_argument("--feats", default="all", choices=["all", "line", "none"])
    a = ap.parse_args()
    global LOG, NFEAT, CLIP, CAP
    LOG = not a.nolog
    CLIP, CAP = a.zclip, a.cap
    NFEAT = {"all": None, "line": len(tc.RAW_NAMES) + len(tc.DERIVED), "none": 0}[a.feats]
    a.dils = [int(x) for x in a.dil.split(",")]
    torch.set_num_threads(1)
    t0 = time.time()
    _sw, _lex, docs, extra = T.load_training(LABELS, SEEDS, silver=SILVER, silver_weight=SILVER_WEIGHT)
    by_key = {d["key"]: d for d in T.expand(docs) + T.expand(extra)}
    truth = T.load_truth()
    D = pickle.load(open(a.dump, "rb"))
    print(f"loaded ({time.time() - t0:.0f}s)", flush=True)
    seq = {}
    for fi, F in enumerate(D["folds"]):
        if str(fi) not in a.folds.split(","):
            continue
        trk = [k for k in F["oof"] if len(by_key[k]["idx"])]
        Xtr = [inputs(by_key[k]["X"], *F["oof"][k]) for k in trk]
        allx = np.vstack(Xtr)
        mu, sd = allx.mean(0), allx.std(0) + 1e-6
        mu[-2:], sd[-2:] = 0.0, 1.0  # the logits stay as they are
        tr = [(zscore(x, mu, sd), logit(F["oof"][k][1]), by_key[k]["y"], by_key[k]["w"])
              for x, k in zip(Xtr, trk)]
        net = train_fold(tr, a, a.seed + fi)
        te_keys = [k for k in F["test"] if len(by_key[k]["idx"])]
        te = [(zscore(inputs(by_key[k]["X"], D["p1"][k], D["s2"][k]), mu, sd),
               logit(D["s2"][k]), None, None) for k in te_keys]
        for k, p in zip(te_keys, predict_seq(net, te)):
            seq[k] = p
        if a.check and not LOG:
            # the numpy runtime (lines._seq_scores, all test pages in one batch) against torch
            sq = tc._seq_prepare(export([net], mu, sd, NFEAT if NFEAT is not None else tc._NF, allx))
            Xb = np.vstack([by_key[k]["X"] for k in te_keys])
            rb = np.concatenate([[0], np.cumsum([len(by_key[k]["idx"]) for k in te_keys])])
            pn = tc._seq_scores(sq, Xb, np.concatenate([D["p1"][k] for k in te_keys]),
                                np.concatenate([D["s2"][k] for k in te_keys]), rb)
            print(f"    max |numpy - torch| = {np.abs(pn - np.concatenate([seq[k] for k in te_keys])).max():.2e}")
        if a.export:
            ntr = len(trk)
            json.dump(export([net], mu, sd, NFEAT if NFEAT is not None else tc._NF, allx, a.mix),
                      open(a.export, "w"))
            print(f"    wrote {a.export} (trained on {ntr} pages)")
        for k in F["test"]:
            seq.setdefault(k, np.zeros(0))
        print(f"  fold {fi} done ({time.time() - t0:.0f}s), alpha {float(net.alpha):.2f}", flush=True)
    ev = [d for d in docs if d["key"] in seq]
    base = {k: D["p2"][k] for k in seq}
    s2 = {k: D["s2"][k] for k in seq}
    avg = {k: a.mix * seq[k] + (1 - a.mix) * base[k] for k in seq}
    lavg = {k: 1 / (1 + np.exp(-(logit(seq[k]) + logit(base[k])) / 2)) if len(seq[k]) else seq[k] for k in seq}
    print(f"rules thr 0.5 (aeb F1 / trafeval F1), {a}")
    print(f"  stage 2            {short(rules_f1(ev, s2, truth))}")
    print(f"  stages 1-3 (base)  {short(rules_f1(ev, base, truth))}")
    print(f"  seq alone          {short(rules_f1(ev, seq, truth))}")
    print(f"  mix seq, p3       {short(rules_f1(ev, avg, truth))}")
    print(f"  logit mean         {short(rules_f1(ev, lavg, truth))}")
    if a.save:
        pickle.dump(seq, open(a.save, "wb"))


if __name__ == "__main__":
    main()
