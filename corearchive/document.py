"""The data that flows through a pipeline: documents, their source, and drop outcomes."""

from __future__ import annotations

import contextlib
import hashlib
import operator
import os
import posixpath
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, TypeVar, get_args

from corearchive import lazyre as re

from .characters import tidy_text, unescape_references
from .redact import redact_url

#: The formats of the builtin sources.
BuiltinFormat = Literal["text", "html", "warc", "jsonl", "parquet"]
BUILTIN_FORMATS: tuple[str, ...] = get_args(BuiltinFormat)
#: A document's input format: the name of the source that read it (a builtin one, or a
#: plugin's own; the record schema of a run lists the registered sources' names).
Format = str
DuplicateStatus = Literal["unchecked", "unique", "exact", "near", "revision"]

#: Bumped only if the id recipe changes; ids must stay stable across runs and releases.
_ID_SCHEME = b"corearchive-id-v1"

_C = TypeVar("_C", bound=type)


def _pickled_as_arguments(cls: _C) -> _C:
    """Pickle (and ``copy.copy``) instances as a call of the class with their field values.

    Documents travel to and from worker processes in every chunk; a slots dataclass
    otherwise pickles through dataclasses' Python-level ``__getstate__``/``__setstate__``
    (a ``fields()`` call per object): a quarter of a document's pickling time."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return (cls, values(self))

    def __copy__(self: Any) -> Any:
        # (what copy.copy made of __reduce__, without its protocol look-ups: 7 -> 2.4 µs a
        # document; a stage's batch snapshots each of its documents, see stage._snapshot)
        return cls(*values(self))

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    cls.__copy__ = __copy__  # type: ignore[attr-defined]
    return cls


@_pickled_as_arguments
@dataclass(slots=True)
class SourceInfo:
    """Where a document came from.

    ``path`` is the input path as the user gave it (normalised, relative where it was);
    ``locator`` pins the document inside a container input (a WARC record id, a JSONL line)
    and, with the raw bytes, makes the document id.
    """

    uri: str
    path: str | None
    format: Format
    sha256: str
    fetched_at: str | None = None
    warc_record_id: str | None = None
    locator: str = ""
    #: Media type of the raw payload, as known (e.g. from HTTP headers); used for archiving.
    content_type: str | None = None
    #: For WARC inputs: the original record's WARC headers and its HTTP status line and
    #: headers as bytes, so that the archive copies the original record, not a re-wrapping.
    warc_headers: list[tuple[str, str]] | None = None
    http_head: bytes | None = None
    #: HTTP response headers (lower-cased names), e.g. ``last-modified`` for date bounds.
    http_headers: dict[str, str] = field(default_factory=dict)

    @property
    def read_again(self) -> bool:
        """Whether an archived document with this one's raw bytes and address is this one,
        read again by another spelling of its input's path (``seeds/a.txt``, then
        ``/data/seeds/a.txt``), whose id differs: a file's document (its URI is the
        resolved path) or a dump's (JSON Lines, Parquet: the line holds the capture); not a
        WARC record's, a second capture, archived as a revisit."""
        return self.uri.startswith("file:") or self.format in ("jsonl", "parquet")

    @property
    def same_record(self) -> str | None:
        """A WARC record's id, for a document that an archived one is if it was archived
        as that very record (same bytes, address and record id, its copy keeping the id):
        the crawl's WARC read again under another name (Heritrix's ``.warc.gz.open``
        renamed when closed, a copy), no second capture (it was an exact duplicate, and
        ``history`` listed a re-fetch that never was: s37 acc-crawl F16); else None."""
        return self.warc_record_id if self.format == "warc" and not self.read_again else None

    def to_json(self) -> dict[str, Any]:
        """The ``source`` object of a record (the contract fields only)."""
        return {
            "uri": self.uri,
            "path": self.path,
            "format": self.format,
            "sha256": self.sha256,
            "fetched_at": self.fetched_at,
            "warc_record_id": self.warc_record_id,
        }


@_pickled_as_arguments
@dataclass(slots=True)
class Language:
    """Document language: ISO 639-1 code where one exists (else 639-3), confidence in 0..1,
    and the ISO 15924 code of the script the text is written in ("Latn", "Cyrl", "Hans",
    "Hant", "Jpan"; None where unknown): what an index needs to choose an analyser."""

    code: str
    confidence: float
    script: str | None = None


@_pickled_as_arguments
@dataclass(slots=True)
class Duplicate:
    """Duplicate status of a document against everything archived before it:
    ``unchecked`` until a stage decides it (a run without a dedup stage says so, instead of
    calling every document unique)."""

    status: DuplicateStatus = "unchecked"
    of: str | None = None
    similarity: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "of": self.of, "similarity": self.similarity}


@_pickled_as_arguments
@dataclass(slots=True)
class Archive:
    """Where a document's records live in the WARC output."""

    warc: str
    offset: int
    raw_record_id: str
    conversion_record_id: str | None
    #: The run that archived it (``runs/RUN_ID.json``): a record said nothing of its run,
    #: the way there was record -> WARC file -> warcinfo isPartOf. Here, not at the
    #: record's top: what differs between two runs of the same inputs is ``archive``.
    run_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "warc": self.warc,
            "offset": self.offset,
            "raw_record_id": self.raw_record_id,
            "conversion_record_id": self.conversion_record_id,
        }
        if self.run_id is not None:
            out["run_id"] = self.run_id
        return out


@dataclass(slots=True, frozen=True)
class Drop:
    """A stage's decision not to keep a document: an outcome with a reason, not an error."""

    reason: str
    detail: Any = None


@_pickled_as_arguments
@dataclass(slots=True)
class Document:
    """One document on its way through the stages.

    ``raw`` is never mutated and is archived as is; ``text`` is the current cleaned text.
    The core fields are what downstream indexes read; ``annotations`` holds each stage's own
    evidence under the stage's name.
    """

    id: str
    source: SourceInfo
    raw: bytes
    #: The decoded input (text, or HTML markup), never mutated: stages that need the
    #: original lines or markup (metadata) read it here, whatever earlier stages did to ``text``.
    content: str
    #: The current text. For HTML input it starts as the markup (``is_html``) until a stage
    #: extracts the text from it.
    text: str
    #: ``True`` while ``text`` is markup still to be extracted.
    is_html: bool = False
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    published: str | None = None
    tags: list[str] = field(default_factory=list)
    language: Language | None = None
    duplicate: Duplicate = field(default_factory=Duplicate)
    annotations: dict[str, Any] = field(default_factory=dict)
    archive: Archive | None = None
    #: Scratch space, never written to records: local stages may pass things on to later
    #: local stages (a parsed tree), and an ordered stage's
    #: :meth:`~corearchive.stage.Stage.prepare` leaves work for its ``process`` (keyed by
    #: stage name; the only entry that reaches the main process).
    work: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        *,
        raw: bytes,
        text: str,
        uri: str,
        path: str | None,
        format: Format,
        locator: str = "",
        is_html: bool = False,
        given: Mapping[str, Any] | None = None,
        **source_fields: Any,
    ) -> Document:
        """Build a document with its stable id and raw digest computed from the inputs.

        ``raw`` is what the archive keeps (the input's bytes); ``text`` what the stages
        read (for HTML, the page's markup, with ``is_html=True``). ``uri`` names the
        document (its URL where known); ``path`` the input file; ``locator`` its place in a
        container input (a line, a record offset): the id is computed from the path (or
        URI), the locator and the raw digest, so it stays the same on every run.
        ``source_fields`` are the other :class:`SourceInfo` fields (``content_type``,
        ``fetched_at``, ``http_headers`` ...); ``content_type`` defaults to ``text/html``
        for HTML and ``text/plain`` otherwise; ``fetched_at`` is the capture time (ISO
        8601, UTC), which bounds the publication date. A plain ``text`` is tidied
        (:func:`corearchive.characters.tidy_text`: composed, without control and invisible
        characters; its HTML references decoded when it was clearly escaped); a page's
        markup loses its NULs, byte-order marks and soft hyphens.

        ``given`` is what the input says of the document besides its text (a feed item's
        ``pubDate`` and title, a dump's fields): ``date`` (ISO 8601 or as written: a hint
        the metadata stage checks like the page's own dates, rejected after the capture or
        in the future, ``where: "input"`` in ``annotations.metadata.dates``), ``title``,
        ``site_name`` (strings), ``authors``, ``tags`` (lists of strings). The fields go
        into the document (``title``…), all of them into ``annotations.source.given``, as
        the jsonl source's: set ``document.published`` itself and no stage checks it."""
        source_fields.setdefault("content_type", "text/html" if is_html else "text/plain")
        # A plain text's characters as a record's text has them (see corearchive.characters;
        # an HTML page's once its text is extracted). A page's markup loses a stray NUL (a
        # JSONL "\u0000", a page with a few): no text holds one, lxml refuses a string with
        # it, and databases reject it in text (PostgreSQL). And byte-order marks inside the
        # text (files joined by cat), soft hyphens (U+00AD, the hyphenation hints of German
        # pages: "Not\xadfall\xaddaten"): invisible, they split words and lines that should
        # match (a search index's terms, dedup, the line model). A form feed is HTML's white
        # space, which the parser dropped between two words ("alpha\fbeta" read
        # "alphabeta"), and a vertical tab too.
        text = _markup_tidied(text) if is_html else tidy_text(unescape_references(text))
        sha = hashlib.sha256(raw).hexdigest()
        uri = printable(uri)
        if _NOT_IN_URI.search(uri) is not None:
            # control characters (NUL, DEL, a line break), spaces, double quotes and angle
            # brackets have no place in a URI (RFC 3986), and went raw into the
            # WARC-Target-URI header (invalid WARC; readers warn on every read, or cut the
            # header at a line break): percent-encoded, as a URI has them. What is there
            # already (``%20``), other ASCII, and non-ASCII letters (IRIs) are kept.
            uri = _NOT_IN_URI.sub(_percent, uri)
        # (the id from the URI as given: the same as before credentials were taken out)
        named = uri
        # user:password@ of the URL is not recorded (record, reject entry, WARC-Target-URI)
        uri = redact_url(uri)
        if path is not None:
            path = source_path(path)
        source = SourceInfo(
            uri=uri, path=path, format=format, sha256=sha, locator=locator, **source_fields
        )
        doc = cls(
            id=make_id(path or named, locator, sha),
            source=source,
            raw=raw,
            content=text,
            text=text,
            is_html=is_html,
        )
        if given is not None:
            doc._take_given(given)
        return doc

    def _take_given(self, given: Mapping[str, Any]) -> None:
        """:meth:`create`'s ``given``: checked, set, and kept in ``annotations.source``."""
        kept: dict[str, Any] = {}
        for key, value in given.items():
            if value is None:
                continue
            if key == "date":
                if isinstance(value, date):  # (a datetime too)
                    value = value.isoformat()
                if not isinstance(value, str):
                    raise TypeError(f"given date: a string or a date, not {type(value).__name__}")
                if value.strip():
                    kept["date"] = value.strip()
            elif key in ("title", "site_name"):
                if not isinstance(value, str):
                    raise TypeError(f"given {key}: a string, not {type(value).__name__}")
                if value.strip():
                    kept[key] = value.strip()
                    setattr(self, key, kept[key])
            elif key in ("authors", "tags"):
                if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                    raise TypeError(f"given {key}: a list of strings")
                if names := [v.strip() for v in value if v.strip()]:
                    kept[key] = names
                    setattr(self, key, list(names))
            else:
                raise TypeError(
                    f"given: unknown field {key!r} (date, title, site_name, authors, tags)"
                )
        if kept:
            mine = self.annotations.setdefault("source", {})
            mine["given"] = {**mine.get("given", {}), **kept}

    @property
    def content_is_html(self) -> bool:
        """Whether ``content`` is HTML markup."""
        return self.source.content_type == "text/html"


#: What a URI cannot hold and an address is encoded for: ASCII controls, space, ``"<>``,
#: and the line breaks beyond ASCII (C1 controls, NEL among them, and U+2028 / U+2029,
#: which IRIs exclude: a reader that splits a WARC header's lines with str.splitlines broke
#: the WARC-Target-URI there)
_NOT_IN_URI = re.compile('[\x00-\x20\x7f-\x9f"<>\u2028\u2029]')


def _percent(m: re.Match[str]) -> str:
    return "".join(f"%{b:02X}" for b in m[0].encode("utf-8"))


#: What :meth:`Document.create` takes out of a page's markup: NULs, byte-order marks and soft
#: hyphens; a form feed or a vertical tab is a space
_MARKUP_CHARS = (("\x00", ""), ("\ufeff", ""), ("\xad", ""), ("\v", " "), ("\f", " "))


def _markup_tidied(text: str) -> str:
    """A page's markup without NULs, byte-order marks and soft hyphens, a form feed or a
    vertical tab a space (:data:`_MARKUP_CHARS`). One ``str.replace`` for each of those the
    page holds: ``str.translate`` with a table looks every character of the page up in it
    (a trafeval dev page of ~140,000 characters with a soft hyphen: 6.4 ms, against
    0.27; 30 of the 494 pages hold one, 2 % of an HTML ingest's CPU)."""
    for char, by in _MARKUP_CHARS:
        if char in text:
            text = text.replace(char, by)
    return text


#: Control characters (C0 but tab, DEL, C1): what a terminal acts on where a line shows
#: them (an escape sequence in a file name or a dump's title), and what no title or name holds.
CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


#: Bounds of a record's metadata fields, whatever their source (a dump's fields, a page's
#: markup or text): a title's characters, a name's (an author, a tag, the site), and a
#: list's names. An index maps such fields as keywords (Elasticsearch's ``ignore_above``
#: drops longer values from its facets), and a value past them is no title or name.
MAX_TITLE_CHARS = 2000
MAX_NAME_CHARS = 300
MAX_NAMES = 200


#: A backslash that starts what :func:`printable` writes for a byte or a surrogate.
_LIKE_AN_ESCAPE = re.compile(r"\\(?=x[0-9a-fA-F]{2}|u[dD][89a-fA-F][0-9a-fA-F]{2})")


def source_path(path: str) -> str:
    """An input's path as its documents' ``source.path`` has it: normalised (``.`` and
    repeated ``/`` dropped, ``x/..`` too unless ``x`` is a symbolic link), ``/`` for the
    separator, a name's bytes that are not UTF-8 as :func:`printable` writes them (``-``,
    standard input, as it is). Control characters are kept: the records' JSON escapes them
    (``\\n``), as every message that shows a path does (:data:`CONTROLS`), and they are
    part of the name that the document's id is made of."""
    if path == "-":
        return path
    # (a Windows path's separators as "/"; on POSIX a backslash is a character of a file
    # name: "caf\\xe9.txt" was recorded as caf/xe9.txt, a file that is not)
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    path = _normalised(utf8_name(path))
    if "\\" in path:
        # (a backslash that an escape of printable() could be taken for, "\\xe9" written
        # in a name, is written \\x5c: a file named with the byte E9 and one with those
        # four characters had one path, and one id)
        path = _LIKE_AN_ESCAPE.sub(r"\\x5c", path)
    return printable(path)


def _normalised(path: str) -> str:
    """``posixpath.normpath(path)``, but for ``x/..`` where ``x`` is a symbolic link: the
    kernel goes up from the folder the link points to, so ``x/link/../b.txt`` (``link`` to
    ``other/dir``) is ``other/b.txt``, and was recorded as ``x/b.txt``, another file (s29
    acc-review L3). Kept as it is then."""
    if ".." not in path.split("/"):
        return posixpath.normpath(path)  # (the same, in C: every document's path)
    root = "/" if path.startswith("/") else ""
    if path.startswith("//") and not path.startswith("///"):
        root = "//"  # (as normpath: POSIX leaves its meaning to the system)
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts and parts[-1] != ".." and not os.path.islink(root + "/".join(parts)):
                parts.pop()
                continue
            if not parts and root:
                continue  # ("/.." is "/")
        parts.append(part)
    return root + "/".join(parts) or "."


#: how Python decodes file names (the locale's encoding; UTF-8 under a UTF-8 locale, the C
#: locale and Python's UTF-8 mode)
_FS_ENCODING = sys.getfilesystemencoding()


def utf8_name(path: str) -> str:
    """A file name as its bytes read as UTF-8 (bytes that are not UTF-8 as surrogate
    escapes), whatever the locale's encoding. Under a Latin-1 or EUC-JP locale Python
    decodes names by the locale: a name written in UTF-8 (``café.txt``) was recorded as
    ``cafÃ©.txt`` and got another id, and a folder ingested under both locales was read
    again by each (s30 acc-locale #6). The bytes are what the file is named; the locale of
    the shell is not."""
    if _FS_ENCODING == "utf-8":
        return path
    return path.encode(_FS_ENCODING, "surrogateescape").decode("utf-8", "surrogateescape")


def printable(text: str) -> str:
    """``text`` as it can be written in UTF-8 (JSON lines, WARC headers, the index): a file
    name's bytes that are not UTF-8 (which Python holds as surrogate escapes, ``a\\udcff``)
    become ``\\xff``, any other lone surrogate ``\\ud800``. The file's URI keeps the exact
    bytes, percent-encoded (``a%FF``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # (a surrogate that no undecodable byte gave)
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return text


_BYTE_ESCAPE = re.compile(r"\\x([89a-f][0-9a-f])")


def unprintable(text: str) -> str:
    """A file name that :func:`printable` wrote, as Python names the file: its ``\\xNN``
    escapes of bytes that are not UTF-8 turned back into those bytes (for the locale's
    decoding of names). Only for finding a file whose recorded name is printable's."""
    if "\\x" not in text:
        return text
    raw = _BYTE_ESCAPE.sub(lambda m: chr(0xDC00 + int(m[1], 16)), text)
    return os.fsdecode(raw.encode("utf-8", "surrogateescape"))


def capture_time(value: Any) -> str | None:
    """A capture time as ISO 8601 in UTC (``…Z``): a datetime (naive: UTC), a date
    (midnight UTC), an ISO date-time string (no offset: UTC, as dumps write it), a 14-digit
    CDX/WARC timestamp (``20190418151254``; one cut to the hour, ``2024010512``, where
    seconds would be a time to come) or seconds since 1970 (a number, or digits);
    None for anything else, and for a year outside 1990-2200 (milliseconds taken for
    seconds, a placeholder zero): a capture time that cannot be read bounds nothing. The
    dump readers and :class:`~corearchive.Cleaner` read it alike."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, datetime):  # (a Parquet timestamp column)
            when = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        elif isinstance(value, date):
            when = datetime(value.year, value.month, value.day, tzinfo=UTC)
        elif isinstance(value, int):
            when = _seconds(value)
        elif isinstance(value, float):
            when = datetime.fromtimestamp(value, UTC)
        elif isinstance(value, str):
            v = value.strip()
            if len(v) == 14 and v.isdigit():
                when = datetime.strptime(v, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
            elif 9 <= len(v) <= 10 and v.isdigit():
                when = _seconds(int(v))
            else:
                when = datetime.fromisoformat(v)
                when = when.replace(tzinfo=UTC) if when.tzinfo is None else when
        else:
            return None
        if not 1990 <= when.year <= 2200:
            return None
        return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    except (ValueError, OverflowError, OSError):
        return None


def _seconds(n: int) -> datetime:
    """``n`` seconds since 1970; but for ten digits that would be a time to come and are a
    CDX timestamp cut to the hour (no capture is yet to come): 2024010512 was read as
    2034-02-20 (s29 acc-review)."""
    when = datetime.fromtimestamp(n, UTC)
    if 10**9 <= n < 10**10 and when > datetime.now(UTC) + timedelta(days=1):
        with contextlib.suppress(ValueError):
            return datetime.strptime(str(n), "%Y%m%d%H").replace(tzinfo=UTC)
    return when


def make_id(where: str, locator: str, raw_sha256: str) -> str:
    """A stable document id: the same input (place, position in it, bytes) gives the same id.

    The place is part of the id so that a byte copy under another name is a distinct
    document (reported as an exact duplicate of the first), not the same one.
    """
    h = hashlib.sha256(_ID_SCHEME)
    for part in (where, locator, raw_sha256):
        h.update(b"\0")
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]
