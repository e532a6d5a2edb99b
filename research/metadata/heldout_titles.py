#!/usr/bin/env python3
"""Held-out text titles (session 36): pages nobody fitted a title rule or the ranker to, from
older package releases' test pages, with their own headline as truth. Measure with it; do not
tune on it.

    for p in trafilatura==0.1.1 trafilatura==0.2.1 \\
        trafilatura==0.3.0 trafilatura==0.4.1 trafilatura==0.5.2 trafilatura==0.6.0 \\
        trafilatura==0.7.0 trafilatura==0.8.2 trafilatura==0.9.3 trafilatura==1.0.0 \\
        htmldate==0.2.2 htmldate==0.3.4 htmldate==0.4.1 htmldate==0.5.6 htmldate==0.6.3 \\
        htmldate==0.7.0 htmldate==0.8.1 htmldate==0.9.1 htmldate==1.0.1 htmldate==1.2.0 \\
        newspaper4k==0.9.6; do     # one call each: pip refuses two versions of a package
      pip download --no-deps --no-binary :all: $p; done   # then untar them all in one DL
    python heldout_titles.py build OUT DL [DL ...]   # OUT: outside the repository
    python heldout_titles.py score OUT                # the stage of this checkout
    python heldout_titles.py build OUT DL --any-tests --minus SET [--minus SET ...]

build: every page of DL/*/tests/cache/*.htm* and DL/newspaper4k-*/tests/data/html/*.html
(``research/boilerplate/heldout.py``'s list), minus the dev pages (aeb, trafeval, htmldate dev:
same bytes or URL, or >= 20 % of the page's 8-shingles in one dev text), minus near-copies
among themselves (same URL, or >= 50 % of the smaller page's 8-shingles shared: a page kept by
several releases), minus pages under 30 words. Text: the dev sets' rendering
(``prep_extra.render``). Truth (:func:`title_truth`): the first of og:title (also written
``name=``/``value=``, as Mercury parser's fixtures store it), twitter:title, the first
``<h1>``, ``<title>`` that the page has; kept when it is a line of the rendering, else
its longest segment at a separator (" | ", " - ", ...) of two or more words that is one
(the site's name cut, as the dev sets' titles.json). ``kind``: ``listing`` when trafilatura
keeps under 80 words of the page or it is a site's front page, else ``article``. Writes
OUT/htmldate/dev/{html/,text/,titles.json,meta.json} (the scorers' layout: ``title_eval.py
--data OUT --sets htmldate``).

``--any-tests``: every ``*.htm*`` under DL/*/tests/ or DL/*/fixtures/ instead (packages that
keep their pages elsewhere: session 42's tuning set). ``--minus SET``: also drop every page
whose text shares >= 20 % of its 8-shingles with one page (a text or HTML file) under SET, as
for the dev pages: a tuning set holds no copy of a held-out page. Session 42's tuning set
(rebuilt the same in session 44: 133 pages, 108 titled, 101 articles) is
``build OUT POOL --any-tests --minus <held-out2> --minus <heldout.py's set>``, POOL the 21
sdists above, ``npm pack @postlight/mercury-parser@1.1.1`` and these (one pip call each):
goose3 3.0.0 3.1.22, readability-lxml 0.3 0.8.1 0.9, newspaper3k 0.1.9 0.2.8, newspaper
0.0.9.8, newspaper4k 0.9.3.1 0.9.4.1, news-please 1.6.16, boilerpy3 1.0.7, html-text 0.7.1,
inscriptis 2.7.6, justext 2.2.0 3.0.2, libextract 0.0.12, breadability 0.1.20 0.1.21,
readabilipy 0.2.0 0.3.0, extruct 0.8.0 0.18.0, trafilatura 1.1.0 2.0.0, htmldate 1.9.3.

score: ``benchmarks/metadata_bench.title_text`` (the stage on the text) on every titled page,
accuracy as ``title_eval.py`` counts it, with a 95 % page-bootstrap interval, on all pages and
on the articles; ``--dump F`` writes each page's truth and title.
"""

import argparse
import glob
import hashlib
import html as htmllib
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
sys.path.insert(0, os.path.join(ROOT, "research", "boilerplate"))
sys.path.insert(0, EVAL)

_META = [
    re.compile(r'<meta[^>]+property=["\']og:title["\'][^>]*content=["\']([^"\']+)', re.I),
    re.compile(r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*property=["\']og:title', re.I),
    # Mercury's fixtures store their meta tags as <meta value="..." name="og:title">
    re.compile(r'<meta[^>]+(?:value|content)=["\']([^"\']+)["\'][^>]*name=["\']og:title', re.I),
    re.compile(r'<meta[^>]+name=["\']og:title["\'][^>]*(?:value|content)=["\']([^"\']+)', re.I),
    re.compile(r'<meta[^>]+name=["\']twitter:title["\'][^>]*content=["\']([^"\']+)', re.I),
    re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S),
    re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S),
]
_SEP = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")


def title_truth(html: str, text: str) -> str | None:
    """The page's own headline as it shows in ``text`` (see the module's docstring), or None."""
    from title_eval import norm_title

    lines = {norm_title(ln) for ln in text.splitlines() if ln.strip()}
    for rx in _META:
        m = rx.search(html)
        if not m:
            continue
        raw = re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))).strip()
        if not raw:
            continue
        if norm_title(raw) in lines:
            return raw
        for part in sorted(_SEP.split(raw), key=len, reverse=True):
            if len(part.split()) >= 2 and norm_title(part) in lines:
                return part
        return None  # (the first source the page has decides, as for the dev sets)
    return None


def _test_pages(dl: str):
    """(source name, path, None, None) of every ``*.htm*`` under DL/*/tests/ or
    DL/*/fixtures/, as ``heldout._candidates`` yields its two folders' pages."""
    for sub in ("tests", "fixtures"):
        for f in sorted(glob.glob(os.path.join(dl, "*", sub, "**", "*.htm*"), recursive=True)):
            yield os.path.relpath(f, dl), f, None, None


def build(out: str, dls: list[str], any_tests: bool = False, minus: tuple[str, ...] = ()) -> None:
    import trafilatura
    from heldout import _candidates
    from prep_extra import dec, protected, render, sh8

    data = os.path.join(EVAL, "data")
    prot = protected(data, [os.path.join(data, "htmldate", "dev", "text"), *minus])
    pages = _test_pages if any_tests else _candidates
    md5s, urls = set(), set()
    for s in ("aeb", "trafeval", "htmldate"):
        for f in glob.glob(os.path.join(data, s, "dev", "html", "*")):
            md5s.add(hashlib.md5(Path(f).read_bytes()).hexdigest())
        for j in ("truth.json", "titles.json"):
            p = os.path.join(data, s, "dev", j)
            for v in json.loads(Path(p).read_text("utf-8")).values() if os.path.exists(p) else ():
                if isinstance(v, dict) and v.get("url"):
                    urls.add(v["url"].rstrip("/"))
    base = os.path.join(out, "htmldate", "dev")
    for d in ("html", "text"):
        os.makedirs(os.path.join(base, d), exist_ok=True)
    seen: set[str] = set()
    kept_urls: set[str] = set()
    kept_shingles: list[set] = []
    titles, meta, why = {}, {}, Counter()
    for dl in dls:
        for source, path, url, _gold in pages(dl):
            raw = Path(path).read_bytes()
            md5 = hashlib.md5(raw).hexdigest()
            if md5 in seen:
                continue
            seen.add(md5)
            url = url.rstrip("/") if url else None
            if md5 in md5s or url in urls:
                why["a dev page (bytes or URL)"] += 1
                continue
            if url in kept_urls:
                why["a kept page's URL"] += 1
                continue
            html = dec(raw)
            text = render(html)
            if len(text.split()) < 30:
                why["tiny"] += 1
                continue
            share, near = prot.overlap(text)
            if share >= 0.2:
                held = any(str(near).startswith(m) for m in minus)
                why["a page of a --minus set" if held else "a dev page (text)"] += 1
                continue
            sh = sh8(text)
            if sh and any(len(sh & k) >= 0.5 * min(len(sh), len(k)) for k in kept_shingles):
                why["a near copy of a kept page"] += 1
                continue
            kept_shingles.append(sh)
            if url:
                kept_urls.add(url)
            key = md5[:16] + ".html"
            ref = trafilatura.extract(html, include_comments=False) or ""
            kind = "listing" if "main_site" in source or len(ref.split()) < 80 else "article"
            meta[key] = {"source": source, "url": url, "kind": kind}
            with open(os.path.join(base, "html", key), "w", encoding="utf-8") as f:
                f.write(html)
            with open(os.path.join(base, "text", key + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            why["kept"] += 1
            if (t := title_truth(html, text)) is not None:
                titles[key] = {"title": t, "url": url, "file": source, "kind": kind}
                why["titled " + kind] += 1
    for name, obj in (("titles.json", titles), ("meta.json", meta), ("truth.json", {})):
        with open(os.path.join(base, name), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
    print(dict(why))


def _interval(v: list[float], draws: int = 4000) -> tuple[float, float, float]:
    rnd = random.Random(0)
    means = sorted(sum(v[rnd.randrange(len(v))] for _ in v) / len(v) for _ in range(draws))
    return sum(v) / len(v), means[int(0.025 * draws)], means[int(0.975 * draws)]


def score(out: str, dump: str | None) -> None:
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    from metadata_bench import title_text
    from title_eval import score_one

    base = os.path.join(out, "htmldate", "dev")
    titles = json.loads(Path(base, "titles.json").read_text("utf-8"))
    rows = {}
    for key in sorted(titles):
        with open(os.path.join(base, "text", key + ".txt"), encoding="utf-8") as f:
            pred = title_text(f.read())
        truth = titles[key]["title"]
        rows[key] = {"truth": truth, "pred": pred, "ok": score_one(truth, pred)[0],
                     "kind": titles[key]["kind"], "file": titles[key]["file"]}  # fmt: skip
    for label, kinds in (("all", ("article", "listing")), ("articles", ("article",))):
        v = [float(r["ok"]) for r in rows.values() if r["kind"] in kinds]
        acc, lo, hi = _interval(v)
        print(f"held-out text titles, {label}: {acc:.3f} [{lo:.3f}, {hi:.3f}] (n={len(v)})")
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("dl", nargs="+")
    b.add_argument("--any-tests", action="store_true")
    b.add_argument("--minus", action="append", default=[])
    s = sub.add_parser("score")
    s.add_argument("out")
    s.add_argument("--dump")
    a = ap.parse_args()
    if a.cmd == "build":
        build(a.out, a.dl, a.any_tests, tuple(a.minus))
    else:
        score(a.out, a.dump)


if __name__ == "__main__":
    main()
