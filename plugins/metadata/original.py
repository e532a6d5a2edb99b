"""A republished page's original publication date, as its label states it.

An archive page that republishes an old article says when it first appeared: "This article
was first published on 12 March 1968", "From the archive, 12 March 1968: ...", "Originally
published May 7, 1868", "This story appeared in The Harbour Times on April 16, 1912". The
record's ``published`` stays the page's own publication (the republication); the original
goes to ``annotations.metadata.original`` (s30 acceptance test, OCR F3). A labelled date is
read back to :data:`.text.OLDEST_YEAR`, whatever the stage's ``earliest_year``: the label
says what the date is.
"""

from __future__ import annotations

from typing import Any

from corearchive import lazyre as re

from .text import OLDEST_YEAR, earliest_year, find_dates, iso_value

#: What a line with a label has (a C-level find before the pattern: most pages have none)
_GATE = ("ublished", "UBLISHED", "rchive", "RCHIVE", "ppeared", "rschienen", "ublié")
#: A label that says the date after it is the original publication's
_LABEL = re.compile(
    r"\b(?:(?:first|originally|initially)\s+(?:published|appeared)"
    r"|from\s+(?:our|the)\s+archives?"
    r"|appeared\s+in\s+[^.\n]{1,60}?\s+(?:on|of)"
    r"|(?:erstmals|ursprünglich|zuerst)\s+erschienen"
    r"|publié\s+pour\s+la\s+première\s+fois|initialement\s+publié)\b",
    re.I,
)
#: How far after a label its date may start ("on", "in the issue of", ", ", ": ")
_DATE_WITHIN = 16
#: How far before and after its literal (:data:`_GATE`) a label is looked for
_LABEL_BEFORE, _LABEL_AFTER = 24, 80
#: How many characters after the label are read
_READ_CHARS = 80
#: At most this many lines with a gate word are looked at (a page of archive links)
_MAX_LINES = 40
#: Where a page puts the label: under or in its headline ("From the archive, 12 March 1968:
#: ..."), or at the article's end ("This article was first published on ..."); only the
#: first and last characters are searched: a literal test of a whole dev page costs ~6 µs,
#: and ten of them ~2 % of the stage's time)
_HEAD_CHARS, _TAIL_CHARS = 1_000, 2_000


def original_date(text: str, where: str) -> dict[str, Any] | None:
    """The first labelled original publication date of ``text`` (in its first
    :data:`_HEAD_CHARS` or last :data:`_TAIL_CHARS` characters): ``{"value": ISO 8601,
    "where": f"{where} N" (its line), "text": the date as written, "label": the label}``,
    or None. ``where``: how the lines are named ("text line", "html rendering line")."""
    n = len(text)
    regions = (
        [(0, n)] if n <= _HEAD_CHARS + _TAIL_CHARS else [(0, _HEAD_CHARS), (n - _TAIL_CHARS, n)]
    )
    hits: list[int] = []
    for a, b in regions:
        for g in _GATE:
            pos = text.find(g, a, b)
            while pos >= 0 and len(hits) < _MAX_LINES:
                hits.append(pos)
                pos = text.find(g, pos + len(g), b)
    for pos in sorted(hits):
        # (the label around the literal, on its line: "originally published" before it,
        # "appeared in The Harbour Times on" after it)
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = n if end < 0 else end
        m = _LABEL.search(text, max(start, pos - _LABEL_BEFORE), min(end, pos + _LABEL_AFTER))
        if m is None:
            continue
        rest = text[m.end() : min(end, m.end() + _READ_CHARS)]
        with earliest_year(OLDEST_YEAR):
            found = find_dates([rest])
        if found and found[0]["col"] <= _DATE_WITHIN:
            c = found[0]
            return {
                "value": iso_value(c),
                "where": f"{where} {text.count(chr(10), 0, start)}",
                "text": str(c["text"]),
                "label": " ".join(m.group(0).split()),
            }
    return None
