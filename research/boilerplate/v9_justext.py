"""Checks ``htmltree.faster_justext`` (and its ``normalize_whitespace``) against jusText as
trafilatura runs it, on every dev HTML page (aeb, trafeval, htmldate): the paragraphs'
text, classes, DOM paths and XPaths, and trafilatura's ``try_justext`` output; times both.

    python research/boilerplate/v9_justext.py
"""

import copy
import glob
import random
import time

from justext.core import ParagraphMaker, classify_paragraphs, revise_paragraph_classification
from justext.utils import normalize_whitespace as slow_ws
from lxml.etree import tostring
from trafilatura.baseline import basic_cleaning
from trafilatura.external import JT_STOPLIST, jt_stoplist_init, try_justext

from corearchive_plugins.boilerplate.htmltree import faster_justext, load_html, normalize_whitespace

rng = random.Random(1)
alphabet = [" ", "\n", "\r", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\xa0", "a", "é", "\u3000"]
strings = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(200_000)]
print("normalize_whitespace differs on", sum(slow_ws(s) != normalize_whitespace(s) for s in strings), "of 200,000 strings")

EVAL = "/work/shared/eval/data"
files = [f for s in ("aeb", "trafeval", "htmldate") for f in sorted(glob.glob(f"{EVAL}/{s}/dev/html/*"))]
trees = [t for t in (load_html(open(f, "rb").read().decode("utf-8", "replace")) for f in files) if t is not None]
cleaned = [basic_cleaning(copy.deepcopy(t)) for t in trees]
stoplist = JT_STOPLIST or jt_stoplist_init()


def paragraphs(tree):
    ps = ParagraphMaker.make_paragraphs(tree)
    classify_paragraphs(ps, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
    revise_paragraph_classification(ps, 150)
    return [(p.text, p.class_type, p.cf_class, p.dom_path, p.xpath, p.tags_count, p.chars_count_in_links) for p in ps]


differ = 0
for t in cleaned:
    a = paragraphs(t)
    with faster_justext():
        b = paragraphs(t)
    differ += a != b
    with faster_justext():
        fast_out = tostring(try_justext(t, None, None))
    differ += tostring(try_justext(t, None, None)) != fast_out
print(f"{len(cleaned)} pages: paragraphs or try_justext output differ on {differ}")
for _ in range(2):
    t0 = time.process_time()
    for t in cleaned[:300]:
        try_justext(t, None, None)
    t1 = time.process_time()
    with faster_justext():
        for t in cleaned[:300]:
            try_justext(t, None, None)
    t2 = time.process_time()
print(f"try_justext: {(t1 - t0) / 300 * 1e3:.2f} -> {(t2 - t1) / 300 * 1e3:.2f} ms/page")
