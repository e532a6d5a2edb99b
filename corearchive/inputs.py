"""Turn what the user named (files, folders, globs, ``-``) into input items, and pick a source.

Folders are walked recursively in sorted order (so ids and duplicate decisions do not depend
on the file system's listing order); hidden files and folders are skipped, and so is the
run's own output (its folder and index) when a folder or pattern reaches it: ``ingest . -o
out`` must not read ``out/records.jsonl`` or the index back as input.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import io
import itertools
import json
import os
import stat
import sys
import tempfile
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from corearchive import lazyre as re

from .document import BUILTIN_FORMATS, Document, printable
from .hookspecs import builtin
from .source import (
    HEAD_SIZE,
    MAGIC_SIZE,
    Failure,
    InputItem,
    Source,
    SpoolFill,
    compression_of,
)
from .stage import describe_error


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name that matched nothing (a missing file, an empty glob)."""

    path: str
    error: str

    @property
    def uri(self) -> str:
        """The name as a ``file:`` URI of its absolute path (as a file's documents have it;
        an error entry's bare relative path said nothing once the run's folder was left)."""
        return unresolved_uri(self.path)


def unresolved_uri(path: str) -> str:
    """:attr:`Unresolved.uri` of a name (standard input: ``stdin:``)."""
    if path == "-":
        return "stdin:"
    return Path(os.path.abspath(path)).as_uri()


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[")


#: SQLite's companions of a database file (its write-ahead log, shared memory, journal).
_SQLITE_SIDE = ("", "-wal", "-shm", "-journal")


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.realpath(path))


class _Skip:
    """The run's own output: folders (and everything under them) and files (an index file
    with its SQLite companions) that a folder walk or a pattern does not read.

    The companions' names only for what is not a folder (an index, there or still to be
    made): an input folder ``OUT-journal`` beside the output folder was left out in
    silence (s29 acc-review L2)."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        self.keys = {
            _key(p) + side for p in paths for side in (("",) if os.path.isdir(p) else _SQLITE_SIDE)
        }
        #: other runs' output folders that walks passed over (see :func:`_is_output_folder`)
        self.outputs: list[str] = []

    def __contains__(self, path: str) -> bool:
        if not self.keys:
            return False
        key = _key(path)
        return any(key == k or key.startswith(k + os.sep) for k in self.keys)

    def walk(self, folder: str) -> Iterator[str | Unresolved]:
        """The files under ``folder`` in sorted order, without hidden ones and the output,
        and each folder under it that cannot be listed (permission denied, a path too long)
        as :class:`Unresolved`: its files were left out in silence.

        Linked folders are followed (a data folder linked into the input tree is input),
        each real folder once: a link to a folder above it does not loop."""
        seen = {os.path.realpath(folder)}
        errors: list[OSError] = []
        for root, dirs, files in os.walk(folder, followlinks=True, onerror=errors.append):
            yield from _unlisted(errors, root)
            kept = []
            for d in sorted(dirs):
                path = os.path.join(root, d)
                if d.startswith(".") or path in self:
                    continue
                if _is_output_folder(path):
                    self.outputs.append(path)
                    continue
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    kept.append(d)
            dirs[:] = kept
            for name in sorted(files):
                path = os.path.join(root, name)
                if not name.startswith(".") and path not in self:
                    yield path
        yield from _unlisted(errors, folder)

    def unlisted(self, folder: str) -> Iterator[Unresolved]:
        """The folders under ``folder`` that cannot be listed (as :meth:`walk` tells them):
        a recursive pattern (``**``) passes over them in silence."""
        for found in self.walk(folder):
            if isinstance(found, Unresolved):
                yield found


def _unlisted(errors: list[OSError], where: str) -> Iterator[Unresolved]:
    """The folders ``os.walk`` could not list (its ``onerror`` calls), emptied."""
    while errors:
        exc = errors.pop(0)
        yield Unresolved(
            str(exc.filename or where),
            f"a folder that cannot be listed: {exc.strerror or exc}: its files are not read",
        )


def _fixed_part(pattern: str) -> str:
    """The folder a pattern's matches are under: its path up to the first part with a
    wildcard (``crawl/2024/**/*.warc.gz`` → ``crawl/2024``)."""
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not _is_glob(part), parts[:-1]))
    return str(Path(*fixed)) if fixed else "."


#: The name of a WARC file (what an output folder named as input gives)
_WARC_NAME = re.compile(r"\.(?:warc|arc)(?:\.gz|\.zst)?$", re.I)


def _is_output_folder(path: str) -> bool:
    """Whether the folder is an output folder of corearchive (another run's ``-o``: its
    manifest and runs, or its lock), which a walk of a folder above it does not read: its
    records, index and manifests are no inputs, and its WARC files hold what was archived
    (ingested again when named themselves: ``ingest old/warc``)."""
    manifests = os.path.isfile(os.path.join(path, "run.json")) and os.path.isdir(
        os.path.join(path, "runs")
    )
    return manifests or os.path.exists(os.path.join(path, ".corearchive.lock"))


def _unreadable(path: str) -> str | None:
    """Why a path that a folder walk or a pattern found cannot be read as a file, or None.

    A broken or looping symbolic link and a pipe, socket or device in a folder become error
    entries of their own instead of stopping the run (resolving a looping link raises) or
    hanging it (opening a named pipe waits for a writer)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: not read"
        if os.path.islink(path):
            return "a broken symbolic link (its target does not exist): not read"
        return f"cannot be read: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe, socket or device found in a folder): not read"
    return None


def expand(
    names: Iterable[str],
    stdin: bytes | None = None,
    skip: Iterable[str | os.PathLike[str]] = (),
    spool_dir: str | os.PathLike[str] | None = None,
    refuse_pipes: str | None = None,
    repeated: Callable[[str], None] | None = None,
) -> Iterator[InputItem | Unresolved]:
    """Resolve names into input items, in the order given; ``-`` reads standard input.

    A file named twice (also as ``./a`` and ``a``, through a link, or through a folder and
    by name) is read once, its other names given to ``repeated`` (for the run's report); a
    name that yields no file at all (a missing path, a glob matching nothing, an empty
    folder) is :class:`Unresolved`. Folders and files under a ``skip`` path (the
    run's output folder and index) are left out of folder walks and patterns, and a folder
    named as input that is one of them is :class:`Unresolved`; a file named by itself is
    read (re-ingesting an earlier run's ``records.jsonl`` is a use). Standard input and
    pipes are copied into a temporary file in ``spool_dir`` (the run's output folder: the
    disk meant for its data, where ``/tmp`` may be a small in-memory file system), else in
    the system's temporary folder; standard input redirected from a file is read in place.
    With ``refuse_pipes`` (the reason), a pipe or device named as input is
    :class:`Unresolved` instead, unread.
    """
    seen: set[str] = set()
    own = _Skip(skip)

    def item(path: str) -> InputItem | None:
        real = os.path.realpath(path)  # (the key and the URI)
        key = os.path.normcase(real)
        if key in seen:
            if repeated is not None:
                repeated(path)
            return None
        seen.add(key)
        return _make_item(path, real)

    def found_item(path: str) -> InputItem | Unresolved | None:
        # a file found in a folder or by a pattern, not named: a broken link, a pipe or a
        # device there is told, not read
        if (why := _unreadable(path)) is not None:
            return Unresolved(path, why)
        return item(path)

    loops: dict[str, frozenset[str] | None] = {}
    for name in names:
        if name == "-":
            if "-" in seen:
                continue  # standard input can be read only once
            seen.add("-")
            if stdin is not None:
                yield _item("-", "stdin:", stdin[:MAGIC_SIZE], stdin)
            elif sys.stdin is None:  # (``<&-``)
                yield Unresolved("-", "standard input is closed")
            elif (redirected := _redirected_file(sys.stdin.buffer)) is not None:
                yield _item("-", "stdin:", _head_of(redirected), spool=redirected)
            else:
                reader, own_reader = _stdin_reader()
                yield _spooled("-", "stdin:", reader, spool_dir, close=own_reader)
            continue
        if os.path.isdir(name):
            if name in own:
                yield Unresolved(name, "this folder is the run's own output (-o), not an input")
                continue
            archive = _is_output_folder(name)
            if archive:
                # another run's output folder named as input: what it archived is in its WARC
                # files (its records.jsonl was read first, as a dump, and the raw inputs in
                # the WARC files dropped as its duplicates; its rejects, manifests and index
                # were error entries: s27 reprocessing tester)
                print(
                    f"corearchive: {name} is a corearchive output folder: its WARC files are"
                    " read (the raw inputs it archived), not its records, manifests or index",
                    file=sys.stderr,
                )
            found = False
            before = len(own.outputs)
            for path in own.walk(name):
                if archive and isinstance(path, str) and not _WARC_NAME.search(path):
                    continue
                found = True
                if isinstance(path, Unresolved):
                    yield path
                elif (res := found_item(path)) is not None:
                    yield res
            if found:
                _passed_over(own.outputs[before:])
            else:
                skipped = own.outputs[before:]
                yield Unresolved(
                    name,
                    "no WARC files in this corearchive output folder"
                    if archive
                    else "no files in this folder but corearchive output folders, which are"
                    f" not read ({', '.join(skipped[:3])}): name one to read its WARC files"
                    if skipped
                    else "no files in this folder (hidden files are skipped)",
                )
            continue
        if os.path.isfile(name):
            if (it := item(name)) is not None:
                yield it
            continue
        if os.path.exists(name):
            # named by itself, neither file nor folder: a pipe (``<(zcat dump.gz)``) or a
            # device, read once like standard input (it cannot be opened twice)
            if (key := _key(name)) in seen:
                continue
            seen.add(key)
            if refuse_pipes is not None:
                yield Unresolved(name, refuse_pipes)
                continue
            if _is_device(name):
                # (/dev/zero or /dev/urandom named by mistake was copied into OUT until the
                # disk was full)
                yield Unresolved(name, "a device, not a file or a pipe: not read")
                continue
            uri = Path(os.path.abspath(name)).as_uri()  # (not the pipe's /proc name)
            spooled: InputItem | Unresolved
            try:
                # (not closed here: the copy's thread reads it on, and closes it at the end;
                # a `with` closed it under the thread, whose next read failed: 25 of 221
                # documents of a dump given as <(cat dump))
                pipe = open(name, "rb")  # noqa: SIM115
            except OSError as exc:  # (opening it: reading and copying are told apart inside)
                spooled = Unresolved(name, f"cannot be read: {exc.strerror or exc}")
            else:
                spooled = _spooled(name, uri, pipe, spool_dir, close=True)
            yield spooled
            continue
        if os.path.islink(name):
            yield Unresolved(name, _unreadable(name) or "a broken symbolic link")
            continue
        if _is_glob(name):
            matches = sorted(glob.glob(name, recursive=True))
            if "**" in name:
                # (** follows linked folders, around a loop again and again: 'loop/**/*.txt'
                # gave one file under 41 names, counted as 41 inputs, 40 "named again")
                matches = [m for m in matches if not _around_a_loop(m, loops)]
            found = mine = False
            before = len(own.outputs)
            for match in matches:
                paths = own.walk(match) if os.path.isdir(match) else [match]
                for path in paths:
                    if isinstance(path, Unresolved):
                        found = True
                        if (key := "unlisted:" + _key(path.path)) not in seen:
                            seen.add(key)
                            yield path
                        continue
                    if path in own:
                        mine = True
                        continue  # the run's own output
                    found = True
                    if (res := found_item(path)) is not None:
                        yield res
            if "**" in name:
                # (glob leaves out what it cannot list: the folders under the pattern's
                # fixed part that a walk cannot list are named, once)
                base = _fixed_part(name)
                if os.path.isdir(base):
                    for unlisted in own.unlisted(base):
                        if (key := "unlisted:" + _key(unlisted.path)) not in seen:
                            seen.add(key)
                            found = True
                            yield unlisted
            _passed_over(own.outputs[before:])
            if not found:
                yield Unresolved(
                    name,
                    "this pattern matches only the run's own output (-o), not an input"
                    if mine
                    else "no file matches this pattern",
                )
            continue
        yield Unresolved(name, "no such file or folder")


def _passed_over(outputs: list[str]) -> None:
    """Say which output folders of corearchive a walk passed over (docs/archive.md: "the
    message says so"): with other files beside them, nothing was said, and their WARC files
    went unread in silence (s32 docs finding 16)."""
    if not outputs:
        return
    more = f" and {len(outputs) - 3} more" if len(outputs) > 3 else ""
    print(
        f"corearchive: note: passed over {', '.join(printable(o) for o in outputs[:3])}{more}:"
        f" {'a corearchive output folder' if len(outputs) == 1 else 'corearchive output folders'},"
        " not read inside an input folder; name one to read its WARC files",
        file=sys.stderr,
    )


def _around_a_loop(path: str, memo: dict[str, frozenset[str] | None]) -> bool:
    """Whether the folders ``path`` is named through pass one real folder twice (a linked
    folder followed back into itself), as a walk of a folder never does."""

    def real_folders(folder: str) -> frozenset[str] | None:
        if folder not in memo:
            parent = os.path.dirname(folder)
            above = real_folders(parent) if parent and parent != folder else frozenset()
            real = os.path.realpath(folder)
            memo[folder] = None if above is None or real in above else above | {real}
        return memo[folder]

    return real_folders(os.path.dirname(path)) is None if os.path.dirname(path) else False


def _make_item(path: str, real: str | None = None) -> InputItem:
    """The item of a file (``real``: its real path, when the caller has it)."""
    return _item(path, Path(real or os.path.realpath(path)).as_uri(), _head_of(path))


def _head_of(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(MAGIC_SIZE)
    except OSError:
        return b""  # reported when the source reads it


def _stdin_reader() -> tuple[BinaryIO, bool]:
    """What the thread copying standard input reads, and whether it is a reader of its own
    (closed after the copy): an unbuffered reader on a copy of the descriptor where there is
    one, else ``sys.stdin.buffer`` itself (an in-memory stand-in).

    Why not ``sys.stdin.buffer``: the copy waits inside its read, holding the buffer's lock,
    while a run forks its workers, and multiprocessing closes ``sys.stdin`` as it starts a
    worker: the worker waited for that lock forever, and the run with it (s29 code reviewer).
    An unbuffered reader holds no lock. Nothing has read standard input before this."""
    buffer = sys.stdin.buffer
    try:
        fd = os.dup(buffer.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return buffer, False
    return os.fdopen(fd, "rb", buffering=0), True


def _redirected_file(stream: BinaryIO) -> str | None:
    """The path of the regular file ``stream`` (standard input) reads, when it is one read
    from its start and the path still names it (``corearchive ingest - < dump.warc.gz``):
    it is read in place, not copied. None for a pipe, a terminal, a file read part-way or
    deleted, or where the system does not tell the path (then the input is copied)."""
    try:
        fd = stream.fileno()
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or os.lseek(fd, 0, os.SEEK_CUR) != 0:
            return None
        path = os.readlink(f"/proc/self/fd/{fd}")  # (Linux; elsewhere OSError: copied)
        same = os.stat(path)
    except (OSError, ValueError, AttributeError):  # (no fileno: an in-memory stream)
        return None
    if (same.st_dev, same.st_ino) != (st.st_dev, st.st_ino):
        return None
    return path


def _is_device(name: str) -> bool:
    """Whether ``name`` is a character or block device (a terminal, ``/dev/zero``)."""
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def _spooled(
    path: str,
    uri: str,
    stream: BinaryIO,
    folder: str | os.PathLike[str] | None = None,
    *,
    close: bool = False,
) -> InputItem | Unresolved:
    """Standard input or a pipe, copied in chunks into a temporary file that its item reads.

    Memory stays flat whatever the size of the dump piped in, and the copy can be read
    again (a source sniffs the head first; Parquet is read from its end). The copy is made
    by a thread as the pipe gives it, and the item is read as the copy grows
    (:class:`~corearchive.source.GrowingFile`): the run processes what a producer writes
    as it writes it (it waited for the producer's end: a crawler writing for hours). The
    file is removed when the item goes, or at exit. ``close``: the stream is closed when
    the copy ends (a pipe opened by name; not standard input).
    """
    import threading

    where = os.fspath(folder) if folder is not None else tempfile.gettempdir()
    try:
        # (hidden: a folder walk over the output folder would skip it anyway)
        # (the prefix tells atomic.remove_leftovers a killed run's copy)
        fd, spool = tempfile.mkstemp(prefix=".corearchive-input-", dir=where)
    except OSError as exc:
        if close:
            stream.close()
        return Unresolved(path, _cannot_copy(where, exc))
    _SPOOLS.add(spool)
    fill = SpoolFill()
    try:
        threading.Thread(
            target=_copy_into,
            args=(fd, stream, where, fill, close),
            name="corearchive-copy",
            daemon=True,
        ).start()
        fill.wait_for(MAGIC_SIZE)
        with open(spool, "rb") as f:
            head = f.read(MAGIC_SIZE)
    except BaseException:
        fill.abandoned = True
        _remove_spool(spool)
        raise
    if not head:  # (the pipe gave nothing: it ended, or failed, first)
        fill.wait_for(1)
        _remove_spool(spool)
        return Unresolved(path, fill.problem) if fill.problem else _item(path, uri, b"", b"")
    item = _item(path, uri, head, spool=spool)
    item.fill = fill
    weakref.finalize(item, _abandon, fill, spool)
    return item


def _abandon(fill: SpoolFill, spool: str) -> None:
    """An item gone: its copy stops (an endless pipe is not copied on after the run) and
    its file is removed."""
    fill.abandoned = True
    _remove_spool(spool)


def _copy_into(fd: int, stream: BinaryIO, where: str, fill: SpoolFill, close: bool = False) -> None:
    """Copy ``stream`` into the open file ``fd`` (closed after) as it gives its bytes,
    telling ``fill`` of each piece, and at the end what went wrong, if anything
    (``close``: ``stream`` is closed too)."""
    problem: str | None = None
    try:
        # (unbuffered: a reader sees each piece as soon as it is counted)
        with os.fdopen(fd, "wb", buffering=0) as out:
            read = getattr(stream, "read1", stream.read)
            while not fill.abandoned:
                try:
                    chunk = read(_SPOOL_CHUNK)
                except OSError as exc:
                    problem = f"cannot be read: {exc.strerror or exc}"
                    break
                if not chunk:
                    break
                view = memoryview(chunk)
                while view:  # (an unbuffered write may take a part)
                    view = view[out.write(view) or 0 :]
                fill.grew(len(chunk))
    except OSError as exc:  # (writing, or closing: a full disk)
        problem = _cannot_copy(where, exc)
    except BaseException as exc:  # (the thread's end must be told, whatever ended it)
        problem = f"cannot be read: {describe_error(exc)}"
    finally:
        if close:
            with contextlib.suppress(OSError):
                stream.close()
        fill.finish(problem)


def _cannot_copy(where: str, exc: OSError) -> str:
    return f"cannot be copied into a temporary file in {where}: {exc.strerror or exc}"


_SPOOL_CHUNK = 1 << 20


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


#: The copies of standard input and pipes this process made and has not removed yet
_SPOOLS: set[str] = set()


def _remove_spool(spool: str) -> None:
    _SPOOLS.discard(spool)
    _remove(spool)


def remove_spools() -> None:
    """Remove the copies of standard input and pipes still there: a run stopped by a signal
    ends without the interpreter's teardown (see cli._exit_stopped), whose finalizers
    removed them (a SIGTERM left a copy of the whole dump in the output folder)."""
    for spool in list(_SPOOLS):
        _remove_spool(spool)


def _item(
    path: str, uri: str, head: bytes, data: bytes | None = None, spool: str | None = None
) -> InputItem:
    """An item whose compression is told by its first bytes."""
    codec = compression_of(head)
    return InputItem(
        path=path,
        uri=uri,
        data=data,
        spool=spool,
        compressed=codec is not None,
        codec=codec or "gzip",
    )


def read_head(item: InputItem, size: int = HEAD_SIZE) -> bytes:
    """The first ``size`` content bytes of ``item`` (see :meth:`InputItem.head`)."""
    return item.head(size)


def choose_source(item: InputItem, sources: Mapping[str, Source]) -> tuple[Source, bytes]:
    """The source most confident it can read ``item`` (suffix and content), and its head.

    Ties go to the source that claims the item's suffix, then to registration order (the
    plugins in the order of their entry points' names, then those added in code); a tie
    that registration order settles between two sources that want the item (a score above
    0) is said once on standard error, naming both.
    """
    head = read_head(item, HEAD_SIZE)
    suffix = Path(item.name).suffix.lower()
    best: tuple[float, int, int] | None = None
    chosen: Source | None = None
    tied: Source | None = None
    for order, src in enumerate(sources.values()):
        score = _sniff(src, head, item)
        key = (score, int(suffix in src.suffixes), -order)
        if best is None or key > best:
            best, chosen = key, src
            tied = None
        elif key[:2] == best[:2]:
            tied = tied or src
    if chosen is None:
        raise LookupError("no source is registered")
    if tied is not None and best is not None and best[0] > 0:
        _warn_tie(chosen, tied, item)
    return chosen, head


#: The sources whose documents are web captures: the address, the capture's date and the
#: server's answer, read from the archive's own records.
CAPTURE_SOURCES = frozenset(["warc"])


#: The date of a WARC file's first record (``WARC-Date`` in its header block), or of an ARC
#: file (the 14 digits of its ``filedesc://`` line)
_WARC_DATE = re.compile(rb"\A(?:(?!\r?\n\r?\n).)*?\nWARC-Date:[ \t]*([0-9][^\r\n]*)", re.I | re.S)
_ARC_DATE = re.compile(rb"\Afiledesc://\S*[ \t]+\S+[ \t]+([0-9]{14})\b")


def capture_date(head: bytes) -> str | None:
    """The digits of the date of the first record of a WARC or ARC file whose first bytes
    are ``head`` (``2024-09-01T00:00:00Z`` → ``20240901000000``: dates of any precision
    compare so), None without one. The first record is the crawl's ``warcinfo`` (made as
    the crawl's file was started) or its first capture: the file's captures are of then
    or later."""
    found = _WARC_DATE.match(head) or _ARC_DATE.match(head)
    if found is None:
        return None
    digits = re.sub(rb"[^0-9]", b"", found.group(1)).decode("ascii")
    return digits if len(digits) >= 8 else None


def captures_first(items: list[InputItem], sources: Mapping[str, Source]) -> list[InputItem]:
    """``items`` with the web captures (inputs a :data:`CAPTURE_SOURCES` source reads) first,
    in the order of their first record's date (:func:`capture_date`; those without one
    after, in their order), the others in their order. A copy of a page found in a run both
    as a capture and as a plain file (a scraped text, a dump) is then kept as the capture,
    the richer source (its URL, capture date, HTTP headers), and the plain one dropped as
    its duplicate, whatever the order the inputs were named or listed in, with any number
    of workers and either plan (the survivor of a cluster is its first document: s28 dedup
    tester M2, a scraped text file named a_... kept and the WARC capture of the same page
    dropped). Of two crawls of a page, the earlier is read first, and so is the original
    its later capture is a revisit or a revision of, whatever the files are named (s37
    acc-crawl F12: crawls named by job sort the later first, and the capture of 2023 was
    archived as a revisit referring to one made in 2024). Standard input and an input no
    source reads stay among the others.

    The source chosen is kept on each item (``item.source``), for :func:`item_source` to
    read it with: an input is opened and sniffed once to be placed and read (it was twice,
    one more open and read of every file of a folder of small files)."""
    first: list[tuple[str, InputItem]] = []
    rest: list[InputItem] = []
    for item in items:
        date: str | None = None
        if item.path != "-":
            try:
                item.source, head = choose_source(item, sources)
                if item.source.name in CAPTURE_SOURCES:
                    # ("~" sorts after every date's digits: undated captures after the rest)
                    date = capture_date(head) or "~"
            except Exception:  # (told when it is read: item_source chooses again, and raises)
                pass
        if date is None:
            rest.append(item)
        else:
            first.append((date, item))
    first.sort(key=lambda pair: pair[0])  # (stable: files of one date in their order)
    return [item for _, item in first] + rest


def item_source(item: InputItem, sources: Mapping[str, Source]) -> Source:
    """The source to read ``item`` with: the one :func:`captures_first` chose, if it is one
    of ``sources`` (the same instances), else :func:`choose_source`'s."""
    chosen: Source | None = item.source
    if chosen is None or not any(src is chosen for src in sources.values()):
        chosen = item.source = choose_source(item, sources)[0]
    return chosen


#: The pairs of sources whose tie was said on standard error (once each).
_TIES_WARNED: set[tuple[str, str]] = set()


def _warn_tie(chosen: Source, other: Source, item: InputItem) -> None:
    """Say once that two sources wanted an input as much, and which reads it: a plugin's
    source that lost every input to another without a word looked broken (s26 plugin
    author)."""
    if (chosen.name, other.name) in _TIES_WARNED:
        return
    _TIES_WARNED.add((chosen.name, other.name))
    print(
        f"warning: the {chosen.name!r} and {other.name!r} sources want {item.name} as much;"
        f" {chosen.name!r} reads it (and every such input), being registered first"
        f" (COREARCHIVE_DISABLE_PLUGINS leaves a plugin out)",
        file=sys.stderr,
    )


class SniffFailed(Exception):
    """A source's ``sniff`` raised, or gave something other than a number, on an input: that
    input is an error entry naming the source (its message says it all)."""


def _sniff(src: Source, head: bytes, item: InputItem) -> float:
    """``src.sniff(head, item)`` as a number. One that raises or gives something else (a
    plugin source's bug: a forgotten ``return 0.0``) raises :class:`SniffFailed`, naming the
    source: the input fails, an error entry read again next run. It was left out with one
    warning, and the input another source's to read: a feed whose sniff raised was read by
    the html source as ONE document of its items, exit 0 (s29 acc-sinksrc M3); before
    that, its input failed with a message that named neither the source nor the cause."""
    try:
        score = src.sniff(head, item)
        if not isinstance(score, (int, float)) or score != score:
            raise TypeError(f"it returned {score!r}, not a number")
        return float(score)
    except Exception as exc:
        raise SniffFailed(
            f"the {src.name!r} source ({type(src).__module__}): sniff failed on"
            f" {item.name}: {describe_error(exc)}; the input is not read (a source's sniff"
            " gives a number from 0 to 1; COREARCHIVE_DISABLE_PLUGINS leaves a plugin out)"
        ) from exc


def read_error(source: Source | None, exc: Exception) -> str:
    """The report line of an exception out of reading an input: a third-party source is
    named (its bug reads as its own, not as a broken input); corearchive's own sources'
    messages name the input's problem and stand alone."""
    if isinstance(exc, SniffFailed):
        return str(exc)
    what = describe_error(exc)
    if source is None or builtin(source):
        return what
    return f"the {source.name!r} source ({type(source).__module__}): {what}"


#: The most characters of plain text one document may hold. The stages take about 20
#: bytes of memory per character of a text (s28 security M2: a JSONL line of 52 MB of text,
#: 1.05 GB at peak in a one-worker run), in every worker at once; a longer text is an
#: error entry of its own, before any stage (HTML is cut at ``boilerplate.html_max_bytes``).
MAX_TEXT_CHARS = 16 << 20


def too_long(doc: Document) -> str | None:
    """Why ``doc`` is not cleaned (a plain text of over :data:`MAX_TEXT_CHARS`), or None."""
    if doc.is_html or len(doc.text) <= MAX_TEXT_CHARS:
        return None
    return (
        f"a plain text of {len(doc.text):,} characters: over the {MAX_TEXT_CHARS:,} one"
        " document may hold (cleaning takes about 20 bytes of memory per character); not read"
    )


def read_results(source: Source, item: InputItem) -> Iterator[Document | Failure]:
    """``source.read(item)``, with anything but a document or a :class:`Failure` (a plugin
    source's bug) turned into a failure that names it: it was taken for a document and
    stopped the run, or was counted as one that ended nowhere. A document of too long a
    text (:func:`too_long`) is a failure too."""
    for result in source.read(item):
        if isinstance(result, Failure):
            yield result
        elif isinstance(result, Document):
            fmt = result.source.format
            if (why := too_long(result)) is not None:
                yield Failure(why, where=result.source.locator or None)
            elif fmt == source.name or (fmt in BUILTIN_FORMATS and builtin(source)):
                # (a plugin's source that gave "text" or "html" had its document archived
                # as another source's; s29 acc-sinksrc M1)
                yield result
            else:
                # (it failed every document later, at the record's validation, after every
                # stage had run on it, and without the source's name)
                yield Failure(
                    f"the {source.name!r} source gave a document of format {fmt!r}: a"
                    f" document's format is the name of its source ({source.name!r})",
                    where=result.source.locator or None,
                )
        else:
            # (named as a source that raises is, with its module, and where it was: the
            # position it set; s29 acc-sinksrc L5)
            at = item.position
            yield Failure(
                f"the {source.name!r} source ({type(source).__module__}) gave a"
                f" {type(result).__name__}, not a document",
                where=None if at is None else f"position {json.dumps(at, default=repr)}",
            )


__all__ = [
    "HEAD_SIZE",
    "InputItem",
    "Unresolved",
    "choose_source",
    "expand",
    "item_source",
    "read_head",
    "read_results",
]
