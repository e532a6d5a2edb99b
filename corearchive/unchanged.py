"""Input files unchanged since a committed run: counted, not read again.

The daily job ``corearchive ingest CRAWL/ -o OUT`` over a folder that only grows read every
file again, and gave each document archived already a line of ``rejects.jsonl``
(``already_archived``, ~500 bytes): 0.5 GB a day for a folder of a million documents, lines
that said nothing but a count. Now a run records in its index each input file it read to
its end with no error entry (every document a record or a drop): its resolved path, size,
modification time (ns) and inode, the run, and the fingerprint of what read and decided
(:func:`fingerprint`: the configuration's digest, corearchive's and every plugin's
version, the digest of corearchive's code and model files). A later run on the same index
does not open a file whose record matches all of these: it counts it
(``counts.unchanged_inputs``). ``--rescan`` reads every file again.

A file whose only error entries are lasting ones (its bytes are damaged: a truncated or
corrupt WARC record or gzip member, a malformed JSONL line; errors the same bytes give with
the same code and configuration, :attr:`corearchive.source.Failure.lasting`, decided by the
source where it makes the failure) is recorded too, with the damage (:data:`DAMAGED` after
its fingerprint): while it is unchanged the next run skips it and says so in its summary
(``counts.unchanged_damaged_inputs``), and exits 0 for it; its error entries stay in the
``rejects.jsonl`` of the run that found them. A crawl whose last record was cut by a crashed
crawler was read whole every day, re-appended ~1,350 ``already_archived`` lines and exited 1
each time (s29 acc-warcscale M1).

Not recorded, so read again by the next run: standard input and pipes; a file with an error
entry that is not lasting (an ``OSError`` while reading it, a source's bug, a document that
failed a stage, its record or a sink: a time-out, a lost worker, memory; the next run
retries those documents); a file that changed while the run read it (its state before and
after differ), or that was modified less than :data:`RACY_NS` before the run first looked
at it (a second change of the same size within the file system's time stamp granularity
would leave the record matching); a file whose documents a source named by another path
(their failures could not be told apart). A run that does not commit records nothing.

The streaming run and the staged plan skip and record through this module.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import __version__
from .catalog import now_utc
from .document import printable, source_path, utf8_name

#: How much older than the run's first look at it a file's modification time must be for
#: the run to record it (2 s: FAT's time stamp granularity; coarser clocks tick in ms).
RACY_NS = 2_000_000_000


def _racy(mtime_ns: int, since_ns: int) -> bool:
    """A modification time too close to the run's first look for a change during the run
    to show in it. One well after it (a clock skewed, a tarball from a machine ahead) is
    not: a change now sets a time before it. Such a file was read again by every run,
    as "modified < 2 s before the run", until that date came (s30 locale tester #12)."""
    return since_ns - RACY_NS < mtime_ns <= since_ns + RACY_NS


#: The summary's count of the files not recorded for being that recent (the report's
#: ``not_recorded``)
TOO_RECENT = "inputs modified < 2 s before the run (read again next run)"
#: What follows the fingerprint of a file recorded with damage (lasting error entries
#: only; a release before it reads such a file again: the fingerprint differs)
DAMAGED = "+damaged"


def file_state(path: str) -> list[int] | None:
    """``[size, mtime_ns, inode]`` of the regular file ``path``; None for anything else (a
    pipe, a device, a file gone or unreadable)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def fingerprint(
    config_digest: str,
    plugins: dict[str, Any],
    models: dict[str, Any] | None = None,
    code: str = "",
) -> str:
    """What a file's record holds for "read and decided the same way": the configuration's
    digest, the versions of corearchive and of every plugin (``provenance.plugins``), the
    digests of the model files the stages decide with (``provenance.models``) and of
    corearchive's code and model files (``provenance.code_digest``: every build says version
    0.1.0, and two builds a day apart decided otherwise of 11 of 268 documents). Another
    configuration (a language added to the allow-list), other code or another model
    (retrained, or swapped by a stage's ``model`` option) may decide otherwise of the
    documents an earlier run dropped: the file is read again."""
    what: dict[str, Any] = {
        "software": __version__,
        "config": config_digest,
        "plugins": plugins,
        "code": code,
    }
    if models:
        what["models"] = {name: m.get("sha256") for name, m in models.items()}
    blob = json.dumps(what, sort_keys=True, separators=(",", ":")).encode()
    return "sha256:" + hashlib.sha256(blob).hexdigest()


class UnchangedInputs:
    """The inputs of one run, as to this module: which are unchanged since a committed run
    (:meth:`unchanged`), and which it reads and may record when it commits (:meth:`read`).

    ``db``: a connection to the run's index (None: no index yet); ``rescan``: nothing is
    unchanged (every file is read, and recorded again); ``out``: the run's output folder. A
    file is unchanged for the folder whose run recorded it (a manifest of that run in
    ``out/runs``): a folder that shares the index (``--index``) reads it, and each of its
    documents ends in that folder (as archived already, say). The shared index counted it
    unchanged there and the folder had no entry for it (s28 integration tester L5). The
    index holds one record a file, the last run's: two folders that take turns at a file
    read it each time."""

    def __init__(
        self,
        db: sqlite3.Connection | None,
        fingerprint: str,
        rescan: bool,
        out: os.PathLike[str] | str | None = None,
    ) -> None:
        self.db = db
        self.runs = None if out is None else os.path.join(out, "runs")
        #: whether each run that recorded a file has its manifest (see _run_kept)
        self._runs_kept: dict[str, bool] = {}
        self.fingerprint = fingerprint
        self.rescan = rescan
        #: when the run first looked at its files (see RACY_NS)
        self.since_ns = time.time_ns()
        #: how many inputs were found unchanged (not read)
        self.count = 0
        #: of them, how many were recorded with damage (:data:`DAMAGED`)
        self.damaged = 0
        #: the runs that recorded them: how many each
        self.recorded_by: Counter[str] = Counter()
        #: the files the run reads, as named, and their state before it read them
        self.files: list[tuple[str, list[int] | None]] = []

    def unchanged(self, path: str, *, a_file: bool = True) -> bool:
        """Whether the input ``path`` (named or found; ``a_file``: False for standard input,
        a pipe, bytes given) is a file recorded, as it is now, by a committed run with this
        fingerprint: then it is counted, not to be read. Otherwise it is to be read, and
        remembered for :meth:`record` if it is a file."""
        if not a_file:
            return False
        state = file_state(path)
        if state is not None and not self.rescan and self.db is not None:
            row = _row(self.db, resolved(path))
            if (
                row is not None
                and list(row[:3]) == state
                and row[3] in (self.fingerprint, self.fingerprint + DAMAGED)
                and self._run_kept(row[4])
            ):
                self.count += 1
                self.damaged += row[3] != self.fingerprint
                self.recorded_by[str(row[4])] += 1
                return True
        self.files.append((path, state))
        return False

    def _run_kept(self, run_id: str) -> bool:
        """Whether the run that recorded a file has its manifest in the output folder (a
        few runs recorded them all: asked once each, not once a file)."""
        if self.runs is None:
            return True
        known = self._runs_kept.get(run_id)
        if known is None:
            known = self._runs_kept[run_id] = os.path.isfile(
                os.path.join(self.runs, f"{run_id}.json")
            )
        return known

    def record(
        self,
        db: sqlite3.Connection,
        run_id: str,
        with_errors: set[str],
        counts: Counter[str] | None = None,
        damaged: set[str] | None = None,
    ) -> int:
        """Record, in the run's transaction of the index ``db``, each file the run read
        whole that had no error entry (``with_errors``: their paths as the documents'
        ``source.path`` has them) but lasting ones (``damaged``, the same way: recorded
        with :data:`DAMAGED`) and is as it was before the run read it; forget what an
        earlier run recorded of the others. Returns how many were recorded; ``counts`` (the
        report's ``not_recorded``) gets :data:`TOO_RECENT`."""
        return record(
            db, run_id, self.fingerprint, self.files, with_errors, self.since_ns, counts, damaged
        )


def record(
    db: sqlite3.Connection,
    run_id: str,
    fingerprint: str,
    files: Iterable[tuple[str, list[int] | None]],
    with_errors: set[str],
    since_ns: int,
    counts: Counter[str] | None = None,
    damaged: set[str] | None = None,
) -> int:
    """:meth:`UnchangedInputs.record` of ``files`` (path as named, state before reading)
    first looked at ``since_ns`` (the staged plan records the files of its plan.json)."""
    now = now_utc()
    recorded = 0
    for path, before in files:
        real = resolved(path)
        recent = before is not None and _racy(before[1], since_ns)
        if recent and counts is not None:
            # (a file copied just before the run was read again by the next one, which
            # gave no reason)
            counts[TOO_RECENT] += 1
        if (
            before is None
            or recent
            or source_path(path) in with_errors
            or file_state(path) != before
        ):
            db.execute("DELETE FROM inputs WHERE path = ?", (real,))
            continue
        size, mtime_ns, inode = before
        flag = DAMAGED if damaged and source_path(path) in damaged else ""
        db.execute(
            "INSERT OR REPLACE INTO inputs"
            " (path, size, mtime_ns, inode, fingerprint, run_id, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (real, size, mtime_ns, inode, fingerprint + flag, run_id, now),
        )
        recorded += 1
    return recorded


def resolved(path: str) -> str:
    """A file's key in the index: its resolved path (a file name's bytes that are not UTF-8
    as ``printable`` escapes them; the record's inode tells two such names apart)."""
    return printable(utf8_name(os.path.realpath(path)))


def _row(db: sqlite3.Connection, real: str) -> tuple[Any, ...] | None:
    """The record of the file at ``real``; None without one, or without the table (an
    index of a version before it, read only)."""
    with contextlib.suppress(sqlite3.OperationalError):
        row = db.execute(
            "SELECT size, mtime_ns, inode, fingerprint, run_id FROM inputs WHERE path = ?",
            (real,),
        ).fetchone()
        return tuple(row) if row else None
    return None
