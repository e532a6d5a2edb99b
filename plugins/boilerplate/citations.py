"""A post's "Cite this post" box: its label, the suggested citation under it, its copy
button (s51 acc-blogs B16).

Research blogs (Hypotheses, WordPress's academic themes, Substack's scholarly posts) put a
box under the post with a label ("Cite this post", "Citer ce billet", "Zitierweise") and
the post's own reference (author, date, title, blog, DOI or address). It is the page's
apparatus about the post, not the post: the line model kept the label and the reference,
a sentence with a date and a link.
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

#: the reason of a line of a citation box
CITE_REASON = 'citation box under a post ("Cite this post" and its reference)'

#: a citation box's label, in the languages of the blogs' platforms
_LABEL = re.compile(
    r"(?i)(?:cite\s+this\s+(?:post|article|page|entry|blog\s+post)|how\s+to\s+cite(?:\s+this"
    r"\s+(?:post|article))?|suggested\s+citation|citation"
    r"|citer\s+(?:ce\s+billet|cet\s+article|ce\s+(?:post|texte))|pour\s+citer\s+(?:ce\s+billet"
    r"|cet\s+article)|référence\s+électronique"
    r"|(?:diesen\s+(?:beitrag|artikel|blogbeitrag)\s+)?zitieren|zitiervorschlag|zitierweise"
    r"|zitation|citar\s+(?:este\s+(?:artículo|post|texto|artigo))|cómo\s+citar(?:\s+este"
    r"\s+artículo)?|como\s+citar(?:\s+este\s+(?:artigo|texto))?|cita\s+questo\s+(?:articolo"
    r"|post)|come\s+citare(?:\s+questo\s+articolo)?|dit\s+artikel\s+citeren|citeerwijze"
    r"|jak\s+cytować)\s*:?"
)
#: a reference: a year in parentheses ("(2026, November 1)", "(10. November 2026)") or
#: after the authors, and a DOI or a web address
_YEAR = re.compile(r"\((?:[^()]{0,24}\b)?(?:1[5-9]|20)\d\d\b[^()]{0,24}\)")
_WHERE = re.compile(r"(?i)\bdoi\s?:|\bdoi\.org/|https?://|\bwww\.")
#: a box's copy button ("Copy citation", "Zitat kopieren", "Copier la référence")
_COPY = re.compile(
    r"(?i)(?:copy(?:\s+(?:citation|reference|to\s+clipboard))?|zitat\s+kopieren|kopieren"
    r"|copier(?:\s+la\s+(?:citation|référence))?|copiar(?:\s+(?:cita|referencia))?"
    r"|copia(?:\s+citazione)?|download\s+citation|(?:bibtex|ris|endnote|apa|mla|chicago)"
    r"(?:\s*[|·/]\s*(?:bibtex|ris|endnote|apa|mla|chicago))*)"
)
#: the most words of a reference
_REFERENCE_WORDS = 70
#: the rows a box runs over after its label (its reference, its buttons)
_BOX_ROWS = 3


def _reference(line: str) -> bool:
    """Whether ``line`` reads as a reference: a year in parentheses and a DOI or address."""
    return (
        len(line.split()) <= _REFERENCE_WORDS
        and _YEAR.search(line) is not None
        and _WHERE.search(line) is not None
    )


def cite_boxes(lines: Sequence[str], keep: Sequence[bool]) -> dict[int, str]:
    """The kept lines of ``lines`` (a text's, stripped; blank ones are skipped) that are a
    citation box: a label (:data:`_LABEL`) alone on its line with a reference
    (:func:`_reference`) in the next rows, and the box's copy buttons after it."""
    out: dict[int, str] = {}
    n = len(lines)
    for j, line in enumerate(lines):
        if not keep[j] or len(line) > 48 or _LABEL.fullmatch(line) is None:
            continue
        rows = [k for k in range(j + 1, min(n, j + 1 + 3 * _BOX_ROWS)) if lines[k]][:_BOX_ROWS]
        box = [k for k in rows[:1] if _reference(lines[k])]
        if not box:
            continue
        for k in rows[1:]:
            if not _COPY.fullmatch(lines[k]):
                break
            box.append(k)
        out.update(dict.fromkeys((j, *box), CITE_REASON))
    return {j: why for j, why in out.items() if keep[j]}
