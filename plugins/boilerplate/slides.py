"""A slide show's gallery as a text browser writes it (s50 heldout50, issue 3).

A news site's gallery is a row of slides, each a picture with its caption, and a pager
under them. w3m and lynx write the whole row out: every slide's caption on its line (a
sentence: "Travelers wait in security lines at Reagan National Airport on November 26."),
a control's label ("HIDE CAPTION"), the gallery's title once per slide ("Weather threatens
holiday plans" fourteen times, on consecutive lines) and the pager: "<<", "<", the slides'
numbers 1 to 14 (a picture's placeholder between them), ">", ">>". The line model keeps the
captions, which read as the article's sentences, and the title's copies and the pager's
marks beside them (held-out, a CNN story in all three renderings: 14 captions kept, the
article's precision .76 / .58 / .37). What tells the row from an article: its title
written once per slide on consecutive lines, and the slides' numbers under it; the
captions are the sentences right over the copies, about as many as the copies.
"""

from __future__ import annotations

from corearchive import lazyre as re

from .artefacts import placeholder_line
from .structures import stop_end

#: the reason of a line removed by :func:`slide_gallery_lines`
SLIDE_GALLERY_REASON = (
    "a slide show's captions, title copies and pager, as a text browser writes them"
)

#: the fewest slides of a gallery (copies of its title, numbers of its pager)
_SLIDES = 3
#: how many fewer captions than slides a gallery may show (a rendering joins two captions)
_MISSING_CAPTIONS = 2
#: a caption: a sentence of this many words or more
_CAPTION_WORDS = 4
#: the title's copy: at most this many words
_TITLE_WORDS = 12
#: a control's label between the captions and the copies ("HIDE CAPTION"): at most this many words
_CONTROL_WORDS = 3
#: a pager's arrows
_ARROW = re.compile(r"[<>«»‹›]{1,2}|(?:prev(?:ious)?|next)", re.IGNORECASE)


def _pager(lines: list[str], start: int, slides: int) -> int:
    """The end of a pager from ``start``: arrows and placeholders, and the slides' numbers
    1, 2, 3, ... in order; ``start`` if it numbers fewer than ``slides - 1`` slides."""
    n, k, number = len(lines), start, 0
    while k < n:
        line = lines[k]
        if line.isdigit() and int(line) == number + 1:
            number += 1
        elif not (_ARROW.fullmatch(line) or placeholder_line(line)):
            break
        k += 1
    return k if number >= max(_SLIDES, slides - 1) else start


def slide_gallery_lines(lines: list[str], keep: list[bool]) -> list[int]:
    """The kept lines of ``lines`` (stripped) that are a slide show's gallery as a text
    browser writes it: a line of :data:`_TITLE_WORDS` words or fewer copied on
    :data:`_SLIDES` consecutive lines or more (one per slide), a pager under the copies
    that numbers the slides (:func:`_pager`), and over them, past one control's label at
    most, the captions: the sentences of :data:`_CAPTION_WORDS` words or more on the
    consecutive lines over them, as many as the copies or up to :data:`_MISSING_CAPTIONS`
    fewer, and a line that is no such sentence over the first (more sentences than copies:
    the article's paragraphs run into the captions; nothing goes)."""
    n = len(lines)
    found: list[int] = []
    j = 0
    while j < n:
        k = j + 1
        while k < n and lines[k] == lines[j]:
            k += 1
        slides = k - j
        title = lines[j]
        if slides < _SLIDES or not 0 < len(title.split()) <= _TITLE_WORDS or stop_end(title):
            j = k
            continue
        end = _pager(lines, k, slides)
        if end == k:
            j = k
            continue
        top = j
        if top and len(lines[top - 1].split()) <= _CONTROL_WORDS and not stop_end(lines[top - 1]):
            top -= 1  # (a control's label: "HIDE CAPTION")
        captions = 0
        while (
            top > 0 and stop_end(lines[top - 1]) and len(lines[top - 1].split()) >= _CAPTION_WORDS
        ):
            top -= 1
            captions += 1
        # (more sentences than slides: the article's paragraphs run into the captions, which
        # cannot be told from them; they all stay)
        if max(_SLIDES, slides - _MISSING_CAPTIONS) <= captions <= slides:
            found += [i for i in range(top, end) if keep[i]]
        j = end
    return found
