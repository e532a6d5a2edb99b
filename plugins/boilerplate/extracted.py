"""A crawl dump's pre-extracted text: cleaned at its edges only.

A FineWeb or datatrove row's ``text`` is an extractor's output (trafilatura's article), not
a browser copy of a page: what chrome it has sits at its edges (a stray "Share this", a
menu line the extractor kept). The line model, which reads a page's copy, removed article
lines inside it — a code sample's ``}`` as a "repeated line", ``CREATE SUBSCRIPTION`` as
boilerplate vocabulary, the closing paragraph after a code block as past the article's end
(s52 acc-md M2). When the row names its crawl (``annotations.source.crawl_row``) and the
line model finds no chrome inside the text — no run of removed lines between kept ones
that is not code — the lines it removed between the first and last kept line are put back,
and at each edge the lines next to the kept text that read as its own: a sentence the model
alone removed, or a code run (a shell session with its output).

A row whose text is a page's whole copy (a WET extract: CCNet's, RedPajama's) has menus
and boxes inside it: it is decided as any text.
"""

from __future__ import annotations

from typing import Any

from .codeblocks import _MAX_BLOCK, block_is_code, prompt_line

#: the reason of a line put back (the row's text is an extractor's article)
EXTRACTED_REASON = "a crawl row's extracted article: cleaned at its edges only"

#: the shortest run of removed non-code lines inside a text that is chrome (a menu, a box)
_CHROME_RUN = 3

_ENDS = (".", "!", "?", "…", ":", '"', "”", "»", ")", "。", "！", "？", "।", "؟")


def _prose(line: str) -> bool:
    """A sentence: eight words or more and a sentence's end."""
    return line.endswith(_ENDS) and len(line.split()) >= 8


def _code_run(lines: list[str], first: int, end: int) -> int:
    """The end of the code run that opens at row ``first`` of ``lines`` (stripped of none:
    as written), at most ``end``: a shell session with its output, or lines of code;
    ``first`` when none opens there."""
    if not (prompt_line(lines[first]) or block_is_code(lines[first : first + 1])):
        return first
    stop = first + 1
    # (a block longer than codeblocks' bound is none: a long tail is not sliced to its end)
    for k in range(first + 2, min(end, first + _MAX_BLOCK) + 1):
        if block_is_code(lines[first:k]):
            stop = k
    return stop


def keep_extracted(d: Any) -> dict[int, str]:
    """The rows of a ``lines.Decisions`` ``d`` (a crawl row's text) to put back, with
    :data:`EXTRACTED_REASON`: none when the text has chrome inside it (see the module)."""
    keep = d.keep.tolist()
    kept = [j for j, k in enumerate(keep) if k]
    if not kept:
        return {}
    first, last = kept[0], kept[-1]
    written = [d.lines[i] for i in d.idx]
    back: list[int] = []
    j = first
    while j <= last:
        if keep[j]:
            j += 1
            continue
        k = j
        while not keep[k]:
            k += 1
        if k - j >= _CHROME_RUN and not block_is_code(written[j:k]):
            return {}  # (a menu or a box inside: a page's copy, decided as any)
        back.extend(range(j, k))
        j = k
    n = len(keep)
    # the tail: up to its last sentence the model removed, then a code run after it
    end = last + 1
    for k in range(last + 1, n):
        if k not in d.why and _prose(d.stripped[k]):
            end = k + 1
    if end < n:
        end = max(end, _code_run(written, end, n))
    back.extend(range(last + 1, end))
    # the head: the sentences and code right before the first kept line
    j = first - 1
    while j >= 0 and (
        (j not in d.why and _prose(d.stripped[j])) or _code_run(written, j, first) > j
    ):
        back.append(j)
        j -= 1
    return dict.fromkeys(back, EXTRACTED_REASON)
