"""A match report's facts under its text: the line-ups, the scorers, the figures (s49 live49).

A match report ends its text with its facts, each a label, a colon and a value on a line of
its own, under a short heading of their own: "Line-ups" / "Man City: Ortega Moreno, Walker,
Dias, …" / "West Ham: Areola, Coufal, …" / "Match stats" / "Possession: Man City 78%, West
Ham 22%"; "Aufstellungen" / "Leverkusen: Kovar - Kossounou, Tah, …" / "Tor: 1:0 Xhaka (16.)"
/ "Zuschauer: 74 322 (ausverkauft)"; "Ficha de jogo" / … / "Árbitro: Luís Godinho". The
line model reads each row as a short line outside the main text block (no sentence, few
words, after the last paragraph) and the headings as labels: the tester's match reports
kept 0.76 of their lines in text, 0.67 in w3m/lynx (s48 acc-live L6), while in HTML, where
they are a table, all of them. What tells such a block from the page's chrome under an
article (a tag line, a contact box, a most-read list): it stands right under the article's
last kept paragraph, its rows are labelled values (a list of names, a score, a figure),
with no furniture word among them, and a heading of the block is one short line over a
row, never two in a row (a box's "Related topics" / "Premier League" ends it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .structures import SENTENCE_END, _clock

#: the reason of a line kept by :func:`fact_rows`
FACTS_REASON = "a match report's facts under its text: a label and its value a line each"

#: a row: a label of a few words (no digit first: "22:10 Bruno Lage: …" is a feed's item),
#: a colon (French spacing and the full-width one too) and its value
_ROW = re.compile(r"([^\W\d_][^:：]{0,40}?)\s?[:：]\s*(\S.*)")
#: the most words of a row's label ("Shots on target", "Essais Toulouse")
_LABEL_WORDS = 4
#: the most words of a row's value (a football line-up with its formation's dashes)
_VALUE_WORDS = 40
#: the most words of a value that is no list: a name, a figure ("Luís Godinho", "74 322")
_SHORT_VALUE = 6
#: the separators of a value's items: a line-up's commas, semicolons and dashes
_ITEM_SEP = re.compile(r"\s*[,;]\s*|\s+[-–]\s+")
#: the most words of an item of a listed value ("Ortega Moreno", "(m) Dupont (cap.)")
_ITEM_WORDS = 4
#: the most words of a heading of the block ("Line-ups", "Ficha de jogo", "Match stats")
_HEAD_WORDS = 4
#: the fewest rows of a block; with no row listing this many items, one more row
_MIN_ROWS = 2
_LISTED = 4
#: the fewest words of the kept paragraph over the block (the article's last)
_PROSE_WORDS = 8
#: what no row's value holds: a link or an address (a contact box's "E-Mail: …")
_LINKISH = re.compile(r"https?:|www\.|@|\.(?:com|org|net|de|fr)\b", re.I)


def _row_items(s: str) -> int:
    """The items of a fact row ``s`` (1 for a value that is no list), 0 if ``s`` is no
    fact row: a label of at most ``_LABEL_WORDS`` words and a value that is a short one
    or a list of short items, no link, no clock time first."""
    m = _ROW.fullmatch(s)
    if m is None or _clock(s[:8]) is not None or _LINKISH.search(s):
        return 0
    label, value = m.groups()
    if len(label.split()) > _LABEL_WORDS or len(words := value.split()) > _VALUE_WORDS:
        return 0
    if len(words) <= _SHORT_VALUE:
        return 1
    items = [t for t in _ITEM_SEP.split(value.rstrip(".")) if t]
    if len(items) < _LISTED or max(len(t.split()) for t in items) > _ITEM_WORDS:
        return 0
    return len(items)


def _heading(s: str) -> bool:
    """Whether ``s`` may head a block of facts: a few words, no colon, no sentence end."""
    return (
        0 < len(s.split()) <= _HEAD_WORDS
        and ":" not in s
        and s[-1:] not in SENTENCE_END
        and _clock(s) is None
    )


def fact_rows(lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]) -> list[int]:
    """The removed lines of ``lines`` (a page's non-blank lines, stripped; ``keep``: the
    line model's verdict) that are a block of facts right under the article's last kept
    paragraph, with their headings (see the module's doc). ``furniture``: the lines of
    the page's furniture words (a tag line, a share button), which no block holds."""
    found: list[int] = []
    n = len(lines)
    i = 0
    while i < n:
        # (the block's anchor: a kept paragraph, a sentence of some words)
        s = lines[i]
        i += 1
        if not keep[i - 1] or len(s.split()) < _PROSE_WORDS or s[-1:] not in SENTENCE_END:
            continue
        rows: list[int] = []
        block: list[int] = []
        listed = False
        j = i
        while j < n and not furniture[j]:
            if items := _row_items(lines[j]):
                rows.append(j)
                block.append(j)
                listed = listed or items >= _LISTED
                j += 1
            elif _heading(lines[j]) and j + 1 < n and not furniture[j + 1]:
                if not _row_items(lines[j + 1]):
                    break
                block.append(j)
                j += 1
            else:
                break
        if len(rows) >= _MIN_ROWS + (not listed):
            found += [k for k in block if not keep[k]]
            i = j
    return found
