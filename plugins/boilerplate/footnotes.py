"""Footnotes and references of an HTML article, made ready for trafilatura (s51 acc-blogs
B2).

trafilatura drops an article's footnote list whose notes end in a link back to their mark
("↩", ``class="footnote-backref"``, ``href="#fnref1"``): a research blog lost its
references, its plain text keeps them. The back link is navigation, no word of the note:
:func:`drop_footnote_backlinks` removes it from the tree (its tail kept), for good: the
page's rendering, which the refinement reads, must lack it too (a note with its arrow was
added next to trafilatura's note without it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corearchive import lazyre as re

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: a back link's class or target ("footnote-backref", "reversefootnote", "#fnref:1")
_BACK_NAMES = r"backref|back-?link|fnref|reversefootnote|footnote-?return"
_BACK = re.compile(_BACK_NAMES, re.I)
#: the markup of a back link, for the test before the walk: its arrow or its names (those
#: of ``_BACK_NAMES``, lower case), looked for as plain substrings of the lowered page: a
#: case-blind alternation without a literal prefix was tried at every character (~90 ns a
#: character, 11 ms a page; s52 regress R8), the substring tests run at memchr's speed
_MARKUP = (
    "↩",
    "backref",
    "back-link",
    "backlink",
    "fnref",
    "reversefootnote",
    "footnote-return",
    "footnotereturn",
)
#: a back link's label: an arrow or a caret, nothing else
_ARROWS = frozenset("↩↑⤴⤶^↵\ufe0e\ufe0f ")


def may_have_backlinks(html: str) -> bool:
    """Whether the page's markup may hold a footnote's back link (no walk without one)."""
    low = html.lower()
    return any(name in low for name in _MARKUP)


def drop_footnote_backlinks(tree: HtmlElement) -> int:
    """Remove the in-page links of ``tree`` that lead from a note back to its mark (an
    arrow or a caret alone, or a back link's class or target), their tails kept; return
    how many."""
    found = []
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if not href.startswith("#"):
            continue
        label = a.text_content().strip()
        if len(label) > 3:
            continue
        if (label and set(label) <= _ARROWS) or _BACK.search(f"{a.get('class', '')} {href}"):
            found.append(a)
    for a in found:
        _drop_brackets(a)
        a.drop_tree()  # (lxml.html: the tail stays in place)
    return len(found)


#: the brackets a back link may stand in ("[↩]"), opening and closing
_BRACKETS = {"[": "]", "(": ")"}


def _drop_brackets(a: HtmlElement) -> None:
    """Remove the brackets around link ``a`` ("… Quelle: www.zitate.net [↩]"): without the
    link they were left as "[]" at the note's end (s52 regress R11)."""
    tail = a.tail or ""
    prev = a.getprevious()
    before = (prev.tail if prev is not None else a.getparent().text) or ""
    head = before.rstrip()
    if not head or _BRACKETS.get(head[-1]) != tail.lstrip()[:1]:
        return
    rest = tail.lstrip()[1:]
    head = head[:-1].rstrip()
    if prev is not None:
        prev.tail = head
    else:
        a.getparent().text = head
    a.tail = rest
