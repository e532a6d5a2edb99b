#!/usr/bin/env python3
"""Derive per-line training labels from the dev data (offline, run once).

Output: labels.json  {"aeb/<name>": {"lines": [...], "y": [...], "w": [...]}, "trafeval/<name>": ...}
  y: 1 = article line, 0 = boilerplate, -1 = unknown (not used for training)
  w: sample weight

aeb: a line is an article line when most of its 4-token shingles occur in the true
     articleBody (lines of < 4 tokens: when the whole line is a line of the body).
trafeval: lines covered by a "with" snippet -> 1 (weight 1), by a "without" snippet -> 0
     (weight 1).  Other lines: optional silver label from trafilatura run on the page's HTML
     (--teacher), weight 0.3; without --teacher they stay unknown.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter

EVAL = os.environ.get("COREARCHIVE_EVAL", "/work/shared/eval")
DATA = os.path.join(EVAL, "data")
TOK = re.compile(r"\w+")


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def sh(toks, n=4):
    if len(toks) < n:
        return [tuple(toks)] if toks else []
    return [tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)]


def split_lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def shingle_label(lines, ref_text):
    """Label lines by overlap with reference text: fraction of the line's shingles in ref."""
    ref_toks = TOK.findall(ref_text)
    ref_sh = set(sh(ref_toks))
    ref_lines = {ws(x) for x in split_lines(ref_text) if x.strip()}
    ref_ws = ws(ref_text)
    y = []
    for ln in lines:
        if not ln.strip():
            y.append(-1)
            continue
        toks = TOK.findall(ln)
        if not toks:
            y.append(-1 if ws(ln) in ref_ws else 0)
            continue
        if len(toks) < 4:
            y.append(1 if ws(ln) in ref_lines else 0)
            continue
        s = sh(toks)
        frac = sum(1 for x in s if x in ref_sh) / len(s)
        y.append(1 if frac >= 0.5 else 0)
    return y


def aeb_labels():
    out = {}
    base = os.path.join(DATA, "aeb", "dev")
    truth = json.load(open(os.path.join(base, "truth.json"), encoding="utf-8"))
    for name in sorted(truth):
        text = open(os.path.join(base, "text", name + ".txt"), encoding="utf-8").read()
        lines = split_lines(text)
        y = shingle_label(lines, truth[name]["articleBody"])
        out["aeb/" + name] = {"lines": lines, "y": y, "w": [1.0 if v >= 0 else 0.0 for v in y]}
    return out


def snippet_lines(lines, snippet):
    """Indices of lines covered by the (whitespace-normalised) snippet, or []."""
    s = ws(snippet)
    if not s:
        return []
    norm = [ws(ln) for ln in lines]
    hits = [i for i, n in enumerate(norm) if s in n]
    if hits:
        return hits
    # spanning several lines: search in the joined text and map the char span back
    starts, pos, parts = [], 0, []
    for i, n in enumerate(norm):
        if not n:
            continue
        starts.append((pos, i))
        parts.append(n)
        pos += len(n) + 1
    joined = " ".join(parts)
    k = joined.find(s)
    if k < 0:
        return []
    end = k + len(s)
    return [i for (p, i), n in zip(starts, parts) if p < end and p + len(n) > k]


def trafeval_labels(teacher, other_sets=()):
    out = {}
    base = os.path.join(DATA, "trafeval", "dev")
    truth = json.load(open(os.path.join(base, "truth.json"), encoding="utf-8"))
    if teacher:
        import trafilatura
    for name in sorted(truth):
        text = open(os.path.join(base, "text", name + ".txt"), encoding="utf-8").read()
        lines = split_lines(text)
        if teacher:
            html = open(os.path.join(base, "html", name), encoding="utf-8", errors="replace").read()
            ext = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
            y = shingle_label(lines, ext)
            w = [0.3 if v >= 0 else 0.0 for v in y]
        else:
            y = [-1] * len(lines)
            w = [0.0] * len(lines)
        t = truth[name]
        for s in t["without"]:
            for i in snippet_lines(lines, s):
                y[i], w[i] = 0, 1.0
        for s in t["with"]:
            for i in snippet_lines(lines, s):
                y[i], w[i] = 1, 1.0
        out["trafeval/" + name] = {"lines": lines, "y": y, "w": w}
    return out


def teacher_only(set_name):
    """Silver labels only (trafilatura on the HTML), for pages without boilerplate truth."""
    import trafilatura
    base = os.path.join(DATA, set_name, "dev")
    out = {}
    for fn in sorted(os.listdir(os.path.join(base, "html"))):
        tp = os.path.join(base, "text", fn + ".txt")
        if not os.path.exists(tp):
            continue
        text = open(tp, encoding="utf-8").read()
        html = open(os.path.join(base, "html", fn), encoding="utf-8", errors="replace").read()
        ext = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        lines = split_lines(text)
        if len(TOK.findall(ext)) < 50:  # teacher found (almost) nothing: skip page
            continue
        y = shingle_label(lines, ext)
        out[set_name + "/" + fn] = {"lines": lines, "y": y, "w": [0.3 if v >= 0 else 0.0 for v in y]}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "labels.json"))
    ap.add_argument("--teacher", action="store_true", help="silver labels from trafilatura on the HTML (trafeval)")
    ap.add_argument("--teacher-only", help="silver labels for another set (e.g. htmldate)")
    ap.add_argument("--eval", default=EVAL, help="the organisers' folder (its data/SET/dev);"
                    " default $COREARCHIVE_EVAL or /work/shared/eval")
    args = ap.parse_args()
    global DATA
    DATA = os.path.join(args.eval, "data")
    if args.teacher_only:
        data = teacher_only(args.teacher_only)
    else:
        data = aeb_labels()
        data.update(trafeval_labels(args.teacher))
    c = Counter()
    for k, v in data.items():
        for y in v["y"]:
            c[(k.split("/")[0], y)] += 1
    print(sorted(c.items()), file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
