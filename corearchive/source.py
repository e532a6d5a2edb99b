"""Sources: readers that turn one input (a file, stdin, a member of a folder) into documents.

The host resolves what the user named (files, folders, globs, ``-``) into :class:`InputItem`
objects and undoes their compression (gzip, zstd, xz, bzip2: told by the first bytes, not the
suffix); each registered source rates how sure it is that it can read an
item (``sniff``), and the most confident one reads it.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from corearchive import lazyre as re

from .document import Document, Drop
from .urlkey import is_web_address, url_key

#: How many leading bytes sources get to sniff.
HEAD_SIZE = 8192


class TruncatedGzip(OSError):
    """The gzip stream ends inside a member."""


class CorruptCompression(OSError):
    """A zstd, xz or bzip2 stream that is truncated or damaged."""


#: Compressions undone by :meth:`InputItem.open`, by their first bytes, and their suffixes
#: (what :attr:`InputItem.name` leaves out). Dumps come as ``.jsonl.zst`` (The Pile,
#: RedPajama), ``.xz`` and ``.bz2`` (Wikipedia) as well as gzip.
COMPRESSIONS: dict[str, tuple[tuple[bytes, ...], tuple[str, ...]]] = {
    "gzip": ((b"\x1f\x8b",), (".gz", ".gzip")),
    "zstd": ((b"\x28\xb5\x2f\xfd",), (".zst", ".zstd")),
    "xz": ((b"\xfd7zXZ\x00",), (".xz",)),
    # "BZh", the block size, then a block's or the end's magic number (so that a text
    # that starts with "BZh9" is still text)
    "bz2": (
        tuple(b"BZh%d" % n + m for n in range(1, 10) for m in (b"1AY&SY", b"\x17rE8P\x90")),
        (".bz2",),
    ),
}

#: How many leading bytes :func:`compression_of` needs.
MAGIC_SIZE = 10


def compression_of(head: bytes) -> str | None:
    """The compression of a stream that starts with ``head`` (its first bytes), or None."""
    for name, (magics, _) in COMPRESSIONS.items():
        if head.startswith(magics):
            return name
    return None


class _Decoding(io.RawIOBase):
    """A compressed stream read as its content, decoded a piece at a time (:meth:`_fill`)
    as it is read; what comes before damage is handed out before the error."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.pending = b""  # compressed bytes not yet decompressed
        self.buf = b""  # decompressed bytes not yet read
        self.pos = 0
        self.d: Any = None  # the decompressor of the current frame, None between frames
        self.done = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def peek(self, size: int) -> bytes:
        while len(self.buf) < size and not self.done:
            self._fill()
        return self.buf[:size]

    def readinto(self, b: Any) -> int:
        while not self.buf and not self.done:
            self._fill()
        n = min(len(b), len(self.buf))
        b[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        self.pos += n
        return n

    #: Whether null bytes between frames are padding to skip (gzip, xz)
    padding = False

    def _new(self) -> Any:
        """A decompressor for the next frame."""
        raise NotImplementedError

    def _truncated(self) -> OSError:
        """The error of a stream that ends inside a frame."""
        raise NotImplementedError

    def _decode(self) -> None:
        """Decode (some of) ``pending`` with ``d`` into ``buf``; at the frame's end, put
        what follows it back into ``pending`` and set ``d`` to None."""
        raise NotImplementedError

    def _fill(self) -> None:
        if not self.pending:
            self.pending = self.raw.read(65536)
            if not self.pending:
                if self.d is not None:
                    raise self._truncated()
                self.done = True
                return
        if self.d is None:
            if self.padding:
                self.pending = self.pending.lstrip(b"\x00")
                if not self.pending:
                    return
            self.d = self._new()
        self._decode()

    def close(self) -> None:
        self.raw.close()
        super().close()

    def release(self) -> Any:
        """Close this reader but not the compressed stream, which it returns (to read on
        from another place of it)."""
        raw, self.raw = self.raw, io.BytesIO()
        self.close()
        return raw


class Decompressing(_Decoding):
    """A zstd, xz or bzip2 stream decompressed as it is read; frames or streams that follow
    one another (``cat a.zst b.zst``) are read as one.

    Like :class:`GunzipReader` it hands out what precedes damage, then raises
    :class:`CorruptCompression` (an ``OSError``, as the sources expect), and a stream that
    stops inside a frame is an error, not an early end (zstandard's own stream reader
    takes it for the end)."""

    #: Compressed bytes given to the decompressor at a time: what one call can expand
    #: (these codecs' decompressor objects do not cap their output) stays small.
    STEP = 16384

    def __init__(self, raw: Any, codec: str) -> None:
        if codec not in ("zstd", "xz", "bz2"):
            raise ValueError(f"unknown compression {codec!r}")
        if codec == "zstd":
            import zstandard  # (a dependency; imported only for zstd input)

            self._errors: tuple[type[BaseException], ...] = (zstandard.ZstdError,)
            self._make: Any = zstandard.ZstdDecompressor().decompressobj
        elif codec == "xz":
            self._errors, self._make = (lzma.LZMAError,), lzma.LZMADecompressor
        else:
            self._errors, self._make = (OSError, ValueError), bz2.BZ2Decompressor
        super().__init__(raw)
        self.codec = codec
        self.padding = codec == "xz"  # (xz streams may be padded with nulls)

    def _new(self) -> Any:
        return self._make()

    def _truncated(self) -> OSError:
        return CorruptCompression(f"the {self.codec} data ends inside a frame")

    def _decode(self) -> None:
        piece, self.pending = self.pending[: self.STEP], self.pending[self.STEP :]
        try:
            self.buf += self.d.decompress(piece)
        except self._errors as exc:
            raise CorruptCompression(f"corrupt {self.codec} data: {exc}") from exc
        if self.d.eof:
            self.pending, self.d = self.d.unused_data + self.pending, None


class GunzipReader(_Decoding):
    """Decompress a (multi-member) gzip stream, returning data as soon as it is decoded.

    Unlike :class:`gzip.GzipFile` it hands out what precedes damage before it raises, and
    it raises :class:`TruncatedGzip` / :class:`zlib.error` rather than a bare ``EOFError``
    (which warcio takes for the end of the archive).
    """

    padding = True

    def __init__(self, raw: Any) -> None:
        super().__init__(raw)
        #: Where in ``raw`` the current gzip member starts (the end of the last one read
        #: whole): a reader of per-record members (WARC.gz) goes on after a damaged one by
        #: looking for the next member from there.
        self.member_start: int | None = _tell(raw)

    def _new(self) -> Any:
        return zlib.decompressobj(wbits=31)

    def member_search_start(self) -> int | None:
        """Where a search for the gzip member after the one that holds the content read
        last starts (the first byte after it is searched): that member's start, or, between
        members, the byte before the next one."""
        if self.member_start is None:
            return None
        return self.member_start - 1 if self.d is None else self.member_start

    def _truncated(self) -> OSError:
        return TruncatedGzip("the gzip data ends in the middle of a member")

    def _decode(self) -> None:
        self.buf += self.d.decompress(self.pending, 1 << 20)
        if self.d.eof:
            self.pending, self.d = self.d.unused_data, None
            if (at := _tell(self.raw)) is not None:
                self.member_start = at - len(self.pending)
        else:
            self.pending = self.d.unconsumed_tail


#: The first bytes of a gzip member (magic, deflate)
GZIP_MEMBER = b"\x1f\x8b\x08"


def next_warc_member(raw: Any, start: int) -> int | None:
    """The offset in ``raw`` (compressed bytes) of the first gzip member after ``start``
    whose data starts a WARC record, or None. (The gzip magic bytes alone may occur inside
    compressed data: a candidate counts only if it decompresses to ``WARC/``.)"""
    at = start + 1
    try:
        while True:
            raw.seek(at)
            chunk = raw.read(1 << 20)
            if len(chunk) < len(GZIP_MEMBER):
                return None
            i = chunk.find(GZIP_MEMBER)
            if i < 0:
                at += len(chunk) - len(GZIP_MEMBER) + 1
                continue
            at += i
            raw.seek(at)
            try:
                if zlib.decompressobj(31).decompress(raw.read(4096), 16).startswith(b"WARC/"):
                    return int(at)
            except zlib.error:
                pass
            at += 1
    except (OSError, ValueError):  # (a stream that cannot seek)
        return None


#: The start of a WARC record: its version line, at the start of a line
WARC_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")


def next_warc_line(raw: Any, start: int) -> int | None:
    """The offset in ``raw`` (an uncompressed WARC file) of the first line after byte
    ``start`` that starts a record (:data:`WARC_START`), or None."""
    at = start + 1
    try:
        raw.seek(at)
        data = b""
        while chunk := raw.read(1 << 20):
            data += chunk
            if (m := WARC_START.search(data, 1)) is not None:
                return at + m.start(1)
            keep = min(16, len(data))  # (a version line cut at the chunk's end)
            at += len(data) - keep
            data = data[len(data) - keep :]
    except (OSError, ValueError):  # (a stream that cannot seek)
        return None
    return None


def _tell(raw: Any) -> int | None:
    """``raw.tell()``, or None for a stream that cannot tell."""
    try:
        return int(raw.tell())
    except (OSError, AttributeError, ValueError):
        return None


#: The stage a document whose capture failed is dropped at (see :func:`fetch_failed`)
FETCH_STAGE = "input"


def fetch_failed(doc: Document) -> Drop | None:
    """The drop of a document whose capture was an HTTP error, 4xx or 5xx (a source sets
    ``annotations.source.http_status``: a WARC response's status, a dump line's
    ``status``): the server's error page ("404 - Page not found") is no article, and the
    entry names the address that was gone (s31 acc-recrawl #7, #8); or that its source
    found to be no page (``annotations.source.not_a_page``, its ``kind`` and what else the
    drop's detail says: a crawl's index or robots.txt, a mirror's style sheet, a redirect
    page), which the entry names, where it was archived as an article (s37 acc-crawl); or
    that is a crawl's ``revisit`` record (``annotations.source.revisit``: the capture it
    refers to); else None."""
    source = doc.annotations.get("source") or {}
    status = source.get("http_status")
    if isinstance(status, int) and status >= 400:
        detail: dict[str, Any] = {"status": status}
        if is_web_address(doc.source.uri) and (page := url_key(doc.source.uri)):
            # (the key the records of the page's versions name, annotations.dedup.page, or
            # annotations.dedup.fetched_page when the page names another address as its
            # own: an index marks them gone by it; s43 acc-index #4, s44 acc-read F10)
            detail["page"] = page
        return Drop("http_status", detail)
    if isinstance(what := source.get("not_a_page"), dict):
        return Drop("not_a_page", dict(what))
    if isinstance(what := source.get("revisit"), dict):
        # (a crawl's revisit record: a re-fetch of a page it had, no page to read; see
        # WarcSource._revisit)
        return Drop("revisit", dict(what))
    return None


@dataclass(slots=True)
class Failure:
    """An input, or a part of one, that could not be read: the error entry of the report."""

    error: str
    #: Which part of the input failed (``line 3``, ``record at offset 1234``), if not all of it.
    where: str | None = None
    #: True when the same bytes will always fail so (a truncated or corrupt record or
    #: compressed member, a malformed line: :func:`lasting`), with the same code and
    #: configuration; False (the default) for what may pass another time (an ``OSError``
    #: while reading, a source's bug). A file whose only error entries are lasting ones is
    #: recorded as read (see :mod:`corearchive.unchanged`), not read again every run.
    lasting: bool = False


def lasting(exc: BaseException) -> bool:
    """Whether ``exc``, raised while reading an input's bytes, is one the same bytes will
    always raise (damaged data: :class:`TruncatedGzip`, :class:`CorruptCompression`, a bad
    gzip header, ``zlib.error``, ``EOFError``, a parser's ``ValueError``), not a failure of
    the reading itself (any other ``OSError``: an I/O error, a file gone or cut while read;
    ``MemoryError``; ``TimeoutError``), which the next run tries again."""
    if isinstance(exc, (TruncatedGzip, CorruptCompression, gzip.BadGzipFile)):
        return True
    return not isinstance(exc, (OSError, MemoryError, RecursionError))


@dataclass
class InputItem:
    """One input to read, as the user named it (or as found under a folder they named).

    ``path`` is the path as given (``-`` for stdin); ``data`` holds the bytes when they were
    given up front, ``spool`` names the file to read in its place (the temporary copy of
    standard input or a pipe, or the file standard input is redirected from), else the file
    is opened on demand. ``compressed`` is True when the bytes are compressed
    (``codec``: one of :data:`COMPRESSIONS`) and ``open`` undoes it.
    """

    path: str
    uri: str
    data: bytes | None = None
    compressed: bool = False
    codec: str = "gzip"
    spool: str | None = None
    #: Counts a source keeps while reading (e.g. ``skipped:warc:request``), added to the report.
    counts: Counter[str] = field(default_factory=Counter)
    #: Resumable reading (optional for a source; see :class:`Source`): where the source can
    #: resume right after the last result it handed out (a JSON value it sets before each
    #: result), and where it is asked to resume (set by the caller before ``read``).
    position: Any = None
    resume: Any = None
    #: The stored bytes' file as last opened by :meth:`open_raw` (how far reading has come)
    _raw: Any = field(default=None, repr=False, compare=False)
    #: While ``spool`` is still being copied from its pipe: the copy's :class:`SpoolFill`
    #: (reading waits for what the pipe has not given yet).
    fill: Any = field(default=None, repr=False, compare=False)
    #: The :class:`Source` chosen to read it, once chosen (``inputs.captures_first``): the
    #: run reads it with that one instead of opening and sniffing the input again.
    source: Any = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        """The name without a compression suffix (``a.warc.gz`` → ``a.warc``)."""
        name = Path(self.path).name if self.path != "-" else "-"
        if self.compressed:
            for suffix in COMPRESSIONS.get(self.codec, ((), ()))[1]:
                if name.lower().endswith(suffix):
                    return name[: -len(suffix)]
        return name

    def open_raw(self) -> io.BufferedIOBase:
        """The stored bytes, compression and all."""
        raw: io.BufferedIOBase
        if self.data is not None:
            raw = io.BytesIO(self.data)
        elif self.spool is not None and self.fill is not None and not self.fill.finished():
            raw = io.BufferedReader(GrowingFile(self.spool, self.fill), 1 << 16)
        else:
            raw = open(self.spool or self.path, "rb")  # noqa: SIM115
        self._raw = raw
        return raw

    def __getstate__(self) -> dict[str, Any]:
        # (an item sent to another process goes without its open file, or its copy's thread,
        # or its source: a plugin's may not pickle; it is chosen again there)
        return {**self.__dict__, "_raw": None, "fill": None, "source": None}

    def size(self) -> int | None:
        """How many bytes are stored (the file's size), if known: not for standard input,
        nor for a pipe whose copy is still being made."""
        if self.data is not None:
            return len(self.data)
        if (self.path == "-" and self.spool is None) or (
            self.fill is not None and not self.fill.finished()
        ):
            return None
        try:
            return Path(self.spool or self.path).stat().st_size
        except OSError:
            return None

    def read_through(self) -> bool:
        """Whether the file that :meth:`open_raw` opened last has been closed again (the
        input read through, or given up)."""
        return self._raw is not None and self._raw.closed

    def bytes_read(self) -> int | None:
        """How far into the stored bytes reading has come (compressed bytes for a compressed
        input), while the file that :meth:`open_raw` opened last is open; else None."""
        raw = self._raw
        if raw is None or raw.closed:
            return None
        try:
            return int(raw.tell())
        except (OSError, ValueError):
            return None

    def open(self) -> io.BufferedIOBase:
        """The content bytes, decompressed if the input is compressed.

        A truncated or corrupt stream yields the bytes before the damage, then raises
        :class:`TruncatedGzip` or :class:`zlib.error` (gzip) or :class:`CorruptCompression`;
        closing the stream closes the file.
        """
        raw = self.open_raw()
        if self.compressed:
            return io.BufferedReader(self.decompressing(raw))
        return raw

    def decompressing(self, raw: Any) -> GunzipReader | Decompressing:
        """A reader of ``raw`` (the stored bytes) that undoes the item's compression."""
        if self.codec == "gzip":
            return GunzipReader(raw)
        try:
            return Decompressing(raw, self.codec)
        except BaseException:
            raw.close()
            raise

    @property
    def damaged(self) -> str:
        """How a read error of this item is named: its data, or the file."""
        return f"truncated or corrupt {self.codec}" if self.compressed else "unreadable file"

    def head(self, size: int = HEAD_SIZE) -> bytes:
        """The first ``size`` content bytes (decompressed), as far as they can be read.

        A truncated or corrupt gzip gives the bytes decompressed before the damage (so that
        a truncated ``.warc.gz`` is still told to be a WARC), an unreadable file nothing.
        """
        out = bytearray()
        try:
            with self.open() as f:
                while len(out) < size:
                    chunk = f.read1(size - len(out)) if hasattr(f, "read1") else f.read(size)
                    if not chunk:
                        break
                    out += chunk
        except (OSError, EOFError, ValueError, zlib.error):
            pass  # keep what came before the damage
        return bytes(out[:size])

    def read_all(self) -> bytes:
        """All content bytes (decompressed). Raises on truncated or corrupt gzip."""
        with self.open() as f:
            return f.read()


class Source:
    """Base class of an input format reader.

    ``name`` is the format (``text``, ``html``, ``warc``, ``jsonl``, or a plugin's own);
    ``suffixes`` are the file suffixes it claims (lower case, without ``.gz``).

    A source of a container format may make its reading resumable, so that the staged plan
    starts a task at its part of a big input instead of reading every result before it:
    before handing out each result it sets ``item.position`` to a JSON value (a byte offset
    and its own counters, say), and when :meth:`read` finds ``item.resume`` set to such a
    value it yields what would have followed that result, with the same ids and failures,
    and adds to ``item.counts`` (what it skipped, for the run's report) only what it would
    have counted after that result. A source that leaves ``item.position`` at None is read
    from the start. A source takes no options (it is made without arguments). Its
    documents come from :meth:`Document.create` (``format`` its ``name``; ``given``: the
    input's date hint and fields, see there); docs/plugins.md has a complete example.
    """

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = ()

    def sniff(self, head: bytes, item: InputItem) -> float:
        """How sure (0..1) this source is that it can read ``item``, given its first bytes."""
        return 0.0

    def read(self, item: InputItem) -> Iterator[Document | Failure]:
        """Yield the documents in ``item``, and a :class:`Failure` for each unreadable part.

        A failure of the whole input is a single :class:`Failure`; records read before a
        corrupt part are still yielded.
        """
        raise NotImplementedError


class SpoolFill:
    """The copy of a pipe (standard input) into its spool file, made by a thread as the pipe
    gives it: how far it has come, whether it is finished, and why it stopped short."""

    def __init__(self) -> None:
        import threading

        self.cond = threading.Condition()
        self.size = 0
        self.done = False
        #: Why the copy stopped short (a read error of the pipe, a full disk), if it did
        self.problem: str | None = None
        #: Set when nobody reads the copy any more: the copy stops
        self.abandoned = False

    def finished(self) -> bool:
        with self.cond:
            return self.done

    def grew(self, n: int) -> None:
        with self.cond:
            self.size += n
            self.cond.notify_all()

    def finish(self, problem: str | None) -> None:
        with self.cond:
            self.done, self.problem = True, problem
            self.cond.notify_all()

    def wait_past(self, at: int) -> bool:
        """Until the copy holds more than ``at`` bytes (True) or is finished (False)."""
        with self.cond:
            self.cond.wait_for(lambda: self.done or self.size > at)
            return self.size > at

    def wait_for(self, size: int) -> None:
        """Until the copy holds ``size`` bytes or is finished."""
        with self.cond:
            self.cond.wait_for(lambda: self.done or self.size >= size)


class GrowingFile(io.RawIOBase):
    """A spool file read while its pipe is still being copied into it: a read at its end
    waits for the copy, and ends with the copy (raising its problem, if it had one); a seek
    from the end waits for the whole copy. Standard input is processed as it comes, not
    after the producer has closed it (a crawler writing JSON Lines for hours)."""

    def __init__(self, path: str, fill: SpoolFill) -> None:
        self.f = open(path, "rb", buffering=0)  # noqa: SIM115
        self.fill = fill

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while True:
            n = self.f.readinto(b)
            if n:
                return int(n)
            if self.fill.wait_past(self.f.tell()):
                continue
            if self.fill.problem is not None:
                raise OSError(self.fill.problem)
            return 0

    def seek(self, offset: int, whence: int = 0) -> int:
        if whence == io.SEEK_END:
            self.fill.wait_for(1 << 62)
        return int(self.f.seek(offset, whence))

    def tell(self) -> int:
        return int(self.f.tell())

    def close(self) -> None:
        self.f.close()
        super().close()
