"""The words of a correction's notice, one list for the stages that read one: the metadata
stage (a date after a correction's word is the correction's, not the page's; an update's
line that says it was a correction) and the dedup stage (a text with a correction's notice
at another address of the host is a corrected version of the one it nearly copies).

Until session 49 each of the three readers kept its own list, and they had drifted apart:
Swedish, Danish and Polish only in one, "rectification" and Russian's in the two others.
"""

from __future__ import annotations

import re

#: A correction's word, lowercased, in English, German, French, Spanish, Italian,
#: Portuguese, Dutch, Swedish, Danish, Polish and Russian; a word in :data:`STEMS` takes
#: any ending ("исправлено", "поправка")
WORDS = (
    "correction", "corrections", "corrected", "correcting", "erratum", "errata",
    "berichtigung", "berichtigt", "korrektur", "korrigiert", "richtigstellung",
    "rectificatif", "rectificatifs", "rectifié", "rectification",
    "corrección", "corregido", "fe de erratas",
    "correzione", "corretto", "rettifica",
    "correção", "corrigido",
    "correctie", "gecorrigeerd",
    "rättelse", "rettelse", "sprostowanie",
    "исправлен", "поправк",
)  # fmt: skip
#: The words of :data:`WORDS` that are stems
STEMS = frozenset(("исправлен", "поправк"))
#: The words before which a correction's word names a body or a place, not a notice
#: ("Department of Corrections", "Board for Correction", "the Corrections Desk")
_NOT_AFTER = ("of ", "for ", "and ", "des ", "der ", "the ")
_NOT_BEFORE = r"(?!\s+(?:desk|officers?|department|facility|centers?|centres?))"


def word_pattern(*extra: str) -> str:
    """A pattern (for lowercased text) of one correction's word of :data:`WORDS`, or of
    ``extra`` (patterns), standing alone: no letter on either side, not after a word that
    makes it a name's (:data:`_NOT_AFTER`) nor before one (:data:`_NOT_BEFORE`)."""
    words = [re.escape(w) + (r"\w*" if w in STEMS else "") for w in WORDS]
    behind = "".join(f"(?<!{w})" for w in _NOT_AFTER)
    # (a lookahead of the words' first letters fails at most places before the lookbehinds
    # are tried: the dedup stage's search over every text took half the time without it;
    # an ``extra`` pattern starts with a literal letter)
    first = "".join(sorted({w[0] for w in (*WORDS, *extra)}))
    return rf"(?=[{first}])(?<!\w){behind}(?:{'|'.join([*words, *extra])})(?!\w){_NOT_BEFORE}"


#: A substring of every word of :data:`WORDS` (its first four letters): a text holding none
#: (most) holds no correction's word
PREFIXES = tuple(sorted({w[:4] for w in WORDS}))
