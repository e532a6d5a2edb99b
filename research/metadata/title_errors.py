"""Title errors of the metadata stage on the dev text pages, by class (the table in
research/metadata/REPORT.md, "Titles from text: error classes").

    .venv/bin/python research/metadata/title_errors.py [--dump OUT.json] [--data DIR ...]
        [--boilerplate]

For every dev page with a title truth: the stage's title (as ``benchmarks/metadata_bench.py``
runs it), where the truth stands among the page's non-blank lines, its rank among the title
candidates (shipped model, every candidate scored in full), and the class of a miss:
A1 the truth is only part of a line, A2a-d the truth is a line but no candidate (a prose
paragraph, outside the candidate window, 1-3 words outside the near window, other), B1/B2
the truth is a candidate ranked 2nd / 3rd or lower, by where the chosen line stands against
it. Needs the eval data; ``--data``: other folders laid out alike (titles.json, text/NAME.txt),
e.g. a held-out set. ``--boilerplate``: a second table, per class (and for the pages right),
where the article starts against the truth's line as the metadata stage finds it (its main
block or first paragraph 0-15 lines below) and as the boilerplate stage decides it (its
largest run of kept lines, gaps of <= 3 lines, by characters, 1-15 lines below; its first
kept line 1-3 lines below; the truth's line kept): is the candidate window placed on the
wrong block, or does the ranker pick the wrong line of the right one (session 40).
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


def truth_lines(page, truth):
    """The indices (among the non-blank lines) of the lines that are the truth."""
    nt = norm_title(truth)
    return [k for k, (_, x) in enumerate(page.items) if norm_title(x) == nt]


def classify(page, cands, truth, pred):
    nt = norm_title(truth)
    if pred is not None and norm_title(pred) == nt:
        return "ok", None
    items = page.items
    eq = truth_lines(page, truth)
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


def removed_lines(texts):
    """Per text, the line numbers the boilerplate stage (shipped model, default options)
    removes, or None when it drops the page."""
    from corearchive import Document
    from corearchive.options import build_options
    from corearchive.testing import make_document
    from corearchive_plugins.boilerplate import BoilerplateOptions, BoilerplateStage

    opts = build_options(BoilerplateOptions, {}, stage="boilerplate", origin="research")
    stage = BoilerplateStage(opts, None)
    out = []
    for i in range(0, len(texts), 64):
        for doc in stage.process_batch([make_document(t, path="p") for t in texts[i : i + 64]]):
            ok = isinstance(doc, Document)
            out.append(set(doc.annotations["boilerplate"]["removed"]["line"]) if ok else None)
    return out


def article_start(page, removed, eq):
    """Flags: the metadata stage's main block or first paragraph starts 0-15 lines below a
    truth line (``eq``: indices among the non-blank lines); the boilerplate stage's largest
    kept run starts 1-15 below one; its first kept line 1-3 below one; a truth line kept."""
    items = page.items
    kept = [k for k, (i, _) in enumerate(items) if i not in removed]
    runs = []  # [first, last, characters]
    for k in kept:
        if runs and k - runs[-1][1] <= 3:
            runs[-1][1] = k
            runs[-1][2] += len(items[k][1])
        else:
            runs.append([k, k, len(items[k][1])])
    big = max(runs, key=lambda r: r[2])[0] if runs else None
    first = kept[0] if kept else None
    return (
        any(0 <= page.ms - t <= 15 or 0 <= page.body - t <= 15 for t in eq),
        big is not None and any(1 <= big - t <= 15 for t in eq),
        first is not None and any(1 <= first - t <= 3 for t in eq),
        any(items[t][0] not in removed for t in eq),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", help="write every miss with its context here (JSON)")
    ap.add_argument("--data", nargs="+", help="other data folders (titles.json, text/NAME.txt)")
    ap.add_argument(
        "--boilerplate", action="store_true", help="where each stage places the article start"
    )
    args = ap.parse_args()
    starts = collections.defaultdict(lambda: [0] * 5)
    dirs = args.data or [f"/work/shared/eval/data/{s}/dev" for s in SETS]
    sets = [Path(d).parent.name if d.rstrip("/").endswith("/dev") else Path(d).name for d in dirs]
    table = collections.defaultdict(collections.Counter)
    misses = []
    for s, d in zip(sets, dirs, strict=True):
        truth = json.loads(Path(d, "titles.json").read_text("utf-8"))
        names = sorted(truth)
        texts = [Path(f"{d}/text/{name}.txt").read_text("utf-8") for name in names]
        gone = removed_lines(texts) if args.boilerplate else [None] * len(names)
        for name, text, removed in zip(names, texts, gone, strict=True):
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
            if removed is not None and (eq := truth_lines(page, t)):
                row = starts[cls]
                row[0] += 1
                for j, flag in enumerate(article_start(page, removed, eq), 1):
                    row[j] += flag
            if cls != "ok":
                ctx = [] if k is None else page.texts[max(0, k - 3) : k + 4]
                misses.append(
                    {"set": s, "name": name, "truth": t, "pred": pred, "class": cls, "context": ctx}
                )
    print("| class | " + " | ".join(sets) + " | all |\n|" + "---|" * (len(sets) + 2))
    for cls in sorted(table):
        v = table[cls]
        print(f"| {cls} | " + " | ".join(str(v[s]) for s in sets) + f" | {sum(v.values())} |")
    if args.boilerplate:
        print(
            "\n| class | pages (truth a line, page kept) | main block / first paragraph 0-15 "
            "below | boilerplate's largest kept run 1-15 below | its first kept line 1-3 "
            "below | truth line kept |\n|---|---|---|---|---|---|"
        )
        for cls in sorted(starts):
            print(f"| {cls} | " + " | ".join(map(str, starts[cls])) + " |")
    if args.dump:
        Path(args.dump).write_text(json.dumps(misses, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
