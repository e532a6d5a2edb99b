"""An article's own structures in plain text: tables, fact boxes, numbered notes, list labels.

The line model reads one line at a time: a table's row ("Barclays	212.4p	-3.2%"), a fact
box's entry ("Wards: 9"), a source note ("[2] Bytewire benchmarks, September 2026.") or a
list's label ("Key points:") is short, has no sentence and reads like a menu's item, so it
kept some lines of such a structure and removed others (s34 acceptance test: a fact box kept
with one of its four entries, a labelled table without its first row, a sources list lost
whole, a league table written one cell a line removed with its article). A structure is
decided as a whole here, by its form and by the text around it:

* a run of lines of one form: a table's rows (cells split by tabs or by runs of spaces, or
  a short line ending with two numbers: a table aligned with spaces, as lynx writes one),
  entries ``label: value`` with labels that differ, or items numbered one after the other
  ("1.", "2)", "[3]", "(4)"); with the short line right before it as its label;
* a table written one cell a line: a run of short lines whose kinds (number or words)
  repeat with a period of 2 to 12 lines, at least :data:`MIN_PERIODS` times, with the
  period's first lines (its header) before it;
* a label ending with a colon whose next two lines are kept;
* a list of quantities ("5 patatas medianas", "125 g Mehl") over the text that names them
  (a recipe's ingredients over its steps).

A run is the article's when the text on both sides of it is kept; or on one side, when the
model kept half of its lines, when it is a table whose rows all hold a number, when it is a
table one cell a line with its header, or (numbered items right after the article's last
kept line) when each item is a sentence. A menu, a share bar or a list of related links has
none of these forms, or is not next to the article's text: it stays removed (0 of the test's
198 furniture lines kept); so does a box of ranked headlines or a ticker one cell a line
after the text, and a run of entries the model removed, half of them or more, for a page's
furniture words ("Advertisement: Continue reading below"; an entry whose value is a sentence,
"E-MAIL: Herzliche Einladung zur Geburtstagsfeier!", is the text's, not furniture).

A review's rating ("★★★★☆", "8/10", "Note : 4/5", "Bewertung: 3 von 5 Sternen", "The Verdict"
over "87") is the article's right above its text or right after it (:func:`article_rating`).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain, compress, pairwise
from typing import Any

from corearchive import lazyre as re
from corearchive.characters import CJK_RANGES, HANGUL_RANGES

from .chrome import READ_TIME, offer_line
from .lines import (
    _BYWORDS,
    _COMMENT_WORDS,
    _CREDIT,
    _MONTHS,
    _TOK,
    CLOSING_MARKS,
    CUE_WORDS,
    LINE_ENDS,
    SENTENCE_MARKS,
)
from .listing import CURRENCY, CURRENCY_CODES, CURRENCY_SIGNS
from .refine import _AD_LABEL
from .reflow import BROWSER_BUTTON, CLOCK

#: the reason of a line kept by :func:`article_structures`
STRUCTURE_REASON = "table, list or fact box of the article"

#: the most words of a table's cell, a fact box's label or a structure's label line
_CELL_WORDS = 6
_LABEL_WORDS = 6
#: the most words of a table's label over its value, two lines ("Packed weight" / "1.42 kg"):
#: a name; a teaser's headline over its date is longer
_KEY_WORDS = 3
#: the most words of a table's row aligned with spaces ("Barclays 212.4p -3.2%")
_ROW_WORDS = 8
#: the most words of a fact box's entry (label and value)
_PAIR_WORDS = 15
#: the lowest score of the line model for a structure's label line: "Continue Reading Below"
#: (0.14) before a table is a button, "Sources" (0.24), "Fast facts" (0.49) are labels
_LABEL_SCORE = 0.2
#: the fewest words of a sentence that announces a list of the article with a colon, the
#: most words of an item of that list, and the fewest and most items
_INTRO_WORDS = 8
_ITEM_WORDS = 12
_MIN_ITEMS = 2
_MAX_ITEMS = 12
#: the fewest lines of a run of entries (two ``label: value`` lines are a credit and a source
#: under a photo as often as a fact box)
_MIN_PAIRS = 3
#: a table one cell a line: its period repeats at least this often, over at least
#: :data:`_MIN_CELL_LINES` lines (a share bar's "Share 12 Comments 3" repeats twice)
MIN_PERIODS = 4
_MIN_CELL_LINES = 12
_MAX_PERIOD = 12

# a list mark or a markdown heading's hashes before the line's text
_LEAD = re.compile(r"(?:[-*+•·▪►]|#{1,6})\s+")
_LEAD_START = frozenset("-*+•·▪►#")
_CELL_SEP = re.compile(r"\t+|\s{2,}")
# "Population: 212,000", "VIP : 60,000₩", "England (Group A): 10th appearance"
_PAIR = re.compile(r"([^\W\d_][^:：]{0,40}?)\s?[:：]\s+\S")
# "1. ", "2) ", "[3] ", "(4) ": a list item's number (:data:`.reflow.NUMBERED_ITEM`) and a
# number in round brackets, which is an item's here only in a run of such lines (a
# structure: :func:`_follows`); alone, "(2) The council shall ..." opens a paragraph
_ENUM = re.compile(r"(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])\s+\S")
# a quantity and what it counts: "125 g Mehl", "6 huevos", "1/2 tsp Honey", "½ cup milk"
_QUANTITY = re.compile(
    r"(?:\d{1,4}(?:[.,/]\d{1,3})?|\d?[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d{1,4})?\s+\S*[^\W\d_]"
)
#: the most words of a list's item that starts with a quantity ("2 tsp Gia Garlic Puree or 4
#: cloves garlic blended together with below")
_QUANTITY_WORDS = 14
_LEADING = re.compile(r"\d{1,4}(?:[.,]\d{1,3})?")
# a cell that is a number: "5040", "-3.2%", "212.4p", "24,118", "$1.5bn", "%165"; an amount
# with its currency set off by a space, as most of Europe writes it ("€ 78,90", "45,50 €": a
# price list one cell a line was no table without them, s45 kinds)
_NUMBER = re.compile(r"[-+−–]?(?:[$€£¥₩%]\s?)?\d[\d.,:%]*[^\W\d]{0,2}(?:\s?[%₩€$£])?")
#: an e-mail or web address in a line ("news@courier.example", "www.example.com")
_ADDRESS = re.compile(r"\S@[\w-]+\.\w|://|\bwww\.\w")
#: the longest line that can be a number (a cell of a table one cell a line)
_NUMBER_CHARS = 16
# the first characters of a number or a numbered item ("[3]", "(4)"), the last of a number
_NUMBER_START = frozenset("-+−–$€£¥₩%0123456789[(½¼¾⅓⅔⅛")
_NUMBER_END = frozenset("%₩€$")
#: the characters a sentence ends with (a closing quote or bracket after its mark)
SENTENCE_END = LINE_ENDS
_STOPS = frozenset(SENTENCE_MARKS)


def stop_end(s: str) -> bool:
    """Whether ``s`` ends with a sentence's stop (:data:`.lines.SENTENCE_MARKS`), before its
    closing quotes or bracket. Public: the feeds', records' and scholarly rules ask it."""
    return s.rstrip('"”»)')[-1:] in _STOPS


Form = tuple[str, object]
#: the form of a line that starts with a quantity (:func:`_form`)
_QUANTITY_FORM: Form = ("quantity", 0)


def _form(line: str) -> Form | None:
    """The structure ``line`` (stripped) has: ``("cells", 0)`` a table's row,
    ``("enum", k)`` an item numbered ``k``, ``("pair", label)`` a fact box's entry,
    ``("quantity", 0)`` a list's item that starts with a quantity (an ingredient); or None."""
    s = _LEAD.sub("", line, count=1) if line[:1] in _LEAD_START else line
    # (cheap tests of characters first: most lines of a page have no form)
    if "\t" in s or "  " in s:
        cells = _cells(s)
        if len(cells) >= 2 and all(len(c.split()) <= _CELL_WORDS for c in cells):
            return ("cells", 0)
    if s[-1:].isalnum() or s[-1:] in _NUMBER_END:
        words = s.split()
        if 2 < len(words) <= _ROW_WORDS and _is_number(words[-1]) and _is_number(words[-2]):
            return ("cells", 0)
    if s[:1] in _NUMBER_START and (m := _ENUM.match(s)):
        return ("enum", int(next(g for g in m.groups() if g)))
    if ":" in s or "：" in s:
        m = _PAIR.match(s)
        if m and len(m[1].split()) <= _LABEL_WORDS and len(s.split()) <= _PAIR_WORDS:
            return ("pair", m[1].strip().lower())
    if (
        s[:1] in _NUMBER_START
        and not stop_end(s)  # ("3 sprigs Rosemary (Optional)")
        and _QUANTITY.match(s)
        and len(s.split()) <= _QUANTITY_WORDS
    ):
        return _QUANTITY_FORM
    return None


def _follows(a: Form | None, b: Form | None) -> bool:
    """Whether a line of form ``b`` continues a run whose last line has form ``a``."""
    if a is None or b is None or a[0] != b[0]:
        return False
    if a[0] == "enum":
        return b[1] == a[1] + 1  # type: ignore[operator]
    return a[0] == "pair" or a[1] == b[1]


class _Forms:
    """The forms of a text's lines (:func:`_form`), each computed when first asked for."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self.got: dict[int, Form | None] = {}

    def __getitem__(self, i: int) -> Form | None:
        if i not in self.got:
            self.got[i] = _form(self.lines[i])
        return self.got[i]


def _runs(forms: _Forms, seeds: Iterable[int]) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of the runs of lines of one form through the lines ``seeds``,
    long enough to be a structure (``kind``: the form's, "cells", "enum" or "pair")."""
    out: list[tuple[int, int, str]] = []
    n = len(forms.lines)
    done: set[int] = set()
    for i in seeds:
        if i in done or not 0 <= i < n or (f := forms[i]) is None:
            continue
        a, b = i, i + 1
        while a > 0 and _follows(forms[a - 1], forms[a]):
            a -= 1
        while b < n and _follows(forms[b - 1], forms[b]):
            b += 1
        done.update(range(a, b))
        if f[0] == "pair":
            labels = {forms[j][1] for j in range(a, b)}  # type: ignore[index]
            if b - a >= _MIN_PAIRS and len(labels) == b - a:
                out.append((a, b, f[0]))
        elif b - a >= 2:
            out.append((a, b, f[0]))
    return out


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None


def _cell_tables(lines: Sequence[str], numbers: list[int]) -> list[tuple[int, int, int]]:
    """``(start, end, period)`` of the tables written one cell a line: runs of short lines
    whose kinds (number or words) repeat with a period, each period with both kinds
    (``numbers``: the lines that are a number). A cell of marks alone ("*", "**", "–": a
    footnote's mark, a dash for nothing) is a column some rows have and others leave empty,
    which the rendering writes as no line at all: it is passed over in the kinds (a price
    list's "Sauna supplement" / "£8.99" / "*" / "Court hire per hour" / "£75.99" was no
    table; s45 kinds), and the period counts the other cells."""
    if len(numbers) < MIN_PERIODS:
        return []
    every = ["a" if len(s.split()) <= _CELL_WORDS else "" for s in lines]
    for i in numbers:
        every[i] = "n"
    # the lines whose kinds are read: all but the marks inside a run of short lines
    at = [i for i, s in enumerate(lines) if not (every[i] and _marks_only(s))]
    kinds = [every[i] for i in at]
    n = len(kinds)
    # the end of the run of short lines each line is in (a table is in one such run)
    ends = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        ends[i] = ends[i + 1] if kinds[i] else i
    # the next number at or after each line (a period holds one)
    nxt = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        nxt[i] = i if kinds[i] == "n" else nxt[i + 1]
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < n:
        best = None
        if ends[i] - i >= _MIN_CELL_LINES and nxt[i] - i < _MAX_PERIOD:
            for k in range(max(2, nxt[i] - i + 1), _MAX_PERIOD + 1):
                if "a" not in kinds[i : i + k]:
                    continue
                j = i + k
                while j < n and kinds[j] and kinds[j] == kinds[j - k]:
                    j += 1
                if j - i >= max(MIN_PERIODS * k, _MIN_CELL_LINES):
                    best = (i, j, k)
                    break
        if best:
            i, j, k = best
            # (in the lines: with the marks of its last row)
            end = at[j - 1] + 1
            while end < len(lines) and every[end] and _marks_only(lines[end]):
                end += 1
            out.append((at[i], end, k))
            i = j
        else:
            i += 1
    return out


#: the fewest prose lines the model kept of a page with an article (:func:`_no_article`)
_ARTICLE_LINES = 3


#: the fewest characters of a prose line of Chinese, Japanese or Korean (as the line
#: model's rule of pages without an article counts them: ``lines._sentence_lines``; its
#: ``cjk_ratio`` counts Hangul with Han and kana, and so does :data:`_CJK` here)
_CJK_PROSE_CHARS = 20
_CJK = re.compile(f"[{CJK_RANGES}{HANGUL_RANGES}\uff66-\uff9f]")  # (and half-width kana)
#: the fewest characters of a prose line of Thai or Lao, more than half of them of those
#: scripts: they end a sentence with no mark (a space parts it from the next), and a Thai
#: article's paragraphs counted as none (its page read as one without an article and kept
#: a most-read box as its table: s46 read F6); a headline or a menu's item is shorter
_UNSTOPPED_PROSE_CHARS = 60
#: ... in :data:`_UNSTOPPED_RUNS` runs or more apart (Thai and Lao write a space between
#: sentences and clauses, not between words: a headline is one run or two, s46 midrev46 M9),
#: a run :data:`_UNSTOPPED_RUN_CHARS` characters long on average (a menu's row, "หน้าแรก ข่าว
#: กีฬา …", is many short runs), or of :data:`_UNSTOPPED_LONG_CHARS` characters
_UNSTOPPED_RUNS = 3
_UNSTOPPED_RUN_CHARS = 15
_UNSTOPPED_LONG_CHARS = 120
_UNSTOPPED = re.compile(r"[\u0e00-\u0eff]")


def _prose_line(s: str) -> bool:
    """Whether ``s`` is a line of prose: a sentence of :data:`_PROSE_WORDS` words or more,
    or of :data:`_CJK_PROSE_CHARS` characters, more than three in ten of them Chinese,
    Japanese or Korean (:data:`_CJK`; a Chinese or Japanese sentence is one or two runs of
    letters: a ranking's headlines under a Japanese article counted as none, and were kept
    as the table of a page without one), or a line of Thai or Lao of
    :data:`_UNSTOPPED_PROSE_CHARS` characters in several long runs (scripts that end a
    sentence with no mark: :data:`_UNSTOPPED_RUNS`)."""
    if not (stop_end(s) or _INNER_SENTENCE.search(s) or s.endswith("…")):
        if len(s) < _UNSTOPPED_PROSE_CHARS or 2 * len(_UNSTOPPED.findall(s)) <= len(s):
            return False
        runs = len(s.split())
        return len(s) >= _UNSTOPPED_LONG_CHARS or (
            runs >= _UNSTOPPED_RUNS and len(s) >= _UNSTOPPED_RUN_CHARS * runs
        )
    # (split up to the words asked for: a paragraph's every word split cost ~25 µs a corpus
    # document; with a bound the words do not reach, ``split`` splits as without one)
    if len(s.split(None, _PROSE_WORDS - 1)) >= _PROSE_WORDS:
        return True
    return len(s) >= _CJK_PROSE_CHARS and 10 * len(_CJK.findall(s)) > 3 * len(s)


def _few_prose(lines: Sequence[str], keep: Sequence[bool], most: int) -> list[int] | None:
    """The positions of the prose lines (:func:`_prose_line`) the model kept, or None when
    there are more than ``most``: the count stops at the first one over (a page with an
    article stops at its first paragraphs, not at its end: counted in full, twice, it was
    some 6 % of ``decide_many``; s45 midrev M7)."""
    out: list[int] = []
    for j, (s, k) in enumerate(zip(lines, keep, strict=True)):
        if k and _prose_line(s):
            if len(out) == most:
                return None
            out.append(j)
    return out


def _no_article(lines: Sequence[str], keep: Sequence[bool]) -> bool:
    """Whether the model kept fewer than :data:`_ARTICLE_LINES` lines of prose
    (:func:`_prose_line`) on the page: it has no article."""
    return _few_prose(lines, keep, _ARTICLE_LINES - 1) is not None


def _marks_only(line: str) -> bool:
    """Whether ``line`` is a few marks, no letter or digit: a table's footnote mark or empty
    cell ("*", "**", "†", "–")."""
    return len(line) <= _MARK_CHARS and not _has_text(line)


#: the most characters of a table's cell of marks alone (:func:`_marks_only`)
_MARK_CHARS = 3


def _glued_cells(line: str) -> int:
    """The cells of a table's header row that the rendering wrote as one line, glued
    ("Pos.TeamPlayedPoints", "HaltestelleAbfahrtAnkunft": each header cell starts with a
    capital right after the last one's small letter or full stop); 0 when the line is no
    such row (no capital so glued: a word, a title)."""
    cuts = sum(1 for x, y in pairwise(line) if y.isupper() and (x.islower() or x == "."))
    return cuts + 1 if cuts else 0


_WORD = re.compile(r"[^\W\d_]{3,}")
#: the letters of a word's stem, as :func:`_refers` compares them ("patatas" and "patata",
#: "engineer" and "engineering")
_STEM = 5


def _stems(text: str, stop: frozenset[str]) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(text.lower()) if w not in stop}


def _refers(
    lines: Sequence[str], keep: Sequence[bool], a: int, b: int, stop: frozenset[str]
) -> bool:
    """Whether the lines ``a`` to ``b`` name different things, and the kept text outside
    them names what half of them or more name (``stop``: the function words, which name
    nothing): a recipe's steps name its ingredients ("Pela las patatas", "los huevos
    batidos"); a list whose lines all name one thing ("7,65 euros" / "6,90 euros") is its
    amounts."""
    items = [_stems(lines[j], stop) for j in range(a, b)]
    if not items or set.intersection(*items):
        return False
    text = _stems(" ".join(s for j, s in enumerate(lines) if keep[j] and not a <= j < b), stop)
    return 2 * sum(bool(w & text) for w in items) >= b - a


def _ascending(items: Sequence[str]) -> bool:
    """Whether the leading numbers of three or more ``items`` (lines that start with one; a
    run's with the lines on both sides of it) go up, as a table of contents' ("3 Gifts",
    "3.1 Love"), a chronology's or a setting's options do (two ingredients' "5 patatas" /
    "6 huevos" do by chance)."""
    first = [float(m[0].replace(",", ".")) for s in items if (m := _LEADING.match(s))]
    return len(first) >= 3 and all(x < y for x, y in pairwise(first))


def _prose_after(lines: Sequence[str], keep: Sequence[bool], b: int) -> bool:
    """Whether the kept text right after line ``b`` (or after one label there: "Instructions",
    "Elaboración") is prose: a sentence, more of its words in lower case than capitalised. A
    recipe's steps are; the next teaser of a related box the model kept is a headline ("Riddle
    Me This: 19 Amazing Riddles for Kids" / "23 Super Silly Birthday Jokes for Kids" / "63
    Fascinating Facts Every Kid Should Know" was kept as a list of quantities over the
    teasers after it; s37 acc-regress R5)."""
    for j in range(b, min(len(lines), b + 2)):
        s = lines[j]
        if keep[j] and s.endswith(SENTENCE_END):
            initials = [w[0] for w in s.split() if w[0].isalpha()]
            lower = sum(c.islower() for c in initials)
            return 2 * lower >= len(initials)
    return False


def _in_lower_case(items: Sequence[str]) -> bool:
    """Whether most words of ``items`` (after their leading quantity) start in lower case,
    as a list of ingredients' do ("120 ml Olive oil", "2 tsp garlic puree"), and a box of
    headlines' do not ("23 Super Silly Birthday Jokes for Kids"): a recipe whose list goes
    on with a part's label and more quantities ("Focaccia Bread Mix" / "300 grams Plain
    Flour") has no prose right after its first part, and lost it (s37 integration)."""
    initials = [w[0] for s in items for w in s.split()[1:] if w[0].isalpha()]
    return 2 * sum(c.islower() for c in initials) > len(initials)


def _label(lines: Sequence[str], j: int, forms: _Forms) -> bool:
    """Whether line ``j`` can be a structure's label: short, its own form, no sentence. (A
    line that starts with a quantity may be one: "12,5 km Massenstart Damen" over a race's
    results lost them to the teaser rule once it had a form of its own, 49ad3cc.)"""
    s = _LEAD.sub("", lines[j], count=1)
    # (a label's qualifier in brackets ends no sentence: "Informação nutricional (por
    # dose)" over a recipe's nutrition table, "Specs (as tested)"; s49 acc-service S2)
    s = _QUALIFIER.sub("", s) or s
    return (
        (forms[j] is None or forms[j] == _QUANTITY_FORM)
        and 0 < len(s.split()) <= _LABEL_WORDS
        and not s.endswith(SENTENCE_END)
    )


#: a bracketed qualifier at a label's end ("(por dose)", "(per serving)")
_QUALIFIER = re.compile(r"\s+\([^()]{1,30}\)$")


#: a bracketed image label or link of a text rendering ("[top02.gif]"): no table's value
_BRACKETED = re.compile(r"\[[^\]]*\]")
#: the least words of a paragraph's sentence, above a table's first label
_PROSE_WORDS = 8


def _key_value(lines: Sequence[str], i: int) -> bool:
    """Whether lines ``i`` and ``i + 1`` read as a table's label over its value ("Packed
    weight" / "1.42 kg (3 lb 2 oz)"): a label of a name's length (:data:`_KEY_WORDS`), a value
    of a cell's that is no sentence and not an image's label alone (a ranking's headlines
    between its image labels are no labels: "[top01.gif]" / "李澤楷梁洛施分手9年罕見合體 …" /
    "[top02.gif]"); a value of words without a figure right under a paragraph's sentence
    is a sub-heading, the label a button or a kicker over it ("Buch bestellen" / "Manipulation
    zersetzt Demokratie"; s43 acc-regress R4)."""
    key, value, above = lines[i], lines[i + 1], lines[i - 1]
    return (
        len(key.split()) <= _KEY_WORDS
        and len(value.split()) <= _CELL_WORDS
        and not stop_end(value)
        and _BRACKETED.fullmatch(value) is None
        and not (
            # (a sub-heading: words, no figure, under a paragraph's sentence)
            any(c.isalpha() for c in value)
            and not any(c.isdigit() for c in value)
            # (a label with a figure is no button or kicker: a live ticker's minute "85'"
            # over its event, "Entree de", was lost: s44 acc-regress R9)
            and not any(c.isdigit() for c in key)
            and stop_end(above)
            and len(above.split()) >= _PROSE_WORDS
        )
    )


def article_structures(
    lines: Sequence[str],
    keep: Sequence[bool],
    score: Sequence[float],
    furniture: Sequence[bool],
    words: Sequence[bool] | None = None,
    stop: frozenset[str] = frozenset(),
) -> list[int]:
    """The removed lines (positions in ``lines``, the non-blank lines of a text stripped;
    ``keep`` and ``score``, the line model's decisions and scores of them; ``furniture``,
    whether a line's cue is a page's furniture words or its repetition; ``words``, its
    furniture words alone, by default ``furniture``; ``stop``, the function words) that
    belong to a structure of the article: see the module's docstring. A label is no
    furniture and has a score of at least :data:`_LABEL_SCORE` ("Share this article:" is a
    share bar's)."""
    n = len(lines)
    worded = furniture if words is None else words
    forms = _Forms(lines)
    # A structure the model cut is next to a line it kept, or one line (its label) away:
    # its runs are looked for there only (a line's form costs a few regex calls).
    edges = [i for i in range(1, n) if keep[i] != keep[i - 1]]
    seeds = chain.from_iterable((i - 2, i - 1, i, i + 1) for i in edges)
    spans = _runs(forms, seeds)
    # (a table w3m or lynx wrote with spaces, its widest cells one space from the next
    # column's: "Processor Tensor G3" has no form of its own; s45 left45 item 1)
    spaced = spaced_tables(lines)
    spans += [(a, b, "cells") for a, b in spaced if not all(keep[a:b])]
    cells = [
        i
        for i, s in enumerate(lines)
        if s[:1] in _NUMBER_START and len(s) <= _NUMBER_CHARS and _is_number(s)
    ]
    headed: set[int] = set()
    for a, b, k in _cell_tables(lines, cells):
        # the header: the period's lines before it, words only ("Pos.", "Piloto", "Pontos"),
        # or its cells glued on one line, as the dev sets' rendering writes a row of <th>
        # ("ServicePriceNote"; a column of marks alone may be one more: "Note")
        h = a - k
        marks = any(_marks_only(s) for s in lines[a:b])
        if a > 0 and k <= _glued_cells(lines[a - 1]) <= k + marks:
            a -= 1
            headed.add(a)
        elif h >= 0 and all(len(s.split()) <= _CELL_WORDS for s in lines[h:a]):
            a = h
            headed.add(a)
        spans.append((a, b, "column"))
    found: list[int] = []
    # (whether the page has no article: ``keep`` does not change in the loop, so it is
    # counted once, at the first headed table that asks; once per table, a page of many
    # tables was quadratic: s45 midrev M8)
    no_article: bool | None = None
    for a, b, kind in spans:
        start = a
        if (
            a > 0
            and not keep[a - 1]
            and score[a - 1] >= _LABEL_SCORE
            and not furniture[a - 1]
            and _label(lines, a - 1, forms)
        ):
            start = a - 1
        before = start > 0 and keep[start - 1]
        after = b < n and keep[b]
        kept = sum(keep[a:b])
        if kind == "column":
            # (its kinds repeat: a table between the text's lines; next to it on one side,
            # with its header: a box of ranked headlines ("1" / "Man arrested after harbour
            # fight" / "2" ...) or a markets ticker after the text repeat as well, and were
            # kept as the article's: s35 acc-read #5)
            # A page whose text is the table (a price list, a timetable, a league table)
            # has no article next to it: the model kept a line or two of prose there (an
            # intro, a cookie banner, a teaser) or none, and the table with its header is
            # the page's (s45 kinds: table pages lost 93 % of their rows in this layout)
            inside = (before and after) or ((before or after) and a in headed)
            if not inside and a in headed:
                if no_article is None:
                    no_article = _no_article(lines, keep)
                inside = no_article
        elif kind == "pair" and 2 * sum(
            worded[j] and not keep[j] and not lines[j].endswith(SENTENCE_END) for j in range(a, b)
        ) >= (b - a - kept):
            # (entries the model removed for a page's furniture words, half of them or more:
            # "Advertisement: Continue reading below", "Sign up: Our daily newsletter"
            # between paragraphs were a fact box by their form; s35 acc-read #9. A fact
            # box's "Next election: 2030" can have such words. An entry that the page
            # repeats is no furniture: two cost boxes' "Anzahlung: 4.000 Euro". Nor is an
            # entry whose value is a sentence: a post's quoted messages "E-MAIL: Herzliche
            # Einladung zur Geburtstagsfeier!", "WHATSAPP: Ihr kommt auch …?"; s36 R9)
            continue
        elif kind == "quantity":
            # a list of quantities over the text that names them: a recipe's ingredients over
            # its steps ("5 patatas medianas" / "6 huevos" ... "Pela las patatas"), which the
            # model removed as a menu's items (s36 acc-types #7). Not one after the text (a
            # related box's "10 best beaches in Cornwall"), one over headlines, not prose
            # (a box's teasers the model kept: _prose_after), one whose numbers go up (a table
            # of contents' "1 Details" / "2 Software"), one of a single thing's amounts (a
            # price's "7,65 euros" / "6,90 euros", a setting's "4 minutes" / "5 minutes"),
            # nor the page's repeated lines: those were kept with the dev pages' lists
            inside = (
                after
                and (_prose_after(lines, keep, b) or _in_lower_case(lines[a:b]))
                and not any(furniture[a:b])
                and not _ascending(lines[max(0, a - 1) : b + 1])
                and _refers(lines, keep, a, b, stop)
            )
        else:
            rows = [s.split() for s in lines[a + 1 : b]] if kind == "cells" else []
            if rows and all(all(map(_is_number, r)) for r in rows):
                continue  # a grid of numbers alone: a calendar's days, a pagination
            # (a table of figures; a row with an e-mail or web address is a directory's: a
            # site's "Contact  Phone  Email" grid after the article, its phone numbers taken
            # for figures, was kept as the article's; s35 acc-regress R7)
            numbers = len(rows) >= 2 and all(
                any(map(_is_number, r)) and not _ADDRESS.search(s)
                for r, s in zip(rows, lines[a + 1 : b], strict=True)
            )
            sentences = kind == "enum" and all(s.endswith(SENTENCE_END) for s in lines[a:b])
            # (entries under the article's kept line that announces them with a colon: a
            # release's "Die wichtigsten Zahlen im Überblick:" over "Leistung: 7,9 Megawatt
            # Peak" / "Fläche: 9,2 Hektar" ... at its end. With a blank line between all
            # lines the model read each entry as a block of its own, a menu's item, and the
            # teaser rule removed the ones it kept as after the article's end; s41
            # acc-press F20)
            announced = kind == "pair" and before and lines[start - 1].endswith((":", "："))
            inside = (
                (before and after)
                or ((before or after) and (2 * kept >= b - a or numbers))
                or (before and (sentences or announced))
            )
        if inside:
            found.extend(j for j in range(start, b) if not keep[j])
        elif start < a and kept == b - a:
            # a structure the model kept whole: its label too (a recipe's "Zutaten" over its
            # ingredients was lost; the model reads a label alone, as a menu's item)
            found.append(start)
    # a list's label: "Key points:", "Das Wichtigste in Kürze:" before two kept lines
    found += [
        i - 1
        for i in edges
        if keep[i] and i + 1 < n and keep[i + 1] and lines[i - 1].endswith((":", "："))
        if score[i - 1] >= _LABEL_SCORE and not furniture[i - 1]
        if 0 < len(lines[i - 1].split()) <= _LABEL_WORDS
    ]
    # a table's label over its value, two lines ("Packed weight" / "1.42 kg (3 lb 2 oz)"):
    # the model kept the value, between kept lines, and read the label alone as a menu's
    # item (s42 acc-pages F2: a product's specs, an imprint's "Kontakt" over its phone). Not
    # a related box's headline over its date ("Harbour festival returns with record crowds"
    # / "21 February 2025"), which the teaser rule removed: a label is a name (_KEY_WORDS)
    found += [
        i
        for i in range(1, n - 1)
        if not keep[i] and keep[i - 1] and keep[i + 1]
        if score[i] >= _LABEL_SCORE
        and not furniture[i]
        and _label(lines, i, forms)
        and _key_value(lines, i)
    ]
    # a list under the article's sentence that announces it with a colon ("The three other
    # projects the authority approved on Monday:" / "A new slipway for the lifeboat
    # station" / ...): its items, short and without a sentence, read as related links after
    # the article's last paragraph (s39 acc-regress D19); to the text's end or to the next
    # kept line, no furniture among them. A box's label is no sentence ("Related stories:",
    # "More from Harbour Times:"), nor is a sentence that sends the reader elsewhere
    # (:data:`_ELSEWHERE`: newsletters' names, teasers, a comment's head were kept under
    # one; s41 acc-regress R2)
    for i in edges:
        intro = lines[i - 1]
        if (
            keep[i]
            or not intro.endswith((":", "："))
            or len(intro.split()) < _INTRO_WORDS
            or furniture[i - 1]
            or _ELSEWHERE.search(intro) is not None
        ):
            continue
        j = i
        while j < n and not keep[j] and not furniture[j] and len(lines[j].split()) <= _ITEM_WORDS:
            j += 1
        if _MIN_ITEMS <= j - i <= _MAX_ITEMS and (j == n or keep[j]):
            found.extend(range(i, j))
    found += _grown_upward(lines, keep, score, furniture)
    found += _table_after_text(lines, keep, furniture, dict(spaced))
    found += short_lists(lines, keep, worded, stop, score)
    # (with the lines found so far kept: a recipe's "Elaboración" under its last item)
    now = list(keep)
    for j in found:
        now[j] = True
    found += _list_gaps(lines, now, score, furniture, forms)
    return sorted(set(found))


#: the fewest and most lines of a run of short lines :func:`short_lists` gives back (a
#: label and two items; a review's two products' pros and cons with their labels)
_LIST_LINES = 3
_LIST_RUN = 20
#: the most words of an item of such a list ("A flat-head screwdriver (for some newer
#: radiators)"), and the most the items' lengths differ (a list's items are of one shape)
_LIST_ITEM_WORDS = _CELL_WORDS + 2
_LIST_SPREAD = 5
#: the least score of the line model for a line of such a list ("Freezes beautifully":
#: 0.18, a chapter's "00:00:00 Cold open": 0.12; a form's "Jetzt vergleichen": 0.07)
_LIST_SCORE = 0.1
#: a date in figures ("2018-08-25", "25.08.2018", "3/5/24")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:\d\d){1,2}\b")
#: link-like marks of a line: an arrow, a separator of a menu's or a breadcrumb's items
_LINK_MARKS = re.compile(r"[»›→|/]\s|\s[»›→|]|^[»›→]")


def _list_line(s: str) -> bool:
    """Whether ``s`` can be a line of an article's list of short lines: a few words with a
    letter, no sentence (nor one inside), no address, no image's label, no link's arrow or
    menu's separator, not a date alone."""
    words = s.split(None, _LIST_ITEM_WORDS)  # (as many words as the bound reads: see below)
    return (
        0 < len(words) <= _LIST_ITEM_WORDS
        and not stop_end(s)
        and sum(c.isalpha() for c in s) >= 2
        and _INNER_SENTENCE.search(s) is None
        and _ADDRESS.search(s) is None
        and _BRACKETED.fullmatch(s) is None
        and _LINK_MARKS.search(s) is None
        and "©" not in s  # (a picture's credit)
        and _NUMERIC_DATE.search(s) is None  # (a dateline: "기사입력 :[ 2018-08-25 15:24 ]")
        # (a byline, a date with its year: "Por Redacción" / "martes, 3 de mayo de 2022")
        and words[0].lower() not in _BYWORDS
        and _YEAR.search(s) is None
        # (an icon font's ligature, shown as its name in a copy: "keyboard_arrow_down")
        and _ICON_NAME.fullmatch(s) is None
    )


#: an icon's name of an icon font ("keyboard_arrow_down", "expand_more")
_ICON_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+")
#: a line's leading number, as a contents list's entries have it ("1 ", "2.3 ", "4. ")
_ENTRY_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+")


class _Echoes:
    """One page's lines by their case-folded form and by that form without an entry's number,
    built once per page for :func:`_echoed` (read51 F3: a walk over the whole page for each
    candidate list made :func:`short_lists` quadratic — 8,000 lines, 141 s)."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.folded = [s.casefold() for s in lines]
        #: each line's case-folded form without an entry's number
        self.unnumbered = [_ENTRY_NUMBER.sub("", s, count=1).casefold() for s in lines]
        self.full: dict[str, list[int]] = {}
        self.bare: dict[str, list[int]] = {}
        for j, (k, u) in enumerate(zip(self.folded, self.unnumbered, strict=True)):
            self.full.setdefault(k, []).append(j)
            self.bare.setdefault(u, []).append(j)

    def others(self, k: str, wanted: set[str], a: int, b: int) -> list[int]:
        """The lines outside ``a`` to ``b`` that read ``k``: as they are, or without their
        number when they do not read as any of the run's lines (``wanted``) as they are."""
        out = [o for o in self.full.get(k, ()) if not a <= o < b]
        out += [
            o
            for o in self.bare.get(k, ())
            if not a <= o < b and self.folded[o] != k and self.folded[o] not in wanted
        ]
        return out


def _echoed(
    index: _Echoes, keep: Sequence[bool], score: Sequence[float] | None, a: int, b: int
) -> bool:
    """Whether half of the lines ``a`` to ``b`` or more recur elsewhere on the page (its
    lines' ``index``, built once a page by the caller) as a contents list's entries do or a
    box of buttons' lines: numbered in the run and without their number elsewhere
    ("Inhaltsverzeichnis" / "1 Das Wichtigste vorab" over the section "Das Wichtigste
    vorab"), or at each other place removed by the model and scored as a menu's item (under
    :data:`_LIST_SCORE`: a booking box's "Online buchen" / "Anfrage stellen" shown at each
    offer). A list's items are said once; the lines of a code sample or a cost example recur
    in another block that reads as this one does (pythonspeed's "COPY . /tmp/myapp",
    verivox's "Restwert: 10.000 Euro" were lost to a plain count)."""
    run = {j: index.unnumbered[j] for j in range(a, b)}
    wanted = set(run.values())
    echoes = 0
    for j, k in run.items():
        if not (others := index.others(k, wanted, a, b)):
            continue
        numbered = k != index.folded[j] and all(index.folded[o] == k for o in others)
        buttons = score is not None and all(not keep[o] and score[o] < _LIST_SCORE for o in others)
        echoes += numbered or buttons
    return 2 * echoes >= len(run)


def short_lists(
    lines: Sequence[str],
    keep: Sequence[bool],
    words: Sequence[bool],
    stop: frozenset[str] = frozenset(),
    score: Sequence[float] | None = None,
) -> list[int]:
    """The removed lines of the article's lists of short lines, to be kept: a run of
    :data:`_LIST_LINES` to :data:`_LIST_RUN` short lines (:func:`_list_line`) between two
    lines the model kept, headed by a label ("What you'll need" / "A radiator key" / "An
    old towel or cloth"; "Reasons to buy" / "Superb battery life" / ... / "Reasons to
    avoid" / ...; "Prep: 15 mins" / "Cook: 40 mins" / "Serves 4"), which the model read
    line by line as a menu's items and kept in part or not at all (s49 acc-service S1:
    text recall of list items 107/150, of a recipe's facts 18/36). The run is the
    article's when its items are of one shape (their lengths differ by at most
    :data:`_LIST_SPREAD` words), none has the page's furniture words (``words``: a share
    bar's, a "Read more" box's label), not all are a menu's tags by their form
    (:func:`_tag_like`: "News" / "Sport" / "Culture"), and the model kept a third of its
    lines or half of them name what the kept text outside it names (:func:`_refers`'
    stems; ``stop``, the function words). A related box's headlines are longer and their
    label has furniture words; a menu is not between two kept lines."""
    n = len(lines)
    out: list[int] = []
    echoes_of: _Echoes | None = None  # (built at the first run that gets that far)
    i = 1
    while i < n:
        if keep[i - 1] and not keep[i] and _list_line(lines[i]) and not words[i]:
            # (the run from the model's cut on, through the short lines it kept after it:
            # "Excellent speakers" / "Reasons to avoid" / "Only two USB-C ports" (kept) ...)
            # (an ad slot's label inside it is no item: "Freezes beautifully" /
            # "Advertisement" / "Tips for success" / the next paragraph)
            a = b = i
            while b < n and ((_list_line(lines[b]) and not words[b]) or _ad(lines[b])):
                b += 1
            ads = [j for j in range(a, b) if _ad(lines[j])]
            if (
                b < n
                and keep[b]
                # (a form's fields and buttons, a menu's items, a byline's name cut in
                # words: the model gave each a score under _LIST_SCORE; a list's items
                # score from 0.12 to 0.5)
                and (
                    score is None
                    or all(score[j] >= _LIST_SCORE for j in range(a, b) if j not in ads)
                )
                and _short_list(lines, keep, a, b, stop, ads)
                and not _echoed(echoes_of := echoes_of or _Echoes(lines), keep, score, a, b)
                and not _menu_or_buttons(
                    [s for j, s in enumerate(lines[a:b], a) if j not in ads], stop
                )
            ):
                # (a card's buttons among its facts stay out: "Imprimir receita" / "Partilhar"
                # over "Tempo: 40 minutos")
                out.extend(
                    j
                    for j in range(a, b)
                    if not keep[j] and j not in ads and not _button(lines[j], stop)
                )
            i = max(b, i + 1)
        else:
            i += 1
    return out


def _short_list(
    lines: Sequence[str],
    keep: Sequence[bool],
    a: int,
    b: int,
    stop: frozenset[str],
    ads: Sequence[int] = (),
) -> bool:
    """Whether the short lines ``a`` to ``b`` (between kept lines; ``ads``, the ad slots'
    labels among them) read as an article's list (:func:`short_lists`)."""
    run = [s for j, s in enumerate(lines[a:b], a) if j not in ads]
    if not _LIST_LINES <= len(run) <= _LIST_RUN:
        return False
    # (the items' sizes: a label of one word, "Pros", "Zutaten", is shorter than they are)
    sizes = [k for s in run if (k := len(s.split())) > 1] or [1]
    # (a page's tags after a label or a note: "(Alle Angaben ohne Gewähr)" /
    # "Nordrhein-Westfalen" / "Friseure")
    if max(sizes) - min(sizes) > _LIST_SPREAD or all(map(_tag_like, run[1:])):
        return False
    if 3 * sum(keep[a:b]) >= len(run):
        return True
    if len(run) < _LIST_LINES + 1:
        # (none kept: a label and two items are a related box's as often: "Ratgeber" /
        # "Kühlmittel beim Auto nachfüllen lassen" / ...)
        return False
    text = _stems(" ".join(s for j, s in enumerate(lines) if keep[j] and not a <= j < b), stop)
    return 2 * sum(bool(_stems(s, stop) & text) for s in run) >= len(run)


#: the reason of a line kept by :func:`tail_lists`
TAIL_REASON = "list box after the article's last kept line (a verdict's pros and cons, specs)"
#: a line the line model scored under this ends such a box: a deal's button, a menu's
#: tags, a related box's headline (0.01–0.05; the box's own lines: 0.06–0.45)
_TAIL_FLOOR = 0.05
#: the most lines in a row of the box that are no list line (a photo's credit, a score)
_TAIL_GAP = 1
#: the most lines :func:`_tail_run` walks: a verdict box of :data:`_LIST_RUN` items at most,
#: with its labels, an ad slot's label and a credit between them, fits in it with room
_TAIL_WALK = 4 * _LIST_RUN


def tail_lists(
    lines: Sequence[str],
    keep: Sequence[bool],
    words: Sequence[bool],
    stop: frozenset[str] = frozenset(),
    score: Sequence[float] | None = None,
) -> list[int]:
    """The removed short lines of the article's list box right after a line the model
    kept with no kept line after it (:func:`short_lists` asks one on both sides), to be
    kept: a review's verdict box ("Good Stuff" / "Best-in-class noise cancellation" / ...
    / "Bad Stuff" / ... / "Specs" / "Weight 254g"), "A favor" / ... / "En contra" / ...,
    which the model read as the furniture after the article's end (s49 acc-service S2).
    The box runs over ad labels and single lines of another form (a photo's credit, the
    score "9,0") up to a prose line, a line of the page's furniture words (``words``: "Most
    Popular"), a picture's or page's "©" or a line scored under :data:`_TAIL_FLOOR`. It is
    the article's when it holds a review's pros and cons under their labels
    (:func:`_pros_and_cons`), or when it opens with the next of the article's numbered
    headings ("3. Contrôlez l'index" kept, "4. Regardez les taxes" / "l'accise sur
    l'électricité" / ...) over two lines or more. (The lines' scores and words do not tell
    such a box from a related box's, a menu's or a list of links after an article: on the
    dev pages a rule of scores and shared words kept 25 such lists.)"""
    n = len(lines)
    if score is None:
        return []
    out: list[int] = []
    # (each line's kinds read once: the runs from the cuts in one list overlap, and each
    # read them again, seconds for a page of a thousand short lines the model cut often)
    kinds: dict[int, tuple[bool, bool, bool]] = {}
    for i in range(1, n):
        if not keep[i - 1] or keep[i]:
            continue
        # (a verdict between kept lines, its list lines kept in part: the model's scores do
        # not end it, a kept line does: "Zalety" / "Świetna siła ssania" (kept) / ... /
        # "2. Xiaomi G20" / "Zalety" (0.04) / ... / "Podsumowanie" / the kept paragraph)
        # (with the kept list lines right over the cut: "Vorteile" / its items (kept) /
        # "Nachteile" / "Lange Programmdauer im Eco-Modus" / "Fazit" / the kept paragraph)
        top = i
        while top > max(0, i - _LIST_RUN) and keep[top - 1] and _list_line(lines[top - 1]):
            top -= 1
        items, end = _tail_run(lines, keep, words, i, None, kinds)
        if (
            end < n
            and keep[end]
            and _pros_and_cons([lines[j] for j in range(top, i)] + [lines[j] for j in items])
        ):
            out += [j for j in _before_offer(lines, items) if not keep[j]]
            continue
        items, end = _tail_run(lines, keep, words, i, score, kinds)
        if (
            items
            and not any(keep[j] for j in items)
            and _tail_list(lines, keep, i, items, stop, score)
        ):
            out += _before_offer(lines, items)
    # (a verdict with kept items in it is found from each cut in it)
    return sorted(set(out))


def _before_offer(lines: Sequence[str], items: list[int]) -> list[int]:
    """The lines ``items`` of a box :func:`tail_lists` found but a price at a shop
    (:func:`.chrome.offer_line`): a deal's line is no item of a review's verdict ("A favor"
    / ... / "Teleobjetivo mejorable" / "Xiaomi 15 - 999 € en Amazon" / "Ver oferta"; the
    deal line was kept as the box's last item, s51 regress R2). (Not the end of the box:
    a buying guide's next product and its verdict may follow it)"""
    return [j for j in items if not offer_line(lines[j])]


def _tail_run(
    lines: Sequence[str],
    keep: Sequence[bool],
    words: Sequence[bool],
    i: int,
    score: Sequence[float] | None,
    kinds: dict[int, tuple[bool, bool, bool]],
) -> tuple[list[int], int]:
    """The list lines of the run of short lines from line ``i`` on (:func:`tail_lists`),
    through the ones the model kept, with the line that ends it: a kept line of another
    form, prose, furniture words, a "©", two lines of another form in a row, or (with
    ``score``) a line scored under :data:`_TAIL_FLOOR`. ``kinds`` holds each line's kinds
    read so far (whether it is a list line, an ad's label, prose), filled in here. A run
    longer than :data:`_TAIL_WALK` lines is no box (no items): the page's own list, a poem
    — and the walk from each of a page's cuts stays short (read51 F2: a page of short lines
    the model cut often was walked to its end from each cut, 4,000 lines 4.9 s)."""
    n = len(lines)
    items: list[int] = []
    gap = 0
    j = i
    while j < n:
        if j - i >= _TAIL_WALK:
            # (no box, and no line ends it: the caller reads no kept line there; finalrev_C)
            return [], n
        s = lines[j]
        if (kind := kinds.get(j)) is None:
            kind = kinds[j] = (
                # (a numbered heading's number is no sentence's end: "4. Regardez les taxes")
                _list_line(_NUMBERED.sub("", s, count=1)),
                _ad(s),
                stop_end(s) and len(s.split()) >= _PROSE_WORDS,
            )
        listed, ad, prose = kind
        if keep[j] and not listed:
            break
        if ad:
            j += 1
            continue
        if words[j] or (score is not None and score[j] < _TAIL_FLOOR) or "©" in s:
            break
        if listed:
            items.append(j)
            gap = 0
        elif prose:
            break
        else:
            gap += 1
            if gap > _TAIL_GAP:
                break
        j += 1
    return items, j


def _tail_list(
    lines: Sequence[str],
    keep: Sequence[bool],
    cut: int,
    items: list[int],
    stop: frozenset[str],
    score: Sequence[float],
) -> bool:
    """Whether the short lines ``items`` after the model's cut at ``cut`` are the
    article's list box (:func:`tail_lists`)."""
    run = [lines[j] for j in items]
    if _pros_and_cons(run):
        return _LIST_LINES <= len(run) <= _LIST_RUN
    first = _HEADING_NUMBER.match(run[0])
    if (
        first is not None
        and items[0] - cut <= _TAIL_GAP
        and len(run) >= _LIST_LINES
        and not any(_LINK_NUMBER.match(s) for s in run)
    ):
        # (the article's next numbered heading: "N - 1. ..." is a kept line above)
        number = int(next(g for g in first.groups() if g))
        before = [
            int(next(g for g in m.groups() if g))
            for k in range(cut)
            if keep[k] and (m := _HEADING_NUMBER.match(lines[k])) is not None
        ]
        if before and before[-1] == number - 1 and _list_line(run[1]):
            return True
    return False


#: a numbered heading's number (:func:`_tail_list`): "4. ", "2) ", "(3) ", not a text
#: browser's link number ("[27]Softball", "9. [162]Florian ...": lynx's numbered menu and
#: its numbered list of links; a menu whose one item the model kept read as the article's
#: next numbered section, s51 regress R4)
_HEADING_NUMBER = re.compile(r"\s*(?:\((\d{1,3})\)|(\d{1,3})[.)])\s+(?!\[\d)\S")
#: a line that opens with a text browser's link number, after a list's mark or number
#: ("* [27]  -   Softball", "[31]Rankings", "9. [162]Florian ..."): a run holding one is
#: no article's numbered section
_LINK_NUMBER = re.compile(r"\s*(?:[-*+•]\s*)?(?:\d{1,3}[.)]\s+)?\[\d+\]")
#: a line's leading number ("4. ", "2) ")
_NUMBERED = re.compile(r"\d{1,3}[.)]\s+(?=\S)")
#: the labels of a review's pros and of its cons, in the languages of the dev and test
#: pages' reviews (lower case, no colon)
_PROS = frozenset(
    {
        "pros", "pro", "plus", "plusy", "good stuff", "the good", "what we like",
        "what we liked", "reasons to buy", "we like", "likes", "strengths", "positives",
        "vorteile", "stärken", "positiv", "pluspunkte", "les points forts", "points forts",
        "on aime", "les plus", "avantages", "a favor", "pros y contras", "lo mejor",
        "ventajas", "puntos fuertes", "pontos positivos", "prós", "vantagens", "pregi",
        "punti di forza", "vantaggi", "voordelen", "pluspunten", "zalety", "mocne strony",
    }
)  # fmt: skip
_CONS = frozenset(
    {
        "cons", "contra", "minus", "minusy", "bad stuff", "the bad", "what we don't like",
        "what we didn't like", "reasons to avoid", "we don't like", "dislikes",
        "weaknesses", "negatives", "nachteile", "schwächen", "negativ", "minuspunkte",
        "les points faibles", "points faibles", "on aime moins", "les moins",
        "inconvénients", "en contra", "lo peor", "desventajas", "puntos débiles",
        "pontos negativos", "contras", "desvantagens", "difetti", "punti deboli",
        "svantaggi", "nadelen", "minpunten", "wady", "słabe strony",
    }
)  # fmt: skip


def _pros_and_cons(run: Sequence[str]) -> bool:
    """Whether the lines ``run`` hold a review's verdict: a label of its pros and one of
    its cons (:data:`_PROS`, :data:`_CONS`; "Good Stuff" / ... / "Bad Stuff", "Zalety" /
    ... / "Wady"), each over an item at least."""
    heads = [s.strip().rstrip(":：").strip().lower() for s in run]
    pros = [k for k, h in enumerate(heads[:-1]) if h in _PROS and heads[k + 1] not in _CONS]
    cons = [k for k, h in enumerate(heads[:-1]) if h in _CONS and heads[k + 1] not in _PROS]
    return bool(pros and cons)


#: the reason of a line kept by :func:`time_facts`
TIME_FACTS_REASON = "the article's box of times and servings (a recipe's, a how-to's)"
#: a time's figure and unit ("15 mins", "1h", "20 Min.", "40 minutos", "1 hour 10 minutes")
_DURATION = re.compile(
    r"(?i)(?<![\w.,:])\d{1,3}(?:[.,]\d)?\s?(?:min(?:s|utes?|uten|utos|uti|ut|uty)?|h|hrs?"
    r"|hours?|heures?|std|stunden?|horas?|or[ae]|godz(?:in[ay]?)?|uur|timer?)(?!\w)"
)
#: a yield's word next to its figure ("Serves 4", "Doses: 4", "6 personnes", "Portionen: 4")
_YIELD_WORD = (
    r"(?:serves|servings?|yield|makes|portions?|portionen|personnes|personas|persone"
    r"|pessoas|doses|porzioni|porciones|porções|porcje|porcji|personen|raciones)"
)
_YIELD = re.compile(rf"(?i)\b{_YIELD_WORD}\W{{0,3}}\d|\d+\s*{_YIELD_WORD}\b")
#: a time ago, no fact ("Hace 13 horas", "vor 2 Stunden", "13 ore fa", "2 hours ago")
_AGO = re.compile(
    r"(?i)\b(?:hace|vor|il y a|há|temu|geleden|ago|fa|atrás|since|seit|depuis|desde|for)\b"
)
#: the most words of a fact's line ("Total Time 1 hour 10 minutes") and of a plain word's
#: line between facts (a difficulty: "Easy", "Bon marché", "normal")
_FACT_WORDS = 6
_FACT_PLAIN_WORDS = 2
#: the fewest facts of a box, and the most lines between it and the article's kept line
_FACTS = 2
_FACT_NEAR = 3


def _time_fact(s: str) -> bool:
    """Whether ``s`` is a line of a box of times and servings: a few words with a time
    (:data:`_DURATION`) or a yield (:data:`_YIELD`), a label's words first, no sentence."""
    # (the words counted first: the rule asks every line the model removed, most of them
    # longer, and the patterns' searches cost more)
    if not (0 < len(s.split(None, _FACT_WORDS)) <= _FACT_WORDS and s[:1].isalpha()):
        return False
    # (an abbreviated unit's dot ends no sentence: "Gesamtzeit 35 Min.")
    unit = [m.end() for m in _DURATION.finditer(s)]
    # (a time or a yield first: most short lines have neither, and are asked nothing more)
    return (
        (bool(unit) or _YIELD.search(s) is not None)
        and _AGO.search(s) is None
        and READ_TIME.fullmatch(s) is None
        and (not stop_end(s) or (s.endswith(".") and unit[-1:] == [len(s) - 1]))
    )


def _plain_fact(s: str) -> bool:
    """Whether ``s`` is a plain word or two between a box's times ("Easy", "Facile")."""
    return (
        0 < len(s.split(None, _FACT_PLAIN_WORDS)) <= _FACT_PLAIN_WORDS
        and _list_line(s)
        and not any(c.isdigit() for c in s)
    )


def time_facts(lines: Sequence[str], keep: Sequence[bool], words: Sequence[bool]) -> list[int]:
    """The removed lines of the article's box of times and servings, to be kept: a recipe's
    "Prep: 15 mins" / "Cook: 40 mins" / "Easy" / "Serves 4" over its first paragraph,
    "Arbeitszeit 20 Min." / "Gesamtzeit 35 Min." / "normal", "Temps total : 1h" /
    "Préparation : 15 min" over a kept "Cuisson : 45 min" (s49 acc-service S2: the model
    read each as a menu's item in the page's header, and the structures' rules ask a kept
    line on both sides or most of the box kept). A box is a run of :data:`_FACTS` lines
    or more of a label and a time or a yield (:func:`_time_fact`), each with its own label,
    with a line of plain words between two or after the last (:func:`_plain_fact`), none
    of the page's furniture words (``words``: a read time's "5 min read", "Lecture 4 min."), at most
    :data:`_FACT_NEAR` lines over a line the model kept."""
    n = len(lines)
    out: list[int] = []
    i = 0
    while i < n:
        if keep[i] or words[i] or not _time_fact(lines[i]):
            i += 1
            continue
        a = b = i
        facts = []
        last = i
        # (one plain line at a time, between the facts or after the last: a difficulty)
        while b < n and not words[b]:
            if _time_fact(lines[b]):
                facts.append(lines[b])
                last = b
            elif not (_plain_fact(lines[b]) and b == last + 1):
                break
            b += 1
        labels = {_DURATION.sub("", _YIELD.sub("", s)).strip(" :").lower() for s in facts}
        # (a kept line after the box: a box of times stands over or inside the text, never
        # after its end, where a run of teasers with their times is a "More recipes" box,
        # a TV guide's or a podcast's episode list — read51 F1)
        near = any(keep[b : b + _FACT_NEAR])
        if len(facts) >= _FACTS and len(labels) == len(facts) and near:
            out += [j for j in range(a, b) if not keep[j]]
        i = b
    return out


#: the reason of a line kept by :func:`life_dates`
LIFE_DATES_REASON = "an obituary's closing line of its subject's birth and death"
#: a birth's word and its year, then a death's and its year ("born 3 March 1937; died 2
#: June 2025", "geboren am 2. Mai 1931, gestorben am 1. August 2025", "né le … 1940, mort
#: le … 2025", "nato a Siena nel 1938, morto …", "ur. … 1936, zm. … 2025")
_BORN = r"(?:born|b\.|n[ée]e?|geboren|geb\.|nat[oa]|nacid[oa]|nascid[oa]|urodzon[ya]|ur\.)"
_DIED = (
    r"(?:died|d\.|gestorben|gest\.|mort|morte|décédée?|mort[oa]|scompars[oa]|murió|falleció"
    r"|morreu|faleceu|zmarł[aey]?|zm\.|overleden|overl\.)"
)
_LIFE_DATES = re.compile(
    rf"(?i)(?<!\w){_BORN}\s(?:[^;]{{0,40}}?\s)?(?:1[89]|20)\d\d\b[^\n]{{0,12}}?(?<!\w){_DIED}"
    r"\s(?:[^;]{0,40}?\s)?(?:1[89]|20)\d\d\b"
)
#: the most words of such a line
_LIFE_WORDS = 24


def life_dates(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed line right under a kept line that closes an obituary with its subject's
    birth and death ("Margaret Ellison, poet, born 3 March 1937; died 2 June 2025", the
    Guardian's and the Times' form): the line model read it as a short line after the
    article's end (s49 acc-service S11)."""
    return [
        i
        for i in range(1, len(lines))
        if keep[i - 1] and not keep[i]
        if len(lines[i].split()) <= _LIFE_WORDS and _LIFE_DATES.search(lines[i]) is not None
    ]


#: a text browser's mark of a link or a button inside a line: lynx's "[185]Soziale
#: Innovationen", "* [54]NACIONAL", "(BUTTON) Projekte"
_BROWSER_MARK = re.compile(r"\[\d+\]|\((?:BUTTON|button)\)")
#: a picture's licence after its author's name ("Leena Simon, CC-BY 4.0")
_LICENCE_MARK = re.compile(r"\bCC[- ](?:BY|0)\b|\bCC0\b")
#: a box's label: other stories ("Lo más leído", "Dernières actualités", "Most read") — no
#: list of the article holds one
_STORIES_LABEL = re.compile(
    r"(?i)\W*(?:(?:lo )?más (?:leíd|vist)[oa]s?|most (?:read|viewed|popular)|meist(?:gelesen|"
    r"geklickt)|les plus (?:lus|consultés)|i più (?:letti|visti)|più lett[ie]|mais (?:lidas|"
    r"vistas|lidos)|meest (?:gelezen|bekeken)|najczęściej czytane|самое (?:читаемое|популярное)|"
    r"latest (?:news|stories)|dernières (?:actualités|nouvelles|infos)|últimas (?:noticias|"
    r"notícias)|ultime notizie|neueste (?:artikel|beiträge|nachrichten)|laatste nieuws|"
    r"(?:también )?te puede interesar)\W*"
)
#: a button's or a form's words: an action on the page, the post or the account (share,
#: print, follow, comment, log in, refresh, book, unlock, buy, save, apply), with the
#: small words of its object ("Imprimir receita", "Online buchen", "Anfrage stellen",
#: "Jetzt freischalten", "Voir l'offre", "اتبع", "دخول")
_ACTION = (
    r"share|teilen|partager|compartir|condividi|delen|partilhar|compartilhar|print|drucken|"
    r"imprimer|imprimir|stampa|afdrukken|printen|follow|unfollow|folgen|entfolgen|suivre|"
    r"seguir|segui|volgen|comment|kommentieren|commenter|comentar|commenta|log ?in|sign ?in|"
    r"sign ?up|anmelden|einloggen|abmelden|connexion|entrar|accedi|inloggen|register|"
    r"registrieren|refresh|reload|aktualisieren|actualiser|actualizar|atualizar|aggiorna|"
    r"vernieuwen|buchen|book|reservieren|réserver|reservar|prenota|anfrage stellen|enquire|"
    r"freischalten|unlock|voir|view|check|buy|kaufen|acheter|comprar|acquista|save|speichern|"
    r"merken|pin|rate|bewerten|apply|bewerben|postuler|postular|candidati|jump|"
    r"اتبع|لا تتبع|تابع|تعليق|دخول|تسجيل الدخول|شارك|طباعة|تحديث"
)
_OBJECT = (
    r"recipe|rezept|recette|receta|receita|ricetta|recept|this|the|article|artikel|page|seite|"
    r"post|now|jetzt|online|here|hier|maintenant|ahora|agora|ora|nu|l'offre|offer|angebot|"
    r"deal|price|preis|it|to|on|us|uns|nous|a"
)
_BUTTON = re.compile(
    rf"(?i)(?:(?:{_OBJECT})\s)*(?:{_ACTION})(?:\s(?:{_OBJECT}|{_ACTION}))*\s?[:!]?"
)


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’-][^\W\d_]+)*")


def _button(s: str, stop: frozenset[str]) -> bool:
    """Whether short line ``s`` is a button or a menu's word: an action's words
    (:data:`_BUTTON`), or the line model's cue words alone (the lexicon's "Login", "Share",
    "Drucken"; ``stop``, the function words, beside them)."""
    s = s.strip()
    if _BUTTON.fullmatch(s) is not None:
        return True
    words = _TOK.findall(s.lower())
    # (a field's label, "Homepage:", and a line of code, "print(a)", are no button)
    return (
        _PLAIN_WORDS.fullmatch(s) is not None
        and bool(words)
        and any(w in CUE_WORDS for w in words)
        and all(w in CUE_WORDS or w in stop for w in words)
    )


def _menu_or_buttons(run: Sequence[str], stop: frozenset[str]) -> bool:
    """Whether a run of short lines that reads as a list (:func:`_short_list`) is a menu's
    or a form's (s50 acc-regress R1: 16 lynx records got back 139 menu lines, text records
    buttons): half of its lines or more are a text browser's links (:data:`_BROWSER_MARK`)
    or buttons (:func:`_button`), or one is an icon's name (:data:`_ICON_NAME`), a
    picture's licence (:data:`_LICENCE_MARK`) or a box's label (:data:`_STORIES_LABEL`: a
    most-read box's headlines after it). A list's items are plain lines: a review's pros
    and cons, a recipe's ingredients."""
    marks = sum(_BROWSER_MARK.search(s) is not None for s in run)
    if 2 * marks >= len(run) or 2 * sum(_button(s, stop) for s in run) >= len(run):
        return True
    return any(
        _ICON_NAME.fullmatch(s) is not None
        or _LICENCE_MARK.search(s) is not None
        or (
            len(s) <= 40
            and (
                _STORIES_LABEL.fullmatch(s) is not None or _READ_ALSO_LINE.fullmatch(s) is not None
            )
        )
        for s in run
    )


#: the reason of a line kept by :func:`headed_paragraphs`
HEADING_REASON = "heading or term over the article's paragraph"
#: the most words of a section's heading or a glossary's term over its paragraph, and of a
#: question that heads its answer
_HEAD_WORDS = 6
_HEAD_QUESTION_WORDS = 12
#: the least score of such a heading (a line the model read as sure furniture is none)
_HEAD_SCORE = 0.1
#: the fewest heading/paragraph pairs of a run (a glossary, a FAQ, headed sections) whose
#: pairs are taken whole, and the most prose lines of one pair's paragraph
_HEAD_PAIRS = 3
_HEAD_PARAGRAPH_LINES = 3
#: the most removed lines between a heading and the kept line above it
_HEAD_GAP = 2
#: the fewest sentences of a single heading's paragraph with no kept line under it (a
#: section's closing paragraph, "Fazit"; a pop-up's text has one or two)
_HEAD_SENTENCES = 3
#: the fewest single headings of a page of sections, each taken whatever its paragraph
_HEAD_SECTIONS = 2
#: a pop-up's or a button's title in a heading's place: a UI verb ("Close", "Verlinken") or
#: an action's status ("Story Saved", "Benachrichtigungen erfolgreich aktiviert"). A lone
#: heading over a paragraph that does not go on is refused by these words only: a page's
#: last short section ("Das Mahlen", "Need to know", "Attending this event", "Come
#: candidarsi") is over such a paragraph too, and the model's scores do not tell them apart
#: (s48 acc-regress R3)
_POPUP_TITLE = re.compile(
    r"(?i)\b(?:close|schlie(?:ß|ss)en|fermer|cerrar|chiudi|sluiten|закрыть|verlinken|"
    r"saved|gespeichert|enregistr[ée]e?s?|guardad[oa]s?|salvat[oa]|opgeslagen|сохранен\w*|"
    r"copied|kopiert|copi[ée]e?|copiad[oa]|copiat[oa]|gekopieerd|скопирован\w*|"
    r"added|hinzugefügt|ajout[ée]e?|añadid[oa]|aggiunt[oa]|toegevoegd|"
    r"subscribed|abonniert|abonn[ée]e?|suscrit[oa]|iscritt[oa]|"
    r"activated|enabled|aktiviert|activ[ée]e?s?|activad[oa]s?|attivat[oa]|"
    r"successful(?:ly)?|erfolgreich|succès|éxito|successo)\b"
)
#: a teaser's byline in a heading's place: "Written by Rachael Link, MS, RD"
_BYLINE_HEAD = re.compile(r"(?i)\W*(?:(?:written|posted|reviewed|edited)\s+)?by\s+\S")


def _lone_label(s: str) -> bool:
    """Whether heading ``s`` is a byline (:data:`_BYLINE_HEAD`): a teaser's, refused alone
    over a paragraph that does not go on, as a pop-up's title is (it was before
    :data:`_POPUP_TITLE` narrowed that refusal; s49 acc-regress R7). (Not any one word: a
    manual's "Installazione", "Konfiguration" head its last short sections.)"""
    return _BYLINE_HEAD.match(s) is not None


#: a box's label over teasers or a prompt, in the heading's place: other news, more
#: information, the next article, a notification's or newsletter's call
_BOX_LABEL = re.compile(
    r"(?i)^\W*(?:(?:more|other|further|weitere|andere|otras|m[aá]s|autres|plus d'|altre|"
    r"другие|ещё)\s*(?:news|stories|information|informationen|nachrichten|artikel|noticias|"
    r"informaci[oó]n|articles|informations|actualit[ée]s|notizie|новости)\b"
    r"|(?:next|previous|n[aä]chste[rn]?|vorherige[rn]?) (?:article|artikel|post|beitrag)"
    r"|.*\b(?:n[aä]chsten|vorherigen) (?:artikel|beitrag)\b"
    r"|.*\b(?:benachrichtigung|notification)s?\b)"
)


#: a section's number before a heading's words: "1", "2.", "2.3", "2.3." (a date's day and
#: month are told by the month's name)
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[^\W\d_])")
#: a button's or a link's caption in a heading's place: a question and its answer or call
#: ("News per Push? Mehr Infos »"), or an arrow pointing on at the end (a French heading's
#: closing quote "« Titre »" has its opening one)
_CAPTION = re.compile(r"[?!]\s+\w|\s[»›→]$")
#: a teaser's summary cut short, as a paragraph under a box's label ("Redaktionstipp" over
#: "Lesen Sie hier einen weiteren spannenden Beitrag …")
_CUT = ("…", "...")


def _heading(s: str) -> bool:
    """Whether ``s`` reads as a heading or a term: a few words (:data:`_HEAD_WORDS`), no
    sentence but a question's (:data:`_HEAD_QUESTION_WORDS`), starting with a capital (or an
    opening question mark), with no figure and no colon (a date, a time, a credit "Foto: dpa",
    a label "Source:" are no headings), no slash or "@" (a photo's credits, an address), no
    byline's first word ("Von Lisa Borch") and no photo credit's word ("Getty", "Courtesy of
    Andrew Vaughan": :data:`.lines._CREDIT`)."""
    # (the count of words first: the tests of characters below read every line of the page
    # else, 2 ms a corpus document. The sentence's stop before the words, and the words
    # split up to one over the most only: a paragraph's line is none, and its every word
    # split cost ~40 µs a corpus document; ``split`` with a bound the words do not reach
    # splits as without one)
    if s.endswith(_QUESTION_END[:2]):
        words = s.split(None, _HEAD_QUESTION_WORDS)
        if len(words) > _HEAD_QUESTION_WORDS:
            return False
    elif stop_end(s):
        return False
    else:
        words = s.split(None, _HEAD_WORDS)
        if len(words) > _HEAD_WORDS:
            return False
    # (nor a byline, "Von Lisa Borch", "Por Mariano Martín", nor a photo's credit or an
    # address: "Deniz Aytekin / Kevin Voigt/GettyImages")
    if (
        not words
        or words[0].lower() in _BYWORDS
        or any(c.isdigit() or c in ":：|/@" for c in s)
        or any(w in _CREDIT for w in _TOK.findall(s.lower()))
    ):
        return False
    first = s.lstrip('¿¡"“„«')[:1]
    return first.isupper()


def _numbered_heading(s: str) -> bool:
    """Whether ``s`` reads as a section's heading after its number: "1 Einleitung", "2.3
    Methods", "4. After you register" (:func:`_heading` reads no line with a figure); a
    date's day before its month ("12. Mai") is no section's number."""
    return (
        s[:1].isdigit()
        and (m := _SECTION_NUMBER.match(s)) is not None
        and s[m.end() :].split(None, 1)[0].lower() not in _MONTHS
        and _heading(s[m.end() :])
    )


def headed_paragraphs(
    lines: Sequence[str],
    keep: Sequence[bool],
    score: Sequence[float],
    furniture: Sequence[bool],
    notice: Callable[[str], bool] | None = None,
) -> list[int]:
    """The removed lines (positions in ``lines``, the non-blank lines of a text stripped;
    ``keep`` and ``score``, the line model's decisions and scores; ``furniture``, whether a
    line's cue is a page's furniture words or its repetition) that are a heading of the
    article's text with the paragraph it heads: the model reads a heading or a glossary's
    term alone ("Erststimme", "How we did this", "Main points") as a menu's item, and kept the
    paragraph under it without it (s46 acc-data D6: a glossary left as definitions without
    their terms). Two cases:

    * a heading (:func:`_heading`, no furniture) right over a kept prose line
      (:func:`_prose_line`), under the article's first kept prose line and at most
      :data:`_HEAD_GAP` removed lines under a kept line (a chart's credit, a table's source
      between);
    * a run of :data:`_HEAD_PAIRS` pairs or more of a heading over one to
      :data:`_HEAD_PARAGRAPH_LINES` prose lines, the model having kept half of the paragraphs
      or more: a glossary's terms, a FAQ's questions; the run is taken whole, its removed
      paragraphs too (a definition read as a teaser's summary at the glossary's end).

    A menu's items have no prose under them, a share bar's have its furniture words; a
    related box's headlines over their summaries are a run whose summaries the model removed.
    A single heading's paragraph goes on (on a page of fewer than :data:`_HEAD_SECTIONS`
    such headings) when the heading reads as a pop-up's title (:data:`_POPUP_TITLE`): the
    line under it is kept too (or the next after one removed line), or it
    holds :data:`_HEAD_SENTENCES` sentences: a pop-up's text is one short paragraph among
    removed lines ("Close" over a pull quote, "Story Saved" over "You can find this story in
    My Bookmarks.", "Benachrichtigungen erfolgreich aktiviert": s47 regress R2); and no
    heading is over a paragraph that ``notice`` (a cookie or consent notice's test) reads as
    one ("Necessary Always Enabled", "Empfohlener redaktioneller Inhalt" over an embed's
    consent, on a page of several headings too).
    """
    n = len(lines)
    # (whether a line is prose, read where asked only: the loops below ask of few lines,
    # and reading every line cost ~0.3 ms a corpus document)
    read: dict[int, bool] = {}

    def prose(j: int) -> bool:
        if (got := read.get(j)) is None:
            got = read[j] = _prose_line(lines[j])
        return got

    def para(j: int) -> bool:
        # (a paragraph's line is no question: a question heads the next pair)
        return prose(j) and not lines[j].endswith(_QUESTION_END[:2])

    # (a box's label that sends the reader elsewhere is no heading of the article's: "Mehr
    # zum Thema", "Otras noticias", "Weitere Informationen" over a teaser the model kept)
    head = [
        not furniture[j]
        and score[j] >= _HEAD_SCORE
        and (_heading(lines[j]) or (lines[j][:1].isdigit() and _numbered_heading(lines[j])))
        and _ELSEWHERE.search(lines[j]) is None
        and _BOX_LABEL.search(lines[j]) is None
        and (_CAPTION.search(lines[j]) is None or "«" in lines[j])
        for j in range(n)
    ]

    def noticed(j: int) -> bool:
        # (the paragraph's first two lines: an embed's notice, then its consent line)
        return notice is not None and any(notice(lines[i]) for i in range(j, min(n, j + 2)))

    def goes_on(j: int) -> bool:
        # (the paragraph from line j, its kept prose lines: the next line kept, or enough
        # sentences in it)
        e = j
        while e < n and keep[e] and prose(e):
            e += 1
        # (or the line after one removed line: an image's "Vergrößern", a credit between;
        # or nothing: the paragraph ends the text, no page's pop-up with its chrome under it)
        if e == n or keep[e] or (e + 1 < n and keep[e + 1] and prose(e + 1)):
            return True
        return sum(len(_INNER_SENTENCE.findall(x)) + 1 for x in lines[j:e]) >= _HEAD_SENTENCES

    single: list[int] = []
    seen = False  # (whether a kept prose line is above line j)
    last = -1  # (the last kept line above line j)
    for j in range(n - 1):
        # (a heading right under a kept line or :data:`_HEAD_GAP` removed lines under it:
        # a chart's credit, a table's source. Not under a longer run: the last button of
        # a share bar between the standfirst and the first paragraph, "Copy link", is over
        # a paragraph as a heading is)
        # (nor the last of a run of short lines: a tag list's "Scotland" / "Weather" /
        # "Transport" between a brief's paragraphs)
        if (
            seen
            and not keep[j]
            and head[j]
            and keep[j + 1]
            and prose(j + 1)
            and j - last - 1 <= _HEAD_GAP
            # (a section's number is no tag's: "1 Einleitung" under the keywords)
            and (keep[j - 1] or not _heading(lines[j - 1]) or lines[j][:1].isdigit())
            and not noticed(j + 1)
            and not (
                lines[j + 1].endswith(_CUT) and (j + 2 == n or not (keep[j + 2] and prose(j + 2)))
            )
        ):
            single.append(j)
        if keep[j]:
            seen = seen or prose(j)
            last = j
    # (a page of sections has several: each is taken; one or two alone, only over a
    # paragraph that goes on or when worded as no pop-up's title: :data:`_POPUP_TITLE`)
    sections = len(single) >= _HEAD_SECTIONS
    found = {
        j
        for j in single
        if sections
        or (_POPUP_TITLE.search(t := lines[j]) is None and not _lone_label(t))
        or goes_on(j + 1)
    }
    # the runs of heading/paragraph pairs
    j = 0
    while j < n - 1:
        pairs: list[tuple[int, int]] = []
        k = j
        # (a paragraph's line is no question: a question heads the next pair, and the
        # button over a FAQ's first question, "Copier le lien", heads none)
        # (a paragraph the model removed is taken as its first line, a kept line under it: a
        # glossary's last definition; a removed line after a kept one is a caption's, a
        # teaser's)
        while (
            k < n - 1 and head[k] and para(k + 1) and (keep[k + 1] or (k + 2 < n and keep[k + 2]))
        ):
            e = k + 2
            while e < n and e - k <= _HEAD_PARAGRAPH_LINES and para(e) and keep[e]:
                e += 1
            pairs.append((k, e))
            k = e
        if len(pairs) >= _HEAD_PAIRS:
            pairs = [(a, b) for a, b in pairs if not noticed(a + 1)]
            paragraphs = [keep[a + 1] for a, _ in pairs]
            if 2 * sum(paragraphs) >= len(paragraphs):
                found.update(i for a, b in pairs for i in range(a, b) if not keep[i])
            j = k
        else:
            j += 1
    return sorted(found)


#: the reasons of a line kept and of a line removed by :func:`contents_headings`
CONTENTS_REASON = "section heading named in the page's contents list"
CONTENTS_LIST_REASON = "contents list (its entries head the sections below)"
#: a contents list's entry's mark before its words: a bullet, lynx's link number
_ENTRY_MARK = re.compile(r"^(?:[•*·▪◦‣–-]\s*|\[\d+\]\s*)+")
#: the most lines from one entry of a contents list to the next (a sub-entry between)
_CONTENTS_STEP = 3


def contents_headings(
    lines: Sequence[str], keep: Sequence[bool], repeated: Sequence[bool]
) -> tuple[list[int], list[int]]:
    """The lines (positions in ``lines``, the non-blank lines of a text stripped; ``keep``,
    the decisions so far; ``repeated``, whether a line has a copy on the page) of a page's
    contents list and the sections' headings it names: a guide's "1. Who needs to register"
    … "4. After you register" listed under "Contents", then each over its section's
    paragraph. The model read both copies as repeated lines: the heading went with its entry
    (s47 acc-gov G5: w3m and lynx lost every numbered heading of a guide), or the entries
    stayed with their headings (a German guide's "Wer kann teilnehmen?" list kept). The
    repeat is the list's, not the heading's: returns (the removed headings, to keep; the
    kept entries, to remove).

    A heading: a line right over a kept prose line whose text is an earlier line's (its
    bullet or lynx's link number stripped) that heads no kept prose line; a contents list:
    two or more such earlier copies of consecutive entries (at most :data:`_CONTENTS_STEP`
    lines apart), in the order of their headings. A teaser's headline repeated in a box is
    over no paragraph, or its copies are no run in the same order."""
    n = len(lines)
    # (the repeated lines only, a few a page, are read: an entry and its heading are copies
    # of each other; two entries and two headings at the least. Every line of the page read
    # cost ~0.1 ms a corpus document)
    rows = list(compress(range(n), repeated))
    if len(rows) < 4:
        return [], []
    copies: dict[str, int] = {}
    for i in rows:
        copies.setdefault(_ENTRY_MARK.sub("", lines[i]), i)
    # (an entry is over no kept paragraph: over the next entry. A label that sends the
    # reader elsewhere heads no section of the article's, as in :func:`headed_paragraphs`:
    # "Vorschau auf den nächsten Artikel" listed over a blog post, trafeval's frau-sabienes)
    pairs = [
        (p, j)
        for j in rows
        if j < n - 1
        and (p := copies.get(lines[j], n)) < j
        and keep[j + 1]
        and _prose_line(lines[j + 1])
        # (a question is no section's paragraph but the next heading, or a list's entry:
        # the contents list's label over a second copy of the list, haus.de)
        and not lines[j + 1].endswith(_QUESTION_END[:2])
        and not (keep[p + 1] and _prose_line(lines[p + 1]))
        and _BOX_LABEL.search(lines[j]) is None
        and _ELSEWHERE.search(lines[j]) is None
    ]
    headings: list[int] = []
    entries: list[int] = []
    run: list[tuple[int, int]] = []
    for pair in [*sorted(pairs), (n, n)]:
        # (the entries differ: one line repeated over several paragraphs, "Advertisement",
        # is no list)
        if run and not (0 < pair[0] - run[-1][0] <= _CONTENTS_STEP and pair[1] > run[-1][1]):
            if len(run) >= 2:
                headings += [j for _, j in run if not keep[j]]
                entries += [p for p, _ in run if keep[p]]
            run = []
        run.append(pair)
    return headings, entries


#: the most non-blank lines between a list's numbered headings (its items' paragraphs)
_ENUM_GAP = 4
#: the fewest kept items over a list's last item the model removed, and its most words
_GAP_ITEMS = 3
_GAP_WORDS = 3


def _list_gaps(
    lines: Sequence[str],
    keep: Sequence[bool],
    score: Sequence[float],
    furniture: Sequence[bool],
    forms: _Forms,
) -> list[int]:
    """The removed lines that a kept list lacks between two kept lines: a listicle's
    numbered heading whose neighbours' numbers it continues ("1. Arcos de la Frontera" …
    "2. Grazalema" … "3. Zahara de la Sierra", each over its paragraph), and a list's last
    item of a word or two, no figure, under :data:`_GAP_ITEMS` kept items and over a kept
    label ("Sal" under a recipe's ingredients, over "Elaboración"): the model read them as a
    menu's items (s44 acc-genres G18). No furniture, and a label's score at least."""
    n = len(lines)
    nonblank = [j for j in range(n) if lines[j]]
    found: list[int] = []
    for k, j in enumerate(nonblank):
        if keep[j] or furniture[j] or score[j] < _LABEL_SCORE or not 0 < k < len(nonblank) - 1:
            continue
        above, below = nonblank[k - 1], nonblank[k + 1]
        if not (keep[above] and keep[below]):
            continue
        f = forms[j]
        if f is not None and f[0] == "enum":
            near = nonblank[max(0, k - _ENUM_GAP) : k + _ENUM_GAP + 1]
            numbers = {forms[i][1] for i in near if keep[i] and (g := forms[i]) and g[0] == "enum"}  # type: ignore[index]
            if f[1] - 1 in numbers and f[1] + 1 in numbers:  # type: ignore[operator]
                found.append(j)
            continue
        run = nonblank[max(0, k - _GAP_ITEMS) : k]
        # (an item of words over the list's next label, "Sal" over "Elaboración"; a
        # product box's "33,55 €" over its "Zu Amazon" is none)
        if (
            len(lines[j].split()) <= _GAP_WORDS
            and not lines[j].endswith(SENTENCE_END)
            and any(c.isalpha() for c in lines[j])
            and not any(c.isdigit() for c in lines[j])
            and _item(lines[below])
            and len(lines[below].split()) <= _LABEL_WORDS
            and len(run) == _GAP_ITEMS
            and all(keep[i] and _item(_LEAD.sub("", lines[i], count=1)) for i in run)
        ):
            found.append(j)
    return found


#: the fewest rows of a table written with tabs under the article's last paragraph, and the
#: most short lines (a verdict's lists, their labels) between them
_TAB_ROWS = 3
_TAB_LEAD_LINES = 8
# a gap of two spaces or more before a cell of a row aligned with spaces
_SPACED_GAP = re.compile(r" {2,}(?=\S)")
#: the most columns a table's header row is off from its other rows (w3m and lynx centre a
#: header cell: " Screen   6.2in OLED, 120Hz" over "Processor Tensor G3" / "RAM       8GB")
_HEADER_SHIFT = 2


def _gaps(line: str) -> list[int]:
    """The offsets in ``line`` where a cell starts after two spaces or more (no tabs)."""
    return [m.end() for m in _SPACED_GAP.finditer(line)] if "\t" not in line else []


def _aligned(line: str, cols: Sequence[int]) -> bool:
    """Whether ``line`` is a row of a table whose cells start at the offsets ``cols``: a
    space before each of them and a character at it (one space is enough: the widest cell
    of a column is one space from the next, "Processor Tensor G3"), no other gap of two
    spaces, each cell a few words (:data:`_CELL_WORDS`)."""
    if "\t" in line or len(line) <= cols[-1]:
        return False
    if any(line[c - 1] != " " or line[c] == " " for c in cols):
        return False
    if not set(_gaps(line)) <= set(cols):
        return False
    bounds = [0, *cols, len(line)]
    return all(0 < len(line[x:y].split()) <= _CELL_WORDS for x, y in pairwise(bounds))


def _in_columns(line: str) -> str:
    """``line`` as a terminal shows it, a character a column: a wide character (Chinese,
    Japanese, Korean) written twice, a combining mark left out. w3m and lynx align a
    table's cells in columns, and a table with cells of Chinese was found in none (its
    characters' offsets are not its columns; s46 read F9)."""
    if line.isascii():
        return line
    out = []
    for c in line:
        if unicodedata.east_asian_width(c) in "WF":
            out.append(c + c)
        elif unicodedata.category(c) not in ("Mn", "Me"):
            out.append(c)
    return "".join(out)


def spaced_tables(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of the tables that a text rendering (w3m, lynx) wrote with runs of
    spaces, no tabs: :data:`_TAB_ROWS` lines or more of ``lines`` (stripped) whose cells
    start at the same columns (:func:`_in_columns`), two of them with a gap of two spaces or
    more, and the row over them when its cells start within :data:`_HEADER_SHIFT` of
    theirs (a header cell, centred). A paragraph's lines have more words than a table's
    cells."""
    n = len(lines)
    shown: dict[int, str] = {}  # (the lines looked at, in columns: those with a gap, and
    # the lines around them; most lines are looked at by no more than "  " in them)

    def at(k: int) -> str:
        if (v := shown.get(k)) is None:
            v = shown[k] = _in_columns(lines[k])
        return v

    out: list[tuple[int, int]] = []
    i = 0
    while i < n:
        cols = _gaps(at(i)) if "  " in lines[i] else []
        if not cols or not _aligned(at(i), cols):
            i += 1
            continue
        a, b = i, i + 1
        while a > 0 and _aligned(at(a - 1), cols):
            a -= 1
        while b < n and _aligned(at(b), cols):
            b += 1
        head = _gaps(at(a - 1)) if a > 0 else []
        if (
            len(head) == len(cols)
            and head != cols
            and all(abs(x - y) <= _HEADER_SHIFT for x, y in zip(head, cols, strict=True))
            and _aligned(at(a - 1), head)
        ):
            a -= 1
        if b - a >= _TAB_ROWS and sum(bool(_gaps(at(k))) for k in range(a, b)) >= 2:
            out.append((a, b))
        i = b
    return out


def _cells(line: str) -> list[str]:
    """The cells of a table's row written with tabs or runs of spaces."""
    return [c for c in _CELL_SEP.split(line) if c]


def _no_menu(rows: Sequence[str]) -> bool:
    """Whether the rows of a table written with spaces read as a table's: in half of them
    or more, a value (a cell after the first) with a figure or of several words ("1 h 48",
    "Léa Fournier"); the columns of a menu rendered side by side are names of a word
    ("Sport" / "Culture" / "Travel")."""
    full = sum(
        any(any(ch.isdigit() for ch in v) or len(v.split()) > 1 for v in _cells(s)[1:])
        for s in rows
    )
    return 2 * full >= len(rows)


def _table_after_text(
    lines: Sequence[str],
    keep: Sequence[bool],
    furniture: Sequence[bool],
    spaced: dict[int, int],
) -> list[int]:
    """The removed lines of a table written with tabs (:data:`_TAB_ROWS` rows or more, each
    of as many cells) right under the article's last kept paragraph, and of the short lines
    between them (a review's "On a aimé" / its items / "On a moins aimé" / …), no
    furniture among them: a review's verdict lists and its credits ("Réalisation\tLéa
    Fournier", "Durée\t1 h 48"), which the teaser rule and the model removed as lines after
    the article's end (s44 acc-genres G4). The table ends the run: what follows it (the
    tags) stays the model's. A table that w3m or lynx wrote with spaces
    (:func:`spaced_tables`; ``spaced``: their starts and ends, as the caller found them) is one
    too, unless it reads as a menu in columns (:func:`_no_menu`)."""
    n = len(lines)
    last = next(
        (
            j
            for j in range(n - 1, -1, -1)
            if keep[j] and lines[j].endswith(SENTENCE_END) and len(lines[j].split()) >= _PROSE_WORDS
        ),
        None,
    )
    if last is None:
        return []
    # (a table written with spaces by w3m or lynx, ``spaced``: the same rows; s45 left45
    # item 1)
    k = last + 1
    while k < n and k - last <= _TAB_LEAD_LINES and "\t" not in lines[k] and k not in spaced:
        s = lines[k]
        if s and (furniture[k] or s.endswith(SENTENCE_END) or len(s.split()) > _ITEM_WORDS):
            return []
        k += 1
    if k in spaced:
        end = spaced[k]
        # (no furniture, and no menu written in columns: its cells are single words)
        if any(furniture[k:end]) or not _no_menu(lines[k:end]):
            return []
        return [j for j in range(last + 1, end) if not keep[j] and lines[j]]
    if k >= n or "\t" not in lines[k]:
        return []
    cells = len(lines[k].split("\t"))
    end = k
    while end < n and "\t" in lines[end] and len(lines[end].split("\t")) == cells:
        if furniture[end] or any(len(c.split()) > _CELL_WORDS for c in lines[end].split("\t")):
            return []
        end += 1
    if end - k < _TAB_ROWS:
        return []
    return [j for j in range(last + 1, end) if not keep[j] and lines[j]]


#: the most lines of a list (or of a list of questions) that :func:`_grown_upward` gives
#: back over the kept part (its first items), and the most words of a question
_GROWN_ITEMS = 2
_QUESTION_WORDS = 15
#: the least score of a label :func:`_grown_upward` gives back ("Pros": 0.19; a menu's
#: items score under 0.05)
_GROWN_LABEL_SCORE = 0.1
_QUESTION_END = ("?", "？", "¿")


#: a sentence's end inside a line, before the next sentence's capital
_INNER_SENTENCE = re.compile(r"[.!?]\s+[^\W\d_a-zß-ÿ]")


def _item(line: str) -> bool:
    """Whether ``line`` reads as a list's item: a few words, a letter at least, no sentence
    (nor one inside: a shop box's "Preis kann jetzt höher sein. Preis vom …"), not a
    headline's capitals (:func:`_headline_case`)."""
    return (
        0 < len(line.split()) <= _ITEM_WORDS
        and not line.endswith(SENTENCE_END)
        and any(c.isalpha() for c in line)
        and _INNER_SENTENCE.search(line) is None
        and not _headline_case(line)
    )


#: the fewest words of letters of a headline in capitals, and the least share of them
#: capitalised
_CAPS_WORDS = 4
_CAPS_SHARE = 0.75


def _headline_case(line: str) -> bool:
    """Whether ``line`` is written as an English headline, most words capitalised ("23
    Super Silly Birthday Jokes for Kids": a related box's teaser, s37 acc-regress R5)."""
    initials = [w[0] for w in line.split() if w[0].isalpha()]
    return len(initials) >= _CAPS_WORDS and sum(c.isupper() for c in initials) >= _CAPS_SHARE * len(
        initials
    )


def _question(line: str) -> bool:
    """Whether ``line`` is a question on a line of its own (a FAQ's)."""
    return line.rstrip().endswith(_QUESTION_END) and 0 < len(line.split()) <= _QUESTION_WORDS


#: A picture's credit at a line's start ("Foto by A. Diez", "Фото:", "Photo: Reuters")
_PICTURE_CREDIT = re.compile(r"(?i)\W*(?:photos?|fotos?|фото|bild|image|picture|cr[ée]dits?)\b")


def _ad(line: str) -> bool:
    """Whether ``line`` is an ad slot's label ("Advertisement", "Anzeige") or a picture's
    credit ("Фото:"): what stands between an article's text and its list, not a box's
    heading or a footer's links."""
    s = line.strip()
    return _AD_LABEL.fullmatch(s) is not None or _PICTURE_CREDIT.match(s) is not None


def _grown_upward(
    lines: Sequence[str], keep: Sequence[bool], score: Sequence[float], furniture: Sequence[bool]
) -> list[int]:
    """The removed lines over a list (or a list of questions, each over its answer) that the
    model kept but for its first lines: its first items (:data:`_GROWN_ITEMS`) and its
    label, across an ad's label or a picture's credit (:func:`_ad`) under the article's
    kept sentence (or the line that announces the list, with a colon).
    The model read the lines next to "Advertisement" as furniture: a review's "Pros" and
    its first item, a FAQ's heading and first question, a recipe's "Ingredients" and its
    first ingredient were removed, the rest of the list kept (s44 acc-genres G5). A list
    is two kept items (:func:`_item`) or a kept answer under a kept question
    (:func:`_question`); the lines given back are items (questions) and one label (a few
    words, no sentence, no furniture)."""
    n = len(lines)
    found: list[int] = []
    for i in range(1, n - 1):
        if not keep[i] or keep[i - 1]:
            continue
        if keep[i + 1] and _item(lines[i]) and _item(lines[i + 1]):
            like = _item
        elif (
            i + 2 < n
            and keep[i + 1]
            and keep[i + 2]
            and (
                (_question(lines[i + 1]) and lines[i].endswith(SENTENCE_END))
                or (_question(lines[i]) and _question(lines[i + 2]))
            )
        ):
            like = _question
        else:
            continue
        j = i - 1
        got: list[int] = []
        while j >= 0 and len(got) < _GROWN_ITEMS and not keep[j] and not furniture[j]:
            if not like(lines[j]) or score[j] < _LABEL_SCORE:
                break
            got.append(j)
            j -= 1
        if like is _question and not got and not _question(lines[i]):
            continue  # (an answer's lines are given back with its question only)
        # (an ad's label or a picture's credit only: a related box's heading, "También te
        # puede interesar", or a footer's links crossed gave back a news list's teasers and
        # a "©" line over the kept box under them: s45 acc-regress R7)
        crossed = j >= 0 and furniture[j] and not keep[j] and _ad(lines[j])
        if crossed:
            j -= 1  # (an ad's label between the article's text and the list)
        # (a label right over a list the model kept whole has the score of any list's label:
        # _LABEL_SCORE; one the ad's neighbourhood pulled down, less)
        low = _GROWN_LABEL_SCORE if got or crossed else _LABEL_SCORE
        if (
            j >= 0
            and not keep[j]
            and not furniture[j]
            and score[j] >= low
            and _item(lines[j])
            and len(lines[j].split()) <= _LABEL_WORDS
        ):
            got.append(j)  # (the list's label)
            j -= 1
        if j >= 0 and furniture[j] and not keep[j] and got and got[-1] == j + 1 and _ad(lines[j]):
            j -= 1  # (the ad under the label)
        # (under the article's kept sentence or paragraph, or a kept line under its kept
        # sentence: a recipe's "Prep time: 15 mins · Cook time: 25 mins · Serves 4", the
        # list's kept label, "Zutaten für 4 Personen" over "400 g Mehl", lynx. Not under a
        # kept item of a box: a side box's "Horario de atención" went back over its hours
        # under a news list's kept teaser, s45 acc-regress R7)
        if (
            got
            and j >= 0
            and keep[j]
            and (
                lines[j].endswith((*SENTENCE_END, ":", "："))
                or (len(lines[j].split()) >= _PROSE_WORDS and not _item(lines[j]))
                or (j > 0 and keep[j - 1] and lines[j - 1].endswith(SENTENCE_END))
            )
        ):
            found.extend(got)
    return found


#: the reason of a line kept by :func:`article_rating`
RATING_REASON = "rating of the review"

_STARS = "★☆✩✪✫✬✭✮✯⭐½"
# a number with its scale, as ratings write it: "8/10", "4,6/5", "3 von 5 Sternen", "4.8 out
# of 5", "87%", "4 de 5 estrellas"
_UNIT = r"(?:stars?|sterne?n?|étoiles?|estrellas?|stelle|sterren|points?|punkte?|pts)"
_SCALE_WORD = r"(?:/|out of|of|von|sur|de|su|van|op|z)"
_SCALE = rf"{_SCALE_WORD}\s*(?:5|10|20|100)\b"
_SCORE = rf"\d{{1,3}}(?:[.,]\d{{1,2}})?(?:\s*{_SCALE}|\s*%)?(?:\s*{_UNIT})?"
# the label of a rating: "Verdict", "Our score", "Note", "Nota", "Bewertung", "Calificación"
_RATING_LABEL = (
    r"(?:(?:the|our|overall|final|notre|note|unsere?|nuestra|la|il|nostro)\s+)?"
    r"(?:verdict|rating|score|note|nota|bewertung|wertung|gesamtwertung|urteil|testurteil|"
    r"testnote|gesamtnote|"
    r"calificaci[oó]n|puntuaci[oó]n|valoraci[oó]n|veredicto|valutazione|voto|verdetto|"
    r"punteggio|beoordeling|cijfer|oordeel|avalia[cç][aã]o|pontua[cç][aã]o)"
)
_COUNT = r"(?:\s*\([^()]{1,40}\))?"  # "(312 ratings)", "(89 avis)"
# a score on its scale with neither a label, stars nor a unit ("8/10", "4.5 out of 5") is a
# rating only as "/" or "out of" write it, and never the integer 1: "1 of 10", "1 / 5" are a
# gallery's or a slideshow's counter over its first picture, "3 of 10" a list's (s37
# acc-read F6)
_BARE_SCORE = r"(?!1(?![\d.,]))\d{1,3}(?:[.,]\d{1,2})?\s*(?:/|out of)\s*(?:5|10|20|100)\b"
_RATING = re.compile(
    rf"(?:{_RATING_LABEL}\s*[:：]?\s*)?(?:[{_STARS}\s]{{3,}}(?:{_SCORE})?|{_SCORE}\s*[{_STARS}]+)"
    rf"{_COUNT}"
    rf"|\d{{1,3}}(?:[.,]\d{{1,2}})?\s*{_SCALE}\s*{_UNIT}{_COUNT}|{_BARE_SCORE}{_COUNT}"
    rf"|{_RATING_LABEL}\s*[:：]\s*{_SCORE}{_COUNT}",
    re.I,
)
_RATING_LABEL_LINE = re.compile(_RATING_LABEL, re.I)
# a number on its scale: "4,5/5", "8 out of 10" (the number, the scale); a line of it
# alone is a score's shape, a gallery's or a list's counter too ("2 / 10")
_ON_SCALE = re.compile(rf"(\d{{1,3}}(?:[.,]\d{{1,2}})?)\s*{_SCALE_WORD}\s*(5|10|20|100)\b", re.I)
_RATING_CHAR = re.compile(rf"[\d{_STARS}]")
#: the longest line that can be a rating ("Rating: 4.8 out of 5 (312 ratings)")
_RATING_CHARS = 60
#: the most words of such a line (as many, each of one letter, and their spaces are more)
_RATING_WORDS = _RATING_CHARS // 2
_RATING_NUMBER = re.compile(rf"{_SCORE}{_COUNT}", re.I)
#: a rating further from the article's text than this many lines is not the article's
_RATING_GAP = 3
#: a page with more ratings than this is a listing of rated things (a shop's, a ranking)
_MAX_RATINGS = 2


def _off_scale(line: str) -> bool:
    """Whether a score of ``line`` cannot be one on its scale: above it ("31/10"), or written
    with a leading zero ("05/10"): a teaser's day and month (a French listing's "31/10"
    under a headline was kept as a review's rating; s37 acc-regress R6)."""
    return any(
        float(m[1].replace(",", ".")) > int(m[2])
        or (len(m[1]) > 1 and m[1][0] == "0" and m[1][1].isdigit())
        for m in _ON_SCALE.finditer(line)
    )


def _ratings(lines: Sequence[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of the ratings among ``lines`` (stripped): a line of stars, a score on
    its scale ("8/10", "Bewertung: 3 von 5 Sternen", "Nota: 8,5"), or a rating's label on a
    line of its own ("The Verdict") over its score ("87"). A number above its scale or with
    a leading zero is a date's (:func:`_off_scale`)."""
    out: list[tuple[int, int]] = []
    for i, s in enumerate(lines):
        if len(s) > _RATING_CHARS or not _RATING_CHAR.search(s):
            continue
        # (_off_scale asked of the lines that read as a score only: most short lines with a
        # digit are none, and its search of a scale's words cost ~6 µs a corpus page)
        if _RATING.fullmatch(s):
            if not _off_scale(s):
                a = i - 1 if i and _RATING_LABEL_LINE.fullmatch(lines[i - 1]) else i
                out.append((a, i + 1))
        elif (
            i
            and _RATING_LABEL_LINE.fullmatch(lines[i - 1])
            and _RATING_NUMBER.fullmatch(s)
            and not _off_scale(s)
        ):
            out.append((i - 1, i + 1))
    return out


CAPITALS_REASON = "paragraph in capitals inside the article"
#: the fewest letters of a line in capitals
_CAPITALS_LETTERS = 6
#: the fewest words of a text in capitals that reads as prose; the least share of them
#: that are function words; the fewest lines of one with no sentence's end
_CAPITALS_WORDS = 20
_CAPITALS_STOP = 0.25
_CAPITALS_LINES = 3
#: the most words of a line between two lines in capitals of one text (a clause's number,
#: "16. Limitation of Liability.", a salutation); the most non-blank lines between the text
#: and a kept line above and under it
_CAPITALS_GAP_WORDS = 6
_CAPITALS_REACH = 3


def _capitals_line(line: str) -> bool:
    # (str.isupper first: every cased letter a capital, tested at C speed on each removed
    # line of every page; the letters counted only then)
    return line.isupper() and sum(map(str.isalpha, line)) >= _CAPITALS_LETTERS


def capital_paragraphs(
    lines: Sequence[str], keep: Sequence[bool], stop: frozenset[str]
) -> list[int]:
    """The removed lines (positions in ``lines``, non-blank lines stripped) of a text
    written in capitals inside the article: removed lines in capitals one after the other
    (a line of a few words between two of them is a clause's heading or a salutation),
    :data:`_CAPITALS_WORDS` words or more, :data:`_CAPITALS_STOP` of them function words
    (``stop``: a sentence's, not a menu's or a headline's nouns), ending a sentence or of
    :data:`_CAPITALS_LINES` lines or more, with a kept line a few lines above it and under it
    (:data:`_CAPITALS_REACH`). The model read each line in capitals as a headline: a
    licence's warranty paragraph, a letter quoted in a blog post were lost (s46 chrome46,
    held-out gnu.org, jovelstefan.de)."""
    n = len(lines)
    found: list[int] = []
    i = 0
    while i < n:
        if keep[i] or not _capitals_line(lines[i]):
            i += 1
            continue
        run, j = [i], i + 1
        while j < n and not keep[j]:
            if _capitals_line(lines[j]):
                run.append(j)
            elif not (
                len(lines[j].split()) <= _CAPITALS_GAP_WORDS
                and j + 1 < n
                and not keep[j + 1]
                and _capitals_line(lines[j + 1])
            ):
                break
            j += 1
        first, last = run[0], run[-1]
        words = [w for r in run for w in _TOK.findall(lines[r].lower())]
        if (
            len(words) >= _CAPITALS_WORDS
            and sum(w in stop for w in words) >= _CAPITALS_STOP * len(words)
            and (
                len(run) >= _CAPITALS_LINES
                or any(lines[r].rstrip(CLOSING_MARKS).endswith(SENTENCE_END) for r in run)
            )
            and any(keep[max(0, first - _CAPITALS_REACH) : first])
            and any(keep[last + 1 : last + 1 + _CAPITALS_REACH])
        ):
            found.extend(run)
        i = last + 1
    return found


def article_rating(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]
) -> list[int]:
    """The removed lines (positions in ``lines``, stripped, as for :func:`article_structures`)
    that are a review's rating: one (or two) on the page, in the article's text, right
    above it (the line model removes a review's header with its headline and byline, and
    the rating with them: "★★★★☆", "Note : 4/5" over the first paragraph) or right after it
    ("The Verdict" / "87" under the last paragraph), with no furniture line between it and
    the text. A page of many ratings is a listing's: none is kept."""
    found = _ratings(lines)
    if not found or len(found) > _MAX_RATINGS:
        return []
    if sum(1 for s in lines if len(s) <= _RATING_CHARS and _ON_SCALE.fullmatch(s)) > _MAX_RATINGS:
        # (a gallery's counters, "1/10", "2/10", "3/10": its first is no rating, the others
        # are no review's)
        return []
    n = len(lines)
    out: list[int] = []
    for a, b in found:
        # the nearest kept line after the rating, and before it, with nothing of the page's
        # furniture between
        nxt = next((j for j in range(b, min(n, b + _RATING_GAP + 1)) if keep[j] or furniture[j]), n)
        prv = next((j for j in range(a - 1, max(-1, a - 3), -1) if keep[j] or furniture[j]), -1)
        if (nxt < n and keep[nxt]) or (prv >= 0 and keep[prv]):
            out.extend(j for j in range(a, b) if not keep[j])
    return out


#: the elements a review's rating box is written in, and the most levels between the box
#: and the element its article's paragraph is in (``<div class="rating"><p>…</p></div>``
#: beside the body's ``<p>``s)
_RATING_TAGS = frozenset({"p", "div", "span", "strong", "b", "em"})
_RATING_LEVELS = 3


# the readers' votes beside a rating ("4.8 out of 5 (126 ratings)", "4,6 von 5 Sternen (212
# Bewertungen)"): a recipe's or a shop's widget, no review's verdict
_READERS = re.compile(
    r"\(\s*\d|\b(?:ratings|votes|reviews|bewertungen|stimmen|avis|votos|valoraciones|"
    r"recensioni|voti|beoordelingen)\b",
    re.I,
)


#: a score alone on its scale ("2/5", "8 out of 10", :data:`_BARE_SCORE`): in HTML a
#: rating only in an element whose class or id names one (:data:`_RATING_NAME`), itself or
#: a box around it; a slideshow's "2/5" beside its caption is a counter (s46 read F15)
_BARE_RATING = re.compile(rf"{_BARE_SCORE}{_COUNT}", re.I)
_RATING_NAME = re.compile(r"rating|score|verdict|wertung|(?<![a-z])note(?![a-z])|stars", re.I)
#: the most child elements of a rating's element (its label, stars, score: a box of more
#: is a container, whose whole text was built for each element on the page; s46 read F15)
_RATING_CHILDREN = 12


def _named_rating(e: Any) -> bool:
    """Whether element ``e`` or one of :data:`_RATING_LEVELS` elements around it has a
    class or an id that names a rating (:data:`_RATING_NAME`)."""
    for _ in range(_RATING_LEVELS + 1):
        if e is None or not isinstance(e.tag, str):
            return False
        if _RATING_NAME.search(f"{e.get('class', '')} {e.get('id', '')}"):
            return True
        e = e.getparent()
    return False


def rating_boxes(tree: Any) -> list[str]:
    """Make a review's rating box in an HTML page a paragraph of its text; return the
    ratings. trafilatura drops an element whose class names a rating (``<div
    class="rating"><p>Rating: 4/5</p></div>``: its list of a page's meta furniture), and a
    review lost its verdict in HTML where its plain text kept it (s44 acc-genres G16, s45
    left45 item 7). A rating is an element's text alone that reads as one
    (:data:`_RATING`, on its scale: :func:`_off_scale`; not the readers' votes,
    :data:`_READERS`; a score alone in a box named a rating: :func:`_named_rating`), one or
    two on the page
    (:data:`_MAX_RATINGS`: more are a listing's, a shop's), in a box that is the next or
    the previous element of a paragraph that ends a sentence (the article's text beside
    it), no more than :data:`_RATING_LEVELS` levels up. The box and what is in it lose their
    class and id (the furniture's names trafilatura reads), and the rating's element is
    made a ``<p>``."""
    found: list[tuple[Any, str]] = []
    for e in tree.iter(*_RATING_TAGS):
        if len(e) > _RATING_CHILDREN or (
            len(e.text or "") > _RATING_CHARS and len(" ".join(e.text.split())) > _RATING_CHARS
        ):
            continue  # (more elements or text of its own than a rating's: no text built)
        # (split no further than a rating's words: a page's containers hold its whole text,
        # split in full per element took half the time of the page's parse)
        words = e.text_content().split(None, _RATING_WORDS)
        if len(words) > _RATING_WORDS:
            continue
        said = " ".join(words)
        if not said or len(said) > _RATING_CHARS or not _RATING_CHAR.search(said):
            continue
        if (
            _RATING.fullmatch(said)
            and not _off_scale(said)
            and not _READERS.search(said)
            and (_BARE_RATING.fullmatch(said) is None or _named_rating(e))
        ):
            if any(a is e for a, _ in found) or any(
                a in e.iterancestors() or e in a.iterancestors() for a, _ in found
            ):
                continue  # (a rating's own parts, or the box around it: counted once)
            found.append((e, said))
            if len(found) > _MAX_RATINGS:
                return []
    out: list[str] = []
    for e, said in found:
        box = e
        for _ in range(_RATING_LEVELS):
            if _beside_prose(box):
                break
            up = box.getparent()
            if up is None or " ".join(up.text_content().split()) != said:
                box = None
                break
            box = up
        else:
            box = None
        if box is None or not _beside_prose(box):
            continue
        for x in (box, *box.iterdescendants()):
            if isinstance(x.tag, str):
                x.attrib.pop("class", None)
                x.attrib.pop("id", None)
        if e.tag != "p" and not any(c.tag in ("p", "div") for c in e.iterdescendants()):
            e.tag = "p"
        out.append(said)
    return out


def _beside_prose(e: Any) -> bool:
    """Whether the element next to ``e`` or before it (elements only) is a paragraph that
    ends a sentence, or holds one as its first or last paragraph."""
    for side in (e.itersiblings(), e.itersiblings(preceding=True)):
        near = next((x for x in side if isinstance(x.tag, str)), None)
        if near is None:
            continue
        paras = [near] if near.tag == "p" else list(near.iter("p"))
        if paras and any(_prose(" ".join(p.text_content().split())) for p in (paras[0], paras[-1])):
            return True
    return False


#: the reason of a line kept by :func:`posts_and_comments`
POST_REASON = "post of the thread, or its poster and time"

#: the fewest posts of a thread (one post and its poster is a byline over an article)
_MIN_POSTS = 2
#: the fewest time-stamped posts of a live blog (here and in the metadata stage's
#: ``live_start``)
LIVE_POSTS = 3
#: the most words and characters of a poster's name line ("dave_k", "Sabine R.")
_POSTER_WORDS = 3
_POSTER_CHARS = 32
#: the clause and sentence marks of Chinese and Japanese, which no name holds
_CJK_CLAUSE_MARKS = ("。", "，", "！", "？", "；", "：")
#: the most words of a post's time line ("Posted 12 January 2025 - 08:14", "vor 2 Stunden")
_TIME_WORDS = 8
#: the most words of a post's button line between its text and the next post ("Reply",
#: "Quote", "12 Gefällt mir", "Antworten"), and the most such lines there
#: (5: the value the threads' rules have run with since session 45, when a product grid's
#: constant of the same name, defined later in this module, overrode this one's 4; s48)
_BUTTON_WORDS = 5
_MAX_BUTTONS = 4
#: the month names of a post's time: the line model's (``lines._MONTHS``), their short
#: forms in French and German, and the Dutch names the model's list lacks (a Dutch forum's
#: "2 augustus 2025" was no post's time; s48 kinds set. Here, not in the model's list: its
#: features, and the cached lexicon, stay as they are)
_MONTH_WORDS = "|".join(
    sorted(
        map(
            re.escape,
            _MONTHS
            | {"févr", "okt", "dez", "déc"}
            | {"januari", "februari", "maart", "mei", "augustus"},
        ),
        key=len,
        reverse=True,
    )
)
# a post's time: a date with its month's name or in digits, a clock time, or a time ago
# ("vor 2 Stunden", "il y a 3 heures", "hace 2 horas", "5 min ago")
_POST_TIME = re.compile(
    # (Spanish and Portuguese put "de" between: "5 de abril de 2025")
    rf"\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTH_WORDS})\.?\b|\b(?:{_MONTH_WORDS})\.?\s+\d{{1,2}}\b"
    r"|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}[:h]\d\d\b"
    r"|\b\d{1,2}\.\d\d\s*(?:gmt|bst|utc|cet|cest|et|pt|am|pm|uhr)\b"
    # (a zone in capitals, "19.02 EST", "18.15 AEDT"; a wire's "1447 GMT": a live blog's
    # times in these were no times; s48 acc-live L4)
    r"|\b\d{1,2}\.\d\d\s*(?-i:[A-Z]{1,2}[SD]?T)\b|\b[0-2]\d[0-5]\d\s*(?:gmt|utc)\b"
    # (a unit's abbreviation with its point: Reddit's "4 hr. ago")
    r"|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|months?|years?)\.?\s+ago\b"
    r"|\b(?:vor|il y a|hace)\s+(?:\d+|einer?|une?|un[ao]?)\s+\w+",
    re.I,
)


@lru_cache(maxsize=4096)
def _has_time(line: str) -> bool:
    """Whether ``line`` holds a post's time (:data:`_POST_TIME`). Cached: a thread's and a
    live blog's tests ask it of a line as a poster, as the time under one and as a post's
    time (:func:`_poster`, :func:`_head`, :func:`_stamp`): once a line."""
    return _POST_TIME.search(line) is not None


# an article's byline ("By Jane Doe") or a date's label ("Updated"), over its date: no
# poster (an article's "Updated" / "March 21, 2020" between two paragraphs made it a thread)
_NO_POSTER = re.compile(
    r"(?:by|von|par|por|door|updated|last updated|aktualisiert|mis à jour|actualizado|"
    r"published|posted|veröffentlicht|publié|publicado)\b",
    re.I,
)


def _poster(line: str) -> bool:
    """Whether ``line`` can be a post's poster: a name or a handle of a few words, no
    question or exclamation, no time, no byline or date label."""
    return (
        0 < len(line) <= _POSTER_CHARS
        and len(line.split()) <= _POSTER_WORDS
        and not line.endswith(("?", "!", ":"))
        # (nor a sentence of a script without spaces, one "word" short enough: "暴雨仍在持续，
        # 气象部门将预警级别提升为红色。" under a live blog's time read as a post's poster, and
        # the thread's rules emptied the page; s48 regress R1)
        and not any(map(line.__contains__, _CJK_CLAUSE_MARKS))
        and not _NO_POSTER.match(line)
        and not _has_time(line)
    )


# a poster's member figures after the name, a browser's copy of a post's profile box
# ("helen_fletch70Posts: 2940", "stefan80Beiträge: 3203 · Registriert seit 5. Februar 2022",
# "Dave K. Posts: 12 | Joined: Mar 2019"): a capitalised label, glued to the name or a
# word of its own, its count, and other figures after a dot or a bar
_FIGURES = re.compile(
    r"(?<=[^\W_]|[\s_])(?P<label>[^\W\d_][^\W\d_A-Z]+):\s?\d[\d.,]*\s*(?:[·•|]\s*\S.*)?$"
)
#: the most words of a poster's line with its figures
_FIGURES_WORDS = 12
#: the most characters of a poster's line with its figures: a name, a few labels and their
#: counts. Tested before the pattern, whose label backtracks over a long run of letters
#: (a 10,000-character line took 8 s; s49 acc-read F3)
_FIGURES_CHARS = 3 * _POSTER_CHARS + 60


def _figured_name(line: str) -> str | None:
    """The poster's name of ``line`` when it is a name followed by the member figures of a
    forum's profile box (:data:`_FIGURES`): the name (:func:`_poster`) before a label and
    its count; else None. The figures may hold the member's join date, which is no post's
    time: the line was no poster, and a thread whose replies carry such a box was not read
    (s48 kinds set: 17 of 24 forum pages)."""
    if len(line) > _FIGURES_CHARS or len(line.split()) > _FIGURES_WORDS:
        # (a long line is no poster's: the figures' pattern is slow on one; s49 acc-read F3)
        return None
    if (m := _FIGURES.search(line)) is None:
        return _spaced_figures_name(line)
    name = line[: m.start()].strip()
    if m.group("label")[0].isupper() and name and name[0].isalpha() and _poster(name):
        return name
    return None


#: a poster's count of posts written without a label's colon, in a board's profile line
#: ("jdoe Member 1,234 posts Joined 2019 12 likes", "garage_mike Junior Member 42 posts
#: Join Date: Feb 2024"; vBulletin's, XenForo's forms)
_POSTS_COUNT = re.compile(
    r"\s\d[\d.,]*k?\s+(?i:posts?|beiträge|messages?|mensajes?|messaggi|berichten|bijdragen)\b"
)
#: the words of a member's rank between the name and the count ("Junior Member",
#: "Senior Member", "Moderator", "Neues Mitglied", "Membre actif")
_RANK_WORD = re.compile(
    r"(?i:junior|senior|new|neues|nouveau|nuevo|nuovo|nieuw|active|aktives|actif|activo|"
    r"registered|regular|veteran|elite|well-known|member|mitglied|membre|miembro|membro|lid|"
    r"moderator|modérateur|moderador|moderatore|administrator|administrateur|administrador|"
    r"amministratore|admin|user|benutzer|utilisateur|usuario|utente|gebruiker)"
)


def _spaced_figures_name(line: str) -> str | None:
    """The poster's name of ``line`` when it is a name, a member's rank
    (:data:`_RANK_WORD`s) and a count of posts without a label's colon, other figures
    after it (:data:`_POSTS_COUNT`: "jdoe Member 1,234 posts Joined 2019 12 likes" ->
    "jdoe"); else None. Such a line was kept whole as a post's byline (s49 forum49)."""
    if (m := _POSTS_COUNT.search(line)) is None:
        return None
    words = line[: m.start()].split()
    k = len(words)
    while k > 1 and _RANK_WORD.fullmatch(words[k - 1]):
        k -= 1
    name = " ".join(words[:k])
    # (a name of more words before a rank only: "We counted 12 posts" is a sentence's)
    if k > 1 and k == len(words):
        return None
    return name if name and name[0].isalpha() and _poster(name) else None


def _figured_poster(line: str) -> bool:
    """Whether ``line`` is a poster's name with its profile box's figures
    (:func:`_figured_name`)."""
    return _figured_name(line) is not None


def poster_name(line: str) -> str:
    """The name of a post's poster line: the line, or the name before its figures
    (:func:`_figured_name`: "helen_fletch70" of "helen_fletch70Posts: 2940"), which the
    metadata stage takes for a thread's author."""
    return _figured_name(line) or line


def head_poster(line: str) -> str:
    """The poster's name of a post's head line, as the thread's annotation lists it (the
    metadata stage takes the first for the thread's author): the name of a one-line head
    ("u/kitchen_guy" of "u/kitchen_guy · 5 hr. ago", :func:`_one_line_head`), else
    :func:`poster_name`. (The head line stays whole in the text: its time is the post's.
    The whole line was the author; s49 finalrev_A.)"""
    if _one_line_head(line) and (m := _ONE_LINE_HEAD.fullmatch(line)) is not None:
        line = m.group("name").strip()  # (its figures may stand before the time)
    return poster_name(line)


def _head(lines: Sequence[str], i: int, furniture: Sequence[bool]) -> bool:
    """Whether lines ``i`` and ``i + 1`` are a post's poster (a name, or a name with its
    member figures) and its time."""
    t = lines[i + 1]
    return (
        not furniture[i]
        and t.count(" ") < _TIME_WORDS
        and _has_time(t)
        and (_poster(lines[i]) or _figured_poster(lines[i]))
        # (the time is no poster's figures with a join date: "Reply" over "helen302Posts:
        # 3491 · Joined 10 May 2020" is a button over the next post)
        and not _figured_poster(t)
    )


#: a post's head on one line: the poster's name, a dot or a bar, the post's time ("ana_hw ·
#: hace 3 días", "fixit_fran · 4 hr. ago", Reddit's and YouTube's and comment boxes' form)
#: phpBB's, under each post's title: "von Klaus W. » Mo 12. Feb 2024, 22:03", "by jdoe »
#: Mon Feb 12, 2024 9:14 pm" (its "by", "von", "par" word before the name)
_ONE_LINE_HEAD = re.compile(
    r"(?:(?i:by|von|par|por|door|di|da)\s+(?=\S.*?\s»\s))?"
    r"(?P<name>[^\s·•|»][^·•|»]*?)\s+[·•|»]\s+(?P<time>[^\s·•|»][^·•|»]*)"
)


def _one_line_head(line: str) -> bool:
    """Whether ``line`` is a post's poster and its time on one line (:data:`_ONE_LINE_HEAD`):
    a name (:func:`_poster`) and a date or a time with a label's words at most
    (:func:`_time_alone`). Such a thread was no thread (its posters over their times were
    looked for on two lines), and its last comments were lost (s48 forum48's fixtures)."""
    if not any(map(line.__contains__, ("·", "•", "|", "»"))):
        return False
    m = _ONE_LINE_HEAD.fullmatch(line)
    return (
        m is not None
        and _poster(m.group("name"))
        and m.group("time").count(" ") < _TIME_WORDS
        and _has_time(m.group("time"))
        and _time_alone(m.group("time"))
    )


def _head_size(
    lines: Sequence[str], i: int, furniture: Sequence[bool], text: Sequence[bool]
) -> int:
    """The lines of a post's head at line ``i`` over its text (``text``: whether each line
    reads as a post's text, :func:`_post_texts`): 2 for a poster over its time
    (:func:`_head`), 1 for both on one line (:func:`_one_line_head`), 0 when there is
    none."""
    n = len(lines)
    if i + 1 < n and text[i + 1] and not furniture[i] and _one_line_head(lines[i]):
        return 1
    # (a line over a one-line head is no poster over its time: "Reply Share" over
    # "green_tom · 2 days ago")
    if (
        i + 2 < n
        and text[i + 2]
        and _head(lines, i, furniture)
        and not _one_line_head(lines[i + 1])
    ):
        return 2
    return 0


#: the most lines between an opening post's one-line head and its text (:func:`_op_head`)
_OP_LINES = 2


def _op_head(lines: Sequence[str], i: int, furniture: Sequence[bool], text: Sequence[bool]) -> int:
    """The lines between a thread's opening post's one-line head on line ``i`` and its text
    (``text``: :func:`_post_texts`) when they are its poster alone and its title, a question
    (:func:`_poster`, :func:`_thread_title`: Reddit's "r/informatica · hace 3 días" /
    "u/portatil_viejo" / "¿Merece la pena …?" over the post); else 0. The opening post's
    text read as prose before the first reply's head, and the page was no thread (s49
    forum49's reddit_es: its last comment lost, in HTML all of them)."""
    if furniture[i] or not _one_line_head(lines[i]):
        return 0
    for k in range(1, _OP_LINES + 1):
        j = i + k
        if j + 1 >= len(text) or not (_poster(lines[j]) or _thread_title(lines[j])):
            return 0
        if text[j + 1] and not text[j]:
            return k
    return 0


def _time_over_poster(lines: Sequence[str], i: int, furniture: Sequence[bool]) -> bool:
    """Whether lines ``i`` and ``i + 1`` are a post's head written time first: a time alone
    (with the post's number, "03-14-2025, 09:12 PM #1") over a poster with the figures of
    a profile box ("garage_mike Junior Member 42 posts Join Date: Feb 2024",
    :func:`_figured_poster`), vBulletin's order. The thread rules read a poster over its
    time only, and such a thread's last post was lost (s49 forum49). A bare name under a
    time is not read so: an article's dateline over its author's name."""
    t = lines[i]
    return (
        not furniture[i + 1]
        and t.count(" ") < _TIME_WORDS
        and _has_time(t)
        and _time_alone(t)
        and not _figured_poster(t)
        and _figured_poster(lines[i + 1])
        and not _one_line_head(lines[i + 1])
    )


def _post_texts(lines: Sequence[str], stop: int) -> list[bool]:
    """Whether each of the first ``stop`` lines of ``lines`` reads as a post's text: it
    ends a sentence, or it ends one and then holds the post's buttons glued on
    (:func:`_glued_text`; the buttons a line of the page, anywhere)."""
    text = [s.endswith(SENTENCE_END) for s in lines[:stop]]
    # (the lines with a sentence's end inside: the few a glued bar may end)
    inside = [j for j, (s, t) in enumerate(zip(lines, text, strict=False))
              if not t and (". " in s or "? " in s or "! " in s or "… " in s)]  # fmt: skip
    if inside:
        shown = frozenset(lines)
        for j in inside:
            text[j] = _glued_text(lines[j], shown) is not None
    return text


def _prose(line: str) -> bool:
    """Whether ``line`` ends as a sentence does (:data:`SENTENCE_END`): prose, a post's
    text, not a poster's name, a time, a button or a headline."""
    return line.endswith(SENTENCE_END)


def _buttons(line: str) -> bool:
    """Whether ``line`` may be a post's buttons between its text and the next post: no
    sentence, at most :data:`_BUTTON_WORDS` words of letters; the counts and the vote
    arrows between them are none ("▲ 132 ▼ 57 comments Share", "12 Gefällt mir": a vote
    widget's line was too long, and the run of posts ended at its first post)."""
    return not _prose(line) and sum(any(c.isalpha() for c in w) for w in line.split()) <= (
        _BUTTON_WORDS
    )


#: the most words of letters a post's time line holds besides its date and time ("Posted",
#: a weekday, "Uhr")
_TIME_LABEL_WORDS = 3


def _time_alone(line: str) -> bool:
    """Whether ``line`` is a date or a time with at most a label's words: a news ticker's
    "12:14 Le PSG risque la catastrophe" is a teaser, and its times were kept as a live
    blog's (s37 integration, sports.fr)."""
    rest = _POST_TIME.sub(" ", line).split()
    return sum(any(c.isalpha() for c in w) for w in rest) <= _TIME_LABEL_WORDS


#: the words of a comment section's heading and of its posts' buttons ("Comments", "48
#: Kommentare", "Leave a reply", "Reply", "3 likes", "12 Gefällt mir"): the line model's
#: comment words without the verbs of a quotation ("said")
_COMMENT_VOICE = _COMMENT_WORDS - {"said", "says", "schrieb"}
_COMMENT_MARKS = _COMMENT_VOICE | {
    "like", "likes", "gefällt", "j'aime", "upvote", "upvotes", "antwort", "répondre",
    "responder", "rispondi", "reageer", "odpowiedz", "ответить",
    # "Reactions" in the other languages (s42 acc-regress D9; boxes too: see _THREAD_MARKS)
    "reaktionen", "reacties", "réactions", "reacciones", "reazioni",
}  # fmt: skip
#: an embedded social post's action bar ("Reply Retweet Like", "Reply Repost Like"): a
#: live blog's quoted tweet under its post, whose buttons are no reader's comment's (s39
#: acc-read F13)
_EMBED_BAR = frozenset(("retweet", "retweets", "repost", "reposts", "retweeten"))
#: the most words of letters of such a line; the non-blank lines above a run of posts'
#: times where a comment section's heading is looked for, and below its last time
_MARK_WORDS = 3
_COMMENTS_ABOVE = 3
_COMMENTS_BELOW = 4


#: the punctuation around a comment mark's words ("Comments:", "(12)")
_MARK_PUNCT = ".,:;!?()[]"


def _comment_mark(line: str) -> bool:
    """Whether ``line`` is a comment section's heading or a post's button: a few words,
    the first or the last a comment word (:data:`_COMMENT_MARKS`), no sentence, and not an
    embedded post's bar (:data:`_EMBED_BAR`)."""
    words = [w.strip(_MARK_PUNCT).casefold() for w in line.split()]
    words = [w for w in words if w and not w.isdigit()]
    return (
        0 < len(words) <= _MARK_WORDS
        # (a bracket ends a sentence when one ends inside it: "Reactions (4)" counts its
        # posts; s42 acc-regress D9)
        and not _prose(line.rstrip(")"))
        and (words[0] in _COMMENT_MARKS or words[-1] in _COMMENT_MARKS)
        and _EMBED_BAR.isdisjoint(words)
    )


#: the fewest words of a paragraph of the article's text
_PARAGRAPH_WORDS = 8


def _paragraph(line: str) -> bool:
    return _prose(line) and line.count(" ") >= _PARAGRAPH_WORDS - 1


def comment_stamps(lines: Sequence[str], stamps: Sequence[int]) -> list[int]:
    """Those of the time stamps on lines ``stamps`` (positions in ``lines``, in order) that
    head readers' comments, not a live blog's posts or the article's dateline: below a
    paragraph of the page's text, the stamps from the first with a comments' heading among
    the few lines above it ("Comments", "48 Kommentare"), or from the first of two or more
    with a reply or like button among the few lines under it ("Reply", "3 likes"), to the
    last; two at least. A live blog's posts sit in the
    article's text; an article's comment thread, each comment a time over its text too,
    was read as one, and the article dated by its first comment (the metadata stage's
    ``live_start``)."""
    if not stamps:
        return []
    nonblank = [i for i, s in enumerate(lines) if s.strip()]
    at = [bisect_left(nonblank, i) for i in stamps]
    start = len(stamps)
    # (comments under the article's text: a paragraph above them. Over the text, "Kommentar"
    # is an opinion piece's rubric, and a forum thread's first post is the page's own)
    text = next((k for k, i in enumerate(nonblank) if _paragraph(lines[i])), len(nonblank))
    for k, a in enumerate(at):
        above = range(max(0, a - _COMMENTS_ABOVE), a)
        if any(text < m and _comment_mark(lines[nonblank[m]]) for m in above):
            start = k
            break
    ends = [*at[1:], len(nonblank)]
    marked = [
        k
        for k, (a, e) in enumerate(zip(at, ends, strict=True))
        if text < a
        and any(_comment_mark(lines[i]) for i in nonblank[a + 1 : min(e, a + _COMMENTS_BELOW + 1)])
    ]
    if len(marked) >= _MIN_POSTS:
        start = min(start, marked[0])
    return list(stamps[start:]) if len(stamps) - start >= _MIN_POSTS else []


#: the fewest posts of a live blog none of whose times the line model kept (a run of
#: times over paragraphs, in the order of a clock: :func:`_live_run`)
_LIVE_RUN_POSTS = 4
#: the most lines between a live post's time and the next one's: its paragraphs and a few
#: buttons ("Share", "Advertisement")
_POST_LINES = 12
#: a clock time in a post's time ("14:32", "21.40 Uhr", "7 Dec 2024 14.48 GMT", "9h05")
_CLOCK = re.compile(rf"(?<![\d.:]){CLOCK}(?![\d.:])")


#: a clock time of other forms: a Japanese one, its afternoon's mark before it ("19時30分",
#: "午後7時30分"), or a wire's four digits and a zone ("1447 GMT")
_OTHER_CLOCK = re.compile(
    r"(午前|午後)?(?<!\d)(\d{1,2})時(\d{1,2})分|(?<![\d.:])([01]\d|2[0-3])([0-5]\d)\s*(?:gmt|utc)\b",
    re.I,
)
#: a.m. or p.m. right after a clock time ("9:05 p.m.", "2:32 pm", "11:40AM")
_MERIDIEM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.I)


def _clock(line: str) -> int | None:
    """The minutes since midnight of the clock time in ``line``, if it has one; with its
    a.m. or p.m. (a US live blog's "9:05 p.m." over "11:40 a.m." was out of order, read as
    9:05 and 11:40; s45 read F4)."""
    m = _CLOCK.search(line)
    if m is None:
        # (a wire's "1447 GMT", a Japanese "午後7時30分"; s48 acc-live L4)
        if (m := _OTHER_CLOCK.search(line)) is None:
            return None
        hour, minute = int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5))
        if m.group(1) == "午後" and hour < 12:
            hour += 12
        return hour * 60 + minute if hour < 24 and minute < 60 else None
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour <= 12 and (half := _MERIDIEM.match(line, m.end())) is not None:
        hour = hour % 12 + (12 if half.group(1) in "pP" else 0)
    return hour * 60 + minute


#: a match minute alone on a line, a minute-by-minute report's entry time: "89 min", "83'",
#: "90+3'", "90'+3" (the added time after the "+")
_MINUTE_ALONE = re.compile(
    r"\s*(\d{1,3})\s?(?:['′’]\s?\+\s?(\d{1,2})|\+\s?(\d{1,2})\s?['′’]|['′’]|min\.?)\s*$"
)
#: the most characters of such a line
_MINUTE_CHARS = 9


def _minute(line: str) -> int | None:
    """The match minute of ``line`` when it is one alone (:data:`_MINUTE_ALONE`), the added
    time counted on: a sports live blog's entries are stamped so, no clock time (s48
    acc-live L5)."""
    if len(line) > _MINUTE_CHARS or (m := _MINUTE_ALONE.match(line)) is None:
        return None
    return int(m.group(1)) + int(m.group(2) or m.group(3) or 0)


def _clock_order(minutes: Sequence[int], said: Sequence[str] | None = None) -> bool:
    """Whether ``minutes`` run in one direction, newest first or oldest first, within a day
    that may pass midnight once (a results night's "00:12" over "22:40"). Two posts in one
    minute are in order when their times are written the same (``said``, the times as
    written; any two without it): a busy blog's "14:32" over "14:32" was taken as
    midnight's drop, and failed it (s45 read F5). An events list's "za 5 april 2025, 11:30"
    over "za 19 april 2025, 11:30" stays a drop: other days (s45 kinds set)."""
    if len(set(minutes)) < 2:
        return False
    texts = list(said) if said is not None else [""] * len(minutes)
    for seq, txt in ((list(minutes), texts), (list(reversed(minutes)), texts[::-1])):
        # (oldest first: rising)
        tie = [t == u for t, u in pairwise(txt)]
        drops = [
            k
            for k, ((a, b), same) in enumerate(zip(pairwise(seq), tie, strict=True))
            if b < a or (b == a and not same)
        ]
        if len(drops) > 1:
            continue
        if drops:  # (the times after midnight, the next day's)
            k = drops[0] + 1
            seq = seq[:k] + [m + _DAY for m in seq[k:]]
        if (
            all(a < b or (a == b and same) for (a, b), same in zip(pairwise(seq), tie, strict=True))
            and seq[-1] - seq[0] < _DAY
        ):
            return True
    return False


#: the minutes of a day
_DAY = 24 * 60


def _live_run(
    lines: Sequence[str],
    keep: Sequence[bool],
    stamps: Sequence[int],
    furniture: Sequence[bool],
    clock: Callable[[str], int | None] | None = None,
) -> tuple[list[int], list[int]]:
    """The longest run of ``stamps`` (lines of a time alone, each over a paragraph) that
    reads as a live blog's posts, and the paragraphs of its posts: each time over its
    post's paragraphs, then a few short lines (buttons) at most before the next time
    (:data:`_POST_LINES`), the clock times in order (:func:`_clock_order`), and the model
    kept the first paragraph of :data:`LIVE_POSTS` posts or more, half of them at least.
    ``([], [])`` when there is none. The last post's paragraphs are no more lines than the
    longest other post's, up to a line of ``furniture``: they ran on into the page's footer
    ("Share this article …", "Copyright …", kept with the posts; s45 read F3). ``clock``:
    the minutes of a stamp (:func:`_clock`, or a match's minute: :func:`_minute`)."""
    clock = clock or _clock
    best: tuple[list[int], list[int]] = ([], [])
    runs: list[list[int]] = []
    for i in stamps:
        if runs and _post_lines(lines, runs[-1][-1], i):
            runs[-1].append(i)
        else:
            runs.append([i])
    # (a page's dateline over its lead, "Stand: 01.09.2024 21:48 Uhr", joins the run as its
    # first stamp at the newest post's minute, read as a drop of the clock: the whole blog
    # failed the order test (s48 acc-live L2). A run is tried without its head too)
    for run in runs + [r[1:] for r in runs if len(r) > LIVE_POSTS]:
        minutes = [m for i in run if (m := clock(lines[i])) is not None]
        if (
            len(run) < LIVE_POSTS
            or len(minutes) < len(run)
            or not _clock_order(minutes, [lines[i] for i in run])
        ):
            continue
        # (a post's sentence inside the run may read as furniture: "… walking Vincent and Jas
        # home." of a wiki's schedule; the next time bounds it. The last post's, not bounded
        # so, stops at the page's furniture)
        paras = [_post_paragraphs(lines, i) for i in run[:-1]]
        last = _post_paragraphs(lines, run[-1], furniture)
        paras.append(_last_paragraphs(lines, keep, last[: max([1, *map(len, paras)])]))
        kept = sum(bool(p) and keep[p[0]] for p in paras)
        if kept >= LIVE_POSTS and 2 * kept >= len(run) and len(run) > len(best[0]):
            best = (run, [j for p in paras for j in p])
    return best


#: the fewest words of a line the model removed that the last post's paragraphs go on to
#: after its first: a shorter one is the page's, under the blog
_LAST_LINE_WORDS = 8


def _last_paragraphs(lines: Sequence[str], keep: Sequence[bool], last: list[int]) -> list[int]:
    """The lines ``last`` of the last post's paragraphs, up to (not with) a short line the
    model removed after its first paragraph: the page's own sentence under the blog, "Our
    Standards: The Thomson Reuters Trust Principles.", which runs on from the last post
    with no line between (s48 acc-live L13)."""
    for n, j in enumerate(last):
        if n and not keep[j] and len(lines[j].split()) < _LAST_LINE_WORDS:
            return last[:n]
    return last


#: the most lines of a paragraph a wrapped text's reflow left apart (a short lynx dump:
#: too few forced breaks to be found wrapped), and the fewest words of each line but its last
_PIECES = 4
_PIECE_WORDS = 4


def _paragraph_end(lines: Sequence[str], j: int) -> int | None:
    """The line after the paragraph that starts at line ``j``: one line that ends a
    sentence, or a few lines of words whose last ends one (:data:`_PIECES`); None when
    there is none. A post's time is no piece of it ("7 Dec 2024 14.48 GMT" has a piece's
    spaces: a post's paragraphs ran on through every later post, quadratic in a live blog's
    posts; s45 read F2)."""
    for k in range(j, min(len(lines), j + _PIECES)):
        s = lines[k]
        if _prose(s):
            return None if _stamp(s) else k + 1
        # (the time's test last: it searches the line, and a short line ends it anyway)
        if s.count(" ") < _PIECE_WORDS - 1 or _stamp(s):
            return None
    return None


def _post_paragraphs(
    lines: Sequence[str], i: int, furniture: Sequence[bool] | None = None
) -> list[int]:
    """The lines of the paragraphs (:func:`_paragraph_end`) right under a live post's time
    ``i``, up to a line of ``furniture``."""
    out: list[int] = []
    j = i + 1
    while j < len(lines):
        if not lines[j]:
            j += 1
            continue
        if furniture is not None and furniture[j]:
            break
        end = _paragraph_end(lines, j)
        if end is None:
            break
        out.extend(range(j, end))
        j = end
    return out


def _post_lines(lines: Sequence[str], i: int, nxt: int) -> bool:
    """Whether the lines from time ``i`` to the next post's time ``nxt`` read as one post
    (paragraphs, then a few short lines)."""
    if nxt - i > _POST_LINES:
        return False
    j = max(_post_paragraphs(lines, i), default=i) + 1
    buttons = [k for k in range(j, nxt) if lines[k]]
    # (an inline link to another story, "Lire aussi : Législatives 2024 : les résultats dans
    # votre commune", is an entry's button whatever its length: it split a run of entries,
    # and a head of two was no live blog's; s48 acc-live L14)
    return len(buttons) <= _MAX_BUTTONS and all(
        len(lines[k].split()) <= _BUTTON_WORDS or _READ_ALSO_LINE.match(lines[k]) is not None
        for k in buttons
    )


#: a line's end at an a.m. or p.m. ("9:05 p.m."): a time's, not a sentence's
_MERIDIEM_END = re.compile(r"\b[ap]\.m\.$", re.I)


@lru_cache(maxsize=4096)
def _stamp(line: str) -> bool:
    """Whether ``line`` is a post's time alone (a date or a time, a label's words at most):
    no sentence, though "9:05 p.m." ends with a point (s45 read F4). Cached: :func:`post_times`
    asks it of a line as a time and again as each piece of the paragraph under the lines
    above it (:func:`_paragraph_end`), ~2.5 searches a line."""
    return (
        line.count(" ") < _TIME_WORDS
        and (not _prose(line) or _MERIDIEM_END.search(line) is not None)
        and _has_time(line)
        and _time_alone(line)
    )


def post_times(lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]) -> list[int]:
    """The removed lines (positions in ``lines``, stripped, as for
    :func:`article_structures`) that are the times of a live blog's posts (or of dated
    entries), or its posts' paragraphs: three or more lines of a date or a time alone
    ("21:40 Uhr", "7 Dec 2024 14.48 GMT", "il y a 3 heures") each right over a kept line
    of text, one of them kept by the line model. The model kept some posts' times and
    removed others (s36 acc-types #12: live_de lost "21:40 Uhr" and kept the three others),
    and a post without its time reads as the one before it; a date over a paragraph once
    is a dateline, not a post's, and the times of readers' comments
    (:func:`comment_stamps`) are no live blog's. The model removed every time of a live
    blog in four languages too, and the oldest posts at its end ("Good morning and welcome
    to our live coverage", read as the article's end running into furniture; s44
    acc-genres G1, G3): a run of posts in the order of a clock (:func:`_live_run`) is kept
    whole, its times and paragraphs, without a kept time."""
    # (the time's search before the paragraph under it: most short lines hold no time, and
    # _has_time's search, cached, is a share of _paragraph_end's tests of the lines under
    # them: half the cost, ~40 µs a corpus document; s47)
    stamps = [
        i
        for i in range(len(lines) - 1)
        if not furniture[i]
        and lines[i].count(" ") < _TIME_WORDS
        and _has_time(lines[i])
        and _paragraph_end(lines, i + 1) is not None
        and _stamp(lines[i])
    ]
    if comments := comment_stamps(lines, stamps):
        stamps = stamps[: len(stamps) - len(comments)]
    found: set[int] = set()
    # (as before: a time right over a kept sentence)
    over_kept = [i for i in stamps if keep[i + 1] and _prose(lines[i + 1])]
    if len(over_kept) >= LIVE_POSTS and any(keep[i] for i in over_kept):
        found.update(over_kept)
    run, paras = _live_run(lines, keep, stamps, furniture)
    if len(run) >= _LIVE_RUN_POSTS or any(keep[i] for i in run):
        found.update(run)
        found.update(paras)
    # (a minute-by-minute report's entries, "89 min", "90+3'": the same run with the match's
    # minutes for a clock; s48 acc-live L5. Read only on short lines with a minute's mark)
    minutes = [
        i
        for i in range(len(lines) - 1)
        if 0 < len(lines[i]) <= _MINUTE_CHARS
        and ("'" in lines[i] or "min" in lines[i] or "′" in lines[i] or "’" in lines[i])
        and not furniture[i]
        and _minute(lines[i]) is not None
        and _paragraph_end(lines, i + 1) is not None
    ]
    if len(minutes) >= LIVE_POSTS:
        run, paras = _live_run(lines, keep, minutes, furniture, _minute)
        if len(run) >= _LIVE_RUN_POSTS or any(keep[i] for i in run):
            found.update(run)
            found.update(paras)
            # (its newest entry stamped with a word: "Full time"; s49 live49)
            found.update(_head_entry(lines, keep, furniture, run[0]))
    found.update(_counted_entries(lines, keep, furniture))
    return sorted(i for i in found if not keep[i])


#: an entry's stamp of a count, no clock's: a stage's kilometre, a lap, a round ("Km 185",
#: "Lap 52", "R12"), or a cricket over's balls ("19.6"); a bare integer is no such stamp
#: (a printed page's number, a list's)
_COUNT_STAMP = re.compile(r"([^\W\d_]{1,4})\.?\s?(\d{1,3})|(\d{1,2})\.(\d)")
#: the most characters of such a line
_COUNT_CHARS = 8
#: the most words of an entry's label with no count, at a run's head ("Full time",
#: "Arrivée", "Kick-off"), and of the headline under it
_ENTRY_LABEL_WORDS = 2
_ENTRY_HEAD_MAX = 12


def _count_stamp(line: str) -> tuple[str, int] | None:
    """The kind ("km", "#.#") and the value of a count's stamp alone on ``line``
    (:data:`_COUNT_STAMP`), or None."""
    if len(line) > _COUNT_CHARS or (m := _COUNT_STAMP.fullmatch(line)) is None:
        return None
    if m.group(1):
        return m.group(1).lower(), int(m.group(2))
    return "#.#", int(m.group(3)) * 10 + int(m.group(4))


def _counted_entries(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]
) -> set[int]:
    """The lines of a live report's entries stamped by a count of one kind, not a clock
    ("Km 185" / "Km 150" / "Km 60" over a stage's entries, "19.6" / "19.1" / "16.1" over a
    cricket match's): the same run as a clock's (:func:`_live_run`, the counts in order),
    one kind of stamp a run. And the run's newest entry over it, stamped with a word
    ("Full time", "Arrivée") over its headline and paragraph, right over the run's first
    stamp: the model removed both as short lines outside the text (s48 acc-live L5, L6)."""
    kinds: dict[str, list[int]] = {}
    for i in range(len(lines) - 1):
        if (
            not furniture[i]
            and (c := _count_stamp(lines[i])) is not None
            and _paragraph_end(lines, i + 1) is not None
        ):
            kinds.setdefault(c[0], []).append(i)
    found: set[int] = set()
    for stamps in kinds.values():
        if len(stamps) < LIVE_POSTS:
            continue
        run, paras = _live_run(
            lines, keep, stamps, furniture, lambda s: (c := _count_stamp(s)) and c[1]
        )
        if run:
            found.update(run)
            found.update(paras)
            found.update(_head_entry(lines, keep, furniture, run[0]))
    return found


def _head_entry(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool], first: int
) -> list[int]:
    """The label and headline of the entry right over a run's ``first`` stamp when it is
    stamped with a word, not a count ("Full time" / "Arsenal 2-1 Everton" / its kept
    paragraph / "89 min"): a label of at most :data:`_ENTRY_LABEL_WORDS` words with no figure, a
    headline of a few words with no sentence end, then kept paragraphs down to the stamp."""
    j = first - 1
    while j >= 0 and keep[j] and _prose(lines[j]) and not furniture[j]:
        j -= 1
    if j == first - 1 or j < 1:
        return []
    head, label = lines[j], lines[j - 1]
    if (
        furniture[j]
        or furniture[j - 1]
        or _prose(head)
        or not 0 < len(head.split()) <= _ENTRY_HEAD_MAX
        or not 0 < len(label.split()) <= _ENTRY_LABEL_WORDS
        or any(c.isdigit() for c in label)
        or not label[-1:].isalpha()
        or keep[j - 2 : j - 1] == [True]
    ):
        return []
    return [j - 1, j]


#: the most levels from a live post's ``<time>`` up to the element that holds its paragraph
_ENTRY_LEVELS = 2
#: the elements of a live entry's headline, its text when it has no paragraph, and the
#: fewest words of one
_ENTRY_HEADS = ("h3", "h2", "h4")
_ENTRY_HEAD_WORDS = 3


def live_post_times(tree: Any) -> list[str]:
    """Write the times of a live blog's posts in an HTML page as paragraphs of its text;
    return them. trafilatura drops a ``<time>`` element, and a live blog's posts
    (``<div class="entry"><time>14:32</time><p>…</p></div>``) were extracted without
    their times in four languages (s44 acc-genres G1): an undated list of paragraphs in
    reverse order. A live blog is :data:`LIVE_POSTS` posts or more side by side (their
    elements children of one element), each a ``<time>`` of a time alone
    (:func:`_time_alone`) with a clock time and a paragraph after it that ends a sentence,
    the clock times in order (:func:`_clock_order`); each time is written as a ``<p>`` of
    its own where the time stands, over the post's headline (:func:`_stamp_place`; the
    ``<time>`` stays: the metadata stage reads its ``datetime``)."""
    times = list(tree.iter("time"))
    if len(times) < LIVE_POSTS:
        return []
    posts: dict[Any, list[tuple[Any, str, int, Any, bool]]] = {}
    for t in times:
        said = " ".join(t.text_content().split())
        minutes = _clock(said)
        if minutes is None and (minutes := _minute(said)) is not None:
            # (a match minute's entry, "89 min", "90+3'"; s48 acc-live L5)
            minutes = -_DAY + minutes
        if (
            minutes is None
            or said.count(" ") >= _TIME_WORDS
            # (a ``<time>``'s "19時30分" too, which in a text's line is a feed item's time as
            # well, "19時10分 羽田空港で…", one word to _time_alone; s48 acc-live L4)
            or (
                _POST_TIME.search(said) is None
                and _OTHER_CLOCK.search(said) is None
                and minutes >= 0
            )
            or not _time_alone(said)
        ):
            continue
        entry = t.getparent()
        for _ in range(_ENTRY_LEVELS):
            if entry is None:
                break
            para = next(
                (
                    p
                    for p in _held_or_after(t, entry, "p")
                    if _prose(" ".join(p.text_content().split()))
                ),
                None,
            )
            told = para is not None
            if para is None:
                # (a flash entry, its headline alone: "14:45" over "Powell: Fed needs greater
                # confidence before cutting rates"; s48 acc-live L4)
                para = next(
                    (
                        h
                        for tag in _ENTRY_HEADS
                        for h in _held_or_after(t, entry, tag)
                        if len(h.text_content().split()) >= _ENTRY_HEAD_WORDS
                    ),
                    None,
                )
            if para is not None:
                if para.getparent() is not None:
                    posts.setdefault(entry.getparent(), []).append(
                        (para, said, minutes, _stamp_place(t, entry, para), told)
                    )
                break
            entry = entry.getparent()
    # (a live blog's entries tell news, a paragraph one of them at least: a list of times
    # over headlines alone is a feed of other stories)
    run = max((r for r in posts.values() if any(x[4] for x in r)), key=len, default=[])
    if len(run) < LIVE_POSTS or len({id(x[0]) for x in run}) < len(run):
        return []
    if not _clock_order([x[2] for x in run], [x[1] for x in run]):
        return []
    for para, said, _, at, _ in run:
        if at is not None and at.tag == "time" and at.getparent().tag == "li":
            # (the <time> bare in a list's item, "<li><time>Fr 1. August 2025, 13:30</time>
            # <h3>Repair-Café</h3>…": the extraction keeps an item's text whole, the time's
            # too, and a copy beside it wrote the date twice; s49 acc-regress R12. Bare in
            # a <div> it is dropped and needs its copy)
            continue
        stamp = para.makeelement("p", {})
        stamp.text = said
        if at is not None:
            at.addnext(stamp)
        else:
            para.addprevious(stamp)
    return [x[1] for x in run]


def _stamp_place(t: Any, entry: Any, para: Any) -> Any:
    """The element after which a live post's time ``t`` is written: the top of its wrappers
    in the post's ``entry`` (where the ``<time>`` stands, over the post's headline), or None
    to write it right before the paragraph ``para`` when that wrapper holds the paragraph
    too. Written before the paragraph, the time stood under the post's headline, which read
    as the previous post's (s48 acc-live L3)."""
    top = t
    while (up := top.getparent()) is not None and up is not entry:
        top = up
    if up is not entry or any(e is para for e in top.iter()):
        return None
    return top


def _held_or_after(t: Any, root: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` elements under ``root`` (an ancestor of element ``t``) that hold ``t`` or
    come after it beside it, before the next element of ``t``'s tag, in document order:
    beside ``t`` or beside a wrapper that holds nothing else ("<div class=meta><time>"), so
    a time in an entry's header of its own finds the paragraph beside the header; a header
    that also holds a poster's name (a forum's post) is no live post's time. Walks forward
    from ``t`` only: a page of flat entries (``<time>``, ``<p>``, ``<time>`` …) took time
    cubic in its entries (s45 acc-read F1)."""
    top = t
    while (up := top.getparent()) is not None and up is not root:
        # (a wrapper of ``top`` alone: no other element, no text of its own; read in
        # constant time, not by the wrapper's whole text, which is the page's at the top)
        if len(up) != 1 or (up.text or "").strip() or (top.tail or "").strip():
            break
        top = up
    holds = []
    for a in t.iterancestors():
        if a.tag == tag:
            holds.append(a)
        if a is root:
            break
    yield from reversed(holds)  # (the outermost first, as in document order)
    # (up to the next element like ``t``, the next post's time: a page of times over lines
    # that are no prose walked to its end from each time, s45 midrev45 M5)
    e = t
    while e is not top.getparent() and e is not None:
        for sib in e.itersiblings():
            for d in sib.iter():
                if d.tag == t.tag:
                    return
                if d.tag == tag:
                    yield d
        e = e.getparent()


#: the reason of a line removed by :func:`posts_and_comments` (readers' comments)
COMMENTS_REASON = "readers' comments under the article"
#: the fewest paragraphs of an article's text over its readers' comments
#: (:func:`_article_over_comments`)
_ARTICLE_PARAS = 3


#: the most words of a thread's question over its first post, and the most lines between
_TITLE_WORDS = 20
_TITLE_REACH = 6
#: the most such lines (the question, and a trail whose last item it is)
_TITLE_LINES = 2


def _text_before(lines: Sequence[str], keep: Sequence[bool], first: int, i: int) -> bool:
    """Whether kept prose lies between the page's first kept line ``first`` and a first
    post's poster on line ``i``: an article's text, over readers' comments. A thread's
    question is not, nor the trail over it (at most :data:`_TITLE_LINES` lines of at most
    :data:`_TITLE_WORDS` words that end in "?", at most :data:`_TITLE_REACH` lines over the
    poster): the line model kept a forum thread's title, "¿Cómo sellar bien un plato de
    ducha?", as a sentence, and the thread under it was read as comments under an article
    (s48 kinds set)."""
    said = [j for j in range(first, i) if keep[j] and _prose(lines[j])]
    # (the question and the breadcrumb trail over it, whose last item it is: "Home › Help ›
    # Tomato leaves turning yellow – what am I doing wrong?")
    if not said or len(said) > _TITLE_LINES:
        return bool(said)
    return not (all(_thread_title(lines[j]) for j in said) and i - said[0] <= _TITLE_REACH)


def _same_form(lines: Sequence[str], heads: Sequence[int], i: int) -> bool:
    """Whether the poster on line ``i`` is written as the thread's posters on lines
    ``heads`` are: with a profile box's figures when each of them has its figures
    (:func:`_figured_poster`). A box of other threads under the last post, a label over a
    date over a question ("Vergelijkbare onderwerpen" / "12 mei 2025" / "Hoe ontkalk ik
    een thermostaatkraan?"), read as one more post."""
    return _figured_poster(lines[i]) or not all(_figured_poster(lines[h]) for h in heads)


def _thread_title(line: str) -> bool:
    """Whether ``line`` may be a thread's question: at most :data:`_TITLE_WORDS` words,
    the last ending in "?"."""
    return line.endswith("?") and len(line.split()) <= _TITLE_WORDS


def posts_and_comments(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]
) -> tuple[list[int], list[int], list[int]]:
    """The lines (positions in ``lines``, stripped, as for :func:`article_structures`) of a
    thread's posts with their posters and times, and the lines of the posts' posters:
    two posts or more, each a poster's name over its time ("dave_k" / "Posted 12 January
    2025 - 08:14", "Karl_M" / "vor 2 Stunden") over its text (lines that end a sentence),
    with nothing but a few buttons ("Reply", "Quote", "12 Gefällt mir") between a post's text
    and the next poster; a line of the page's furniture words (``furniture``: "Share") is no
    poster. A thread's posts are its content, and each post's poster and time are
    its byline: the line model read a post like any page's lines and removed a short reply
    ("low article score") and every poster's name and time, so the kept posts read as one
    author's text (s36 acc-types #9). Only a page whose text starts with such a run is a
    thread: readers' comments under an article (its kept paragraphs before the first
    poster) stay the page's furniture, as before. Returns ``(posts, posters, [])``, or
    ``([], [], comments)`` for an article whose bare byline over its dateline reads as a
    first post over its readers' comments (:func:`_article_over_comments`): the lines of
    those comments with their section's heading, which the line model read as any lines
    and kept some of (a comment, a commenter's name: s39 acc-regress R2); ``([], [], [])``
    when there is none."""
    n = len(lines)
    first = next((j for j in range(n) if keep[j]), None)
    if first is None:
        return [], [], []
    # (the first post is above the page's first kept sentence: none is looked for below it,
    # where the answer would be "readers' comments" anyway)
    # (a thread's question over it, kept as a sentence, is no such line: :func:`_text_before`)
    last = next(
        (
            j
            for j in range(first, n)
            if keep[j] and _prose(lines[j]) and not _thread_title(lines[j])
        ),
        n,
    )
    heads: list[int] = []
    posters: list[int] = []  # (each head's poster line: its first, or its second under a time)
    found: list[int] = []
    size = 0  # (the lines of the run's heads: a poster over a time, or both on one line)
    under = False  # (the run's posters are under their times: :func:`_time_over_poster`)
    # (a post's text with its buttons glued on by a text browser's reflow is read as its
    # text when the buttons are a line of the page too: _post_texts. Read to the first
    # post's place at first, the rest when a run of posts goes past it: most pages stop
    # at their first sentence)
    text = _post_texts(lines, min(n, last + 3))
    i = 0
    while i < n - 1:
        if not heads and i > last:
            return [], [], []
        # (no head without a post's text under it: most lines, asked nothing more)
        at = (text[i + 1] or (i + 2 < n and text[i + 2])) and _head_size(lines, i, furniture, text)
        below = False
        if (
            not at
            and i + 3 < len(text)
            and (text[i + 2] or text[i + 3])
            and _time_over_poster(lines, i, furniture)
        ):
            if not text[i + 2]:
                if not heads:
                    # (a first post whose text is read in part, a line wrapped mid-sentence:
                    # a run from the next post would take it for the thread's title)
                    return [], [], []
            else:
                at, below = 2, True
        extra = 0  # (the lines of an opening post's head under its one-line head: _op_head)
        if not at and not heads and (extra := _op_head(lines, i, furniture, text)):
            at = 1
        if not at or (
            heads and (at != size or below != under or not _same_form(lines, posters, i + below))
        ):
            if heads:  # (the run of posts ends at what is neither a post nor its buttons)
                break
            i += 1
            continue
        if not heads and _text_before(lines, keep, first, i):
            return [], [], []  # (an article's text before it: its readers' comments)
        heads.append(i)
        # (an opening post's poster on its own line under the head: "u/portatil_viejo")
        posters.append(i + below if not extra or not _poster(lines[i + 1]) else i + 1)
        size, under = at, below
        if len(text) < n:  # (a run of posts: the rest of the page read)
            text = _post_texts(lines, n)
        b = i + size + extra
        while b < n and text[b]:
            b += 1
        found.extend(range(i, b))
        # the post's buttons, then the next post (else the thread ends here)
        end = b + _MAX_BUTTONS
        while b < min(n, end) and _buttons(lines[b]):
            # (the next head of the run's form: a phpBB post's poster over its figures,
            # "Klaus W." / "Beiträge: 4310" / "Registriert: 17. März 2009", is its buttons
            # in a run of one-line heads, "von Klaus W. » Mo 12. Feb 2024, 22:03")
            if (
                _one_line_head(lines[b])
                if size == 1
                else (b + 2 < n and _time_over_poster(lines, b, furniture))
                if under
                else b + 2 < n and _head(lines, b, furniture) and not _one_line_head(lines[b + 1])
            ):
                break
            b += 1
        i = b
    if len(heads) < _MIN_POSTS or not any(keep[heads[0] + size : i]):
        return [], [], []
    # (a poster with a profile box's figures under the time is a forum's, no article's
    # byline over its readers' comments)
    if not under and _article_over_comments(lines, heads, i, size):
        start = heads[1]
        while start > heads[0] and (not lines[start - 1] or _comment_mark(lines[start - 1])):
            start -= 1  # (the section's heading, "Comments", "3 comments")
        return [], [], [j for j in range(start, i) if lines[j]]
    return found, posters, []


#: the marks of a sentence's end before a post's glued buttons (:func:`glued_buttons`)
_GLUED_ENDS = ".!?…"
#: the most characters of a line of a post's buttons (:func:`glued_buttons`)
_BUTTON_CHARS = 60
#: a letter (a line of buttons has words, not only counts)
_LETTER = re.compile(r"[^\W\d_]")


def glued_buttons(lines: Sequence[str]) -> dict[int, str]:
    """The lines of ``lines`` (stripped) that end a sentence and then hold a post's buttons
    glued on, each without them: the words after the last sentence's end are a whole line
    of buttons elsewhere on the page (:func:`_buttons`: "Reply Quote", "Antworten
    Zitieren"). lynx wrote a post's text over its buttons and the reflow joined them into
    one line ("Could you post a photo? It's hard to tell from the description. Reply
    Quote"), which ended no sentence: the post's text was no post's, and the thread ended
    at the post before (s48 kinds set, lynx: 130 words of the posts lost on 24 pages)."""
    # (the buttons' lines are short: the words test on those only)
    shown = frozenset(lines)
    return {j: t for j, s in enumerate(lines) if (t := _glued_text(s, shown)) is not None}


def _glued_text(line: str, shown: frozenset[str]) -> str | None:
    """``line`` without the post's buttons glued on after its last sentence
    (:func:`glued_buttons`): the words after it are a line of ``shown`` (the page's
    lines) of buttons (:func:`_buttons`); None when it is no such line."""
    if not line or _prose(line):
        return None
    # (the last sentence's end, found from the line's end: a search of the line from each
    # of its sentence ends would be quadratic in a long line)
    k = max(map(line.rfind, _GLUED_ENDS))
    if k <= 0 or len(line) - k > _BUTTON_CHARS or not line[k + 1 : k + 2].isspace():
        return None
    tail = line[k + 1 :].strip()
    return line[: k + 1] if tail in shown and _buttons(tail) and _LETTER.search(tail) else None


#: the reason of a kept line removed by :func:`after_thread`
AFTER_THREAD_REASON = "under a thread's last post: the page's other threads and furniture"


def after_thread(
    lines: Sequence[str],
    keep: Sequence[bool],
    posts: Sequence[int],
    heads: Sequence[int],
    furniture: Sequence[bool],
) -> list[int]:
    """The kept lines of ``lines`` under a thread's last post (``posts``:
    the thread's lines, :func:`posts_and_comments`). A thread page is its posts; under the
    last one come the forum's other threads, its sidebar and footer, whose dates and
    question-like titles the line model kept in the posts' context (s48 kinds set: the
    "related threads" box, "Hojas de tomate amarillas, ¿qué hago mal?" / "6 de marzo de
    2024"). None when a poster over a time follows (:func:`_head`; with its figures when
    each of ``heads``, the run's posters, has them): the thread goes on there, past a post
    whose form the run did not read. (Whatever the post's first line: one that opens a
    list with a colon, or ends in a smiley or a link, failed a sentence's test, and the
    thread's last post went as "the page's other threads"; s49 acc-read F2.)"""
    n = len(lines)
    b = max(posts) + 1  # (the last post's buttons too, when the model kept them)
    # (when every poster of the run has its figures, a later post's has them too: a box of
    # other threads under the last post, a label over a date over a question, "Vergelijkbare
    # onderwerpen" / "12 mei 2025" / "Hoe ontkalk ik een thermostaatkraan?", reads as a post)
    if any(
        (
            (j + 2 < n and _head(lines, j, furniture))
            # (a one-line head, "green_tom · 2 days ago", s49 forum49)
            or (not furniture[j] and _one_line_head(lines[j]))
        )
        and _same_form(lines, heads, j)
        for j in range(b, n - 1)
    ):
        return []
    return [j for j in range(b, n) if keep[j]]


#: The labels of a link to another story or of a box of them, in a regex's alternation ("Read
#: also", "Lesen Sie auch", "Lire aussi", "Czytaj także"): one list for the boilerplate
#: stage's promo lines and the metadata stage's related-articles labels (they had drifted
#: apart: "Lees ook: …" between paragraphs stayed while "Read also: …" went; review2 R2)
READ_ALSO_LABELS = (
    r"read also|also read|see also|related(?: stor(?:y|ies)| articles?| posts| content| news)?|"
    r"lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|weitere artikel|"
    r"(?:à )?lire aussi|voir aussi|sur le même sujet|leggi anche|lee también|leia também|"
    r"noticias relacionadas|artículos relacionados|articoli correlati|lees ook|"
    r"czytaj (?:także|też)|zobacz (?:też|także)"
)
#: A line that opens with a read-also label: a link to another story ("Lire aussi : …")
_READ_ALSO_LINE = re.compile(r"(?i)\W*(?:" + READ_ALSO_LABELS + r")\b")
#: A sentence that sends the reader elsewhere on the site, not into a list of the article
#: (:func:`article_structures`): a sign-up box's ("Sign up for our free newsletters to get
#: the latest news delivered to your inbox:"), a teaser box's ("Here is more of our
#: coverage ... you might have missed:", "You may also want to check these out:"), a
#: login's ("Dazu musst Du Dich auf fyyd.de einloggen:"), a "read also" label's words
_SIGN_UP = r"sign(?:ing)? up|subscribe|newsletters?|inbox|abonnieren|abonnez|inscrivez"
_OURS = r"our|your|unsere[nmrs]?|ihre[nmrs]?|notre|nos|votre|vos"
_ELSEWHERE = re.compile(
    # (a read-also label opens the sentence: "related" inside one is a word of its own, "the
    # related charges"; a sign-up's words come with the reader's or the site's own: "To sign
    # up for the vaccine, bring:" announces the article's list; review2 F5)
    r"(?i)^\W*(?:" + READ_ALSO_LABELS + r")\b"
    r"|\b(?:log in|einloggen|you (?:may|might) (?:also|have missed)"
    r"|check (?:these|them|this) out|more of our|don'?t miss)\b"
    rf"|\b(?:{_SIGN_UP})\b(?=.*\b(?:{_OURS})\b)|\b(?:{_OURS})\b(?=.*\b(?:{_SIGN_UP})\b)"
)


#: A reader's comment written on one line after its poster's name: "Mark: About time ..."
#: (a name or a handle of up to three words, a colon, the comment)
_INLINE_COMMENT = re.compile(r"([^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,2}): \S")


def inline_comments(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The lines (positions in ``lines``, stripped) of readers' comments written one to a
    line after their poster's name ("Mark: About time, Sundays are the only day I can go.")
    under a comment section's heading (:func:`_comment_mark`: "Comments", "3 comments")
    that follows the article's kept paragraphs, the heading with them: two comments or more
    by posters (:func:`_poster`) to the text's end. The model kept them as the article's
    prose and removed the heading (s40 acc-regress D6). Read from the text's end: a text
    whose last line is no such comment costs one match (most texts)."""
    found: list[int] = []
    handles = 0  # (posters that are accounts: is_handle)
    j = len(lines) - 1
    while j >= 0:
        if lines[j]:
            m = _INLINE_COMMENT.match(lines[j])
            if m is None or not _poster(m.group(1)):
                break
            found.append(j)
            handles += is_handle(m.group(1))
        j -= 1
    if len(found) < _MIN_POSTS or j < 0:
        return []
    # (a heading that also names an article's own box, "Reactions", "Comment", heads
    # readers' posts when they are signed by accounts: "Dave_88", "sue.k" — named people's
    # statements are signed by names; s42 acc-regress R8)
    if not _thread_heading(lines[j]) and (not _comment_mark(lines[j]) or handles < _MIN_POSTS):
        return []
    if not any(keep[k] and _paragraph(lines[k]) for k in range(j)):
        return []
    return [j, *reversed(found)]


_HANDLE = re.compile(r"\d|_|@|\w\.\w")
#: The most characters of a handle
_HANDLE_CHARS = 30


def is_handle(name: str) -> bool:
    """Whether ``name`` (a poster's, or a line alone) is an account's handle, not a
    person's name nor a word: one token of at most :data:`_HANDLE_CHARS` characters with a
    letter, and a digit, an underscore, an "@" or an inner dot in it, or a small first
    letter ("Dave_88", "sue.k", "@anna", "tapfixer", "Mike77"). A capitalised token is a
    name or a word whatever capitals it has inside ("McDonald", "DiCaprio", "YouTube",
    "Politics", "UK"); a person's initials are no handle ("J.R. Smith", closing review); a
    video's "03:12" has no letter. One test for a comment section's posters and a thread's
    user names (:func:`..metadata.interstitial.listing_units`), which read "McDonald" as a
    handle there (not title-cased) and as a name here."""
    token = name.strip()
    return (
        len(token) <= _HANDLE_CHARS
        and len(token.split()) == 1
        and any(c.isalpha() for c in token)
        and (_HANDLE.search(token) is not None or token[:1].islower())
    )


#: the reason of a line kept by :func:`dialogue_turns`
DIALOGUE_REASON = "speaker or turn of the article's dialogue"
#: The comment words that head a comment section without a count ("Comments", "Reader
#: comments", "Leserkommentare"): not a singular ("Comment"), nor a word that also names an
#: article's own section or box of statements ("Reactions", "Discussion": named people's
#: quotes one to a line, s41 acc-read F5 and acc-regress R11); those head readers' posts
#: only with their count ("12 Reactions", "3 Kommentar")
_THREAD_MARKS = _COMMENT_VOICE - {
    "comment", "kommentar", "commentaire", "comentario", "komentarz", "reactions",
    "responses", "replies", "reply", "antworten", "discussion", "diskussion",
}  # fmt: skip


#: A comment form's heading, an invitation to write one: the singular is its object ("Leave
#: a comment", "Kommentar schreiben", "Laisser un commentaire"; s42 acc-read F19)
#: (the forms of three words or fewer whose noun is a comment word, as :func:`_comment_mark`
#: reads them first)
_INVITE = re.compile(
    r"(?i)\b(?:(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply)"
    r"|kommentar\s+(?:schreiben|verfassen|abgeben|hinterlassen)"
    r"|(?:schreib(?:en)?|verfass(?:en)?)\s+(?:einen\s+)?kommentar"
    r"|laiss(?:er|ez)\s+un\s+commentaire|dej(?:a|ar)\s+un\s+comentario"
    r"|(?:zostaw|dodaj)\s+komentarz)\b"
)


def _thread_heading(line: str) -> bool:
    """Whether ``line`` heads a comment section over the posts :func:`inline_comments`
    reads: a comment mark (:func:`_comment_mark`) that counts the posts, ends in one of
    :data:`_THREAD_MARKS` ("Your comments"; not "Comments from partners") or invites one
    (:data:`_INVITE`)."""
    if not _comment_mark(line):
        return False
    last = line.split()[-1].strip(_MARK_PUNCT).casefold()
    return (
        last in _THREAD_MARKS or any(c.isdigit() for c in line) or _INVITE.search(line) is not None
    )


COMMENT_FORM_REASON = "under the comment form: the page's sidebar"
#: A comment form's field, its label alone on a line: a name, an e-mail address, a
#: website or the comment ("Name *", "E-Mail (wird nicht veröffentlicht)", "Website",
#: "Kommentar"), a text browser's input box before or after it ("[        ] eMail *",
#: "______ Website"): the label, case folded, and its kind, 1 a name's or an address's, 2 a
#: website's or a comment's (a contact form asks for a message, not a website)
_FIELD_LABELS = {
    **dict.fromkeys(
        ("name", "nom", "nombre", "nome", "naam", "e-mail", "email", "mail", "e-mail-adresse",
         "courriel", "adresse e-mail", "adresse email", "correo", "correo electrónico",
         "your name", "your email", "your e-mail", "ihr name", "votre nom", "tu nombre"),
        1,
    ),
    **dict.fromkeys(
        ("website", "webseite", "homepage", "site web", "site internet", "sitio web",
         "sito web", "url", "comment", "kommentar", "commentaire", "comentario", "commento",
         "reactie", "your comment", "ihr kommentar", "votre commentaire", "tu comentario",
         "your website"),
        2,
    ),
}  # fmt: skip
#: what is stripped around a field's label: an input box, a required field's mark (a
#: bullet's "*" before the label is no frame: a list of the words in a text, s46 midrev46 M5)
_FIELD_FRAME = "[]_ *:"
#: the longest of those labels
_FIELD_LABEL_CHARS = max(map(len, _FIELD_LABELS))
#: the frame a field has before its label: a text browser's input box
_FIELD_BOX = "[]_ "
#: the most non-blank lines from one field of a comment form to the next
_FIELD_REACH = 4
#: A comment form's own line near its fields: a heading that invites a reply ("Leave a
#: Reply", "Schreibe einen Kommentar"), the reply's cancel link or the form's button ("Post
#: Comment", "Kommentar abschicken")
_FORM_LINE = re.compile(
    r"(?i)^(?:(?:leave|post|add|write|submit|send)\s+(?:a\s+|your\s+)?(?:comment|reply)"
    r"|schreibe?\s+einen\s+kommentar|kommentar\s+(?:abschicken|absenden|senden)"
    r"|(?:cancel|antworten)\s+(?:reply|abbrechen)|publier\s+(?:le\s+)?commentaire"
    r"|publicar\s+comentario|invia\s+commento|submit|absenden|abschicken)\W*$"
)


def _field(line: str) -> tuple[int, bool]:
    """A comment form's field in ``line`` (a non-blank line, stripped): its kind
    (:data:`_FIELD_LABELS`, 0 if none) and whether a form's frame marks it, an input box
    around the label, a required field's "*" or a note in brackets after it ("Name *",
    "[    ] eMail", "E-Mail (wird nicht veröffentlicht)"); of a line longer than any label,
    ``(0, ...)``, its frame not looked for (it frames no field)."""
    label = line.lstrip(_FIELD_BOX)
    framed = len(label) < len(line)
    if "(" in label:  # ("Name (required)", "E-Mail (wird nicht veröffentlicht)")
        label, framed = label[: label.index("(")], True
    bare = label.rstrip(_FIELD_FRAME)
    if len(bare) > _FIELD_LABEL_CHARS:
        # (no label: case folding makes no text shorter. A paragraph's line, most lines
        # read here, is told by its length before it is folded; ~20 µs a corpus document)
        return 0, framed
    framed = framed or any(c in "*_[]" for c in label[len(bare) :])
    return _FIELD_LABELS.get(bare.casefold(), 0), framed


def comment_form_end(lines: Sequence[str], keep: Sequence[bool]) -> int | None:
    """The position in ``lines`` (non-blank lines, stripped) of the last field of the
    first comment form under the article's text, or None: two fields or more
    (:data:`_FIELD_LABELS`) a few lines apart (:data:`_FIELD_REACH`), a name's or an
    address's and a website's or the comment's, under a kept paragraph (an article's
    text, a sentence of :data:`_PARAGRAPH_WORDS` words or more), with a form's evidence:
    a field's frame (:func:`_field`) or a form's own line (:data:`_FORM_LINE`) within reach
    (a how-to's bulleted list "* Name / * Email / * Website / * Comment" is the text's:
    s46 midrev46 M5). A blog's form invites readers to answer the post above it: what the
    page shows under it is the site's (a party's programme in the sidebar, prose in
    numbered paragraphs, was kept under a post's comment form: s46 chrome46, held-out
    piratenpartei-mv.de)."""
    text = next((k for k, s in enumerate(lines) if keep[k] and _paragraph(s)), None)
    if text is None:
        return None
    # one pass over the chains of fields a reach apart (a chain's every suffix ends where
    # it ends, so its end is the form's: linear in the lines, s46 midrev46 M8)
    start = last = -1  # (the chain's first and last field, -1 without a chain)
    kinds, framed = 0, False
    for k in range(text + 1, len(lines) + 1):
        kind, frame = _field(lines[k]) if k < len(lines) else (0, False)
        if last >= 0 and (k == len(lines) or k - last > _FIELD_REACH):
            if kinds == 3 and (framed or _form_line_near(lines, start, last)):
                return last
            start = last = -1
        if kind:
            start = k if last < 0 else start
            kinds = kind if last < 0 else kinds | kind
            framed = frame if last < 0 else framed or frame
            last = k
    return None


def _form_line_near(lines: Sequence[str], start: int, end: int) -> bool:
    """Whether a comment form's own line (:data:`_FORM_LINE`) is within
    :data:`_FIELD_REACH` lines of the fields ``lines[start:end + 1]``."""
    low, high = max(0, start - _FIELD_REACH), min(len(lines), end + _FIELD_REACH + 1)
    return any(_FORM_LINE.match(lines[j]) for j in range(low, high))


#: the fewest turns of a dialogue, and of its speakers (one name over a paragraph, twice, is
#: a byline or a heading)
_MIN_TURNS = 4
_MIN_SPEAKERS = 2
#: the fewest lines of a dialogue the model kept: one line of a box is no article's (a
#: related box's one teaser kept gave back its section kickers and the other teasers, s40
#: acc-read F8)
_MIN_KEPT_TURNS = 2


def dialogue_turns(
    lines: Sequence[str], keep: Sequence[bool], furniture: Sequence[bool]
) -> list[int]:
    """The lines (positions in ``lines``, stripped, as for :func:`posts_and_comments`) of the
    article's dialogue that the model removed: an interview or a transcript laid out as
    turns, each a speaker's name on a line of its own ("Interviewer", "Anna Berg") over
    what the speaker says (lines that end a sentence), :data:`_MIN_TURNS` turns or more one
    after the other by :data:`_MIN_SPEAKERS` speakers or more, each of whom speaks twice or
    more. The model read the names as a page's repeated lines and the last answer under
    the last one as text after the article's end: an interview lost its last answer
    (s38 acc-regress D17). A speaker is a name: words, not a number (a ranked list's "1",
    "2" over its teasers), no label ("Photo: iFixit" over each photo's paragraph), and not a
    line of the page's furniture words (``furniture``: "Advertisement" over each paragraph
    it interrupts). A dialogue has a question among its turns (a related box's section
    kickers over one-sentence teasers, "Politics" / "The mayor says ..." / "Sport" / ...,
    have the layout of one and none), and a dialogue of which the model kept fewer than
    :data:`_MIN_KEPT_TURNS` lines is not the article's: it stays removed."""
    n = len(lines)
    # a turn's speaker: a name line over a sentence, not a question (as a post's poster);
    # the cheap tests first: _poster's patterns on every line of every page cost ~190 µs a
    # dev page, most lines failing the sentence under them anyway
    heads = [
        i
        for i in range(n - 1)
        if _prose(lines[i + 1])
        and not furniture[i]
        and ":" not in lines[i]
        and _poster(lines[i])
        and any(c.isalpha() for c in lines[i])
    ]
    said = Counter(lines[i] for i in heads)
    speakers = {name for name, times in said.items() if times >= 2}
    if len(speakers) < _MIN_SPEAKERS:
        return []
    found: list[int] = []
    i = 0
    while i < n:
        if lines[i] not in speakers or i + 1 >= n or not _prose(lines[i + 1]):
            i += 1
            continue
        # a run of turns: each speaker's lines of prose, then the next speaker's name
        start, turns, who = i, 0, set()
        while i < n and lines[i] in speakers and i + 1 < n and _prose(lines[i + 1]):
            who.add(lines[i])
            turns += 1
            i += 1
            while i < n and _prose(lines[i]):
                i += 1
        run = range(start, i)
        if (
            turns >= _MIN_TURNS
            and len(who) >= _MIN_SPEAKERS
            and sum(keep[j] for j in run) >= _MIN_KEPT_TURNS
            and any(lines[j].rstrip(CLOSING_MARKS).endswith(("?", "？")) for j in run)
        ):
            found.extend(j for j in run if not keep[j])
    return found


# a turn of a dialogue written inline: a speaker's name (a few words, no digit) and a colon
# before what the speaker says ("Sprecher: Um kurz nach zehn …", "Q: What did …")
_INLINE_TURN = re.compile(r"([^\W\d_][^\d:：]{0,40}?)\s?[:：]\s+\S")
#: the fewest turns of a dialogue written inline under a heading, and the most words of its
#: speaker's name and of the heading
_INLINE_TURNS = 3
_SPEAKER_WORDS = 4
_HEADING_WORDS = 6


def dialogue_heading(
    lines: Sequence[str], keep: Sequence[bool], score: Sequence[float], stop: frozenset[str]
) -> list[int]:
    """The removed heading (a position in ``lines``, stripped) over a dialogue written
    inline that the model kept: :data:`_INLINE_TURNS` kept lines or more, each a speaker's
    name and a colon before a sentence, by two speakers or more, one of whom speaks twice
    (a video's transcript: "Sprecher: …" / "Kapitän Uwe Reinhardt: …" / "Sprecher: …"; an
    interview's "Q:" / "A:"), under the article's kept sentence. The model read "Das Video
    zum Nachlesen" over a video's transcript as a widget's label, a word of the page's
    furniture in it (s44 acc-genres, s45 left45 item 4). A heading is a few words
    (:data:`_HEADING_WORDS`) without a sentence's end or a colon ("Lesen Sie auch: …" is
    a teaser), not of the lexicon's furniture words alone but for function words (``stop``):
    "Advertisement", "Video" over the turns stay removed; with a label's score at least
    (:data:`_LABEL_SCORE`). (The model's own test of cue words alone counts "Das Video zum
    Nachlesen" as one.)"""
    n = len(lines)
    found: list[int] = []
    for i in range(1, n - _INLINE_TURNS):
        s = lines[i]
        if (
            keep[i]
            or score[i] < _LABEL_SCORE
            or not keep[i - 1]
            or not lines[i - 1].endswith(SENTENCE_END)
            or not 0 < len(s.split()) <= _HEADING_WORDS
            or s.endswith(SENTENCE_END)
            or ":" in s
            or "：" in s
        ):
            continue
        speakers: list[str] = []
        j = i + 1
        while j < n and keep[j] and lines[j].endswith(SENTENCE_END):
            m = _INLINE_TURN.match(lines[j])
            if m is None or len(m[1].split()) > _SPEAKER_WORDS:
                break
            speakers.append(m[1].casefold())
            j += 1
        said = Counter(speakers)
        if (
            len(speakers) >= _INLINE_TURNS
            and len(said) >= 2
            and max(said.values()) >= 2
            and not all(w in CUE_WORDS or w in stop for w in _TOK.findall(s.lower()))
        ):
            found.append(i)
    return found


def _article_over_comments(
    lines: Sequence[str], heads: Sequence[int], end: int, size: int = 2
) -> bool:
    """Whether the posts with their posters on lines ``heads`` (up to line ``end``) are an
    article and its readers' comments: the posts after the first are a comment section
    (:func:`comment_stamps` of their times: "Comments" over them, "Reply" under them), the
    first has none of their buttons (a forum's first post has its "Reply" and "Quote", as
    the others), and it is an article's text (:data:`_ARTICLE_PARAS` paragraphs or more,
    more words than any comment). An article whose byline is a bare name over its dateline
    ("Jane Doe" / "4 March 2025 10:12") was read as a thread's first post, and its comments
    were kept as the thread's (s38 acc-read F13). ``size``: the lines of each head (a
    poster over its time, or both on one line: :func:`_head_size`)."""
    if len(comment_stamps(lines, [h + size - 1 for h in heads[1:]])) < len(heads) - 1:
        return False
    texts: list[list[str]] = []
    buttons: list[set[str]] = []
    for h, e in zip(heads, [*heads[1:], end], strict=True):
        post = [j for j in range(h + size, e) if _prose(lines[j])]
        texts.append([lines[j] for j in post])
        buttons.append({lines[j] for j in range(post[-1] + 1, e) if lines[j]} if post else set())
    words = [sum(len(p.split()) for p in text) for text in texts]
    return (
        len(texts[0]) >= _ARTICLE_PARAS
        and words[0] > max(words[1:])
        and not buttons[0] & set().union(*buttons[1:])
    )


#: the reason of a line removed by :func:`toggled_box`
BOX_REASON = "box of links with its show/hide toggle"
#: the most non-blank lines from a box's label to its toggle, the most words of the label
#: and the toggle's words besides the label's ("Show", "only"; "Nur", "anzeigen")
_BOX_LINES = 12
_BOX_LABEL_WORDS = 4
_TOGGLE_WORDS = 3


#: the words a box's button adds to the box's label: showing, hiding, "only", "all"
_TOGGLE = frozenset((
    "show", "hide", "only", "all", "more", "less", "expand", "collapse", "view", "see",
    "anzeigen", "ausblenden", "einblenden", "zeigen", "verbergen", "nur", "alle", "mehr",
    "weniger", "afficher", "masquer", "voir", "uniquement", "seulement", "tous", "toutes",
    "plus", "moins", "mostrar", "ocultar", "ver", "solo", "sólo", "todos", "todas", "más",
    "menos", "mostra", "nascondi", "vedi", "tutti", "tonen", "verbergen", "alleen", "toon",
    "pokaż", "ukryj", "tylko", "visa", "dölj", "bara", "vis", "skjul", "kun", "zobrazit",
    "skrýt", "jen", "показать", "скрыть", "только", "все",
))  # fmt: skip

#: _TOGGLE's comparatives of less, no showing or hiding: a label with them alone is another
#: label, not the box's button (a review's "On a aimé" over its items and "On a moins aimé"
#: over others, "What we liked" / "What we liked less": the verdict lists were removed as a
#: box and its toggle; s44 acc-genres G4). Not the other amounts: "Key events" / "Key events
#: only", "Ingredients" / "More ingredients" are the box's toggle (s45 read F14)
_LESS = frozenset(("less", "weniger", "moins", "menos", "meno"))

#: a button's mark as lynx writes it before the button's words: the box's toggle stayed
#: with its box in a lynx rendering (s39 acc-regress D17)
_BROWSER_BUTTON = re.compile(rf"^{BROWSER_BUTTON}\s*")

#: _TOGGLE's words of a button that shows all or more of the list above it: the list's
#: own expander ("Show all ingredients", "See more results", "Alle Kandidaten anzeigen"),
#: the list being content cut short, not a box of links
_MORE = frozenset((
    "all", "more", "alle", "mehr", "tous", "toutes", "plus", "todos", "todas", "más",
    "tutti", "все",
))  # fmt: skip


#: the reason of a line removed by :func:`expander_copies`
COPIES_REASON = "a caption's copies, shown whole and cut short by its more/less toggle"
#: how many first words the copies of one text share at least
_COPY_WORDS = 10
#: the words of a toggle that shows more or less of a text, at its end ("… more", "less")
_EXPANDER_WORDS = ("more", "less", "mehr", "weniger", "plus", "moins", "más", "menos")
_EXPANDER_ENDS = frozenset(w[-1] for w in _EXPANDER_WORDS)


def _untoggled(s: str) -> str | None:
    """Line ``s`` without the toggle's word it ends with (:data:`_EXPANDER_WORDS`, alone or
    after an ellipsis glued to it: "behind…more"; not a word's end, "regardless", review41
    R11, nor a sentence's last word, "nothing more."), or None if it ends with none."""
    # (the line's last character first: the word's last, lower-cased, is a toggle word's
    # last; the split of every kept line cost ~30 µs a corpus document)
    if s.rstrip()[-1:].lower()[-1:] not in _EXPANDER_ENDS:
        return None
    *text, last = s.rsplit(None, 1) or [""]
    before, ellipsis, word = last.rpartition("…")
    if word.lower() not in _EXPANDER_WORDS:
        return None
    return " ".join([*text, before + ellipsis]) if ellipsis else "".join(text)


def _first_words(s: str) -> list[str]:
    """The first :data:`_COPY_WORDS` words of line ``s`` (fewer in a shorter line)."""
    return s.split(maxsplit=_COPY_WORDS)[:_COPY_WORDS]


def expander_copies(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The kept lines (positions in ``lines``, stripped) that are copies of one text next to
    each other, one of them cut short or ended by its toggle's word (:data:`_EXPANDER_WORDS`:
    "… is on a visit to Vietnam ... more", "… Southeast Asian nation. less"): a picture's
    caption as a text browser renders its widget, the caption whole and its collapsed and
    expanded copies. They began w3m's and lynx's renderings of a wire story, three times
    146 words, and the rendering was no copy of its page (s40 acc-synd #13). The copies
    share their first :data:`_COPY_WORDS` words; all of them go."""
    kept = [j for j, k in enumerate(keep) if k]
    out: set[int] = set()
    for x, j in enumerate(kept):
        s = lines[j]
        if _untoggled(s) is None or j in out:
            continue
        head = _first_words(s)
        if len(head) < _COPY_WORDS:
            continue
        group = [j]
        for step in (-1, 1):
            y = x + step
            while 0 <= y < len(kept) and _first_words(lines[kept[y]]) == head:
                group.append(kept[y])
                y += step
        if len(group) > 1 and _cut_short(lines, group):
            out.update(group)
    return sorted(out)


def _cut_short(lines: Sequence[str], group: list[int]) -> bool:
    """Whether one of the lines ``group`` (positions in ``lines``) is another cut short:
    without its toggle's word and an ellipsis before it, it begins the other's text and
    is shorter ("… Esper is on a visit ... more" of "… on a visit to Vietnam."). Two
    lines that differ in their last words only ("… spend much more" / "… spend much
    less") or say the same ("… je n'y crois plus" twice) are the text's (s42 acc-read F6)."""
    cores = [
        (c if (c := _untoggled(lines[j])) is not None else lines[j]).rstrip(" .…") for j in group
    ]
    return any(a != b and b.startswith(a) for a in cores for b in cores)


def _words(line: str) -> list[str]:
    return [w for w in (w.strip(".,:;!?()[]«»\"'").casefold() for w in line.split()) if w]


def toggled_box(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The kept lines (positions in ``lines``, stripped, as for :func:`article_structures`)
    of a box that a toggle closes: a short label ("Key events", "Wichtigste Ereignisse"),
    a few lines of no sentence (the box's links: "2h ago Red warning extended to Cardiff"),
    and the box's button, the label's words with a few words that show or hide
    (:data:`_TOGGLE`: "Show key events only", "Nur wichtigste Ereignisse anzeigen"). Such a
    box is a page's navigation (a live blog's key events, a table of contents), kept by
    the line model with the posts under it (s36 acc-types #12): a button that names the
    box it shows or hides is no article's text. A button that shows all or more of it
    (:data:`_MORE`: "Show all ingredients") is the expander of a list cut short, an
    ingredient list, results: only the button goes; so does a button of those words alone
    ("Show all", "Mehr anzeigen")."""
    out: list[int] = []
    done = -1
    # (the buttons first: a line with a word of _TOGGLE, few of them on a page; then their
    # labels above them)
    for j, s in enumerate(lines):
        if s[:1] == "(":
            s = _BROWSER_BUTTON.sub("", s)  # (lynx's "(BUTTON) Show key events only")
        if s.count(" ") >= _BOX_LABEL_WORDS + _TOGGLE_WORDS or _TOGGLE.isdisjoint(
            s.casefold().split()
        ):
            continue
        button = _words(s)
        # (the label holds each of the button's words that shows or hides nothing: a line
        # without them is none, told before its words are read; "Read more", "See all" are
        # many a page's buttons of no box)
        named = [w for w in button if w not in _TOGGLE]
        if not named and len(button) >= 2:
            # (a button of its words alone, "Show all", "Alle anzeigen", "Voir plus": the
            # expander of a list cut short or of a box, no line of the text; it stayed after
            # a recipe's method while "Show all ingredients" went, s40 acc-regress D13)
            if keep[j]:
                out.append(j)
                done = j
            continue
        for i in range(j - 1, max(done, j - _BOX_LINES - 1), -1):
            if _prose(lines[i]):
                break
            folded = lines[i].casefold()
            if not all(w in folded for w in named):
                continue
            label = _words(lines[i])
            if not 0 < len(label) <= _BOX_LABEL_WORDS or len(label) >= len(button):
                continue
            rest = list(button)
            for w in label:
                if w not in rest:
                    break
                rest.remove(w)
            else:
                if (
                    len(rest) <= _TOGGLE_WORDS
                    and _TOGGLE.issuperset(rest)
                    and not _LESS.issuperset(rest)
                ):
                    # (an expander goes alone, its list stays: a recipe's ingredients over
                    # "Show all ingredients" were removed as a box; s39 acc-read F9)
                    first = j if _MORE.intersection(rest) else i
                    out.extend(k for k in range(first, j + 1) if keep[k])
                    done = j
                    break
    return out


#: the reason of a line kept by :func:`listing_teasers`
LISTING_REASON = "teaser of a listing page (its headline and summary)"
#: a listing's fewest dated teasers (the metadata stage's ``LISTING_UNITS``)
_LISTING_TEASERS = 3
#: a teaser's headline: words at least and at most
_HEADLINE_WORDS = (2, 20)
#: a teaser's summary and its date line: characters at most (a summary is a sentence or
#: two, ~60 words)
_SUMMARY_CHARS = 400
_DATE_CHARS = 40
#: the most words the page keeps outside its teasers (an article's own text is longer: the
#: dated teasers under it are its "Related stories", the teaser rule's)
_OWN_WORDS = 40


#: A form's control as a text browser writes it ("(BUTTON) Поделиться", lynx's "(submit)"):
#: a headline is a link, never a button (a live blog's share button over the next entry's
#: time and text was kept as a listing's headline: s44 acc-regress R3)
_CONTROL = re.compile(rf"{BROWSER_BUTTON}|\[(?:button|BUTTON)\]")


def _teaser_at(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i`` is a teaser's date alone, under its headline and over its summary
    (see :func:`listing_teasers`)."""
    if not 0 < i < len(lines) - 1 or len(date := lines[i]) > _DATE_CHARS:
        return False
    head, summary = lines[i - 1], lines[i + 1]
    return (
        len(summary) <= _SUMMARY_CHARS
        and summary.endswith(SENTENCE_END)
        and not head.endswith(SENTENCE_END)
        and _HEADLINE_WORDS[0] <= len(head.split()) <= _HEADLINE_WORDS[1]
        and _CONTROL.search(head) is None
        and _POST_TIME.search(date) is not None
        and _time_alone(date)
        and not (_POST_TIME.search(head) and _time_alone(head))
    )


def listing_teasers(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The lines of a listing page's dated teasers that the line model removed, to be kept:
    each teaser a headline (2 to 20 words, no sentence's end, no date alone; "Saisonabschluss
    am 12. Juli" is one), its date alone under it and its summary (a sentence of at most
    :data:`_SUMMARY_CHARS` characters) under that; :data:`_LISTING_TEASERS` teasers or more,
    the model's kept text outside them at most :data:`_OWN_WORDS` words. The model removed
    a blog index's headlines as short or repeated lines and kept their summaries, a record
    of unrelated sentences (s42 acc-pages F14); the dates stay as the model decided them."""
    kept = list(compress(range(len(lines)), keep))
    # (every text comes here: most have a kept paragraph longer than any summary, or fewer
    # than two kept summaries under a date; the teasers the model removed whole are looked
    # for only then)
    if kept and max(len(lines[j]) for j in kept) > _SUMMARY_CHARS:
        return []
    if sum(_teaser_at(lines, j - 1) for j in kept) < _LISTING_TEASERS - 1:
        return []
    dates = compress(range(len(lines)), map(_DATE_CHARS.__ge__, map(len, lines)))
    units = [(i - 1, i + 1) for i in dates if _teaser_at(lines, i)]
    if len(units) < _LISTING_TEASERS:
        return []
    inside = {j for a, b in units for j in range(a, b + 1)}
    own = sum(len(lines[j].split()) for j in kept if j not in inside)
    if own > _OWN_WORDS:
        return []
    return [j for a, b in units for j in (a, b) if not keep[j]]


#: the reason of a line kept by :func:`short_runs`
SHORT_RUN_REASON = "short lines between the text's paragraphs"
#: the fewest and most lines of such a run (two lines between paragraphs are a byline and
#: its author's name as often as a list's label and its item)
_MIN_RUN = 3
_MAX_RUN = 12
# a year in a line (a date alone, "15 May 2024", is a teaser's or a post's, no list item)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: the most words of a line with a year that is a date alone
_DATE_WORDS = 4
#: the most prose lines the model kept of a page whose short runs are looked at
_SHORT_TEXT = 5


def short_text_prose(lines: Sequence[str], keep: Sequence[bool]) -> list[int] | None:
    """The positions of the prose lines the model kept on a page of at most
    :data:`_SHORT_TEXT` of them, the page whose short runs (:func:`short_runs`,
    :func:`pair_runs`) are looked at; None on a longer page (counted up to the first prose
    line over: most pages stop there)."""
    return _few_prose(lines, keep, _SHORT_TEXT)


#: the most words of a section tag ("Scotland", "Northern Ireland")
_TAG_WORDS = 2
#: the most characters of a section tag in a script without capitals ("اسكتلندا",
#: "الطقس"), and of one in Chinese, Japanese or Korean ("スコットランド", "天気")
_UNCASED_TAG_CHARS = 12
_CJK_TAG_CHARS = 8


def _tag_like(s: str) -> bool:
    """Whether ``s`` reads as a section tag or a menu's item by its form: one or
    :data:`_TAG_WORDS` words, each capitalised, no figure, no colon ("Scotland",
    "Weather", "Transport"); in a script without capitals (Arabic, Japanese, Hindi: the
    test of capitals passed none, and their tags were kept; s46 read F7), as many words of
    at most :data:`_UNCASED_TAG_CHARS` characters (:data:`_CJK_TAG_CHARS` of Chinese,
    Japanese or Korean). A list's items are not all so: a job ad's "Plan and coordinate
    projects", a manual's "Python 3.9", "5 GB RAM", a run's heading "Requirements" with
    them."""
    words = s.split()
    if not (0 < len(words) <= _TAG_WORDS and ":" not in s and not any(c.isdigit() for c in s)):
        return False
    if any(c.isupper() or c.islower() for c in s):
        return all(w[0].isupper() for w in words)
    return len(s) <= (_CJK_TAG_CHARS if _CJK.search(s) else _UNCASED_TAG_CHARS)


def short_runs(
    lines: Sequence[str],
    keep: Sequence[bool],
    short: Sequence[bool],
    prose: list[int] | None = None,
) -> list[int]:
    """The lines of runs of :data:`_MIN_RUN` to :data:`_MAX_RUN` short lines that the model
    removed between two prose lines it kept (:func:`_prose_line`), to be kept: a job ad's
    "Tasks" / "Plan and coordinate projects" / "Requirements" / ... between its intro and its
    "Send your application ...", a manual's "Requirements" / "Python 3.9" / "5 GB RAM"
    between two paragraphs, a notice's list of the documents to bring (s45 kinds: the model
    reads each line alone as a menu's item). ``short``: whether the model removed a line for
    its shortness alone (its reason), not for a page's furniture words, a repeated line, a
    teaser's or a byline's form: a run with such a line, a line of more than
    :data:`_ITEM_WORDS` words, a date alone or a line of fewer than two letters ("+", "A.":
    a widget's buttons, a reviewer's initials) or an image's label ("[icon-create.svg]",
    lynx's) is left as decided. Only on a page of at most
    :data:`_SHORT_TEXT` kept prose lines: an article's paragraphs have runs of its furniture
    between them that the model scored as short lines (a Finnish share bar's "Jaa artikkeli
    Facebookissa", an author box's "Recent Posts", a photo credit cut in three lines: on the
    trafeval dev texts the rule kept such runs on 9 pages of 6 to 56 prose lines, F1 0.956 ->
    0.955; the kinds pages' job ads and notices have 2 to 5). A run whose every line is a
    tag by its form (:func:`_tag_like`) is left too: a short news brief (2 to 5 paragraphs
    as well) kept its section tags "Scotland" / "Weather" / "Transport" (s45 midrev M3).
    ``prose``: the page's :func:`short_text_prose`, if the caller has it."""
    if prose is None and (prose := short_text_prose(lines, keep)) is None:
        return []
    out: list[int] = []
    for a, b in pairwise(prose):
        if not _MIN_RUN <= b - a - 1 <= _MAX_RUN:
            continue
        run = range(a + 1, b)
        if all(
            short[j]
            and not keep[j]
            and len(words := lines[j].split()) <= _ITEM_WORDS
            and not (len(words) <= _DATE_WORDS and _YEAR.search(lines[j]))
            and sum(c.isalpha() for c in lines[j]) >= 2
            and _BRACKETED.fullmatch(lines[j]) is None  # (a text browser's image label)
            for j in run
        ) and not all(_tag_like(lines[j]) for j in run):
            out.extend(run)
    return out


#: the reason of a line kept by :func:`pair_runs`
PAIRS_REASON = "labels and values of a table, a cell a line"
#: the fewest label / value pairs of a table written a cell a line with two columns
_MIN_PAIR_ROWS = 3


def _pair_label(s: str) -> bool:
    """Whether ``s`` reads as a table's label of two columns: a name of at most
    :data:`_KEY_WORDS` words, no figure, no sentence ("Material", "Item number")."""
    return (
        0 < len(s.split()) <= _KEY_WORDS
        and not any(c.isdigit() for c in s)
        and not s.endswith(SENTENCE_END)
    )


def _pair_value(s: str) -> bool:
    """Whether ``s`` reads as a table's value: a cell (:data:`_CELL_WORDS` words at most), no
    sentence, no e-mail or web address (a contact box's), no image's label."""
    return (
        0 < len(s.split()) <= _CELL_WORDS
        and not stop_end(s)
        and _ADDRESS.search(s) is None
        and _BRACKETED.fullmatch(s) is None
    )


def pair_runs(
    lines: Sequence[str],
    keep: Sequence[bool],
    short: Sequence[bool],
    prose: list[int] | None = None,
) -> list[int]:
    """The lines of a table of labels and values written one cell a line ("Material" /
    "Recycled polyester" / "Weight" / "500 g" / "Dimensions" / "90 x 580 cm" ...: a product's
    specifications, a manual's options and their defaults) that the model removed for their
    shortness (``short``) next to the prose it kept, to be kept. At least
    :data:`_MIN_PAIR_ROWS` pairs, labels that differ, half of the values or more with a
    figure (a menu's or a footer's items have none, or have them in the label: "High Street
    64"); the kept prose right before the table (or one line over it: its label) or right
    after it; on a page of at most :data:`_SHORT_TEXT` kept prose lines, as for
    :func:`short_runs` (s45 kinds: a product's page kept its description alone).
    ``prose``: the page's :func:`short_text_prose`, if the caller has it."""
    n = len(lines)
    if prose is None and (prose := short_text_prose(lines, keep)) is None:
        return []
    at = set(prose)
    out: list[int] = []
    i = 0
    while i + 1 < n:
        j = i
        while (
            j + 1 < n
            and not keep[j]
            and not keep[j + 1]
            and short[j]
            and short[j + 1]
            and _pair_label(lines[j])
            and _pair_value(lines[j + 1])
        ):
            j += 2
        rows = (j - i) // 2
        if rows >= _MIN_PAIR_ROWS:
            labels = {lines[k].lower() for k in range(i, j, 2)}
            figures = sum(any(c.isdigit() for c in lines[k]) for k in range(i + 1, j, 2))
            near = i - 1 in at or i - 2 in at or j in at
            if len(labels) == rows and 2 * figures >= rows and near:
                out.extend(range(i, j))
            i = j
        else:
            i += 1
    return out


#: the reason of a line kept by :func:`product_grid`
CARD_REASON = "product grid: a card's name and price"
#: the reason of a line removed by :func:`product_grid` (a card's badge, bullet, image mark)
CARD_EXTRA_REASON = "product grid: a card's badge or button"
#: the fewest cards of a grid (two or three priced lines are a product's variants or a
#: teaser box as often)
_MIN_CARDS = 4
#: the most words of a card's name, of its button after the price and of a line between two
#: cards (a badge "-30%", a list's bullet, an image's label "[i]")
_NAME_WORDS = 12
_CARD_BUTTON_WORDS = 5
_EXTRA_WORDS = 3
#: the most lines between two cards' price lines (name, price and two extras)
_CARD_SPAN = 4
# a price at the start of a line, its currency before or after the amount: "£35.00",
# "49,99 €", "€ 18,00", "CHF 12.50", "USD 9.99"
# (a code ends where a word would: "EUR", not "Europa"; a sign may have the button glued
# after it, "49,99 €Ajouter au panier")
_CURRENCY_AT = rf"(?:[{CURRENCY_SIGNS}]|(?:{CURRENCY_CODES})(?![^\W\d_]))"
_PRICE = re.compile(rf"(?:{_CURRENCY_AT}\s?\d[\d.,']*|\d[\d.,']*\s?{_CURRENCY_AT})")
#: a line's start that may start a :data:`_PRICE` (its currency, or an amount and its
#: currency, looser: no word's end asked, no line's end crossed), in a text of lines: fewer
#: than a grid's cards, and the text has none (most texts: counted in C, no call a line)
#: (written after a line's break, not at ``^`` of re.M: the search then skips in C to each
#: break, where ``^`` is tried at every character of the text, ~5 times the cost; a match
#: holds no break, so the breaks it takes are one a line start, as ``^``'s positions)
_PRICE_STARTS = re.compile(rf"\n(?:{CURRENCY}|\d[\d.,']*[^\S\n]?{CURRENCY})")


# a list's mark before a line and an image's label in it ("• -30%[i]", lynx's "* -30%")
_IMAGE_LABEL = re.compile(r"\[[^\]]{0,20}\]")
_BADGE_MARKS = re.compile(r"^[-*+•·▪►]\s+|^[*•·▪►]$|" + _IMAGE_LABEL.pattern)


def _has_text(s: str) -> bool:
    """Whether ``s`` holds a letter or a digit."""
    return any(c.isalnum() for c in s)


#: the rest of a price's line that is the card's button, by its form: lynx's "(BUTTON) …",
#: a w3m form's "[Add to cart]", or words glued to the price ("£35.00Add to cart": a
#: browser's copy runs the button's element into the price's). Words after a space are the
#: price's own: "€18.50 per person", "£5.00 a day", "12,90 € pro kg" were cut to the price
#: on a boat trip's price list (s46 read F5)
_BUTTON_TAIL = re.compile(r"[^\W\d_]|\s*(?:\(BUTTON\)|\[[^\]]+\]$)")


def _price(line: str) -> tuple[str, str, bool] | None:
    """The price a line starts with, the rest of the line ("£35.00Add to cart": the price
    and the card's button, glued as a browser copies them) and whether the rest is a
    button by its form (:data:`_BUTTON_TAIL`), or None."""
    m = _PRICE.match(line)
    if m is None:  # (a match has its amount's digit: both of _PRICE's forms ask for one)
        return None
    return m.group().strip(), line[m.end() :].strip(), _BUTTON_TAIL.match(line, m.end()) is not None


#: the fewest words of a run of prose lines kept over a grid of product cards that make
#: its page an article's: a review's two paragraphs over a "related products" box (31
#: words) and more, not a category page's line or two of introduction ("Discover our range
#: of carefully selected products, tested by our team." / "All items are dispatched within
#: two working days.": 19)
_GRID_ARTICLE_WORDS = 25


def grid_in_article(lines: Sequence[str], keep: Sequence[bool], grid: Sequence[int]) -> bool:
    """Whether the grid of product cards on ``grid`` (:func:`product_grid`'s lines) comes
    after an article: the last run of prose lines (:func:`_prose_line`) one after the other
    (blank lines between) that the model kept over it holds :data:`_GRID_ARTICLE_WORDS`
    words or more. A grid is the page's content only on a page without one (a shop's
    category page: over it a heading, a line or two of introduction, a sidebar's teasers,
    each prose line alone between dates and names, and a consent notice at the top, before
    the introduction; its newsletter's sentences come after it); right under an article's
    paragraphs it is a sidebar's or a box's, "Passende Produkte" under a review, which was
    kept whole (s46 acc-regress R2)."""
    run = last = 0
    for s, k in zip(lines[: min(grid)], keep, strict=False):
        if not s:
            continue
        if k and _prose_line(s):
            run += len(s.split())
            last = run
        else:
            run = 0
    return last >= _GRID_ARTICLE_WORDS


def product_grid(lines: Sequence[str]) -> tuple[list[int], dict[int, str], list[int]]:
    """A shop's grid of product cards in plain text: the lines to keep (each card's name and
    price), the price lines to write without their button (line -> price) and the lines
    between cards to remove (badges, bullets, image labels; not when each gap between two
    cards holds as many lines with text: a table's columns). A card is a name (1 to
    :data:`_NAME_WORDS` words, no price) right over a line that starts with a price; the
    grid is a run of :data:`_MIN_CARDS` cards or more, each card's price line at most
    :data:`_CARD_SPAN` lines after the previous one, with only short lines (badges: at most
    :data:`_EXTRA_WORDS` words) between them, the names all different and the text after the
    price the same on three cards in four or more (the card's button: "Add to cart", lynx's
    "(BUTTON) In den Warenkorb", or nothing; cut when it is one by its form: the price's own
    words, "per person", are kept). The shape, repeated, is the test, not the
    words: the line model read each line alone as a menu's item or a button and removed the
    grid, the page's content (s45 kinds: category pages F1 0.33 text, 0.24 w3m / lynx)."""
    if len(_PRICE_STARTS.findall("\n" + "\n".join(lines))) < _MIN_CARDS:
        return [], {}, []
    n = len(lines)
    prices = [_price(s) for s in lines]
    cards = [
        i
        for i in range(1, n)
        if prices[i] is not None
        and prices[i - 1] is None
        and 0 < len(lines[i - 1].split()) <= _NAME_WORDS
        and len(prices[i][1].split()) <= _CARD_BUTTON_WORDS  # type: ignore[index]
    ]
    keep: list[int] = []
    rewrite: dict[int, str] = {}
    extras: list[int] = []
    k = 0
    while k < len(cards):
        m = k + 1
        while m < len(cards) and _next_card(lines, prices, cards[m - 1], cards[m]):
            m += 1
        run = cards[k:m]
        k = m
        if len(run) < _MIN_CARDS or len({lines[i - 1] for i in run}) < len(run):
            continue
        button, count = Counter(prices[i][1] for i in run).most_common(1)[0]  # type: ignore[index]
        if 4 * count < 3 * len(run):
            continue
        gaps = [range(a + 1, b - 1) for a, b in pairwise(run)]
        # (a badge is on some cards, not all: a line between every two cards, once its list
        # mark and image label are gone, is a column of a table written one cell a line, a
        # test's "ja" / "1,7" after each product and its price, the text's: left as decided)
        # (whether each line between the cards has text beside its marks: read once, for
        # the count and for the lines removed)
        badge = {j: _has_text(_BADGE_MARKS.sub("", lines[j])) for g in gaps for j in g}
        marks = [sum(badge[j] for j in g) for g in gaps]
        if not (marks and min(marks) == max(marks) > 0):
            # (a line of marks alone is left as decided: a price list's footnote marks,
            # "*" / "**", sit where a badge would; an image's label, w3m's "• [i]", is not)
            extras += (j for g in gaps for j in g if badge[j] or _IMAGE_LABEL.search(lines[j]))
        for i in run:
            keep += (i - 1, i)
            price, rest, is_button = prices[i]  # type: ignore[misc]
            if rest and rest == button and is_button:
                rewrite[i] = price
    return keep, rewrite, extras


def _next_card(lines: Sequence[str], prices: Sequence[Any], a: int, b: int) -> bool:
    """Whether the card whose price is on line ``b`` follows the one on line ``a`` in a
    grid: at most :data:`_CARD_SPAN` lines on, only short lines without a price between."""
    if not 2 <= b - a <= _CARD_SPAN:
        return False
    return all(
        prices[j] is None and len(lines[j].split()) <= _EXTRA_WORDS for j in range(a + 1, b - 1)
    )


#: the reasons of a kept line removed by :func:`qa_chrome`, and of a line of an answer kept
QA_POST_REASON = "a Q&A page's answer"
QA_REASON = "a Q&A page's chrome: votes, tags, its posts' buttons and figures, related questions"
#: the label of a question's and of an answer's stamp on a Q&A page, under the post with its
#: poster ("asked Mar 3, 2023 at 10:12", "answered …", "posée le 14 mars 2023 à 9:05",
#: "répondu le …"; Stack Exchange's sites in their languages write it so)
_QA_ASKED = (
    r"asked|gefragt|posée|pos[ée]e|preguntad[ao]|formulad[ao]|chiesto|gevraagd|perguntad[ao]"
)
_QA_ANSWERED = r"answered|beantwortet|répondu|respondid[ao]|risposto|beantwoord"
_QA_STAMP = re.compile(rf"(?i:(?P<asked>{_QA_ASKED})|{_QA_ANSWERED})\b")
#: the most words of a stamp's line (its label, time, and the poster's name and figures)
_QA_STAMP_WORDS = 14
#: a comment under a post on a Q&A page: its text, a dash, its poster and time ("Thanks, it
#: works. – dana_k Mar 5 at 19:41")
_QA_COMMENT = re.compile(r"\S.*\s[–—-]\s\S+")
#: a word of a poster's name on a Q&A page: two letters at least (no poster's figures)
_QA_NAME = re.compile(r"[^\W\d_]{2}")
#: a line of a post's code or command: characters no tag list or button holds
_CODE_MARKS = frozenset("=(){}[];/\\\"'$<>~`*#%")


def _qa_stamp(line: str) -> str | None:
    """ "asked" or "answered" when ``line`` is a Q&A post's stamp (:data:`_QA_STAMP` at its
    start, a time in it); else None."""
    if line.count(" ") >= _QA_STAMP_WORDS or (m := _QA_STAMP.match(line)) is None:
        return None
    return ("asked" if m.group("asked") else "answered") if _has_time(line) else None


def _qa_small(line: str) -> bool:
    """Whether ``line`` is a Q&A page's small chrome: no sentence, no code, at most
    :data:`_BUTTON_WORDS` words of letters (a vote's count "81", a poster's figures "402k 54
    1,046", the tags "rsync backup hidden-files", "Share Improve this answer Follow", "3
    Answers", "Add a comment")."""
    return (
        bool(line)
        and not _prose(line)
        and not _CODE_MARKS.intersection(line)
        and sum(any(c.isalpha() for c in w) for w in line.split()) <= _BUTTON_WORDS
    )


#: the most words of a question's figures over its text (:func:`_qa_figures`)
_QA_FIGURES_WORDS = 20
#: a figure's word of a question's figures: its age, last change and views, in the languages
#: of :data:`_QA_ASKED` ("Asked 2 years ago", "Modified", "Viewed 48k times", "Vue 12k fois")
_QA_FIGURE_WORD = re.compile(
    rf"(?i)(?<!\w)(?:{_QA_ASKED}|modified|viewed|active|modifiée?|vue|geändert|angesehen"
    r"|modificad[ao]|vist[ao]|modificat[ao]|gewijzigd|bekeken|visualizad[ao])(?!\w)"
    r"|\d[kKmM]?\s+(?:times|views|fois|mal|veces|volte|keer|vezes)(?!\w)"
)


def _qa_figures(line: str) -> bool:
    """Whether ``line``, over a Q&A page's question, is the question's figures: no
    sentence, a count or an age in it, at most :data:`_QA_FIGURES_WORDS` words ("Asked 2
    years, 3 months ago Modified 8 months ago Viewed 48k times", "Posée il y a 2 ans ·
    Modifiée il y a 8 mois · Vue 12k fois"): too long for a small line (:func:`_qa_small`),
    it was kept over the question (s49 forum49 left). Over the question's first sentence
    and under the page's top, a line with a figure's word (:data:`_QA_FIGURE_WORD`) and no
    sentence is no text of it; a line with a figure alone is the question's own, its
    "Environment: Python 3.12 on Ubuntu 22.04" (read51 F10)."""
    return (
        not _prose(line)
        and any(c.isdigit() for c in line)
        and _QA_FIGURE_WORD.search(line) is not None
        and len(line.split()) <= _QA_FIGURES_WORDS
        and not _CODE_MARKS.intersection(line)
    )


#: the lines under a Q&A page's last stamp read for the text of a post under it (its
#: poster's line and figures over it)
_QA_UNDER = 3


def qa_chrome(lines: Sequence[str], keep: Sequence[bool]) -> tuple[list[int], list[int]]:
    """The kept lines of a Q&A page (Stack-Exchange-like; ``lines`` stripped) that are its
    chrome: a question and its answers, each post's text over its stamp ("asked Mar 3, 2023
    at 10:12", "answered …": :func:`_qa_stamp`, a question's and one answer's at least) and
    its poster. Between two stamps, the small lines (:func:`_qa_small`: votes, tags, "Share
    Improve this answer Follow", the posters' figures, "3 Answers", "Add a comment") before
    the post's first sentence and after its last (a command between its sentences is the
    post's); over the question's text, the small lines and the question as its title (the
    record's title holds it); under the last stamp, all but its poster and the comments
    under the last answer (:data:`_QA_COMMENT`): the linked and related questions and the
    footer. The stamps and the posters' names under them stay, the posts' bylines. The
    line model kept the chrome in the posts' context (s48 forum48's Q&A fixture: 103 words
    of chrome kept in 213). Returns ``(posts, chrome)``: ``posts`` the removed lines of the
    answers' text (their sentences and the lines between: a command), which the model
    removed as any short page's lines (a French fixture's last answer; the question's text
    is not looked for: over it, the page's top is no post's); ``([], [])`` when the page
    is no Q&A page."""
    # (a stamp's line starts with a match of :data:`_QA_STAMP`: a page with none is no Q&A
    # page, told by a loop in C, where a call of _qa_stamp a line cost ~20 µs a page)
    if not any(map(_QA_STAMP.match, lines)):
        return [], []
    stamps = [(j, kind) for j, s in enumerate(lines) if (kind := _qa_stamp(s))]
    # (of two "asked" stamps in a row, the first is the question's figures over it, "Asked 2
    # years, 3 months ago Modified … Viewed 48k times", and the second its stamp under it)
    while len(stamps) > 1 and stamps[0][1] == stamps[1][1] == "asked":
        del stamps[0]
    if not stamps or stamps[0][1] != "asked" or not any(k == "answered" for _, k in stamps[1:]):
        return [], []
    at = [j for j, _ in stamps]

    # (the stamps over the texts instead, a parliament's written question, an FAQ column:
    # no question's text over its "asked" stamp, a paragraph right under the last stamp;
    # under Stack Exchange's last stamp stand its poster, comments and small chrome; read50 F8)
    def paragraph(j: int) -> bool:
        return _prose(lines[j]) and len(lines[j].split()) >= _PROSE_WORDS

    if not any(paragraph(j) and not _thread_title(lines[j]) for j in range(at[0])):
        under = [j for j in range(at[-1] + 1, len(lines)) if lines[j]][:_QA_UNDER]
        if any(paragraph(j) and not _has_time(lines[j]) for j in under):
            return [], []
    # (a poster's name under its stamp, not its figures: "402k 54 1,046")
    bylines = set(at) | {
        j + 1
        for j in at
        if j + 1 < len(lines) and _poster(lines[j + 1]) and _QA_NAME.search(lines[j + 1])
    }
    out: list[int] = []
    posts: list[int] = []
    # (each post's lines: from the stamp over it, or the page's top, to its own stamp)
    for lo, hi in zip([-1, *at[:-1]], at, strict=True):
        # (its sentences, and a sentence that announces a command: "… as follows:", not a
        # label's few words, Stack Exchange's "Sorted by:"; not its poster's name, "Stephen K.")
        said = [
            j
            for j in range(lo + 1, hi)
            if j not in bylines
            and (
                _prose(lines[j])
                or (lines[j].endswith(":") and lines[j].count(" ") >= _BUTTON_WORDS)
            )
        ]
        if not said:
            continue
        # (the question's text starts under its title, a question too)
        head = said[0]
        if lo < 0:
            head = next((j for j in said if not _thread_title(lines[j])), head)
        small = [
            j for j in range(lo + 1, hi) if keep[j] and j not in bylines and _qa_small(lines[j])
        ]
        out += [j for j in small if j < head or j > said[-1]]
        if lo >= 0:  # (an answer's text: its sentences, the command between them)
            posts += [
                j
                for j in range(head, said[-1] + 1)
                if not keep[j]
                and lines[j]
                and (_prose(lines[j]) or lines[j].count(" ") >= _BUTTON_WORDS)
            ]
        if lo < 0:  # (over the question: its title, kept as a sentence, and its figures)
            out += [
                j
                for j in range(head)
                if keep[j] and (_thread_title(lines[j]) or _qa_figures(lines[j])) and j not in out
            ]
    comments = True  # (the comments right under the last answer's poster)
    for j in range(at[-1] + 1, len(lines)):
        if not keep[j] or not lines[j] or j in bylines:
            continue
        if comments and _QA_COMMENT.match(lines[j]) and _has_time(lines[j]):
            continue
        comments = comments and _qa_small(lines[j])
        out.append(j)
    return posts, sorted(out)
