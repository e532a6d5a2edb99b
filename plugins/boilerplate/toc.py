"""A post's table of contents, found by its structure: a run of short lines near the top
whose entries come back later, in the same order, as the headings of the text (s51
acc-blogs B12).

A blog post or a documentation page often opens with its own contents ("On this page" /
"Prerequisites" / "Setting up the subscriber" / "Cutting over"). In a plain-text rendering
the run reads as short lines in the article's block; the line model kept a copy of an entry
while it removed the real heading further down as a "repeated line". The copy at the top is
the one to drop: :func:`toc_rows` finds the run (no word list: the entries' later return as
headings, in order, each with text between them, is the sign) and the heading copies.
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

#: Why the run's lines left the text
TOC_REASON = "table of contents (its entries are the headings below)"
#: The fewest entries a run has (two short lines recur in order by chance: a date and a
#: name of a comment's header)
_MIN_ENTRIES = 3
#: The most words of an entry (a heading's)
_MAX_WORDS = 12
#: How far down the page a run may start (a post's contents stand over its text)
_TOP_SHARE = 0.5
#: The fewest words of the line under a heading (a paragraph's)
_PARA_WORDS = 8
#: A word's letters
_WORD = re.compile(r"[^\W\d_]{2}")
#: A list's bullet before an entry, as a text browser writes it ("  • 1. The problem")
_BULLET_CHARS = "•·∙◦▪‣*+–—-"
_BULLET = re.compile(rf"^[\s{_BULLET_CHARS}]+")


def _key(line: str) -> str:
    """An entry's or a heading's text to compare: its bullet off, white space collapsed,
    case folded."""
    # (the substitution only where the line starts with a bullet or a space: most lines
    # start with a letter, and every line of every page is asked)
    if line[:1] in _BULLET_CHARS or line[:1].isspace():
        line = _BULLET.sub("", line)
    return " ".join(line.split()).casefold()


def _item_key(line: str) -> str:
    """:func:`_key` of a line that may be an entry or its heading, else "" (no entry's): a
    line of more than :data:`_MAX_WORDS` words without a bullet to take off has more words
    than an entry's key, so it neither is one nor equals one. A paragraph is split only as
    far as the bound, not collapsed and folded whole (every line of every page is asked)."""
    if line[:1] in _BULLET_CHARS or line[:1].isspace():
        return _key(line)
    words = line.split(None, _MAX_WORDS)
    # (up to the bound the split is the line's whole: its words are the key's)
    return "" if len(words) > _MAX_WORDS else " ".join(words).casefold()


def _entry(line: str) -> bool:
    """Whether stripped ``line`` can be a contents' entry or a heading: a few words, no
    sentence's end."""
    words = line.split()
    return 0 < len(words) <= _MAX_WORDS and line.rstrip()[-1:] not in ".!?,;:"


def _heading(items: list[tuple[int, str]], lines: Sequence[str], h: int) -> bool:
    """Whether item ``h`` stands as a heading: a short line (:func:`_entry`) over a paragraph
    (the next line with words has :data:`_PARA_WORDS` words or more). A menu's copy in a
    footer or a site map stands over other short lines."""
    if not _entry(lines[items[h][0]].strip()):
        return False
    for j, _ in items[h + 1 : h + 3]:
        line = lines[j]
        if _WORD.search(line):
            return len(line.split()) >= _PARA_WORDS
    return False


def toc_rows(lines: Sequence[str], keep: Sequence[bool]) -> tuple[list[int], list[int]]:
    """The rows of the first table of contents of a page's ``lines`` (stripped; ``keep``: the
    line model's decisions), and the rows of the headings its entries name: a run of
    :data:`_MIN_ENTRIES` or more consecutive non-blank short lines (:func:`_entry`) in the
    page's first half whose entries stand later, in the same order, each as a line of its
    own with other text between them (a heading's place; a chorus repeated whole is no
    contents). ([], []) when there is none."""
    items = [(j, _item_key(s)) for j, s in enumerate(lines) if s.strip()]
    n = len(items)
    if n < 2 * _MIN_ENTRIES + 2:
        return [], []
    where: dict[str, list[int]] = {}
    for k, (_, key) in enumerate(items):
        if key:  # (a key without words is no entry's: see the run's tests below)
            where.setdefault(key, []).append(k)
    # (a run's entries are distinct and each comes back: no page with fewer keys seen twice
    # has one, and most have none)
    if sum(len(at) > 1 for at in where.values()) < _MIN_ENTRIES:
        return [], []
    k = 0
    limit = int(n * _TOP_SHARE)
    while k < limit:
        run: list[int] = []
        heads: list[int] = []
        at = k
        while at < n:
            j, key = items[at]
            if (
                not key
                or where[key][-1] <= at  # (no later copy: the cheapest test first)
                or not _WORD.search(key)
                or not _entry(lines[j].strip())
                # (the entries differ: "Advertisement" twice is an ad slot's label)
                or any(items[r][1] == key for r in run)
            ):
                break
            run.append(at)
            at += 1
        # (each entry's heading after the run's end and after the previous heading, with
        # a line of text between them)
        end = run[-1] if run else k
        for r in run:
            nxt = [x for x in where[items[r][1]] if x > end and (not heads or x > heads[-1] + 1)]
            if not nxt:
                break
            heads.append(nxt[0])
        else:
            if len(run) >= _MIN_ENTRIES and all(_heading(items, lines, h) for h in heads):
                return [items[r][0] for r in run], [items[h][0] for h in heads]
        k = max(at, k + 1)
    return [], []
