"""Lists a news page shows beside or after its article that the line model keeps as the
article's lines (s49 heldout49): its latest stories with the date and time of each, and its
lists of other stories after the article's last paragraph.

A site's feed of its latest stories dates each headline; :mod:`.feeds` reads the feeds whose
stamp is a clock time alone ("16:56"). Many sites' lists write the day with it,
"2019-01-22 20:44" under each headline, the latest first (held-out, a Thai news site's
"ข่าวรอบวัน" box in all three renderings: ten headlines with their stamps kept, none of the
article's). A date tells more than a clock: the items go back across days, which a live
blog's posts, a page's comments (oldest first) or a schedule (forward) do not do under
headlines without paragraphs.

After its article a news page lists other stories under a label: "Saistītie raksti" (related
articles), "Populārākie" (most read), "Interesanti", each headline a link, a section's name
between them. Text browsers write the boxes out in full where the line model reads the
headlines as the article's subheads; the held-out set's lynx rendering of a Latvian
broadcaster's page kept 40 such lines (a Burmese and a Thai page the same in w3m). What tells
them from the article's own list: a label over them, the article's paragraphs before them
and none after them (a footer's sentences at most), headlines that start differently (a
tour's dates, "June 9 – …", "June 10 – …", or a list of one form, are the article's).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import pairwise

from .feeds import _headline
from .lines import CLOSING_MARKS
from .structures import stop_end

#: the reason of a line removed by :func:`dated_feed_lines`
DATED_FEED_REASON = "the site's list of its latest stories: a headline with its date and time"

_CLOCK = r"([0-2]?\d):([0-5]\d)(?::[0-5]\d)?"
#: a line that is a date and a clock time alone, the ways a site's list writes them:
#: "2019-01-22 20:44" (year first), "22.01.2019, 20:44", "22/01/2019 - 20:44" (day first)
_STAMPS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T|\s*[,|–—-]?\s*)" + _CLOCK),
    re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})\s*[,|–—-]?\s*" + _CLOCK),
)
#: the fewest items of a list, and the share of its steps that go back in time (or stay)
_ITEMS = 3
_BACK_SHARE = 2 / 3
#: the most lines from one stamp to the next (a picture's placeholder between items)
_GAP = 3
#: what a post's paragraph under its stamp has: words, or (a script without spaces) letters
_PARAGRAPH_WORDS = 6
_PARAGRAPH_CHARS = 200


def _stamp(line: str) -> int | None:
    """The minutes since year 1 of a line that is a date and a time alone, else None."""
    if len(line) > 24 or not line[:1].isdigit():
        return None
    for pattern in _STAMPS:
        if m := pattern.fullmatch(line):
            try:
                day = date(int(m["y"]), int(m["m"]), int(m["d"])).toordinal()
            except ValueError:
                return None
            hour, minute = int(m.group(4)), int(m.group(5))
            return day * 1440 + hour * 60 + minute if hour < 24 else None
    return None


def _paragraph(line: str) -> bool:
    """Whether ``line`` reads as a post's or a comment's paragraph, not a headline."""
    return (stop_end(line) and len(line.split()) >= _PARAGRAPH_WORDS) or len(
        line
    ) >= _PARAGRAPH_CHARS


def dated_feed_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a site's list of its latest stories:
    :data:`_ITEMS` stamps of a date and a time or more, each alone on its line, at most
    :data:`_GAP` lines apart, going back in time at :data:`_BACK_SHARE` of the steps or
    more, each beside a headline (:func:`.feeds._headline`) on the same side: over every
    stamp, or under every stamp. Stamps with a paragraph on their other side, half of them
    or more, are posts' or comments' (a name over each, what it says under it): no list."""
    stamps = [(j, at) for j, line in enumerate(lines) if (at := _stamp(line)) is not None]
    if len(stamps) < _ITEMS:
        return []
    n = len(lines)
    found: list[int] = []
    run: list[tuple[int, int]] = []
    for item in [*stamps, (n + _GAP + 1, 0)]:
        if run and item[0] - run[-1][0] > _GAP:
            found += _run_lines(lines, keep, run)
            run = []
        run.append(item)
    return sorted(set(found))


def _run_lines(lines: list[str], keep: list[bool], run: list[tuple[int, int]]) -> list[int]:
    """The kept lines of one run of stamps (see :func:`dated_feed_lines`), or none."""
    n = len(lines)
    if len(run) < _ITEMS:
        return []
    steps = list(pairwise(at for _, at in run))
    if sum(b <= a for a, b in steps) < _BACK_SHARE * len(steps):
        return []
    for side in (-1, 1):
        heads = [j + side for j, _ in run]
        if not all(0 <= h < n and _headline(lines[h]) for h in heads):
            continue
        # (the stamps of posts or comments: a paragraph on their other side; the list's
        # last stamp may stand over the text after the list)
        other = {j - side for j, _ in run} - set(heads)
        if 2 * sum(0 <= o < n and _paragraph(lines[o]) for o in other) >= len(run):
            return []
        return [j for k, _ in run for j in (k, k + side) if keep[j]]
    return []


#: the reason of a line removed by :func:`related_list_lines`
RELATED_LIST_REASON = "a list of other stories under its label after the article's last paragraph"

#: a paragraph: a sentence of :data:`_SENTENCE_WORDS` words or more ending with a full stop,
#: or :data:`_LONG_WORDS` words, or :data:`_LONG_CHARS` characters (a script without spaces)
_SENTENCE_WORDS = 8
_LONG_WORDS = 25
_LONG_CHARS = 220
_FULL_STOPS = tuple(".。।။۔")
#: what a headline does not end with (a question or an exclamation it may)
_HEADLINE_ENDS = (*_FULL_STOPS, ":", ";")
#: a list's label: at most this many words and characters
_LABEL_WORDS = 3
_LABEL_CHARS = 32
#: a headline: this many words, or (a script without spaces) letters, or more
_HEADLINE_WORDS = 4
_HEADLINE_LETTERS = 12
#: the fewest headlines of a list, and the fewest paragraphs of the article over it
_LIST_HEADLINES = 3
_ARTICLE_PARAGRAPHS = 3
#: a list item's mark in a text browser's rendering ("* ", "• ", "1 ")
_ITEM_MARK = re.compile(r"(?:[*•·▪►+-]|\d{1,2}[.)]?)\s+")
#: a field's line, "Farbe: grün": a name of one or two words, a value of three at most
_FIELD = re.compile(r"([^:]{1,30}):\s")
#: a site's name written as its address ("feiler-artinger.at"): a winery's, a shop's entry
_DOMAIN = re.compile(r"\w\.[a-z]{2,}\b")


def _paragraph_line(line: str) -> bool:
    """Whether ``line`` reads as a paragraph of the article (see :data:`_SENTENCE_WORDS`)."""
    n = len(line.split())
    if n >= _LONG_WORDS or len(line) >= _LONG_CHARS:
        return True
    return n >= _SENTENCE_WORDS and line.rstrip(CLOSING_MARKS).endswith(_FULL_STOPS)


def _label_line(line: str) -> bool:
    """Whether ``line`` reads as a box's label or a section's name: a few words, no
    sentence, no address or field."""
    return (
        len(line) <= _LABEL_CHARS
        and 1 <= len(line.split()) <= _LABEL_WORDS
        and not line.rstrip(":").endswith((*_FULL_STOPS, "!", "?"))
        and "/" not in line
        and ": " not in line
        and "@" not in line
        and _DOMAIN.search(line) is None
        and any(c.isalpha() for c in line)
    )


def _item_text(line: str) -> str:
    """``line`` without its list item's mark."""
    m = _ITEM_MARK.match(line)
    return line[m.end() :] if m else line


def _headline_line(line: str) -> bool:
    """Whether ``line`` reads as a story's headline: no paragraph, no full stop at its end,
    starting with a capital, a figure or a quote (no sentence's rest), no address or field;
    :data:`_HEADLINE_WORDS` words or more, or in a script without spaces
    :data:`_HEADLINE_LETTERS` letters."""
    text = _item_text(line)
    words = text.split()
    if not words or _paragraph_line(text) or text.rstrip(CLOSING_MARKS).endswith(_HEADLINE_ENDS):
        return False
    if "://" in text or text.startswith("www.") or "@" in text or "\t" in text:
        return False
    if "   " in text or text.endswith(("–", "-", "—")):
        return False  # (a table's row as a text browser writes it: its cells spaced apart)
    if (m := _FIELD.match(text)) and len(m[1].split()) <= 2 and len(text[m.end() :].split()) <= 3:
        return False
    if text[0].islower():
        return False
    if len(words) >= _HEADLINE_WORDS:
        return True
    return not text.isascii() and sum(c.isalpha() for c in text) >= _HEADLINE_LETTERS


def related_list_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are lists of other stories after the
    article: a kept label (:func:`_label_line`) after :data:`_ARTICLE_PARAGRAPHS` kept
    paragraphs or more, then kept labels and headlines only, :data:`_LIST_HEADLINES`
    headlines or more and twice as many as the labels under the first (a directory's
    entries are names), no kept paragraph after them, the headlines different stories'
    (:func:`_stories`: a list of one form is the article's)."""
    kept = [j for j, k in enumerate(keep) if k]
    if len(kept) < _ARTICLE_PARAGRAPHS + 1 + _LIST_HEADLINES:
        return []
    paragraph = [_paragraph_line(lines[j]) for j in kept]
    if sum(paragraph) < _ARTICLE_PARAGRAPHS:
        return []
    # (the kept lines after the article's last kept paragraph, where a list may start, each
    # read once: a list's scan from every label in them read the same lines again, seconds
    # for a thousand short lines)
    tail = kept[len(kept) - paragraph[::-1].index(True) :]
    label = [_label_line(lines[j]) for j in tail]
    headline = [_item_text(lines[j]).split() if _headline_line(lines[j]) else None for j in tail]
    found: list[int] = []
    i = 0
    while i < len(tail):
        if not label[i]:
            i += 1
            continue
        k, heads, labels = i + 1, [], 0
        while k < len(tail):
            if (words := headline[k]) is not None:
                heads.append(words)
            elif label[k]:
                labels += 1
            else:
                break
            k += 1
        if len(heads) >= _LIST_HEADLINES and 2 * labels <= len(heads) and _stories(heads):
            found += tail[i:k]
            i = k
        else:
            i += 1
    return found


#: the punctuation around a headline's last word
_WORD_PUNCT = ".,:;!?…\"'”’»)"


def _stories(heads: list[list[str]]) -> bool:
    """Whether headlines (their words) are different stories' rather than a list of one
    form: no first word nor last word in half of them or more ("June 9 – …", "June 10 –
    …"; "… 10th appearance", "… Seventh appearance"), under half
    of them starting with a figure (a calendar's dates) or ending with one (a results
    table's times, an account's sums)."""
    n = len(heads)
    if 2 * Counter(h[0].lower() for h in heads).most_common(1)[0][1] > n:
        return False
    # (nor one last word in half of them or more: "England (Group A): 10th appearance" /
    # "Spain (Group F): 11th appearance" / ..., a tournament's qualified teams under the
    # article's "Qualified teams"; s50 acc-regress R8)
    if 2 * Counter(h[-1].lower().strip(_WORD_PUNCT) for h in heads).most_common(1)[0][1] > n:
        return False
    figures = sum(h[0][:1].isdigit() for h in heads)
    ends = sum(any(c.isdigit() for c in h[-1]) for h in heads)
    return 2 * figures < n and 2 * ends < n
