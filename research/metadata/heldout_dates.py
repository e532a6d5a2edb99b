#!/usr/bin/env python3
"""Publication-date accuracy (day level) of the metadata stage on plain text: the dev pages
(htmldate dev, as ``date_eval.py --input text``) and the held-out pages outside dev:
s28's package-test pages (``/work/scratch/s28/acc-heldout/heldout``: gold.json ``date_gold``,
renderings text_proj / text_w3m / text_lynx) and s31's registry pages
(``/work/scratch/s31/extra/dates``: truth.json from the pages' meta tags). Usage:

    python research/metadata/heldout_dates.py [--tsv OUT.tsv] [--sets dev,proj,w3m,lynx,s31]

``--tsv`` writes one row per page (set, name, gold, predicted) to compare two runs;
``--url`` gives each page's address too (truth.json's / gold.json's ``url``), as
``metadata_bench.py``'s "date, URL" line does for the dev pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from metadata_bench import date_text  # noqa: E402

from corearchive_plugins.metadata.text import extract  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "data" / "htmldate" / "dev"
S28 = Path("/work/scratch/s28/acc-heldout/heldout")
S31 = Path("/work/scratch/s31/extra/dates")


def pages(name: str, url: bool = False) -> list[tuple[str, str, Path]]:
    """``name``'s pages: (name, gold day, text path), with the page's address last if ``url``."""
    if name in ("dev", "s31"):
        base = DEV if name == "dev" else S31
        truth = json.loads((base / "truth.json").read_text("utf-8"))
        rows = [
            (n, t["date"], base / "text" / (n + ".txt"), t.get("url"))
            for n, t in sorted(truth.items())
        ]
    else:
        gold = json.loads((S28 / "gold.json").read_text("utf-8"))
        rows = [
            (n, g["date_gold"], S28 / f"text_{name}" / (n + ".txt"), g.get("url"))
            for n, g in sorted(gold.items())
            if g.get("date_gold")
        ]
    return rows if url else [r[:3] for r in rows]  # type: ignore[misc]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--tsv", type=Path)
    ap.add_argument("--sets", default="dev,proj,w3m,lynx,s31")
    ap.add_argument("--url", action="store_true", help="each page's address too")
    args = ap.parse_args()
    rows = []
    for s in args.sets.split(","):
        ok = n = none = 0
        for name, gold, path, url in pages(s, url=True):
            if not path.exists():
                print(f"missing {path}", file=sys.stderr)
                continue
            text = path.read_text("utf-8", "replace")
            if args.url:
                p = extract(text, url=url)["published"]
                got = p[:10] if p else None
            else:
                got = date_text(text)
            n += 1
            ok += got == gold
            none += got is None
            rows.append((s, name, str(gold), got or "-"))
        print(f"{s:5s} acc {ok / n:.3f} ({ok}/{n}; none {none})")
    if args.tsv:
        args.tsv.write_text("".join("\t".join(r) + "\n" for r in rows), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
