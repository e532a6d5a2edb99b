"""Markdown and hard-wrapped plain text as one block per line, with each block's input lines.

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

Markdown (what html2text and most crawlers' "markdown" output give: links as
``[text](url)``, bullets, headings, paragraphs wrapped or not) is rendered by cmark, the
CommonMark reference implementation (C, through cmarkgfm), with each block's source lines,
and each leaf block (a paragraph, a heading, a list item's own text) becomes one line of its
visible text: link text without the URL, no images, no markup (:func:`markdown_blocks`).
Link and image syntax the parser leaves as text (html2text breaks long URLs at hyphens and
splits long links across lines and blocks) is cut in the read-back (:func:`_left_markup`),
and a heading html2text wrapped is read as one block (:func:`_wrapped_headings`).
A text is taken for markdown when it has at least :data:`_MD_MIN_LINKS` inline links and one
per :data:`_MD_LINES_PER_LINK` non-blank lines (the dev pages as rendered text have none; as
html2text writes them, 589 of 595 have three or more).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache
from itertools import compress, islice, pairwise, repeat
from typing import Any, NamedTuple

from corearchive import lazyre as re

from .codeblocks import blocks
from .lines import CLOSING_MARKS, SCRIPT_ENDS, SENTENCE_MARKS

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
#: A short text has fewer forced breaks than :data:`_MIN_BREAKS`: an article of a few
#: paragraphs wrapped wide (190 columns, ``lynx -width=200``), or one of two paragraphs
#: and a list wrapped at 80 (a recipe, a brief with key points: s34 structure acceptance
#: test #4). This many do, when at least half of them, and two, run on in the middle of a
#: sentence (:func:`_runs_on`) outside runs of lines that are units of their own
#: (:func:`_unit_lines`), and they read as prose (:func:`_reads_as_prose`: free verse of
#: long lines does not). A text not wrapped has near its longest line few lines that end
#: without a sentence's end and go on in lower case: its paragraphs end so (at any width:
#: no text as given of the 1,093 dev pages, the 5 seeds and 2,460 acceptance testers'
#: renderings of other kinds is read as wrapped for it). (From one or two breaks, texts of
#: short paragraphs were joined too: dedup_quality's near recall 0.881 -> 0.869.)
_FEW_BREAKS = 3
#: A sentence's end (or a clause's) at a line's end, closing quotes and brackets aside
_LINE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*$")
#: A sentence's end inside a line, more text after it
_INNER_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")


def _runs_on(lines: list[str], forced: list[bool], n_forced: int) -> bool:
    """Whether at least half of the ``n_forced`` forced breaks, and two, are in the middle of
    a sentence: the line ends with no sentence end and the next goes on in lower case."""
    n = sum(
        1
        for i, f in enumerate(forced)
        if f
        and _LINE_END.search(lines[i].rstrip()) is None
        and (c := lines[i + 1].lstrip()[:1]).isalpha()
        and c.islower()
    )
    return n >= 2 and 2 * n >= n_forced


#: A line that starts a list item with a bullet. (Not "1." or "-": a wrapped sentence's
#: next piece often starts so, "3. März", "- Hollande"; on the dev pages wrapped at 72 and
#: 80 such a rule broke 114 more of 2,186 pages than it mended.)
_LIST_ITEM = re.compile(r"[*•·‣◦▪]\s")
#: A form's button as lynx writes it ("(BUTTON) Share", "(submit)"): the browser's mark,
#: never the page's words (the one pattern of reflow, chrome and structures)
BROWSER_BUTTON = r"(?i:\((?:button|submit|reset)\))"
#: A form's control at a line's start as a text browser writes it: a radio button ("(*)",
#: "( )"), a check box ("[X]", "[ ]")
_FORM_CONTROL = re.compile(r"(?:\([* ]\)|\[[Xx ]\])\s")
#: A button at a line's start as lynx writes one ("(BUTTON) Share"): see :func:`_form_control`
_BUTTON_START = re.compile(rf"{BROWSER_BUTTON}\s")
#: A clock's time, its hour and its minutes ("14:32", "21.40", "9h05"; the one pattern of
#: reflow and structures)
CLOCK = r"([01]?\d|2[0-3])[:.h]([0-5]\d)"
#: A running time: a video's, an episode's or a player's length or position ("1:26",
#: "12:47", "1:02:33"), its minutes and seconds two digits under 60, no half of the day,
#: no zone, no "h"/"Uhr" (the one pattern of :mod:`.service`, :mod:`.pagetools` and the
#: metadata's titles: they were three, each of them taking "12:75" or "1:2:33" too)
RUNNING_TIME = r"\d{1,2}(?::[0-5]\d){1,2}"
#: A clock time alone on a line ("14:32", "21.40 Uhr", "9h05"), with at most its zone or
#: "Uhr": after a sentence's end, a live blog's next post's time, not the paragraph's last
#: words (lynx wrote each post's time under the paragraph before it: s44 acc-genres G1)
_TIME_LINE = re.compile(
    rf"{CLOCK}(?:\s*(?:uhr|h|am|pm|gmt|bst|utc|cet|cest|et|pt))?",
    re.I,
)
#: A list item's mark and the spaces after it, at the line's start: a bullet, or a number
#: or letter with a point or a bracket (only to find where the item's text starts)
_ITEM_MARK = re.compile(r"[ \t]*(?:[*+•·‣◦▪○■□☆●o#@-]|\d{1,3}[.)]|[a-z][.)])[ \t]+(?=\S)")
#: A nested list's item as text browsers mark them by level (lynx: ``*`` ``+`` ``o`` ``#``
#: ``@``; w3m: ``•`` ``□`` ``☆`` ``○`` ``■``; see :func:`_next_item`)
_NESTED_ITEM = re.compile(r"[ \t]*[*+•·‣◦▪○□■●◎☆★o#@][ \t]+(?=\S)")
#: lynx's marks of a nested list's levels (the others of :data:`_NESTED_ITEM` are w3m's)
_LYNX_LEVELS = frozenset("*+o#@")


def _next_item(cur: str, nxt: str) -> bool:
    """Whether line ``nxt`` (as written) is the next item of a list nested by levels after
    line ``cur``: it starts with a bullet of any level (:data:`_NESTED_ITEM`) and is
    outdented from ``cur``'s text (a sibling under a hanging indent, or a level up). A
    wrapped sentence's next piece starting "o " (Portuguese, Italian), "+ " or "# " is at
    the text's own indent. (A lynx menu's items, "... das Judentum" / "# Was heißt
    Religionsgemeinschaft ...", were joined into lines of 20 words and kept: held-out.)
    (The bullet first: most lines have none, and the indents cost more; s45 midrev M10.)

    A w3m mark ("□ ○ ■ ☆") after a line that is no item of its own, an item's wrapped
    text, is not: w3m hangs a teaser's summary under the item of its picture's label, and
    the next teaser's label, "□ Marie Yovanovitch", went on with the summary over it; apart,
    the summaries of a list of teasers were kept as the article's (s46 acc-regress R5)."""
    if (m := _NESTED_ITEM.match(nxt)) is None or _indent(nxt) >= _text_indent(cur):
        return False
    return m.group().strip() in _LYNX_LEVELS or _NESTED_ITEM.match(cur) is not None


def _first_word(s: str) -> int:
    """Length of the first word of ``s`` (stripped)."""
    n = s.find(" ")
    return len(s) if n < 0 else n


def _line_columns(s: str) -> int:
    """The columns ``s`` takes where it holds Chinese or Japanese (:func:`_columns`: a text
    browser wraps it by columns, two a character), else its length: a w3m dump of Chinese
    or Japanese, measured in characters, had a width of half its lines', and none of its
    breaks was found (a sentence's last "。" left alone on a line, a subheading lost: s45
    acc-regress R3)."""
    return (_CJK.search(s) is not None and _columns(s)) or len(s)


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip())


def _text_indent(s: str) -> int:
    """Where the text of line ``s`` starts: its indent, or in a list item, after its bullet
    or number (``"  * text"``, ``"  1. text"``), where lynx and w3m indent the item's next
    lines (a hanging indent)."""
    m = _ITEM_MARK.match(s)
    return m.end() if m else _indent(s)


#: A centred line is indented more than this deeper than the line over it: deeper than a
#: paragraph's first line is (a tab's 8 spaces at most), which the same middle can match
_CENTRED_INDENT = 8


def _centred(cur: str, nxt: str) -> bool:
    """Whether line ``nxt``, indented deeper than ``cur`` (more than
    :data:`_CENTRED_INDENT`), is centred under it, on the same middle (within a column):
    lynx centres a headline and each of its wrapped lines, and the headline's last words
    stood alone, indented as a paragraph's first line (s40 acc-synd #6: the title was the
    headline's first line)."""
    a, b = _indent(cur), _indent(nxt)
    return (
        0 < a < b - _CENTRED_INDENT
        and abs(2 * a + len(cur.strip()) - 2 * b - len(nxt.strip())) <= 2
    )


def _centred_in_width(cur: str, nxt: str, width: int) -> bool:
    """Whether line ``nxt`` is centred in the text's ``width`` under line ``cur``, which
    starts at the margin: lynx writes a headline that fills the width from the margin and
    centres its wrapped rest, counting bytes, not characters ("Ley Orgánica …" /
    "(45 spaces)digitales"; a Russian headline's rest, two bytes a letter, stood 2 columns
    in). The rest was read as a block of its own and the headline's second half was the
    page's title (s47 acc-gov G3)."""
    b = _indent(nxt)
    if _indent(cur) or not b:
        return False
    rest = nxt.strip()
    return any(abs(2 * b + n - width) <= 2 for n in {len(rest), len(rest.encode("utf-8"))})


def _forced(lines: list[str], width: int) -> list[bool]:
    """Per line, whether it ends at a forced break for ``width``: another line follows, its
    first word would not have fit after this one (a word longer than half the width fits
    after no line looked at: after a sentence's end it starts a block), and it does not
    start a block of its own (a bulleted list item or a nested list's next item, see
    :func:`_next_item`, or a line indented deeper than this
    one's text, unless centred under it (:func:`_centred`): a paragraph's first-line
    indent, a nested item; a list item's next line is
    indented as far as the item's text, under it; a numbered item after a sentence's end
    or another item: see :func:`_numbered_item`; a speaker's turn of a dialogue: see
    :func:`_speakers`; a form's controls: :func:`_form_control`; a clock time alone after a
    sentence's end: :func:`_time_after_end`)."""
    n = len(lines)
    out = [False] * n
    edges = _edges(lines, width)
    speakers = _speakers(lines)
    for i in range(n - 1):
        cur = lines[i]
        k = _line_columns(cur.rstrip())
        if k > width // 2:
            raw = lines[i + 1]
            nxt = raw.strip()
            # (a renderer breaks Chinese or Japanese anywhere: the next "word" is a
            # character of two columns)
            word = 2 if _CJK.match(nxt) else _first_word(nxt)
            out[i] = (
                bool(nxt)
                and k + 1 + word > edges.get(_indent(cur), width)
                # a word too long to fit after any line looked at here (an image's address
                # that lynx writes under the paragraph before it) tells nothing of a wrap:
                # after a sentence's end, the line ends its block (the lead of a Reuters
                # story was joined to its photo's address and caption and removed with
                # them: s40 acc-synd #14)
                and (word < width - width // 2 or _LINE_END.search(cur.rstrip()) is None)
                and (
                    _indent(raw) <= _text_indent(cur)
                    or _centred(cur, raw)
                    or _centred_in_width(cur, raw, width)
                )
                and _LIST_ITEM.match(nxt) is None
                and not _next_item(cur, raw)
                and not _numbered_item(cur.strip(), nxt)
                and not _turn(nxt, speakers)
                and not _form_control(cur, nxt)
                and not _time_after_end(cur, nxt)
                and not _glued_after_end(cur, nxt)
            )
    return out


#: An indent's own right edge is told by at least this many of its lines with a space
_EDGE_MIN_LINES = 20


def _edges(lines: list[str], width: int) -> dict[int, int]:
    """Per indent that has lines enough to tell, the column its lines were wrapped at, where
    it is not ``width``: lynx gives a paragraph a margin on both sides (3 columns: its
    lines end by column 74 of 80, a heading's by 77), so the text's widest line is no
    paragraph's edge. The edge is the longest length that two or more of the indent's
    lines reach (one line can pass it: a word too long to break)."""
    by: dict[int, Counter[int]] = defaultdict(Counter)
    for ln in lines:
        s = ln.rstrip()
        k = len(s)
        if k > width // 2 and " " in s.lstrip():
            by[len(s) - len(s.lstrip())][k] += 1
    edges: dict[int, int] = {}
    for ind, count in by.items():
        if ind and count.total() >= _EDGE_MIN_LINES:
            edge = max((k for k, c in count.items() if c >= 2), default=width)
            if edge < width:
                edges[ind] = edge
    return edges


def _reads_as_prose(lines: list[str], forced: list[bool], width: int) -> bool:
    """Whether the lines ``forced`` breaks (:func:`_forced`) read as wrapped prose: a
    sentence ends inside one of them, or a paragraph of one sentence (two or three lines:
    a run of one or two breaks) ends on a line shorter than the lines near the ``width``.
    Verse of long lines has no end inside them, and its stanza is a longer run."""
    run = 0
    for i, f in enumerate(forced):
        run = run + 1 if f else 0
        if f:
            if _INNER_END.search(lines[i]) or _INNER_END.search(lines[i + 1]):
                return True
            last = lines[i + 1].rstrip()
            if (
                run <= 2
                and not forced[i + 1]
                and len(last) < width - _NEAR
                and _LINE_END.search(last)
            ):
                return True
    return False


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
    stripped = list(map(str.strip, lines))
    spaced = compress(stripped, map(str.__contains__, stripped, repeat(" ")))
    width = max(map(len, spaced), default=0)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    # (a line of Chinese or Japanese wider than that, in columns: no wrapper made it — a
    # page of paragraphs written without spaces, one a line, whose longest spaced line is
    # a Latin copyright footer, was joined into one line at that width: s45 acc-wire W2)
    half = width // 2
    if any(len(ln) > half and not ln.isascii() and _columns(ln) > width + _NEAR for ln in lines):
        return None
    # (a necessary condition, counted in C: at least as many lines near the width as the
    # forced breaks a wrapped text has; most texts with short lines stop here)
    if sum(map((width - _NEAR).__le__, map(len, lines))) < _FEW_BREAKS:
        return None
    forced = _forced(lines, width)
    # (a lynx button that goes on with the line over it is no wrapper's break: a consent
    # banner's and a comment form's buttons found a width on pages with none, and a forum's
    # short posts were then joined to their "Reply" bars and removed: s46 acc-regress R1)
    forced = [
        f and (i + 1 == len(lines) or _BUTTON_START.match(lines[i + 1].lstrip()) is None)
        for i, f in enumerate(forced)
    ]
    near = [
        f
        for i, (ln, f) in enumerate(zip(lines[:-1], forced, strict=False))
        if len(ln.rstrip()) >= width - _NEAR and lines[i + 1].strip()
    ]
    n_forced = sum(near)
    if n_forced < _MIN_SHARE * len(near):
        return None
    if n_forced < _MIN_BREAKS:
        # (a run of lines that are units of their own, a list without end marks, chat
        # turns, verse, has lines of about one length that go on in lower case too, and
        # so has a page whose links are lines of their own: see is_fragmented)
        if n_forced < _FEW_BREAKS or is_fragmented("\n".join(lines)):
            return None
        units = _unit_lines(lines)
        if not _runs_on(lines, [f and i not in units for i, f in enumerate(forced)], n_forced):
            return None
        # (free verse of long lines in small letters without end marks was joined: s35
        # acc-read #12)
        if not _reads_as_prose(lines, forced, width):
            return None
    # A wrapped sentence goes on in lower case after many of its breaks; the items of a
    # list of headlines of about the same length (which can pass the test above) start with
    # a capital (dev pages wrapped at 80: >= 0.32 on 99 % of them, 0.18 at the least).
    starts = [lines[i + 1].lstrip()[:1] for i in range(len(lines) - 1) if forced[i]]
    if sum(1 for c in starts if not c.isupper()) < _MIN_LOWER * len(starts):
        return None
    return width


#: Characters of Chinese and Japanese (Han, kana, CJK and full-width punctuation): a text
#: written without spaces, which a terminal renderer (``w3m -dump``) breaks anywhere, at a
#: width it counts in columns, two for each of these. (Not Hangul: Korean is written with
#: spaces between words and wrapped at them, as the texts above.)
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: Thai, Lao, Myanmar and Khmer: scripts also written without spaces between words (a space
#: parts phrases there), so a renderer breaks their lines anywhere too, inside words, at a
#: width of one column a letter; their vowel signs and tone marks (combining marks) take
#: no column of their own and stay with their letter.
_SOUTHEAST = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
#: A character of a script written without spaces: a wrapped line of them is joined to the
#: next without one (:func:`_join_cjk`)
_UNSPACED = re.compile(_CJK.pattern[:-1] + _SOUTHEAST + "]")
_SOUTHEAST_CHAR = re.compile("[" + _SOUTHEAST + "]")
#: The combining marks of those scripts: no column of their own
_SOUTHEAST_MARK = re.compile(
    "["
    + "".join(
        c
        for a, b in ((0x0E00, 0x0F00), (0x1000, 0x10A0), (0x1780, 0x1800))
        for c in map(chr, range(a, b))
        if unicodedata.category(c) in ("Mn", "Mc", "Me")
    )
    + "]"
)
#: A comma, an enumeration comma or a stop inside a line of Chinese or Japanese, or a space
#: between two letters of Thai, Lao, Myanmar or Khmer (where it parts phrases and sentences)
_CJK_INNER = re.compile("[，、。；：！？]|(?<=[" + _SOUTHEAST + "]) (?=[" + _SOUTHEAST + "])")
#: A line that ends a sentence or a quotation of Chinese or Japanese (or of any text)
_CJK_END = re.compile(r"[。．！？!?.」』）)】]$")
#: A Chinese or Japanese text wrapped at a width: at least this many of its lines end at
#: the width (within :data:`_CJK_NEAR` columns) and go on, and they are at least
#: :data:`_MIN_SHARE` of the lines that reach the width and are followed by another
_CJK_MIN_BREAKS, _CJK_NEAR = 2, 2


def _columns(line: str) -> int:
    """The columns a line of a script written without spaces takes (two a Chinese or
    Japanese character, none a combining mark of Thai, Lao, Myanmar or Khmer, one any other
    character), or 0 when most of its characters are of none of those scripts."""
    s = line.rstrip()
    n = len(_UNSPACED.findall(s))
    if n * 2 < len(s.lstrip()):
        return 0
    if _SOUTHEAST_CHAR.search(s) is None:
        return len(s) + n
    return len(s) + len(_CJK.findall(s)) - len(_SOUTHEAST_MARK.findall(s))


def cjk_breaks(lines: list[str]) -> tuple[int, list[bool]] | None:
    """The width and, per line, whether it ends at a break a renderer forced in a Chinese,
    Japanese, Thai, Lao, Myanmar or Khmer text wrapped at a fixed width, or None when the
    text is not so wrapped. Such a text is broken inside its words (:func:`wrap_width` never
    sees a Chinese one; it may take a Thai one, which has spaces between phrases, for a text
    wrapped at them): its lines of text are as wide as the width and the next goes on (not a
    list item, not a new block: no deeper indent). A line that ends a sentence ends its
    paragraph here. The width is counted in columns, as a terminal renderer counts it
    (``w3m -dump``: 80), or in characters, as a program that cuts every so many characters
    does (a database's field, a scraper's dump): of the two, the one that finds more breaks
    (a cut every 24 characters left a paragraph with "5.5%" in pieces, its line four
    columns narrower than the others: s38 acc-script #5)."""
    # (a line of such a script: at least half of its characters, not a Latin line with a
    # name in Han characters, "Pull Apart Bread 牛油砂糖面包", which a Latin wrap would have
    # broken at a space)
    cols = list(map(_columns, lines))
    chars = [len(line.rstrip()) if c else 0 for line, c in zip(lines, cols, strict=True)]
    best = None
    for widths, least, near in ((cols, _MIN_WIDTH, _CJK_NEAR), (chars, _MIN_WIDTH // 2, 0)):
        got = _breaks_at(lines, widths, least, near)
        if got is not None and (best is None or sum(got[1]) > sum(best[1])):
            best = got
    return best


def _breaks_at(
    lines: list[str], widths: list[int], least: int, near: int
) -> tuple[int, list[bool]] | None:
    """:func:`cjk_breaks` with the lines' ``widths`` in one measure (0: a line of another
    script), a width of at least ``least``, a line within ``near`` of the width reaching it."""
    width = max(widths, default=0)
    if not least <= width <= _MAX_WIDTH:
        return None
    out = [False] * len(lines)
    n_near = 0
    # (the breaks short of the width at a space inside Latin words, :func:`_latin_break`:
    # joined once the width is taken, but no evidence for it: counted, they refused the
    # width of a Japanese blog's lynx dump whose lines end in Latin words)
    latin: list[int] = []
    for i in range(len(lines) - 1):
        if not (nxt := lines[i + 1]).strip():
            continue
        cur = lines[i].rstrip()
        joinable = _indent(nxt) <= _indent(cur) and _LIST_ITEM.match(nxt.strip()) is None
        if widths[i] < width - near:
            if joinable and _latin_break(cur, nxt, widths[i], width):
                latin.append(i)
            continue
        n_near += 1
        out[i] = _CJK_END.search(cur) is None and joinable
    n = sum(out)
    if n < _CJK_MIN_BREAKS or n < _MIN_SHARE * n_near:
        return None
    # (a wrapped paragraph's pieces are prose: most hold a comma or a stop of their own; a
    # table of contents of lines as wide, "第一章　北京的…影响研究", holds none, and was
    # joined into one line: s33 acc-regress #8)
    prose = sum(1 for i, b in enumerate(out) if b and _CJK_INNER.search(lines[i].rstrip()[:-1]))
    if prose * 2 < n:
        return None
    for i in latin:
        out[i] = True
    return width, out


def _latin_break(cur: str, nxt: str, used: int, width: int) -> bool:
    """Whether a wrapper broke a line of Chinese or Japanese (``cur``, ``used`` of the
    ``width`` in the measure counted) at a space inside Latin words: ``cur`` ends with a
    Latin word, at least half the width, and ``nxt``'s first word, Latin, would not have fit
    after it ("…組織「ボコ・ハラム（Boko" / "Haram）」によるもの…": lynx breaks there, short of
    the width; parted, the sentence's first piece was lost, s46 acc-regress R4)."""
    if 2 * used < width or not cur[-1:].isascii() or not cur[-1:].isalnum():
        return False
    word = nxt.split(None, 1)[0]
    return word[:1].isascii() and word[:1].isalpha() and used + 1 + _columns(word) > width


def _join_cjk(parts: list[str]) -> str:
    """The pieces of a line of a script written without spaces wrapped by columns joined:
    with no space between two pieces where either side is such a character ("学" / "べる",
    "ปัญหา" / "การ"), else with one."""
    out = parts[0]
    for nxt in parts[1:]:
        out += nxt if _UNSPACED.match(out[-1:]) or _UNSPACED.match(nxt) else " " + nxt
    return out


def _join_spaced(parts: list[str]) -> str:
    """The pieces of a line wrapped at spaces joined by one, but before a piece that starts
    with a combining mark (a vowel sign, a tone mark), which belongs to the letter the piece
    before ends with: a wrap that broke there had no space to break at (a Thai text cut by
    characters, "รถยนต" / "์ส่วนตัว"; a space before the mark leaves it alone on a dotted
    circle), and between two Chinese or Japanese characters (a Japanese line a text
    browser wrapped at a space it wrote after a full-width character, or a short dump's
    breaks, :func:`few_breaks`: "…少なくとも4人" / "が死亡、…" was joined with a space inside
    a word: s44 acc-regress R5). Not between two of Thai, Lao, Khmer or Myanmar: a line of
    those broken at a space broke where the text parts its phrases, and the join keeps the
    space (a Thai page's every wrapped line lost it: s45 acc-regress R4)."""
    if not any(map(_mark_first, parts[1:])) and not any(
        _CJK.match(a[-1:]) and _CJK.match(b) for a, b in pairwise(parts)
    ):
        return " ".join(parts)
    out = parts[0]
    for nxt in parts[1:]:
        glued = _mark_first(nxt) or (_CJK.match(out[-1:]) and _CJK.match(nxt))
        out += nxt if glued else " " + nxt
    return out


def _mark_first(piece: str) -> bool:
    """Whether ``piece`` starts with a combining mark."""
    return bool(piece) and unicodedata.category(piece[0])[0] == "M"


#: Ragged wrapping (:func:`ragged_band`): a text set in proportional type (OCR of a printed
#: column, pdftotext, a hand-wrapped mail or Project Gutenberg text) breaks its lines where
#: the printed line ended, not where a fixed width forced them, so a line's length says
#: little and :func:`_forced` misses most breaks; its breaks are told by what goes on: the
#: next line goes on with a sentence that did not end (a small letter), or the line ends in a
#: word broken by a hyphen. At least this many such breaks ...
_RAGGED_MIN = 3
#: ... they are at least this share of the breaks between two non-blank lines ...
_RAGGED_SHARE = 0.25
#: ... and their lines are about as long: the shortest tenth at least this share of the
#: longest tenth (a text written one block per line has paragraphs of every length; the
#: acceptance tester's OCR columns and the wrapped text of tests: >= 0.78)
_RAGGED_SPREAD = 0.75
#: A line with a run of this many spaces (a running head set across the page, a table's
#: columns) is no piece of a wrapped paragraph unless what follows goes on with it.
_GAP = "   "


def _hyphen_break(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``cur`` ends in a word broken by a hyphen that the
    stripped line ``nxt`` goes on with ("even-" / "ing", "Student-" / "Athlete")."""
    return len(cur) > 1 and cur[-1] == "-" and cur[-2].isalpha() and nxt[:1].isalpha()


def goes_on_wrapped(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` goes on with ``cur``'s sentence: a word broken by
    a hyphen, or a small letter after a line that does not end a sentence."""
    return _hyphen_break(cur, nxt) or (nxt[:1].islower() and not cur.endswith(_ENDS))


def wrapped_within(lines: list[str], width: int) -> list[bool]:
    """Per line of ``lines`` (a text's consecutive non-blank lines, as given), whether the
    next line goes on with its sentence at a forced break for ``width`` (:func:`_forced`):
    no sentence's or clause's end at the line's end. For a text too short for
    :func:`wrap_width` to tell it was wrapped (one or two breaks: a release of three
    paragraphs wrapped at 100 columns, s41 acc-press F9): its paragraphs' lines are then
    decided as one (``boilerplate._decide_wrapped``)."""
    forced = _forced(lines, width)
    return [f and _LINE_END.search(s.rstrip()) is None for f, s in zip(forced, lines, strict=True)]


def ragged_band(lines: list[str]) -> tuple[int, int] | None:
    """``(lo, hi)``: the lengths of the lines of a text wrapped raggedly (see
    :data:`_RAGGED_MIN`), or None. The breaks that go on (:func:`goes_on_wrapped`) are
    where the text was wrapped; ``lo`` is nine tenths of the shortest tenth of their lengths,
    ``hi`` the longest (the width). A line from ``lo`` to a tenth over ``hi`` followed by a
    line of text goes on in it (see :func:`ragged_joins`)."""
    lengths: list[int] = []
    ends: list[str] = []
    pairs = k_prev = words = caseless = 0
    prev = ""
    for raw in lines:
        cur = raw.strip()
        if cur and prev:
            pairs += 1
            if _LIST_ITEM.match(cur) is None:
                if goes_on_wrapped(prev, cur):
                    lengths.append(k_prev)
                    words += _broken_word(prev, cur)
                elif k_prev >= _CASELESS_MIN and _goes_on_caseless(prev, cur):
                    lengths.append(k_prev)
                    ends.append(prev)
                    caseless += 1
        prev = cur
        k_prev = len(raw.rstrip())
    n = len(lengths)
    if n < _RAGGED_MIN or n < _RAGGED_SHARE * pairs:
        return None
    lengths.sort()
    low, high = lengths[n // 10], lengths[(9 * (n - 1)) // 10]
    if high > _MAX_WIDTH or (high < _MIN_WIDTH and _wide_top(ends) < _MIN_WIDTH):
        return None
    if 2 * caseless > n:
        # (and the band's top is the longest tenth's, not the longest line's: a headline
        # before its byline is such a break too, and set a top that joined it to the byline)
        if low < _CASELESS_SPREAD * high:
            return None
        return int(0.9 * low), high
    if low < _RAGGED_SPREAD * high:
        # (lines of every length: a text written a block per line, unless its lines end in
        # words broken by a hyphen, which no block does: a hand-wrapped text's "deteriora-" /
        # "ting", its lines 29 to 61 long, was left in pieces, s36 acc-regress O4. Then only
        # the lines that go on, and those near the longest, are joined)
        if words < _RAGGED_MIN or 2 * words < n:
            return None
        low = high
    return int(0.9 * low), lengths[-1]


#: A text whose breaks go on mostly in a script without case (Arabic, Hebrew, the Indic
#: scripts, Hangul) has no small letter to tell a line that goes on from one that starts a
#: block (a menu item, a headline of a list of them): its breaks are those of a line that
#: does not end a sentence before a letter (:func:`_goes_on_caseless`) and is long enough
#: to be a wrapped one (the narrowest band of the narrowest width: ``_CASELESS_MIN``), and
#: the lines are taken for wrapped only when they end in a tighter band than a cased
#: text's, the shortest tenth at least ``_CASELESS_SPREAD`` of the longest (a wrapper at
#: spaces leaves lines within a word of its width; a list of headlines, of every length)
_CASELESS_MIN = int(_RAGGED_SPREAD * _MIN_WIDTH)
_CASELESS_SPREAD = 0.8


#: Hangul syllables and jamo, and the characters of :data:`_CJK`: two columns each on a
#: terminal, as a renderer or a typewriter-like wrapper counts them
_WIDE = re.compile(_CJK.pattern[:-1] + "\u1100-\u115f\uac00-\ud7a3]")


def _wide_top(ends: list[str]) -> int:
    """The columns of the longest tenth of the lines ``ends`` (the lines of a text in a
    script without case that go on), two for a wide character (:data:`_WIDE`): a Korean
    text wrapped at 76 columns has lines of 38 characters, narrower than any width looked
    at, and was left in pieces; a fragment of its first paragraph became the title (s39
    acc-regress D2)."""
    if not ends:
        return 0
    cols = sorted(len(s) + len(_WIDE.findall(s)) for s in ends)
    return cols[(9 * (len(cols) - 1)) // 10]


def _goes_on_caseless(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` may go on with ``cur``'s sentence in a script
    without case: it starts with a letter that has no case (and is not of a script written
    without spaces, which :func:`cjk_breaks` reads) after a line that ends no sentence."""
    c = nxt[:1]
    return (
        c.isalpha()
        and not c.isupper()
        and not c.islower()
        and _UNSPACED.match(c) is None
        and not cur.endswith(_ENDS + _CASELESS_ENDS)
    )


#: The sentence ends of scripts without case that :data:`_ENDS` lacks (Arabic "؟" and
#: full stop "۔", the Indic danda)
_CASELESS_ENDS = tuple(SCRIPT_ENDS)


def _broken_word(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``cur`` ends in a word that the stripped line ``nxt`` goes
    on with after a hyphen, in a small letter ("deteriora-" / "ting", "well-" / "known")."""
    return _hyphen_break(cur, nxt) and nxt[0].islower()


#: a line that starts with a small letter, or a word broken by a hyphen at a line's
#: end: what a raggedly wrapped text has :data:`_RAGGED_MIN` of at least
#: (small letters of the Latin, Greek and Cyrillic scripts, and Latin Extended-A and -B
#: whole: a class of ranges is matched in C ~4x faster than "a letter not a capital")
_GOES_ON_AFTER = re.compile(
    r"\n[ \t]*[a-zß-öø-ÿ\u0100-\u024f\u03ac-\u03ce\u0430-\u045f]|-[ \t]*\n"
    # (or a letter of a script without case: Hebrew, Arabic, the Indic scripts, Hangul)
    r"|\n[ \t]*[\u05d0-\u05ea\u0620-\u064a\u0671-\u06d3\u0904-\u0db9\uac00-\ud7a3]"
)


def _ragged(text: str, lines: list[str]) -> tuple[int, int] | None:
    """:func:`ragged_band` of ``lines`` (of ``text``), but None at once (decided in C) for a
    text with too few lines that go on (:data:`_GOES_ON_AFTER`)."""
    if sum(1 for _ in islice(_GOES_ON_AFTER.finditer(text), _RAGGED_MIN)) < _RAGGED_MIN:
        return None
    return ragged_band(lines)


def ragged_joins(lines: list[str], band: tuple[int, int], width: int = 0) -> list[bool]:
    """Per line, whether the next line goes on with it in a raggedly wrapped text: both have
    text, the next starts no list item (nor a nested list's next item: :func:`_next_item`)
    nor is indented deeper (unless centred under it:
    :func:`_centred`), and the next goes on with
    the sentence (:func:`goes_on_wrapped`, a line at least half as long as the band's top),
    or this line's length is in the ``band`` (:func:`ragged_band`), has no run of spaces,
    neither line is in capitals alone (a heading, a running head), and the next does not
    start a notice after a sentence's end (:data:`_RUN_IN`). Never in a run of lines that are
    units of their own (:func:`_unit_lines`: list items, verse, chat turns), nor before a
    numbered item, a speaker's turn or, after a sentence's end, a credit or a label
    (:func:`_starts_unit`). ``width``: the fixed width the text was found wrapped at, whose
    forced breaks :func:`_forced` joins: then a line in the band followed by a credit or a
    label ends its paragraph, whatever its end (the next word would have fit)."""
    lo, hi = band
    top = int(1.1 * hi) + 1
    n = len(lines)
    out = [False] * n
    units = _unit_lines(lines)
    speakers = _speakers(lines)
    for i in range(n - 1):
        raw, nxt_raw = lines[i], lines[i + 1]
        cur, nxt = raw.strip(), nxt_raw.strip()
        if not cur or not nxt or _LIST_ITEM.match(nxt) is not None or _next_item(raw, nxt_raw):
            continue
        if (_indent(nxt_raw) > _text_indent(raw) and not _centred(raw, nxt_raw)) or i in units:
            continue
        if _starts_unit(cur, nxt, speakers, width):
            continue
        k = len(raw.rstrip())
        if goes_on_wrapped(cur, nxt):
            # (a word broken at the line's end goes on, however short the line)
            out[i] = k >= hi // 2 or _broken_word(cur, nxt)
        else:
            out[i] = (
                lo <= k <= top
                and _GAP not in cur
                and not _in_capitals(cur)
                and not _in_capitals(nxt)
                and not (cur.endswith(_ENDS) and _RUN_IN.match(nxt))
            )
    return out


def _in_capitals(line: str) -> bool:
    """Whether ``line`` is written in capitals alone (a heading, a running head), or has no
    letter; a line of a script without case (Arabic, Hindi) is neither."""
    return line == line.upper() and (line.isupper() or not any(map(str.isalpha, line)))


#: A list item that writes its number itself: "1. ", "2) ", "[3] " (an ordered list as text
#: browsers, extraction tools and writers number it), its number in group 1 or 2: one
#: pattern for the items of the line joiner (:func:`_numbered_item`), the boilerplate
#: stage's breadcrumb and item numbers, and the title's list items and breadcrumb
#: (:mod:`..metadata.text`). Kept apart: a table of contents' numbers, which go down levels
#: ("2.1 Scope", :data:`.chrome._TOC_ITEM`), and a structure's items, which may be
#: "(4)" too (:data:`.structures._ENUM`: a number in brackets opens a line of prose as
#: often, "(2) The council shall ...", where no list is read on its own)
NUMBERED_ITEM = re.compile(r"\s*(?:(\d{1,3})[.)]|\[(\d{1,3})\])\s")


def item_number(s: str) -> tuple[int, int] | None:
    """The number line ``s`` opens with as a numbered list's item (:data:`NUMBERED_ITEM`:
    "3. Training", "[3] Doe, J.") and where the mark and the space after it end, or None."""
    m = NUMBERED_ITEM.match(s)
    return None if m is None else (int(m[1] or m[2]), m.end())


#: A speaker's turn (a chat, a transcript, an interview, a forum or subtitle dump: "anna:
#: are we ...", "Q: ...", "Léa Moreau : ...", French typography's space before the colon):
#: a name of one or two words, a colon, text; a turn only where the text starts
#: :data:`_MIN_TURNS` lines so, a name at least twice (:func:`_speakers`)
_SPEAKER = re.compile(r"([^\W\d_][\w.'-]{0,20}(?: [\w.'-]{1,20})?)[ \u00a0\u202f]?:\s+\S")
_MIN_TURNS = 3
#: A credit or a run-in label at a line's start: "© Thinkstock", "(c) AFP", "Foto: ...",
#: "Path D: Georgia", "KARACHI: Firebrand ..." (a word or two capitalised, then a colon)
_LABEL = re.compile(r"(?:©|\([cC]\)\s)|[A-ZÀ-Þ][\w.'-]{0,20}(?: [\w.'-]{1,20})?:\s")


def _speakers(lines: list[str]) -> frozenset[str]:
    """The names that start :data:`_MIN_TURNS` lines or more of ``lines`` as speakers
    (:data:`_SPEAKER`), each name at least twice: the text is a dialogue."""
    # (a turn has a colon: most lines are passed over by one search in C)
    names = Counter(m.group(1) for ln in lines if ":" in ln and (m := _SPEAKER.match(ln.strip())))
    if sum(names.values()) < _MIN_TURNS:
        return frozenset()
    return frozenset(k for k, c in names.items() if c >= 2)


def _turn(line: str, speakers: frozenset[str]) -> bool:
    """Whether the stripped ``line`` starts a turn of one of the text's ``speakers``: in an
    interview wrapped at a fixed width, a turn whose last line ends near the width would
    have taken the next speaker's name (s34 structure acceptance test #7)."""
    return bool(speakers) and (m := _SPEAKER.match(line)) is not None and m.group(1) in speakers


def _starts_unit(cur: str, nxt: str, speakers: frozenset[str], width: int) -> bool:
    """Whether the stripped line ``nxt`` starts a unit of its own after ``cur``, whatever
    their lengths: a speaker's turn, a form's controls (:func:`_form_control`: a poll's
    answers were joined to its question, in a script without case: s39 acc-regress R4), a
    numbered item after a sentence's end or another item, or (after a sentence's end, or
    in a text of a fixed ``width``) a credit or a run-in label."""
    if _turn(nxt, speakers) or _form_control(cur, nxt) or _numbered_item(cur, nxt):
        return True
    if _time_after_end(cur, nxt):
        return True
    return bool((width or cur.endswith(_ENDS)) and _LABEL.match(nxt))


def _form_control(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` starts with a form's control (:data:`_FORM_CONTROL`)
    or, after a line that ends a sentence (``cur``, stripped or not), with a lynx button (a
    live blog's share button was joined to the post above it, s44 acc-genres G11). A
    button after a line that ends mid-sentence goes on with it: a consent banner's "More
    information" link and its buttons, parted, left the banner's text to be read as the
    page's (s45 acc-regress R2)."""
    if _FORM_CONTROL.match(nxt) is not None:
        return True
    if _BUTTON_START.match(nxt) is None:
        return False
    # (a button goes on only with words: after a form's field ("____") it starts the form's
    # own line, and a comment form's "(BUTTON) Reply" joined to its field moved the line
    # model's decisions on a page's posts: s46 acc-regress R1. A row of buttons wrapped
    # onto two lines goes on: a player's controls)
    cur = cur.rstrip()
    return _LINE_END.search(cur) is not None or cur.endswith("_")


def _time_after_end(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` is a clock time alone (:data:`_TIME_LINE`) after a
    line that ends a sentence (``cur``, stripped or not)."""
    return _TIME_LINE.fullmatch(nxt) is not None and _LINE_END.search(cur.rstrip()) is not None


#: The most characters of a share bar written as one word (:func:`.chrome.glued_bar`), and
#: where its first space may come at the earliest ("Copier le lien" after the glued words):
#: the one gate of the bar's test here and in :func:`.chrome.software_chrome` (chrome reads
#: this module, not this module chrome)
GLUED_BAR_CHARS, GLUED_BAR_SPACE = 90, 10


def _glued_after_end(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` is a share bar written as one word
    ("PartagerFacebookTwitterE-mailCopier le lien": :func:`.chrome.glued_bar`) after a line
    that ends a sentence (``cur``, stripped or not): lynx writes it right under the last
    paragraph, and the joined line kept the bar as the paragraph's tail (s45 acc-wire W1,
    W11)."""
    if len(nxt) > GLUED_BAR_CHARS or 0 <= nxt.find(" ") < GLUED_BAR_SPACE:
        return False
    if _LINE_END.search(cur.rstrip()) is None:
        return False
    from .chrome import glued_bar  # (chrome reads this module's button pattern)

    return glued_bar(nxt)


def _numbered_item(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` is a numbered list item ("2. Beat the butter")
    after a line that ends a sentence or is an item itself (stripped ``cur``): a wrapped
    sentence goes on with a number only mid-sentence ("... am" / "3. März")."""
    return _item_start(nxt) and (cur.endswith(_ENDS) or _item_start(cur))


def _item_start(s: str) -> bool:
    """Whether the stripped line ``s`` opens a numbered item (:func:`item_number`) with its
    text after the mark."""
    return (at := item_number(s)) is not None and len(s) > at[1]


#: A run of at least this many lines that ... (see :func:`_unit_lines`)
_UNIT_RUN = 3
#: ... or, for verse, this many lines, at least this share of whose line ends end a clause,
#: and this many times as many marks at line ends as in the lines
_VERSE_RUN, _VERSE_ENDS, _VERSE_OVER = 4, 0.6, 2
_SENTENCE_MARK = re.compile("[" + re.escape(SENTENCE_MARKS) + ";፧]|:$")
_CLAUSE_END = re.compile(r"[,.!?;:]$")
_CLAUSE_MID = re.compile(r"[,.!?;:]\s")


def _unit_lines(lines: list[str]) -> set[int]:
    """The lines (but each run's last) of the runs of :data:`_UNIT_RUN` non-blank lines or
    more that are each a unit, never pieces of one wrapped paragraph: a run without a
    sentence mark anywhere (a list of items without bullets, chat turns: a wrapped
    paragraph ends its sentences), or one whose lines end a clause far more often than its
    words do (verse: at least :data:`_VERSE_ENDS` of its line ends, and
    :data:`_VERSE_OVER` times as many marks at its line ends as within its lines; a
    wrapper breaks at any word, a sentence's marks fall mostly within the lines)."""
    out: set[int] = set()
    for i, j in blocks(lines):
        if j - i >= _UNIT_RUN:
            run = [ln.strip() for ln in lines[i:j]]
            # (other scripts' full stops count, and a colon that ends a line: an
            # intro's "... to the station:"; s32 regression tester #11)
            if not any(_SENTENCE_MARK.search(ln) for ln in run):
                out.update(range(i, j - 1))
            elif j - i >= _VERSE_RUN:
                ends = sum(1 for ln in run[:-1] if _CLAUSE_END.search(ln))
                mids = sum(len(_CLAUSE_MID.findall(ln)) for ln in run)
                share = ends / (len(run) - 1)
                if share >= _VERSE_ENDS and ends >= _VERSE_OVER * mids:
                    out.update(range(i, j - 1))
    return out


#: A line that starts with a word in capitals (two letters or more) and a stop: a notice's
#: or a paragraph's run-in heading ("ARRIVED.—Jan. 16, ...", "WANTED, a ..."), which starts
#: a block of its own after a sentence's end
_RUN_IN = re.compile(r"[A-ZÀ-Þ]{2,}[.,:;—-]")


#: A text is set with hyphenation (its setter broke words into syllables at line ends) when
#: it has at least this many words broken by a hyphen before a small letter, and at least
#: one per this many joined breaks; a wrapper breaks only at a compound's own hyphen, and
#: seldom ("long-" / "standing").
_HYPHENATED_MIN, _HYPHENATED_PER = 3, 20
_WORD = re.compile(r"\w+(?:-\w+)*")


def _dehyphenate(lines: list[str], join: list[bool], typeset: bool = False) -> dict[int, bool]:
    """Per line that ends in a word broken by a hyphen before a small letter and is joined
    to the next, whether the word is joined without its hyphen ("even-" / "ing" ->
    "evening"). The text's own words decide where they can: the word written whole
    elsewhere in the text is joined so ("newspaper"), with its hyphen ("long-standing")
    keeps it. Else a text set with hyphenation (:data:`_HYPHENATED_MIN`) or ``typeset`` (wrapped
    raggedly, not by a wrapper that fills a width: see :func:`ragged_band`) loses the
    hyphen, and another (a wrapper's break at a compound's hyphen) keeps it. A word broken before
    a capital or a digit ("Student-" / "Athlete") keeps its hyphen."""
    at: dict[int, tuple[str, str]] = {}
    for i, j in enumerate(join):
        if j:
            cur, nxt = lines[i].rstrip(), lines[i + 1].lstrip()
            if _hyphen_break(cur, nxt) and nxt[0].islower() and not _suspended(nxt):
                head = cur[cur.rfind(" ") + 1 : -1]
                m = _WORD.match(nxt)
                at[i] = (head, m.group(0) if m else "")
    if not at:
        return {}
    found = [w.lower() for ln in lines for w in _WORD.findall(ln)]
    words = set(found)
    compound = {i for i, (head, tail) in at.items() if _compound(head.lower(), tail.lower())}
    parts = Counter(p for w in found for p in w.split("-"))
    setter = typeset
    if not setter:
        # a wrapper of a fixed width breaks only at a compound's own hyphen ("north-" /
        # "east", "well-" / "meaning"), in a text that writes compounds with hyphens within
        # its lines as well; a setter breaks words into syllables, pieces that are no words:
        # the text is taken as set with hyphenation when enough breaks have a head and a
        # tail that the text writes nowhere else, alone or in a compound, and outnumber the
        # words it writes with a hyphen within its lines
        # (a piece the text writes only at breaks is written nowhere else: a setter breaks
        # before the same syllables again and again, "audi-" / "ting", "deteriora-" /
        # "ting"; counted once, two such breaks did not count and a hyphenated text kept
        # "admini-stration": s35 hygiene acceptance F11)
        pieces_at = [
            (i, head.lower().rsplit("-", 1)[-1], tail.lower().split("-", 1)[0])
            for i, (head, tail) in at.items()
        ]
        at_breaks = Counter(p for _, h, t in pieces_at for p in (h, t))
        syllables = sum(
            1
            for i, h, t in pieces_at
            if i not in compound and parts[h] <= at_breaks[h] and parts[t] <= at_breaks[t]
        )
        pieces = sum(("-" in h) + ("-" in t) for h, t in at.values())
        within = sum(1 for w in found if "-" in w) - pieces
        setter = (
            syllables >= _HYPHENATED_MIN
            and syllables * _HYPHENATED_PER >= sum(join)
            and syllables > within
        )
    out: dict[int, bool] = {}
    for i, (head, tail) in at.items():
        h = head.lower().rsplit("-", 1)[-1]
        t = tail.lower()
        if h + "-" + t in words:
            out[i] = False
        elif h + t in words:
            out[i] = True
        elif h in _HYPHEN_HEADS and t not in _SUFFIXES:
            # (a compound with a word that takes a hyphen: "self-" / "service" was written
            # "selfservice", a non-word, where a kept hyphen is at worst a setter's;
            # s49 acc-read F8)
            out[i] = False
        elif i in compound and setter and "-" not in t and h not in _TENS and parts[h] <= 1:
            # a setter's syllable break inside a compound's last part ("self-deter-" /
            # "mination", "well-estab-" / "lished": the head's last piece is no word of the
            # text), not a break at the compound's own hyphen ("state-of-the-" / "art");
            # s32 regression tester #12
            out[i] = True
        else:
            out[i] = setter and not h.isdigit() and i not in compound
    return out


#: the fewest words of a paragraph's line that ends in a word broken at a page's end (a
#: list's item "pre-" / "and post-war" is short)
_BROKEN_LINE_WORDS = 8


def broken_words(lines: list[str]) -> dict[int, tuple[str, str]]:
    """The words of an unwrapped text's paragraphs broken by a hyphen at a page's end (a
    PDF's text: "many of which were con-" / "structed between 1945 …", each paragraph a line
    of its own and the page's break between two of them; s47 acc-gov G4: the archive's text
    lacked "constructed"), as ``{i: (line i, line i + 1)}`` with the word whole on line ``i``
    and taken off line ``i + 1`` (``lines``: the kept lines, stripped, in order).

    A line of :data:`_BROKEN_LINE_WORDS` words or more ending in a small letter and a hyphen,
    then a line that starts with a small letter and holds more than the word; the hyphen
    goes as a setter's is taken off (:func:`_dehyphenate`, ``typeset``: the text's own words
    decide first, "long-" / "standing" stays so where the text writes it so)."""
    join = [False] * len(lines)

    @cache
    def words() -> set[str]:  # (read at the first conjunction after a break)
        return {w.lower() for ln in lines for w in _WORD.findall(ln)}

    for i in range(len(lines) - 1):
        cur, nxt = lines[i], lines[i + 1]
        if (
            cur.endswith("-")
            and cur[-2:-1].islower()
            and nxt[:1].islower()
            and " " in nxt
            and len(cur.split(None, _BROKEN_LINE_WORDS)) > _BROKEN_LINE_WORDS
            and not _conjunction_after(cur, nxt, words)
        ):
            join[i] = True
    if not any(join):
        return {}
    out: dict[int, tuple[str, str]] = {}
    for i, drop in sorted(_dehyphenate(lines, join, typeset=True).items()):
        # (a line both ends a break and goes on from the one above: its rest)
        cur = out[i - 1][1] if i - 1 in out else lines[i]
        tail, rest = lines[i + 1].split(None, 1)
        out[i] = ((cur[:-1] if drop else cur) + tail, rest)
    return out


def _conjunction_after(cur: str, nxt: str, words: Callable[[], set[str]]) -> bool:
    """Whether line ``nxt`` opens with a conjunction (:data:`_CONJUNCTIONS`) after ``cur``'s
    broken word and the two make no word of the text (``words``: the text's words in lower
    case): a suspended hyphen ("the so-called self-" / "and the wards" was joined
    "selfand"; s49 acc-read F8), not a syllable ("col-" / "or" where the text writes
    "color")."""
    first = nxt.split(None, 1)[0].rstrip(".,;:")
    if first not in _CONJUNCTIONS:
        return False
    head = cur[cur.rfind(" ") + 1 : -1].lower().rsplit("-", 1)[-1]
    return head + first not in words()


#: The tens of English number words, written with a hyphen before the unit ("twenty-five"),
#: and the teens, before a decade ("eighteen-sixties": s38 acc-read F16)
_TENS = frozenset([
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
])  # fmt: skip
#: The first parts of English compounds written with a hyphen ("self-service",
#: "well-known", "half-hearted", "quasi-judicial"), kept at a break unless the text writes
#: the word whole; and the suffixes a setter breaks off such a word ("self-" / "ish")
_HYPHEN_HEADS = frozenset(["self", "well", "half", "quasi"])
_SUFFIXES = frozenset(["ish", "ishly", "ishness", "less", "lessly", "lessness", "ness", "hood"])
#: The conjunctions after a suspended hyphen ("pre- and post-war", "Haupt- und
#: Nebenstraßen", "pré- et post-opératoire")
_CONJUNCTIONS = frozenset(["and", "or", "nor", "und", "oder", "sowie", "bzw", "et", "ou"])


def _suspended(nxt: str) -> bool:
    """Whether the stripped line ``nxt``, after a line that ends in a hyphen, starts with a
    conjunction before the compound that completes a suspended hyphen (a word with a
    hyphen, or a German noun): the hyphen is kept with the space after it ("Both pre-" /
    "and post-war repairs" read "preand post-war"; s38 acc-read F16). A syllable that is a
    conjunction's word goes on with a small word ("col-" / "or of the sea")."""
    words = nxt.split(maxsplit=2)
    return (
        len(words) > 1
        and words[0].rstrip(".,") in _CONJUNCTIONS
        and ("-" in words[1].strip("-") or words[1][:1].isupper())
    )


def _compound(head: str, tail: str) -> bool:
    """Whether a word broken by a hyphen at a line's end (lowercased: ``head`` the line's
    last word without the hyphen, ``tail`` the next line's first) is evidently a compound,
    which keeps its hyphen: a head or a tail that holds a hyphen of its own ("state-of-the-"
    / "art", "mother-" / "in-law"), or a number word ("twenty-" / "five", "eighteen-" /
    "sixties")."""
    return "-" in head or "-" in tail or head in _TENS


def reflow(
    lines: list[str],
    width: int,
    band: tuple[int, int] | None = None,
    cjk: list[bool] | None = None,
    forced: list[bool] | None = None,
) -> tuple[list[str], list[tuple[int, int]]]:
    """Join the lines that ``width`` forced apart (or those ``forced`` says, one flag per
    line: see :func:`few_breaks`) (and, given the ``band`` of a raggedly
    wrapped text, the lines :func:`ragged_joins` finds going on): the new lines, and for
    each the span ``[start, end)`` of input lines it was made of (blank lines stay, one for
    one).

    The pieces are joined by a space, stripped; a piece ending in a hyphen after a letter
    is joined without one, and without the hyphen where the word was broken into
    syllables (see :func:`_dehyphenate`: "even-" / "ing"), else with it ("Student-" /
    "Athlete", as Python's textwrap breaks). ``cjk``: the breaks of a Chinese or Japanese
    text (:func:`cjk_breaks`), whose pieces join without a space (:func:`_join_cjk`)."""
    if forced is None:
        forced = (
            cjk if cjk is not None else _forced(lines, width) if width else [False] * len(lines)
        )
    if band is not None:
        joins = ragged_joins(lines, band, width)
        forced = [a or b for a, b in zip(forced, joins, strict=True)]
    unhyphen = _dehyphenate(lines, forced, typeset=not width)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        start = i
        parts = [lines[i].strip()]
        while forced[i] and i + 1 < n:
            nxt = lines[i + 1].strip()
            last = parts[-1]
            if len(last) > 1 and last[-1] == "-" and last[-2].isalpha() and not _suspended(nxt):
                parts[-1] = (last[:-1] if unhyphen.get(i) else last) + nxt
            else:
                parts.append(nxt)
            i += 1
        i += 1
        if i - start == 1:  # (not len(parts): a word broken by a hyphen joins in its part)
            out.append(lines[start])
        else:
            out.append(_join_cjk(parts) if cjk is not None else _join_spaced(parts))
        spans.append((start, i))
    return out, spans


#: A line of a YAML front matter: a field ("title: ...", "tags:"), a block list's item
#: ("- budget"), a comment
_FRONT_MATTER_LINE = re.compile(r"[^\W\d][\w .-]{0,40}:(?:\s|$)|- |#")
#: A field's key without spaces and its colon (of :data:`_YAML_FIELD` and :data:`_NOTE_FIELD`)
_YAML_KEY = r"[^\W\d][\w.-]{0,40}:"
#: A YAML field with its value: a key without spaces ("title: ...", "date: ..."); a front
#: matter has one at least ("Key points:" over a list between two rules has none)
_YAML_FIELD = re.compile(_YAML_KEY + r"\s+\S")
#: A field whose value is a sentence of six words or more ("Update: The council postponed
#: the vote to 21 March."): alone between two rules, an editor's note, no front matter
#: (s40 acc-read F24: it was removed as one; a title field ends with no point)
_NOTE_FIELD = re.compile(_YAML_KEY + r"\s+\S+(?:\s+\S+){5,}\.[\"'”’)]*$")
#: The most lines a front matter is looked for over
FRONT_MATTER_MAX = 60
#: The first line of a front matter: a YAML block's rule, a reader's header's title field
FRONT_MATTER_FIRST = ("---", "Title:")
#: A field of a reader's header: "URL Source: https://...", "Published Time: ...",
#: "Warning: ..." (see :func:`front_matter_size`); its key and value, matched whole
READER_FIELD = re.compile(r"([A-Z][A-Za-z ]{0,30}):(?:\s+(.*))?")
#: The most fields of a reader's header (its title's too; its warnings, repeated, aside),
#: and the line that ends it
_READER_FIELDS = 8
_READER_WARNING = "Warning:"
_READER_END = "Markdown Content:"


def front_matter_size(lines: list[str]) -> int:
    """How many of the non-blank ``lines`` (as written: a value's continuation is indented)
    are the text's YAML front matter, as markdown files (Jekyll, Hugo, Obsidian) and
    trafilatura's markdown with metadata begin: a "---" line, fields
    (:data:`_FRONT_MATTER_LINE`, or a value's indented continuation; one a key with its value
    at least, :data:`_YAML_FIELD`, and a list's items under a key), a closing "---" or "...";
    0 when they begin with none. A "Key points:" box of items between two rules at a text's
    start is none (s37 acc-read F12), nor a one-line note (:data:`_NOTE_FIELD`). A reader's
    header is one too: Jina Reader's "Title: ...", "URL Source: ...", "Published Time: ..."
    fields over "Markdown Content:" (s39 acc-md 10: read as the text's lines, they were
    titles, and the label and the headline under it one setext heading)."""
    if not lines:
        return 0
    first = lines[0].strip()
    if first.startswith("Title:"):
        # (up to the documented fields and the title; its "Warning:" lines, as many as the
        # reader gives, besides: with 8 fields, or 5 warnings, the header was the text's and
        # its "URL Source:" the title; s40 acc-read F7)
        fields = 1
        for j in range(1, min(len(lines), FRONT_MATTER_MAX)):
            line = lines[j].strip()
            if line == _READER_END:
                return j + 1
            if READER_FIELD.fullmatch(line) is None:
                return 0
            fields += not line.startswith(_READER_WARNING)
            if fields > _READER_FIELDS:
                return 0
        return 0
    if first != "---":
        return 0
    field = keyed = False  # (a field with its value; a key, which a list item needs above)
    for j in range(1, min(len(lines), FRONT_MATTER_MAX)):
        line = lines[j].strip()
        if line in ("---", "..."):
            if j == 2 and _NOTE_FIELD.match(lines[1].strip()):
                return 0  # (one line that is a sentence: a note between rules)
            return j + 1 if field else 0
        if line.startswith("- ") and not keyed:
            return 0  # (a list under a rule, no field's: s37 acc-read F12)
        if not (_FRONT_MATTER_LINE.match(line) or lines[j][:1].isspace()):
            return 0
        field = field or _YAML_FIELD.match(line) is not None
        keyed = keyed or (not line.startswith(("- ", "#")) and ":" in line)
    return 0


#: Inline markdown links to a URL, a path, an anchor or an address: ``](http…``.
_MD_LINK = re.compile(r"\]\((?:https?:|/|#|mailto:)")
_MD_MIN_LINKS = 3
_MD_LINES_PER_LINK = 20


def is_markdown(text: str, lines: list[str] | None = None) -> bool:
    """Whether ``text`` reads as markdown: at least :data:`_MD_MIN_LINKS` inline links, and
    (given its ``lines``) at least one per :data:`_MD_LINES_PER_LINK` non-blank lines: a
    rendered page that quotes a few markdown links (a forum post) is not markdown.
    (html2text's dev pages: one link per 20 lines or more on 99 % of them.) Or, with fewer
    links, at least :data:`_MD_MIN_KINDS` kinds of markdown's block or inline syntax
    (:data:`_MD_SYNTAX`): what clippers, MarkDownload and main-content extractors
    (trafilatura's markdown, Firecrawl's) give, an article's markdown with few links or
    none (s39 acc-md 2: 426 of 1,086 dev pages as trafilatura writes them were not taken).
    One kind alone is no markdown: a "# " comment, a "**" emphasis, a "===" underline;
    nor two that plain text has too (an "===" underline and a "[1]: url" note).
    A text under a reader's header (:func:`front_matter_size`) is markdown."""
    # (most texts have no "]": a search for one character is a memchr, ~0.3 µs of a 5 KB
    # page, where one for the pair took ~4 µs)
    if "]" in text and "](" in text:
        n_lines = sum(1 for ln in lines if ln.strip()) if lines is not None else 0
        need = max(_MD_MIN_LINKS, n_lines // _MD_LINES_PER_LINK)
        if sum(1 for _ in islice(_MD_LINK.finditer(text), need)) >= need:
            return True
    # (a reader's header: "Markdown Content:" follows. Without ``lines``, as many as its
    # rows can span, a blank line after each: 21 lines were too few for eight fields and
    # the warnings it may give, written apart; review2 R14)
    if text.startswith("Title:") and front_matter_lines(
        lines or text.split("\n", 2 * FRONT_MATTER_MAX)
    ):
        return True
    # (each kind is looked for only when a character it cannot be without is in the text:
    # a search for one character is a memchr, ~0.3 µs of a 5 KB page, one for two or more
    # characters ~3-10 µs; most plain texts have too few of them for two kinds)
    have = [c for c in _MD_GATES if c in text]
    if len(have) < _MD_MIN_KINDS:
        return False
    kinds = plain = 0
    for k, gate in enumerate(have):
        found = [
            convention
            for probes, search, convention in _MD_SYNTAX[gate]
            if any(p in text for p in probes) and search(text) is not None
        ]
        if found:
            kinds += 1
            plain += all(found)
            if kinds >= _MD_MIN_KINDS and kinds > plain:
                return True
        elif kinds + len(have) - k - 1 < _MD_MIN_KINDS:
            return False  # (too few characters left for two kinds)
    return False


#: Kinds of markdown syntax (:func:`is_markdown`), by a character they cannot be without,
#: each with substrings (one at least) it cannot be without either: an ATX heading ("##
#: Title", not a "#hashtag"), strong emphasis, a code fence (with its closing one), a GFM
#: table's delimiter row, a setext heading's "===" underline, a link-reference definition
#: or an inline link or image. The kinds of one character count as one: a text with too
#: few links has another kind. (A bullet is none: plain text has "* " and "- " lists.)
#: A line that opens or closes a code fence; a closing one has nothing after its backticks
_MD_FENCE_LINE = re.compile(r"^ {0,3}```([^\n]*)$", re.M)


def _fenced(text: str) -> re.Match[str] | None:
    """The first line after a code fence's opening line that closes it, if any: found in
    one pass over the fence lines (a pattern from each opening line to a closing one was
    quadratic in lines that open fences and are not closed: 100 KB of them took 5.6 s;
    s40 acc-read F10)."""
    fences = _MD_FENCE_LINE.finditer(text)
    if next(fences, None) is None:
        return None
    return next((m for m in fences if not m.group(1).strip(" \t")), None)


_MD_REFERENCE = re.compile(r"\[(?=[^\]\n]*[^\W\d_])[^\[\]\n]+\]\[([^\[\]\n]+)\]")
_MD_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.M)


def _reference_link(text: str) -> re.Match[str] | None:
    """The first reference link with a word in its text whose label ``text`` defines
    ("[the council's minutes][1]" over "[1]: https://..."), if any.  Without its definition
    it is no link to a CommonMark parser but text, and it is how w3m writes two adjacent
    images ("[logo-hn][hn-logo]"): a plain page opening so was read as markdown, its
    wrapped lede joined into a block and removed as a caption (s42 acc-regress R9)."""
    if "]:" not in text:
        return None
    labels = {label.casefold() for label in _MD_DEFINITION.findall(text)}
    if not labels:
        return None
    return next((m for m in _MD_REFERENCE.finditer(text) if m.group(1).casefold() in labels), None)


#: Each is flagged when plain text has it too: an "===" underline and a "[1]: url" note are
#: the e-mail conventions markdown was modelled on, and a newsletter with both rendered as
#: markdown lost its "<Ctrl>" as raw HTML and its "[1]" brackets (s40 acc-read F18); of two
#: kinds, one at least is markdown's own.
_MD_SYNTAX: dict[str, tuple[tuple[tuple[str, ...], Callable[[str], object], bool], ...]] = {
    "#": ((("# ",), re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M).search, False),),
    "*": ((("**",), re.compile(r"\*\*[^\s*][^*\n]*?\*\*").search, False),),
    "`": ((("```",), _fenced, False),),
    "|": (
        (
            ("-|", "- |", ":|"),
            re.compile(
                r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$", re.M
            ).search,
            False,
        ),
    ),
    # (under a line of text: the look-behind keeps the search linear)
    "=": ((("\n===",), re.compile(r"(?<=\S)\n {0,3}={3,}[ \t]*$", re.M).search, True),),
    "]": (
        (("]:",), re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S", re.M).search, True),
        (("](",), _MD_LINK.search, False),  # (an image is a link's syntax too: "![alt](src)")
        # (a reference link, "[the council's minutes][1]", is markdown's own: a plain note
        # is a bare "[1]"; a text that uses its "[1]: url" definitions so was read as plain,
        # its links' brackets and the definitions kept; s41 acc-regress R3)
        (("][",), _reference_link, False),
    ),
}
#: The characters the kinds of :data:`_MD_SYNTAX` cannot be without (the rarest in plain
#: text first); a text has two of them at least for two kinds
_MD_GATES = ("`", "|", "=", "]", "*", "#")
#: The kinds of markdown syntax a text with few links is taken for markdown by
_MD_MIN_KINDS = 2


#: Link and image syntax left as text. html2text breaks long URLs at their hyphens
#: ("wp-\ncontent"), and a URL with a space in it is no link to a CommonMark parser; it
#: wraps long link text across lines, and a link whose text holds a block (a line break, a
#: paragraph) across blocks, so that a block can hold a link's ``[`` or its ``](url)`` alone.
#: An image's alt text or a link's text may hold one level of brackets (``![a [b] c](u)``),
#: a destination one level of parentheses (``wiki/A_(b)``) and a title (``(url "Title")``).
#: (Written unrolled and possessive: linear, no backtracking.)
_MD_TEXT = r"([^\[\]]*+(?:\[[^\[\]]*+\][^\[\]]*+)*+)"
_MD_DEST = r"\([^()]*+(?:\([^()]*+\)[^()]*+)*+"
_MD_IMAGE_LEFT = re.compile(r"!\[" + _MD_TEXT + r"\]" + _MD_DEST + r"(?:\)|$)")
_MD_LINK_LEFT = re.compile(r"\[" + _MD_TEXT + r"\]" + _MD_DEST + r"(?:\)|$)")
#: an image whose alt text goes on in a later block: nothing of it is visible
_MD_IMAGE_OPEN = re.compile(r"!\[[^\]]*$")
#: a link's ``](url)`` whose ``[`` is in an earlier block (or its URL cut at the block's end)
_MD_DEST_LEFT = re.compile(r"\]" + _MD_DEST + r"(?:\)|$)")
#: a block ending in a destination left open (``[text](http://a.com/b-``): the next block
#: with text starts with the rest of it: pieces of URL (a space only after a hyphen), a
#: title, the ``)`` (:data:`_MD_DEST_REST`) ...
_MD_DEST_OPEN = re.compile(r"\]" + _MD_DEST + r"$")
_MD_DEST_REST = re.compile(r'\s*(?:[^\s()\[\]]|\([^()\s]*\)|-\s+)*(?:\s+"[^"]*")?\s*\)')
#: ... or a piece of it alone, the ``)`` in a later block (a URL on a line of its own)
_MD_URL_PIECE = re.compile(r"[^\s()\[\]]*[/%=?:][^\s()\[\]]*")
#: a block ending in an image's alt text left open: the next block with text starts with the
#: rest of it and the image's destination
_MD_ALT_REST = re.compile(r"[^\[\]]*\]" + _MD_DEST + r"(?:\)|$)")


def _unmatched_brackets(text: str) -> str:
    """``text`` without the ``[`` and ``]`` that have no partner in it."""
    drop: list[int] = []
    opened: list[int] = []
    for i, c in enumerate(text):
        if c == "[":
            opened.append(i)
        elif c == "]":
            if opened:
                opened.pop()
            else:
                drop.append(i)
    drop += opened
    if not drop:
        return text
    keep = set(range(len(text))) - set(drop)
    return "".join(text[i] for i in sorted(keep))


def _left_markup(text: str, left: str = "") -> tuple[str, str]:
    """``text`` (a block's visible text) without the link and image syntax left in it as
    text (see :data:`_MD_TEXT`), whitespace collapsed: images removed, links as their text,
    an image left open at the end removed, a ``](url)`` without its ``[`` removed, and the
    ``[`` and ``]`` left without a partner; and what the block leaves open for the next one:
    ``"dest"``, a destination (:data:`_MD_DEST_OPEN`), ``"alt"``, an image's alt text
    (:data:`_MD_IMAGE_OPEN`), else ``""``. ``left``: what the block before left open, whose
    rest this block starts with. (Dev pages as html2text writes them: aeb F1 0.765 -> 0.902
    with the first version of this pass, removing whole images and links only.)"""
    if not text.strip():
        return "", left  # (a blank line: what is open stays open)
    if left == "dest":
        rest = _MD_DEST_REST.match(text)
        if rest is not None:
            text = text[rest.end() :]
        elif _MD_URL_PIECE.fullmatch(text.strip()):
            return "", left
    elif left == "alt":
        rest = _MD_ALT_REST.match(text)
        if rest is not None:
            text = text[rest.end() :]
    opens = ""
    k = text.rfind("](")
    if k >= 0:
        # (the last destination is the one left open, if any)
        if _MD_DEST_OPEN.match(text.rstrip(), k) is not None:
            opens = "dest"
        if "![" in text:
            text = _MD_IMAGE_LEFT.sub("", text)
        text = _MD_LINK_LEFT.sub(r"\1", text)
        if "](" in text:
            text = _MD_DEST_LEFT.sub("", text)
    if "![" in text:
        if not opens and _MD_IMAGE_OPEN.search(text) is not None:
            opens = "alt"
        text = _MD_IMAGE_OPEN.sub("", text)
    if "[" in text or "]" in text:
        text = _unmatched_brackets(text)
    return " ".join(text.split()), opens


#: An ATX heading (``## Title``) and a line that starts a block of its own (or is blank, or
#: indented as code): a heading is one line, and a line after it that starts no block is a
#: paragraph of its own to a CommonMark parser.
_MD_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_MD_STARTS_BLOCK = re.compile(
    r"\s*$| {4}|\t| {0,3}(?:#{1,6}(?:\s|$)|[*+-](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|```|~~~|<"
    r"|(?:[*_-][ \t]*){3,}$|=+[ \t]*$)"
)


def _wrapped_headings(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """``lines`` with each wrapped heading as a paragraph, and the level of each: html2text
    wraps a heading's text as a paragraph's (a long link's text and its ``](url)`` end up on
    the next lines, no longer a link to the parser). A heading is wrapped when a line follows
    it that starts no block (:data:`_MD_STARTS_BLOCK`) and whose first word would not have
    fit after it at the narrowest width wrapped at (:data:`_MIN_WIDTH`: a short heading with
    its text right below, as people write, stays one); it is read as the paragraph of its
    lines, its ``#`` marks taken off (a heading after a blank line, or the first line: no
    paragraph before it to join)."""
    src = lines
    levels: dict[int, int] = {}
    for i in range(len(lines) - 1):
        line = lines[i]
        if "#" not in line[:4] or (i and lines[i - 1].strip()):
            continue
        m = _MD_HEADING.match(line)
        if m is None or not line[m.end() :].strip() or _MD_STARTS_BLOCK.match(lines[i + 1]):
            continue
        if len(line.rstrip()) + 1 + _first_word(lines[i + 1].strip()) <= _MIN_WIDTH:
            continue
        if src is lines:
            src = list(lines)
        src[i] = line[m.end() :]
        levels[i] = len(m.group(1))
    return src, levels


#: Elements of cmark's HTML that hold a leaf block's text, and those that are blocks.
_LEAF = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6"))
_BLOCK = _LEAF | {"ul", "ol", "li", "pre", "blockquote", "hr", "table", "div"}


def _span(pos: str) -> tuple[int, int]:
    """cmark's ``data-sourcepos`` ("l1:c1-l2:c2", 1-based, inclusive; column 0 of a line:
    before it) as the span ``[start, end)`` of 0-based lines."""
    a, b = pos.split("-")
    l2, c2 = b.split(":")
    return int(a.split(":")[0]) - 1, int(l2) - (c2 == "0")


def markdown_blocks(
    lines: list[str],
) -> tuple[
    list[str],
    list[tuple[int, int]],
    list[int],
    list[tuple[int, int]],
    dict[int, list[str]],
    list[int],
    tuple[list[int], list[int]],
]:
    """Markdown ``lines`` as one line per leaf block (see the module's docstring), the span
    ``[start, end)`` of input lines of each, the blocks that are level-1 headings, the
    units (code blocks, tables) as spans ``[start, end)`` of blocks, and per block of a
    paragraph or a list item with hard line breaks (``<br>``: a poem's lines, a list of names,
    an address; html2text ends such a line with two spaces), its lines: the block is decided
    as one, and kept as its lines (see :attr:`Reflowed.breaks`). The spans cover every
    input line once, in order: blank lines stay one for one, a code block's lines are one
    block each (its fences blank), a table's rows are one block each (as markdown rows,
    "| a | b |", its delimiter row "|---|---|"), and a line no block holds (a rule, raw
    HTML, a link-reference definition) is a block of its own as written, listed last (the
    markup, no text of the page's); a front matter's lines are blocks of their own as
    written. Last, the blocks that are headings (of any level) and those that are one link
    alone (a paragraph or list item: a contents list's entry), see :attr:`Reflowed.sections`.

    The text is rendered by cmark (the CommonMark reference implementation, in C, through
    cmarkgfm) with GitHub's table extension and each block's source lines, and read back
    with lxml: a paragraph's or a heading's text, a list item's own text (before any block
    inside it), a code block's lines with their indentation, a table row's cells. Raw HTML
    is not rendered (cmark's safe mode)."""
    import cmarkgfm
    from cmarkgfm.cmark import Options
    from lxml import html as lxml_html

    src, levels = _wrapped_headings(lines)
    # a YAML front matter is no markdown (to cmark, its rules and fields are a thematic
    # break and a setext heading, read back as one line: s39 acc-md 18): its lines are
    # blocks of their own as written, for the front-matter rules of both stages
    fm = front_matter_lines(lines)
    if fm:
        src = [""] * fm + src[fm:]
    rendered = cmarkgfm.markdown_to_html_with_extensions(
        "\n".join(src),
        options=Options.CMARK_OPT_SOURCEPOS,
        extensions=["table", "strikethrough"],
    )
    found: dict[int, tuple[int, str]] = {}
    h1 = {i for i, level in levels.items() if level == 1}
    units: list[tuple[int, int]] = []  # (of input lines)
    code: set[int] = set()
    heads: list[int] = []  # (of input lines: headings, and blocks of one link alone)
    links: list[int] = []
    mark = _unused_mark(rendered)
    if rendered.strip():
        root = lxml_html.fragment_fromstring(rendered, create_parent="div")
        if mark:
            for br in root.iter("br"):  # (a hard line break: see the read-back below)
                br.tail = mark + (br.tail or "")
        for el in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "table", "tr"):
            pos = el.get("data-sourcepos")
            if not pos:
                continue
            a, b = _span(pos)
            b = min(b, len(lines))
            tag = el.tag
            if tag == "p" and b - a > 1 and (table := _pipe_rows(lines[a:b])) is not None:
                # rows of a table without a delimiter row (trafilatura's markdown of a
                # table without <th>): a paragraph to cmark, read as one line "| Day | … |
                # | Mon | …"; a table's rows, one block each, decided as a unit (s52 M7). A
                # layout table's one-cell rows are lines of text, each its cell's words
                if table:
                    found.update((i, (i + 1, _pipe_row(lines[i]))) for i in range(a, b))
                    units.append((a, b))
                else:
                    found.update((i, (i + 1, _cell_text(lines[i]))) for i in range(a, b))
            elif tag == "p":
                found[a] = (b, _numbered(el, lines[a], el.text_content()))
                if _one_link(el):
                    links.append(a)
            elif tag in _LEAF:
                text = el.text_content()
                found[a] = (b, text.replace(mark, " ") if mark else text)
                heads.append(a)
                if tag == "h1" and a not in levels:
                    h1.add(a)
            elif tag == "pre":
                if a < b and _FENCE.match(lines[a]):
                    found.update(_code_lines(lines, a, b, el.text_content()))
                    units.append((a, b))
                    code.update(range(a, b))
                elif "](" not in (got := el.text_content()) and (
                    indented := _indented_code(lines, a, b, got)
                ):
                    # an indented code block without link syntax (html2text's only form of
                    # a <pre>): read as a fenced one, its lines with their indentation under
                    # the block's (Python code came out flush left: s39 acc-md 16)
                    found.update(
                        (i, (i + 1, line)) for i, line in zip(range(a, b), indented, strict=True)
                    )
                    units.append((a, b))
                    code.update(range(a, b))
                else:
                    # an indented block: in crawlers' markdown, mostly a nested list or a
                    # page's indentation kept by accident, read line by line as text
                    found.update((i, (i + 1, lines[i].strip())) for i in range(a, b))
            elif tag == "table":
                # (its rows come next in document order and take their lines: what is left
                # is the delimiter row, under the head's). A markdown table as the HTML
                # path writes one (trafilatura's rows): one form of a table whatever the
                # input (s39 acc-md 3)
                found.update((i, (i + 1, "")) for i in range(a, b))
                if a + 1 < b and (head := el.find(".//tr")) is not None:
                    found[a + 1] = (a + 2, "|" + "---|" * len(head))
                units.append((a, b))
            elif tag == "tr":
                cells = (" ".join(c.text_content().split()).replace("|", "\\|") for c in el)
                found[a] = (b, "| " + " | ".join(cells) + " |")
            else:
                # a tight list item: its own text, up to the first block inside it
                own = [el.text or ""]
                for child in el:
                    if not isinstance(child.tag, str):  # (a comment: raw HTML left out)
                        own.append(child.tail or "")
                        continue
                    if child.tag in _BLOCK:
                        cpos = child.get("data-sourcepos")
                        if cpos:
                            b = min(b, _span(cpos)[0])
                        break
                    own.append(child.text_content() + (child.tail or ""))
                text = "".join(own)
                if text.strip() and b > a:
                    found[a] = (b, _numbered(el, lines[a], text))
                    if _one_link(el, text):
                        links.append(a)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    breaks: dict[int, list[str]] = {}
    markup: list[int] = []
    left = ""  # (what the last block with text left open: see _left_markup)
    starts = sorted(found)
    raw = ""  # (the raw HTML block the line is in, if any: see _raw_html_text)
    i, n = 0, len(lines)
    while i < n:
        block = found.get(i)
        if block is not None and i < block[0] <= n:
            text, end = block[1], block[0]
            if (k := bisect_right(starts, i)) < len(starts) and starts[k] < end:
                # (a block ends where the next begins: cmark gives a setext heading of
                # html2text's image "table", an image over "---  ", the line after its
                # underline too, the first of the paragraph under it, which then held no
                # block, and its lines were left out as markup; s40 acc-regress R10)
                end = starts[k]
        elif i < fm:
            text, end = lines[i], i + 1
        else:
            # a line no block holds: a rule, raw HTML, a link-reference definition ("[a]:
            # https://..."); no visible text, but decided as written (the line model reads
            # a page's rules and tags around its blocks: as blank lines, html2text's dev
            # pages lost article paragraphs, aeb F1 0.936 -> 0.927), and left out of the
            # text after (s39 acc-md 4, 7: an ad slot's <div>, a reference's URL and
            # MarkDownload's rule were the text's lines). A raw HTML block's line with
            # visible text ('<p align="center">Owners who pay ...</p>') is the page's
            # text: its words, without the tags (s40 acc-read F12: they were lost)
            text, end = lines[i], i + 1
            visible, raw = _raw_html_text(text, raw)
            if visible:
                text = visible
            elif text.strip():
                markup.append(len(out))
        if block is not None or i < fm or (raw == "html" and not lines[i].strip()):
            raw = ""
        if i in code or i < fm:
            out.append(text)  # (as written: no link syntax, indentation kept)
        else:
            clean, left = _left_markup(text, left)
            if mark and mark in clean:
                pieces = [p for p in map(str.strip, clean.split(mark)) if p]
                clean = " ".join(pieces)
                if len(pieces) > 1:
                    breaks[len(out)] = pieces
            out.append(clean)
        spans.append((i, end))
        i = end
    first = [a for a, _ in spans]
    return (
        out,
        spans,
        [j for j, a in enumerate(first) if a in h1],
        [(bisect_left(first, a), bisect_left(first, b)) for a, b in units],
        breaks,
        markup,
        (
            [j for a in heads if (j := bisect_left(first, a)) < len(first) and first[j] == a],
            [j for a in links if (j := bisect_left(first, a)) < len(first) and first[j] == a],
        ),
    )


#: A table's row as markdown writes it, a line from "|" to "|"
_PIPE_ROW = re.compile(r"^ {0,3}\|.*\|\s*$")


def _pipe_rows(rows: list[str]) -> bool | None:
    """Whether ``rows``, pipe rows all (else None), are a data table's rows without a
    delimiter row: the same number of cells in each, two or more. A layout table's rows of
    one cell each (an e-mail's, trafilatura's: "| Liebe Leserinnen und Leser, |") are its
    text's lines, decided one by one (as one unit, the issue was kept or dropped whole)."""
    if not all(map(_PIPE_ROW.match, rows)):
        return None
    counts = {len(_CELL_SEP.split(r.strip()[1:-1])) for r in rows}
    return len(counts) == 1 and counts.pop() >= 2


def _cell_text(line: str) -> str:
    """A layout row's text: its cells' words, without the pipes and emphasis marks."""
    cells = (c.strip(" *_") for c in _CELL_SEP.split(line.strip()[1:-1]))
    return " ".join(c for c in cells if c)


#: a pipe between a row's cells (an escaped one, "\|", is a cell's character)
_CELL_SEP = re.compile(r"(?<!\\)\|")


def _pipe_row(line: str) -> str:
    """A pipe row's cells as a GFM table row is read back: "| a | b |", each cell's
    whitespace collapsed (its markup kept as written: the row is no paragraph to cmark; an
    escaped pipe, "\\|", stays in its cell, as :func:`_pipe_rows` counted the cells)."""
    cells = _CELL_SEP.split(line.strip()[1:-1])
    return "| " + " | ".join(" ".join(c.split()) for c in cells) + " |"


#: An ordered list item's marker at its source line's start ("12." of "12. Nov. 2026")
_OL_MARKER = re.compile(r" {0,3}(\d{1,9}[.)])[ \t]")


def _numbered(el: Any, line: str, text: str) -> str:
    """``text`` of a list item of an ordered list (``el``, or a paragraph opening one: a
    loose list's), after its marker as written on its source ``line``: what a browser
    shows. "12. Nov. 2026" at a line's start is an ordered list to CommonMark, and its
    text was "Nov. 2026" (the date lost); numbered steps lost their numbers (s52 acc-md
    M3). Other text as it is."""
    item = el
    if el.tag == "p":
        item = el.getparent()
        if item is None or item.tag != "li" or item.index(el) != 0 or (item.text or "").strip():
            return text
    parent = item.getparent()
    if parent is None or parent.tag != "ol" or not text.strip():
        return text
    if (m := _OL_MARKER.match(line)) is None:
        return text
    return f"{m[1]} {text.lstrip()}"


def _one_link(el: Any, text: str | None = None) -> bool:
    """Whether a paragraph or list item of cmark's HTML (``el``; ``text``, a list item's
    own text) is one link alone: its text is its one ``<a>``'s."""
    found = el.findall("a")
    if len(found) != 1:
        return False
    own = (el.text_content() if text is None else text).strip()
    return bool(own) and own == found[0].text_content().strip()


#: A line that starts a raw HTML block (CommonMark's kinds 1 to 7: a tag, a comment, a
#: declaration), and a script, a style, a comment within one: no text (an unclosed one runs
#: to its closer, over blank lines)
_RAW_HTML_START = re.compile(r" {0,3}<[A-Za-z/!?]")
_RAW_OPEN = re.compile(r"<(script|style)\b|<(!--)|<(\?)|<(!\[CDATA\[)", re.I)
#: What closes each kind of ``_RAW_OPEN`` (lowercased); after a line, the closer
#: :func:`_raw_html_text` looks for on the next ones
_RAW_CLOSER = {"!--": "-->", "?": "?>", "![cdata[": "]]>", "script": "</script", "style": "</style"}
_RAW_END = {
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
    **{k: re.compile(re.escape(c)) for k, c in _RAW_CLOSER.items() if not c.startswith("</")},
}
#: A tag (or a declaration) within a line
_RAW_TAG = re.compile(r"<[A-Za-z/!?][^>]*>")


def _raw_html_text(line: str, raw: str) -> tuple[str, str]:
    """The visible text of ``line``, a line of markdown no block holds (a rule, raw HTML, a
    link-reference definition), if it is one of a raw HTML block's with words: its tags,
    scripts, styles and comments removed, entities read, whitespace collapsed ("" otherwise);
    and the raw HTML block the next line is in. ``raw`` is the one this line is in: "html"
    for a block of tags and text, the closer of an open script, style or comment (no text
    up to it), "" for none (the caller resets it at a block of markdown, and at a blank line
    after "html", as CommonMark ends such blocks).

    One pass along the line (each closer looked for from its opener on, and nothing after
    an opener with no closer): a regex substitution of script, style and comment, and of a
    tag, tried each unclosed opener of a long line to its end (an 80 KB line of "<?" took
    8.5 s)."""
    import html as html_lib

    if raw not in ("", "html"):
        k = line.lower().find(raw)
        if k < 0:
            return "", raw
        line, raw = line[k + len(raw) :], "html"
    elif not raw:
        if _RAW_HTML_START.match(line) is None:
            return "", ""  # (a rule, a link-reference definition)
        raw = "html"
    parts, pos = [], 0
    while (opened := _RAW_OPEN.search(line, pos)) is not None:
        parts.append(line[pos : opened.start()])
        kind = next(g for g in opened.groups() if g is not None).lower()
        closed = _RAW_END[kind].search(line, opened.end())
        if closed is None:  # (closed on a later line: the text before it is the block's)
            raw, pos = _RAW_CLOSER[kind], len(line)
            break
        parts.append(" ")
        pos = closed.end()
    parts.append(line[pos:])
    line = "".join(parts)
    # (no tag after the last ">": left as it is, not tried at each "<")
    last = line.rfind(">") + 1
    line = _RAW_TAG.sub(" ", line[:last]) + line[last:]
    visible = " ".join(html_lib.unescape(line).split())
    return (visible if any(c.isalnum() for c in visible) else ""), raw


def front_matter_lines(lines: list[str]) -> int:
    """How many of ``lines`` (blank ones too) are the text's front matter
    (:func:`front_matter_size` over its first :data:`FRONT_MATTER_MAX` non-blank lines, as
    the boilerplate stage removes it): 0 when it has none. The one definition of where a
    front matter ends, for both stages."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].lstrip().startswith(FRONT_MATTER_FIRST):
        return 0
    rows = list(islice((i for i in range(first, len(lines)) if lines[i].strip()), FRONT_MATTER_MAX))
    size = front_matter_size([lines[i] for i in rows])
    return rows[size - 1] + 1 if size else 0


#: A setext heading's underline: a run of "=" or of "-", up to three spaces before it
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")


def setext_underlines(lines: list[str]) -> list[int]:
    """The lines of ``lines`` that underline the line above them as a setext heading does
    ("Annual General Meeting" / "======================"): a run of three "=" or "-" or
    more, about as long as the line of text over it (within a quarter of its length, two
    characters at least; a rule under a paragraph is no heading's). Plain texts write
    headings so, as e-mails did, and markdown only took the form from them: in a text that
    is no markdown the underlines stayed as lines of the text, and the heading over one was
    not the title (s40 acc-regress D5). A front matter's rules are none."""
    out: list[int] = []
    for i in range(max(1, front_matter_lines(lines)), len(lines)):
        line = lines[i]
        if line.lstrip(" ")[:1] not in ("=", "-") or not _SETEXT_UNDERLINE.fullmatch(line):
            continue
        n, above = len(line.strip()), lines[i - 1].strip()
        if (
            n >= 3
            and above
            and abs(n - len(above)) <= max(2, len(above) // 4)
            and any(map(str.isalpha, above))
            # (a heading ends no sentence: a paragraph's last line over a rule of its
            # width is no heading, review41 R5)
            and above.rstrip(CLOSING_MARKS)[-1:] not in SENTENCE_MARKS
        ):
            out.append(i)
    return out


def _indented_code(lines: list[str], a: int, b: int, code: str) -> list[str] | None:
    """The lines of an indented code block (input lines ``[a, b)``, ``code`` cmark's text of
    it) with their indentation under the block's, when it is code: a line for each input
    line (the blank ones at its end cmark leaves out), lines at the block's indentation and
    under it. None for text a page indented by accident, flush within its block."""
    got = code.split("\n")
    if got and not got[-1]:
        got.pop()
    if len(got) > b - a or any(lines[i].strip() for i in range(a + len(got), b)):
        return None
    starts = {line[:1] in (" ", "\t") for line in got if line.strip()}
    if starts != {True, False}:
        # (all flush: text; all under it: the pieces of a link html2text broke, its
        # "mailto:..." and ")" on lines of their own)
        return None
    return [line.rstrip() for line in got] + [""] * (b - a - len(got))


def _unused_mark(text: str) -> str:
    """A character for private use that ``text`` does not hold (or "" when it holds them
    all): where cmark wrote a hard line break (``<br />``) in a block's text. A fixed one,
    U+E000, was an icon font's glyph in a page's text too, and then no break was marked and
    the page's character was taken for one (s35 acc-read #4)."""
    return next((c for c in map(chr, range(0xE000, 0xF900)) if c not in text), "")


#: A code fence: three or more backticks or tildes, indented by up to three spaces.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _code_lines(lines: list[str], a: int, b: int, code: str) -> dict[int, tuple[int, str]]:
    """The lines ``[a, b)`` of a fenced code block as blocks: its fences blank, each line of
    code as cmark read it (``code``: the fence's indentation taken off, the rest kept); each
    input line stripped if cmark's lines do not line up with them."""
    got = code.split("\n")
    if got and got[-1] == "":
        got.pop()
    fence = _FENCE.match(lines[a])
    close = _FENCE.match(lines[b - 1]) if b - 1 > a else None
    closed = (
        fence is not None
        and close is not None
        and close.group(1)[0] == fence.group(1)[0]
        and not lines[b - 1][close.end() :].strip()
    )
    inner = range(a + 1, b - 1 if closed else b)
    out = {i: (i + 1, "") for i in range(a, b)}
    if len(got) == len(inner):
        out.update((i, (i + 1, line.rstrip())) for i, line in zip(inner, got, strict=True))
    else:
        out.update((i, (i + 1, lines[i].strip())) for i in inner)
    return out


#: A line that starts with punctuation that closes or goes on with what came before (``,``
#: ``.`` ``)`` ...; not an ellipsis, nor ``!`` ``]``, markdown's ``![`` and ``](``): in a
#: text written one block per line hardly ever (the dev pages as a browser renders them: 21
#: of 595 have 3 or more such lines after another line; as inscriptis, resiliparse,
#: html-text render them: 9 to 14); where every inline element is a line of its own
#: (BeautifulSoup's ``get_text("\n")``, ``itertext()`` joined by newlines), after many a
#: link or emphasis a comma or full stop follows (the same pages so rendered: 302 of 595).
_FRAGMENT_AFTER = re.compile(r"\n[ \t]*[,.;:)?%’”»](?!\.)")
_MIN_FRAGMENTS = 3
#: what goes on from the line before without a space: closing punctuation ...
_CLOSING = tuple(",.;:)]!?%’”»")
#: ... or after an opening one
_OPENING = tuple("([“„«‘/")
#: a line that ends a sentence, a label or a heading ("Filed under:"): what follows starts anew
_ENDS = (".", "!", "?", ":")
#: at most this many words in a piece between two pieces of the same sentence (a link's
#: or an emphasis's text: a name, a title)
_MAX_INLINE_WORDS = 8


def is_fragmented(text: str) -> bool:
    """Whether ``text`` has the lines of a page whose inline elements (links, emphasis) were
    cut out of their sentences onto lines of their own: at least :data:`_MIN_FRAGMENTS`
    lines that start with closing punctuation after another line, and no markdown link
    syntax (``](``: markdown that :func:`is_markdown` did not take, its links to relative
    URLs, a ``![`` or ``](`` after a line break). (One search in C: ~7 µs on 5 KB of text
    with none.)"""
    n = sum(1 for _ in islice(_FRAGMENT_AFTER.finditer(text), _MIN_FRAGMENTS))
    return n >= _MIN_FRAGMENTS and text.count("](") < _MD_MIN_LINKS


def _goes_on(prev: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` goes on with the sentence of ``prev`` (the line
    before it): it starts with closing punctuation, or with a small letter after a line
    that does not end a sentence."""
    c = nxt[0]
    return c in _CLOSING or (c.islower() and not prev.endswith(_ENDS))


def _open_end(line: str) -> bool:
    """Whether the stripped line ``line`` ends as a sentence that goes on: with a word in
    small letters or a comma ("until", "the lab of", "in 2011,"; not a title's "Budget")."""
    if line.endswith(_ENDS):
        return False
    return line.endswith(",") or line[line.rfind(" ") + 1 :][:1].islower()


def unsplit(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """Join the pieces of each sentence whose inline elements were cut onto lines of their
    own (see :func:`is_fragmented`): the new lines, and for each the span ``[start, end)``
    of input lines it was made of (blank lines stay, one for one; a piece never goes on
    over a blank line).

    A line is joined to the one before when it goes on with its sentence (:func:`_goes_on`),
    and a short line (a link's text: "Richard Axel", at most :data:`_MAX_INLINE_WORDS`
    words) is when the line after it goes on too and the line before ends as a sentence
    that goes on (:func:`_open_end`; and has three words or more, or is a piece itself):
    "scientists did not find them until" / "Richard Axel" / "and" / "Linda Buck" / "won a
    Nobel Prize" is one line. A menu, a line per item that starts with a capital, stays as
    it is, and so does a title ending in a capitalised word before a byline ("Budget" /
    "Anna Berg" / ", city reporter"). The pieces are joined by a space, but not before
    closing punctuation nor after opening."""
    s = [ln.strip() for ln in lines]
    n = len(s)
    on = [False] * n  # on[i]: line i + 1 is joined to line i
    for i in range(n - 1):
        if s[i] and s[i + 1]:
            on[i] = _goes_on(s[i], s[i + 1])
    for i in range(n - 2):
        if (
            on[i + 1]
            and not on[i]
            and s[i + 1]
            and _open_end(s[i])
            and (s[i].count(" ") >= 2 or (i > 0 and on[i - 1]))
            and s[i + 1].count(" ") < _MAX_INLINE_WORDS
        ):
            on[i] = True
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        start = i
        parts = [s[i]]
        while on[i]:
            i += 1
            if s[i].startswith(_CLOSING) or parts[-1].endswith(_OPENING):
                parts[-1] += s[i]
            else:
                parts.append(s[i])
        i += 1
        out.append(" ".join(parts) if i - start > 1 else lines[start])
        spans.append((start, i))
    return out, spans


#: A line that starts a list item with a bullet, as text-mode browsers and renderers that
#: keep the layout write lists (lynx, inscriptis: ``*`` ``+`` ``o`` by level; w3m,
#: resiliparse: ``•``) and a browser's rendering does not (the dev pages as given: 0 of 595
#: have 3 or more such lines; as inscriptis renders them 512, as resiliparse does 444).
_BULLET_AFTER = re.compile(r"\n[ \t]*[*+•◦▪‣·][ \t]")
_MIN_BULLETS = 3
#: a bullet and the spaces around it, before a list item's text; ``o`` (and lynx's deeper
#: levels' ``#`` ``@``, which stayed on 1,090 held-out lines) only where indented.
#: In a text so found bulleted, also the marks w3m gives nested lists by level (``○`` ``□``
#: ``■`` ``☆`` ...; on the dev pages as w3m renders them 28,000 lines start with one): a
#: text without first-level bullets keeps them, as it may mean them ("■ Summary")
_BULLET = re.compile(r"[ \t]*(?:[*+•◦▪‣·○□■●◎☆★]|(?<=[ \t])[o#@])(?:[ \t]+|$)")
#: lynx's marks of a list's fourth and fifth levels (``#``, ``@``), indented: a bullet only
#: under an item of another mark less indented, the list they are deeper levels of
#: (:func:`_deep_items`). An indented code block's comments
#: ("    # update the package lists first") lost their "#" in any text with three bullets
#: (s46 read F10)
_DEEP_MARK = re.compile(r"([ \t]+)[#@](?:[ \t]+|$)")


def is_bulleted(text: str) -> bool:
    """Whether ``text`` writes its lists with bullets: at least :data:`_MIN_BULLETS` lines
    that start with one (:data:`_BULLET_AFTER`), and no markdown link syntax (as
    :func:`is_fragmented`). (One search in C.)"""
    n = sum(1 for _ in islice(_BULLET_AFTER.finditer(text), _MIN_BULLETS))
    return n >= _MIN_BULLETS and text.count("](") < _MD_MIN_LINKS


def unbullet(lines: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """``lines`` without the bullet (and the indent) of each list item, one for one: what a
    browser shows of a list, and what the line model was made for (a menu written as a
    list of bulleted items is a menu); a bullet alone (an item of an icon, an image) is a
    blank line, as a browser shows nothing of it. The spans are each line's own."""
    deep = _deep_items(lines)
    out = [_unbullet_line(s, i in deep) for i, s in enumerate(lines)]
    return out, [(i, i + 1) for i in range(len(lines))]


def _bullet(line: str, deep: bool) -> re.Match[str] | None:
    """The bullet (and indent) ``line`` starts with (:data:`_BULLET`), a ``#`` or ``@`` one
    only when the line is a ``deep`` list item (:func:`_deep_items`)."""
    m = _BULLET.match(line)
    if m is None or deep or m.group().strip() not in ("#", "@"):
        return m
    return None


def _unbullet_line(line: str, deep: bool) -> str:
    """``line`` without its list item's bullet and indent (:func:`_bullet`), if it has one."""
    m = _bullet(line, deep)
    return line[m.end() :] if m else line


def _deep_items(lines: list[str]) -> set[int]:
    """The positions of the lines of ``lines`` whose ``#`` or ``@`` (:data:`_DEEP_MARK`) is
    a bullet: under an item of another mark less indented, with only blank lines, such
    deeper items and their wrapped lines (indented further) between."""
    out: set[int] = set()
    if not any(_DEEP_MARK.match(s) for s in lines):  # (most texts)
        return out
    least: int | None = None  # (the indent of the list's last item of another mark)
    item = 0  # (the indent of the last item: a line indented further is its wrapped text)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        indent = _indent(line.expandtabs())
        if m := _DEEP_MARK.match(line):
            if least is not None and len(m[1].expandtabs()) > least:
                out.add(i)
            item = indent
        elif _BULLET.match(line):
            least = item = indent
        elif indent <= item:
            least = None
    return out


def unbullet_joined(joined: list[str], lines: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """The ``joined`` lines (:func:`reflow`'s blocks of ``lines``, by ``spans``) without the
    bullet their first input line starts with (:func:`unbullet`): a block of two lines or
    more is joined stripped, and the marks found only where indented (``o``, lynx's ``#``
    ``@``) were left on the items wrapped onto a second line. The first line's mark is cut
    only where the block starts with it (a block that starts otherwise keeps its letters;
    s45 midrev M12)."""
    out = []
    deep = _deep_items(lines)
    for text, (a, b) in zip(joined, spans, strict=True):
        if b - a > 1 and (m := _bullet(lines[a], a in deep)):
            mark = lines[a][: m.end()].strip()
            if (head := text.lstrip()).startswith(mark):
                text = head[len(mark) :].lstrip()
        else:
            text = _unbullet_line(text, a in deep)
        out.append(text)
    return out


class Reflowed(NamedTuple):
    """A text joined into blocks (:func:`reflow_text`)."""

    #: the joined text, one block per line
    text: str
    #: the input's lines (split on any newline)
    lines: list[str]
    #: per joined line, its span ``[start, end)`` of input lines
    spans: list[tuple[int, int]]
    #: the width a hard-wrapped text was wrapped at; 0 for markdown
    width: int
    #: markdown: the joined lines that are level-1 headings (``# Title``)
    headings: list[int]
    #: markdown: the code blocks and tables, as spans ``[start, end)`` of joined lines,
    #: each kept or removed whole (see the boilerplate stage)
    units: list[tuple[int, int]] = []
    #: "fragments": a text whose inline elements were lines of their own (:func:`unsplit`);
    #: "bullets": a text whose list items have bullets (:func:`unbullet`)
    layout: str = ""
    #: markdown: per joined line that a page's hard line breaks (``<br>``) cut, its lines:
    #: written so where the line is kept (the HTML path keeps them as lines too; s34
    #: structure acceptance test #3: verse and lists of names ran into one line)
    breaks: dict[int, list[str]] = {}
    #: markdown: the joined lines that are markup, no text of the page's (a rule, raw HTML,
    #: a link-reference definition): decided as written, left out of the cleaned text
    markup: list[int] = []
    #: markdown: the joined lines that are headings (any level), and those that are one
    #: link alone (a contents list's entry, a menu's item): of a heading and a link with
    #: its text, the link is the copy (s52 acc-md M5)
    sections: tuple[list[int], list[int]] = ([], [])

    def rows(self, j: int) -> list[int]:
        """The non-blank input lines joined line ``j`` was made of."""
        a, b = self.spans[j]
        return [i for i in range(a, b) if self.lines[i].strip()]


#: The suffixes of a markdown file's name
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: An HTML element's end tag ("</em>", "</div>")
_END_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>")


def named_markdown(path: str | None) -> bool:
    """Whether an input's ``path`` names a markdown file (see :func:`reflow_text`)."""
    return path is not None and path.lower().endswith(MARKDOWN_SUFFIXES)


def reflow_text(text: str, lines: list[str] | None = None, named: bool = False) -> Reflowed | None:
    """``text`` joined into one block per line when it is markdown (:func:`is_markdown`; or,
    ``named`` markdown by its input, when it holds raw HTML: an element's end tag),
    hard-wrapped (:func:`wrap_width`), has its inline elements on lines of their own
    (:func:`is_fragmented`) or its list items with bullets (:func:`unbullet`; and its few
    wrapped blocks joined: :func:`few_breaks`), else None. ``lines``: the text's lines when the
    caller has split it already (on any newline, as the line model splits).

    A markdown file with inline tags and an "===" heading (plain text's convention too) was
    read as plain text: "by <em>seven votes to two</em>" kept its tags (s42 acc-regress
    D12). Markdown holds raw HTML, plain text shows none; but an end tag is no sign of
    markdown in any text: rendered pages' comments hold raw HTML ("<a href=...>",
    "<code>": toptal.com's dev text, with a code fence too, had its code lines joined)."""
    if lines is None:
        from .lines import _split

        lines = _split(text)
    if is_markdown(text, lines) or (
        named
        and (
            _END_TAG.search(text) is not None
            # (not under a YAML front matter: its title yields to a markdown "# " heading,
            # where a plain text's front matter gives the title, s38 acc-read F9's test;
            # nor with lines ending in two spaces, hard breaks: html2text's, whose links
            # tell it, or a plain text's trailing blanks. An e-mail's footer so read was
            # one block with the sign-off above it, kept: acc-md h2t mail-de-1)
            or (_markdown_kind(text) and "  \n" not in text and not front_matter_lines(lines))
        )
    ):
        joined, spans, h1, units, breaks, markup, sections = markdown_blocks(lines)
        return Reflowed(
            "\n".join(joined), lines, spans, 0, h1, units, breaks=breaks, markup=markup,
            sections=sections,
        )  # fmt: skip
    longest = max(lines, key=len, default="")
    cjk = None
    if len(longest) > _MAX_WIDTH + 1 and " " in longest.strip():
        # (most pages: a paragraph on one line, neither wrapped nor ragged; decided in C)
        width = band = None
    else:
        # (a Thai text cut by columns has spaces between its phrases, and no capitals: read
        # as wrapped at its spaces, its pieces were joined with a space inside words)
        if _SOUTHEAST_CHAR.search(text) is not None:
            cjk = cjk_breaks(lines)
        width = band = None
        if cjk is None:
            width = wrap_width(lines)
            band = _ragged(text, lines)
            if width is None and band is None and _CJK.search(text) is not None:
                cjk = cjk_breaks(lines)
    if width is not None or band is not None or cjk is not None:
        joined, spans = reflow(lines, width or 0, band, cjk and cjk[1])
        width = width or (band[1] if band is not None else cjk[0])  # type: ignore[index]
        if is_bulleted(text):  # (lynx writes its lists so: the blocks without bullets)
            joined = unbullet_joined(joined, lines, spans)
        return Reflowed("\n".join(joined), lines, spans, width, [])
    if _FRAGMENT_OR_BULLET.search(text) is None:  # (most texts: one search in C, ~7 µs)
        return None
    if is_fragmented(text):
        joined, spans = unsplit(lines)
        return Reflowed("\n".join(joined), lines, spans, 0, [], [], "fragments")
    if is_bulleted(text):
        if found := few_breaks(lines):
            joined, spans = reflow(lines, found[0], forced=found[1])
            joined = unbullet_joined(joined, lines, spans)
        else:
            joined, spans = unbullet(lines)
        return Reflowed("\n".join(joined), lines, spans, 0, [], [], "bullets")
    return None


def _markdown_kind(text: str) -> bool:
    """Whether ``text`` has one kind of markdown's own syntax (:data:`_MD_SYNTAX`, not one
    that plain text has too): an ATX heading, a code fence, a table's delimiter row, strong
    emphasis, a link. Enough in a file named markdown: trafilatura's markdown of an article
    has headings and lists only, and its "## Drei Gründe …" stayed in the text (s52 acc-md
    M6)."""
    return any(
        not convention and any(p in text for p in probes) and search(text) is not None
        for gate in _MD_GATES
        if gate in text
        for probes, search, convention in _MD_SYNTAX[gate]
    )


def few_breaks(lines: list[str]) -> tuple[int, list[bool]] | None:
    """The widest line of a bulleted text (a text browser's dump: see :func:`is_bulleted`)
    that :func:`wrap_width` did not find wrapped and, per line, whether the next line goes
    on with its sentence at a forced break for that width (:func:`wrapped_within`); None
    when no line does. A short page of lists and lines wrapped at 80 columns has too few breaks
    for the text to be taken as wrapped (:data:`_FEW_BREAKS`), but ``lynx``/``w3m`` write
    its blocks apart (a blank line, a bullet, an indent) and wrap a block's text only
    where its next word does not fit: its one paragraph and its long list items, left in
    pieces, were decided line by line, an imprint's only sentence and a calendar's
    wrapped event as short lines (the whole page dropped as empty), a paragraph's first
    line as a teaser and its last kept (s42 acc-pages F4, F7, F9). (Not in a text without
    bullets: there a line of a block can be a block of its own, and joining one or two
    breaks joined short paragraphs: dedup_quality's near recall 0.881 -> 0.869.)"""
    texts = _wrappable(lines)
    lens = list(map(_line_columns, texts))
    width = _dump_width(lens)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    forced = wrapped_within(lines, width)
    if not any(forced):
        return None
    # (a line of Chinese or Japanese passes it only in characters too: lynx wraps it by
    # characters, two columns each, and a Japanese blog's every paragraph line passed)
    past = sum(1 for s, k in zip(texts, lens, strict=True) if min(k, len(s)) > width + _WIDTH_SLACK)
    if past > _PAST_WIDTH and not _breaks_go_on(lines, forced):
        # (a dump that was never wrapped: its lines of about one length made the "width")
        return None
    return width, forced


#: A dump wrapped at a width has at most this many lines a wrapper can have made past it
#: (by more than :data:`_WIDTH_SLACK`: a word too long to break, a heading lynx does not
#: wrap; lynx's dumps at 80 columns: 0-3 on 670 pages). ``w3m -dump -cols 4000`` writes a
#: paragraph on one line, ten or more past the "width" its headlines or captions of about
#: one length make; but so does a text wrapped where its page's source broke its lines,
#: among paragraphs written on one line (a zeit.de story of the held-out titles:
#: :func:`_breaks_go_on` tells the two apart; s45 bp45 F2, s46 w3m46)
_PAST_WIDTH = 3
#: ... and it is taken for wrapped all the same when this many of its breaks go on or more,
#: half of them at least (one is no evidence against ten lines past the width: a tag list
#: under a description, a row of image labels over "follow me")
_GO_ON_LEAST = 2


def _breaks_go_on(lines: list[str], forced: list[bool]) -> bool:
    """Whether at least half of the ``forced`` breaks of ``lines`` (:func:`wrapped_within`) go on
    with their sentence (:func:`goes_on_wrapped`: a small letter next, a word broken by a hyphen; in
    a script without cases, a letter after a letter: :func:`_unspaced_goes_on`). A wrapper cuts
    between words, so the next line goes on in small letters about as often as the language's words
    start with one (6 of 11 breaks of the zeit.de story, in German; more in English); the lines of
    an unwrapped dump that reach a width by chance are headlines over their time, captions over a
    paragraph, a consent box over its "Ok", and what follows starts with a capital or a digit
    (held-out w3m: none of the breaks go on on 28 of the 40 pages joined, one or two on most of the
    rest; s45 bp45 F2)."""
    at = [i for i, f in enumerate(forced) if f]
    go = sum(
        1
        for i in at
        if goes_on_wrapped(cur := lines[i].strip(), nxt := lines[i + 1].strip())
        or _unspaced_goes_on(cur, nxt)
    )
    return go >= _GO_ON_LEAST and 2 * go >= len(at)


def _unspaced_goes_on(cur: str, nxt: str) -> bool:
    """Whether the stripped line ``nxt`` goes on with ``cur`` in a script written without
    spaces and without cases (Chinese, Japanese, Thai …): ``cur`` is a line of it
    (:func:`_columns`) that ends in a letter, no sentence's or clause's mark ("。", "，",
    "]"), and ``nxt`` starts with one of its letters. A wrapper cuts such a text anywhere,
    inside a word, so no small letter tells that a break goes on; a wrapped Chinese dump's
    breaks went on by none (s47 regress R6)."""
    return (
        bool(cur)
        and bool(nxt)
        and cur[-1].isalnum()
        and nxt[0].isalnum()
        and _UNSPACED.match(cur[-1]) is not None
        and _UNSPACED.match(nxt[0]) is not None
        and _columns(cur) > 0
    )


#: A gutter inside a line: a run of three spaces or more between two words (a table's row,
#: a row of icons' labels as w3m lays them out), which no wrapper makes
_INNER_GUTTER = re.compile(r"\S {3,}\S")
#: The width of a text browser's dump is one that this many of its lines reach (within
#: :data:`_WIDTH_SLACK` columns), or fewer on a short page: one per :data:`_WIDTH_PER`
#: lines with a space, one at least
_WIDTH_LINES, _WIDTH_PER, _WIDTH_SLACK = 5, 20, 6


def _wrappable(lines: list[str]) -> list[str]:
    """The stripped ``lines`` that a wrapper can have made: with a space, no gutter
    (:data:`_INNER_GUTTER`), no word longer than the rest of the line (a reference's
    address, "18. file:///hamburg/..."), or of Chinese or Japanese, wrapped anywhere (their
    lengths are taken in columns, :func:`_line_columns`: s45 acc-regress R3)."""
    return [
        s
        for s in map(str.strip, lines)
        if (" " in s and _INNER_GUTTER.search(s) is None and 2 * max(map(len, s.split())) <= len(s))
        or (s and _CJK.search(s) and _columns(s))
    ]


def _dump_width(wrappable: list[int]) -> int:
    """The width a text browser's dump (:func:`few_breaks`) was wrapped at: the longest
    length that several of its lines reach (:data:`_WIDTH_LINES`), among the lines a
    wrapper can have made (``wrappable``, their columns: :func:`_wrappable`). The widest
    line was taken: one row of icons of 105 columns on an AP page wrapped at 80 (w3m),
    lynx's references of 133 on a Hamburg paper's, so only the few lines that reached near
    it were joined, the paragraphs left as a joined tail and a head that read as a teaser
    (the AP article dropped as empty: s44 acc-regress R1)."""
    lens = sorted(wrappable)
    least = min(_WIDTH_LINES, max(1, len(lens) // _WIDTH_PER))
    for i in range(len(lens) - 1, least - 2, -1):
        # (lens[i] is reached by the lines from the first within the slack up to it)
        if i + 1 - bisect_left(lens, lens[i] - _WIDTH_SLACK) >= least:
            return lens[i]
    return 0


#: a line of :data:`_FRAGMENT_AFTER` or of :data:`_BULLET_AFTER`
_FRAGMENT_OR_BULLET = re.compile(r"\n[ \t]*(?:[,.;:)?%’”»](?!\.)|[*+•◦▪‣·][ \t])")


#: Two columns side by side (a layout-preserving OCR or ``pdftotext -layout`` export): a
#: line's left column of at least this many characters, a gutter of three spaces or more,
#: and the right column's text ...
_COLUMN_MIN = 12
_GUTTER = re.compile(r"\S {3,}(?=\S)")
#: ... at the same place (within this many columns) on at least this many lines and this
#: share of the text's non-blank lines
_COLUMN_SLACK, _COLUMN_LINES, _COLUMN_SHARE = 2, 5, 0.4


def side_by_side(lines: list[str]) -> tuple[int, int] | None:
    """``(lines, column)``: how many of ``lines`` hold two columns of text side by side, and
    where the right one starts, or None. Read across, such a text interleaves two stories
    line by line; no text-only reading can undo it, so it is told (the boilerplate stage's
    ``columns`` annotation), not changed."""
    starts: Counter[int] = Counter()
    n_text = 0
    for line in lines:
        s = line.rstrip()
        if not s.strip():
            continue
        n_text += 1
        for m in _GUTTER.finditer(s):
            at = m.end()
            if len(s[: m.start() + 1].strip()) >= _COLUMN_MIN and len(s) - at >= _COLUMN_MIN:
                starts[at] += 1
    if not starts:
        return None
    near = range(-_COLUMN_SLACK, _COLUMN_SLACK + 1)
    best = max(starts, key=lambda c: sum(starts[c + d] for d in near))
    n = sum(starts[best + d] for d in near)
    if n < _COLUMN_LINES or n < _COLUMN_SHARE * n_text:
        return None
    return n, best
