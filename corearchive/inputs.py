"""Turn what the user named (files, folders, globs, ``-``) into input items, and pick a source.

Folders are walked recursively in sorted order (so ids and duplicate decisions do not depend
on the file system's listing order); hidden files and folders are skipped.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .source import HEAD_SIZE, InputItem, Source

_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name that matched nothing (a missing file, an empty glob)."""

    path: str
    error: str


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def expand(names: Iterable[str], stdin: bytes | None = None) -> Iterator[InputItem | Unresolved]:
    """Resolve names into input items, in the order given; ``-`` reads standard input.

    A file named twice (also as ``./a`` and ``a``, or through a folder and by name) is read
    once; a name that yields no file at all (a missing path, a glob matching nothing, an
    empty folder) is :class:`Unresolved`.
    """
    seen: set[str] = set()

    def item(path: str) -> InputItem | None:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            return None
        seen.add(key)
        return _make_item(path)

    for name in names:
        if name == "-":
            if "-" in seen:
                continue  # standard input can be read only once
            seen.add("-")
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            yield InputItem(
                path="-", uri="stdin:", data=data, compressed=data.startswith(_GZIP_MAGIC)
            )
            continue
        if os.path.isdir(name):
            found = False
            for path in _walk(name):
                found = True
                if (it := item(path)) is not None:
                    yield it
            if not found:
                yield Unresolved(name, "no files in this folder (hidden files are skipped)")
            continue
        if os.path.isfile(name):
            if (it := item(name)) is not None:
                yield it
            continue
        if _is_glob(name):
            matches = sorted(glob.glob(name, recursive=True))
            found = False
            for match in matches:
                paths = _walk(match) if os.path.isdir(match) else [match]
                for path in paths:
                    if not os.path.isfile(path):
                        continue  # a broken link, a socket, …
                    found = True
                    if (it := item(path)) is not None:
                        yield it
            if not found:
                yield Unresolved(name, "no file matches this pattern")
            continue
        yield Unresolved(name, "no such file or folder")


def _make_item(path: str) -> InputItem:
    compressed = False
    try:
        with open(path, "rb") as f:
            compressed = f.read(2) == _GZIP_MAGIC
    except OSError:
        pass  # reported when the source reads it
    return InputItem(path=path, uri=Path(path).resolve().as_uri(), compressed=compressed)


def read_head(item: InputItem, size: int = HEAD_SIZE) -> bytes:
    """The first ``size`` content bytes of ``item`` (see :meth:`InputItem.head`)."""
    return item.head(size)


def choose_source(item: InputItem, sources: Mapping[str, Source]) -> tuple[Source, bytes]:
    """The source most confident it can read ``item`` (suffix and content), and its head.

    Ties go to the source that claims the item's suffix, then to registration order.
    """
    head = read_head(item, HEAD_SIZE)
    suffix = Path(item.name).suffix.lower()
    best: tuple[float, int, int] | None = None
    chosen: Source | None = None
    for order, src in enumerate(sources.values()):
        score = src.sniff(head, item)
        key = (score, int(suffix in src.suffixes), -order)
        if best is None or key > best:
            best, chosen = key, src
    if chosen is None:
        raise LookupError("no source is registered")
    return chosen, head


__all__ = ["HEAD_SIZE", "InputItem", "Unresolved", "choose_source", "expand", "read_head"]
