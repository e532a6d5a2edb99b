"""Files that appear under their final name only when complete."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TextIO

from .errors import OutputBusyError

#: The lock file of an output folder, held for the whole of a run (:func:`output_lock`)
LOCK_NAME = ".corearchive.lock"
#: A temporary name of :func:`temp_name`: the file's name and the run's id
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<run>\d{8}T\d{6}Z-[0-9a-f]{6})\.tmp$")


def temp_name(path: Path, run_id: str) -> Path:
    """The temporary name of ``path`` while run ``run_id`` writes it (hidden, run-specific)."""
    return path.with_name(f".{path.name}.{run_id}.tmp")


@contextlib.contextmanager
def output_lock(out: Path, timeout: float) -> Iterator[None]:
    """Hold ``OUT/.corearchive.lock`` for the block: one run at a time writes an output folder.

    The index's write lock serialises runs that share an index, but two runs into one folder
    with different ``--index`` files would each copy ``records.jsonl``, append and rename it
    into place (the last rename wins: the other run's lines are lost) and could name their
    WARC files alike in the same second. Waits up to ``timeout`` seconds, then
    :class:`~corearchive.errors.OutputBusyError`. An advisory OS lock (filelock: ``flock`` on
    POSIX, ``LockFileEx`` on Windows), released by the OS when the process dies, so a killed
    run never leaves the folder locked."""
    from filelock import FileLock, Timeout

    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(out / LOCK_NAME, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise OutputBusyError(
            f"the output folder {out} is in use by another run (waited {timeout:g} s);"
            " wait for it to finish or pass another -o"
        ) from None
    try:
        yield
    finally:
        lock.release()


def remove_leftovers(out: Path, run_id: str, err: TextIO | None = None) -> list[Path]:
    """Delete the temporary files (:func:`temp_name`) that runs other than ``run_id`` left in
    ``out`` and its folders when they were killed (SIGKILL, a power cut: no clean-up ran);
    call it holding :func:`output_lock`, under which no other run is writing there. Hidden
    folders (the staged plan's ``.plan``, which a relaunch resumes) are not entered. Says on
    ``err`` what was removed; returns the paths."""
    removed: list[Path] = []
    size = 0
    runs: set[str] = set()
    for folder, dirs, files in os.walk(out):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            m = _TEMP.match(name)
            if m is None or m["run"] == run_id:
                continue
            path = Path(folder) / name
            with contextlib.suppress(OSError):
                n = path.stat().st_size
                path.unlink()
                removed.append(path)
                size += n
                runs.add(m["run"])
    if removed and err is not None:
        print(
            f"corearchive: removed {len(removed)} temporary file(s), {size / 1e6:.1f} MB, left in"
            f" {out} by interrupted run(s) {', '.join(sorted(runs))}",
            file=err,
        )
    return removed


class AtomicFile:
    """Write to a temporary name; :meth:`commit` renames it into place, :meth:`abort` removes it.

    With ``keep_existing`` the new file starts as a copy of the current one, so that a run
    adds to a cumulative file (``records.jsonl``) without ever truncating it in place.
    :meth:`abort` after :meth:`commit` puts the previous content back (atomically too): a run
    that fails after some outputs were committed keeps nothing.
    """

    def __init__(self, path: Path, run_id: str, *, keep_existing: bool = False) -> None:
        self.path = path
        self.run_id = run_id
        self.tmp = temp_name(path, run_id)
        self.committed = False
        path.parent.mkdir(parents=True, exist_ok=True)
        #: Size of the file before this run when this run appends to it, else None.
        self.base: int | None = path.stat().st_size if keep_existing and path.exists() else None
        self.existed = path.exists()
        if self.base is not None:
            shutil.copyfile(path, self.tmp)
            self.file: IO[bytes] = open(self.tmp, "ab")  # noqa: SIM115
        else:
            self.file = open(self.tmp, "wb")  # noqa: SIM115
        self.written = 0
        # The position is counted here: the buffered file's tell() is a system call, several
        # per document in the sinks (~30 µs a document on the development VM).
        self.pos = self.base or 0

    def write(self, data: bytes) -> None:
        self.file.write(data)
        self.written += 1
        self.pos += len(data)

    def tell(self) -> int:
        """The end of what was written (where the next write goes)."""
        return self.pos

    def truncate(self, pos: int) -> None:
        """Cut the file back to ``pos`` (take back what was written after it)."""
        self.file.seek(pos)
        self.file.truncate()
        self.pos = pos

    def commit(self) -> None:
        """Flush to disk and rename into place."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.replace(self.tmp, self.path)
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
        restore = AtomicFile(self.path, self.run_id, keep_existing=True)
        try:
            restore.file.truncate(self.base)
            restore.commit()
        except BaseException:
            restore.abort()
            raise


def write_atomic(path: Path, data: bytes, run_id: str) -> None:
    """Write a whole small file atomically."""
    f = AtomicFile(path, run_id)
    try:
        f.write(data)
        f.commit()
    except BaseException:
        f.abort()
        raise
