#!/usr/bin/env python3
"""Line labels of the dev pages as other browsers render them (w3m, lynx: ``renderings.py``),
carried over from the labels of the dev layout (``prep_labels.py``'s labels_teacher.json), for
training and for page-grouped CV on those renderings (``site_cv.py``, REPORT v17).

    python renderings.py REND w3m lynx
    python render_labels.py labels_teacher.json REND labels_render.json

A rendering's lines are what the line model sees at runtime: the text after
``reflow_text`` (lynx's wrapped paragraphs joined, bullets off). A line of >= 3 tokens takes
the label of the dev-layout lines its token 3-shingles come from, when half of its shingles
are found there and >= 80 % of them agree (weight: the mean over its shingles of the highest
weight of a line holding the shingle); a shorter line, that of the
dev-layout lines with the same tokens (same agreement test); any other line is unlabelled
(weight 0). Tokens are the line model's (``lines._TOK``), lower-cased, after a leading list
bullet (lynx ``* + o # @``, w3m ``• ○ ■``, ``[n]``). Keys: ``SET/NAME@RENDERING``.
"""

import collections
import json
import os
import re
import sys

from corearchive_plugins.boilerplate import lines as tc
from corearchive_plugins.boilerplate.reflow import reflow_text

RENDERINGS = ("w3m", "lynx")
_BULLET = re.compile(r"^\s*(?:[*+o#@•○■◦▪‣·-]|\[\d+\])\s+")


def tokens(line):
    """The line model's tokens of ``line``, lower-cased, after a leading bullet."""
    return [t.lower() for t in tc._TOK.findall(_BULLET.sub("", line))]


def _agreed(labels):
    """(y, weight) of lines labelled ``labels`` [(y, w)...] when >= 80 % agree, else None."""
    m = sum(y for y, _ in labels) / len(labels)
    if 0.2 < m < 0.8:
        return None
    return int(m >= 0.5), sum(w for _, w in labels) / len(labels)


def label_lines(page, lines):
    """Labels (y, w) of ``lines`` carried over from ``page`` ({"lines", "y", "w"})."""
    shingles, whole = collections.defaultdict(list), collections.defaultdict(list)
    for ln, y, w in zip(page["lines"], page["y"], page["w"], strict=True):
        if y < 0 or w <= 0:
            continue
        t = tokens(ln)
        whole[tuple(t)].append((y, w))
        for i in range(len(t) - 2):
            shingles[tuple(t[i : i + 3])].append((y, w))
    ys, ws = [], []
    for ln in lines:
        t = tokens(ln)
        got = None
        if not ln.strip():
            got = (-1, 0.0)
        elif len(t) >= 3:
            per = [shingles.get(tuple(t[i : i + 3])) for i in range(len(t) - 2)]
            hit = [g for g in per if g]
            if len(hit) >= 0.5 * len(per):
                # each shingle's lines agree or not; the line's label is that of its shingles.
                # A shingle is gold when a gold line holds it: the mean weight made a gold
                # line teacher-weighted whenever it shared a common shingle ("of the new")
                # with a teacher-labelled line (v18: trafeval's renderings kept 665-699 of
                # the dev layout's 1,412 gold content lines, and 1,359-1,390 of its 1,782 gold
                # furniture lines, so they taught "remove" more than the pages did)
                ya = [sum(y for y, _ in g) / len(g) for g in hit]
                wa = [max(w for _, w in g) for g in hit]
                got = _agreed(list(zip(ya, wa, strict=True)))
        elif t and tuple(t) in whole:
            got = _agreed(whole[tuple(t)])
        y, w = got or (0, 0.0)
        ys.append(y)
        ws.append(round(w, 4))
    return ys, ws


def main(labels, root, out):
    with open(labels, encoding="utf-8") as f:
        lab = json.load(f)
    res, stats = {}, collections.Counter()
    for key in sorted(lab):
        s, name = key.split("/", 1)
        for r in RENDERINGS:
            path = os.path.join(root, r, s, "dev", "text", name + ".txt")
            if not os.path.exists(path):
                stats["missing"] += 1
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            joined = reflow_text(text)
            lines = tc._split(joined.text if joined else text)
            ys, ws = label_lines(lab[key], lines)
            res[f"{key}@{r}"] = {"lines": lines, "y": ys, "w": ws}
            stats["lines"] += sum(y >= 0 for y in ys)
            stats["labelled"] += sum(w > 0 for w in ws)
            stats["content"] += sum(w > 0 and y == 1 for y, w in zip(ys, ws, strict=True))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False)
    print(dict(stats))


if __name__ == "__main__":
    main(*sys.argv[1:])
