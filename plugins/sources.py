"""Builtin input formats: plain text, HTML, WARC / WARC.gz (and ARC) and JSONL (each also
compressed as a whole with gzip, zstd, xz or bzip2, which the host undoes; WARCs also per
record with gzip).

Formats are told by content first and suffix second (``choose_source``); plain text is the
fallback for anything that decodes as text. Text in any common encoding is decoded (BOM,
UTF-8, a declared charset, then a browser's guess among the Web's legacy encodings); bad
bytes are replaced, binary junk is an error, never a crash. A truncated or broken input
yields the documents before the damage, then one :class:`Failure` naming where it broke.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import io
import json
import math
import shutil
import tempfile
import unicodedata
import uuid
import zlib
from collections import Counter, deque
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from itertools import chain, pairwise
from pathlib import PurePath
from typing import Any, BinaryIO, Literal
from urllib.parse import urldefrag, urljoin, urlsplit

import orjson
from lxml import html as lxml_html
from lxml.etree import ParserError, XPath
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders

from corearchive import Document, Failure, InputItem, Source, hookimpl
from corearchive import lazyre as re
from corearchive.characters import shortened
from corearchive.document import (
    MAX_NAME_CHARS,
    MAX_NAMES,
    MAX_TITLE_CHARS,
    Format,
    capture_time,
)
from corearchive.redact import redact_value
from corearchive.report import NOTED
from corearchive.source import (
    GZIP_MEMBER,
    HEAD_SIZE,
    WARC_START,
    TruncatedGzip,
    lasting,
    next_warc_member,
)

_HTML_RE = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]|<div[\s>]|<p[\s>]",
    re.I,
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


#: Document formats told by their first bytes, which are not read as text even where their
#: bytes are (a PDF with uncompressed streams, PostScript and RTF are ASCII): their text is
#: not what their bytes spell. (RTF is text of a kind, but its control words and groups,
#: ``{\rtf1\ansi\deff0 {\fonttbl``, are no page: read as text it is archived as noise.)
_DOCUMENT_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"%!PS", "PostScript"),
    (b"{\\rtf", "RTF"),
    (b"PK\x03\x04", "ZIP (an Office, OpenDocument or EPUB file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (an old Word or Excel file?)"),
)
#: Archives and compressed streams inside a file (a file compressed twice: its first layer
#: is undone, not the second), told apart from other binary content so that the error says
#: what to do: unpack it first
_ARCHIVE_MAGIC = (
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"BZh", "bzip2"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)


def document_format(data: bytes) -> str | None:
    """The binary document format that ``data`` starts with (after white space), if any."""
    start = data[:64].lstrip()
    for magic, name in _DOCUMENT_MAGIC:
        if start.startswith(magic):
            return name
    return None


def archive_format(data: bytes) -> str | None:
    """The archive or compression format that ``data`` is (a tar file, or one of
    :data:`_ARCHIVE_MAGIC`'s), if any."""
    for magic, name in _ARCHIVE_MAGIC:
        if data.startswith(magic) and (name != "bzip2" or data[3:4].isdigit()):
            return name
    if data[257:262] == b"ustar":
        return "tar"
    return None


_CONTROL_BYTES = bytes([*range(9), *(b for b in range(14, 32) if b != 27), 127])


def _controls(sample: bytes) -> int:
    """Control bytes that do not occur in text: all but tab, line feed, vertical tab, form
    feed, carriage return, and escape (which ISO-2022 encodings use)."""
    # bytes.translate deletes them in C: a Python loop over a 64 KB sample cost ~3 ms a page
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def looks_binary(data: bytes) -> bool:
    """True for bytes that are no text: NULs (outside UTF-16/32; more than two and one
    in 1,000 bytes: a page with a stray one or two is text, which loses them) or many
    control bytes."""
    sample = data[:65536]
    if not sample or any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample and sample.count(b"\x00") > 2 + len(sample) // 1000:
        return True
    return _controls(sample) / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` for UTF-16 text without a byte-order mark, or None.

    Mostly-Latin text has a NUL in (nearly) every other byte, all on the same side. Text in
    another script has them only for its spaces, digits, punctuation and line ends (the
    high byte of U+0000-U+00FF), still on one side, while its letters' high bytes are the
    script's block (0x04 for Cyrillic): the NULs' side gives the order, and the text it
    decodes to must be text (no unassigned, private-use or control characters beyond a
    few), which the other order of a script's letters is not (U+041C read backwards is
    U+1C04, Lepcha; a kanji, a private-use character)."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0), odd.count(0)
    if nul_odd >= 0.5 * len(odd) and nul_even <= 0.02 * len(even):
        return "utf-16-le"
    if nul_even >= 0.5 * len(even) and nul_odd <= 0.02 * len(odd):
        return "utf-16-be"
    high, low = max(nul_even, nul_odd), min(nul_even, nul_odd)
    if high < max(2, len(sample) // 400) or low > high // 2 + 1:
        # Too few NULs, or as many on both sides: no text's line ends and spaces (at least
        # one character in 200 is one, even in Chinese), but stray NULs in UTF-8 text (read
        # as UTF-16 it is ideographs: text to the check below) or a binary file's.
        return None
    # the side with the NULs is the high bytes' (an ideograph's low byte may be 0)
    order = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
    return order if _utf16_text(sample, order) else None


def _utf16_text(sample: bytes, order: str) -> bool:
    """Whether ``sample`` decodes in ``order`` to text: no unassigned, private-use,
    surrogate or control characters beyond one in a hundred."""
    units = len(sample) // 2
    try:
        text = sample[: units * 2].decode(order)
    except UnicodeDecodeError:  # (a lone surrogate: a pair cut by the sample, or no text)
        try:
            text = sample[: units * 2 - 2].decode(order)
        except UnicodeDecodeError:
            return False
    bad = sum(
        1
        for ch in text
        if unicodedata.category(ch) in ("Cn", "Co", "Cs", "Cc") and ch not in "\t\n\r\x0c"
    )
    return bool(text) and bad <= 0.01 * len(text)


def _clean(text: str) -> bool:
    """No NULs or other control characters beyond a few: decoded text that is text."""
    sample = text[:65536]
    if not sample:
        return True
    controls = sum(1 for ch in sample if ch < "\t" or "\r" < ch < " " or ch == "\x7f")
    return controls / len(sample) <= 0.05


#: What a stray byte of a Windows-1252 text pasted into UTF-8 is taken for: letters, and the
#: quotes, dashes and signs that editors put in ("don\x92t", "\x93quoted\x94").
_STRAY_CP1252 = frozenset("‘’‚“”„–—…€£°«»·×")


def _stray_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler for UTF-8 with stray Windows-1252 bytes in it (a line pasted
    from an old page or mail into a UTF-8 file): a lone invalid byte between ASCII bytes
    that is a letter or a typographic sign in Windows-1252 is read so ("caf\xe9 " is
    "café ", " \xe0 " is " à "); other bad bytes (runs of them, a sequence cut short, a
    byte Windows-1252 leaves undefined) stay U+FFFD."""
    assert isinstance(exc, UnicodeDecodeError)
    data, i = exc.object, exc.start
    # (0xFE and 0xFF, "þ" and "ÿ", are rather the halves of a UTF-16 byte-order mark)
    ch = data[i : i + 1].decode("cp1252", errors="replace") if data[i] < 0xFE else ""
    before = data[i - 1] if i > 0 else 0x20
    after = data[i + 1] if i + 1 < len(data) else 0x20
    if before < 0x80 and after < 0x80 and (ch.isalpha() or ch in _STRAY_CP1252):
        return ch, i + 1
    return "\ufffd", exc.end


codecs.register_error("corearchive-stray-cp1252", _stray_cp1252)


#: A run of well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates)
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)


#: The lead bytes of UTF-8's multi-byte characters
_LEAD_BYTES = bytes(range(0xC2, 0xF5))


#: Fewer bytes than this of UTF-8 between bytes that are not are UTF-8 by chance: a legacy
#: double-byte text's pairs read as two-byte sequences (EUC-JP's six in a row), a space
#: or a digit around them; a UTF-8 part joined to it is its whole file or paragraph
_CHANCE_RUN = 16


def _mixed_parts(data: bytes) -> tuple[str, str] | None:
    """A text that is part UTF-8 and part another encoding (files joined by ``cat``, a
    legacy page pasted into a UTF-8 file), each part read in its own: the bytes that are not
    UTF-8 are told together (:func:`_detect` on all of them) and must decode cleanly in
    it. ``(text, "utf-8+CODEC")``, or None: when the UTF-8 part is not one (fewer than 5
    characters beyond ASCII in runs of 5 or more), when the rest is stray bytes rather than
    words, or not one encoding's. (A UTF-8 file with a Windows-1251 tail had 148 of 326
    characters replaced, with nothing said.)"""
    runs = list(_UTF8_RUN.finditer(data))
    # The UTF-8 part's characters beyond ASCII (their lead bytes), in runs of at least 5 of
    # them: a legacy multi-byte text (GBK, Shift_JIS) has pairs of bytes that are UTF-8 by
    # chance, one or two at a time.
    leads = [len(m.group()) - len(m.group().translate(None, _LEAD_BYTES)) for m in runs]
    if sum(n for n in leads if n >= 5) < 5:
        return None
    gaps = [data[a.end() : b.start()] for a, b in pairwise(runs)]
    gaps += [data[: runs[0].start()], data[runs[-1].end() :]]
    if sum(map(len, gaps)) < 16 or max(map(len, gaps)) < 4:
        # stray bytes (a Windows-1252 letter or quote here and there between ASCII, read
        # as such by _mostly_utf8's case), not words of another encoding
        return None
    pieces: list[tuple[bool, bytes]] = []  # (UTF-8?, bytes)
    at = 0
    for m in runs:
        if len(m.group()) < _CHANCE_RUN:
            # (a few bytes that are UTF-8 by chance between a double-byte text's: part of
            # it. Cut out, they split its pairs, and the detector, given the pieces, named a
            # single-byte code page that reads any bytes: a Shift_JIS part read as Arabic
            # letters, an EUC-JP one as Windows-1252's, s36 acc-read F19)
            continue
        if m.start() > at:
            pieces.append((False, data[at : m.start()]))
        pieces.append((True, m.group()))
        at = m.end()
    if at < len(data):
        pieces.append((False, data[at:]))
    if not any(ok for ok, _ in pieces):
        return None  # (the UTF-8 "part" was a few bytes among the others)
    other = b" ".join(p for ok, p in pieces if not ok)
    try:
        codec = _detect(other)
    except Exception:  # a detector bug must not stop the run
        return None
    if codec is None or codec.replace("_", "-").startswith("utf"):
        return None
    try:
        text = "".join(p.decode("utf-8") if ok else p.decode(codec) for ok, p in pieces)
    except (LookupError, UnicodeDecodeError):
        return None
    return text, f"utf-8+{codec}"


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes in it: more well-formed non-ASCII characters than errors.

    Legacy single-byte text (cp1252, latin-1) almost never forms valid multi-byte UTF-8
    sequences, so a text that has them and only few invalid bytes is damaged UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    return good > 0 and bad <= good


def _canonical_declared(declared: str) -> str | None:
    """The codec to try for a declared charset, or None to ignore the declaration.

    As browsers do (WHATWG Encoding), ISO-8859-1 and ASCII labels mean windows-1252, and
    a UTF-16/32 label on bytes without a byte-order mark is not believed (a charset found
    in ASCII markup cannot be right about UTF-16).
    """
    try:
        name = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if name in ("iso8859-1", "ascii"):
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return None
    return name


#: The WHATWG names chardetng gives that Python reads otherwise, as browsers decode them
#: (WHATWG Encoding): EUC-KR is Windows-949, Big5 is Big5-HKSCS, GBK is read as GB18030
#: (its superset), ISO-8859-8-I is ISO-8859-8 (logical order); and the names Python lacks.
_WHATWG_CODECS = {
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "gbk": "gb18030",
    "iso-8859-8-i": "iso8859_8",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac_cyrillic",
}


#: The multi-byte legacy encodings :func:`_detect` names
_MULTIBYTE = frozenset(["shift_jis", "cp932", "euc_jp", "cp949", "big5hkscs", "gb18030"])


#: How much of a text of unknown encoding its guess reads
_DETECT_BYTES = 262144


def _detect(data: bytes) -> str | None:
    """The legacy encoding a browser would guess for ``data`` (not UTF-8: the callers have
    tried it), as Python's codec name: Mozilla's chardetng (Firefox's detector), which
    chooses among the Web's legacy encodings only (Windows-125x, KOI8, ISO-8859-x, the CJK
    ones) and takes Windows-1252 unless the bytes say otherwise. charset-normalizer, used
    before, chose among every codec Python has and read short Latin-1 texts as IBM Baltic,
    Big5-HKSCS or Mac Icelandic (s35 acceptance F1: 2-16 % of French, German, Spanish and
    Portuguese excerpts); chardetng takes ~85 µs a 4.5 KB text where it took ~1.7 ms."""
    # Imported here: most inputs are UTF-8 and never need it.
    import chardetng_py

    sample = data[:_DETECT_BYTES]
    label = chardetng_py.detect(sample, allow_utf8=False).lower()
    if label == "shift_jis":
        # WHATWG's Shift_JIS is JIS X 0208 as Python's shift_jis maps it (0x8160 a wave
        # dash, where cp932 has a full-width tilde) with Windows' extensions (circled
        # numbers, NEC and IBM kanji), which only cp932 reads
        try:
            data.decode("shift_jis")
        except UnicodeDecodeError:
            return "cp932"
        return "shift_jis"
    try:
        name = codecs.lookup(_WHATWG_CODECS.get(label, label)).name
    except LookupError:
        return None
    # (the bytes chardetng read tell it: a file of megabytes was decoded twice whole)
    if name not in _MULTIBYTE and name != "cp1252" and _no_word_says(sample, name):
        return "cp1252"
    if name in _SIBLINGS:
        return _letters_say(sample, name)
    return name


#: The encodings chardetng takes for one another (of Latin texts: they read the same bytes
#: as other letters): Central European of Windows and of ISO, Western and Baltic, Western
#: and Central European (a French paragraph in a file of a few UTF-8 characters read
#: "aprčs", "jusqu'ŕ": s38 acc-read F20; Hungarian "jövõ", "közgyûlés": acc-regress D10)
_SIBLINGS = {
    "cp1250": ("iso8859-2", "cp1252"),
    "iso8859-2": ("cp1250",),
    "cp1252": ("cp1257", "cp1250"),
}
#: The letters beyond ASCII of the alphabets of languages written in them (lower case)
_ALPHABETS = (
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "čćđšž",  # Slovenian, Croatian, Bosnian, Serbian
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "äöüß",  # German
    "àâæçéèêëîïôœùûüÿ",  # French
    "áéíñóúü¡¿",  # Spanish
    "áàâãçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçéèíïòóúü·",  # Catalan
    "åäöé",  # Swedish, Finnish
    "æøåéèêóòâô",  # Norwegian, Danish
    "áðéíóúýþæö",  # Icelandic
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
)


def _letters_say(data: bytes, guess: str) -> str:
    """``guess`` or a sibling (:data:`_SIBLINGS`; a winning sibling's too), whichever
    reading of ``data`` has more letters of one language's alphabet (:data:`_ALPHABETS`)
    in words; ``guess`` when even.
    chardetng read a Polish Windows-1250 text as ISO-8859-2, every "ą" an "š"
    ("miesišcach"), and a Lithuanian Windows-1257 one as Windows-1252 ("antradiená",
    "biudþetà"): each reading's letters are some language's, or a mix of several that none
    writes (s37 acc-regress O4)."""
    # (read as the text will be: a byte a codec leaves undefined is one U+FFFD, no letter;
    # a strict reading failed on the UTF-8 quotation marks of a mixed file, s38 acc-read F20)
    best, a = guess, data.decode(guess, errors="replace")
    tried, rivals = {guess}, deque(_SIBLINGS[guess])
    while rivals:  # (a winner's siblings are tried too: Windows-1250, -1252, then -1257)
        other = rivals.popleft()
        if other in tried:
            continue
        tried.add(other)
        b = data.decode(other, errors="replace")
        if _alphabet_letters(data, b, a) > _alphabet_letters(data, a, b):
            best, a = other, b
            rivals.extend(_SIBLINGS.get(other, ()))
    return best


def _alphabet_letters(data: bytes, text: str, other: str) -> int:
    """The most letters of one alphabet of :data:`_ALPHABETS` that ``text``, a reading of
    ``data`` by a single-byte encoding, has in words (beyond ASCII, next to a letter), where
    the ``other`` reading has a letter or no character (a control): a quotation mark there
    tells nothing ("»Hranjiva otopina«" reads "ťHranjiva otopinaŤ" in ISO-8859-2)."""
    last = len(text) - 1
    found = Counter(
        text[k].lower()
        for k in (m.start() for m in _HIGH_BYTE.finditer(data))
        if text[k].isalpha()
        and (other[k].isalpha() or unicodedata.category(other[k]) == "Cc")
        and ((k > 0 and text[k - 1].isalpha()) or (k < last and text[k + 1].isalpha()))
    )
    return max(sum(n for c, n in found.items() if c in abc) for abc in _ALPHABETS)


#: A byte that is no ASCII character
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _no_word_says(data: bytes, guess: str) -> bool:
    """Whether no word of the text tells ``guess`` (a single-byte legacy encoding) from
    Windows-1252: no byte they read differently is read by ``guess`` as a letter next to a
    letter. Then Windows-1252, the Web's default for a Latin text, is kept. chardetng read an
    English text whose only non-ASCII bytes were "£" before prices as Windows-1250 ("Ł2.50"),
    and "¼ cup", "¥500" likewise (s36 acc-read F7); a Czech, Polish or Romanian text has its
    letters in its words ("ř", "ł", "şi"), a Cyrillic one all of them. (A symbol against a
    word stays the guess's: "20 m³" reads "mł" in Windows-1250, as "Rząd" must.)"""
    try:
        western = data.decode("cp1252")
        other = data.decode(guess)
    except UnicodeDecodeError:
        return False
    if len(western) != len(other):
        return False
    last = len(other) - 1
    for m in _HIGH_BYTE.finditer(data):
        k = m.start()
        if (
            western[k] != other[k]
            and other[k].isalpha()
            and ((k > 0 and other[k - 1].isalpha()) or (k < last and other[k + 1].isalpha()))
        ):
            return False
    return True


def decode_text(data: bytes, declared: str | Sequence[str] | None = None) -> tuple[str, str]:
    """Decode bytes of unknown encoding: ``(text, encoding)`` (see :func:`decode_detail`)."""
    text, encoding, _ = decode_detail(data, declared)
    return text, encoding


#: How :func:`decode_detail` found a legacy encoding: named by the input (HTTP, ``<meta>``), or
#: guessed from the bytes; None when the bytes said it (a byte-order mark, valid UTF-8)
EncodingBy = Literal["declared", "guessed"] | None


#: A character beyond ASCII inside a Latin word (a letter before it, a small letter after
#: it; or two: Shift_JIS reads a UTF-8 letter's two bytes as two half-width katakana,
#: "Kﾃｶln"), and how many of them say that a multi-byte reading took UTF-8 letters for its
#: own
_WIDE_IN_WORD = re.compile(r"[A-Za-z][^\x00-\x7f]{1,2}[a-z]")
_WIDE_IN_WORDS = 3


def decode_detail(
    data: bytes, declared: str | Sequence[str] | None = None
) -> tuple[str, str, EncodingBy]:
    """Decode bytes of unknown encoding; returns ``(text, encoding, how it was found)``.

    Order (as browsers and w3lib do): a byte-order mark; strict UTF-8 (bytes that decode as
    UTF-8 are UTF-8 whatever a page declares); the first declared charset (one, or several
    most trusted first) that decodes cleanly; then a guess among the Web's legacy encodings
    (:func:`_detect`): a multi-byte one (Japanese, Chinese, Korean) that decodes every byte;
    a text part UTF-8 and part another encoding; UTF-8 with a few bad bytes (``"utf-8?"``:
    a stray Windows-1252 letter or quote read as one, other bad bytes replaced); the guess
    (Windows-1252 unless the bytes say otherwise); as a last resort UTF-8 with replacement
    characters, so that bad bytes never stop a run. Raises :class:`NotText` for binary data.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, None
            except UnicodeDecodeError:
                if enc != "utf-8-sig":
                    return data.decode(enc, errors="replace"), enc, None
                # a UTF-8 byte-order mark before a body that is not UTF-8 (an editor's, put
                # in front of a Windows-1252 text): the body is read as any other text is
                data = data[len(bom) :]
                break
    if b"\x00" in data[:65536] and (enc16 := _utf16_without_bom(data)) is not None:
        try:
            text = data.decode(enc16)
        except UnicodeDecodeError:
            pass
        else:
            if _clean(text):
                return text, enc16, None
    if data.endswith(b"\x00") and (before := data.rstrip(b"\x00")):
        # zeros after the text (a download cut short into a file made at its full size, a
        # fixed-size buffer written whole): the text is what comes before them
        data = before
    if (kind := document_format(data)) is not None:
        article = "an" if kind.startswith(("RTF", "OLE")) else "a"
        raise NotText(f"{article} {kind} document (binary document format), not text: not read")
    if looks_binary(data):
        if (archive := archive_format(data)) is not None:
            raise NotText(
                f"{'an' if archive[0] in 'xR' else 'a'} {archive} archive or compressed"
                " stream, not text (compressed twice, or a bundle of files?): unpack it first"
            )
        raise NotText("binary content, not text (NUL or control bytes)")
    if b"\x1b$" in data[:65536]:
        # ISO-2022-JP (mail, old Japanese pages) is 7-bit: it would pass for UTF-8
        try:
            return data.decode("iso2022_jp"), "iso2022_jp", None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    for label in (declared,) if isinstance(declared, str) else declared or ():
        if codec := _canonical_declared(label):
            try:
                return data.decode(codec), codec, "declared"
            except (LookupError, UnicodeError):
                pass
    try:
        encoding = _detect(data)
    except Exception:  # a detector bug must not stop the run
        encoding = None
    mostly_utf8 = _mostly_utf8(data)
    mixed = None
    if encoding in _MULTIBYTE and not mostly_utf8:
        # (a Japanese or Chinese text has pairs of bytes that are UTF-8 by chance, which
        # _mixed_parts would read as UTF-8 between pieces of another encoding; but a Latin
        # text's UTF-8 letters read so stand inside its words, "B端rger", "sp辰t": then
        # the file is part UTF-8, s38 acc-regress D11)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            if (
                len(_WIDE_IN_WORD.findall(text, 0, 65536)) < _WIDE_IN_WORDS
                or (mixed := _mixed_parts(data)) is None
            ):
                return text, encoding, "guessed"
    if mixed is not None or (mixed := _mixed_parts(data)) is not None:
        return *mixed, "guessed"
    if mostly_utf8:
        return data.decode("utf-8", errors="corearchive-stray-cp1252"), "utf-8?", None
    if encoding:
        try:
            return data.decode(encoding, errors="replace"), encoding, "guessed"
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace"), "utf-8?", None


def _html_charset(data: bytes, content_type: str | None = None) -> tuple[str, ...]:
    """The charsets declared for a page, most trusted first: its HTTP header's, then its
    ``<meta>``'s, except that a header naming ISO-8859-1, ASCII or windows-1252 yields to a
    meta naming another charset. That header is what old servers sent for every page whatever
    it held (Apache's default), so a Cyrillic page in windows-1251 read by it became Latin
    mojibake, which no later step can undo; a page's own meta is written with its text."""
    header = None
    if content_type and "charset=" in content_type.lower():
        label = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        header = label or None
    m = _CHARSET_RE.search(data[:4096])
    meta = m.group(1).decode("ascii", "replace") if m else None
    if header is None or meta is None:
        return tuple(c for c in (header, meta) if c)
    first, second = _canonical_declared(header), _canonical_declared(meta)
    if first == "cp1252" and second is not None and second != first:
        return (meta, header)
    return (header, meta)


#: The most content one document may hold (a text or HTML file, a JSONL line, a WARC
#: record's payload): it is read, decoded and cleaned whole (a 30 MB text takes ~560 MB and
#: 6 s); what is larger is no page, and one of several GB would take the run's memory
MAX_FILE_BYTES = 64 << 20


_SKIP_CHUNK = 1 << 20


def _lines(stream: Any) -> Iterator[tuple[int, bytes | None]]:
    """Each line's size and bytes; None for a line of over ``MAX_FILE_BYTES``, not read."""
    limit = MAX_FILE_BYTES
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while rest := stream.readline(_SKIP_CHUNK):  # the rest of the line, unread
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
            yield size, None
        else:
            yield len(line), line


def _advance(stream: Any, offset: int) -> None:
    """Move ``stream`` to ``offset``: a seek, or reading past what comes before."""
    if stream.seekable():
        stream.seek(offset)
        return
    while offset > 0:
        chunk = stream.read(min(offset, _SKIP_CHUNK))
        if not chunk:
            raise EOFError("the input ends before the position a task resumes at")
        offset -= len(chunk)


_TOO_LARGE = f"{{}} of over {MAX_FILE_BYTES >> 20} MB: too large for one document, not read"


def _read_whole(item: InputItem) -> tuple[bytes, str | None] | Failure:
    """The content of a file, and why it stops short: a compressed file cut short or
    damaged (or with bytes after its end) gives what decompresses before the damage."""
    chunks: list[bytes] = []
    size = 0
    cut = None
    try:
        with item.open() as f:
            # (read1 where there is one: what decompresses before a damage comes out)
            read = f.read1 if hasattr(f, "read1") else f.read
            while size <= MAX_FILE_BYTES and (chunk := read(1 << 20)):
                chunks.append(chunk)
                size += len(chunk)
    except (EOFError, zlib.error, OSError) as exc:
        why = f"{item.damaged}: {_one_line(exc) if item.compressed else exc}"
        if not (item.compressed and any(c.strip() for c in chunks)):
            return Failure(why)
        cut = why  # (a text's first part is a document; the rest is gone either way)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        if looks_binary(data[:65536]):
            # (a sparse file of zeros, a disk image: told "split it into a JSONL dump")
            return Failure(
                "binary content, not text (NUL or control bytes), over"
                f" {MAX_FILE_BYTES >> 20} MB: not read"
            )
        return Failure(
            f"over {MAX_FILE_BYTES >> 20} MB of content: too large for one text or HTML"
            " document (a collection? split it into files, or into a JSONL dump)"
        )
    if not data.strip():
        return Failure("empty input" if not data else "input holds only white space")
    return data, cut


#: A character that is neither white space (as ``str.strip`` has it) nor a byte-order mark:
#: found near the start of any page, where stripping a copy of the text cost ~0.1 ms a page
_NOT_BLANK = re.compile(r"[^\s\ufeff]")


def _read_file(item: InputItem, fmt: Format) -> Iterator[Document | Failure]:
    """Read a whole file as one text or HTML document."""
    got = _read_whole(item)
    if isinstance(got, Failure):
        yield got
        return
    data, cut = got
    try:
        text, encoding, by = decode_detail(data, _html_charset(data) if fmt == "html" else None)
    except NotText as exc:
        yield Failure(str(exc))
        return
    if _NOT_BLANK.search(text) is None:
        # e.g. UTF-16 white space, which the byte check above does not see
        yield Failure("input holds only white space")
        return
    alto = alto_text(data) if fmt == "text" and _ALTO_START.match(text) else None
    if alto is not None:
        # ALTO XML (a library's OCR): its words, one text block a line; the XML is the raw
        doc = _file_doc(item, data, alto[0], fmt, encoding, by)
        doc.source.content_type = "application/xml"
        doc.annotations["source"]["alto"] = alto[1]
    else:
        doc = _file_doc(item, data, text, fmt, encoding, by)
        if (what := _not_a_page(item, text, fmt)) is not None:
            doc.annotations["source"]["not_a_page"] = what  # (the run drops it: fetch_failed)
    if cut is not None:
        # read as far as it decompresses, as a WARC record marked truncated is
        doc.annotations["source"]["truncated"] = cut
        item.counts[NOTED + "compressed files read as far as they decompress"] += 1
    yield doc


#: A CDX index's first line (wget ``--warc-cdx``, Heritrix, pywb: `` CDX N b a m s k r ...``)
#: or a CDXJ line (a SURT key, a 14-digit time stamp, a JSON object)
_CDX_START = re.compile(r"\ufeff?(?: ?CDX(?: [A-Za-z]){3,}\s*$|[a-z0-9,-]+\)\S* \d{14} \{)", re.M)
#: A crawl's files by name: what a crawler fetched for itself, and the parts of a mirrored
#: site that are no page (a WARC record of them is skipped by its media type)
_CRAWLER_NAMES = {"robots.txt": "robots.txt"}
_NOT_PAGE_SUFFIXES = {".css": "style sheet", ".js": "script", ".mjs": "script"}


def _not_a_page(item: InputItem, text: str, fmt: Format) -> dict[str, str] | None:
    """What a file read as one document is, when it is no page (the drop's detail, see
    :func:`corearchive.source.fetch_failed`): a crawl's index (wget writes its ``.cdx``
    beside its WARC, and a folder of a crawl holds it), robots.txt, a style sheet or script
    of a mirrored site (a WARC skips them by their media type: the same bytes were archived
    as articles from a mirror, s37 acc-crawl F1, F8, F11), a page that only redirects;
    else None."""
    name = item.name.lower().removesuffix(".orig")  # (wget -K keeps the original so)
    if fmt == "text" and _CDX_START.match(text):
        return {"kind": "crawl index (CDX)"}
    if (kind := _CRAWLER_NAMES.get(name)) is not None:
        return {"kind": kind}
    if (kind := _NOT_PAGE_SUFFIXES.get(PurePath(name).suffix)) is not None and fmt == "text":
        return {"kind": kind}
    return redirect_note(text, item.uri) if fmt == "html" else None


#: A ``<meta>`` tag, and its attributes (HTML: quoted either way, or not at all)
_META_TAG = re.compile(r"<meta\b[^>]*+>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
#: A refresh's content (WHATWG: a delay, then ``;`` or ``,``, ``url=``, the address, up
#: to its closing quote when it opens with one: told in Python, as a lazy address before
#: ``\2\s*$`` retried the end at every character: 3.3 s for 40,000 spaces; s38 acc-read F1)
_REFRESH = re.compile(r"\s*(\d+)(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(.*)", re.I | re.S)
#: Where the head's tags are looked for; the longest wait a redirect page makes; the most
#: text (its tags, scripts and styles left out) that such a page shows
_REDIRECT_HEAD = 65536
_REDIRECT_DELAY = 5
_REDIRECT_TEXT = 1000
#: A script that sends its browser to an address it writes out: ``location = "…"``,
#: ``location.href = '…'``, ``location.replace("…")``, ``location.assign("…")`` (a redirect
#: stub's, whose ``<noscript>`` refresh does the same for readers without scripts); the
#: address is group ``a`` or ``b``, or the variable that holds it group ``v`` or ``w``
#: (``var target = "…"; location.replace(target);``, a stub's form too: s42 acc-read F9).
#: (A quoted address or a variable that is all the value: ``window.open(u, "share",
#: "location=no")``'s window feature sends nobody anywhere, s41 acc-read F4, nor does
#: ``top.location = self.location``)
_SCRIPT_REDIRECT = re.compile(
    r"\blocation(?:\.href)?\s*=\s*(?:(?P<q>[\"'`])(?P<a>[^\"'`\n]*)(?P=q)"
    r"|(?P<v>[A-Za-z_$][\w$]*)(?=[ \t]*(?:[;}\n]|$)))"
    r"|\blocation\.(?:replace|assign)\s*\(\s*(?:(?P<r>[\"'`])(?P<b>[^\"'`\n]*)(?P=r)"
    r"|(?P<w>[A-Za-z_$][\w$]*)\s*\))"
)
#: A variable's assignment of a quoted value: its name and the value
_LITERAL_SET = re.compile(r"(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*([\"'`])([^\"'`\n]*)\2")
#: The text a browser shows: outside scripts, styles and templates (comments are no text)
_SHOWN = XPath(
    "//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
)
#: A redirect page is parsed from its text as UTF-8 bytes, whatever an XML declaration
#: says: lxml refuses a str that declares an encoding (an XHTML "moved" page's ``<?xml
#: version="1.0" encoding="iso-8859-1"?>``, s39 acc-read F3), and the text is decoded already
_REDIRECT_PARSER = lxml_html.HTMLParser(encoding="utf-8")


def _refresh_target(content: str, uri: str) -> str | None:
    """The address a ``<meta http-equiv=refresh>`` of this content sends its reader to
    within :data:`_REDIRECT_DELAY` seconds, if another page than ``uri``; else None (no
    address, a longer wait, the page itself, an address no URL parser reads)."""
    m = _REFRESH.match(content)
    if m is None or int(m.group(1)) > _REDIRECT_DELAY:
        return None
    address = m.group(2).strip()
    if address[:1] in ("'", '"'):
        address = address[1:].partition(address[0])[0].strip()
    if not address:
        return None
    try:  # (an unclosed "[" is an invalid IPv6 host: no redirect, not an unreadable page)
        to = urljoin(uri, address)
        itself = urldefrag(to).url == urldefrag(uri).url
    except ValueError:
        return None
    return None if itself else to


def _script_sends(tree: Any, to: str) -> bool:
    """Whether a script of the page ``tree`` sends the browser to the address ``to``
    (:data:`_SCRIPT_REDIRECT`): the address it sets ``location`` to, written out or given to
    a variable it sets ``location`` to, has ``to``'s path and query, and its host if it
    names one. A frame-buster, a search box's handler or a cookie check that sets
    ``location`` elsewhere does not (review40 F2), nor one whose address only holds
    ``to``'s path ("/newsletter/signup" and a refresh to "/news", s41 acc-read F4)."""
    target = urlsplit(to)
    for script in tree.iter("script"):
        code = script.text or ""
        # (the values the script gives its variables, read once when one sends the browser:
        # a scan of the script per "location = v" took a minute on a page of thousands,
        # s43 acc-read F7)
        values: dict[str, list[str]] | None = None
        for m in _SCRIPT_REDIRECT.finditer(code):
            if (name := m["v"] or m["w"]) is not None:
                if values is None:
                    values = {}
                    for v in _LITERAL_SET.finditer(code):
                        values.setdefault(v[1], []).append(v[3])
                # (each variable's values are tried once)
                addresses = values.pop(name, [])
            else:
                addresses = [m["a"] if m["a"] is not None else m["b"]]
            for address in addresses:
                try:
                    sent = urlsplit(address)
                except ValueError:  # (an address no URL parser reads sends nowhere)
                    continue
                # (an address with its host: the host, path and query, whatever its scheme,
                # as "//host/a" and "http:" for "https:" write it; review41 R7)
                if (sent.path, sent.query) == (target.path, target.query) and (
                    not sent.netloc or sent.netloc.lower() == target.netloc.lower()
                ):
                    return True
    return False


def redirect_note(html: str, uri: str) -> dict[str, str] | None:
    """The ``not_a_page`` note of a page that only redirects (:func:`meta_redirect`), one
    for the file, WARC and dump readers; else None."""
    to = meta_redirect(html, uri)
    return None if to is None else {"kind": "redirect", "to": to}


def meta_redirect(html: str, uri: str) -> str | None:
    """Where a page that only redirects sends its reader: a ``<meta http-equiv=refresh>``
    to another address within :data:`_REDIRECT_DELAY` seconds, on a page that shows little
    text of its own ("Redirecting...", a link to click): no article, as a 301 is none (a
    WARC skips those); else None. (A refresh of the page itself, or after minutes, is a
    news page reloading.) The tags are found by a pattern first, and a page that has such a
    tag is parsed: its tag must be one the browser reads (not in a comment, s38 acc-read
    F21), and what the page shows is read from the tree (patterns over unclosed scripts and
    tags took quadratic time: 52 s for a 256 KB page, s38 acc-read F1)."""
    head = html[:_REDIRECT_HEAD]
    if "efresh" not in head and "EFRESH" not in head:  # (a substring search is cheaper)
        return None
    if len(html) > _REDIRECT_HEAD * 4:  # (more than a redirect page's markup)
        return None
    for tag in _META_TAG.finditer(head):
        attrs = {
            m.group(1).lower(): next(v for v in m.group(2, 3, 4) if v is not None)
            for m in _ATTRIBUTE.finditer(tag.group())
        }
        if attrs.get("http-equiv", "").strip().lower() == "refresh":
            break
    else:
        return None
    try:
        tree = lxml_html.document_fromstring(
            html.encode("utf-8", "surrogatepass"), parser=_REDIRECT_PARSER
        )
    except (ParserError, ValueError):
        return None
    for meta in tree.iter("meta"):
        if meta.get("http-equiv", "").strip().lower() != "refresh":
            continue
        to = _refresh_target(meta.get("content", ""), uri)
        if any(up.tag == "noscript" for up in meta.iterancestors()) and (
            to is None or not _script_sends(tree, to)
        ):
            # (for a reader without scripts only: a browser shows the page, the article
            # that is there, s39 acc-regress D11; unless its script sends the browser to the
            # same address, a redirect stub's "window.location.replace(URL)", s40
            # acc-regress R6)
            continue
        if to is None:
            return None
        shown = " ".join(" ".join(_SHOWN(tree)).split())
        return to if len(shown) <= _REDIRECT_TEXT else None
    return None


#: An XML/HTML comment, told in linear time: its body holds no "-->" (a lazy ``.*?`` in a
#: repeated group could also swallow the next comments, so n comments split 2^n ways, all
#: tried when the start is not the one sought: ~25 comments hung a run; s32 acc-read #10).
#: The prologs below repeat their items possessively (``*+``): an item once read is never
#: read again another way.
_COMMENT = r"<!--[^-]*+(?:-(?!->)[^-]*+)*+-->"

#: An ALTO XML document's start (after white space, a byte-order mark, an XML declaration,
#: comments and processing instructions): its root element, ``<alto`` with or without a
#: namespace prefix
#: (a DOCTYPE, with its internal subset, too: the parser loads no DTD and expands no
#: entity, and such a file's markup was archived as its text; s31 acc-regress #9)
_ALTO_START = re.compile(
    r"[\s\ufeff]*+(?:(?:<\?[^>]*\?>|" + _COMMENT + r"|<!DOCTYPE\s[^\[>]*+(?:\[.*?\]\s*)?>)\s*+)*+"
    r"<(?:\w+:)?alto[\s>]",
    re.S | re.I,
)


def alto_text(data: bytes) -> tuple[str, dict[str, int]] | None:
    """The text of an ALTO XML document (Analyzed Layout and Text Object, the Library of
    Congress standard in which libraries deliver newspaper OCR; versions 1 to 4, any
    namespace) and counts of what was read, or None if ``data`` is no ALTO document.

    Each ``TextBlock`` is one line of the text, blank lines between them (a block is a
    paragraph or a headline, as a page rendered one block per line): its lines' ``String``
    words (``CONTENT``) with a space for each ``SP`` and between lines. A word hyphenated
    across two lines is written once, whole: ``SUBS_CONTENT`` of its first part (the second
    part is then left out), or its two parts joined without the ``HYP`` mark where the file
    gives no ``SUBS_CONTENT`` (with it where either part holds a hyphen of its own: a
    compound broken at its hyphen, "mother-" / "in-law"). The XML is parsed by lxml without
    entities, DTDs or the network, recovering what it can of a damaged file."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    if root is None or etree.QName(root).localname.lower() != "alto":
        return None
    blocks: list[str] = []
    n_lines = n_words = joined = 0
    for block in root.iter("{*}TextBlock"):
        words: list[str] = []
        glue = False  # (the next word goes on the last one: a hyphenated word's part)
        skip = False  # (the next word is a second part whose whole word was written)
        for line in block.iter("{*}TextLine"):
            n_lines += 1
            for el in line.iter("{*}String", "{*}HYP"):
                if etree.QName(el).localname == "HYP":
                    if words and not skip:
                        glue = True
                    continue
                content = (el.get("CONTENT") or "").strip()
                kind = el.get("SUBS_TYPE") or ""
                if kind == "HypPart2" and skip:
                    skip = False
                    continue
                skip = False
                if kind == "HypPart1" and el.get("SUBS_CONTENT"):
                    words.append(el.get("SUBS_CONTENT", "").strip())
                    skip, glue = True, False
                    joined += 1
                    continue
                if not content:
                    continue
                if glue and words:
                    head = words[-1].removesuffix("-").removesuffix("\xad")
                    if "-" in head or "-" in content:
                        head += "-"  # (a compound's own hyphen: "mother-" / "in-law")
                    words[-1] = head + content
                    joined += 1
                else:
                    words.append(content)
                glue = kind == "HypPart1" and content.endswith("-")
        if words:
            blocks.append(" ".join(words))
            n_words += len(words)
    return "\n\n".join(blocks) + ("\n" if blocks else ""), {
        "blocks": len(blocks),
        "lines": n_lines,
        "words": n_words,
        "hyphenated": joined,
    }


class TextSource(Source):
    """Plain text, one block per line: the main case (text scraped from news pages)."""

    name = "text"
    suffixes = (".txt", ".text", ".md")

    def sniff(self, head: bytes, item: InputItem) -> float:
        return 0.1  # the fallback for whatever decodes as text

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        return _read_file(item, "text")


#: The start of an HTML document (after white space and a byte-order mark): a doctype or
#: an ``<html>`` tag, after comments and an XML declaration. Content that starts so is read
#: as HTML whatever it is labelled (servers send pages as ``text/plain``; dumps keep pages
#: under ``text``).
_HTML_START_PATTERN = r"(?:" + _COMMENT + r"\s*+|<\?xml[^>]*+>\s*+)*+(?:<!doctype\s+html|<html)"
_HTML_START = re.compile(_HTML_START_PATTERN.encode(), re.I | re.S)
_HTML_START_STR = re.compile(_HTML_START_PATTERN, re.I | re.S)


def starts_as_html(data: bytes) -> bool:
    """Whether ``data`` (bytes of any encoding with a byte-order mark, or ASCII-compatible)
    clearly starts as an HTML document."""
    return _HTML_START.match(_ascii_head(data[:2048]).lstrip()[:1024]) is not None


_LEADING_SPACE = re.compile(r"[\s\ufeff]*")


def _text_starts_as_html(text: str) -> bool:
    """Whether a text (a dump's field) clearly starts as an HTML document."""
    # (most texts do not start with "<": told without copying any of it)
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    return text.startswith("<", start) and _HTML_START_STR.match(text, start) is not None


#: HTML elements a post's or an article body's fragment is written in (Mastodon's API gives
#: a status as ``<p>…</p>``, WordPress's ``content.rendered`` its paragraphs): a well-formed
#: start tag of one opens a fragment, an end tag of one closes it
_FRAGMENT_TAGS = (
    "p|div|span|a|br|ul|ol|li|blockquote|h[1-6]|pre|code|em|strong|b|i|u|s|figure|img"
    "|table|section|article|header|small|sup|sub|hr|dl|dt|dd|q|cite|abbr|mark|del|ins"
)
#: A tag of :data:`_FRAGMENT_TAGS` after its "<" (or "</"): its name, attributes, end
_FRAGMENT_REST = (
    rf"(?:{_FRAGMENT_TAGS})(?:\s+[a-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))?)*"
    r"\s*/?>"
)
_FRAGMENT_START = re.compile("<" + _FRAGMENT_REST, re.I)
_FRAGMENT_END = re.compile(rf"(?:</(?:{_FRAGMENT_TAGS})\s*>|<(?:br|hr|img)\b[^<>]*>)$", re.I)
#: Any well-formed tag of :data:`_FRAGMENT_TAGS` (start, end or empty), for the markup share
_FRAGMENT_TAG = re.compile("</?" + _FRAGMENT_REST, re.I)
#: The markup share (characters in well-formed tags) and the number of tags that make a
#: text that does not start and end with markup a fragment ("Read <a href=…>this</a> and
#: <b>that</b>")
_FRAGMENT_SHARE = 0.25
#: A start tag without attributes ("<p>"), as a text that names a tag writes it
_BARE_START = re.compile(r"<[a-z][a-z0-9]*>", re.I)
_FRAGMENT_MIN_TAGS = 4
_FRAGMENT_HEAD = 8192


def _text_is_html_fragment(text: str) -> bool:
    """Whether a dump's text field holds an HTML fragment (not a whole page, which
    :func:`_text_starts_as_html` tells): it starts with a well-formed start tag of an HTML
    element and ends with an end tag (``<p>…</p>``: Mastodon's API), or its well-formed
    tags are at least :data:`_FRAGMENT_MIN_TAGS` and :data:`_FRAGMENT_SHARE` of its
    characters. Text that merely holds a ``<``, a tag's name or one tag ("use <p> for
    paragraphs", "a <b> c", "<3") stays text."""
    if "<" not in text or ">" not in text:
        return False
    # (told on the text's ends and its first 8 KB: a dump's long text is not copied)
    start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    if _FRAGMENT_START.match(text, start) and _FRAGMENT_END.search(text[-200:].rstrip()):
        return True
    head = text[start : start + _FRAGMENT_HEAD].rstrip()
    tags = _FRAGMENT_TAG.findall(head)
    if len(tags) < _FRAGMENT_MIN_TAGS or sum(map(len, tags)) < _FRAGMENT_SHARE * len(head):
        return False
    # (a text that names tags writes each once, bare: "when do you use <p> vs <div> vs <span>
    # vs <section>?" lost the names as a fragment; s33 acc-read #14. Markup closes what it
    # opens, gives attributes or repeats its line breaks)
    return len({t.lower() for t in tags if _BARE_START.fullmatch(t)}) < len(tags)


#: Elements of a fragment that end a line (paragraphs, line breaks, list items, headings),
#: and those whose text is not shown
_FRAGMENT_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "figure",
        "hr",
        "dl",
        "dt",
        "dd",
    ]
)
_FRAGMENT_SKIP = frozenset(("script", "style", "template", "noscript"))
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def fragment_text(fragment: str) -> str:
    """The visible text of an HTML fragment: each paragraph, line break, list item or
    heading on a line of its own, a link's text kept (its address is in the markup, not in
    what the post says), character references decoded, scripts and styles left out."""
    from .metadata.html import streamed_text

    lines = streamed_text(fragment, _FRAGMENT_SKIP, _FRAGMENT_BLOCKS).split("\n")
    return "\n".join(filter(None, (" ".join(line.split()) for line in lines)))


def _ascii_head(head: bytes) -> bytes:
    """The head as ASCII-compatible bytes (UTF-16/32 with a byte-order mark decoded, and
    UTF-16 without one: a page saved so was read as text, its markup and all)."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :] if enc == "utf-8-sig" else _utf8_head(head, enc)
    if b"\x00" in head and (enc16 := _utf16_without_bom(head)) is not None:
        return head[: len(head) // 2 * 2].decode(enc16, errors="ignore").encode("utf-8")
    return head


#: A page's start without its ``<html>`` and ``<head>`` tags (HTML5 makes both optional):
#: an element only a document's head holds, after white space and comments. No plain text
#: starts so.
_HEAD_ELEMENT_START = re.compile(
    (r"(?:" + _COMMENT + r"\s*+)*+<(?:style|script|link|meta|base|title|noscript)[\s>/]").encode(),
    re.I | re.S,
)

#: A tag, start or end, of an HTML element a saved widget or menu is made of, or a comment's
#: start (an XML document's own elements, ALTO's <String> and <TextLine>, are not HTML's)
_TAG = re.compile(
    rb"</?(?:a|abbr|b|br|button|dd|div|dl|dt|em|form|h[1-6]|hr|i|img|input|label|li|nav|ol"
    rb"|option|p|section|select|small|span|strong|sup|table|tbody|td|th|thead|tr|u|ul)"
    rb"(?:[\s/][^<>]*+)?>|<!--",
    re.I,
)

#: How far an input that opens with a tag is read to find the page's markup, when its
#: first 8 KB are one element (a style sheet, a script, a comment) and say nothing more
_FAR_HEAD = 1 << 18


def _markup(head: bytes) -> bool:
    """Whether ``head`` is a page's markup: three tags of a page's structure (a doctype,
    ``<head>``, ``<body>``, ``<meta>``, ``<title>``, ``<div>``, ``<p>``) or, a widget or a
    menu saved as such, mostly tags (ten or more, half its characters)."""
    if len(_HTML_RE.findall(head)) >= 3:
        return True
    if head.count(b"<") < 10:  # (most texts: told without a search)
        return False
    tags = _TAG.findall(head)
    return len(tags) >= 10 and 2 * sum(map(len, tags)) >= len(head.strip())


class HtmlSource(Source):
    """An HTML page saved as a file."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml", ".shtml")

    def sniff(self, head: bytes, item: InputItem) -> float:
        head = _ascii_head(head)
        start = head.lstrip()[:1024]
        if _HTML_START.match(start) or _HEAD_ELEMENT_START.match(start):
            return 0.95
        from .boilerplate.reflow import named_markdown  # (the run loads the stage anyway)

        if named_markdown(item.name):
            # markdown holds raw HTML blocks, and is read as text (the boilerplate stage
            # renders it), unless it starts as a page, as a WARC record labelled so is: a
            # file of "# Headline" over <div>s and <p>s was read as a page, its headline no
            # title (s42 acc-regress D11)
            return 0.0
        if _markup(head):
            return 0.6
        if start.startswith(b"<") and len(head) >= HEAD_SIZE:
            # (its first 8 KB one element, a style sheet or a comment not closed in them:
            # the markup is further in; s35 acceptance F5, a page of 8 KB of CSS first)
            return 0.6 if _markup(_ascii_head(item.head(_FAR_HEAD))) else 0.0
        return 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        return _read_file(item, "html")


def _file_doc(
    item: InputItem, data: bytes, text: str, fmt: Format, encoding: str, by: EncodingBy = None
) -> Document:
    doc = Document.create(
        raw=data,
        text=text,
        uri=item.uri,
        path=item.path,
        format=fmt,
        is_html=fmt == "html",
        content_type="text/html" if fmt == "html" else "text/plain",
    )
    doc.annotations["source"] = {"encoding": encoding}
    if by is not None:
        doc.annotations["source"]["encoding_by"] = by
    return doc


#: A JSONL object's fields beyond the content, under the names that common dumps give them
#: (C4 and Common Crawl derivatives, news-please, datatrove and Dolma with a ``metadata``
#: object, crawlers' own), first found wins: the capture time, the page's address and a
#: publication date that the dump states.
_FETCH_KEYS = (
    "fetched_at",
    "fetch_time",
    "crawl_date",
    "crawled_at",
    "timestamp",
    "warc_date",
    "WARC-Date",
    "date_download",
)
#: (``uri``: a corearchive record's ``source.uri``; its records.jsonl read as a dump lost
#: every address and capture time: s27 reprocessing tester)
_URL_KEYS = ("url", "source_url", "sourceURL", "WARC-Target-URI", "warc_target_uri", "uri")
_DATE_KEYS = ("date", "date_publish", "published", "date_published", "datePublished")
#: A row's creation time (``created_at``: a post's time in Twitter's, Mastodon's and most
#: APIs' dumps; ``created_utc``: Reddit's, seconds since 1970; s31 acc-posts #6), read where
#: no key of :data:`_DATE_KEYS` is given, at the top or in the ``metadata`` object
_CREATED_KEYS = ("created_at", "created_utc")
#: The record's fields a dump's object gives, by the keys read for each, first found first:
#: what crawlers' JSON gives besides (news-please's authors and source_domain,
#: trafilatura's author, sitename, tags and categories; Firecrawl's page metadata, whose
#: ``title`` is the page's <title> with its site's segment, ``ogTitle`` the headline: s39
#: acc-md 9), as given
_FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("ogTitle", "title"),
    "authors": ("authors", "author"),
    "tags": ("tags", "keywords"),
    "categories": ("categories",),
    "site_name": ("site_name", "sitename", "source_domain", "ogSiteName"),
    "date": (*_DATE_KEYS, "publishedTime"),
}


#: Where dumps keep the page's text, in order: most (C4, FineWeb, Dolma, datatrove), OSCAR
#: and RefinedWeb, CCNet and RedPajama-V2, news-please; then crawlers' markdown output
#: (html2text, crawl4ai, Firecrawl), read as text, which the boilerplate stage recognises as
#: markdown.
#: (``selftext``: a Reddit post's body, beside its ``title``; s31 acc-posts #4)
_TEXT_KEYS = ("text", "content", "raw_content", "maintext", "markdown", "selftext")
_TEXT_NAMES = ", ".join(f"'{k}'" for k in ("html", *_TEXT_KEYS))


def _bounded(value: str, limit: int, field: str, cut: dict[str, int]) -> str:
    """``value`` cut to ``limit`` characters (its length noted in ``cut`` under ``field``)."""
    if len(value) <= limit:
        return value
    cut[field] = len(value)
    return shortened(value, limit)


#: A byline written as a dump's authors string: its byline word, or a conjunction between
#: names, after a comma or not ("Ana Lima e Rui Costa, Maria Souza": s38 acc-read F3); a
#: one-letter one in small letters: a capital "E" or "Y" is a middle initial ("Mary E
#: Smith, John Doe" is two authors; s39 acc-read F1), where "AND" is an upper-case byline's
#: ("JANE DOE, JOHN ROE AND MARY POE" gave "John Roe And Mary Poe"; s40 acc-read F15)
_BYLINE_STRING = re.compile(
    r"^\s*(?i:by|von|par|por|di|door|av)\s|[,\s](?:(?i:and|und|et|en|och)|y|e|&)\s"
)


def _surname_first(before: str, after: str) -> bool:
    """Whether the parts of an author string around its one comma may be one name written
    surname first: a surname before it (one capitalised word, after particles in small
    letters: "Doe", "de Gaulle") or one word after it ("Doe, Jane", "De Niro, Robert")."""
    return len(after.split()) <= 1 or sum(not w.islower() for w in before.split()) == 1


def _names(value: Any, field: str = "", cut: dict[str, int] | None = None) -> list[str]:
    """A dump's list field (authors, tags): a list of strings, or one string of them
    separated by semicolons (trafilatura), commas or bars; empty for anything else. At most
    :data:`MAX_NAMES` names of :data:`MAX_NAME_CHARS` characters (how many were given
    noted in ``cut`` under ``field`` when more)."""
    if isinstance(value, str):
        sep = ";" if ";" in value else "," if "," in value else "|" if "|" in value else None
        if (
            sep == ","
            and field == "authors"
            and (
                (value.count(",") == 1 and _surname_first(*value.split(",")))
                or _BYLINE_STRING.search(value)
            )
        ):
            # (one comma may be a name's, written surname first: "Doe, Jane" and "Doe, Jane
            # Q." are one person, whom the metadata stage reads so, s36 acc-read F2, s38
            # acc-read F3; two names, "Jane Doe, John Smith", are two authors without that
            # stage too, s37 acc-read F19. A byline, "By Jane Doe, Staff Writer, and Tom Baxter,
            # Photographer", is the stage's to read: split at its commas, its roles and
            # "and Tom Baxter" were authors; s37 acc-read F21)
            sep = None
        value = value.split(sep) if sep else [value]
    if not isinstance(value, list):
        return []
    names = list(dict.fromkeys(v.strip() for v in value if isinstance(v, str) and v.strip()))
    if cut is not None and (len(names) > MAX_NAMES or any(len(n) > MAX_NAME_CHARS for n in names)):
        cut[field] = len(names)
        names = list(dict.fromkeys(shortened(n, MAX_NAME_CHARS) for n in names[:MAX_NAMES]))
    return names


#: Twitter's API time, "Wed Oct 10 20:19:24 +0000 2018"
_TWITTER_TIME = re.compile(r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d [+-]\d{4} \d{4}")


def _api_date(value: str) -> str:
    """A dump's date as the metadata stage reads it: Twitter's API form, which no page
    writes (its year at the end, after the offset), as ISO 8601; others as given."""
    if _TWITTER_TIME.fullmatch(value):
        with contextlib.suppress(ValueError):
            return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    return value


#: A post's text (s31 acc-posts #1, #12): at most this many characters (Twitter's 280,
#: Bluesky's 300, Mastodon's 500) ...
POST_MAX_CHARS = 500
#: ... on at most this many non-blank lines, one of them a sentence when there are several
#: (a dump's line of menu words, "Home\nNews\nContact", is a page's furniture, not a post)
POST_MAX_LINES = 4
_SENTENCE_END = re.compile(r"[.!?…。！？]\W*$")


def _is_post(text: str) -> bool:
    """Whether a dump's text has a post's shape: short, no page's structure: one line, or
    a few of which one reads as a sentence (four words or more, or an end of sentence), and
    not an article's brief, a headline over a byline or a date line ("Council approves
    budget / By Jane Doe / Published 12 November 2026 / The council ...")."""
    if len(text) > POST_MAX_CHARS:
        return False
    lines = [line for line in (x.strip() for x in text.split("\n")) if line]
    if not lines or len(lines) > POST_MAX_LINES:
        return False
    return len(lines) == 1 or (
        any(len(line.split()) >= 4 or _SENTENCE_END.search(line) for line in lines)
        and not _is_brief(lines)
    )


def _is_brief(lines: list[str]) -> bool:
    """Whether a short text's lines are an article's brief: a headline (its first line, no
    end of sentence) over a byline or a short line that holds a date, and more below."""
    if len(lines) < 3 or _SENTENCE_END.search(lines[0]):
        return False
    from .metadata.text import find_dates, short_byline

    head = lines[1:-1]
    return short_byline(head)[1] is not None or any(
        len(head[c["line"]].replace(c["text"], " ").split()) <= 3 for c in find_dates(head)
    )


#: Where a dump says its post is a repost of another (Twitter's ``retweeted_status``,
#: Mastodon's ``reblog``) or quotes one (Twitter's ``quoted_status``, ``quoted_status_id``;
#: Mastodon's ``quote``), read on a social post's row only (:func:`_social`): a ``quote``
#: field of a page's row, a pull quote, made it a quote post; s33 acc-read #4)
_REPOST_KEYS = ("retweeted_status", "reblog")
_QUOTE_KEYS = ("quoted_status", "quoted_status_id_str", "quoted_status_id", "quote")
#: A retweet written as such: "RT @user: <the original>"
_RT = re.compile(r"RT @(\w{1,50}):")


def _post_ref(value: Any) -> str | None:
    """The id (else the address) of a post a dump's field names: an object's ``id_str``,
    ``id``, ``url`` or ``uri``, or the field's own number or string of one word (an id,
    an address: a sentence is no post's reference)."""
    if isinstance(value, dict):
        for key in ("id_str", "id", "url", "uri"):
            if (ref := _post_ref(value.get(key))) is not None:
                return ref
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and len(words := value.split()) == 1:
        return words[0][:MAX_NAME_CHARS]
    return None


def _reposted(obj: dict[str, Any], body: str) -> tuple[str | None, str | None]:
    """What a dump's post reposts and what it quotes: the other post's id (else address;
    a retweet known only by its text, "RT @user: …", names "@user"), or None."""
    repost = next((r for k in _REPOST_KEYS if (r := _post_ref(obj.get(k))) is not None), None)
    if repost is None and (m := _RT.match(body.lstrip())) is not None:
        repost = "@" + m.group(1)
    quote = next((r for k in _QUOTE_KEYS if (r := _post_ref(obj.get(k))) is not None), None)
    return repost, quote


#: A dump's fields that a social platform's post has and a page's row has not: replies,
#: counts of likes, reposts and replies, threads (Twitter's API v1.1 and v2, Mastodon's,
#: Bluesky's, Reddit's, a Discourse forum's)
_POST_FIELDS = frozenset(
    (
        "retweeted_status", "reblog", "quoted_status", "quoted_status_id",
        "quoted_status_id_str", "is_quote_status", "in_reply_to_status_id",
        "in_reply_to_status_id_str", "in_reply_to_screen_name", "in_reply_to_id",
        "in_reply_to_account_id", "retweet_count", "favorite_count", "reply_count",
        "quote_count", "like_count", "likes_count", "repost_count", "reblogs_count",
        "favourites_count", "replies_count", "likeCount", "repostCount", "replyCount",
        "quoteCount", "public_metrics", "conversation_id", "spoiler_text", "subreddit",
        "subreddit_id", "post_number", "reply_to_post_number",
    )
)  # fmt: skip
#: A field naming the record's kind, and the kinds that are posts (Bluesky's
#: ``app.bsky.feed.post``, ActivityPub's ``Note``, Reddit's ``t1`` comment, ``t3`` link)
_KIND_KEYS = ("kind", "type", "$type", "post_type")
_POST_KINDS = frozenset(
    ("app.bsky.feed.post", "tweet", "toot", "reply", "comment", "note", "skeet", "t1", "t3")
)
#: A post's address on a platform: ``…/status/123`` (Twitter, X, Mastodon's
#: ``/users/x/statuses/123``), ``/@user/123`` (Mastodon), ``/@user/post/abc`` (Threads),
#: ``/profile/x/post/abc`` (Bluesky), ``/r/x/comments/abc`` (Reddit)
_POST_ADDRESS = re.compile(
    r"(?i)^[a-z][a-z0-9+.-]*://[^/?#]+/(?:.*/)?(?:status(?:es)?/\d+"
    r"|@[\w.-]+(?:@[\w.-]+)?/(?:\d+|post/\w+)|profile/[^/]+/post/\w+|r/\w+/comments/\w+)(?:[/?#]|$)"
)
#: A post's author in nested API objects: Twitter's ``user`` (``screen_name``, ``name``),
#: Mastodon's ``account`` (``acct``, ``display_name``), Bluesky's ``author`` (``handle``);
#: the handle first (a citation's), else the name shown
_AUTHOR_OBJECTS = ("user", "account", "author")
_HANDLES = ("screen_name", "acct", "username", "handle")
_HANDLE_KEYS = (*_HANDLES, "name", "display_name")


#: The references a social platform's API escapes a post's plain text with, and what they
#: stand for: a post holds what its writer typed, "&lt;b&gt;" a "<b>" typed
_POST_ESCAPES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_POST_ESCAPE = re.compile("|".join(_POST_ESCAPES))


def _social(obj: dict[str, Any], body: str, url: str | None) -> bool:
    """Whether a dump's record says it is a social platform's post (s33 acc-read #7: every
    short text was, a news dump's brief and a crawl's "enable JavaScript" row among them):
    a post's field (:data:`_POST_FIELDS`), an author object with a handle, a kind that is a
    post's, a post's address, a text "RT @user: …"; or, on a row with no address (a page's
    row gives its page's), the language tag a platform writes on every post, as a post's
    export stripped to its id and text has (``lang``, ``language``: :func:`_tags_language`).
    A row's creation time is no post's evidence: ``created_at`` is a post's time in social
    APIs, but datatrove/Dolma-style and scrapers' exports give it as when the row was
    stored (s34 acc-regress D1: their "Please enable JavaScript" rows were kept whole)."""
    if url is None:
        if _tags_language(obj):
            return True
    elif _POST_ADDRESS.match(url):
        return True
    if any(obj[key] is not None for key in _POST_FIELDS.intersection(obj)):
        return True
    for key in _AUTHOR_OBJECTS:
        if isinstance(who := obj.get(key), dict) and any(who.get(k) for k in _HANDLES):
            return True
    if any(
        isinstance(kind := obj.get(key), str) and kind.strip().lower() in _POST_KINDS
        for key in _KIND_KEYS
    ):
        return True
    return _RT.match(body.lstrip()) is not None


def _nested_author(obj: dict[str, Any]) -> str | None:
    """The handle (else the name) of a post's author object (see :data:`_AUTHOR_OBJECTS`)."""
    for key in _AUTHOR_OBJECTS:
        who = obj.get(key)
        if isinstance(who, dict):
            for k in _HANDLE_KEYS:
                v = who.get(k)
                if isinstance(v, str) and v.strip():
                    return v.strip()[:MAX_NAME_CHARS]
    return None


#: A post's language as the platform gave it (Twitter's ``lang``, Mastodon's ``language``),
#: a BCP 47 code: evidence the language stage weighs where its detector is unsure
_LANG_KEYS = ("lang", "language")
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


#: A language tag as a dump writes it: a code (``de``, ``pt-BR``, Twitter's ``und`` and
#: ``qme``), or a name (``English``, ``Português``)
_LANG_TAG = re.compile(r"[^\W\d_]{2,}(?:[-_ ][^\W_]+)*")


def _tags_language(obj: dict[str, Any]) -> bool:
    """Whether the record has a language tag of its own (``lang``, ``language``), whatever
    the tag says: Twitter writes ``und`` ("undetermined") on exactly the short, emoji-only
    and link-only posts (s34 acc-regress R4: such rows were dropped), and some exports write
    the language's name."""
    return any(
        isinstance(v := obj.get(key), str) and len(v) <= 40 and _LANG_TAG.fullmatch(v.strip())
        for key in _LANG_KEYS
    )


def _given_language(obj: dict[str, Any]) -> str | None:
    """The dump's language code of the record (``lang``, ``language``), or None (Twitter's
    ``und``, ``zxx``, ``qme``... say none)."""
    for key in _LANG_KEYS:
        v = obj.get(key)
        if isinstance(v, str) and _LANG_CODE.fullmatch(v.strip()):
            code = v.strip().replace("_", "-")
            if code.lower() not in ("und", "zxx", "mul") and not code.lower().startswith("q"):
                return code
    return None


def _text_of(obj: dict[str, Any]) -> str | None:
    """The first non-empty string of :data:`_TEXT_KEYS` in ``obj``."""
    for key in _TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


#: A Common Crawl crawl's name (``CC-MAIN-2024-10``), as a crawl dump's row gives it
_CC_CRAWL = re.compile(r"\bCC-MAIN-\d{4}-\d{2}\b")


def _names_crawl(where: Any) -> bool:
    """Whether a dump's object (a row, or its ``metadata`` object) names the Common Crawl
    crawl it was cut from (``dump``: ``CC-MAIN-2024-10``, ``file_path``:
    ``s3://commoncrawl/crawl-data/CC-MAIN-…``) or carries ``WARC-…`` keys, as FineWeb's and
    datatrove's rows do."""
    if not isinstance(where, dict):
        return False
    named = (where.get("dump"), where.get("file_path"), where.get("crawl"))
    return any(isinstance(v, str) and _CC_CRAWL.search(v) for v in named) or any(
        isinstance(k, str) and k.startswith("WARC-") for k in where
    )


def _crawl_row(obj: dict[str, Any]) -> bool:
    """Whether ``obj`` is a crawl dump's row (:func:`_names_crawl`, at the top or in its
    ``metadata`` object): ``annotations.source.crawl_row``, which the boilerplate stage
    reads (its text, when it reads as an extractor's, is cleaned at its edges only)."""
    return _names_crawl(obj) or _names_crawl(obj.get("metadata"))


def _crawl_row_date(obj: dict[str, Any]) -> Any:
    """The ``date`` of a crawl dump's row (:func:`_names_crawl`), at the top or in its
    ``metadata`` object; None for other rows. Such a ``date`` is the capture's (WARC-Date),
    not the page's publication: read as ``fetched_at`` (s52 acc-md M1: a FineWeb row's
    crawl time became ``published`` on every record)."""
    for where in (obj, obj.get("metadata")):
        if isinstance(where, dict) and _names_crawl(where) and where.get("date") not in ("", None):
            return where["date"]
    return None


def _field(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first of ``keys`` that ``obj`` (or its ``metadata`` object, or its ``source``
    object, as a corearchive record has: ``source.uri``, ``source.fetched_at``) has, not
    empty."""
    for where in (obj, obj.get("metadata"), obj.get("source")):
        if isinstance(where, dict):
            for k in keys:
                v = where.get(k)
                if v is not None and v != "":
                    return v
    return None


class JsonlSource(Source):
    """JSON Lines: one object per line with ``html`` or text (``text``, ``content``, …:
    :data:`_TEXT_KEYS`, ``markdown`` among them); optional
    ``url``, ``title``, a publication ``date`` and the capture time (``fetched_at``,
    ``timestamp``, …: :data:`_FETCH_KEYS`), also inside a ``metadata`` object as datatrove
    and Dolma write them. A JSON array of such objects, or objects spread over lines
    (pretty-printed), is read the same way (:func:`_read_json_document`)."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson", ".json")

    def sniff(self, head: bytes, item: InputItem) -> float:
        if (wide := _wide_codec(head)) is not None:
            head = _utf8_head(head, wide)
        lines = [ln.strip() for ln in head.removeprefix(codecs.BOM_UTF8).split(b"\n")]
        lines = [ln for ln in lines if ln][:5]
        if not lines:
            return 0.0
        if _is_object(lines[0]):
            return 0.9
        claimed = PurePath(item.name).suffix.lower() in self.suffixes
        kind = _json_document(head)
        if kind == "array":
            # a JSON array of objects (a .json dump); of anything else, if named so
            start = head.removeprefix(codecs.BOM_UTF8).lstrip()
            return 0.9 if _OBJECT_ARRAY.match(start) else 0.3 * claimed
        if kind == "values":
            # a pretty-printed object ("{" alone, then '"key": value' lines)
            later = len(lines) > 1 and lines[1].startswith((b'"', b"}"))
            return 0.6 if later or claimed else 0.05
        if document_format(lines[0]) is not None:
            return 0.0  # (RTF starts with a brace too: the text source names it)
        later = any(_is_object(ln) for ln in lines[1:])
        if len(lines) == 1 and _OBJECT_KEY_START.match(lines[0]):
            # One line longer than the head, opened as an object with a key: a dump of
            # pages, each line ~10-100 KB of HTML. The tags in the head (the HTML source's
            # 0.6) made the whole dump one HTML document (s31 acc-recrawl #1).
            return 0.9 if claimed else 0.8
        if lines[0].startswith(b"{"):
            # A long first line cut off by the head, or a bad first line: still JSON-like
            # if it is all there is or a later line holds an object.
            if len(lines) == 1 or later:
                return 0.5
            return 0.3 if claimed else 0.05
        return 0.3 if claimed and later else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        kind = None
        head = item.head()
        # UTF-16 or UTF-32 (PowerShell's ``>`` writes UTF-16): read as the UTF-8 it holds
        wide = _wide_codec(head)
        if item.resume is not None and len(item.resume) == 4:
            kind = item.resume[3]  # (a JSON document's position: see _read_json_document)
        elif item.resume is None:
            utf8 = _utf8_head(head, wide) if wide is not None else head
            kind = _json_document(utf8)
            if kind == "array" and not _OBJECT_ARRAY.match(
                utf8.removeprefix(codecs.BOM_UTF8).lstrip()
            ):
                kind = None  # (a JSONL file whose first line is an array: an error of its own)
        try:
            stream = item.open()
        except OSError as exc:
            yield Failure(f"unreadable file: {exc}")
            return
        if kind is not None:
            yield from _read_json_document(item, stream, kind, wide)
            return
        if wide is not None:
            # (resume positions are then offsets in the UTF-8, read past: not seekable)
            stream = io.BufferedReader(_Utf8Reader(stream, wide), _JSON_CHUNK)
        lines = n = at = 0  # (at: the offset of the next line)
        skip = False
        encoding = _FileEncoding(item)
        try:
            with stream:
                if item.resume is not None:
                    # resumable: the position is the start and number of the line that gave
                    # the last result, which is read again and skipped
                    at, n = item.resume
                    n, skip, lines = n - 1, True, 1
                    _advance(stream, at)
                for size, line in _lines(stream):
                    n += 1
                    start, at = at, at + size
                    if skip:
                        skip = False
                        continue
                    if line is None:
                        lines += 1
                        item.position = [start, n]
                        yield Failure(_TOO_LARGE.format("a line"), f"line {n}")
                    elif line.strip():
                        lines += 1
                        item.position = [start, n]
                        doc = self._line(item, n, line, encoding)
                        if wide is not None and isinstance(doc, Document):
                            doc.annotations["source"]["encoding"] = wide
                        yield doc
        except (EOFError, zlib.error, OSError) as exc:
            item.position = None  # (the end: no resuming after it)
            yield Failure(f"{item.damaged} after line {n}: {exc}", f"line {n + 1}", lasting(exc))
            return
        if lines == 0:
            yield Failure("empty input")

    @staticmethod
    def _line(
        item: InputItem, n: int, line: bytes, encoding: _FileEncoding | None = None
    ) -> Document | Failure:
        where = f"line {n}"
        # (a byte-order mark at the start of any line: dumps that each start with one,
        # joined by cat; no JSON text starts with U+FEFF)
        raw = line.rstrip(b"\r\n").removeprefix(codecs.BOM_UTF8)
        source: dict[str, Any] = {"line": n}
        try:
            # orjson: ~3 times faster; it refuses what the standard library takes (bytes
            # that are not UTF-8, read in the file's encoding; lone surrogate escapes; NaN;
            # integers beyond 64 bits), which then goes the standard library's way.
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            text, enc = _line_text(raw, encoding or _FileEncoding(item))
            if enc != "utf-8":
                source["encoding"] = enc
                if not enc.startswith("utf"):
                    source["encoding_by"] = "guessed"
            try:
                obj = _without_surrogates(json.loads(text))
            except ValueError as exc:
                return Failure(f"invalid JSON: {exc}", where, lasting=True)
            except RecursionError:  # (it lost the rest of the file)
                return Failure(
                    "invalid JSON: arrays or objects nested too deeply", where, lasting=True
                )
        if not isinstance(obj, dict):
            return Failure("a line must hold a JSON object", where, lasting=True)
        return _object_doc(item, obj, raw, "jsonl", f"L{n}", where, source)


def _json_document(head: bytes) -> Literal["array", "values"] | None:
    """What a JSON file that is not JSON Lines holds, told from its head: ``array`` (it
    starts with ``[``: a JSON array, a .json dump), ``values`` (an object spread over lines,
    pretty-printed: its first line is ``{`` or ends inside it, and maybe more after it), or
    None (JSON Lines)."""
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if start.startswith(b"["):
        return "array"
    if start.startswith(b"{"):
        if b"\r" in start and b"\n" not in start:
            # lines ended by CR alone (classic Mac OS; no JSON string holds a raw CR): its
            # objects are read one after another, as pretty-printed ones are (they were one
            # "line", an error, and every object in it lost)
            return "values"
        first, _, rest = start.partition(b"\n")
        first, rest = first.strip(), rest.lstrip()
        if first == b"{":
            return "values"
        # (a JSONL file whose first line is cut short goes on with a line of its own: "{")
        if first.endswith((b",", b"{", b"[", b":")) and rest.startswith((b'"', b"}", b"]")):
            return None if _is_object(first) else "values"
    return None


#: The start of a JSON object with its first key (``{"url": ``)
_OBJECT_KEY_START = re.compile(rb'\{\s*"(?:[^"\\\n]|\\.){0,256}"\s*:')
#: The start of a JSON array of objects (or of an empty one)
_OBJECT_ARRAY = re.compile(rb"\[\s*(\{|\]\s*$)")


#: Characters read between JSON values (white space, a byte-order mark)
_JSON_SPACE = re.compile(r"[ \t\r\n\ufeff]*")
#: Bytes read at a time from a JSON document (then as much again as a value needs)
_JSON_CHUNK = 1 << 20


def _read_json_document(
    item: InputItem, stream: Any, kind: Literal["array", "values"], wide: str | None = None
) -> Iterator[Document | Failure]:
    """The documents of a JSON file that is not JSON Lines: each object of a JSON array, or
    each object of a file of (pretty-printed) objects, read as a JSONL line is (the same
    fields), ``element N`` (from 0) in place of the line, ``EN`` its locator. Read a value at
    a time (memory holds one value and a chunk of the file, whatever its size), with the
    standard library's decoder. Resumable in UTF-8 (the staged plan's tasks of a big one
    start at their first value): a position is ``[byte, chars, index, kind]``, a byte where
    the decoding can start afresh, the characters from there to the value, its index."""
    encoding = _FileEncoding(item)
    head = item.head(1 << 16)
    cut = head.rfind(b"\n")
    try:
        if wide is not None:  # (a UTF-16 or UTF-32 file, told by the caller)
            codec, errors = wide, "replace"
        else:
            (head[: cut + 1] if 0 < cut < len(head) - 1 else head).decode("utf-8")
            codec, errors = "utf-8", "corearchive-stray-cp1252"
    except UnicodeDecodeError:
        codec = encoding.get().removesuffix("?").removesuffix("-sig")
        errors = "corearchive-stray-cp1252" if codec == "utf-8" else "replace"
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors=errors)
    except LookupError:
        codec, errors = "utf-8", "replace"
        decoder = codecs.getincrementaldecoder(codec)(errors=errors)
    source: dict[str, Any] = {} if codec == "utf-8" else {"encoding": codec}
    what = "element" if kind == "array" else "value"
    # (a position only where a fresh decoder reads on as this one does: UTF-8)
    resumable = codec == "utf-8" and wide is None
    resume = item.resume[:3] if item.resume is not None and resumable else None
    if item.resume is not None and resume is None:
        return  # (not one this reading gives: cannot be)
    n = 0
    with stream:
        try:
            for index, value, text, at in _json_values(stream, decoder, kind, resume):
                n += 1
                item.position = [*at, kind] if resumable and at is not None else None
                where = f"{what} {index}"
                if isinstance(value, Failure):
                    error = value.error
                    if error.startswith("invalid JSON"):
                        # (the last value: JSON cannot be read on past an error, and the
                        # documents after it were lost without a word)
                        error += "; reading stopped here: what follows in the file is not read"
                    yield Failure(error, value.where or where)
                elif not isinstance(value, dict):
                    yield Failure(f"a JSON {what} must be an object (a document)", where)
                else:
                    # (a UTF-16 or UTF-32 file's value as UTF-8, as its JSON Lines are)
                    raw = text.encode(codec if wide is None else "utf-8", errors="replace")
                    obj = _without_surrogates(value)
                    yield _object_doc(
                        item, obj, raw, "jsonl", f"E{index}", where, {"element": index, **source}
                    )
        except (EOFError, zlib.error, OSError) as exc:
            item.position = None  # (the end: no resuming after it)
            yield Failure(f"{item.damaged} after {what} {n}: {exc}", f"{what} {n}")
            return
    item.position = None
    if n == 0 and resume is None:
        yield Failure("empty input (an empty JSON array)" if kind == "array" else "empty input")


def _json_values(
    stream: Any,
    decoder: codecs.IncrementalDecoder,
    kind: Literal["array", "values"],
    resume: list[int] | None = None,
) -> Iterator[tuple[int, Any, str, list[int] | None]]:
    """``(index, value, its text, its position)`` for each value of a JSON array (``kind``
    ``array``) or of a file of JSON values one after another (``values``); a
    :class:`Failure` as the value where the JSON breaks (the last: after it nothing can be
    told apart). A position is ``[byte, chars, index]``: ``byte`` a stream offset where
    ``decoder`` held no part of a character, ``chars`` the characters decoded from there to
    the value. With ``resume`` (a position), reading starts at that value, which is read
    past, not handed out."""
    json_decoder = json.JSONDecoder()
    buf, pos, eof = "", 0, False
    read = dropped = 0  # bytes read; characters dropped from the front of buf
    #: (byte, character) offsets where the decoder started on a chunk with nothing held
    anchors: deque[tuple[int, int]] = deque()
    if resume is not None:
        _advance(stream, resume[0])
        read = resume[0]

    def more(size: int) -> bool:
        nonlocal buf, eof, read
        if eof:
            return False
        if not decoder.getstate()[0]:
            anchors.append((read, dropped + len(buf)))
        chunk = stream.read(size)
        read += len(chunk)
        buf += decoder.decode(chunk, final=not chunk)
        eof = not chunk
        return True

    def space() -> None:
        nonlocal pos
        while True:
            pos = _JSON_SPACE.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf) or not more(_JSON_CHUNK):
                return

    def position(index: int, start: int) -> list[int] | None:
        at = dropped + start
        while len(anchors) > 1 and anchors[1][1] <= at:
            anchors.popleft()
        return [anchors[0][0], at - anchors[0][1], index] if anchors else None

    what = "element" if kind == "array" else "value"
    index, skip, comma = 0, False, False
    if resume is None:
        space()
        if kind == "array":
            pos += 1  # (the "[" the file starts with)
    else:
        while len(buf) < resume[1] and more(_JSON_CHUNK):
            pass
        pos, index, skip = resume[1], resume[2], True
    while True:
        if pos > _JSON_CHUNK:  # (what was read before this value goes)
            buf, pos, dropped = buf[pos:], 0, dropped + pos
        space()
        if pos >= len(buf):
            if kind == "array":
                failure = Failure("the JSON array ends before its closing ']': cut short?")
                yield index, failure, "", None
            return
        if kind == "array":
            if buf[pos] == "]":
                pos += 1
                space()
                if pos < len(buf):
                    failure = Failure("data after the JSON array's closing ']': not read")
                    yield index, failure, "", None
                return
            if comma:
                if buf[pos] != ",":
                    failure = Failure(f"invalid JSON after {what} {index - 1}: expected ',' or ']'")
                    yield index, failure, "", None
                    return
                pos += 1
                space()
        start = pos
        while True:
            try:
                value, end = json_decoder.raw_decode(buf, start)
            except json.JSONDecodeError as exc:
                # (the value may go on in the bytes not read yet: as much again is read)
                if len(buf) - start <= MAX_FILE_BYTES and more(max(_JSON_CHUNK, len(buf) - start)):
                    continue
                yield (
                    index,
                    Failure(f"invalid JSON (or a {what} of over 64 MB): {exc.msg}"),
                    "",
                    None,
                )
                return
            except RecursionError:
                failure = Failure("invalid JSON: arrays or objects nested too deeply")
                yield index, failure, "", None
                return
            if end == len(buf) and more(_JSON_CHUNK):
                continue  # (a number may go on past the chunk)
            break
        if skip:
            skip = False
        elif end - start > MAX_FILE_BYTES:
            yield index, Failure(_TOO_LARGE.format(f"a {what}")), "", position(index, start)
        else:
            yield index, value, buf[start:end], position(index, start)
        pos, comma = end, True
        index += 1


def _wide_codec(head: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` (with a byte-order mark), ``utf-16-le`` or ``utf-16-be``
    (mostly-Latin text without one) for the head of a file in one of them, else None."""
    for bom, enc in _BOMS:
        if enc != "utf-8-sig" and head.startswith(bom):
            return enc
    if b"\x00" in head[:4096]:
        return _utf16_without_bom(head)
    return None


def _utf8_head(head: bytes, codec: str) -> bytes:
    """The head of a file in ``codec`` as UTF-8 (the character cut at its end dropped)."""
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(head)
    return text.lstrip("\ufeff").encode("utf-8")


class _Utf8Reader(io.RawIOBase):
    """A byte stream of text in ``codec`` (UTF-16, UTF-32) read as UTF-8, a chunk at a
    time; what the codec cannot decode (a lone surrogate, a cut character) becomes U+FFFD,
    and the byte-order mark goes."""

    def __init__(self, raw: Any, codec: str) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self.buf = b""
        self.eof = False
        self.first = True

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self.buf and not self.eof:
            chunk = self.raw.read(_JSON_CHUNK)
            self.eof = not chunk
            text = self.decoder.decode(chunk, final=self.eof)
            if self.first and text:
                text, self.first = text.removeprefix("\ufeff"), False
            self.buf = text.encode("utf-8")
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        return n

    def close(self) -> None:
        self.raw.close()
        super().close()


class _FileEncoding:
    """The encoding of a JSONL file, told from its head (up to 256 KB) when a line first
    needs it: the same for every line of the file, whichever line a task starts at."""

    def __init__(self, item: InputItem) -> None:
        self.item = item
        self.value: str | None = None

    def get(self) -> str:
        if self.value is None:
            head = self.item.head(1 << 18)
            if (cut := head.rfind(b"\n")) > 0:
                head = head[: cut + 1]  # (not a character cut in two)
            try:
                # (lines of UTF-8 and of another encoding: the other's, for the lines that
                # are not UTF-8)
                self.value = decode_text(_string_bytes(head))[1].removeprefix("utf-8+")
            except NotText:
                self.value = "utf-8?"
        return self.value


def _string_bytes(data: bytes) -> bytes:
    """The bytes of the strings in JSON lines of unknown encoding (read as Latin-1, which
    keeps every byte, escapes undone), one per line: what an encoding is told from. The JSON
    around them (keys, escaped line breaks) misled the detector (Windows-1251 taken for
    KOI8-R)."""
    parts: list[bytes] = []
    for line in data.splitlines():
        try:
            obj = json.loads(line.decode("latin-1"))
        except (ValueError, RecursionError):
            parts.append(line)
            continue
        parts.extend(v.encode("latin-1", errors="ignore") for v in _strings(obj))
    return b"\n".join(parts)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _line_text(raw: bytes, encoding: _FileEncoding) -> tuple[str, str]:
    """A JSONL line as text, and its encoding: UTF-8; else the file's (a Windows-1252 or
    Latin-1 dump from a legacy exporter: its accented letters were all U+FFFD), bytes it
    does not define replaced; in a UTF-8 file, UTF-8 with stray Windows-1252 letters and
    signs read as such (as in a text file), other bad bytes replaced: a line is never lost
    to its bytes."""
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    enc = encoding.get()
    if enc not in ("utf-8", "utf-8-sig", "utf-8?"):
        try:
            return raw.decode(enc, errors="replace"), enc
        except LookupError:
            pass
    text = raw.decode("utf-8", errors="corearchive-stray-cp1252")
    if text.count("\ufffd") * 20 > len(text):
        # not a stray byte or two: a line in another legacy encoding inside a UTF-8 dump
        # (a Windows-1251 line was kept as a record of U+FFFD): told from the line itself
        line_enc = _detect(_string_bytes(raw) or raw)
        if line_enc is not None:
            try:
                return raw.decode(line_enc, errors="replace"), line_enc
            except LookupError:
                pass
    return text, "utf-8?"


def _object_doc(
    item: InputItem,
    obj: dict[str, Any],
    raw: bytes,
    fmt: Literal["jsonl", "parquet", "warc"],
    locator: str,
    where: str,
    source: dict[str, Any],
    default_uri: str | None = None,
    **warc: Any,
) -> Document | Failure:
    """The document of one record of a dump (a JSONL line, a Parquet row, a WARC resource
    record holding one, as corearchive archives a line: ``warc`` gives its record id and
    headers): its page (html, else text), address (else ``default_uri``, else the input's
    with the locator), capture time, title and stated date, under the names dumps use."""
    html = obj.get("html")
    is_html = isinstance(html, str) and bool(html.strip())
    body = html if is_html else _text_of(obj)
    if body is None:
        what = "row" if fmt == "parquet" else "object"
        return Failure(f"the {what} has no non-empty {_TEXT_NAMES} string", where)
    if not is_html and _text_starts_as_html(body):
        # a whole page kept under a text field ("content" holds HTML in some dumps)
        is_html = True
        source = {**source, "read_as": "html"}
    elif not is_html and _text_is_html_fragment(body) and (shown := fragment_text(body)):
        # an HTML fragment under a text field (Mastodon's API "content": "<p>…</p>"): its
        # visible text, not its markup, is the document's (s31 acc-posts #5). (A fragment
        # is no page: there is no furniture for the HTML path to find, and its text is
        # the post's whole)
        body = shown
        source = {**source, "read_as": "fragment"}
    url = _field(obj, _URL_KEYS)
    if url is None and isinstance(src := obj.get("source"), str) and src.startswith("http"):
        url = src  # (trafilatura's JSON: "source" is the page's address; Dolma's names a set)
    url = (url.strip() or None) if isinstance(url, str) else None
    if not is_html and _social(obj, body, url):
        # a post of a social-media dump (s31 acc-posts): short, its text its whole
        # content; a repost or a quote of another post (dedup: not its original). Read
        # back from the archive's resource record too: the line is the same, and so is
        # the post (s36 acc-regress O1: reprocessed, every post was no_content)
        if _is_post(body):
            source = {**source, "post": True}
        if "read_as" not in source:
            # (a post's plain text as its API gives it: "&", "<" and ">" escaped, in
            # Twitter's and Reddit's, "March 5 &amp; 6" in the record; s37 acc-regress O6)
            body = _POST_ESCAPE.sub(lambda m: _POST_ESCAPES[m[0]], body)
        repost, quote = _reposted(obj, body)
        if repost is not None:
            source = {**source, "repost_of": repost}
        if quote is not None:
            source = {**source, "quote_of": quote}
    uri = url or default_uri or f"{item.uri}#{locator}"
    crawl = _crawl_row(obj)  # (a crawl dump's row: its date and its text read apart)
    crawl_date = _crawl_row_date(obj) if crawl else None
    doc = Document.create(
        raw=raw,
        text=body,
        uri=uri,
        path=item.path,
        format=fmt,
        locator=locator,
        is_html=is_html,
        content_type="text/html" if is_html else "text/plain",
        fetched_at=capture_time(fetched := _field(obj, _FETCH_KEYS) or crawl_date),
        **warc,
    )
    given: dict[str, Any] = {}
    if doc.source.fetched_at and (local := _capture_offset(fetched)) is not None:
        # the capture time in its own offset (fetched_at is in UTC): the metadata stage
        # reads "today" and "3 hours ago" on the capture's own clock
        given["fetched_at"] = local
    cut: dict[str, int] = {}  # (what was cut to its bound: the size given)
    fields = {name: _field(obj, keys) for name, keys in _FIELD_KEYS.items()}
    if crawl_date is not None and fields["date"] is crawl_date:
        # (a crawl dump's "date" is its capture time, read above: the publication date is
        # one of the other keys, if any)
        fields["date"] = _field(obj, tuple(k for k in _FIELD_KEYS["date"] if k != "date"))
    title = fields["title"]
    if isinstance(title, str) and title.strip():
        doc.title = given["title"] = _bounded(title.strip(), MAX_TITLE_CHARS, "title", cut)
    if authors := _names(fields["authors"], "authors", cut):
        doc.authors = given["authors"] = authors
    elif (handle := _nested_author(obj)) is not None:
        # a post's author in its API's object (s31 acc-posts #7: user.screen_name,
        # account.acct were not read; the record had no author)
        doc.authors = given["authors"] = [handle]
    if (lang := _given_language(obj)) is not None:
        given["language"] = lang
    if tags := _names(fields["tags"], "tags", cut):
        doc.tags = given["tags"] = tags
    if categories := _names(fields["categories"], "categories", cut):
        given["categories"] = categories
    site = fields["site_name"]
    if isinstance(site, str) and site.strip():
        doc.site_name = given["site_name"] = _bounded(
            site.strip(), MAX_NAME_CHARS, "site_name", cut
        )
    if cut:
        # (a 1 MB title and 100,000 authors went into the record as given: a search index
        # refuses such a field, or the whole record; the dict grows with the id and the
        # fields passed through below)
        source = {**source, "cut": cut}
    published = fields["date"]
    date_key = "date"
    if published is None and (published := _field(obj, _CREATED_KEYS)) is not None:
        # (a row's creation time, created_at / created_utc, when no date key is given: a
        # post's time in a social dump, but in a scraper's database export the time the
        # row was stored; it yields to the page's own date: s32 regression tester #8. A
        # top-level created_at was read before metadata.date, as the date: s33 acc-read #17)
        date_key = "created"
        fields["date"] = published  # (named in "ignored" when of a form not read)
    if isinstance(published, datetime | date):
        published = published.isoformat()
    elif (
        isinstance(published, int | float)
        and not isinstance(published, bool)
        and (not isinstance(published, float) or math.isfinite(published))
    ):
        # (seconds since 1970, or a CDX stamp as a number; NaN, Infinity or 1e400, which
        # the JSON reader takes, is no date: named under "ignored", as a date of another
        # type is. int() raised for the line, and the whole file was lost: s32 acc-read #9)
        published = str(int(published))
    if isinstance(published, str) and published.strip():
        given[date_key] = _api_date(published.strip())
    # a field given in a form not read (a number for a title, an object for the authors)
    # is named with its JSON type: the record says why it lacks what the dump seemed to hold
    if ignored := {
        name: _json_type(value)
        for name, value in fields.items()
        if value is not None
        and name not in given
        and not (name == "date" and "created" in given)
        and not _blank(value)
    }:
        source = {**source, "ignored": ignored}
    if (status := _http_status(obj)) is not None:
        source = {**source, "http_status": status}  # (the run drops it: fetch_failed)
    if not is_html and crawl:
        source = {**source, "crawl_row": True}
    input_id = obj.get("id")
    if input_id is None and isinstance(meta := obj.get("metadata"), dict):
        input_id = meta.get("id")  # (a "metadata" object's: left out of what passes on)
    if isinstance(input_id, int | float) and not isinstance(input_id, bool):
        input_id = str(input_id) if math.isfinite(input_id) else None
    elif input_id is not None and not isinstance(input_id, str):
        # (true, an object: named as the other fields not read are; s31 acc-regress #8)
        source = {**source, "ignored": {**source.get("ignored", {}), "id": _json_type(input_id)}}
        input_id = None
    if isinstance(input_id, str) and input_id.strip():
        # the dump's own id (datatrove, Dolma, RedPajama: "crawl-2024-000123"): a training
        # sample traced back to its crawl (s30 corpus tester F3)
        source = {**source, "input_id": _bounded(input_id.strip(), MAX_NAME_CHARS, "id", cut)}
    if passed := _passed_fields(obj, cut):
        source = {**source, "input_metadata": passed}
    if cut and "cut" not in source:
        source = {**source, "cut": cut}
    doc.annotations["source"] = {**source, "given": given}
    if is_html and (note := redirect_note(body, uri)) is not None:
        # (a page that only redirects, as a file's or a WARC record's: the run drops it,
        # fetch_failed; a dump's was kept as a record "Redirecting…", s41 acc-regress D2)
        doc.annotations["source"]["not_a_page"] = note
    return doc


#: A dump's HTTP status of the capture, under the names crawlers write it
_STATUS_KEYS = ("status", "status_code", "http_status", "statusCode")


#: The objects in which crawlers' dumps give the capture's status: Firecrawl's
#: ``metadata.statusCode``, Apify's ``crawl.httpStatusCode`` (s32 regression tester #3)
_STATUS_HOLDERS = (("metadata", ("statusCode", "status_code")), ("crawl", ("httpStatusCode",)))


def _http_status(obj: dict[str, Any]) -> int | None:
    """The capture's HTTP status when the dump says it was an error (4xx, 5xx: a number or
    three digits; a CMS's ``"status": "published"`` is no HTTP status), at the top or in a
    crawler's object of :data:`_STATUS_HOLDERS`, else None."""
    found = [obj.get(key) for key in _STATUS_KEYS]
    for name, keys in _STATUS_HOLDERS:
        if isinstance(inner := obj.get(name), dict):
            found += [inner.get(key) for key in keys]
    for value in found:
        if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 3:
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 400 <= value <= 599:
            return value
    return None


#: The keys of a dump's object that are read into the document (its page, address, capture
#: time, title, names, date, id): the others pass through to ``input_metadata``.
_READ_KEYS = frozenset(
    (
        "id",
        "html",
        *_TEXT_KEYS,
        *_URL_KEYS,
        *_FETCH_KEYS,
        *_CREATED_KEYS,
        *chain.from_iterable(_FIELD_KEYS.values()),
    )
)
#: A corearchive record's own keys (its records.jsonl read as a dump): no input metadata
_RECORD_KEYS = frozenset(("source", "annotations", "archive", "pipeline", "duplicate", "language"))
#: The bound of the fields passed through: their JSON's bytes (a field past it is left out,
#: its size in ``annotations.source.cut`` as ``input_metadata.NAME``).
_MAX_PASSED_BYTES = 16384


def _passed_fields(obj: dict[str, Any], cut: dict[str, int]) -> dict[str, Any]:
    """The fields of a dump's object that the document does not read (``meta.crawl``, a
    quality score, a dataset name), as JSON, credentials hidden (:func:`redact_value`), at
    most :data:`_MAX_PASSED_BYTES` of them in their order; of its ``metadata`` object (as
    datatrove and Dolma write), the fields not read. A corearchive record read as a dump
    passes nothing of its own (its ``source``, ``annotations``, ...)."""
    ours = isinstance(obj.get("source"), dict) and "annotations" in obj
    out: dict[str, Any] = {}
    size = 0
    for key, value in obj.items():
        if key in _READ_KEYS or value is None or (ours and key in _RECORD_KEYS):
            continue
        if key == "metadata" and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k not in _READ_KEYS and v is not None}
            if not value:
                continue
        if key == "source" and isinstance(value, str) and value.startswith("http"):
            continue  # (trafilatura's "source": the page's address, read as such)
        try:
            data = orjson.dumps(redact_value(value, str(key)), default=str,
                                option=orjson.OPT_NON_STR_KEYS)  # fmt: skip
        except (TypeError, orjson.JSONEncodeError):
            continue
        if size + len(data) + len(str(key)) > _MAX_PASSED_BYTES:
            cut[f"input_metadata.{key}"] = len(data)
            continue
        size += len(data) + len(str(key))
        out[str(key)] = orjson.loads(data)
    return out


def _capture_offset(value: Any) -> str | None:
    """A dump's capture time as written (ISO 8601) when it has an offset other than UTC's
    ("2026-11-24T00:30:00+05:30"), else None."""
    try:
        if isinstance(value, str):
            when = datetime.fromisoformat(value.strip())
        elif isinstance(value, datetime):
            when = value
        else:
            return None
        off = when.utcoffset()
        if off is None or not off:
            return None
        return when.isoformat()
    except (ValueError, OverflowError):
        return None


def _blank(value: Any) -> bool:
    """Whether a dump's field holds nothing: a blank string, an empty list or object."""
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | dict) and not value


def _json_type(value: Any) -> str:
    """The JSON type name of a decoded value (Parquet's dates and times named as such)."""
    for kind, name in ((bool, "boolean"), (int | float, "number"), (str, "string")):
        if isinstance(value, kind):
            return name
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


class ParquetSource(Source):
    """Parquet files (the form of most dumps on the Hugging Face hub: FineWeb, C4,
    RedPajama): one document per row, its columns read as a JSONL object's fields (the
    text under :data:`_TEXT_KEYS` or ``html``, the address, capture time, title and date,
    also inside a ``metadata`` struct). Read a batch of rows at a time; needs pyarrow
    (``pip install "corearchive[parquet]"``), imported only for a Parquet input."""

    name = "parquet"
    suffixes = (".parquet",)
    #: Rows converted at a time (memory holds one batch, whatever the file's size)
    BATCH = 1024

    def sniff(self, head: bytes, item: InputItem) -> float:
        return 1.0 if head.startswith(b"PAR1") else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            yield Failure('Parquet input needs pyarrow: pip install "corearchive[parquet]"')
            return
        try:
            # (a Parquet file is read from its end: a compressed one is decompressed into
            # a temporary file first)
            stream: Any = _decompressed_copy(item) if item.compressed else item.open_raw()
        except (EOFError, zlib.error, OSError) as exc:
            yield Failure(f"{item.damaged}: {_one_line(exc)}")
            return
        n = skip = 0
        with stream:
            try:
                pf = pq.ParquetFile(stream)
                groups = None
                if item.resume is not None:
                    # resumable: the position is the number of the row that gave the last
                    # result; reading starts at the row group holding the next one
                    (n,) = item.resume
                    first, skip = 0, n
                    while first < pf.num_row_groups and skip >= (
                        rows := pf.metadata.row_group(first).num_rows
                    ):
                        first, skip = first + 1, skip - rows
                    groups = list(range(first, pf.num_row_groups))
                batches = pf.iter_batches(batch_size=self.BATCH, row_groups=groups)
            except Exception as exc:  # pyarrow's errors for a file that is no Parquet
                yield Failure(f"not a readable Parquet file: {_one_line(exc)}")
                return
            try:
                for batch in batches:
                    if skip:
                        if skip >= batch.num_rows:
                            skip -= batch.num_rows
                            continue
                        batch, skip = batch.slice(skip), 0
                    for row in _rows(batch):
                        n += 1
                        raw = orjson.dumps(row, default=str, option=orjson.OPT_NON_STR_KEYS)
                        item.position = [n]
                        yield _object_doc(
                            item, row, raw, "parquet", f"R{n}", f"row {n}", {"row": n}
                        )
            except Exception as exc:  # a damaged row group or page
                item.position = None  # (the end: no resuming after it)
                yield Failure(
                    f"broken Parquet file after row {n}: {_one_line(exc)}", f"row {n + 1}"
                )
                return
        if n == 0:
            yield Failure("empty input (no rows)")


def _rows(batch: Any) -> list[dict[str, Any]]:
    """A record batch's rows as dicts. A value that Python cannot hold (a timestamp past the
    year 9999: OverflowError) failed the whole batch and lost the rest of the file; such a
    column is converted value by value, and a value that does not convert is given as Arrow
    writes it ("10000-01-01 00:00:00.000"; None if Arrow cannot either)."""
    try:
        rows: list[dict[str, Any]] = batch.to_pylist()
        return rows
    except (OverflowError, ValueError):
        pass
    import pyarrow as pa

    columns: dict[str, list[Any]] = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        try:
            columns[name] = column.to_pylist()
            continue
        except (OverflowError, ValueError):
            pass
        values = []
        for i in range(len(column)):
            try:
                values.append(column[i].as_py())
            except (OverflowError, ValueError):
                try:
                    values.append(column.slice(i, 1).cast(pa.string())[0].as_py())
                except Exception:  # (pyarrow's own errors: no text for it either)
                    values.append(None)
        columns[name] = values
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


def _decompressed_copy(item: InputItem) -> BinaryIO:
    """The item's content in an anonymous temporary file (gone when closed), at its start."""
    copy = tempfile.TemporaryFile()  # noqa: SIM115 (the caller's, closed by it)
    try:
        with item.open() as content:
            shutil.copyfileobj(content, copy, 1 << 20)
        copy.seek(0)
    except BaseException:
        copy.close()
        raise
    return copy


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates (``"\\ud800"`` escapes, which JSON allows and UTF-8
    cannot encode) replaced by U+FFFD, as the bytes that are not UTF-8 are: no later step
    could write them."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


#: Bytes before the "{" of a JSON object: white space, and the byte-order marks and NULs of
#: UTF-8/16/32 (json.loads reads all three)
_BEFORE_JSON = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"


def _is_object(line: bytes) -> bool:
    if not line.lstrip(_BEFORE_JSON).startswith(b"{"):
        # (no JSON object in any encoding json.loads reads: the parsers' failures cost
        # ~25 µs a line, on five lines of every HTML page and text file sniffed)
        return False
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        try:
            return isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):  # (one deep line failed the whole input)
            return False


#: Payload media types read as documents; other payloads (images, scripts, style sheets, …)
#: are skipped and counted.
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_DOC_TYPES = (*_HTML_TYPES, *_TEXT_TYPES)


#: What reading a broken or truncated WARC raises (other exceptions from warcio are its own
#: failures on malformed record headers).
_WARC_READ_ERRORS = (ArchiveLoadFailed, EOFError, zlib.error, OSError)


#: A record followed by other bytes than the blank lines that end it
_STRAY = (
    "bytes after record {n} where the next record should start: its Content-Length is"
    " likely wrong (the record was read to the length it states)"
)


class _RecordLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, but a record without WARC-Target-URI has its HTTP head read
    as if its address were http: warcio fails on it (``None.startswith``) inside its
    iterator, which cannot go on after that, and every record behind it was lost. (The
    record's URI is then the input's, with the record id.)"""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        uri = "http:" if uri is None else uri
        if (
            rec_type not in ("response", "revisit")
            or length == 0
            or not uri.startswith(self.HTTP_SCHEMES)
        ):
            return super().load_http_headers(rec_type, uri, stream, length)
        # A response's block that does not start with an HTTP status line is no HTTP
        # message (some scrapers write the page itself there): warcio read its first lines
        # as headers, up to a blank line, and the page was lost. Its first line is kept for
        # the source (_Headless), which reads the block as the WARC Content-Type says.
        first = stream.readline()
        if not first or _STATUS_LINE.match(first):
            taking = _Taking(stream)
            http = self.http_parser.parse(taking, full_statusline=first)
            # the head's bytes as captured (line ends, spacing, folded lines): the
            # archive's copy of the record is these bytes, not warcio's re-serialising
            http.raw_head = first + b"".join(taking.taken)
            return http
        return _Headless(first)


class _Taking:
    """A stream whose lines read through it are kept (``taken``)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.taken: list[bytes] = []

    def readline(self, *args: Any) -> bytes:
        line: bytes = self.stream.readline(*args)
        self.taken.append(line)
        return line


#: An HTTP status line ("HTTP/1.1 200 OK", "HTTP/2 200"; warcio's own check is the prefix)
_STATUS_LINE = re.compile(rb"\s*HTTP/", re.I)


class _Headless(StatusAndHeaders):  # type: ignore[misc]
    """What the loader gives for a ``response`` record whose block has no HTTP head: the
    block's first line, already read (``first``); no status, no headers."""

    def __init__(self, first: bytes) -> None:
        super().__init__("", [], protocol="")
        self.first = first


@dataclass
class _Joining:
    """A capture split over several records (WARC 1.1 §7: ``WARC-Segment-Number``,
    ``continuation`` records naming the first by ``WARC-Segment-Origin-ID``, the last with
    ``WARC-Segment-Total-Length``): its first segment, read, and the blocks of the
    continuations joined to it so far."""

    record: Any
    http: Any
    ctype: str
    media: str
    offset: int | None
    where: str
    parts: list[bytes]
    size: int
    #: The number of the segment that comes next
    next: int = 2


#: The drop entry's kind for a continuation record whose first segment is not in its file
_ORPHAN_SEGMENT = "continuation whose first segment is not in this file"


@dataclass
class _WarcReading:
    """Where reading a WARC stands: records read, whether the next is only read past (a
    resumed task's), whether reading skipped damage (see :meth:`WarcSource.read`), and
    warcio's iterator (what it has read ahead)."""

    is_arc: bool
    n: int = 0
    skip: bool = False
    #: the record ids of the responses and resources read as documents (a conversion
    #: record of one of them, corearchive's own cleaned text, is the same page again)
    pages: set[str] = field(default_factory=set)
    resynced: bool = False
    iterator: Any = None
    #: The last record's offset in the stream, and where the search for the gzip member
    #: after its own starts (see :meth:`GunzipReader.member_search_start`)
    at: tuple[int | None, int | None] = (None, None)
    #: The crawl's own description (the last ``warcinfo`` record read: see
    #: :func:`_warcinfo`), and where that record starts
    warcinfo: dict[str, Any] | None = None
    warcinfo_at: int | None = None
    #: The warcinfo records read, by record id, and where each starts (a record names its
    #: own with WARC-Warcinfo-ID; a file may hold several crawls'); at most _WARCINFOS
    warcinfos: dict[str, tuple[dict[str, Any], int | None]] = field(default_factory=dict)
    #: What the last record's block held of the records after it (see :class:`_Block`)
    spill: bytes | None = None
    #: The record ids of the first segments read (a continuation of none of them is named)
    segments: set[str] = field(default_factory=set)
    #: The captures split over segments whose continuations are awaited, by the first
    #: segment's record id (see :meth:`WarcSource._continuation`)
    joining: dict[str, _Joining] = field(default_factory=dict)
    #: Whether reading started part-way through the input (a resumed task's): a
    #: continuation's first segment may be before its start
    resumed: bool = False


class WarcSource(Source):
    """WARC / WARC.gz (and ARC): ``response``, ``resource`` and ``conversion`` records (the
    last as Common Crawl's WET files hold the pages' text) with HTML or text payloads.

    Other records (request, metadata, warcinfo, non-text payloads) are skipped and counted;
    a revisit is a document the run drops, which the warc sink archives (see
    :meth:`_revisit`). The original record's headers travel with the document so the archive holds a
    copy of the original response, not a re-wrapping, and the crawl's description (the
    input's ``warcinfo`` record: crawler, operator, crawl) goes with each document as
    ``annotations.source.warcinfo``.
    """

    name = "warc"
    suffixes = (".warc", ".arc")

    def sniff(self, head: bytes, item: InputItem) -> float:
        if head.startswith(b"WARC/"):
            return 1.0
        return 1.0 if head.startswith(b"filedesc://") else 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        try:
            raw = item.open_raw()
        except OSError as exc:
            yield Failure(f"unreadable file: {exc}")
            return
        try:
            # Decompressed here, not by warcio: warcio reads per-record gzip members only
            # (a WARC gzipped as a whole, ``gzip a.warc``, is common) and takes a truncated
            # gzip for the end of the archive.
            if item.compressed:
                stream: Any = item.decompressing(raw)
                is_arc = stream.peek(11) == b"filedesc://"
            else:
                stream = raw
                is_arc = raw.read(11) == b"filedesc://"
                raw.seek(0)
            state = _WarcReading(is_arc)
            # resumable (not ARC files, whose records warcio converts): the position is the
            # offset and number of the record that gave the last result, read again and
            # skipped (warcio's offsets are the stream's, so they stay the file's)
            if item.resume is not None and not is_arc:
                offset, state.n = item.resume[:2]
                state.n -= 1
                state.skip = state.resumed = True
                if len(item.resume) > 2:  # (where the crawl's warcinfo record is)
                    state.warcinfo_at = item.resume[2]
                    state.warcinfo = _warcinfo_at(item, state.warcinfo_at)
                _advance(stream, offset)
        except (EOFError, zlib.error, OSError) as exc:
            raw.close()
            yield Failure(
                f"{item.damaged}: {_one_line(exc) if item.compressed else exc}",
                lasting=lasting(exc),
            )
            return
        try:
            while True:
                broken, kind = yield from self._records(item, stream, state)
                if broken is None or is_arc:
                    break
                resumed = self._resync(item, raw, stream, state, kind)
                if resumed is None:
                    break
                raw, stream, how = resumed
                yield Failure(f"{broken[0]}{how}", broken[1], broken[2])
                state.resynced = True
        finally:
            stream.close()
        item.position = None  # (what follows is the end: no resuming after it)
        for joining in state.joining.values():
            # a capture whose last segment the input does not hold: read as far as it goes
            if doc := self._joined(item, joining, "the input ends before its last segment"):
                yield doc
        if broken is not None:
            yield Failure(*broken)
        elif state.n == 0:
            yield Failure("no WARC records", lasting=True)

    @staticmethod
    def _resync(
        item: InputItem, raw: Any, stream: Any, state: _WarcReading, kind: _Break
    ) -> tuple[Any, Any, str] | None:
        """After a break of ``kind``, the raw file, a stream of it from the next record,
        and what the error entry adds; None where no record can be found again (the rest
        of the file is lost, as it was before any of this).

        * ``gzip``: a WARC.gz is a gzip member per record, and the reader is at the damaged
          member's start: the next member that starts a record.
        * ``headers``: a malformed record (headers warcio cannot parse, no type or length):
          the next line that starts a record, after what warcio has read of it.
        * ``length``: a Content-Length past the record's end, whose payload took the
          records after it to the end of the file: the next record after its start, a
          gzip member (not in a WARC gzipped as a whole) or a line (the record is lost:
          where it ends is unknown).
        * ``overrun``: a Content-Length past the record's end, whose block holds the start
          of the record after it (:class:`_Block`): that record."""
        if kind == "headers":
            resumed = _from_next_record(state.iterator, stream)
            return None if resumed is None else (raw, resumed, _NEXT_RECORD)
        if kind == "overrun" and state.spill is not None:
            # the record after it starts in the spill; then what warcio read ahead, then
            # the rest of the stream
            buff = getattr(state.iterator.reader, "buff", None)
            ahead = buff.read() if buff is not None else b""
            return raw, io.BufferedReader(_Prefixed(state.spill + ahead, stream)), _THERE
        offset, hint = state.at
        start = getattr(stream, "member_start", None) if kind == "gzip" else hint
        if start is not None:
            if (after := next_warc_member(raw, start)) is None:
                return None
            raw = stream.release()
            raw.seek(after)
            how = (
                f"; the rest of the file is read from the next record's gzip member, at byte"
                f" {after}"
                if kind == "gzip"
                else _OVERLONG + _NEXT_RECORD
            )
            return raw, item.decompressing(raw), how
        if kind != "length" or stream is not raw or offset is None or item.compressed:
            return None
        try:
            raw.seek(offset + 1)
        except (OSError, ValueError):
            return None
        resumed = _from_next_record(None, raw)
        return None if resumed is None else (raw, resumed, _OVERLONG + _NEXT_RECORD)

    def _records(
        self, item: InputItem, stream: Any, state: _WarcReading
    ) -> Generator[Document | Failure, None, tuple[tuple[str, str, bool] | None, _Break]]:
        """The results of the records of ``stream`` until its end or a break; returns the
        break (error, where), if any, and its kind (:data:`_Break`)."""
        is_arc = state.is_arc
        # (digests checked as each record is read: a failing one is noted with the document,
        # whose copy then takes a record id of its own; see _failed_digests)
        it = ArchiveIterator(stream, no_record_parse=False, check_digests=True, arc2warc=is_arc)
        it.loader = _RecordLoader(verify_http=False, arc2warc=is_arc)
        # warcio writes a warning and the stray bytes themselves to stderr when a record is
        # not followed by blank lines; the input's error entry says it instead
        it.INC_RECORD = ""
        state.iterator = it
        records = iter(it)
        while True:
            n = state.n
            stray = it.err_count
            try:
                record = next(records, None)
            except Exception as exc:  # warcio raises many kinds on malformed input
                cause = _one_line(exc)
                if isinstance(exc, OverflowError):  # (int too large for a length)
                    cause = "a record's Content-Length is too large to be true"
                elif not isinstance(exc, _WARC_READ_ERRORS):
                    # warcio failing on bad headers: name the input's fault, not warcio's
                    cause = f"malformed record headers ({cause})"
                broken = (
                    f"broken or truncated WARC after {n} records: {cause}",
                    f"record {n + 1}",
                    lasting(exc),
                )
                return broken, "gzip" if isinstance(exc, _DAMAGED_GZIP) else "headers"
            if it.err_count > stray and n:
                yield Failure(_STRAY.format(n=n), f"record {n}", lasting=True)
            if record is None:  # (the end)
                return None, None
            state.n = n = n + 1
            if (problem := _malformed(record)) is not None:
                return (f"broken or truncated WARC: {problem}", f"record {n}", True), "headers"
            offset = _record_offset(it)
            where = _where(
                n,
                record.rec_headers.get_header("WARC-Target-URI"),
                None if is_arc or state.resynced else offset,
                item.compressed,
            )
            block = record.raw_stream = _Block(record.raw_stream, record)
            hint = getattr(stream, "member_search_start", None)
            state.at = (offset, hint() if hint is not None else None)
            if record.rec_type == "warcinfo" and not is_arc:
                state.warcinfo, state.warcinfo_at = _warcinfo(record), offset
                if (wid := state.warcinfo.get("record_id")) and len(state.warcinfos) < _WARCINFOS:
                    state.warcinfos[wid] = (state.warcinfo, offset)
            try:
                if (
                    record.rec_type == "conversion"
                    and (record.rec_headers.get_header("WARC-Refers-To") or "") in state.pages
                ):
                    # (a WARC this tool wrote: its raw record was read already)
                    item.counts["warc conversion records of a page read"] += 1
                    result = None
                else:
                    result = (
                        None if state.skip else self._record(item, record, offset, state, where)
                    )
                if isinstance(result, Document):
                    # (a conversion too: a WET file's, which a copy's own conversion, written
                    # by this tool, refers to)
                    state.pages.add(record.rec_headers.get_header("WARC-Record-ID") or "")
                state.skip = False
                ended_early = _drain(record)
                state.spill = block.swallowed(state.iterator.reader)
                if isinstance(result, Document) and (failed := _failed_digests(record)):
                    result.annotations["source"]["digests_failed"] = failed
                    item.counts[NOTED + "warc records read whose digests fail"] += 1
            except (*_WARC_READ_ERRORS, ValueError) as exc:
                broken = (f"broken or truncated WARC: {_one_line(exc)}", where, lasting(exc))
                return broken, "gzip" if isinstance(exc, _DAMAGED_GZIP) else "headers"
            if ended_early:
                return (
                    "truncated WARC: the record ends before its Content-Length",
                    where,
                    True,
                ), "length"
            if result is not None:
                # (after a skipped damage, the stream's offsets are no longer the file's: no
                # resuming there; nor while a capture's segments are being joined: a task
                # resumed there would lack its first segment, read before, and give one
                # result fewer than counted, the next task then one twice: s39 acc-read F10)
                known = not (is_arc or offset is None or state.resynced or state.joining)
                item.position = [offset, n] if known else None
                # (the warcinfo the record names, else the last one read; a resumed task
                # knows the last one read before its start, which its position says)
                named = state.warcinfos.get(record.rec_headers.get_header("WARC-Warcinfo-ID") or "")
                info = named[0] if named is not None else state.warcinfo
                if info is not None and isinstance(result, Document):
                    result.annotations["source"]["warcinfo"] = info
                if item.position is not None and state.warcinfo_at is not None:
                    item.position.append(state.warcinfo_at)
                yield result
            if state.spill is not None:
                return (
                    f"record {n}'s Content-Length runs {len(state.spill) + 4:,} bytes into"
                    " the record after it (the record was read to where that one starts)",
                    where,
                    True,
                ), "overrun"

    def _record(
        self, item: InputItem, record: Any, offset: int | None, state: _WarcReading, where: str
    ) -> Document | Failure | None:
        rtype = record.rec_type
        is_arc = state.is_arc
        if record.rec_headers.get_header("WARC-Segment-Number") == "1":
            state.segments.add(record.rec_headers.get_header("WARC-Record-ID") or "")
        origin = record.rec_headers.get_header("WARC-Segment-Origin-ID") or ""
        if rtype == "continuation" and origin in state.joining:
            return self._continuation(item, record, state, origin, where)
        if rtype == "continuation" and origin not in state.segments and not state.resumed:
            # the rest of a capture whose first segment is not in this file: nothing of it
            # can be read, and the entry names the address (it was counted only). Segments
            # are joined within a file, so the entry says no more than that: the first may
            # be in another file of the crawl, even of this run (a crawler that splits a
            # record at its file size limit), and then it was read alone, marked truncated
            raw = record.raw_stream.read(MAX_FILE_BYTES + 1)
            orphan = {"kind": _ORPHAN_SEGMENT, "origin": origin}
            return self._dropped_capture(
                item, record, raw, None, offset, is_arc, {"not_a_page": orphan}
            )
        if rtype == "revisit" and not is_arc:
            return self._revisit(item, record, offset)
        # (conversion: text extracted from a response, as Common Crawl's WET files hold it)
        if rtype not in ("response", "resource", "conversion"):
            item.counts[
                "warc continuation records of a capture not read as a page"
                if rtype == "continuation"
                else f"warc {rtype} records"
            ] += 1
            return None
        target = record.rec_headers.get_header("WARC-Target-URI") or ""
        if rtype == "resource" and target.lower().startswith(_CRAWLER_OWN):
            # the crawler's own files: wget's log and manifest (metadata://gnu.org/...), a
            # DNS answer (dns:...): no page of the crawl
            item.counts["warc resource records of the crawler's own"] += 1
            return None
        if rtype == "resource" and _DERIVED.match(target):
            # the crawler's own reading of a page it captured (browsertrix's text of it):
            # the page is read from its response record
            item.counts["warc resource records derived from a capture (urn:…:URL)"] += 1
            return None
        if _path_of(target) in _CRAWLER_PATHS:
            # what the crawler fetched for itself (robots.txt): no page of the crawl
            item.counts["warc records of the crawler's own fetches (robots.txt)"] += 1
            return None
        http = record.http_headers if rtype == "response" else None
        if rtype == "response" and http is None:
            item.counts["warc response records without HTTP headers"] += 1
            return None
        head = b""  # (the first bytes of the block, read as an HTTP head that was none)
        if isinstance(http, _Headless):
            # No HTTP head: the block is the page itself if the WARC Content-Type says it
            # is a document (read as a resource record is); else it is no readable response
            wtype = record.rec_headers.get_header("Content-Type") or ""
            if wtype.split(";")[0].strip().lower() not in _DOC_TYPES:
                item.counts["warc responses without a readable HTTP status line"] += 1
                return None
            head, http = http.first, None
        ctype = (
            http.get_header("Content-Type")
            if http is not None
            else record.rec_headers.get_header("Content-Type")
        ) or ""
        media = ctype.split(";")[0].strip().lower()
        if rtype == "resource" and media == "application/json":
            return self._json_resource(item, record, offset, where)
        if media and media not in _DOC_TYPES and media not in _SNIFFED:
            item.counts["warc records with non-text payload"] += 1
            return None
        failed: int | None = None
        if http is not None and (status := http.get_statuscode()) not in ("200", "203"):
            if not (status and status.isascii() and status.isdigit() and len(status) == 3):
                # (no HTTP head at all: the block is the page itself, or garbage)
                item.counts["warc responses without a readable HTTP status line"] += 1
                return None
            if int(status) < 400:
                item.counts["warc responses with non-200 status"] += 1  # (redirects ...)
                return None
            # an error page: a document the run drops, naming the address that was gone
            failed = int(status)
        raw = head + record.raw_stream.read(MAX_FILE_BYTES + 1 - len(head))  # (the rest is drained)
        if (spill := record.raw_stream.swallowed(state.iterator.reader)) is not None:
            # (the block ran into the record after it: the payload ends where it starts,
            # and the archive's copy holds no other record's header)
            raw = raw[: len(raw) - len(spill) - len(_RECORD_END)]
        if failed is not None:
            return self._dropped_capture(
                item, record, raw, http, offset, is_arc, {"http_status": failed}
            )
        if len(raw) > MAX_FILE_BYTES:
            return Failure(_TOO_LARGE.format("a payload"), where)
        if (
            record.rec_headers.get_header("WARC-Segment-Number") == "1"
            and spill is None
            and not is_arc
        ):
            # the first segment of a capture split over several (WARC 1.1 §7): read when
            # its continuations, which follow it in the file, are joined to it (s37
            # acc-crawl F5: it was read alone, marked truncated, and the archive's copy was
            # half an HTTP message whose other half was in no output)
            rec_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            state.joining[rec_id] = _Joining(
                record, http, ctype, media, offset, where, [raw], len(raw)
            )
            return None
        return self._capture(item, record, http, ctype, media, raw, spill, offset, where, is_arc)

    def _continuation(
        self, item: InputItem, record: Any, state: _WarcReading, origin: str, where: str
    ) -> Document | Failure | None:
        """A ``continuation`` record of a capture whose first segment was read: joined to
        it; the whole capture when it is the last (``WARC-Segment-Total-Length``). One that
        is not the segment that comes next (a segment missing) ends the joining: the
        capture is read as far as it is whole, and says why (``truncated``)."""
        joining = state.joining[origin]
        headers = record.rec_headers
        block = record.raw_stream.read(MAX_FILE_BYTES + 1 - joining.size)
        if headers.get_header("WARC-Segment-Number") != str(joining.next):
            del state.joining[origin]
            item.counts["warc continuation records of a capture not read as a page"] += 1
            return self._joined(item, joining, f"segment {joining.next} is not in the input")
        joining.parts.append(block)
        joining.size += len(block)
        joining.next += 1
        if joining.size > MAX_FILE_BYTES:
            del state.joining[origin]
            return Failure(_TOO_LARGE.format("a capture's segments, joined,"), joining.where)
        if headers.get_header("WARC-Segment-Total-Length") is None:
            item.counts["warc continuation records joined to their first segment"] += 1
            return None
        del state.joining[origin]
        item.counts["warc continuation records joined to their first segment"] += 1
        return self._joined(item, joining, None)

    def _joined(
        self, item: InputItem, joining: _Joining, missing: str | None
    ) -> Document | Failure | None:
        """The document of a segmented capture, of its segments joined (all of them, or
        those before the ``missing`` one, which the document says)."""
        doc = self._capture(
            item,
            joining.record,
            joining.http,
            joining.ctype,
            joining.media,
            b"".join(joining.parts),
            None,
            joining.offset,
            joining.where,
            False,
            truncated=None if missing is None else f"segmented ({missing})",
        )
        if isinstance(doc, Document):
            doc.annotations["source"]["segments"] = joining.next - 1
            # (the copy is the capture as one record, no segment of one; with a segment
            # missing, a record cut short, for a reason the crawl did not give)
            doc.source.warc_headers = [
                (k, v)
                for k, v in doc.source.warc_headers or []
                if k.lower() not in _SEGMENT_HEADERS
            ] + ([("WARC-Truncated", "unspecified")] if missing is not None else [])
        return doc

    def _capture(
        self,
        item: InputItem,
        record: Any,
        http: Any,
        ctype: str,
        media: str,
        raw: bytes,
        spill: bytes | None,
        offset: int | None,
        where: str,
        is_arc: bool,
        truncated: str | None = None,
    ) -> Document | Failure | None:
        """The document of a capture's page (``raw``: its block after the HTTP head, when
        there is one), or why there is none."""
        rtype = record.rec_type
        # (WARC-Truncated: the crawler stopped reading the body, for its length, time, a
        # disconnection: what was captured is read, and the record says it is partial)
        truncated = (
            truncated or (record.rec_headers.get_header("WARC-Truncated") or "").strip() or None
        )
        try:
            payload, undecoded = _decode_transfer(raw, http, partial=truncated is not None)
        except Unfinished as exc:
            return Failure(str(exc), where)
        sniffed = None
        if (
            undecoded is None
            and payload.startswith(GZIP_MEMBER)
            and (got := _gunzip_members(payload, MAX_FILE_BYTES + 1)) is not None
            and (got[1] or truncated is not None)
        ):
            # gzip data served without its Content-Encoding (a pre-compressed page.html.gz
            # sent as it is): the page inside it (it was skipped as binary, counted only;
            # s37 acc-crawl F10). (Not under a coding that could not be undone: an error.)
            payload, sniffed = got[0], "gzip"
        if len(payload) > MAX_FILE_BYTES:
            return Failure(_TOO_LARGE.format("a payload, its Content-Encoding undone,"), where)
        if not media:
            # No media type: HTML if it looks like it, else text if it decodes as text.
            media = "text/html" if HtmlSource().sniff(payload[:8192], item) else "text/plain"
        # By the label (markdown may hold raw HTML, and it is read as text, which the
        # boilerplate stage recognises as markdown), unless the payload clearly starts as an
        # HTML document: a page served as text/plain is read as the page it is (the archive's
        # copy keeps the HTTP head with its label).
        is_html = media in _HTML_TYPES
        labelled = None
        if not is_html and starts_as_html(payload):
            is_html, labelled = True, media
        elif media in _SNIFFED:
            item.counts["warc records with non-text payload"] += 1
            return None
        try:
            text, encoding, by = decode_detail(
                payload, _html_charset(payload, ctype) if is_html else _html_charset(b"", ctype)
            )
        except NotText:
            if undecoded is not None:  # a page whose encoding could not be undone: say so
                return Failure(undecoded, where)
            item.counts["warc records with binary payload"] += 1
            return None
        if not text.strip():
            # (a 200 with nothing in it, a server's glitch: the entry names the address to
            # fetch again; it was counted only)
            empty = {"not_a_page": {"kind": "empty response"}}
            return self._dropped_capture(item, record, raw, http, offset, is_arc, empty)
        headers_list = list(record.rec_headers.headers)
        rec_id = _record_id(record, raw, offset, is_arc)
        if is_arc:
            headers_list = [
                (k, rec_id if k.lower() == "warc-record-id" else v) for k, v in headers_list
            ]
        # (no address: the input's, with the record id, without the brackets a URI cannot
        # hold, as Document.create would percent-encode them)
        target = record.rec_headers.get_header("WARC-Target-URI") or (
            f"{item.uri}#{(rec_id or '').strip().removeprefix('<').removesuffix('>')}"
        )
        headers = {k.lower(): v for k, v in http.headers} if http is not None else {}
        fetched_at, date_note = _capture_of(record, http)
        doc = Document.create(
            raw=raw,
            text=text,
            uri=target,
            path=item.path,
            format="warc",
            locator=rec_id or f"offset {offset}",
            is_html=is_html,
            content_type="text/html" if is_html else "text/plain",
            fetched_at=fetched_at,
            warc_record_id=rec_id,
            warc_headers=headers_list,
            http_head=_http_head(http),
            http_headers=headers,
        )
        doc.annotations["source"] = {"encoding": encoding, "warc_type": rtype, "offset": offset}
        if by is not None:
            doc.annotations["source"]["encoding_by"] = by
        if labelled is not None:
            doc.annotations["source"].update(labelled=labelled, read_as="html")
        if truncated is not None:
            doc.annotations["source"]["truncated"] = truncated
        if spill is not None:
            doc.annotations["source"]["content_length_overrun"] = len(spill) + len(_RECORD_END)
        if sniffed is not None:
            doc.annotations["source"]["content_encoding_sniffed"] = sniffed
        if is_html and (note := redirect_note(text, target)) is not None:
            # (a page that only redirects, as a 301 does: the run drops it, fetch_failed)
            doc.annotations["source"]["not_a_page"] = note
        if date_note is not None:
            doc.annotations["source"]["warc_date"] = date_note
        return doc

    @staticmethod
    def _revisit(item: InputItem, record: Any, offset: int | None) -> Document:
        """A ``revisit`` record: the crawler fetched the page again and found what it had
        (the same payload, ``identical-payload-digest``; the server's "not modified",
        ``server-not-modified``), and wrote the new fetch's HTTP head and a reference to the
        capture that holds the payload (``WARC-Refers-To``, ``-Target-URI``, ``-Date``, WARC
        1.1 §6.7). A document the run drops (stage ``input``, reason ``revisit``, the
        reference in its detail: a re-fetch, listed by ``corearchive history``), whose
        record the warc sink copies into the archive, linked to its original's copy
        there (see WarcSink). It was skipped and counted: the capture was in no output,
        and a revisit whose original was in an earlier crawl's file lost its address (s37
        acc-crawl F6)."""
        h = record.rec_headers
        refers = {
            key: value
            for key, name in _REVISIT_FIELDS
            if (value := (h.get_header(name) or "").strip())
        }
        http = record.http_headers  # (the re-fetch's head; None when the block has none)
        # (the block holds the head alone, as a rule; what follows is no page either)
        raw = record.raw_stream.read(MAX_FILE_BYTES + 1)
        if isinstance(http, _Headless):  # (a block that is no HTTP message: all of it)
            raw, http = http.first + raw, None
        return WarcSource._dropped_capture(
            item, record, raw, http, offset, False, {"revisit": refers}, copy=True
        )

    @staticmethod
    def _dropped_capture(
        item: InputItem,
        record: Any,
        raw: bytes,
        http: Any,
        offset: int | None,
        is_arc: bool,
        note: dict[str, Any],
        copy: bool = False,
    ) -> Document:
        """A capture whose page is not read, which the run drops (``note``, the document's
        annotations.source: see :func:`corearchive.source.fetch_failed`): a response of HTTP
        status 4xx or 5xx, an empty one, a continuation whose first segment is not in its file, a
        revisit; such captures were only counted, and no entry named the address (s31
        acc-recrawl #8). With ``copy``, the document has the record's headers and HTTP head,
        for a sink to copy the record."""
        rec_id = _record_id(record, raw, offset, is_arc)
        fetched_at, date_note = _capture_of(record, http)
        doc = Document.create(
            raw=raw,
            text="",
            uri=record.rec_headers.get_header("WARC-Target-URI") or item.uri,
            path=item.path,
            format="warc",
            locator=rec_id or f"offset {offset}",
            fetched_at=fetched_at,
            warc_record_id=rec_id,
            warc_headers=list(record.rec_headers.headers) if copy else None,
            http_head=_http_head(http) if copy else None,
            http_headers={k.lower(): v for k, v in http.headers} if http is not None else {},
        )
        doc.annotations["source"] = {"offset": offset, **note}
        if date_note is not None:
            doc.annotations["source"]["warc_date"] = date_note
        return doc

    @staticmethod
    def _json_resource(
        item: InputItem, record: Any, offset: int | None, where: str
    ) -> Document | Failure | None:
        """A ``resource`` record of JSON: a dump's line as corearchive archives it, read as
        the line was (its page, address, capture time, title, authors, date), or, without a
        page in it, skipped as a non-text payload. Read back from the archive, such a line
        was skipped, and its cleaned text (the conversion record) cleaned again in its
        place, without the dump's title, authors and date (s27 reprocessing tester)."""
        raw = record.raw_stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return Failure(_TOO_LARGE.format("a payload"), where)
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            obj = None
        rec_id = record.rec_headers.get_header("WARC-Record-ID")
        doc = (
            _object_doc(
                item,
                obj,
                raw,
                "warc",
                rec_id or f"offset {offset}",
                where,
                {"encoding": "utf-8", "warc_type": "resource", "offset": offset},
                default_uri=record.rec_headers.get_header("WARC-Target-URI") or None,
                warc_record_id=rec_id,
                warc_headers=list(record.rec_headers.headers),
            )
            if isinstance(obj, dict)
            else None
        )
        if not isinstance(doc, Document):
            item.counts["warc records with non-text payload"] += 1
            return None
        return doc


def _http_head(http: Any) -> bytes | None:
    """A record's HTTP head as captured (its bytes: line ends, spacing, folded lines), for
    the archive's copy of the record; None without one."""
    return (getattr(http, "raw_head", None) or http.to_bytes()) if http else None


#: The headers of a segment of a capture (WARC 1.1 §7), which its joined copy has not
_SEGMENT_HEADERS = frozenset(
    ["warc-segment-number", "warc-segment-origin-id", "warc-segment-total-length"]
)


#: What a revisit record's document says of it (``annotations.source.revisit``, the drop's
#: detail): its profile, the payload's digest and the capture it refers to
_REVISIT_FIELDS = (
    ("profile", "WARC-Profile"),
    ("payload_digest", "WARC-Payload-Digest"),
    ("refers_to", "WARC-Refers-To"),
    ("refers_to_uri", "WARC-Refers-To-Target-URI"),
    ("refers_to_date", "WARC-Refers-To-Date"),
)


def _capture_of(record: Any, http: Any = None) -> tuple[str | None, dict[str, str] | None]:
    """When a record's page was captured, and what its annotations say of a WARC-Date that
    is missing or cannot be read (else None).

    The capture time is the record's WARC-Date, but for a ``resource`` record of a local
    file (``file:`` address), whose WARC-Date is when it was archived: corearchive archives
    its file inputs so, and read back from the archive (to clean them again), they took
    that day for the capture's, and "today" or "1 hour ago" in a page became it (s27
    reprocessing tester: 7 of 289 dates, each worse). A record without a readable
    WARC-Date (mandatory, but hand-made and converted WARCs lack it or write another
    form) takes the HTTP ``Date`` header of its response, the server's time of the
    answer, if it has one: the note (``problem`` missing or unreadable, the ``given``
    value, ``fetched_at_from``) says so, and the archive's copy is then no copy of the
    crawl's record (see docs/archive.md)."""
    headers = record.rec_headers
    if record.rec_type == "resource" and (headers.get_header("WARC-Target-URI") or "").startswith(
        "file:"
    ):
        return None, None
    given = headers.get_header("WARC-Date")
    if (date := iso_warc_date(given)) is not None:
        return date, None
    note = (
        {"problem": "unreadable", "given": shortened(given.strip(), 100)}
        if given and given.strip()
        else {"problem": "missing"}
    )
    served = http.get_header("Date") if http is not None else None
    try:
        date = capture_time(parsedate_to_datetime(served)) if served else None
    except (TypeError, ValueError, IndexError, OverflowError):
        date = None
    if date is not None:
        note["fetched_at_from"] = "HTTP Date"
    return date, note


#: How much of a warcinfo record's block is read, and how many of its fields are kept
_WARCINFO_BYTES = 1 << 16
_WARCINFO_FIELDS = 32


def _warcinfo(record: Any) -> dict[str, Any]:
    """A ``warcinfo`` record as the documents after it carry it: its record id, date and
    file name, and the fields of its ``application/warc-fields`` block (``software``,
    ``operator``, ``isPartOf``, ``description`` ...; the first of each, at most
    :data:`_WARCINFO_FIELDS`, values of at most 1,000 characters)."""
    headers = record.rec_headers
    info: dict[str, Any] = {
        "record_id": headers.get_header("WARC-Record-ID"),
        "date": headers.get_header("WARC-Date"),
        "filename": headers.get_header("WARC-Filename"),
    }
    info = {k: v for k, v in info.items() if v}
    fields: dict[str, str] = {}
    block = record.raw_stream.read(_WARCINFO_BYTES).decode("utf-8", errors="replace")
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        key = key.strip()
        if sep and key and key not in fields and len(fields) < _WARCINFO_FIELDS:
            fields[key] = value.strip()[:1000]
    if fields:
        info["fields"] = fields
    return info


def _warcinfo_at(item: InputItem, offset: int) -> dict[str, Any] | None:
    """The :func:`_warcinfo` of the record at ``offset`` (a resumed task's: the crawl's
    description its documents carry), or None if it cannot be read there."""
    try:
        with item.open() as stream:
            _advance(stream, offset)
            record = next(iter(ArchiveIterator(stream, check_digests=False)), None)
            if record is None or record.rec_type != "warcinfo":
                return None
            return _warcinfo(record)
    except Exception:  # (warcio raises many kinds; the documents then go without it)
        return None


#: The address schemes of a crawler's own resource records (wget's log and manifest, DNS;
#: wpull's log, ``urn:X-wpull:log``, as grab-site and ArchiveBot write it), lower case
_CRAWLER_OWN = ("metadata:", "dns:", "filedesc:", "urn:x-wpull:")
#: The paths of what a crawler fetches for itself
_CRAWLER_PATHS = frozenset(f"/{name}" for name in _CRAWLER_NAMES)


def _path_of(uri: str) -> str:
    """An address's path; "" when no URL parser reads it (an unclosed IPv6 bracket, as
    link extraction makes them: such a capture is read like any other, s38 acc-read F2)."""
    try:
        return urlsplit(uri).path
    except ValueError:
        return ""


#: A resource record about another capture, named by a URN holding its address:
#: browsertrix-crawler's extracted text (``urn:text:https://…``, ``urn:textFinal:…``), page
#: information (``urn:pageinfo:…``) and screenshots (``urn:view:…``)
_DERIVED = re.compile(r"urn:[A-Za-z][\w.-]*:[A-Za-z][A-Za-z0-9+.-]*:", re.ASCII)
#: How many warcinfo records of one input are remembered by id
_WARCINFOS = 256
#: Media types that say nothing of the payload (a server's default, XML for XHTML): read
#: when the payload starts as an HTML document, skipped otherwise (a feed, a download)
_SNIFFED = frozenset(
    ("application/octet-stream", "binary/octet-stream", "application/xml", "text/xml",
     "application/unknown", "unknown/unknown", "application/x-unknown")
)  # fmt: skip

#: What the error entry of a break adds when reading goes on (see WarcSource._resync)
_NEXT_RECORD = "; the rest of the file is read from the next record"
_OVERLONG = " (or it runs into the records after it)"
_THERE = "; the rest of the file is read from there"

#: What broke the reading of a WARC (see :meth:`WarcSource._records`): damaged gzip data,
#: a record's headers, a record shorter than its Content-Length; None: nothing
_Break = Literal["gzip", "headers", "length", "overrun"] | None


def _from_next_record(it: Any, stream: Any) -> Any:
    """A stream of what follows a malformed record: from the next line that starts a WARC
    record after what warcio's iterator ``it`` has read of ``stream`` (its read-ahead
    included), or None when no record follows. (A record's payload that holds a WARC
    record's first line would be taken for one: only after damage, where the alternative
    is losing the rest.)"""
    buff = getattr(it.reader, "buff", None) if it is not None else None
    data = buff.read() if buff is not None else b""
    # (a byte past where warcio stopped: the malformed record's own first line, when it
    # stopped before it, is not found again)
    data = data[1:]
    try:
        while True:
            if (m := WARC_START.search(data)) is not None:
                return io.BufferedReader(_Prefixed(data[m.start(1) :], stream))
            data = data[-16:]  # (a line start cut at the chunk's end)
            chunk = stream.read(1 << 20)
            if not chunk:
                return None
            data += chunk
    except (*_WARC_READ_ERRORS, ValueError):
        return None


class _Prefixed(io.RawIOBase):
    """``head``, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: Any) -> None:
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if not self.head:
            data = self.stream.read(len(b))
        else:
            data, self.head = self.head[: len(b)], self.head[len(b) :]
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.stream.close()
        super().close()


#: The end of a record (after its block), and what follows it: the next one's version line
_RECORD_END = b"\r\n\r\n"
_NEXT_VERSION = _RECORD_END + b"WARC/1."
#: How much of a block is kept from a record start found in it (see :class:`_Block`)
_SPILL_MAX = 1 << 24
#: A record header's Content-Length
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d{1,18})[ \t]*\r\n", re.I)


class _Block:
    """A record's block as it is read (``stream``: warcio's reader of it), watching for the
    start of another record in it: a Content-Length that runs past the record's end took
    the start of the record after it into the block, and that record was lost, unnamed,
    and the copy of this one held its header (s37 acc-crawl F7). From the first record end
    and version line found on (:data:`_NEXT_VERSION`), what is read is kept, up to
    :data:`_SPILL_MAX` bytes; :meth:`swallowed` decides once the block is read."""

    def __init__(self, stream: Any, record: Any) -> None:
        self.stream = stream
        self.carry = b""  # (the end of what was read last: a version line cut between reads)
        self.kept: bytearray | None = None
        # (a record the crawler says is cut short may end anywhere: not looked into)
        self.watching = not record.rec_headers.get_header("WARC-Truncated")

    @property
    def limit(self) -> int:
        """What is left of the block (warcio's reader's count, see :func:`_drain`)."""
        return int(getattr(self.stream, "limit", 0))

    def read(self, size: int | None = None) -> bytes:
        # (None, not -1: warcio's reader takes -1 for a length, and read past the block)
        data: bytes = self.stream.read(size)
        if not data or not self.watching:
            return data
        if self.kept is not None:
            self.kept += data
            if len(self.kept) > _SPILL_MAX:
                self.kept, self.watching = None, False
            return data
        window = self.carry + data
        if (at := window.find(_NEXT_VERSION)) >= 0:
            self.kept = bytearray(window[at + len(_RECORD_END) :])
        self.carry = window[-len(_NEXT_VERSION) :]
        return data

    def swallowed(self, reader: Any) -> bytes | None:
        """What the block, read to its end, holds of the records after it: from the start
        of the first on, when the records that start there run past the block's end; None
        when none starts in it, or they end with it (a WARC file captured whole), or when
        what follows the block (the next bytes warcio's ``reader`` holds) is a record's
        end, the next one's start: the length was right, and the block shows records (a page
        about the format, with an example in a ``<pre>``: s38 acc-read F5)."""
        if self.kept is None or self.limit:
            return None
        follows = _follows(reader)
        if len(follows) >= len(_RECORD_END) and _NEXT_VERSION.startswith(follows):
            return None
        data = bytes(self.kept)
        return data if _runs_past(data) else None


def _follows(reader: Any) -> bytes:
    """The next bytes warcio's ``reader`` holds, up to a record end and a version line's
    start, left unread; fewer only where the input ends sooner. Where its buffer ends
    sooner, what is missing is read from its stream and put in front of the buffer, as if
    the buffer had held it (its count of bytes read grows by as much, so the record
    offsets it gives stay right): the check was skipped when a 16 KB read ended within 3
    bytes after the block, and the block cut at the example record it shows (4 sizes in
    16,384, s39 acc-read F12). (The stream is plain data: compressed inputs are
    decompressed before warcio reads them, see :meth:`WarcSource.read`.)"""
    buff = getattr(reader, "buff", None)
    if buff is None:
        return b""
    at = buff.tell()
    data: bytes = buff.read(len(_NEXT_VERSION))
    if len(data) == len(_NEXT_VERSION) or reader.decompressor is not None:
        buff.seek(at)
        return data
    more = b""
    while len(data) + len(more) < len(_NEXT_VERSION):
        got = reader.stream.read(len(_NEXT_VERSION) - len(data) - len(more))
        if not got:
            break
        more += got
    reader.buff = io.BytesIO(data + more)
    reader.buff_size = len(data) + len(more)
    reader.num_read += len(more)
    return data + more


def _runs_past(data: bytes) -> bool:
    """Whether the records ``data`` starts with (at a version line) run past its end, each
    read to the length its header states; False where that cannot be told (no header, no
    record where the one before ends)."""
    pos = 0
    for _ in range(1000):
        head_end = data.find(_RECORD_END, pos, pos + 65536)
        if head_end < 0:
            return len(data) - pos < 65536  # (a header cut by the block's end)
        if (m := _CONTENT_LENGTH.search(data, pos, head_end + 2)) is None:
            return False
        end = head_end + 2 * len(_RECORD_END) + int(m.group(1))
        if end >= len(data):
            return end > len(data)
        pos = end
        while data.startswith(b"\r\n", pos):  # (blank lines between records)
            pos += 2
        if not data.startswith(b"WARC/1.", pos):
            return False
    return False


def _record_id(record: Any, raw: bytes, offset: int | None, is_arc: bool) -> str | None:
    """The record's id; for an ARC record, one derived from its address, date, place and
    content (warcio makes up a random one: a new document id on every run, for a kept
    capture and a dropped one alike, s38 acc-read F7), as WARC record ids are meant to be
    globally unique."""
    if not is_arc:
        given: str | None = record.rec_headers.get_header("WARC-Record-ID")
        return given
    return "<urn:uuid:{}>".format(
        uuid.uuid5(
            uuid.NAMESPACE_URL,
            f"{record.rec_headers.get_header('WARC-Target-URI')}"
            f"#{record.rec_headers.get_header('WARC-Date')}#{offset}"
            f"#{hashlib.sha256(raw).hexdigest()}",
        )
    )


def _where(n: int, uri: str | None, offset: int | None, compressed: bool) -> str:
    """How an error entry names record ``n``: its number, its page's address (``uri``) and
    where it starts (``offset``: in the file, or in the decompressed data of a compressed
    one), as far as they are known. ("record 1" alone sent the archivist counting the
    records of a crawl's WARC: s37 acc-crawl F15.)"""
    where = f"record {n}"
    if uri and uri.strip():
        where += f" ({shortened(uri.strip(), MAX_NAME_CHARS)})"
    if offset is not None:
        where += f", at byte {offset}" + (" of the decompressed data" if compressed else "")
    return where


#: What reading damaged gzip data raises (GunzipReader)
_DAMAGED_GZIP = (zlib.error, TruncatedGzip)


def _malformed(record: Any) -> str | None:
    """What makes a record unreadable (no type, no valid length), if anything."""
    if not record.rec_type:
        return "a record without WARC-Type"
    length = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not (length.isascii() and length.isdigit()):  # (str.isdigit takes "١٢٣" too)
        return "a record without a valid Content-Length"
    return None


def _record_offset(it: ArchiveIterator) -> int | None:
    """Where the current record starts (in the decompressed stream).

    Not ``it.get_record_offset()``: that reads on into the next record, and a break right
    there would be blamed on this one.
    """
    info = getattr(it, "member_info", None)
    offset = info[0] if info else getattr(it, "offset", None)
    return offset if isinstance(offset, int) else None


def _failed_digests(record: Any) -> dict[str, str]:
    """The digests a record declares (``block``, ``payload``) that its bytes fail, with
    their declared values: a record damaged after it was written (or written wrong). (Not an
    unknown algorithm: that is no damage.)"""
    checker = getattr(record, "digest_checker", None)
    if checker is None or checker.passed is not False:
        return {}
    failed: dict[str, str] = {}
    for problem in checker.problems:
        for kind in ("block", "payload"):
            if problem.startswith(f"{kind} digest failed"):
                failed[kind] = record.rec_headers.get_header(f"WARC-{kind.title()}-Digest") or ""
    return failed


def _drain(record: Any) -> bool:
    """Read the rest of a record; True if it ended before its declared length."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    return getattr(stream, "limit", 0) > 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Unfinished(ValueError):
    """A content-encoded body whose compressed stream stops before its end: the body was cut
    short, and what decompresses is part of a page."""


def _decode_transfer(raw: bytes, http: Any, partial: bool = False) -> tuple[bytes, str | None]:
    """The payload with chunked transfer and its content encodings undone (``gzip``,
    ``deflate``, ``br``, ``zstd``; a list such as ``gzip, br`` in reverse order), and what
    could not be undone (None: all). On a failure the payload is left as it was: crawlers
    that store the decoded body keep the header, and such a payload reads as it is.

    A compressed stream that stops before its end raises :class:`Unfinished` (a page cut
    short, which read as a whole page without a word), unless ``partial`` (the record says
    it is truncated): then what decompresses is the payload."""
    if http is None:
        return raw, None
    data = raw
    if (http.get_header("Transfer-Encoding") or "").lower() == "chunked":
        got = _dechunk(data)
        if got is not None:  # (else stored de-chunked, with the header kept: as it is)
            data, whole = got
            if not whole and not partial:
                raise Unfinished(
                    "the chunked body stops part-way (the body was cut short; the record"
                    " does not say it is truncated)"
                )
    header = (http.get_header("Content-Encoding") or "").lower()
    codings = [c.strip() for c in header.split(",") if c.strip() not in ("", "identity")]
    decoded = data
    for enc in reversed(codings):
        try:
            decoded = _undo_coding(enc.removeprefix("x-"), decoded, partial)
        except Unfinished as exc:
            raise Unfinished(
                f"cannot undo the response's Content-Encoding {enc!r}: {exc} (the body was"
                " cut short; the record does not say it is truncated)"
            ) from None
        except Exception as exc:  # (zlib, brotli and zstandard each raise their own kinds)
            return data, f"cannot undo the response's Content-Encoding {enc!r}: {_one_line(exc)}"
    return decoded, None


def _undo_coding(enc: str, data: bytes, partial: bool = False) -> bytes:
    """``data`` decoded, cut after ``MAX_FILE_BYTES + 1`` bytes (a page that inflates to GB
    is a decompression bomb: it must not take the run's memory). A stream that stops before
    its end raises :class:`Unfinished` unless ``partial``."""
    limit = MAX_FILE_BYTES + 1
    out: bytes
    finished: bool
    if enc == "gzip" and data[:2] == b"\x1f\x8b" and (members := _gunzip_members(data, limit)):
        # (several gzip members, as a server that compresses in pieces sends them: warcio's
        # reader gave the first member alone, and the page was cut without a word)
        out, finished = members
    elif enc in ("gzip", "deflate"):
        # (warcio's reader: deflate with or without zlib header; a body that does not
        # decompress from its first bytes on is passed through as it is: crawlers that
        # stored the decoded body keep the header)
        reader = DecompressingBufferedReader(io.BytesIO(data), decomp_type=enc)
        out = bytes(reader.read(limit))
        # (warcio's reader takes a stream that stops, or breaks, part-way for the end)
        d = reader.decompressor
        finished = d is None or d.eof
    elif enc == "br":
        import brotli  # (warcio's own brotli support expects brotlipy's interface)

        b = brotli.Decompressor()
        out = b.process(data, output_buffer_limit=limit)
        finished = b.is_finished()
    elif enc == "zstd":
        import zstandard

        # (frames that do not state their content size, as servers stream them, read on)
        with zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True) as r:
            out = r.read(limit)
        # (the stream reader takes a frame that stops part-way for the end: each frame is
        # checked; what they decompress to is known to be at most ``out``)
        finished, rest = True, data if len(out) < limit else b""
        while finished and rest.strip(b"\x00"):
            z = zstandard.ZstdDecompressor().decompressobj()
            z.decompress(rest)
            finished, rest = z.eof, z.unused_data
    else:
        raise ValueError("not a content coding this reader knows")
    if not finished and data and len(out) < limit and not partial:
        raise Unfinished(f"the {enc} stream stops part-way")
    return out


#: A chunk-size line (HTTP/1.1: hex digits, extensions, CRLF; 8 digits are 4 GB)
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,8}[ \t]*(?:;[^\r\n]*)?\r\n")


def _dechunk(data: bytes) -> tuple[bytes, bool] | None:
    """A chunked transfer body's content, and whether it ends with its last (empty) chunk;
    None where ``data`` does not start with a chunk size (a body stored de-chunked by its
    crawler, the header kept). warcio's reader took a body cut short for a body stored
    de-chunked, and the page was its raw bytes, chunk sizes in the text."""
    out = bytearray()
    pos = 0
    while True:
        m = _CHUNK_SIZE.match(data, pos)
        if m is None:
            return None if pos == 0 else (bytes(out), False)
        size = int(m.group().split(b";", 1)[0].strip(), 16)
        if size == 0:
            return bytes(out), True
        start = m.end()
        out += data[start : start + size]
        if start + size > len(data):
            return bytes(out), False
        pos = start + size
        if data.startswith(b"\r\n", pos):
            pos += 2


def _gunzip_members(data: bytes, limit: int) -> tuple[bytes, bool] | None:
    """Every gzip member of ``data`` decompressed, up to ``limit`` bytes, and whether the
    last one ended; None where the first does not decompress (the caller's reader then
    decides). Bytes after a member that are not another one (padding) end the body."""
    out = bytearray()
    rest = data
    finished = True
    while rest[:2] == b"\x1f\x8b" and len(out) < limit:
        z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += z.decompress(rest, limit - len(out))
        except zlib.error:
            if not out:
                return None
            finished = False  # (a later member broken: the body is not whole)
            break
        finished = z.eof
        if not finished:
            break
        rest = z.unused_data
    return bytes(out), finished


def iso_warc_date(value: str | None) -> str | None:
    """WARC-Date is ISO 8601 in UTC (``Z``); keep it if it parses as such (an offset is
    accepted as well) and names a real time ("2021-99-99T99:99:99Z" does not)."""
    if not value:
        return None
    m = re.match(
        r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$", value.strip()
    )
    if m is None:
        return None
    try:
        datetime.fromisoformat(m.group(1))
    except ValueError:
        return None
    return m.group(1) + m.group(4)


@hookimpl
def corearchive_register_sources(register: Any) -> None:
    for cls in (TextSource, HtmlSource, JsonlSource, WarcSource, ParquetSource):
        register(cls)
