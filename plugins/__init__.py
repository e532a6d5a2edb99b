"""corearchive's builtin plugins, installed as ``corearchive_plugins``.

Each module is one plugin, declared in the ``corearchive`` entry-point group of corearchive's
own ``pyproject.toml`` and loaded exactly like a third-party plugin. What several of them
read alike lives here: whether a document is a post, and the words of a correction's notice
(the metadata stage: a date after a correction's word is the correction's, an update's line
that says it was one; the dedup stage: a text with a correction's notice at another address
of the host is a corrected version of the one it nearly copies). Until session 49 each of
the three readers of a correction kept its own list, and they had drifted apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corearchive import Document


def is_post(doc: Document) -> bool:
    """Whether the source read ``doc`` as a post (``annotations.source.post``: the
    boilerplate, metadata and language stages treat it as its own whole content)."""
    source: Any = doc.annotations.get("source")
    return isinstance(source, dict) and source.get("post") is True


#: A correction's word, lowercased, in English, German, French, Spanish, Italian,
#: Portuguese, Dutch, Swedish, Danish, Polish and Russian; a word in
#: :data:`CORRECTION_STEMS` takes any ending ("исправлено", "поправка")
CORRECTION_WORDS = (
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
#: The words of :data:`CORRECTION_WORDS` that are stems
CORRECTION_STEMS = frozenset(("исправлен", "поправк"))
#: The words before which a correction's word names a body or a place, not a notice
#: ("Department of Corrections", "Board for Correction", "the Corrections Desk")
_CORRECTION_NOT_AFTER = ("of ", "for ", "and ", "des ", "der ", "the ")
_CORRECTION_NOT_BEFORE = r"(?!\s+(?:desk|officers?|department|facility|centers?|centres?))"


def correction_pattern(*extra: str) -> str:
    """A pattern (for lowercased text) of one correction's word of
    :data:`CORRECTION_WORDS`, or of ``extra`` (patterns), standing alone: no letter on
    either side, not after a word that makes it a name's (:data:`_CORRECTION_NOT_AFTER`)
    nor before one (:data:`_CORRECTION_NOT_BEFORE`)."""
    words = [re.escape(w) + (r"\w*" if w in CORRECTION_STEMS else "") for w in CORRECTION_WORDS]
    behind = "".join(f"(?<!{w})" for w in _CORRECTION_NOT_AFTER)
    # (a lookahead of the words' first letters fails at most places before the lookbehinds
    # are tried: the dedup stage's search over every text took half the time without it;
    # an ``extra`` pattern starts with a literal letter)
    first = "".join(sorted({w[0] for w in (*CORRECTION_WORDS, *extra)}))
    alternatives = "|".join([*words, *extra])
    return rf"(?=[{first}])(?<!\w){behind}(?:{alternatives})(?!\w){_CORRECTION_NOT_BEFORE}"


#: A substring of every word of :data:`CORRECTION_WORDS` (its first four letters): a text
#: holding none (most) holds no correction's word
CORRECTION_PREFIXES = tuple(sorted({w[:4] for w in CORRECTION_WORDS}))
