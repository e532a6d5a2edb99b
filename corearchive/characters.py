"""The characters of a text as an index takes them (docs/stages.md, "What happens to the
characters"): UTF-8 read as Windows-1252 repaired, composed (NFC), without control
characters and the invisible characters that split a word's terms, and, for a plain text
that went through an HTML-escaping step, its character references decoded once.

What a search index's analyser sees: "cafe\\u0301" (decomposed) is not the "café" a query
types (Elasticsearch's default analyser does not normalise), "alpha\\u200bbeta" (a zero-width
space) is one term that matches neither word (UAX #29: format characters do not break a
word), "\\x07" makes an XML 1.0 document invalid (Solr's XML updates refuse it), and
``str.splitlines`` breaks a paragraph at "\\x0b", "\\x85" and "\\u2028" (s35 acceptance F2
to F4, F17).
"""

from __future__ import annotations

import html
import html.entities
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from corearchive import lazyre as re

#: Chinese and Japanese characters as a character class's ranges: kana, the CJK unified
#: ideographs and their extension A, the compatibility ideographs (the one list of the
#: boilerplate, metadata and language stages: each had its copy)
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Korean's Hangul syllables, as a character class's range
HANGUL_RANGES = "\uac00-\ud7af"

#: The C1 controls (U+0080 to U+009F) as Windows-1252 has their bytes: a page whose
#: Windows-1252 text was labelled Latin-1 and stored as UTF-8 holds "\x84" for "„", "\x85" for
#: "…", "\x92" for "’" (the repair ftfy's ``fix_c1_controls`` makes, and browsers make when
#: they read such a page as windows-1252); the five bytes Windows-1252 leaves undefined are
#: dropped.
_C1: dict[int, str | None] = {
    c: bytes([c]).decode("cp1252", errors="ignore") or None for c in range(0x80, 0xA0)
}

#: What a text loses: the C0 controls but tab, line feed, form feed and carriage return
#: (line ends are the readers'; a form feed is a page break until the boilerplate stage,
#: which reads it), DEL, soft hyphens (hyphenation hints), zero-width spaces, word joiners and
#: byte-order marks; vertical tab and the line and paragraph separators are line breaks. The
#: zero-width non-joiner and joiner stay: Persian and Indic words and emoji sequences are
#: spelled with them (Unicode 15, 23.2).
_TEXT_TABLE: dict[int, str | None] = {
    **dict.fromkeys((*range(0x09), *range(0x0E, 0x20), 0x7F, 0xAD, 0x200B, 0x2060, 0xFEFF)),
    **_C1,
    0x0B: "\n",
    0x2028: "\n",
    0x2029: "\n",
}
#: The same for a text that is done (no page break to read): a form feed is a line break
_DONE_TABLE = {**_TEXT_TABLE, 0x0C: "\n"}
#: The Latin-1 characters :data:`_TEXT_TABLE` changes, as bytes
_NARROW_UNTIDY = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xAD])
#: The bytes a Latin-1 text's ``bytes.translate`` deletes to leave those
#: :data:`_TEXT_TABLE` (``_DONE_TABLE``: the form feed too) changes
_NARROW_TIDY = bytes(sorted(set(range(256)) - set(_NARROW_UNTIDY)))
_NARROW_TIDY_DONE = _NARROW_TIDY.replace(b"\f", b"")
#: The characters the tables change
_UNTIDY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\xad\u200b\u2028\u2029\u2060\ufeff]")
#: The characters Windows-1252 gives UTF-8's continuation bytes (0x80 to 0xBF; the five it
#: leaves undefined as Latin-1 has them, C1 controls), and those Latin-1 gives them (C1
#: controls for 0x80 to 0x9F: "council\u00e2\u0080\u0099s", UTF-8 read as Latin-1, which
#: lxml and any Latin-1 default give a page without a charset; s36 acc-regress R1)
_CONTINUATION = re.escape(
    "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0))
    + "".join(map(chr, range(0x80, 0xA0)))
)
#: UTF-8 read as Windows-1252 or Latin-1 and stored again as UTF-8 (mojibake): the character
#: of a lead byte of two bytes (Â to ß) or three (à to ï) followed by those of continuation
#: bytes: "Ã©" for "é", "â€™" for "’", "ÐŸ" for "П". (Written to start with the lead
#: bytes' class, which the regex engine scans a text for, ~2 ns a character; an alternation
#: first was tried at every position of the text, ~40 µs a 5 KB text.)
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00ef](?:(?<=[\u00e0-\u00ef])[{_CONTINUATION}]|(?<![\u00e0-\u00ef]))"
    f"[{_CONTINUATION}]"
)


#: The characters Windows-1252 gives the lead bytes of UTF-8's two-byte letters: Latin-1's
#: (Ã, Â), Latin Extended-A's (Ä, Å: Polish, Czech "GdaÅ„sk"), Greek (Î, Ï), Cyrillic (Ð,
#: Ñ), Hebrew (×) and Arabic (Ø, Ù, Ú, Û); a text without one holds no such mojibake (s36
#: acc-read F4: only Ã, Â and Ð were looked for)
_LEADS = ("Ã", "Â", "Ä", "Å", "Î", "Ï", "Ð", "Ñ", "×", "Ø", "Ù", "Ú", "Û")
#: The same with the lead byte of three-byte punctuation ("â" of "â€™", "â\x80\x99"):
#: the characters one of which a text with mojibake holds
_ANY_LEAD = ("â", *_LEADS)


def repair_mojibake(text: str) -> str:
    """``text`` with its lines that hold mojibake (:data:`_MOJIBAKE`) repaired by ftfy's
    ``fix_encoding`` (which undoes a wrong decoding when the bytes it gives decode as UTF-8,
    and leaves a line alone otherwise: "SÃO PAULO" stays). A scraped text or a dump's title
    with "cafÃ©" and "councilâ€™s" had words no query finds (s35 acceptance F13)."""
    # (the lead bytes' characters, one at a time: a search for one character is a memchr in
    # C, ~0.05 µs a 5 KB text, where one for "â€" took ~2.4 µs; 3 % of corpus texts hold
    # one, 0.2 % have mojibake)
    if not any(map(text.__contains__, _ANY_LEAD)):
        return text
    if _MOJIBAKE.search(text) is None:
        return text
    return "\n".join(
        [_repaired(line) if _MOJIBAKE.search(line) else line for line in text.split("\n")]
    )


def _repaired(line: str) -> str:
    """A line with mojibake repaired by ftfy's ``fix_encoding``. (A line that shows a
    character beside its mojibake is repaired too: a text about mojibake, "é shows as Ã©",
    is rarer than a line mixing correct and double-encoded text, "n’a … nâ€™asasulayo",
    which the corpus's texts hold; s36 acc-regress R2 left as it is.)"""
    # Imported here: ~40 ms, and most texts never need it.
    from ftfy import fix_encoding

    return fix_encoding(line)


#: A left-to-right or right-to-left mark inside a word (between two of its letters), where
#: it orders nothing and splits the word's term
_MARK_IN_WORD = re.compile(r"(?<=\w)[\u200e\u200f\u061c](?=\w)")
#: Direction embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible
#: controls that change no letter. In a plain text a line break ends them (Unicode's bidi
#: algorithm, rule X8: a paragraph closes every embedding), and a line copied from an RTL
#: site comes wrapped in them ("\u202bكتب أحمد سمير\u202c"): they hid its last character
#: and first word from the line features and the byline patterns (s50 acc-scripts N1)
_EMBEDDINGS = re.compile("[\u202a-\u202e\u2066-\u2069]+")
#: Direction marks (LRM, RLM, the Arabic letter mark) at a line's start or end, around its
#: indent: there they order nothing (a line's direction is its first strong letter's or the
#: reader's) and the line "ends" with no sentence mark to the boilerplate features. (The end's
#: run is tried from its first character only, with a mark in it: tried from each of its
#: marks, a run of marks and spaces inside a line cost its length squared, 20,000
#: characters 5 s; read51 F6)
_MARKS_AT_EDGES = re.compile(
    "^[ \t\u200e\u200f\u061c]*[\u200e\u200f\u061c]"
    "|(?<![ \t\u200e\u200f\u061c])(?=[ \t]*[\u200e\u200f\u061c])[ \t\u200e\u200f\u061c]+$",
    re.M,
)
_DIRECTION_MARKS = ("\u200e", "\u200f", "\u061c")


def _without_direction_controls(text: str) -> str:
    """``text`` without its direction embeddings, overrides and isolates
    (:data:`_EMBEDDINGS`) and the direction marks at its lines' edges
    (:data:`_MARKS_AT_EDGES`; the white space beside them stays) or inside a word
    (:data:`_MARK_IN_WORD`). A mark between words (after a number before an Arabic comma)
    may order what is shown, and stays."""
    text = _EMBEDDINGS.sub("", text)
    if any(map(text.__contains__, _DIRECTION_MARKS)):
        text = _MARKS_AT_EDGES.sub(_spaces_only, text)
        text = _MARK_IN_WORD.sub("", text)
    return text


def _spaces_only(m: re.Match[str]) -> str:
    """The white space of a match of :data:`_MARKS_AT_EDGES` (its marks dropped)."""
    return "".join(c for c in m.group() if c in " \t")


def tidy_text(text: str, done: bool = False) -> str:
    """``text`` with its mojibake repaired (:func:`repair_mojibake`), composed (NFC), without
    control characters but tab, line feed, form feed and carriage return (C1 controls read
    as Windows-1252 has them), soft hyphens, zero-width spaces, word joiners, byte-order
    marks, direction embeddings, overrides and isolates, and direction marks inside a word
    or at a line's start or end (:func:`_without_direction_controls`); a vertical
    tab, U+2028 and U+2029 are line breaks, and a form feed too when ``done`` (the text is a
    record's: no stage reads page breaks any more)."""
    text = repair_mojibake(text)  # (first: "â€\x9d" is a quotation mark, not a control)
    try:
        narrow = text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:
        # a text of Latin-1 characters only (64 % of corpus texts: one copy in C, where the
        # checks below took ~30 µs a 5 KB text) is composed already, and may only hold C0
        # and C1 controls, DEL and soft hyphens (and form feeds), which one bytes.translate
        # leaves
        untidy = narrow.translate(None, _NARROW_TIDY_DONE if done else _NARROW_TIDY)
        return _untidied(text, untidy.decode("latin-1"), done) if untidy else text
    # (a text with no line feed, tab or form feed that is printable has none of these
    # characters: told by one pass in C, ~7 µs a 5 KB text; 93 % of corpus texts)
    if not text.replace("\n", "").isprintable():
        found = set(_UNTIDY.findall(text))
        if done and "\f" in text:
            found.add("\f")
        text = _untidied(text, found, done)
        text = _without_direction_controls(text)
    if not text.isascii():
        # (the text itself when it is composed; normalize checks that first, as
        # is_normalized does, and a text that is not was composed twice)
        text = unicodedata.normalize("NFC", text)
    return text


def _untidied(text: str, found: Iterable[str], done: bool) -> str:
    """``text.translate(_DONE_TABLE if done else _TEXT_TABLE)``, given the characters of
    the table the text holds (``found``): one ``str.replace`` each, where ``translate``
    looks every character of a text that is not ASCII up in the table (~200 µs a 5 KB text
    with one control, 2.5 % of corpus texts). No character a table gives is one it changes:
    the order of the replacements does not matter."""
    table = _DONE_TABLE if done else _TEXT_TABLE
    for c in set(found):
        text = text.replace(c, table[ord(c)] or "")
    return text


#: An HTML character reference: named (``&eacute;``) or numeric (``&#8217;``, ``&#x2014;``),
#: with its semicolon
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: The references a text that speaks of HTML writes ("&lt;p&gt;"), which alone say nothing
#: of an escaping step
_MARKUP_REFERENCES = frozenset(
    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#38;", "&#60;", "&#62;", "&#34;", "&#39;"]
)
#: A tag: a text that holds one is markup, or speaks of it
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>")


def unescape_references(text: str) -> str:
    """A plain text's HTML character references decoded, once, when the text clearly went
    through an HTML-escaping step (a scraper's text with "caf&eacute;", "it&#8217;s"): it
    holds two or more well-formed references (with their semicolon; a named one HTML knows),
    or one inside a word ("firm&#8217;s"), one of them other than those that escape markup
    (``&amp;`` ``&lt;`` ``&gt;`` ``&quot;`` ``&apos;``: a text about HTML writes those), and no
    tag. Else the text as it is ("AT&T", "&lt;p&gt; starts a paragraph")."""
    if "&" not in text or ";" not in text:  # (most texts: two searches in C)
        return text
    refs = [
        m for m in REFERENCE.finditer(text) if m[0][1] == "#" or m[0][1:] in html.entities.html5
    ]
    chars = [m for m in refs if m[0] not in _MARKUP_REFERENCES]
    if not chars or TAG.search(text):
        return text
    # (a reference inside a word is an escaped text's: no reference of it is shown as a word)
    escaped = not all(_alone(text, m) for m in chars)
    if len(refs) < 2 and not escaped:
        # (one reference, as a word of its own: "AT&T;", a text naming "&eacute;"; one
        # inside a word is the escaping step's, "firm&#8217;s" a word no query finds:
        # s43 acc-index #17)
        return text
    if any(_shown_beside(text, m, escaped) for m in chars):
        return text
    return REFERENCE.sub(lambda m: html.unescape(m[0]), text)


#: How near a reference its character stands in a text that speaks of references
_BESIDE = 40


def _alone(text: str, ref: re.Match[str]) -> bool:
    """Whether the reference ``ref`` stands in ``text`` as a word of its own, no letter or
    digit against it ("the reference &eacute; in", not "caf&eacute;")."""
    start, end = ref.span()
    return not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum()


def _shown_beside(text: str, ref: re.Match[str], escaped: bool) -> bool:
    """Whether ``text`` shows the reference ``ref`` as written, speaking of references:
    its character stands beside it ("write &copy; for ©", "&eacute; is é"; s36 acc-read
    F5), or the reference stands alone, as a word, and its character anywhere ("type the
    reference &eacute; in the source" over "résumé and café" further on: s38 acc-read F6),
    unless the text is ``escaped``, another of its references written inside a word
    ("Caf&eacute; owners ... 200 &euro; a month" over a pasted "12€": s39 acc-read F4).
    An escaped text writes its references inside words ("caf&eacute;"), where a letter
    its author pasted elsewhere is no sign. Punctuation does not count: an escaped text
    with a literal "’" pasted by its author ("Residents’ groups") was left undecoded,
    "mayor&#8217;s" a word no query finds (s37 acc-read F3)."""
    char = html.unescape(ref[0])
    if len(char) != 1 or unicodedata.category(char)[0] in "PZ":
        return False
    start, end = ref.span()
    if char in text[max(0, start - _BESIDE) : end + _BESIDE]:
        return True
    return not escaped and _alone(text, ref) and char in text


#: The white space a field's value holds on one line as one space: a run of white space, a
#: tab, line feed or carriage return
_BREAKS = re.compile(r"\s{2,}|[\t\n\r]")


def tidy_field(value: str) -> str:
    """A title, a name or a tag as :func:`tidy_text` makes a record's text, on one line:
    its tabs, line breaks and runs of white space one space ("Harbour \t Times" was
    "Harbour   Times", another facet value; s36 acc-read F17), white space at its ends
    stripped."""
    if not (value.isascii() and value.isprintable()):
        value = tidy_text(value, done=True)
    if "  " in value or not value.isprintable():
        value = _BREAKS.sub(" ", value)
    return value.strip()


@cache
def _grapheme() -> Any:
    """A user-perceived character (an extended grapheme cluster: a letter and its marks, a
    flag's two regional indicators, an emoji's ZWJ sequence), as the ``regex`` module reads
    it; imported when first needed (a field over its bound is rare)."""
    import regex

    return regex.compile(r"\X")


def shortened(value: str, limit: int) -> str:
    """``value`` cut to at most ``limit`` characters at a user-perceived character's end, its
    trailing white space stripped: a cut at the character count split a flag into a lone
    regional indicator, an emoji sequence before its joiner, a letter from its accent (s36
    acc-read F9)."""
    if len(value) <= limit:
        return value
    end = 0
    # (the clusters of the first limit + 1 characters: one that goes on past the limit ends
    # after it, even where the window cuts it)
    for m in _grapheme().finditer(value, 0, limit + 1):
        if m.end() > limit:
            break
        end = m.end()
    return value[:end].rstrip()
