"""Site name, tags and authors read off plain text, against what the same page's HTML states.

The dev sets have no truth for these fields, but their pages come as HTML too: the page's own
``og:site_name``, its ``article:tag`` / ``keywords`` metas and its ``author`` meta are what the
site says. Each text field is scored where the HTML states it (precision: a value given is
the site's; recall: the site's value is found) and counted where it does not (a value given
on a page whose HTML states none cannot be judged, but most such values are furniture).

    .venv/bin/python research/metadata/fields_eval.py [--url] [--show site|tags|authors] [--n N]

``--url``: the page's address (``titles.json``) given to the extraction, as a WARC or JSONL
input gives it.
"""
import argparse
import glob
import os
import re
import sys
import unicodedata

from lxml import html as lh

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from corearchive_plugins.metadata import text as tm  # noqa: E402

DATA = "/work/shared/eval/data"


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def html_truth(path):
    raw = open(path, "rb").read()
    try:
        tree = lh.fromstring(raw)
    except Exception:
        return None, set(), set()
    site = None
    tags, authors = set(), set()
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or "").lower().strip()
        val = (m.get("content") or "").strip()
        if not val:
            continue
        if key == "og:site_name" and site is None:
            site = val
        elif key in ("article:tag", "keywords", "news_keywords"):
            tags.update(norm(t) for t in re.split(r"[,;]", val) if norm(t))
        elif key in ("author", "article:author", "dc.creator", "sailthru.author") and "://" not in val:
            authors.update(norm(a) for a in re.split(r",|;|\band\b|\bund\b", val) if norm(a))
    return site, tags, authors


def pages():
    import json

    for s in ("aeb", "trafeval", "htmldate"):
        titles = json.load(open(f"{DATA}/{s}/dev/titles.json"))
        for t in sorted(glob.glob(f"{DATA}/{s}/dev/text/*.txt")):
            name = os.path.basename(t)[:-4]
            h = os.path.join(f"{DATA}/{s}/dev/html", name)
            if os.path.exists(h):
                yield s, t, h, (titles.get(name) or {}).get("url")


def score_list(c, kind, given, truth, right):
    """Count a list field: pages stating it (``{kind}_truth``), pages given some
    (``{kind}s_given``), judged (``{kind}s_given_judged``, its items and the right ones) or not."""
    c[f"{kind}_truth"] += bool(truth)
    if not given:
        return
    c[f"{kind}s_given"] += 1
    if truth:
        c[f"{kind}s_given_judged"] += 1
        c[f"{kind}_items"] += len(given)
        c[f"{kind}_items_right"] += sum(right(x, truth) for x in given)
    else:
        c[f"{kind}s_given_unjudged"] += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=0)
    ap.add_argument("--url", action="store_true")
    args = ap.parse_args()
    c = dict.fromkeys(
        "pages site_truth site_given site_given_judged site_right site_given_unjudged "
        "tag_truth tags_given tags_given_judged tag_items tag_items_right tags_given_unjudged "
        "auth_truth auths_given auths_given_judged auth_items auth_items_right auths_given_unjudged".split(), 0
    )
    for k, (s, t, h, url) in enumerate(pages()):
        if args.n and k >= args.n:
            break
        site, tags, authors = html_truth(h)
        res = tm.extract(open(t, encoding="utf-8").read(), url=url if args.url else None)
        c["pages"] += 1
        g = res["site_name"]
        c["site_truth"] += site is not None
        if g:
            c["site_given"] += 1
            if site is not None:
                c["site_given_judged"] += 1
                a, b = norm(g).replace(" ", ""), norm(site).replace(" ", "")
                ok = a == b or (len(a) >= 3 and (a in b or b in a))
                c["site_right"] += ok
                if args.show == "site" and not ok:
                    print(f"SITE {s} {os.path.basename(t)[:40]}: {g!r} truth {site!r}")
            else:
                c["site_given_unjudged"] += 1
                if args.show == "site":
                    print(f"SITE? {s} {os.path.basename(t)[:40]}: {g!r}")
        score_list(c, "tag", [norm(x) for x in res["tags"] if norm(x)], tags,
                   lambda x, truth: x in truth)
        if args.show == "tags" and res["tags"]:
            print(f"TAGS {s} {os.path.basename(t)[:40]}: {res['tags'][:6]} truth {sorted(tags)[:6]}")
        score_list(c, "auth", [norm(x) for x in res["authors"]], authors,
                   lambda x, truth: any(x == a or x in a or a in x for a in truth))
        if args.show == "authors" and res["authors"]:
            print(f"AUTH {s} {os.path.basename(t)[:40]}: {res['authors']} truth {sorted(authors)}")
    p = c["pages"]
    print(f"pages {p}")
    print(f"site_name: HTML states it on {c['site_truth']}; text gives one on {c['site_given']} "
          f"({c['site_given_judged']} judged: {c['site_right']} right = "
          f"{c['site_right'] / max(c['site_given_judged'], 1):.3f} precision; "
          f"recall {c['site_right'] / max(c['site_truth'], 1):.3f}); {c['site_given_unjudged']} unjudged")
    print(f"tags: HTML states them on {c['tag_truth']}; text gives some on {c['tags_given']} "
          f"({c['tags_given_judged']} judged: {c['tag_items_right']}/{c['tag_items']} tags = "
          f"{c['tag_items_right'] / max(c['tag_items'], 1):.3f} precision); {c['tags_given_unjudged']} unjudged")
    print(f"authors: HTML states them on {c['auth_truth']}; text gives some on {c['auths_given']} "
          f"({c['auths_given_judged']} judged: {c['auth_items_right']}/{c['auth_items']} names = "
          f"{c['auth_items_right'] / max(c['auth_items'], 1):.3f} precision)")


if __name__ == "__main__":
    main()
