#!/usr/bin/env python3
"""Check the pipeline on the five seeds against the hand labels in shared/gold/seeds-gold.json.

Prints, per seed: gold body lines lost, boilerplate lines left in, and each metadata field
that differs from the gold. Usage:

    python benchmarks/seeds_check.py [--gold ../shared/gold/seeds-gold.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "seeds-gold.json"))
    args = ap.parse_args()
    gold = {g["file"]: g for g in json.loads(Path(args.gold).read_text("utf-8"))}

    from corearchive.testing import run_ingest

    with tempfile.TemporaryDirectory() as tmp:
        res = run_ingest(str(ROOT / "seeds"), "--disable", "dedup", out=Path(tmp) / "out")
    recs = {Path(r["source"]["path"]).name: r for r in res.records}
    lines_ok = lines_total = fields_ok = fields_total = 0
    for name, g in sorted(gold.items()):
        rec = recs.get(name)
        if rec is None:
            print(f"{name}: NO RECORD")
            continue
        kept = {norm(x) for x in rec["text"].splitlines()}
        lost = [b for b in g["body"] if norm(b) not in kept]
        left = [b for b in g["boilerplate"] if norm(b) in kept]
        lines_total += len(g["body"]) + len(g["boilerplate"])
        lines_ok += len(g["body"]) + len(g["boilerplate"]) - len(lost) - len(left)
        print(
            f"{name}: body lost {len(lost)}/{len(g['body'])}, "
            f"boilerplate left {len(left)}/{len(g['boilerplate'])}"
        )
        for b in lost:
            print(f"    lost: {b[:90]}")
        for b in left:
            print(f"    left: {b[:90]}")
        for field in ("title", "authors", "site_name", "published", "tags"):
            want, got = g.get(field), rec.get(field)
            if field == "language":
                got = (got or {}).get("code")
            fields_total += 1
            if want == got:
                fields_ok += 1
            else:
                print(f"    {field}: want {want!r} got {got!r}")
        fields_total += 1
        if g.get("language") == (rec.get("language") or {}).get("code"):
            fields_ok += 1
        else:
            print(f"    language: want {g.get('language')!r} got {rec.get('language')!r}")
    print(f"lines right: {lines_ok}/{lines_total}; fields right: {fields_ok}/{fields_total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
