"""A blog post's links to the posts before and after it (s47 chrome47, issue 3).

WordPress and most blog themes end a post with its neighbours' titles under a label,
"« Vorheriger Beitrag 1 Teil – 5 Looks: Sommerhose mit Blumenprint", "Next post: How we
moved", "Article précédent …": as the browser copies them, the label is a line of its own
and the line model removes it; as lynx and w3m write them, label and title share a line
that reads like a headline, and it was kept under the post (held-out w3m and lynx:
lady50plus.de). The label is a position's word with a post's noun, in the languages the
model reads; "Next steps to shape the company's future …" or "Nächster Punkt: …" are no
such label.
"""

from __future__ import annotations

from corearchive import lazyre as re

#: the reason of a line removed by :func:`post_neighbour_lines`
POST_NAV_REASON = "link to the previous or next post"

_POST = r"(?:post|beitrag|artikel|eintrag|blogbeitrag|article|story|entry|billet|message)"
_LABEL = re.compile(
    r"[«‹←<\s]*(?:"
    # a position's word before the noun (English, German, Dutch, Portuguese)
    r"(?:previous|prev|next|older|newer|vorheriger|voriger|nächster|älterer|neuerer|vorige"
    r"|volgende|próximo)\s+" + _POST + r"|"
    # (Dutch, Polish and Russian: s48 read48 F21)
    r"(?:vorig|vorige|volgend|volgende)\s+(?:bericht|artikel|blogbericht)|"
    r"(?:poprzedni|następny|starszy|nowszy)\s+(?:wpis|post|artykuł)|"
    r"(?:предыдущ|следующ)(?:ая|ий|ее)\s+(?:статья|запись|новость|публикация|материал|пост)|"
    # the noun before it (French, Spanish, Italian, Portuguese)
    r"(?:article|billet|message|artículo|entrada|publicación|post|articolo|artigo)\s+"
    r"(?:précédent|suivant|anterior|siguiente|precedente|successivo|seguinte)|"
    # Chinese and Japanese ("上一篇：…", "次の記事")
    r"(?:上一篇|下一篇)(?:文章)?|(?:前|次)の(?:記事|投稿|エントリー)"
    r")(?=$|[\s:：»›→>])",
    re.I,
)
#: the most words of such a line: the label and one or two posts' titles
_MOST_WORDS = 30


#: a mark that sets a label off from the title it links: before it ("« Previous post") or
#: after it ("Next post: …", "Vorheriger Beitrag – …")
_LABEL_MARK = frozenset("«‹←<:：»›→>|–—-")
#: the fewest words of a paragraph under a subhead
_PARAGRAPH_WORDS = 8


def post_neighbour_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a post's links to its neighbours: a
    label (:data:`_LABEL`) alone or with the title it links (not going on in small
    letters), no longer than :data:`_MOST_WORDS` words and no sentence ("." at the end).
    A label run on into its title with no mark (:data:`_LABEL_MARK`) is no link when the
    next line is a kept paragraph: an article's subhead over it, "Next Post Office to
    shut is the Brixton branch on Friday" (s48 read48 F10)."""
    found = []
    for j, (line, kept) in enumerate(zip(lines, keep, strict=True)):
        # (the anchored label first: it fails at a kept line's first characters, where
        # splitting each kept line of every page into words cost more)
        if not kept or (m := _LABEL.match(line)) is None:
            continue
        if len(line.split()) > _MOST_WORDS or line.rstrip().endswith("."):
            continue
        # (the label alone, or a title after it: "Next story is about …" is a sentence)
        rest = line[m.end() :].lstrip(" :»›→>-–|")
        if rest and rest[0].islower():
            continue
        marked = line[:1] in _LABEL_MARK or line[m.end() :].lstrip()[:1] in _LABEL_MARK
        if rest and not marked and _paragraph_under(lines, keep, j):
            continue
        found.append(j)
    return found


def _paragraph_under(lines: list[str], keep: list[bool], j: int) -> bool:
    """Whether the next line with text under line ``j`` is a kept paragraph: at least
    :data:`_PARAGRAPH_WORDS` words, ending with a sentence's stop."""
    for i in range(j + 1, len(lines)):
        if s := lines[i].strip():
            return keep[i] and len(s.split()) >= _PARAGRAPH_WORDS and s[-1] in ".!?…。！？"
    return False
