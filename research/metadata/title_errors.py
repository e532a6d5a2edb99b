"""Title errors of the metadata stage on the dev text pages, by class (the table in
research/metadata/REPORT.md, "Titles from text: error classes").

    .venv/bin/python research/metadata/title_errors.py [--dump OUT.json] [--data DIR ...]

For every dev page with a title truth: the stage's title (as ``benchmarks/metadata_bench.py``
runs it), where the truth stands among the page's non-blank lines, its rank among the title
candidates (shipped model, every candidate scored in full), and the class of a miss:
A1 the truth is only part of a line, A2a-d the truth is a line but no candidate (a prose
paragraph, outside the candidate window, 1-3 words outside the near window, other), B1/B2
the truth is a candidate ranked 2nd / 3rd or lower, by where the chosen line stands against
it. Needs the eval data; ``--data``: other folders laid out alike (titles.json, text/NAME.txt),
e.g. a held-out set.
"""

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, "/work/shared/eval")
sys.path.insert(0, str(ROOT / "benchmarks"))
import metadata_bench as mb  # noqa: E402
from title_eval import norm_title  # noqa: E402

from corearchive_plugins.metadata import text as tm  # noqa: E402

SETS = ["aeb", "trafeval", "htmldate"]


def classify(page, cands, truth, pred):
    nt = norm_title(truth)
    if pred is not None and norm_title(pred) == nt:
        return "ok", None
    items = page.items
    eq = [k for k, (_, x) in enumerate(items) if norm_title(x) == nt]
    ranked = sorted(cands, key=lambda c: -c[2])
    rank = next((r for r, c in enumerate(ranked) if norm_title(c[1]) == nt), None)
    if rank is None:
        if not eq:
            return "A1 truth only part of a line", None
        last = min(len(items), max(page.me, page.body) + 1)
        b, a, f = tm._TITLE_BEFORE, tm._TITLE_AFTER + 1, tm._TITLE_FIRST
        win = tm._union(
            (max(0, page.ms - b), min(last, page.ms + a)),
            (max(0, page.body - b), min(last, page.body + a)),
            (0, min(f, last)),
        )
        if any(page.paras[k] for k in eq):
            return "A2a truth line reads as a prose paragraph", eq[0]
        if all(k not in win for k in eq):
            return "A2b truth line outside the candidate window", eq[0]
        if page.nwords[eq[0]] <= 3:
            return "A2c truth of 1-3 words outside the near window", eq[0]
        return "A2d other (date line, furniture)", eq[0]
    k = eq[0] if eq else None
    pk = next((j for j, (_, x) in enumerate(items) if pred and pred in x), None)
    where = "?"
    if k is not None and pk is not None:
        d = pk - k
        where = (
            "chosen 1-2 lines below (deck, caption)" if 1 <= d <= 2
            else "chosen 1-2 lines above (kicker, section, previous post)" if -2 <= d <= -1
            else "chosen >2 lines below (related, teaser)" if d > 2
            else "chosen >2 lines above (menu, site, sidebar)"
        )  # fmt: skip
    return ("B1 ranked 2nd, " if rank == 1 else "B2 ranked 3rd+, ") + where, k


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", help="write every miss with its context here (JSON)")
    ap.add_argument("--data", nargs="+", help="other data folders (titles.json, text/NAME.txt)")
    args = ap.parse_args()
    dirs = args.data or [f"/work/shared/eval/data/{s}/dev" for s in SETS]
    sets = [Path(d).parent.name if d.rstrip("/").endswith("/dev") else Path(d).name for d in dirs]
    table = collections.defaultdict(collections.Counter)
    misses = []
    for s, d in zip(sets, dirs, strict=True):
        truth = json.loads(Path(d, "titles.json").read_text("utf-8"))
        for name in sorted(truth):
            text = Path(f"{d}/text/{name}.txt").read_text("utf-8")
            t = truth[name]["title"]
            pred = mb.title_text(text)
            page = tm.Page(text)
            pool = tm.TitlePool(page)
            for j in range(len(pool.rows)):
                pool.complete(j)
            m = tm._scorer("title", "title")
            cands = [(c[1], c[2], m(r)) for c, r in zip(pool.cands, pool.rows, strict=True)]
            cls, k = classify(page, cands, t, pred)
            table[cls][s] += 1
            if cls != "ok":
                ctx = [] if k is None else page.texts[max(0, k - 3) : k + 4]
                misses.append(
                    {"set": s, "name": name, "truth": t, "pred": pred, "class": cls, "context": ctx}
                )
    print("| class | " + " | ".join(sets) + " | all |\n|" + "---|" * (len(sets) + 2))
    for cls in sorted(table):
        v = table[cls]
        print(f"| {cls} | " + " | ".join(str(v[s]) for s in sets) + f" | {sum(v.values())} |")
    if args.dump:
        Path(args.dump).write_text(json.dumps(misses, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
