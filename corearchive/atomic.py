"""Files that appear under their final name only when complete.

:class:`AtomicFile` writes under a temporary name; :class:`Commit` puts a run's files in
place together, after the run's commit point, from a journal; :func:`output_lock` lets one
run at a time write an output folder; :func:`recover_commits` and :func:`remove_leftovers`
finish or clear, at the next run, what a killed run left.
"""

from __future__ import annotations

import contextlib
import contextvars
import ctypes
import errno
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple, TextIO

from corearchive import lazyre as re

from .catalog import open_read_only
from .errors import (
    CommitBlockedError,
    NoLocksError,
    OutputBusyError,
    OutputLinkError,
    OutputPathError,
    UnfinishedCommitError,
)

#: The lock file of an output folder, held for the whole of a run (:func:`output_lock`)
LOCK_NAME = ".corearchive.lock"
#: The start of the name of a run's copy of standard input or a pipe in the output folder
#: (``inputs._spooled``; made after :func:`remove_leftovers` has run)
_INPUT_COPY = ".corearchive-input-"
#: The start of the name of a run's scratch folder in the output folder
#: (:meth:`corearchive.SinkContext.scratch`)
SCRATCH_PREFIX = ".corearchive-scratch-"
#: A temporary name of :func:`temp_name`: the file's name and the run's id
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<run>\d{8}T\d{6}Z-[0-9a-f]{6})\.tmp$")


def scratch_root(out: Path, run_id: str) -> Path:
    """The folder that holds run ``run_id``'s scratch folders in ``out``."""
    return out / f"{SCRATCH_PREFIX}{run_id}"


def temp_name(path: Path, run_id: str) -> Path:
    """The temporary name of ``path`` while run ``run_id`` writes it (hidden, run-specific)."""
    return path.with_name(f".{path.name}.{run_id}.tmp")


#: The entries of an output folder that commands write, append to or create things in:
#: a symbolic link planted there (a folder shared with a group, OUT in /tmp) had a run
#: append its records to the link's target, create its WARC files and manifest in another
#: folder, its index elsewhere (s28 security review M1). They are refused, not followed.
WRITTEN_ENTRIES = (
    LOCK_NAME,
    "records.jsonl",
    "rejects.jsonl",
    "warc",
    "runs",
    "index.sqlite",
    "index.sqlite-journal",
    "index.sqlite-wal",
    "index.sqlite-shm",
    "run.json",
    "FORMAT.json",
    ".plan",
)


#: The folders of an output folder that may be links to folders elsewhere, when the user
#: running made the link: an archive's WARC files on a disk of their own is an
#: administrator's layout (s28 integration tester M1: it was refused, with no other way)
LINKABLE_FOLDERS = ("warc", "runs")


def own_folder_link(path: Path) -> bool:
    """Whether ``path`` is a link that :data:`LINKABLE_FOLDERS` may be: one of those names,
    made by the user running (the link's own owner: a link planted by another user of a
    shared folder is not), to a folder."""
    try:
        return (
            path.name in LINKABLE_FOLDERS
            and path.is_symlink()
            and path.lstat().st_uid == os.geteuid()
            and path.is_dir()
        )
    except OSError:
        return False


def refuse_links(out: Path) -> None:
    """Raise :class:`~corearchive.errors.OutputLinkError` (exit 2) when an entry of ``out``
    that commands write (:data:`WRITTEN_ENTRIES`) is a symbolic link, but for the user's own
    links of :data:`LINKABLE_FOLDERS` (:func:`own_folder_link`). (``out`` itself may be
    one: the user named it.)"""
    for name in WRITTEN_ENTRIES:
        path = out / name
        if path.is_symlink() and not own_folder_link(path):
            raise OutputLinkError(
                f"{path} is a symbolic link (to {os.readlink(path)}): corearchive does not"
                " write through links in an output folder (they can send its files outside"
                " it), but for links of warc/ or runs/ to a folder that you made; remove the"
                " link (a folder elsewhere is named with -o, an index with --index)"
            )


def _open_no_follow(path: Path) -> IO[bytes]:
    """``open(path, "r+b")`` that fails on a symbolic link (ELOOP) instead of writing
    through it: one made after :func:`refuse_links` checked, during the run."""
    return os.fdopen(os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0)), "r+b")


#: Errors of making the output folder that are the disk's or the permissions' (a full disk,
#: a read-only or forbidden folder), not the path's
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


@contextlib.contextmanager
def output_lock(
    out: Path, timeout: float, err: TextIO | None = None, reading: bool = False
) -> Iterator[None]:
    """Hold ``OUT/.corearchive.lock`` for the block: one run at a time writes an output folder.

    The index's write lock serialises runs that share an index, but two runs into one folder
    with different ``--index`` files wrote ``records.jsonl`` and named WARC files at the same
    time (measured before this lock: one run's lines and its WARC file lost, as each put its
    files in place over the other's). Waits up to ``timeout`` seconds, saying so on ``err``
    when the folder is held, then :class:`~corearchive.errors.OutputBusyError`. An advisory
    OS lock (filelock: ``flock`` on POSIX, ``LockFileEx`` on Windows), released by the OS
    when the process dies, so a killed run never leaves the folder locked. ``reading``: for
    a reader (verify), whom no run may change the folder under; where the lock cannot be
    made (read-only media, which no run writes either) it goes on without it."""
    from filelock import FileLock, Timeout

    made = False
    if not reading:
        try:
            made = not os.path.lexists(out)
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno in _DISK_ERRNOS:
                raise  # (the disk's or the permissions' failure: exit 3)
            # (-o /proc/nope, a name too long: a traceback and "internal error", exit 3)
            raise OutputPathError(
                f"{out}: the output folder cannot be made there ({exc.strerror or exc})"
            ) from None
        refuse_links(out)
    lock = FileLock(out / LOCK_NAME, timeout=timeout)
    held = False
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if err is not None and timeout > 0:
                # (a run that waits in silence looked hung)
                print(
                    f"corearchive: {out} is in use by another run; waiting for it (up to"
                    f" {timeout:g} s)",
                    file=err,
                )
            lock.acquire()
        held = True
    except Timeout:
        raise OutputBusyError(
            f"the output folder {out} is in use by another run (waited {timeout:g} s);"
            " wait for it to finish or pass another -o"
            if not reading
            else f"the output folder {out} is in use by a run (waited {timeout:g} s): try"
            " again when it has finished (--timeout waits longer)"
        ) from None
    except OSError as exc:
        if exc.errno in _NO_LOCKS and not reading:
            # (a traceback through filelock and "internal error: OSError(37, 'No locks
            # available')", s30 storage F6)
            raise NoLocksError(no_locks_message(out / LOCK_NAME, exc, "-o")) from None
        if not reading:
            raise
        # (read-only media, where the lock cannot be made: nothing can change it either)
    try:
        yield
    finally:
        if held:
            lock.release()
        if made:
            # (a run refused before it wrote anything, its settings checked against the
            # index: the folder it made held only the lock, s30 corpus tester F10)
            with contextlib.suppress(OSError):
                if os.listdir(out) == [LOCK_NAME]:
                    os.unlink(out / LOCK_NAME)
                    os.rmdir(out)


#: What locking a file fails with on a file system that has no locks (NFS ``nolock``)
_NO_LOCKS = frozenset(
    e for e in (errno.ENOLCK, errno.ENOSYS, getattr(errno, "EOPNOTSUPP", None)) if e is not None
)


def no_locks_message(path: Path, exc: OSError, option: str) -> str:
    return (
        f"cannot lock {path}: its file system does not support file locks"
        f" ({exc.strerror or exc}; an NFS share mounted nolock?), which keep two runs from"
        f" writing it at once: mount it with locks, or give {option} a path on a local disk"
    )


def locks_unsupported(folder: Path) -> OSError | None:
    """The error of locking a file in ``folder`` when its file system has no locks (SQLite
    takes that for a lock held by another program, "database is locked": a run waited
    --index-timeout, then exited 75, "in use by another run", which a scheduler retries
    forever; s30 storage F6), else None. Locks a file of its own (closing a descriptor of
    the index itself would drop the locks this process holds on it)."""
    import fcntl

    try:
        fd, name = tempfile.mkstemp(prefix=".corearchive-lockcheck-", dir=folder)
    except OSError:
        return None  # (a folder it cannot write: what follows says so)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
    except OSError as exc:
        if exc.errno in _NO_LOCKS:
            return exc
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)
    return None


def leftovers(out: Path, run_id: str | None = None) -> Iterator[tuple[Path, str | None]]:
    """The temporary files (:func:`temp_name`, and copies of standard input) in ``out`` and
    its folders of runs other than ``run_id``, with the run that wrote each (None for a copy
    of standard input); hidden folders (the staged plan's ``.plan``) are not entered.

    The user's own links of :data:`LINKABLE_FOLDERS` (:func:`own_folder_link`: ``warc/``
    on a disk of its own) are entered too (a killed run's partial WARC file there was never
    removed, s29 acc-review L1), no other link; and there only the files of runs that left
    temporary files in ``out`` itself (every run into a folder has its ``rejects.jsonl``
    there until its commit): the folder a link points to may be another output folder's
    too, whose run in progress is not this folder's to clear."""
    here = list(_temp_files(out, out, run_id))
    yield from here
    runs = {run for _, run in here if run}
    with contextlib.suppress(OSError):
        runs |= {
            e.name.removeprefix(SCRATCH_PREFIX)
            for e in os.scandir(out)
            if e.name.startswith(SCRATCH_PREFIX)
        }
    for name in LINKABLE_FOLDERS:
        if runs and own_folder_link(out / name):
            # (os.walk enters the link it is given, not the links below it)
            for path, run in _temp_files(out / name, out, run_id):
                if run in runs:
                    yield path, run


def _temp_files(top: Path, out: Path, run_id: str | None) -> Iterator[tuple[Path, str | None]]:
    """:func:`leftovers` under ``top`` (links not followed, but ``top`` itself)."""
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            m = _TEMP.match(name)
            if m is not None and m["run"] != run_id:
                yield Path(folder) / name, m["run"]
            elif m is None and name.startswith(_INPUT_COPY) and folder == os.fspath(out):
                yield Path(folder) / name, None


def remove_leftovers(
    out: Path,
    run_id: str,
    err: TextIO | None = None,
) -> list[Path]:
    """Delete the temporary files (:func:`temp_name`, and copies of standard input) that runs
    other than ``run_id`` left in ``out`` and its folders when they were killed (SIGKILL, a
    power cut: no clean-up ran);
    call it holding :func:`output_lock`, under which no other run is writing there. Hidden
    folders (the staged plan's ``.plan``, which a relaunch resumes) are not entered. Says on
    ``err`` what was removed; returns the paths."""
    removed: list[Path] = []
    size = 0
    runs: set[str] = set()
    for path, run in leftovers(out, run_id):
        if run:
            runs.add(run)
        with contextlib.suppress(OSError):
            n = path.stat().st_size
            path.unlink()
            removed.append(path)
            size += n
    # a killed run's scratch folders (a plugin sink's SQLite database in the making)
    with contextlib.suppress(OSError):
        for entry in os.scandir(out):
            run = entry.name.removeprefix(SCRATCH_PREFIX)
            if run == entry.name or run == run_id or not entry.is_dir(follow_symlinks=False):
                continue
            runs.add(run)
            size += _tree_size(entry.path)
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    if removed:
        _say(
            err,
            f"removed {len(removed)} temporary file(s), {size / 1e6:.1f} MB, left in {out} by"
            f" interrupted run(s) {', '.join(sorted(runs)) or '(a copy of standard input)'}",
        )
    return removed


def _tree_size(folder: str) -> int:
    """The bytes of the files under ``folder``."""
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(base, name)).st_size
    return total


class AtomicFile:
    """Write to a temporary name; :meth:`commit` puts it in place, :meth:`abort` removes it.

    A new file (or one replaced whole) is renamed into place. With ``keep_existing`` a run
    adds to a cumulative file (``records.jsonl``): the temporary file holds only this run's
    bytes, and :meth:`commit` appends them to the file (:func:`_append`: the file first cut
    back to its size before the run, so that an append made again after a crash is made
    once) instead of copying the whole file for every run (an archive's records file grows
    to tens of GB: each run copied it, and needed as much free disk again). With ``lines``,
    a file whose last line lacks its newline gets one before the run's bytes. Inside a
    :class:`Commit` the rename or append waits for the run's commit point; a reader never
    sees a run's lines before its index committed. :meth:`abort` after :meth:`commit` puts
    the previous content back: a run that fails after some outputs were committed keeps
    nothing.
    """

    def __init__(
        self,
        path: Path,
        run_id: str,
        *,
        keep_existing: bool = False,
        lines: bool = False,
        digest: bool = False,
    ) -> None:
        self.path = path
        self.run_id = run_id
        #: whether runs add to the file (its commit appends)
        self.appends = keep_existing
        self.tmp = temp_name(path, run_id)
        self.committed = False
        path.parent.mkdir(parents=True, exist_ok=True)
        #: Size of the file before this run when this run appends to it, else None.
        self.base: int | None = path.stat().st_size if keep_existing and path.exists() else None
        self.existed = path.exists()
        self.file: IO[bytes] = open(self.tmp, "wb")  # noqa: SIM115
        self.written = 0
        # The position is counted here: the buffered file's tell() is a system call, several
        # per document in the sinks (~30 µs a document on the development VM).
        self.pos = self.base or 0
        #: where the disk has been asked to start writing the file from (:meth:`write`)
        self._flushed = self.pos
        #: With ``digest``, the SHA-256 of the bytes written, kept as they are written
        #: (:meth:`sha256`); None once the file was cut back (or not asked for).
        self._digest = hashlib.sha256() if digest and self.base is None else None
        #: bytes this run writes before its own (the newline a cut last line gets)
        self.lead = 0
        if lines and self.base and not _ends_a_line(path, self.base):
            # (a file of lines whose last was cut, by another tool or a full disk: this
            # run's first line would be glued to it)
            self.write(b"\n")
            self.written = 0
            self.lead = 1
        self._span: dict[str, int] | None = None

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.written += 1
        self.pos += len(data)
        if self._digest is not None:
            self._digest.update(data)
        if self.pos - self._flushed >= WRITEBACK_BYTES:
            self._write_back()

    def _write_back(self) -> None:
        """Have the OS start writing what this file holds so far to the disk, without
        waiting for it (Linux's ``sync_file_range``; elsewhere nothing).

        A run's files were all still in memory when it committed, so that its ``fsync``
        waited for all of them (180 MB of a run of 10,000 documents: ~0.2 s, after the
        workers had finished: the run's serial tail); now it waits for the last few MB.
        What is durable, and when, does not change: only :meth:`commit`'s fsync says so."""
        start = self._flushed - (self.base or 0)
        self._flushed = self.pos
        call = _sync_file_range()
        if call is None:
            return
        self.file.flush()
        # (offset, 0 bytes: to the end of the file; SYNC_FILE_RANGE_WRITE: start, not wait)
        call(self.file.fileno(), max(start, 0), 0, _SYNC_FILE_RANGE_WRITE)

    def write_file(self, path: Path) -> None:
        """Write the bytes of the file at ``path`` (one a library made in a sink's scratch
        folder, :meth:`corearchive.SinkContext.scratch`)."""
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                self.write(chunk)

    def tell(self) -> int:
        """The end of what was written, in the file as it will be (where the next write
        goes)."""
        return self.pos

    def truncate(self, pos: int) -> None:
        """Cut the file back to ``pos`` (take back what was written after it; not into what
        was there before the run)."""
        base = self.base or 0
        if pos < base:
            raise ValueError(f"cannot cut {self.path} to {pos}: this run's bytes start at {base}")
        self.file.seek(pos - base)
        self.file.truncate()
        if pos != self.pos:
            self._digest = None  # (its bytes are no longer the file's: read again)
        self.pos = pos
        self._flushed = min(self._flushed, pos)

    def span(self) -> dict[str, int]:
        """Where this run's bytes are in the file once it is committed: ``{"offset": …,
        "bytes": …}`` (in a file that runs add to, what a loader reads of one run)."""
        if self._span is None:
            self.file.flush()
            size = self.file.tell()  # (what went through write() and into .file directly)
            self._span = {"offset": (self.base or 0) + self.lead, "bytes": size - self.lead}
        return dict(self._span)

    def sha256(self) -> str:
        """``sha256:HEX`` of this run's bytes (the whole file when it is new or replaced),
        as written so far; after :meth:`commit`, as committed (a sink's ``digests()``, which
        the host calls after ``commit()``: it failed, "flush of closed file", and the run
        with it)."""
        if not self.file.closed:
            self.file.flush()
            digest = self._digest
            if digest is not None and self.file.tell() == self.pos:
                # (kept as written: the file is not read again after the workers finished)
                return "sha256:" + digest.hexdigest()
            return file_sha256(self.tmp)
        if self.tmp.exists():  # (committed, not yet put in place: a Commit's)
            return file_sha256(self.tmp)
        if self.base is None:  # (put in place by a rename)
            return file_sha256(self.path)
        # (appended: this run's bytes are the file's from where it began)
        span = self._span or {"offset": self.base + self.lead, "bytes": 0}
        digest = hashlib.sha256()
        with open(self.path, "rb") as f:
            f.seek(self.base)
            left = span["offset"] - self.base + span["bytes"]
            while left > 0 and (chunk := f.read(min(left, 1 << 20))):
                digest.update(chunk)
                left -= len(chunk)
        return "sha256:" + digest.hexdigest()

    def commit(self) -> None:
        """Flush to disk and put in place (rename, or append); inside a :class:`Commit`, that
        waits for the run's commit point (:meth:`Commit.publish`)."""
        self.span()  # (taken while the file is open)
        self.file.flush()
        fsync(self.file.fileno(), self.tmp)
        self.file.close()
        op = _Op(self.tmp, self.path, self.base)
        group = _COMMIT.get()
        if group is not None:
            group.add(op, then=self)
            return
        _publish([op])
        self.committed = True

    def abort(self) -> None:
        """Delete the temporary file; after a commit, restore what was there before."""
        if not self.file.closed:
            # (closing flushes the buffer, which fails again on a full disk: the file is
            # being thrown away, and must still be removed)
            with contextlib.suppress(OSError):
                self.file.close()
        self.tmp.unlink(missing_ok=True)
        if not self.committed:
            return
        self.committed = False
        if self.base is None:
            if not self.existed:
                self.path.unlink(missing_ok=True)
            return
        with _open_no_follow(self.path) as f:
            f.truncate(self.base)
            f.flush()
            os.fsync(f.fileno())


#: Bytes an :class:`AtomicFile` is written between two requests that the OS write them out
WRITEBACK_BYTES = 8 << 20
_SYNC_FILE_RANGE_WRITE = 2


@functools.cache
def _sync_file_range() -> Any:
    """Linux's ``sync_file_range`` (ctypes), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    call.restype = ctypes.c_int
    return call


def file_sha256(path: Path) -> str:
    """``sha256:HEX`` of a file's bytes: the fixity value a run's manifest records for
    each file it wrote, which ``verify`` checks."""
    with open(path, "rb") as f:
        return "sha256:" + hashlib.file_digest(f, "sha256").hexdigest()


def _ends_a_line(path: Path, size: int) -> bool:
    with open(path, "rb") as f:
        f.seek(size - 1)
        return f.read(1) == b"\n"


def write_atomic(path: Path, data: bytes, run_id: str) -> None:
    """Write a whole small file atomically."""
    f = AtomicFile(path, run_id)
    try:
        f.write(data)
        f.commit()
    except BaseException:
        f.abort()
        raise


#: The commit being prepared in this context (:class:`Commit`), if any
_COMMIT: contextvars.ContextVar[Commit | None] = contextvars.ContextVar("commit", default=None)
#: The journal of a run's commit (:class:`Commit`), in the output folder
_JOURNAL = ".commit.{run}.json"


class _Op(NamedTuple):
    """A file put in place: ``tmp`` renamed to ``final``, or, with ``base`` (the size of
    ``final`` before the run), appended to it."""

    tmp: Path
    final: Path
    base: int | None


class Commit:
    """A run's outputs published all at once, after its commit point.

    A run's files were renamed into place one after another; a run killed among the renames
    (SIGKILL, a power cut) left some published and others not, and its index changes either
    committed or not: a WARC file whose documents a later run archived again, or
    ``records.jsonl`` with lines the index does not know. So the files wait: within
    ``with commit:``, :meth:`AtomicFile.commit` makes its file durable and registers it here.
    :meth:`prepare` then writes the journal ``OUT/.commit.RUN.json`` (each file's rename or
    append, and the index); the index's commit is the commit point; :meth:`publish` puts the
    files in place and deletes the journal. A run that dies before the commit point has
    published nothing (its temporary files go, :func:`remove_leftovers`); one that dies after
    it is finished by the next run into the folder (:func:`recover_commits`), which finds the
    run committed in the index and publishes again what was not (each step can be made
    twice: a rename whose temporary file is gone was made, an append starts by cutting the
    file back to its size before the run).
    """

    def __init__(self, out: Path, run_id: str) -> None:
        self.out = out
        self.run_id = run_id
        self.journal = journal_path(out, run_id)
        self.ops: list[_Op] = []
        #: the AtomicFiles to mark committed at publish
        self._files: list[AtomicFile] = []
        #: the temporary files, which go if the run fails before its commit point
        self._temps: list[Path] = []
        self._token: contextvars.Token[Commit | None] | None = None

    def __enter__(self) -> Commit:
        self._token = _COMMIT.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _COMMIT.reset(self._token)
            self._token = None

    def add(self, op: _Op, then: AtomicFile | None = None) -> None:
        """Put ``op.tmp`` (durable already) in place at :meth:`publish`."""
        self.ops.append(op)
        if then is not None:
            self._files.append(then)
            self._temps.append(op.tmp)

    def absorb(self, other: Commit) -> None:
        """Take ``other``'s files into this commit: they are put in place at this one's
        :meth:`publish` (or thrown away with it)."""
        self.ops += other.ops
        self._files += other._files
        self._temps += other._temps

    def rename(self, src: Path, final: Path) -> None:
        """Move ``src`` to ``final`` at :meth:`publish`: a file that is not temporary, such as
        a staged plan's task shard, which stays where it is if the run fails. One on another
        file system (``--work-dir`` on a local disk, the output on a network share: no rename
        across them) is copied beside ``final`` now, durably, under a temporary name."""
        final.parent.mkdir(parents=True, exist_ok=True)
        if os.stat(src).st_dev == os.stat(final.parent).st_dev:
            self.ops.append(_Op(src, final, None))
            return
        tmp = temp_name(final, self.run_id)
        self._temps.append(tmp)
        with open(src, "rb") as fin, open(tmp, "wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            fsync(fout.fileno(), tmp)
        self.ops.append(_Op(tmp, final, None))

    def prepare(self, index: Path) -> None:
        """Write the journal (durably): what :meth:`publish` will do, and the index that
        tells whether the run committed."""
        out = os.path.abspath(self.out)

        def where(p: Path) -> str:
            # (relative to OUT where inside it: a folder moved or mounted elsewhere before
            # the next run still finds its files)
            a = os.path.abspath(p)
            return os.path.relpath(a, out) if a.startswith(out + os.sep) else a

        blob = json.dumps(
            {
                "run": self.run_id,
                "index": where(index),
                "ops": [[where(o.tmp), where(o.final), o.base] for o in self.ops],
            },
            indent=1,
        ).encode()
        # (outside ``with commit``: written, durably, at once)
        assert _COMMIT.get() is not self, "the journal is written after the with block"
        write_atomic(self.journal, blob, self.run_id)

    def publish(self) -> None:
        """After the commit point: each file in place, in the order registered; then the
        journal goes."""
        _publish(self.ops)
        for file in self._files:
            file.committed = True
        self.journal.unlink(missing_ok=True)

    def abort(self) -> None:
        """Before the commit point: nothing was published; the registered temporary files
        and the journal go (the files registered with :meth:`rename`, which are not
        temporary, stay where they are)."""
        for tmp in self._temps:
            tmp.unlink(missing_ok=True)
        self.journal.unlink(missing_ok=True)


def _publish(ops: list[_Op]) -> None:
    """Put each file in place; made again after a crash, it does each step once."""
    folders: set[Path] = set()
    for op in ops:
        if not op.tmp.exists():  # (put in place already, before the run died)
            continue
        if op.base is not None and op.final.exists():
            _append(op.tmp, op.final, op.base)
        else:  # (a cumulative file deleted during the run starts again from this run's part)
            op.final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(op.tmp, op.final)
            folders.add(op.final.parent)
    for folder in folders:
        _fsync_dir(folder)


def _append(tmp: Path, final: Path, base: int) -> None:
    """Append ``tmp`` to ``final`` as it was at ``base`` bytes, durably, then delete ``tmp``.
    Made again after a crash: a file already ``base`` + the part long was appended to (the
    crash came before ``tmp`` went), one between the two was cut in mid-append (cut back to
    ``base`` first); one shorter or longer was changed since by another program, and is
    refused."""
    n = tmp.stat().st_size
    with _open_no_follow(final) as f:
        size = f.seek(0, os.SEEK_END)
        if size < base or size > base + n:
            raise OSError(
                f"{final} is {size} bytes, not the {base} it was before the run, nor"
                f" that and its {n} bytes: changed by another program; the part is kept in"
                f" {tmp}"
            )
        if size < base + n:
            f.truncate(base)
            f.seek(base)
            with open(tmp, "rb") as src:
                shutil.copyfileobj(src, f, 1 << 20)
            f.flush()
            fsync(f.fileno(), final)
    tmp.unlink()


def fsync(fd: int, path: Path) -> None:
    """``os.fsync(fd)``, its failure naming ``path`` (an EIO from the disk was "internal
    error: OSError(5, 'Input/output error')" with a traceback and no file; s30 storage F7)."""
    try:
        os.fsync(fd)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from exc


def _fsync_dir(folder: Path) -> None:
    """Make the folder's entries (a rename) durable, where the OS allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # (not on every platform and file system)
        pass
    finally:
        os.close(fd)


def run_committed(index: Path, run_id: str) -> bool | None:
    """Whether the index holds run ``run_id`` as finished (committed); None when it cannot
    be read."""
    return _run_state(index, run_id)[0]


def _run_state(index: Path, run_id: str) -> tuple[bool | None, str]:
    """:func:`run_committed`, with why the index cannot be read ("" when it can)."""
    if not index.is_file():
        return None, "no such file"

    def state(db: sqlite3.Connection) -> bool:
        # (no table yet: a new index whose first run did not commit, its tables made in
        # its transaction)
        if not db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'"
        ).fetchone():
            return False
        row = db.execute("SELECT finished_at FROM runs WHERE id = ?", (run_id,)).fetchone()
        return row is not None and row[0] is not None

    try:
        with contextlib.closing(open_read_only(index)) as db:
            return state(db), ""
    except sqlite3.Error as exc:
        why = str(exc)
    # A read-only open of a WAL index makes its -shm file: on a full disk (or in a folder it
    # may not write) that fails, "disk I/O error", and a run that committed and then found
    # its disk full was said to be "killed" with an index that "cannot be read" (s30
    # storage F2). With no log beside it (or an empty one) the file holds every committed
    # transaction: read as it is.
    wal = index.with_name(index.name + "-wal")
    try:
        empty = not wal.exists() or wal.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        try:
            uri = f"{index.resolve().as_uri()}?mode=ro&immutable=1"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
                return state(db), ""
        except sqlite3.Error:
            pass
    return None, why


#: What an output folder's write fails with when its disk is full or its file-size limit
#: reached (``ulimit -f``, a quota), and when it may not be written.
_SPACE_ERRNOS = frozenset((errno.ENOSPC, errno.EDQUOT, errno.EFBIG))
_PERMISSION_ERRNOS = frozenset((errno.EACCES, errno.EPERM, errno.EROFS))


def _no_space(folder: Path) -> bool:
    """Whether the disk of ``folder`` has no room left (or no inode)."""
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < (1 << 20) or (st.f_files > 0 and st.f_favail == 0)


def _blocked(run: str, journal: Path, cause: str, fix: str) -> CommitBlockedError:
    return CommitBlockedError(
        f"run {run} committed, but its files cannot all be put in place yet: {cause}. {fix}"
        " and run again: the next run (ingest, remove, index upgrade) into the folder puts"
        f" them in place. Keep {journal.name}: it is what says what goes where (deleting it"
        " gives up that run's files while the index keeps its documents)"
    )


def journal_path(out: Path, run_id: str) -> Path:
    """Where run ``run_id``'s commit journal is while its commit is under way (:class:`Commit`)."""
    return out / _JOURNAL.format(run=run_id)


def pending_commits(out: Path) -> list[Path]:
    """The journals of commits that did not finish in ``out`` (:class:`Commit`)."""
    return sorted(out.glob(_JOURNAL.format(run="*")))


def recover_commits(out: Path, err: TextIO | None = None) -> None:
    """Finish or undo the commits that runs killed at the wrong moment left in ``out``
    (:class:`Commit`); call it holding :func:`output_lock`. A run the index shows committed
    gets what it had not published yet; one it does not show published nothing, and its
    temporary files are left to :func:`remove_leftovers`. Says on ``err`` what it did.

    A commit that cannot be dealt with (its journal unreadable, its index unreadable, or
    its files not to be put in place: ``records.jsonl`` changed by another program) raises
    :class:`~corearchive.errors.UnfinishedCommitError`, and no run goes ahead in the folder:
    a run's lines appended to ``records.jsonl`` meanwhile would make the pending append
    wrong. Its journal and files stay for the user to see to."""
    for journal in pending_commits(out):
        run = journal.name.removeprefix(".commit.").removesuffix(".json")
        why = ""
        try:
            data = json.loads(journal.read_bytes())
            run, index = data["run"], out / data["index"]  # (an absolute path stays one)
            ops = [_Op(out / t, out / f, b) for t, f, b in data["ops"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            why = f"its journal cannot be read ({exc})"
        else:
            done, unread = _run_state(index, run)
            if done is None:
                full = index.is_file() and _no_space(index.parent)
                if full or (index.is_file() and not os.access(index.parent, os.W_OK)):
                    cause, fix = (
                        ("the disk that holds it is full", "Free space on that disk")
                        if full
                        else ("its folder may not be written", "Fix its folder's permissions")
                    )
                    raise CommitBlockedError(
                        f"run {run} stopped as it committed, and its index {index} cannot"
                        f" be read while {cause} ({unread}), to tell whether it committed."
                        f" {fix} and run again: the next run finishes or undoes it. Keep"
                        f" {journal.name}: it is what says what goes where"
                    )
                why = f"its index {index} cannot be read ({unread}), to tell whether it committed"
            elif done:
                try:
                    _publish(ops)
                except OSError as exc:
                    if exc.errno in _SPACE_ERRNOS:
                        what = (
                            "a file too large for the limit of this process or disk"
                            " (ulimit -f, a quota)"
                            if exc.errno == errno.EFBIG
                            else "its disk is full"
                        )
                        raise _blocked(
                            run, journal, f"{what} ({exc})", "Free space on that disk"
                        ) from exc
                    if exc.errno in _PERMISSION_ERRNOS:
                        raise _blocked(
                            run,
                            journal,
                            f"a folder it may not write ({exc})",
                            "Fix the permissions (or mount it writable)",
                        ) from exc
                    why = f"its files cannot be put in place: {exc}"
                else:
                    _say(
                        err,
                        f"finished the commit of run {run}, stopped after it committed"
                        " (killed, or its disk full)",
                    )
            else:
                _say(
                    err,
                    f"run {run} stopped before it committed (killed, or its disk full);"
                    " nothing of it is kept",
                )
        if why:
            raise UnfinishedCommitError(
                f"run {run} was killed as it committed, and {why}. No run goes ahead in"
                f" {out} until {journal.name} is seen to: put back what was moved or changed"
                " and run again, or delete the journal to give up that run's files (its"
                " temporary files are then removed, and its documents stay in the index)"
            )
        journal.unlink()


def _say(err: TextIO | None, message: str) -> None:
    if err is not None:
        print(f"corearchive: {message}", file=err)
