"""A breadcrumb trail written on one line in plain text ("Home › Services › Waste ›
Bulky waste collection dates", "Vous êtes ici : Accueil › Presse › …").

A browser's copy writes a trail marked up as links in a row on one line, its items parted by
a separator. Its last item is the page's heading, and when that ends a sentence (a forum
thread's question, "… d'un receveur de douche ?") the line model read the trail as a
sentence of prose and kept it (s47 kinds: 20 of 264 generated pages kept one). The trail is
known by its form and by the heading that follows it: its last item is a line within the
next :data:`_REACH` lines; a line that merely has arrows in it ("Paris › London: the
train's new timetable") is followed by no line of its last item.
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

#: the reason given to the lines removed
TRAIL_REASON = "breadcrumb trail on one line (its last item is the heading under it)"

#: the separators of a trail's items (one kind a trail)
_SEPARATORS = ("›", "»", ">", "/", "→", "|", "\\")
#: the fewest separators of a trail (three items: a site's home, a section, the page)
_MIN_SEPARATORS = 2
#: the most words of an item before the last (a section's name)
_ITEM_WORDS = 6
#: how many lines under the trail its heading may be (a date or a byline between)
_REACH = 3
_SPACES = re.compile(r"\s+")
#: any separator of :data:`_SEPARATORS` set off by spaces
_ANY_MARK = re.compile("|".join(re.escape(f" {sep} ") for sep in _SEPARATORS))


def _norm(s: str) -> str:
    """``s`` casefolded, its runs of whitespace one space, stripped (to compare headings)."""
    return _SPACES.sub(" ", s).strip().casefold()


def trail_lines(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The kept lines of ``lines`` that are a breadcrumb trail on one line: items parted by
    one separator (:data:`_SEPARATORS`, set off by spaces) at least :data:`_MIN_SEPARATORS`
    times, the items before the last of at most :data:`_ITEM_WORDS` words (the first too: a
    sentence ending in a list, "… the major desktop systems: Windows / macOS / Linux", is
    no trail; s48 read48 F11), the last one (its page's heading) a line of its own within
    the next :data:`_REACH` lines."""
    out: list[int] = []
    for j, s in enumerate(lines):
        if not keep[j] or j + 1 >= len(lines) or _ANY_MARK.search(s) is None:
            continue  # (one search for any separator set off by spaces before each count)
        for sep in _SEPARATORS:
            mark = f" {sep} "
            if s.count(mark) < _MIN_SEPARATORS:
                continue
            items = s.split(mark)
            last = _norm(items[-1])
            if (
                last
                and all(0 < len(x.split()) <= _ITEM_WORDS for x in items[:-1])
                and any(_norm(t) == last for t in lines[j + 1 : j + 1 + _REACH])
            ):
                out.append(j)
            break
    return out
