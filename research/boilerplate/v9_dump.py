"""Dump everything the boilerplate (text) and language stages decide, for equality checks.

  python dump.py OUT.pkl [corpus dirs...]
Runs in the worktree venv; imports corearchive_plugins (the worktree's code)."""
import json, pickle, sys
from pathlib import Path
import numpy as np
from corearchive.config import resolve
from corearchive.manager import collect, make_plugin_manager
from corearchive.document import Document
from corearchive.stage import StageContext
from corearchive.testing import RecordingReporter
from corearchive_plugins.boilerplate import lines as L
from corearchive_plugins.language import detect as D

out = {}
pm = make_plugin_manager(); registry = collect(pm); config = resolve(registry, config_path=None)
ctx = StageContext(run_id="x", out=Path("/tmp"), catalog=None, reporter=RecordingReporter())
def stage(name):
    s = registry.stages[name](config.stage_options[name], ctx); s.open(); return s
bp, meta, lang = stage("boilerplate"), stage("metadata"), stage("language")
src = registry.sources["jsonl"]()
from corearchive.inputs import expand
for cdir in sys.argv[2:] or ["/tmp/corebench/corpus-2000"]:
    docs = []
    for item in expand([cdir]):
        docs.extend(src.read(item))
    res = []
    for i in range(0, len(docs), 64):
        b = docs[i:i+64]
        got = bp.process_batch(b)
        for d, g in zip(b, got):
            if not isinstance(g, Document):
                res.append(("drop", g.reason, g.detail)); continue
            tl = d.work.get("text_lines")
            res.append((d.text, json.dumps(d.annotations.get("boilerplate"), sort_keys=True), tl and (tl[0], list(tl[1]), list(tl[2]), list(tl[3]))))
    kept = [d for d, g in zip(docs, [r for r in res]) if g[0] != "drop"]
    # language on the boilerplate output (metadata does not change text? record what language sees)
    meta.process_batch(kept)
    ltexts = [d.text for d in kept]
    lres = []
    for i in range(0, len(kept), lang.batch_size or 1):
        b = kept[i:i+max(lang.batch_size,1)]
        got = lang.process_batch(b)
        for d, g in zip(b, got):
            lres.append((repr(d.language), json.dumps(d.annotations.get("language"), sort_keys=True), type(g).__name__))
    out[cdir] = (res, lres)
    out[cdir + ":ltexts"] = ltexts
# dev text pages through decide_many: whole, cut 5000, cut 200; batches of 64
pages = [p.read_text("utf-8", errors="replace") for s in ("aeb", "trafeval") for p in sorted(Path(f"/work/shared/eval/data/{s}/dev/text").glob("*"))]
pages += [p.read_text("utf-8", errors="replace") for p in sorted(Path("/work/wt-bfast/seeds").glob("*.txt"))]
dev = []
for cut in (None, 5000, 200):
    ps = [p if cut is None else p[:cut] for p in pages]
    ps += ["", "\n\n", "İSTANBUL İçin\nΣΊΣΥΦΟΣ ΣΟΦΌΣ\n" * 3]
    for i in range(0, len(ps), 64):
        for d in L.decide_many(ps[i:i+64], 0.5):
            keep, score, reasons = d.columns()
            dev.append((list(d.lines), list(d.idx), list(d.stripped), keep, d.score.tolist(), reasons, d.kept_text()))
out["dev"] = dev
# langid dev data through detect
lid = []
import os
QUICK = os.environ.get("QUICK")
root = Path("/work/shared/eval/data/lingua/dev")
for kind in (() if QUICK == "bp" else ("sentences", "word-pairs", "single-words")):
    for f in sorted((root / kind).glob("*.txt")):
        for ln in f.read_text("utf-8").splitlines():
            lid.append(D.detect(ln))
if QUICK != "bp": out["lid"] = lid
pickle.dump(out, open(sys.argv[1], "wb"))
print("dumped", {k: len(v) for k, v in out.items()})
