"""Miss table: per miss, where the truth is, what was picked, grouped by cause."""
import pickle, sys, bisect
from collections import Counter
sys.path.insert(0, "/work/shared/eval")
from title_eval import norm_title, score_one
recs = []
for f in sys.argv[1:]:
    recs += pickle.load(open(f, "rb"))
def rel(r, line):
    """non-blank lines between first kept and line (negative: above)"""
    fk = r.get("first_kept")
    if fk is None or line is None: return None
    lines = [i for i, _ in r["items"]]
    a, b = bisect.bisect_left(lines, line), bisect.bisect_left(lines, fk)
    return a - b
def short(reason):
    if reason is None: return "-"
    return {"short line outside the main text block": "short-out", "repeated line": "repeated",
            "low article score": "lowscore", "title-like teaser": "teaser", "KEPT": "KEPT",
            "headline/link-like": "hl-link", "boilerplate vocabulary": "bpvocab"}.get(reason, reason[:18])
import os, html as H
def h1s(r):
    base = {"tuning": "/work/scratch/s44/heldout/titles-tuning/htmldate/dev/html/", "heldout2": "/work/scratch/s44/heldout/titles-heldout2/htmldate/dev/html/"}.get(r["set"], f"/work/shared/eval/data/{r['set']}/dev/html/")
    p = base + r["key"]
    if not os.path.exists(p): return set()
    raw = open(p, encoding="utf-8", errors="replace").read()
    out = set()
    for m in re.finditer(r"<h1[^>]*>(.*?)</h1>", raw, re.I | re.S):
        t = re.sub(r"\s+", " ", H.unescape(re.sub(r"<[^>]+>", " ", m.group(1)))).strip()
        if t: out.add(norm_title(t))
    return out
import re
groups = Counter(); rows = []
for r in recs:
    if r.get("kind") == "listing": continue
    if r["ok"]: continue
    nt = norm_title(r["truth"])
    if r.get("dropped"):
        g = "page dropped"; rows.append((r, g, "", "")); groups[(r["set"].replace("aeb","dev").replace("trafeval","dev").replace("htmldate","dev"), g)] += 1; continue
    cands = r.get("cands") or []
    tc = [c for c in cands if c["ok"]]
    lines = [s for _, s in r.get("items", [])]
    line_eq = [i for i, s in r.get("items", []) if norm_title(s) == nt]
    line_in = [i for i, s in r.get("items", []) if nt and nt in norm_title(s)]
    pl = r.get("pred_line")
    pc = next((c for c in cands if c["line"] == pl), None)
    if r["pred"] is None:
        pick = "none"
    else:
        pick = ""
    if r["pred"] and norm_title(r["pred"]) in h1s(r) and norm_title(r["truth"]) not in h1s(r):
        g = "pick is the page's <h1>; truth (og:title) another line"
    elif not cands and r["pred"] is None:
        g = "no candidates"
    elif tc:
        t = tc[0]
        if pc is not None and pc["okraw"]:
            g = "truth line picked, cut/changed wrongly"
        elif t["vetoed"]:
            g = "truth vetoed"
        elif t["skip"]:
            g = "truth is byline line"
        elif r["pred"] is None:
            g = "no title kept (truth candidate)"
        elif pc is None:
            g = "truth cand; pick not a ranked cand (post-rule/front/comment)"
        else:
            top = max((c for c in cands if c["ranked"] and not c["vetoed"] and not c["skip"]), key=lambda c: c["score"], default=None)
            if r["pred"] and norm_title(r["pred"]) in h1s(r) and norm_title(r["truth"]) not in h1s(r):
                g = "pick is the page's <h1>; truth (og:title) another line"
            elif top is not None and top["line"] != pl:
                g = "truth cand; post-rule moved pick"  # under_kicker/over_label/slug etc.
            else:
                d = pl - t["line"]
                rt, rp = rel(r, t["line"]), rel(r, pl)
                if abs(d) <= 0: g = "?"
                elif d < 0 and d >= -8: g = "rank: pick just ABOVE truth (kicker/section/site)"
                elif d > 0 and d <= 8: g = "rank: pick just BELOW truth (deck/byline/lead)"
                elif d < 0: g = "rank: pick far above truth"
                else: g = "rank: pick far below truth"
    elif any(c["okraw"] for c in cands):
        g = "truth candidate, cut by _segment_cut"
    else:
        if line_eq:
            g = "truth line in text, not a candidate"
        elif line_in:
            g = "truth inside a longer line (not cut out)"
        elif r["text_has"]:
            g = "truth line in text, not a candidate"
        else:
            g = "truth not a line of the text"
    s = r["set"] if r["set"] in ("tuning", "heldout2") else ("dev" if r["set"] in ("aeb", "trafeval", "htmldate") else "acc")
    groups[(s, g)] += 1
    tl = tc[0]["line"] if tc else (line_eq[0] if line_eq else (line_in[0] if line_in else None))
    treason = short((r.get("reasons") or {}).get(tl, "KEPT")) if tl is not None and r.get("reasons") is not None else "-"
    preason = short((r.get("reasons") or {}).get(pl, "KEPT")) if pl is not None and r.get("reasons") is not None else "-"
    rows.append((r, g, f"truth L{tl} rel{rel(r, tl)} {treason} sc={tc[0]['score']:.2f}" if tc else f"truth L{tl} rel{rel(r, tl)} {treason}",
                 f"pick L{pl} rel{rel(r, pl)} {preason} sc={pc['score']:.2f}" if pc else f"pick L{pl} {preason}"))
sets = sorted({k[0] for k in groups})
gs = sorted({k[1] for k in groups}, key=lambda g: -sum(groups[(s, g)] for s in sets))
print("| cause | " + " | ".join(sets) + " |"); print("|---|" + "---|" * len(sets))
for g in gs:
    print(f"| {g} | " + " | ".join(str(groups[(s, g)]) for s in sets) + " |")
if "-v" in sys.argv[0:0] or True:
    for r, g, a, b in sorted(rows, key=lambda x: x[1]):
        print(f"{r['set']}/{r['key'][:40]} | {g} | {a} | {b} | T={r['truth'][:60]!r} | P={str(r['pred'])[:60]!r}")
