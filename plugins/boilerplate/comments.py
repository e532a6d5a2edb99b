"""Readers' comments under an article that the line model kept a paragraph of here and there.

A blog's or a magazine's comment section, as a browser's text writes it, is a run of
comments each under the same header: a number, a reply button, the commenter's name and
the comment's time ("3." / "Antworten" / "bote19" / "8. April 2019 @ 11:43"), then a short
paragraph or two. The line model removed the headers (short, repeated, no sentence) and
most of the comments, but kept single comment paragraphs at 0.50–0.61 between removed
headers: read one at a time, a reader's paragraph is prose like the article's (s51/s52
held-out: a science blog's 40 comments, 5 paragraphs kept in each form). Each kept
paragraph is an island between removed headers; dropping such islands blindly costs the
article's own lines on other pages (s50's simulation: a listing's teasers, a last
paragraph after a long box), so the rule is bound to the header's shape: the times of the
comment section (:func:`.structures.comment_stamps`: a time alone over a paragraph, the
section's heading over the first or reply buttons under two or more, below the article's
text), recurring for every comment, and the kept lines removed are only those of the
comments' own blocks, from the first comment's time to the end of the last one's
paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from .chrome import _DIGIT  # (a digit: a time's lines have one)
from .structures import (
    _TIME_WORDS,
    _paragraph,
    _paragraph_end,
    _prose,
    _stamp,
    comment_stamps,
)

#: the reason of a kept line removed by :func:`comment_section_lines`
COMMENT_SECTION_REASON = "readers' comment between the comment section's headers"

#: the fewest comments (headers of the same shape) of a section read here
_MIN_COMMENTS = 3
#: the most non-blank lines between a comment's time and the next comment's: its greeting,
#: its paragraphs, its sign-off and the next header's number, button and name; a longer
#: block is no comment's (the times of a page's later box: an events list, a footer)
_COMMENT_LINES = 30
#: the lines under a comment's time where its paragraph may start: a greeting or an
#: addressee first ("Liebe Martina,", "@ Ingo Herzke")
_PARAGRAPH_REACH = 3
#: the fewest kept paragraphs of the article's text over the first comment
_ARTICLE_PARAS = 3


def _comment_time(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i`` may be a comment's time: a date or a time alone
    (:func:`.structures._stamp`) with a paragraph starting within the few lines under it
    (:data:`_PARAGRAPH_REACH`: a greeting may come first)."""
    if not _stamp(lines[i]):
        return False
    return any(
        _paragraph_end(lines, j) is not None
        for j in range(i + 1, min(len(lines), i + 1 + _PARAGRAPH_REACH))
    )


def _last_comment_end(lines: Sequence[str], i: int) -> int:
    """The line after the last comment's text, whose time is on line ``i``: its greeting
    and paragraphs (:func:`.structures._paragraph_end`), up to the first line that neither
    starts a paragraph nor is one of the few short lines before the first (a greeting).
    What follows the last comment is the page's (a comment form, a sidebar's box): a short
    line after its paragraphs ends it."""
    j = i + 1
    end = None
    while j < len(lines) and j - i <= _COMMENT_LINES:
        if (nxt := _paragraph_end(lines, j)) is not None:
            j = end = nxt
        elif end is None and j - i < _PARAGRAPH_REACH:
            j += 1  # (a greeting or an addressee over the first paragraph)
        else:
            break
    return i + 1 if end is None else end


def comment_section_lines(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The kept lines (positions in ``lines``, stripped, as for
    :func:`.structures.article_structures`) of readers' comments under an article: the
    comment section's times (:func:`.structures.comment_stamps`, each a time alone over a
    paragraph, :func:`_comment_time`) on :data:`_MIN_COMMENTS` or more comments, under
    :data:`_ARTICLE_PARAS` kept paragraphs of the article's text; the kept lines of each
    comment's block (from its time to the next comment's, at most :data:`_COMMENT_LINES`
    lines; of the last one's and of a longer one, to the end of the paragraphs right under
    its time), of fewer words than the article kept over the first comment. The line model
    kept single comment paragraphs between the removed headers (s52 held-out: a science
    blog's comments)."""
    # (a time is a short line with a digit: what most lines are asked, before the time's
    # own search)
    stamps = [
        i
        for i in range(len(lines) - 1)
        if lines[i].count(" ") < _TIME_WORDS
        and _DIGIT.search(lines[i]) is not None
        and _comment_time(lines, i)
    ]
    if len(stamps) < _MIN_COMMENTS:
        return []
    times = comment_stamps(lines, stamps)
    if len(times) < _MIN_COMMENTS:
        return []
    first = times[0]
    article = [j for j in range(first) if keep[j] and _paragraph(lines[j])]
    if len(article) < _ARTICLE_PARAS:
        return []
    found: list[int] = []
    for t, e in zip(times, [*times[1:], len(lines) + _COMMENT_LINES], strict=True):
        if e - t > _COMMENT_LINES:
            # (a block too long for a comment's, the last one's or a long comment's with
            # its lists and quotes: its first paragraphs, under its time, and not what
            # follows them, a sidebar's box)
            e = _last_comment_end(lines, t)
        found.extend(j for j in range(t, e) if keep[j])
    words = sum(len(lines[j].split()) for j in found)
    if words >= sum(len(lines[j].split()) for j in range(first) if keep[j] and _prose(lines[j])):
        return []
    return found
