#!/usr/bin/env python3
"""Seeds check: every gold body line kept, every gold boilerplate line removed."""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corearchive_plugins.boilerplate import lines as tc
thr = float(sys.argv[1]) if len(sys.argv) > 1 else tc.load_model().get("threshold", 0.5)
ws = lambda s: re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()
gold = json.load(open("/work/shared/gold/seeds-gold.json", encoding="utf-8"))
ok_all = True
for g in gold:
    text = open(os.path.join("/work/shared/seeds", g["file"]), encoding="utf-8").read()
    lines = text.replace("\r\n", "\n").split("\n")
    _, dec = tc.clean(text, thr)
    by = {}
    for d in dec:
        by.setdefault(ws(lines[d["line"]]), []).append(d)
    bad_body, bad_bp, missing = [], [], []
    for b in g["body"]:
        ds = by.get(ws(b))
        if not ds: missing.append(b); continue
        for d in ds:
            if not d["keep"]: bad_body.append((round(d["score"], 3), b[:70]))
    for b in g["boilerplate"]:
        ds = by.get(ws(b))
        if not ds: missing.append(b); continue
        for d in ds:
            if d["keep"]: bad_bp.append((round(d["score"], 3), b[:70]))
    ok = not bad_body and not bad_bp and not missing
    ok_all &= ok
    print(f"{g['file']}: body {len(g['body'])} boilerplate {len(g['boilerplate'])} -> "
          f"{'OK' if ok else 'FAIL'}")
    for s, b in bad_body: print(f"   body line removed  (score {s}): {b}")
    for s, b in bad_bp: print(f"   boilerplate kept   (score {s}): {b}")
    for b in missing: print(f"   gold line not found as a line: {b[:70]}")
print("ALL OK" if ok_all else "SOME FAIL")
