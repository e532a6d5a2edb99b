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

from collections.abc import Sequence

from corearchive import lazyre as re

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
#: a year in a value or a row's cell (1900–2099)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
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
    # (a label of words, no code's figures: "VE-I-3: Starkregen und Straße" is a list of
    # indicators; a value with a year is a date's, "Published: Nov. 19, 2019, 6:18 p.m.",
    # an article's fields under its text; s49 sesscmp)
    if any(c.isdigit() for c in label) or _YEAR.search(value):
        return 0
    if len(words) <= _SHORT_VALUE:
        return 1
    items = [t for t in _ITEM_SEP.split(value.rstrip(".")) if t]
    if len(items) < _LISTED or max(len(t.split()) for t in items) > _ITEM_WORDS:
        return 0
    return len(items)


#: a value cut short: a teaser's text
_CUT = ("…", "...")


def _teasers(rows: Sequence[str]) -> bool:
    """Whether fact rows ``rows`` (each a :data:`_ROW`) are a related box's teasers, no
    facts: a value cut with an ellipsis, or every row under one label that no figure
    follows (the site's name over its headlines: "Городские вести: Городская дума в
    четверг утвердила план …" x4 under "Читайте также"; s50 acc-regress R11). A match's
    facts name a side, a figure, a role each; a scorer's rows under one label ("Tor: 1:0
    Xhaka (16.)") open with the score."""
    parts = [m.groups() for s in rows if (m := _ROW.fullmatch(s)) is not None]
    if any(value.rstrip().endswith(_CUT) for _, value in parts):
        return True
    return (
        len(parts) >= _MIN_ROWS
        and len({label.casefold() for label, _ in parts}) == 1
        and not any(value[:1].isdigit() for _, value in parts)
    )


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
        if (
            not keep[i - 1]
            or len(s.split(None, _PROSE_WORDS - 1)) < _PROSE_WORDS
            or s[-1:] not in SENTENCE_END
        ):
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
        if len(rows) >= _MIN_ROWS + (not listed) and not _teasers([lines[k] for k in rows]):
            found += [k for k in block if not keep[k]]
            i = j
    return found


#: the reason of a line kept by :func:`sibling_rows`
SIBLINGS_REASON = "a results page's rows: lines of one shape, some of them kept"

#: a cell of a row that is a figure: a number, a score or a range ("1-0", "3.5", "77"), or
#: an empty cell's dash
_FIGURE = re.compile(r"\d+(?:[-–:.,/]\d+)*%?|[-–—]")
#: the fewest rows of a run of one shape, and the most cells of a row
_MIN_SIBLINGS = 3
_MAX_CELLS = 6
#: the most characters of a heading over such a run with no spaces (Chinese, Japanese)
_HEAD_CHARS = 12


def _shape(s: str) -> tuple[str, ...] | None:
    """The shape of a row ``s``: each of its cells (parted by spaces) a figure ("9"), a
    word ("a") or a word with figures in it ("9a": "77勝59敗7分"); None for no row: more
    than :data:`_MAX_CELLS` cells, no figure cell, no word, or a clock time first (a
    feed's item: "21時30分 巨人が…", "18:31 Klopp …")."""
    cells = s.split()
    if not 2 <= len(cells) <= _MAX_CELLS or _clock(s[:8]) is not None:
        return None
    # (a year is no table's figure: "2020 Antonio Andrioli" / "2019 Michael Müller" is a
    # menu of a prize's winners, a dated list; s49 sesscmp)
    out = tuple(
        "y"
        if _YEAR.fullmatch(c)
        else "9"
        if _FIGURE.fullmatch(c)
        else "9a"
        if any(ch.isdigit() for ch in c)
        else "a"
        for c in cells
    )
    return out if "9" in out and ("a" in out or "9a" in out) else None


def sibling_rows(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]
) -> list[int]:
    """The removed lines of a results page's runs of rows (``lines``: its non-blank lines,
    stripped; ``keep``: the line model's verdict; call it on a page of few prose lines):
    :data:`_MIN_SIBLINGS` lines or more in a row of one shape (:func:`_shape`: "巨人 1-0
    広島" / "阪神 3-2 DeNA"; "1 巨人 77勝59敗7分 -" / "2 阪神 74勝63敗6分 3.5"), of which the
    model kept one at least, and the heading right over such a run ("順位表"). The model kept
    the last row of each table of a Japanese results page and removed the others as short
    lines outside the text (s48 acc-live L8): a table's rows are one shape, a row kept tells
    the table is the page's."""
    found: list[int] = []
    n = len(lines)
    i = 0
    while i < n:
        shape = _shape(lines[i]) if not furniture[i] else None
        j = i + 1
        while shape is not None and j < n and not furniture[j] and _shape(lines[j]) == shape:
            j += 1
        if shape is None or j - i < _MIN_SIBLINGS or not any(keep[i:j]):
            i = j
            continue
        found += [k for k in range(i, j) if not keep[k]]
        h = i - 1
        if h >= 1 and not keep[h] and not furniture[h] and _short_heading(lines[h]):
            # (no menu's last item: a menu's line over it is as short and has no figure)
            above = lines[h - 1]
            if any(c.isdigit() for c in above) or keep[h - 1]:
                found.append(h)
        i = j
    return sorted(found)


def _short_heading(s: str) -> bool:
    """Whether ``s`` may head a table: a few words, or a few characters with no space, no
    figure, no sentence end."""
    words = s.split()
    return (
        0 < len(words) <= _HEAD_WORDS
        and (len(words) > 1 or len(s) <= _HEAD_CHARS)
        and not any(c.isdigit() for c in s)
        and s[-1:] not in SENTENCE_END
    )
