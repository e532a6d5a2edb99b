"""trafilatura's text of an HTML page checked against the line model's reading of the page.

trafilatura decides by the page's markup (containers, classes, link density); the line model
(:mod:`.lines`) by each line's wording and its neighbourhood in the rendered page. They err
in different places: trafilatura keeps the "Read also:" / "Related articles" / photo-credit
lines that sit inside the article's container, and loses a standfirst, a first paragraph or a
list that sits outside it; the line model sees those as the furniture or the prose they are.
:func:`refine` takes trafilatura's lines and

* removes a line the model, on the rendered page, is sure is furniture (score under
  ``low``);
* adds a line of the rendered page that trafilatura left out and the model is sure is
  content (score at least ``high``), where it stands on the page, when it lies within
  ``near`` non-blank lines of the part of the page trafilatura kept or of a line added
  before it (1, 3 and 6 were tried with the thresholds; unbounded was not; the chain of
  added lines: an article cut into blocks between ads, aeb F1 0.971 -> 0.974, trafeval
  unchanged, with the model's in-sample scores).

Lines are matched by their text with white space collapsed; a trafilatura line that is no
line of the rendering (a table row, list item with its marker, text joined across inline
blocks) is kept as it is. The thresholds were chosen on out-of-fold line scores of the dev
pages (5 folds by page, the model's trees retrained without the fold; chosen on four folds,
measured on the fifth): aeb F1 0.967 -> 0.969, trafeval 0.935 -> 0.940 (research/boilerplate/
REPORT.md, v12). Most of the gain is the added lines; the removals are about neutral out of
fold (the model is less sure of furniture inside an article than in-sample figures say).
"""

from __future__ import annotations

from itertools import compress
from typing import Any

from .lines import cue_only

#: trafilatura lines the line model scores under this are removed (chosen on 4 of 5 folds,
#: each time: 0.1 / 0.9 / 6 on four, 0.05 / 0.9 / 6 on one)
LOW = 0.1
#: lines of the rendered page that trafilatura left out and the model scores at least this
#: are added
HIGH = 0.9
#: how many lines of the rendered page before the first and after the last of trafilatura's
#: lines an added line may stand
NEAR = 6


def _norm(line: str) -> str:
    # (str.split() splits on the white space re's \s matches; ~3x re.sub on short lines)
    return " ".join(line.split())


def refine(
    text: str, decisions: Any, low: float = LOW, high: float = HIGH, near: int = NEAR
) -> tuple[str, int, int]:
    """``text`` (trafilatura's, one block per line) with the lines the line model's
    ``decisions`` on the page's rendering (``lines.Decisions``) say are furniture removed and
    the sure content lines it lacks added (see the module's docstring); and how many lines
    were removed and added."""
    score = decisions.score
    scores: list[float] = score.tolist()
    rendered = list(map(" ".join, map(str.split, decisions.stripped)))
    # a line that occurs more than once gets its lowest score (furniture repeats): the
    # pairs in falling score order, the last written wins (ties: equal scores)
    order = score.argsort(kind="stable")[::-1].tolist()
    score_of = dict(
        zip(map(rendered.__getitem__, order), map(scores.__getitem__, order), strict=True)
    )
    # a line of cue words alone ("Advertisement", "广告", "Share: X | Facebook"): a rule, not
    # the model's score, removes it from a text (the score is often over ``low``), and
    # trafilatura keeps such a <div> between an article's paragraphs
    # (a page read in windows keeps no feature rows: see lines.decide_many)
    if len(rendered) and decisions.X is not None:
        for j in cue_only(decisions.X).nonzero()[0].tolist():
            score_of[rendered[j]] = 0.0
    lines = text.split("\n")
    normed = list(map(_norm, lines))
    keep = [score_of.get(ln, 1.0) >= low for ln in normed]
    kept = list(compress(lines, keep))
    kept_norms = list(compress(normed, keep))
    removed = len(lines) - len(kept)
    have = set(kept_norms)
    have.discard("")
    n = len(rendered)
    start = next((i for i in range(n) if rendered[i] in have), None)
    if start is None:
        return "\n".join(kept), removed, 0
    end = next(i for i in range(n - 1, -1, -1) if rendered[i] in have)
    joined = _norm(" ".join(kept))
    # the span an added line may stand in grows with each line added: an article whose
    # body the page cuts into several blocks (Wired: 3) goes on a few lines past an ad or a
    # signup box, beyond ``near`` lines of the block trafilatura took
    sure = [s >= high for s in scores]
    lo = start
    for i in range(start - 1, -1, -1):
        if lo - i > near:
            break
        if sure[i] and rendered[i] not in joined:
            lo = i
    hi = end
    for i in range(end + 1, n):
        if i - hi > near:
            break
        if sure[i] and rendered[i] not in joined:
            hi = i
    # each added line goes after the last of trafilatura's lines before it on the page
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for i in range(lo, hi + 1):
        line = rendered[i]
        if line in have:
            anchor = line
        elif sure[i] and line not in joined:
            after.setdefault(anchor, []).append(line)
    if not after:
        return "\n".join(kept), removed, 0
    added = sum(map(len, after.values()))
    out = after.pop(None, [])
    for ln, nm in zip(kept, kept_norms, strict=True):
        out.append(ln)
        more = after.pop(nm, None)
        if more:
            out += more
    return "\n".join(out), removed, added
