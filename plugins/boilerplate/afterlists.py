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

from collections import Counter
from datetime import date
from itertools import pairwise

from corearchive import lazyre as re
from corearchive.characters import CJK_RANGES

from .feeds import _headline
from .lines import CLOSING_MARKS, notice_line
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
        if _within_article(lines, keep, min(run[0][0], heads[0]), max(run[-1][0], heads[-1])):
            return []
        return [j for k, _ in run for j in (k, k + side) if keep[j]]
    return []


def _within_article(lines: list[str], keep: list[bool], first: int, last: int) -> bool:
    """Whether lines ``first`` to ``last`` stand in the article's text: a sentence that
    announces them right over them ("How the day unfolded, latest first:") and a kept
    paragraph of the article right under them. An article's timeline, newest first, is no
    box of the site's latest stories (read50 F14), which the article neither announces nor
    goes on after."""
    over = next((j for j in range(first - 1, -1, -1) if lines[j]), None)
    under = next((j for j in range(last + 1, len(lines)) if lines[j]), None)
    return (
        over is not None
        and under is not None
        and lines[over].endswith(":")
        and keep[under]
        and _paragraph_line(lines[under])
    )


#: the reason of a line removed by :func:`related_list_lines`
RELATED_LIST_REASON = "a list of other stories under its label after the article's last paragraph"

#: a paragraph: a sentence of :data:`_SENTENCE_WORDS` words or more ending with a full stop,
#: or :data:`_LONG_WORDS` words, or :data:`_LONG_CHARS` characters (a script without spaces)
_SENTENCE_WORDS = 8
_LONG_WORDS = 25
_MOST_WORDS = max(_SENTENCE_WORDS, _LONG_WORDS)
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
#: a list item's mark in a text browser's rendering ("* ", "• ", "1. "); a number without
#: its point or bracket is the headline's own ("10 things to know …"; read50 F11)
_ITEM_MARK = re.compile(r"(?:[*•·▪►+-]|\d{1,2}[.)])\s+")
#: a letter of a script written without spaces between words (Chinese, Japanese; Thai,
#: Lao, Burmese, Khmer), whose headline is one run of letters or two
_UNSPACED = re.compile(f"[{CJK_RANGES}\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
#: a field's line, "Farbe: grün": a name of one or two words, a value of three at most
_FIELD = re.compile(r"([^:]{1,30}):\s")
#: a site's name written as its address ("feiler-artinger.at"): a winery's, a shop's entry
_DOMAIN = re.compile(r"\w\.[a-z]{2,}\b")


def _paragraph_line(line: str) -> bool:
    """Whether ``line`` reads as a paragraph of the article (see :data:`_SENTENCE_WORDS`)."""
    n = len(line.split(None, _MOST_WORDS - 1))  # (split up to the words the tests read)
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
    # (the letters of a script without spaces, not any letter outside ASCII: "Bidén wins
    # Michigan" was a headline, "Biden wins Michigan" none; read50 F11)
    return not text.isascii() and len(_UNSPACED.findall(text)) >= _HEADLINE_LETTERS


def related_list_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are lists of other stories after the
    article: a kept label (:func:`_label_line`) after :data:`_ARTICLE_PARAGRAPHS` kept
    paragraphs or more (a site's notice, :func:`.lines.notice_line`, is none), then kept
    labels and headlines only, :data:`_LIST_HEADLINES`
    headlines or more and twice as many as the labels under the first (a directory's
    entries are names), no kept paragraph after them, the headlines different stories'
    (:func:`_stories`: a list of one form is the article's)."""
    kept = [j for j, k in enumerate(keep) if k]
    if len(kept) < _ARTICLE_PARAGRAPHS + 1 + _LIST_HEADLINES:
        return []
    # (a site's notice under the lists is no paragraph of the article: "© 2026 Example News.
    # We are not responsible for external sites." hid the lists above it; s50 acc-scripts N2)
    # (read from the end, up to the article's last kept paragraph and the two before it: the
    # tests, a notice's search most, are not asked of the article's other paragraphs)
    last, count = -1, 0
    for t in range(len(kept) - 1, -1, -1):
        line = lines[kept[t]]
        if _paragraph_line(line) and not notice_line(line):
            if last < 0:
                last = t
            count += 1
            if count >= _ARTICLE_PARAGRAPHS:
                break
    if count < _ARTICLE_PARAGRAPHS:
        return []
    # (the kept lines after the article's last kept paragraph, where a list may start)
    tail = kept[last + 1 :]
    label = [_label_line(lines[j]) for j in tail]
    headline = [_item_text(lines[j]).split() if _headline_line(lines[j]) else None for j in tail]
    # A scan from a label runs over the labels and headlines after it up to the first line
    # that is neither, the same end for every label of one stretch, and a list found jumps
    # to that end: only the leftmost label of a stretch that passes counts. Each stretch is
    # walked once from its end to its start with the counts of the stories' tests kept up
    # to date (a scan from every label, again after each failed one, took seconds for a few
    # thousand short lines: quadratic).
    found: list[int] = []
    s = 0
    while s < len(tail):
        if headline[s] is None and not label[s]:
            s += 1
            continue
        e = s
        while e < len(tail) and (headline[e] is not None or label[e]):
            e += 1
        stories = _Stories()
        labels = 0
        start = None
        for i in range(e - 1, s - 1, -1):
            # (the counts are those of the lines after i up to the stretch's end)
            if (
                label[i]
                and stories.n >= _LIST_HEADLINES
                and 2 * labels <= stories.n
                and stories.different()
            ):
                start = i
            if (words := headline[i]) is not None:
                stories.add(words)
            else:
                labels += 1
        if start is not None:
            found += tail[start:e]
        s = e
    return found


#: the punctuation around a headline's last word
_WORD_PUNCT = ".,:;!?…\"'”’»)"


class _Stories:
    """The counts of :func:`_stories`' tests over headlines added one at a time, for a scan
    that asks them after each (:func:`related_list_lines`)."""

    __slots__ = ("ends", "figures", "firsts", "lasts", "n", "top", "top_last")

    def __init__(self) -> None:
        self.n = self.top = self.top_last = self.figures = self.ends = 0
        self.firsts: Counter[str] = Counter()
        self.lasts: Counter[str] = Counter()

    def add(self, words: list[str]) -> None:
        """Count a headline (its words)."""
        self.n += 1
        first = words[0].lower()
        self.firsts[first] += 1
        self.top = max(self.top, self.firsts[first])
        last = words[-1].lower().strip(_WORD_PUNCT)
        self.lasts[last] += 1
        self.top_last = max(self.top_last, self.lasts[last])
        self.figures += words[0][:1].isdigit()
        self.ends += any(c.isdigit() for c in words[-1])

    def different(self) -> bool:
        """Whether the headlines counted are different stories' (:func:`_stories`)."""
        n = self.n
        return (
            2 * self.top <= n
            and 2 * self.top_last <= n
            and 2 * self.figures < n
            and 2 * self.ends < n
        )


def _stories(heads: list[list[str]]) -> bool:
    """Whether headlines (their words) are different stories' rather than a list of one
    form: no first word nor last word in half of them or more ("June 9 – …", "June 10 –
    …"; "… 10th appearance", "… Seventh appearance"; the last word: "England (Group A):
    10th appearance" / "Spain (Group F): 11th appearance" / ..., a tournament's qualified
    teams under the article's "Qualified teams", s50 acc-regress R8), under half of them
    starting with a figure (a calendar's dates) or ending with one (a results table's
    times, an account's sums). (The tests' counts are :class:`_Stories`', which
    :func:`related_list_lines` keeps up to date line by line: one place for both.)"""
    stories = _Stories()
    for h in heads:
        stories.add(h)
    return stories.different()


#: the reason of a line removed by :func:`ranked_list_lines`
RANKED_LIST_REASON = (
    "a numbered list of other stories (most read) under its label after the article"
)

#: a ranked list's item as a text browser writes it: an optional bullet, the rank, the
#: headline ("• 1 Venice floods", "1 Venice floods", "2. Venice floods")
_RANKED_ITEM = re.compile(r"(?:[*•·▪►+-]\s+)?(\d{1,2})[.)]?\s+(\S.*)")
#: the first characters such an item may have
_RANK_START = frozenset("0123456789*•·▪►+-")


def _text_paragraph(line: str) -> bool:
    """Whether ``line`` is a paragraph of text (:func:`_paragraph_line`) other than a
    footer's copyright notice ("Copyright © 2018 ...") or a tracking pixel's markup written
    out ('src="https://ssc.api.bbc.com/?c2=...'): lines the line model may keep under a
    site's lists, which do not say that the article goes on."""
    if not _paragraph_line(line) or "©" in line[:40] or line[:9].casefold() == "copyright":
        return False
    return "://" not in line and "<" not in line and "=" not in line


def _ranked_item(line: str) -> tuple[int, str] | None:
    """The rank and headline of a line that is a ranked list's item, else None."""
    if (m := _RANKED_ITEM.fullmatch(line)) is None or not _headline_line(m[2]):
        return None
    return int(m[1]), m[2]


def ranked_list_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a numbered list of other stories after
    the article, as w3m and lynx write a "Most read" box (s50 heldout50): headlines ranked
    1, 2, 3, ... on consecutive lines, :data:`_LIST_HEADLINES` or more, right under a label
    (:func:`_label_line`, kept or not: the line model often leaves the label and keeps the
    headlines), after :data:`_ARTICLE_PARAGRAPHS` kept paragraphs or more and with no kept
    paragraph of text after them (:func:`_text_paragraph`), the headlines different
    stories' (:func:`_stories`, without the ranks). :func:`related_list_lines` does not
    read these: a rank starts each headline, which its test of a list of one form (a
    calendar's dates) counts against it."""
    n = len(lines)
    found: list[int] = []
    paragraphs = 0
    j = 0
    while j < n:
        # (counted up to the number needed; an item starts with a figure or a bullet)
        if paragraphs < _ARTICLE_PARAGRAPHS:
            paragraphs += keep[j] and _paragraph_line(lines[j])
        if not (
            paragraphs >= _ARTICLE_PARAGRAPHS
            and lines[j][:1] in _RANK_START
            and (first := _ranked_item(lines[j])) is not None
            and first[0] == 1
            and j > 0
            and _label_line(lines[j - 1])
        ):
            j += 1
            continue
        heads = [first[1].split()]
        k = j + 1
        while k < n and (item := _ranked_item(lines[k])) is not None and item[0] == len(heads) + 1:
            heads.append(item[1].split())
            k += 1
        after = any(keep[i] and _text_paragraph(lines[i]) for i in range(k, n))
        if len(heads) >= _LIST_HEADLINES and not after and _stories(heads):
            found += [i for i in range(j - 1, k) if keep[i]]
        j = k
    return found
