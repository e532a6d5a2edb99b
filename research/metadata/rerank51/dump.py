"""Dump every page's title candidates with full features, linear scores, verdicts, truth.
usage: dump.py OUT.pkl [sets...]   sets: aeb trafeval htmldate tuning heldout2 live service gov scripts"""
import json, sys, pickle, math, os
from pathlib import Path
sys.path.insert(0, "/work/shared/eval")
from title_eval import score_one, norm_title
from corearchive import Document
from corearchive.testing import make_document
from corearchive.options import build_options
from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage
from corearchive_plugins.metadata import MetadataOptions, MetadataStage
import corearchive_plugins.metadata as M
import corearchive_plugins.metadata.text as T
bp = BoilerplateStage(build_options(BoilerplateOptions, {}, stage="boilerplate", origin="b"), None)
md = MetadataStage(build_options(MetadataOptions, {}, stage="metadata", origin="b"), None)
cap = {}
o_rt = T.rank_titles
def rt(page, pool=None, skip=None, others=frozenset()):
    r = o_rt(page, pool, skip, others)
    if "rt" not in cap:
        cap["rt"] = (page, pool, skip, others, r)
    return r
T.rank_titles = rt
o_el = M.extract_lines
def el(*a, **k):
    cap["ver"] = k.get("verdicts")
    r = o_el(*a, **k)
    cap["res"] = r[0]
    return r
M.extract_lines = el

def sets_of(names):
    E = "/work/shared/eval/data"
    for n in names:
        if n in ("aeb", "trafeval", "htmldate"):
            d = Path(f"{E}/{n}/dev")
            for key, v in json.loads((d / "titles.json").read_text()).items():
                f = d / "text" / (key + ".txt")
                if f.exists():
                    yield n, key, f.read_text("utf-8"), v["title"], v.get("kind")
        elif n in ("tuning", "heldout2"):
            d = Path("/work/scratch/s44/heldout/titles-" + ("tuning" if n == "tuning" else "heldout2") + "/htmldate/dev")
            for key, v in json.loads((d / "titles.json").read_text()).items():
                f = d / "text" / (key + ".txt")
                if f.exists():
                    yield n, key, f.read_text("utf-8"), v["title"], v.get("kind")
        else:
            sd = {"live": "/work/scratch/s48/acc-live", "service": "/work/scratch/s49/acc-service",
                  "gov": "/work/scratch/s47/acc-gov", "scripts": "/work/scratch/s50/acc-scripts"}[n]
            for p in json.load(open(f"{sd}/data/truth.json")):
                f = Path(f"{sd}/data/text/{p['id']}.txt")
                if f.exists() and p.get("title"):
                    yield n, p["id"], f.read_text("utf-8"), p["title"], p.get("kind")

out = []
for name, key, text, truth, kind in sets_of(sys.argv[2:]):
    cap.clear()
    doc = make_document(text, path="p")
    got = bp.process_batch([doc])[0]
    rec = {"set": name, "key": key, "truth": truth, "kind": kind}
    if not isinstance(got, Document):
        rec.update(dropped=True, ok=False, pred=None); out.append(rec); continue
    got = md.process(got)
    rec["pred"] = got.title
    rec["ok"] = bool(score_one(truth, got.title)[0])
    ver = cap.get("ver")
    res = cap.get("res") or {}
    src = (res.get("sources") or {}).get("title", "")
    rec["pred_line"] = int(src.split()[-1]) if src.startswith("line") else None
    rec["first_kept"] = ver.first_kept if ver else None
    rec["has_ver"] = ver is not None
    if "rt" in cap:
        page, pool, skip, others, r = cap["rt"]
        m = T._scorer("title", "title")
        scored = {l: s for l, _, s in r}
        cands = []
        nt = norm_title(truth)
        for j, (k, i, t) in enumerate(pool.cands):
            pool.complete(j)
            sc = m(pool.rows[j])
            cut = T._segment_cut(t)
            cands.append(dict(k=k, line=i, text=t, row=list(map(float, pool.rows[j])), score=sc,
                              ranked=i in scored, vetoed=i in others, skip=i == skip,
                              reason=(ver.removed.get(i, "KEPT") if ver else None),
                              eq=norm_title(t) == nt, ok=bool(score_one(truth, cut)[0]),
                              okraw=bool(score_one(truth, t)[0])))
        rec["cands"] = cands
        rec["items"] = [(i, s) for i, s in page.items]
        rec["paras"] = list(page.paras)
        rec["body"], rec["ms"], rec["me"], rec["story_end"] = page.body, page.ms, page.me, page.story_end
        rec["body_line"] = page.body_line
        rec["reasons"] = dict(ver.removed) if ver else None
        rec["kept"] = list(ver.kept) if ver else None
    rec["nlines"] = len(text.splitlines())
    rec["text_has"] = norm_title(truth) in {norm_title(l) for l in text.splitlines() if l.strip()}
    out.append(rec)
pickle.dump(out, open(sys.argv[1], "wb"))
print(len(out), sum(r["ok"] for r in out))
