"""Hard-wrapped plain text back into one block per line.

Text dumps made by ``lynx -dump``, ``w3m -dump``, html2text or a mail client break every
paragraph into lines of at most a fixed width (72-80 characters), so a line no longer is a
block of the page: a paragraph's last line looks like a short menu item, and its other
lines like long lines without a sentence end. The line model reads blocks, so such a text
is first put back together (:func:`reflow`), decided as blocks, and the decisions are
mapped back to the input's lines.

A greedy wrapper breaks a line only when the next word does not fit: a line is a forced
break when it and the next line's first word exceed the width together. That is what
:func:`wrap_width` looks for (most long lines end at such a break), and what :func:`reflow`
joins on; a line that ends early (a paragraph's end, a list item, a heading) is a real
break and stays one. Text written one block per line (what a browser's rendering gives)
has long paragraph lines of every length and is left as it is.
"""

from __future__ import annotations

import re

#: Widths a text is looked at for: wrapping below 40 is rare, and above 200 a "line" of the
#: width is a paragraph of its own.
_MIN_WIDTH, _MAX_WIDTH = 40, 200
#: A line within this many characters of the width is "near" it: where a wrapper breaks.
_NEAR = 12
#: A wrapped text has at least this many forced breaks, and they are at least this share of
#: its near-width lines that another line follows.
_MIN_BREAKS, _MIN_SHARE = 5, 0.6
#: ... and at least this share of its forced breaks go on with a letter that is not a
#: capital (or a digit, a quote): see :func:`wrap_width`.
_MIN_LOWER = 0.15
#: A line that starts a list item with a bullet. (Not "1." or "-": a wrapped sentence's
#: next piece often starts so, "3. März", "- Hollande"; on the dev pages wrapped at 72 and
#: 80 such a rule broke 114 more of 2,186 pages than it mended.)
_LIST_ITEM = re.compile(r"[*•·‣◦▪]\s")


def _first_word(s: str) -> int:
    """Length of the first word of ``s`` (stripped)."""
    n = s.find(" ")
    return len(s) if n < 0 else n


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip())


def _forced(lines: list[str], width: int) -> list[bool]:
    """Per line, whether it ends at a forced break for ``width``: another line follows, its
    first word would not have fit after this one, and it does not start a block of its own
    (a bulleted list item, or a line indented deeper than this one: a paragraph's first-line indent,
    a nested item)."""
    n = len(lines)
    out = [False] * n
    for i in range(n - 1):
        cur = lines[i]
        k = len(cur.rstrip())
        if k > width // 2:
            raw = lines[i + 1]
            nxt = raw.strip()
            out[i] = (
                bool(nxt)
                and k + 1 + _first_word(nxt) > width
                and _indent(raw) <= _indent(cur)
                and _LIST_ITEM.match(nxt) is None
            )
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, or None when they were not hard-wrapped.

    The width is the longest line that has a space in it (a wrapper never makes a longer
    one; only a word too long for a line, a URL, can be): a page with a paragraph on one
    line has no width in the range. The text is wrapped when most of its lines near the
    width that another line follows end at a forced break (see :func:`_forced`)."""
    if not lines:
        return None
    longest = max(lines, key=len)
    if len(longest) > _MAX_WIDTH + 1 and " " in longest.strip():
        return None  # (most pages: a paragraph on one line; decided in C, ~1 µs)
    width = max((len(s) for ln in lines if " " in (s := ln.strip())), default=0)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    forced = _forced(lines, width)
    near = [
        f
        for i, (ln, f) in enumerate(zip(lines[:-1], forced, strict=False))
        if len(ln.rstrip()) >= width - _NEAR and lines[i + 1].strip()
    ]
    n_forced = sum(near)
    if n_forced < _MIN_BREAKS or n_forced < _MIN_SHARE * len(near):
        return None
    # A wrapped sentence goes on in lower case after many of its breaks; the items of a
    # list of headlines of about the same length (which can pass the test above) start with
    # a capital (dev pages wrapped at 80: >= 0.32 on 99 % of them, 0.18 at the least).
    starts = [lines[i + 1].lstrip()[:1] for i in range(len(lines) - 1) if forced[i]]
    if sum(1 for c in starts if not c.isupper()) < _MIN_LOWER * len(starts):
        return None
    return width


def reflow(lines: list[str], width: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Join the lines that ``width`` forced apart: the new lines, and for each the span
    ``[start, end)`` of input lines it was made of (blank lines stay, one for one).

    The pieces are joined by a space, stripped; a piece ending in a hyphen after a letter
    ("Student-" / "Athlete", as Python's textwrap breaks) is joined without one."""
    forced = _forced(lines, width)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        start = i
        parts = [lines[i].strip()]
        while forced[i] and i + 1 < n:
            i += 1
            nxt = lines[i].strip()
            last = parts[-1]
            if len(last) > 1 and last[-1] == "-" and last[-2].isalpha():
                parts[-1] = last + nxt
            else:
                parts.append(nxt)
        i += 1
        out.append(" ".join(parts) if len(parts) > 1 else lines[start])
        spans.append((start, i))
    return out, spans


#: A hard-wrapped text joined back into blocks (:func:`reflow_text`): the joined text, the
#: input's lines, each joined line's span of input lines, and the width.
Reflowed = tuple[str, list[str], list[tuple[int, int]], int]


def reflow_text(text: str) -> Reflowed | None:
    """``text`` joined back into blocks when it is hard-wrapped (:func:`wrap_width`), else
    None. Lines are split on any newline, as the line model splits them."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(lines)
    if width is None:
        return None
    joined, spans = reflow(lines, width)
    return "\n".join(joined), lines, spans, width
