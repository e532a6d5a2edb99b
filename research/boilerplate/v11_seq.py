"""v11: the v10 sequence layer with page-global context (and optionally longer range).

After the first layer and each residual block's input, a per-page summary of the channels is
pooled over the page's lines -- the mean, the max, and the mean weighted by the line's
stage-2 probability (what the page's likely article looks like) -- and projected into the
block's pre-activation, i.e. every line's residual update sees the page as a whole
(a global-context block).  Optionally the final logit gets a projection of the same summary
(a per-page shift).  Everything else is v10_seq.py (same training, same CV output).

  python v11_seq.py X_S.pkl --epochs 10 --chan 16 --nolog --zclip 0 --cap 6 --seed 0 \
      --glob mean,max,pw [--glob-out] [--dil 1,2,4,8,16 --kernel 3] --save seq_S.pkl

``--glob ''`` is v10 exactly.  The variant did not win in CV (REPORT.md, v11), so the shipped
runtime does not know the ``glob`` weights; ``v11_glob_runtime.patch`` (against lines.py and
train.py) is the numpy runtime that was written and checked for it (``--check``: max
|numpy - torch| 5.8e-6 with --glob mean,max,pw --glob-out); without it, use --check only with
``--glob ''``.
"""

import sys

import torch
from torch import nn

import v10_seq as V

GLOB: list[str] = []  # pooled summaries: "mean", "max", "pw" (p2-weighted mean)
GLOB_OUT = False  # also a projection of the final summary into the output logit
PW_Q = 256.0  # the p2 weights are put on a grid of 1/256 (exact sums at run time)


def pool(h, m, z2):
    """Per-page summaries of h (B, L, C) over the lines where m (B, L, 1) is 1 -> (B, 1, k*C)."""
    out = []
    n = m.sum(1, keepdim=True).clamp(min=1.0)
    for g in GLOB:
        if g == "mean":
            out.append((h * m).sum(1, keepdim=True) / n)
        elif g == "max":
            out.append((h * m).max(1, keepdim=True)[0])  # h >= 0: the padding's zeros never win
        elif g == "pw":
            w = torch.round(torch.sigmoid(z2)[:, :, None] * PW_Q) / PW_Q * m
            out.append((h * w).sum(1, keepdim=True) / (w.sum(1, keepdim=True) + 1.0))
    return torch.cat(out, dim=2)


class SeqG(V.Seq):
    def __init__(self, nin, chan, kernel, dils, drop=0.1):
        super().__init__(nin, chan, kernel, dils, drop)
        k = len(GLOB)
        self.glob = nn.ModuleList(nn.Linear(k * chan, chan, bias=False) for _ in dils) if k else None
        if self.glob is not None:
            for g in self.glob:
                nn.init.zeros_(g.weight)  # start as v10: the page summary is learned in
        self.gout = nn.Linear(k * chan, 1, bias=False) if (k and GLOB_OUT) else None
        if self.gout is not None:
            nn.init.zeros_(self.gout.weight)

    def forward(self, x, z2, mask):
        m = mask[:, :, None]
        h = torch.relu(self.inp(x))
        h = (torch.clamp(h, max=V.CAP) if V.CAP else h) * m
        for i, c in enumerate(self.convs):
            o = c(self.drop(h).transpose(1, 2)).transpose(1, 2)
            if self.glob is not None:
                o = o + self.glob[i](pool(h, m, z2))
            h = (h + torch.relu(o)) * m
        out = self.out(h)[:, :, 0] + self.alpha * z2
        if self.gout is not None:
            out = out + self.gout(pool(h, m, z2))[:, :, 0]
        return out


_export_v10 = V.export


def export(nets, mu, sd, nf, allx, mix=0.5):
    """v10's ``seq`` entry plus, with page summaries, their names (``glob``) and per net the
    projections: ``g`` of each conv (len(glob) * C, C) and ``g_out`` (len(glob) * C)."""
    sq = _export_v10(nets, mu, sd, nf, allx, mix)
    if not GLOB:
        return sq
    r = lambda a: V.np.round(a.detach().double().numpy(), 7).tolist()  # noqa: E731
    sq["glob"] = list(GLOB)
    for net, t in zip(nets, sq["nets"]):
        for c, g in zip(t["convs"], net.glob):
            c["g"] = r(g.weight.T)
        if net.gout is not None:
            t["g_out"] = r(net.gout.weight[0])
    return sq


def fit_export(docs, oof, spec):
    """v10_seq.fit_export with page summaries: ``spec`` may hold ``glob=mean-max-pw`` (the
    summaries, '-'-separated) and ``gout=1`` (the output's projection too); the rest is
    v10's spec."""
    global GLOB, GLOB_OUT
    rest = []
    for kv in filter(None, spec.split(",")):
        k, v = kv.split("=")
        if k == "glob":
            GLOB = [g for g in v.split("-") if g]
        elif k == "gout":
            GLOB_OUT = bool(int(v))
        else:
            rest.append(kv)
    V.Seq, V.export = SeqG, export
    seq, nets = V.fit_export(docs, oof, ",".join(rest))
    seq["spec"].update(glob="-".join(GLOB), gout=int(GLOB_OUT))
    return seq, nets


run_net = V.run_net


def main():
    global GLOB, GLOB_OUT
    argv = sys.argv[1:]
    if "--glob" in argv:
        i = argv.index("--glob")
        GLOB = [g for g in argv[i + 1].split(",") if g]
        del argv[i : i + 2]
    if "--glob-out" in argv:
        GLOB_OUT = True
        argv.remove("--glob-out")
    print(f"glob {GLOB} glob_out {GLOB_OUT}")
    V.Seq = SeqG
    V.export = export
    sys.argv = [sys.argv[0]] + argv
    V.main()


if __name__ == "__main__":
    main()
