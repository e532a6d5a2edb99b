"""Lists a news page shows beside or after its article that the line model keeps as the
article's lines (s49 heldout49): its latest stories with the date and time of each.

A site's feed of its latest stories dates each headline; :mod:`.feeds` reads the feeds whose
stamp is a clock time alone ("16:56"). Many sites' lists write the day with it,
"2019-01-22 20:44" under each headline, the latest first (held-out, a Thai news site's
"ข่าวรอบวัน" box in all three renderings: ten headlines with their stamps kept, none of the
article's). A date tells more than a clock: the items go back across days, which a live
blog's posts, a page's comments (oldest first) or a schedule (forward) do not do under
headlines without paragraphs.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from .feeds import _headline
from .structures import _stop_end

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
    return (_stop_end(line) and len(line.split()) >= _PARAGRAPH_WORDS) or len(
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
