"""A site's feed of its latest stories, each a headline with its clock time (s47 chrome47).

A news site lists its newest stories beside or under the article, the latest first:
"16:56" over "Saplacinātā eksīdija – silto ziemu sēne", "16:06" over the next, or the time
and the headline on one line ("21h00 Appel à aller au TGI ce mardi 9 juillet"). The line
model read the headlines as the article's subheads among the article's lines (held-out
lynx and w3m: a Latvian broadcaster's and a Paris collective's feeds, 609 tokens kept, none
of the articles'). What tells a feed is the times going back (the latest first), each
with a headline (no sentence): a video's chapters ("00:00 Intro", "02:06 Kamera") and a
day's schedule ("8:30 AM", "2:00 PM") go forward, and a live blog's posts are paragraphs
that end a sentence, under their headings when they have one ("22:41" / "Turnout reaches
record high" / the post's paragraph: the item with a paragraph under it is a post).
"""

from __future__ import annotations

from itertools import pairwise

from corearchive import lazyre as re

from .lines import CLOSING_MARKS, CUE_PHRASES, SENTENCE_MARKS
from .structures import stop_end

#: the reason of a line removed by :func:`feed_lines`
FEED_REASON = "the site's feed of its latest stories: a headline with its time"

_CLOCK_WORD = r"(?:\s*(am|pm|a\.m\.|p\.m\.|uhr|h)\b)"
#: a time zone after the time is the time's, not a headline of one word ("11:20 PM EDT",
#: "19.02 EST", "14:32 CET": a live blog's posts; s48 acc-live L1)
_ZONE = r"(?:\s*(?-i:[A-Z]{1,4}T|UTC|MEZ|MESZ)(?:[+-]\d{1,2})?\b)?"
_TIME = r"([0-2]?\d)(?::|h|\.)([0-5]\d)" + _CLOCK_WORD + "?" + _ZONE
#: a line that is a clock time alone ("16:56", "21h00", "9.30 Uhr", "2:00 PM")
_TIME_ONLY = re.compile(_TIME + r"\.?", re.I)
#: a line that starts with one and goes on with words ("21h00 Appel à aller au TGI"); a
#: "." between the hour and its minutes only with a clock's word ("9.30 Uhr"): a decimal
#: number before a name is a ranked list's, a high jump's "2.37 Mutaz Essa Barshim", a
#: rating's "9.45 The Godfather", going down as a feed's times go back (s48 read48 F4)
_TIME_FIRST = re.compile(
    r"([0-2]?\d)(?::|h|\.(?=\d\d\s*(?:uhr|h)\b))([0-5]\d)"
    + _CLOCK_WORD
    + "?"
    + _ZONE
    + r"\s+(?=\w)",
    re.I,
)
#: the most words of a feed's headline; a headline ends no sentence with a stop
_HEADLINE_WORDS = 18
#: the fewest items of a feed, and the share of its steps that go back in time
_FEED_ITEMS = 3
_BACK_SHARE = 2 / 3
#: the most lines from one item to the next in a feed (a day's label between them)
_ITEM_GAP = 3
#: the fewest words of a post's paragraph under its heading
_PARAGRAPH_WORDS = 6
#: the longest line that may be a feed's item: its time, a space and its headline of
#: :data:`_HEADLINE_WORDS` words of four characters with their spaces (a gate before the
#: patterns: a page's paragraphs are longer)
_ITEM_CHARS = 9 + 4 * _HEADLINE_WORDS


def _minutes(m: re.Match[str]) -> int | None:
    """The minutes after midnight of a matched clock time, or None when it is no time."""
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(3) or "").lower().replace(".", "")
    if half in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return hour * 60 + minute if hour < 24 else None


#: What a headline does not end with: the stages' sentence marks
#: (:data:`.lines.SENTENCE_MARKS`: a full stop of any script, "。", the danda …, an ellipsis)
#: and a colon. A Chinese live blog's posts, "暴雨仍在持续，气象部门将预警级别提升为红色。",
#: read as headlines under their times, were removed as a feed (s48 regress R1). (Not a
#: question or an exclamation mark of any script: a feed's headlines end with them,
#: "Humbert, le grand huit !", "هل تنهار الهدنة في طرابلس الليبية بشكل كامل؟")
_HEADLINE_STOPS = (":", *(c for c in SENTENCE_MARKS if c not in "!?！？؟"))


def _headline(line: str) -> bool:
    """Whether ``line`` reads as a headline: a few words with letters, no sentence's stop."""
    words = line.split()
    return (
        0 < len(words) <= _HEADLINE_WORDS
        and not line.rstrip().rstrip(CLOSING_MARKS).endswith(_HEADLINE_STOPS)
        and any(c.isalpha() for c in line)
        and _TIME_ONLY.fullmatch(line) is None
    )


def _box_label(line: str) -> bool:
    """Whether ``line`` is a box's label of the site's words of two words or more
    (:data:`.lines.CUE_PHRASES`: "Latest news", "Most read"), not a button's word."""
    label = line.casefold().rstrip(":").strip()
    return " " in label and label in CUE_PHRASES


def feed_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a feed's items: :data:`_FEED_ITEMS`
    clock times or more, each alone on its line with a headline right under it (or over
    it, for the last) or at the start of a headline's line, at most :data:`_ITEM_GAP`
    lines apart, the times going back at :data:`_BACK_SHARE` of the steps or more (the
    latest first; a feed of several days starts over at each day). An item with a kept
    paragraph right under it (:func:`_paragraph`) is a post, which ends the run; but under
    a box's label right over the first item's time (:func:`_box_label`: "Latest news"),
    the paragraphs are the feed's teasers, and go with their items (a feed
    with a teaser under each headline was kept whole; s49 acc-read F15)."""
    items: list[tuple[int, int, list[int]]] = []  # (line, minutes, the item's lines)
    n = len(lines)
    for j, line in enumerate(lines):
        if len(line) > _ITEM_CHARS or not line[:1].isdigit():
            continue
        if m := _TIME_ONLY.fullmatch(line):
            after = j + 1 < n and _headline(lines[j + 1])
            before = j > 0 and _headline(lines[j - 1])
            if (at := _minutes(m)) is not None and (after or before):
                items.append((j, at, [j, j + 1 if after else j - 1]))
        elif (
            (m := _TIME_FIRST.match(line))
            and _headline(line[m.end() :])
            and (at := _minutes(m)) is not None
        ):
            items.append((j, at, [j]))
    # (an item with a paragraph right under its headline is a live blog's post, newest first,
    # "22:41" / its heading / what happened: no feed's, and the feed's run ends at it; s48
    # read48 F5, acc-live L1)
    posts = [(k := max(rows) + 1) < n and _paragraph(lines[k], keep[k]) for _, _, rows in items]
    boxed = False
    for x, ((j, _, rows), post) in enumerate(zip(items, posts, strict=True)):
        boxed = (boxed and j - items[x - 1][0] <= _ITEM_GAP) or (
            # (the time over its headline, a label of words right over it: a share bar's
            # "Поделиться" or a menu's "Home" over a live blog's post is none; s49 tests)
            rows[0] == min(rows) and j > 0 and _box_label(lines[j - 1])
        )
        if boxed and post:
            posts[x] = False
            rows.append(max(rows) + 1)
    found: list[int] = []
    run: list[tuple[int, int, list[int]]] = []
    last_post: tuple[int, int, list[int]] | None = None
    for item, post in [*zip(items, posts, strict=True), ((n + _ITEM_GAP + 1, 0, []), True)]:
        if run and (post or item[0] - run[-1][0] > _ITEM_GAP):
            steps = list(pairwise(run))
            back = sum(b[1] < a[1] for a, b in steps)
            if (
                len(run) >= _FEED_ITEMS
                and back >= _BACK_SHARE * len(steps)
                and not _entries_of_posts(lines, keep, run, last_post, item if post else None)
            ):
                found += [j for _, _, rows in run for j in rows if keep[j]]
            run = []
        if post:
            last_post = item
        else:
            run.append(item)
    return sorted(set(found))


def _entries_of_posts(
    lines: list[str],
    keep: list[bool],
    run: list[tuple[int, int, list[int]]],
    before: tuple[int, int, list[int]] | None,
    after: tuple[int, int, list[int]] | None,
) -> bool:
    """Whether a ``run`` of items, each a time and a headline alone, is a live blog's flash
    entries: a post of the blog (a time, its headline and a paragraph) follows the run's
    last headline on the next line (``after``) or the run's first time follows the
    paragraphs of the post ``before`` it, nothing else between them, and the post's time
    goes on the run's order, back in time. A live blog's entries of a headline alone
    ("14:45" / "Powell: Fed needs greater confidence", the latest first) are one sequence
    with its entries of a paragraph; a site's feed of other stories stands apart from the
    article, under a heading of its own ("Most viewed"), and its times start over (s49
    live49: a flash blog's headline-only entries were removed as a feed, s48 acc-live L1c)."""
    if after is not None and after[0] == max(run[-1][2]) + 1 and after[1] <= run[-1][1]:
        return True
    if before is None or before[1] < run[0][1]:
        return False
    start = max(before[2]) + 1
    return start < run[0][0] and all(_paragraph(lines[k], keep[k]) for k in range(start, run[0][0]))


def _paragraph(line: str, kept: bool) -> bool:
    """Whether ``line`` is a post's paragraph: kept, :data:`_PARAGRAPH_WORDS` words or more,
    ending a sentence, no clock time at its start (a feed's next item ends with "!" or "…":
    "16:58 Tuchel dérange même au Portugal…"; s48 sesscmp)."""
    return (
        kept
        and stop_end(line)
        and len(line.split()) >= _PARAGRAPH_WORDS
        and not (line[:1].isdigit() and _TIME_FIRST.match(line))
    )


#: the reason of a line removed by :func:`feed_headings`
FEED_HEADING_REASON = "the heading of the site's feed of its latest stories"
#: the most words of a feed's heading ("Latest Premier League news", "Últimas noticias")
_FEED_HEAD_WORDS = 5


def feed_headings(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) right over a feed of the site's latest stories
    (:func:`feed_lines`, read whatever the model kept of it): its heading, a few words with
    no sentence's stop and no time ("Most read", "Últimas noticias", "Meest gelezen"). The
    feed's items went and its heading stayed, the last line of a results page or a
    timeline that has few prose lines to tell it by (s48 acc-live L13)."""
    items = feed_lines(lines, [True] * len(lines))
    inside = set(items)  # (a feed's items: many on a long feed, asked once each)
    found: list[int] = []
    for j in items:
        h = j - 1
        if h < 0 or h in inside or not keep[h]:
            continue
        words = lines[h].split()
        if (
            0 < len(words) <= _FEED_HEAD_WORDS
            and not lines[h].rstrip(CLOSING_MARKS).endswith((*SENTENCE_MARKS, ":"))
            and not lines[h][:1].isdigit()
        ):
            found.append(h)
    return found
