"""Instructions per document of the metadata stage or one of its parts, counted by callgrind
inside the measured loop only (deterministic: the figure does not move with the machine's
load, unlike CPU time).

The loop runs inside ``functools.reduce``, and callgrind collects only while that C function
runs (``--toggle-collect=functools_reduce``): the set-up (imports, the boilerplate stage, the
pages) is not counted, and one run gives the figure (no subtraction of a second run). Usage
(``PYTHONPATH`` = a directory holding the ``corearchive_plugins`` to measure, e.g. a copy of
another commit's ``plugins/``; ``PART``: stage, page, dates, pool, titles, rdates; ``DEV=1``:
every 4th dev text page instead of 300 pipeline-corpus documents)::

    PYTHONHASHSEED=0 PART=stage valgrind --tool=callgrind --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/cg.out .venv/bin/python research/metadata/cg_parts.py
    # instructions per item = "Collected" / the number this script prints
"""

import functools
import gc
import glob
import json
import os

from corearchive.options import build_options
from corearchive.testing import make_document
from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage
from corearchive_plugins.metadata import MetadataOptions, MetadataStage
from corearchive_plugins.metadata import text as T

N = int(os.environ.get("N", "300"))
PART = os.environ.get("PART", "stage")
CORPUS = os.environ.get("CORPUS", "/tmp/corebench/corpus-10000/part-000.jsonl")
EVAL = os.environ.get("EVAL", "/work/shared/eval")
docs = []
if os.environ.get("DEV"):
    files = sorted(glob.glob(f"{EVAL}/data/*/dev/text/*.txt"))[::4]
    docs = [{"text": open(f, encoding="utf-8").read()} for f in files]
else:
    for line in open(CORPUS):
        docs.append(json.loads(line))
        if len(docs) >= N:
            break
bp = BoilerplateStage(build_options(BoilerplateOptions, {}, stage="boilerplate", origin="b"), None)
md = MetadataStage(build_options(MetadataOptions, {}, stage="metadata", origin="b"), None)
ds = []
for d in docs:
    out = bp.process(make_document(d["text"], html=False, path="p"))
    if out is not None and getattr(out, "text", None):
        ds.append(out)
md.process(bp.process(make_document(docs[0]["text"], html=False, path="p")))  # (warm-up)
pages = [(d.work["text_lines"][0], d.work["text_lines"][1:]) for d in ds if "text_lines" in d.work]


def stage(acc, d):
    md.process(d)
    return acc


def page(acc, ts):
    T.Page(*ts)
    return acc


def dates(acc, ts):
    T.Page(*ts).dates()
    return acc


def pool(acc, p):
    T.TitlePool(p)
    return acc


def titles(acc, p):
    T.rank_titles(p, T.TitlePool(p))
    return acc


def rdates(acc, p):
    T.rank_dates(p, None, None)
    return acc


if PART == "stage":
    fn, items = stage, ds
elif PART in ("page", "dates"):
    fn, items = (page if PART == "page" else dates), pages
else:
    P = [T.Page(*ts) for ts in pages]
    for p in P:
        p.dates()  # (found once, shared by the parts as in the stage)
    fn, items = {"pool": pool, "titles": titles, "rdates": rdates}[PART], P
gc.collect()
gc.freeze()
functools.reduce(fn, items, 0)
print(len(items))
