"""Sources: readers that turn one input (a file, stdin, a member of a folder) into documents.

The host resolves what the user named (files, folders, globs, ``-``) into :class:`InputItem`
objects and undoes gzip; each registered source rates how sure it is that it can read an
item (``sniff``), and the most confident one reads it.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from .document import Document

#: How many leading bytes sources get to sniff.
HEAD_SIZE = 8192


@dataclass(slots=True)
class Failure:
    """An input, or a part of one, that could not be read: the error entry of the report."""

    error: str
    #: Which part of the input failed (``line 3``, ``record at offset 1234``), if not all of it.
    where: str | None = None


@dataclass
class InputItem:
    """One input to read, as the user named it (or as found under a folder they named).

    ``path`` is the path as given (``-`` for stdin); ``data`` holds the bytes when they were
    read up front (stdin), else the file is opened on demand. ``compressed`` is True when the
    bytes are gzip and ``open`` undoes it.
    """

    path: str
    uri: str
    data: bytes | None = None
    compressed: bool = False
    #: Counts a source keeps while reading (e.g. ``skipped:warc:request``), added to the report.
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        """The name without a compression suffix (``a.warc.gz`` → ``a.warc``)."""
        name = Path(self.path).name if self.path != "-" else "-"
        return name[:-3] if self.compressed and name.endswith(".gz") else name

    def open_raw(self) -> io.BufferedIOBase:
        """The stored bytes, compression and all."""
        if self.data is not None:
            return io.BytesIO(self.data)
        return open(self.path, "rb")

    def open(self) -> io.BufferedIOBase:
        """The content bytes, decompressed if the input is gzip."""
        raw = self.open_raw()
        if self.compressed:
            return gzip.GzipFile(fileobj=raw, mode="rb")
        return raw

    def head(self, size: int = HEAD_SIZE) -> bytes:
        """The first ``size`` content bytes (decompressed); empty if unreadable."""
        try:
            with self.open() as f:
                return f.read(size)
        except (OSError, EOFError, zlib.error):
            return b""

    def read_all(self) -> bytes:
        """All content bytes (decompressed). Raises on truncated or corrupt gzip."""
        with self.open() as f:
            return f.read()


class Source:
    """Base class of an input format reader.

    ``name`` is the format (``text``, ``html``, ``warc``, ``jsonl``, or a plugin's own);
    ``suffixes`` are the file suffixes it claims (lower case, without ``.gz``).
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
