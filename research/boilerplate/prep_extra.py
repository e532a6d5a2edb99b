#!/usr/bin/env python3
"""Silver line labels for pages without boilerplate truth (v13): extra training pages.

    python prep_extra.py --set htmldate --out labels_extra.json                 # the htmldate dev set
    python prep_extra.py --html-dir DIR [--manifest DIR/manifest.json] --name NAME --out X.json

Each page is rendered to plain text as the dev sets' text/ files are (the project's XSLT
renderer, ``corearchive_plugins.metadata.html.tree_to_text`` without ``<head>``, lines
stripped, runs of blank lines folded; for a dev set its own text/ file), and each line is
labelled by whether the teacher kept it: ``trafilatura.extract(html, include_comments=False,
include_tables=True)`` (as prep_labels.py's trafeval silver labels; a line is kept when >= half
of its 4-token shingles are in the teacher's text). Pages where the teacher keeps < 50 tokens
are skipped.  Label weight 0.3 (silver; train.py's ``--silver-weight`` sets the page weight).

Pages are dropped when they overlap a page they must never be trained on: the aeb and trafeval
dev pages (the CV test pages) and, with ``--exclude DIR`` (repeatable), any text/HTML file under
DIR (e.g. the session-28 held-out set): >= 20 % of the page's 8-token shingles found in one such
page, or the same whitespace-normalised text.  Near-copies among the extra pages themselves
(>= 50 % shared 8-shingles with an earlier one) are dropped too.  The pages come from
fetch_extra.sh (registries' test fixtures, fetched at training time, never committed).
"""

import argparse
import glob
import hashlib
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import prep_labels as PL  # noqa: E402

TOK = re.compile(r"\w+")


def fold(text):
    out, blank = [], False
    for ln in text.splitlines():
        ln = ln.strip()
        if not ln:
            if out and not blank:
                out.append("")
            blank = True
            continue
        out.append(ln)
        blank = False
    return "\n".join(out).strip() + "\n"


def dec(b):
    for enc in ("utf-8", "cp1252"):
        try:
            return b.decode(enc)
        except UnicodeDecodeError:
            pass
    return b.decode("latin-1")


def render(html):
    """The dev sets' text/ layout (as /work/scratch/s28/acc-heldout/render.py's "proj")."""
    from corearchive_plugins.metadata.html import parse_html, tree_to_text

    tree = parse_html(html)
    if tree is None:
        return ""
    for hd in tree.xpath("//head"):
        hd.getparent().remove(hd)
    return fold(tree_to_text(tree))


def sh8(text):
    t = [w.lower() for w in TOK.findall(text)]
    return {hashlib.blake2b(" ".join(t[i : i + 8]).encode(), digest_size=8).digest() for i in range(max(len(t) - 7, 0))}


class Index:
    """8-shingle -> pages, to find a page's overlap with any one protected page."""

    def __init__(self):
        self.pages = {}
        self.inv = defaultdict(list)
        self.norm = set()

    def add(self, key, text):
        s = sh8(text)
        self.pages[key] = len(s)
        for h in s:
            self.inv[h].append(key)
        self.norm.add(re.sub(r"\s+", " ", text).strip())

    def overlap(self, text):
        """(max share of the text's 8-shingles found in one indexed page, that page)."""
        s = sh8(text)
        if not s:
            return 0.0, None
        cnt = defaultdict(int)
        for h in s:
            for k in self.inv.get(h, ()):
                cnt[k] += 1
        if not cnt:
            return 0.0, None
        k = max(cnt, key=cnt.get)
        return cnt[k] / len(s), k


def protected(data, excludes):
    idx = Index()
    for s in ("aeb", "trafeval"):
        for f in glob.glob(os.path.join(data, s, "dev", "text", "*.txt")):
            idx.add(f"{s}/{os.path.basename(f)}", open(f, encoding="utf-8", errors="replace").read())
    for d in excludes:
        for f in glob.glob(os.path.join(d, "**", "*"), recursive=True):
            if os.path.isfile(f) and f.endswith((".txt", ".html", ".htm")):
                idx.add(f, dec(open(f, "rb").read()))
    return idx


def pages_of_set(data, name):
    base = os.path.join(data, name, "dev")
    for fn in sorted(os.listdir(os.path.join(base, "html"))):
        tp = os.path.join(base, "text", fn + ".txt")
        if os.path.exists(tp):
            html = dec(open(os.path.join(base, "html", fn), "rb").read())
            yield f"{name}/{fn}", html, open(tp, encoding="utf-8").read(), {}


def pages_of_dir(html_dir, manifest, name):
    info = {}
    if manifest and os.path.exists(manifest):
        m = json.load(open(manifest, encoding="utf-8"))
        for e in m if isinstance(m, list) else m.get("pages", m.get("kept", [])):
            if isinstance(e, dict) and e.get("path"):
                info[os.path.basename(e["path"])] = e
    for f in sorted(glob.glob(os.path.join(html_dir, "*.htm*"))):
        html = dec(open(f, "rb").read())
        yield f"{name}/{os.path.basename(f)}", html, render(html), info.get(os.path.basename(f), {})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", help="an eval dev set with html/ and text/ (e.g. htmldate)")
    ap.add_argument("--html-dir", help="a folder of .html pages (rendered here)")
    ap.add_argument("--manifest", help="manifest.json of --html-dir (source/kind kept in the labels)")
    ap.add_argument("--name", default="extra", help="label key prefix for --html-dir pages")
    ap.add_argument("--exclude", action="append", default=[], help="never train on pages overlapping files here")
    ap.add_argument("--eval", default=PL.EVAL)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    import trafilatura

    data = os.path.join(a.eval, "data")
    prot = protected(data, a.exclude)
    own = Index()
    pages = pages_of_set(data, a.set) if a.set else pages_of_dir(a.html_dir, a.manifest, a.name)
    out, why = {}, defaultdict(int)
    for key, html, text, info in pages:
        ext = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        if len(TOK.findall(ext)) < 50:
            why["teacher < 50 tokens"] += 1
            continue
        probe = ext + "\n" + text
        if re.sub(r"\s+", " ", text).strip() in prot.norm or prot.overlap(ext)[0] >= 0.2:
            why["overlaps a protected page"] += 1
            continue
        if own.overlap(probe)[0] >= 0.5:
            why["near-copy of another extra page"] += 1
            continue
        own.add(key, probe)
        lines = PL.split_lines(text)
        y = PL.shingle_label(lines, ext)
        if sum(v == 1 for v in y) < 2:
            why["< 2 lines labelled content"] += 1
            continue
        out[key] = {"lines": lines, "y": y, "w": [0.3 if v >= 0 else 0.0 for v in y]}
        for f in ("source", "package", "kind", "lang"):
            if info.get(f):
                out[key][f] = info[f]
    print(f"{len(out)} pages kept; dropped: {dict(why)}", file=sys.stderr)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
