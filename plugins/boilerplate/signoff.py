"""A newsletter's or a letter-like post's sign-off: its valediction, the writer's name and
role under it, and a P.S. (s51 acc-blogs B5).

A newsletter issue ends as a letter does ("Until next week," / "Hannah", "Bis dahin,
Jonas", "Thank you for being part of this," / "Grace Lindqvist" / "General Manager", then
"P.S. ..."). The line model scores these short lines under the last sentence as the page's
trailer (a name alone reads as a menu's item, a comma-ended line as a teaser), and a P.S.
after them as outside the main block. :func:`sign_off_rows` finds them right under a kept
paragraph: the valediction from a closed list per language, then up to three short lines
of a name or a role, then a P.S.
"""

from __future__ import annotations

from collections.abc import Sequence

from corearchive import lazyre as re

from .lines import CUE_WORDS

#: a valediction, at the line's start (its words alone, or with the writer's name after a
#: comma: "Bis dahin, Jonas"; "Thank you for ..." up to its comma)
_VALEDICTION = re.compile(
    r"(?i)(?:until\s+next\s+(?:week|time|month|issue)|see\s+you\s+(?:next\s+\w+|soon|then)"
    r"|talk\s+soon|(?:all\s+)?the\s+best|best(?:\s+wishes|\s+regards)?|(?:kind|warm|warmest"
    r"|best)\s+regards|regards|cheers|warmly|yours(?:\s+truly)?|sincerely|take\s+care|onward"
    r"|thanks(?:\s+again)?|thank\s+you(?:\s+(?:again|all))?|(?:thanks|thank\s+you)\s+for\s+"
    r"[^,.!?]{3,60}"
    r"|bis\s+(?:dahin|bald|zum\s+nächsten\s+mal|nächste\s+woche|zur\s+nächsten\s+\w+)"
    r"|(?:herzliche|viele|beste|liebe|freundliche)\s+grüße|mit\s+freundlichen\s+grüßen"
    r"|herzlich(?:st)?|alles\s+gute|danke\s+fürs\s+lesen"
    r"|à\s+(?:la\s+semaine\s+prochaine|bientôt|très\s+vite|la\s+prochaine|plus|mardi|lundi)"
    r"|bien\s+à\s+vous|amitiés|cordialement|bonne\s+semaine|belle\s+semaine|merci\s+de\s+votre"
    r"\s+lecture"
    r"|(?:un\s+)?abrazo|(?:un\s+)?saludo|saludos|hasta\s+(?:la\s+próxima|pronto|la\s+semana"
    r"\s+que\s+viene|el\s+próximo\s+\w+)|nos\s+vemos(?:\s+pronto)?"
    r"|a\s+presto|alla\s+prossima|un\s+abbraccio|cordiali\s+saluti|saluti"
    r"|tot\s+(?:volgende\s+week|snel|de\s+volgende\s+keer)|(?:hartelijke\s+)?groet(?:en)?"
    r"|até\s+(?:a\s+próxima|breve|semana\s+que\s+vem)|(?:um\s+)?abraços?|saudações"
    r"|do\s+(?:zobaczenia|następnego\s+tygodnia)|pozdrawiam)"
    r"(?P<rest>\s*[,!.…]?(?:\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})?\s*[,!.]?)"
)
#: a P.S. ("P.S.", "PS:", "P. D.:", "P.-S.", "P.P.S.")
_POSTSCRIPT = re.compile(r"(?:P\.\s?)?P\.?\s?S\.?\s?:?\s|PS:|P\.\s?D\.?\s?:?\s|P\.-S\.\s?")
#: the most words of a name's or a role's line under the valediction, and how many lines
_NAME_WORDS = 6
_NAME_ROWS = 3
#: the fewest words of the kept line the sign-off is under
_ABOVE_WORDS = 3


def _valediction(line: str) -> bool:
    """Whether ``line`` is a valediction (:data:`_VALEDICTION`), a short line: the phrase,
    maybe the writer's name after it ("Bis dahin, Jonas"), and a closing mark."""
    if len(line) > 80:
        return False
    m = _VALEDICTION.fullmatch(line)
    if m is None:
        return False
    rest = m["rest"]
    # (the name after the phrase starts with a capital: "Thanks again, Hannah"; a phrase
    # that goes on in lower case is a sentence: "Cheers went up from the crowd")
    words = rest.strip(" ,!.…").split()
    # (and after a mark, as a letter writes it: "Bis dahin, Jonas"; a heading in title case
    # that opens with the phrase is a box's or a menu's, "The Best Garden Tools", "Cheers
    # Bar And Grill"; s52 acc-read F1)
    return not words or (words[0][:1].isupper() and rest.lstrip()[:1] in ",!.…")


def _name(line: str) -> bool:
    """A writer's name or role under a valediction: a few words, a capital first, no
    sentence end nor digit ("Grace Lindqvist", "General Manager", "Le bureau de Vélo
    Cité")."""
    words = line.split()
    return (
        0 < len(words) <= _NAME_WORDS
        and line[:1].isupper()
        and len(words[0]) >= 2  # (a letter alone is a next comment's initial: "D")
        and not line.endswith((".", "!", "?", ":", ";"))
        and not any(ch.isdigit() for ch in line)
        and "@" not in line
        and "://" not in line
        # (a box's label under the letter is no name: "Related Posts", "Share this")
        and not any(w.strip(".,:;!?()").lower() in CUE_WORDS for w in words)
    )


#: How many rows under a sign-off are looked at for the text going on
_AFTER_ROWS = 5
#: The fewest words of a kept row under a sign-off that is the text going on (a paragraph)
_AFTER_WORDS = 6


def _text_goes_on(lines: Sequence[str], keep: Sequence[bool], start: int) -> bool:
    """Whether one of the :data:`_AFTER_ROWS` rows of ``lines`` from ``start`` is a kept
    paragraph (:data:`_AFTER_WORDS` words or more)."""
    return any(
        keep[k] and len(lines[k].split()) >= _AFTER_WORDS
        for k in range(start, min(start + _AFTER_ROWS, len(lines)))
    )


def sign_off_rows(lines: Sequence[str], keep: Sequence[bool]) -> list[int]:
    """The removed lines of ``lines`` (a text's rows, stripped) that are a sign-off right
    under a kept line of the text: its valediction, up to :data:`_NAME_ROWS` name or role lines,
    and a P.S. after them; none when the paragraph above the valediction is not kept."""
    out: list[int] = []
    n = len(lines)
    for j in range(1, n):
        if not _valediction(lines[j]):
            continue
        above = lines[j - 1]
        # (under a paragraph, or a list's item, "Bond interest: 3.5 % a year", the letter's
        # last lines before its greeting)
        if not (keep[j - 1] and len(above.split()) >= _ABOVE_WORDS):
            continue
        rows = [j]
        k = j + 1
        while k < n and k - j <= _NAME_ROWS and _name(lines[k]) and not _valediction(lines[k]):
            rows.append(k)
            k += 1
        if k < n and _POSTSCRIPT.match(lines[k]):
            rows.append(k)
        if _text_goes_on(lines, keep, rows[-1] + 1):
            # (a letter's sign-off ends its text: one with kept paragraphs under it is a
            # guestbook's or a comment thread's entry, "Viele Grüße" / "Christian B." /
            # "Juni 2016" / the next entry)
            continue
        out += [r for r in rows if not keep[r]]
    return out
