"""Reranker features over the top-K candidates (by the linear score) of a page's dump record."""
import bisect, re, math
import os
K = int(os.environ.get('K', 5))
REASONS = ["KEPT", "short line outside the main text block", "repeated line", "low article score",
           "title-like teaser", "headline/link-like", "boilerplate vocabulary"]
import sys
sys.path.insert(0, "/work/wt-titles51/plugins")
WORD = re.compile(r"\w{3,}")
def words(s): return set(w.lower() for w in WORD.findall(s))
NAMES = None
def page_rows(r, k=K):
    cs = [x for x in r["cands"] if not x["vetoed"] and not x["skip"]]
    cs.sort(key=lambda x: -x["score"])
    top = cs[:k]
    if not top: return [], []
    lines = [i for i, _ in r["items"]]
    fk = r.get("first_kept")
    fkpos = bisect.bisect_left(lines, fk) if fk is not None else None
    reasons = r.get("reasons") or {}
    best = top[0]["score"]
    w0 = words(top[0]["text"])
    textcount = {}; firstpos = {}
    for q, (_, s) in enumerate(r["items"]):
        textcount[s] = textcount.get(s, 0) + 1
        firstpos.setdefault(s, q)
    # byline/date-ish lines near the first kept line (a cheap proxy: a digit-year or "By ")
    import re as _re
    BYD = _re.compile(r"^(?:by|von|par|por|di|door|af)\s|\b(?:19|20)\d\d\b", _re.I)
    anchors = [q for q, (_, s) in enumerate(r["items"][: (fkpos or 0) + 3]) if len(s.split()) <= 12 and BYD.search(s)] if fkpos is not None else []
    rows = []
    t0 = top[0]
    r0 = reasons.get(t0["line"], "KEPT") if r.get("reasons") is not None else "NONE"
    top0 = [*[r0 == x for x in REASONS[:6]], t0["row"][0], t0["row"][6], t0["row"][14], t0["row"][25]]
    for rank, c in enumerate(top):
        pos = bisect.bisect_left(lines, c["line"])
        rel = (pos - fkpos) if fkpos is not None else 0
        reason = reasons.get(c["line"], "KEPT") if r.get("reasons") is not None else "NONE"
        prev_r = reasons.get(lines[pos - 1], "KEPT") if pos > 0 and r.get("reasons") is not None else "NONE"
        next_r = reasons.get(lines[pos + 1], "KEPT") if pos + 1 < len(lines) and r.get("reasons") is not None else "NONE"
        w = words(c["text"])
        ov0 = len(w & w0) / max(1, len(w | w0))
        # other top cands: is this one above the best; line gap to the best
        d0 = pos - bisect.bisect_left(lines, top[0]["line"])
        # containment among the top candidates (h1 vs <title> lines)
        contains_other = any(o is not c and o["text"] in c["text"] and o["text"] != c["text"] for o in top)
        inside_other = any(o is not c and c["text"] in o["text"] and o["text"] != c["text"] for o in top)
        nabove = sum(1 for o in top if o["line"] < c["line"])
        f = [c["score"], c["score"] - best, rank, max(-40, min(40, rel)), rel < 0, fkpos is None,
             *[reason == x for x in REASONS], reason not in REASONS and reason not in ("NONE",),
             *[prev_r == x for x in REASONS[:4]], *[next_r == x for x in REASONS[:4]],
             ov0, max(-40, min(40, d0)), contains_other, inside_other, nabove,
             textcount.get(c["text"], 1), len(top),
             *c["row"], *top0,
             textcount.get(c["text"], 1) > 1 and firstpos.get(c["text"]) == pos,
             max(-20, min(20, pos - anchors[-1])) if anchors else 99]
        rows.append([float(v) for v in f])
    return rows, top
def names(title_features):
    return (["score", "gap", "rank", "rel_fk", "above_fk", "no_fk"] + ["r_" + x[:12] for x in REASONS] + ["r_other"]
            + ["p_" + x[:12] for x in REASONS[:4]] + ["n_" + x[:12] for x in REASONS[:4]]
            + ["ov_top", "d_top", "contains_other", "inside_other", "n_above", "count", "ntop"] + list(title_features) + ["t0_" + x[:12] for x in REASONS[:6]] + ["t0_nw", "t0_period", "t0_repeat_later", "t0_furn", "first_of_repeat", "to_anchor"])
