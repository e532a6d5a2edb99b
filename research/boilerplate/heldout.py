#!/usr/bin/env python3
"""Held-out check of the text path (session 35; session 28's set, lost, rebuilt the same way):
pages no model or rule was fitted on, from older package releases' test data, scored with the
aeb metric against trafilatura's text of the HTML.

    for p in trafilatura==0.8.2 trafilatura==0.9.3 htmldate==0.7.0 htmldate==0.9.1 \\
            newspaper4k==0.9.6; do       # one call each: pip refuses two versions of a package
        pip download --no-deps --no-binary :all: $p; done     # then untar them in DL
    python heldout.py build DL OUT          # OUT: outside the repository (not ours to ship)
    python heldout.py score OUT [--tree T] [--model M.json] [--rows proj,w3m,lynx,gold,html]
                                [--option KEY=VALUE ...]

build: every page of DL/*/tests/cache/*.htm* (trafilatura, htmldate) and
DL/newspaper4k-*/tests/data/html/*.html, minus the dev pages (aeb, trafeval, htmldate dev: same
bytes or URL, or >= 20 % of the page's 8-shingles in one dev text, prep_extra.protected) and
pages under 30 words or whose REF has under 10. REF = ``trafilatura.extract(html,
include_comments=False)``. Writes OUT/html/, OUT/meta.json (source, kind: ``listing`` when REF
has < 80 words or the page is a site's front page, else ``article``; language of REF) and one
scorer data folder per rendering, OUT/<r>/aeb/dev/{text/,truth.json}: ``proj`` the dev sets'
layout (prep_extra.render), ``w3m`` and ``lynx`` (renderings.py), ``gold`` the proj text
against newspaper4k's own expected text where it has one.

score: the boilerplate stage of the tree T (default: this checkout; its ``corearchive`` and
``plugins`` imported through symlinks) with the model M (default: the tree's) on each row's
text (``html``: the page's HTML), aeb metric (boilerplate_eval.shingle_counts / aeb_scores) on
the articles and on all pages, with a 95 % page-bootstrap interval. Measure with it; do not
tune on it (it is the only figure of pages nobody fitted anything to).
"""

import argparse
import glob
import hashlib
import json
import os
import random
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
sys.path.insert(0, HERE)
RENDERINGS = ("proj", "w3m", "lynx")


def _candidates(dl):
    """(source name, path, URL or None, newspaper4k's expected text file or None)."""
    for pkg in sorted(os.listdir(dl)):
        tests = os.path.join(dl, pkg, "tests")
        urls = {}
        unit = os.path.join(tests, "unit_tests.py")
        if os.path.exists(unit):  # MOCK_PAGES = {url: file} of trafilatura's and htmldate's tests
            import ast

            for n in ast.walk(ast.parse(open(unit, encoding="utf-8").read())):
                if isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "MOCK_PAGES" for t in n.targets):
                    try:
                        urls = {v: k for k, v in ast.literal_eval(n.value).items()}
                    except ValueError:
                        pass
        for f in sorted(glob.glob(os.path.join(tests, "cache", "*.htm*"))):
            yield f"{pkg}/{os.path.basename(f)}", f, urls.get(os.path.basename(f)), None
        for f in sorted(glob.glob(os.path.join(tests, "data", "html", "*.html"))):
            gold = os.path.join(tests, "data", "txt", os.path.basename(f)[: -len(".html")] + ".txt")
            yield f"{pkg}/{os.path.basename(f)}", f, None, gold if os.path.exists(gold) else None


def dev_pages(data):
    """What a page is tested against to be no dev page: the 8-shingle index of the aeb, trafeval
    and htmldate dev texts (prep_extra.protected), the MD5s of their HTML and their URLs."""
    from prep_extra import protected

    prot = protected(data, [os.path.join(data, "htmldate", "dev", "text")])
    md5s, urls = set(), set()
    for s in ("aeb", "trafeval", "htmldate"):
        for f in glob.glob(os.path.join(data, s, "dev", "html", "*")):
            md5s.add(hashlib.md5(open(f, "rb").read()).hexdigest())
        for v in json.load(open(os.path.join(data, s, "dev", "truth.json"), encoding="utf-8")).values():
            if isinstance(v, dict) and v.get("url"):
                urls.add(v["url"].rstrip("/"))
    return prot, md5s, urls


def unique_pages(candidates):
    """Each candidate (a tuple whose second item is the page's path) once by its bytes:
    (candidate, MD5, HTML, the dev layout's text of it)."""
    from prep_extra import dec, render

    seen = set()
    for c in candidates:
        raw = open(c[1], "rb").read()
        md5 = hashlib.md5(raw).hexdigest()
        if md5 in seen:
            continue
        seen.add(md5)
        html = dec(raw)
        yield c, md5, html, render(html)


def write_set(out, truth, meta):
    """A set's truth per rendering (``truth``: rendering -> key -> truth) and its pages'
    ``meta`` under OUT, as ``score`` reads them (shared with silver_build.py)."""
    for r, t in truth.items():
        with open(os.path.join(out, r, "aeb", "dev", "truth.json"), "w", encoding="utf-8") as f:
            json.dump(t, f, ensure_ascii=False)
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)


def build(dl, out):
    import trafilatura
    from py3langid import classify

    from prep_extra import render
    from renderings import _lynx, _w3m

    prot, md5s, urls = dev_pages(os.path.join(EVAL, "data"))
    render_with = {"proj": render, "w3m": _w3m, "lynx": _lynx}
    truth = {r: {} for r in (*RENDERINGS, "gold")}
    meta, why = {}, Counter()
    for r in truth:
        os.makedirs(os.path.join(out, r, "aeb", "dev", "text"), exist_ok=True)
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    for (source, path, url, gold), md5, html, text in unique_pages(_candidates(dl)):
        if md5 in md5s or (url and url.rstrip("/") in urls):
            why["a dev page (bytes or URL)"] += 1
            continue
        if prot.overlap(text)[0] >= 0.2:
            why["a dev page (text)"] += 1
            continue
        ref = trafilatura.extract(html, include_comments=False) or ""
        if len(text.split()) < 30 or len(ref.split()) < 10:
            why["tiny page or REF"] += 1
            continue
        key = md5[:16] + ".html"
        front = "main_site" in source
        meta[key] = {"source": source, "url": url, "lang": classify(ref)[0],
                     "kind": "listing" if front or len(ref.split()) < 80 else "article"}
        with open(os.path.join(out, "html", key), "w", encoding="utf-8") as f:
            f.write(html)
        texts = {r: text if r == "proj" else fn(html) for r, fn in render_with.items()}
        golds = {"gold": open(gold, encoding="utf-8").read()} if gold else {}
        for r in truth:
            if r == "gold" and not golds:
                continue
            with open(os.path.join(out, r, "aeb", "dev", "text", key + ".txt"), "w", encoding="utf-8") as f:
                f.write(texts.get(r, text))
            truth[r][key] = {"articleBody": golds.get(r, ref), "url": url}
        why["kept"] += 1
    write_set(out, truth, meta)
    kinds = Counter(m["kind"] for m in meta.values())
    langs = Counter(m["lang"] for m in meta.values())
    print(dict(why), dict(kinds), "gold", len(truth["gold"]), dict(langs.most_common()))


def _f1(rows):
    from boilerplate_eval import aeb_scores

    return aeb_scores([r[:3] for r in rows], [0] * len(rows))["F1"]


def _interval(rows, draws=2000):
    rnd = random.Random(0)
    vals = sorted(_f1([rows[rnd.randrange(len(rows))] for _ in rows]) for _ in range(draws))
    return vals[int(0.025 * draws)], vals[int(0.975 * draws)]


def load_stage(tree, options=(), model=None, origin="heldout"):
    """The boilerplate stage of the source tree ``tree`` (imported through a folder of
    links put first on the path), with ``options`` ("name=value", values as JSON: false,
    0.6; else strings). Shared with kinds_set.py."""
    pp = tempfile.mkdtemp(prefix="heldout_")
    os.symlink(os.path.join(tree, "corearchive"), os.path.join(pp, "corearchive"))
    os.symlink(os.path.join(tree, "plugins"), os.path.join(pp, "corearchive_plugins"))
    sys.path[:0] = [pp, EVAL]
    from corearchive.options import build_options
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    cfg = {"model": model} if model else {}
    for kv in options:
        k, v = kv.split("=", 1)
        try:
            cfg[k] = json.loads(v)
        except ValueError:
            cfg[k] = v
    return BoilerplateStage(build_options(BoilerplateOptions, cfg, stage="boilerplate", origin=origin), None)


def rendered(stage, out, row):
    """(key, shingle counts against the truth, kept text) of each page of the set ``out``
    in the rendering ``row`` (``html``: the page's HTML, scored against the text's truth),
    or None when the set has no such rendering. Shared with kinds_set.py."""
    from boilerplate_eval import shingle_counts

    from corearchive import Drop
    from corearchive.testing import make_document

    d = os.path.join(out, "proj" if row == "html" else row, "aeb", "dev")
    if not os.path.isdir(d):
        return None
    truth = json.load(open(os.path.join(d, "truth.json"), encoding="utf-8"))
    found = []
    for key in sorted(truth):
        html = row == "html"
        src = os.path.join(out, "html", key) if html else os.path.join(d, "text", key + ".txt")
        doc = make_document(open(src, encoding="utf-8").read(), html=html, path="page.html" if html else "p")
        r = stage.process(doc)
        text = "" if isinstance(r, Drop) else r.text
        found.append((key, shingle_counts(truth[key]["articleBody"], text), text))
    return found


def score(out, tree, model, rows, per_page=None, options=()):
    stage = load_stage(tree, options, model)
    meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
    per = {}
    for row in rows:
        res = []
        pages = rendered(stage, out, row)
        if pages is None:
            print(f"{row}: no such rendering in {out}")
            continue
        for key, counts, _ in pages:
            res.append((*counts, key))
            per.setdefault(row, {})[key] = list(counts)
        parts = [("all", res)] if row == "gold" else [
            ("articles", [r for r in res if meta[r[3]]["kind"] == "article"]), ("all", res)]
        for name, rs in parts:
            lo, hi = _interval(rs)
            print(f"{row:5s} {name:8s} n={len(rs):3d} F1 {_f1(rs):.3f} [{lo:.3f}, {hi:.3f}]", flush=True)
    if per_page:
        with open(per_page, "w", encoding="utf-8") as f:
            json.dump(per, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("dl")
    b.add_argument("out")
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("--tree", default=ROOT)
    s.add_argument("--model", help="a line model JSON (default: the tree's shipped model)")
    s.add_argument("--rows", default="proj,w3m,lynx,gold,html")
    s.add_argument("--per-page", help="write each page's (tp, fp, fn) per row here (JSON)")
    s.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="a boilerplate stage option (e.g. sequence=false), repeatable")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.dl, a.out)
    else:
        score(a.out, os.path.abspath(a.tree), a.model, a.rows.split(","), a.per_page, a.option)


if __name__ == "__main__":
    main()
