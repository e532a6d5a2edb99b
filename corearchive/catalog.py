"""The archive catalog: a SQLite file that remembers what is archived, across runs.

It lives under the output folder (``OUT/index.sqlite``) or wherever ``--index`` points, so
several output folders can share one. It holds which document ids are archived and where,
and plugins keep their own tables in it (the dedup index). A run works inside one write
transaction that is committed only after its outputs are final: an interrupted run adds
nothing, and a second run on the same index waits, then fails with a clear message.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .document import printable, unprintable
from .errors import ConfigError, IndexBusyError, NoLocksError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    uri TEXT NOT NULL,
    warc TEXT,
    warc_offset INTEGER,
    raw_record_id TEXT,
    archived_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    out TEXT NOT NULL,
    counts TEXT,
    format INTEGER
);
-- the input files read whole by a committed run (corearchive.unchanged); an index made
-- before it gets the table when a run opens it
CREATE TABLE IF NOT EXISTS inputs (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    run_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
-- the documents taken out of the archive (corearchive remove: corearchive.takedown): a run
-- drops them, by id or by raw bytes, as taken_down
CREATE TABLE IF NOT EXISTS takedowns (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    uri TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS takedowns_sha256 ON takedowns (sha256);
-- what recognises a taken-down document's text (corearchive.takedown.fingerprint): the
-- 16-byte key of its normalised text and its MinHash signature, not the text; the dedup
-- stage refuses, as taken_down, a later document with that text or one near it
CREATE TABLE IF NOT EXISTS takedown_keys (
    id TEXT PRIMARY KEY,
    text_key BLOB NOT NULL,
    sig BLOB NOT NULL,
    shingles INTEGER NOT NULL,
    params TEXT NOT NULL
);
"""


#: The format of an archive: what its output folder (:data:`FORMAT_FILE`) and its index
#: (``meta`` key ``format``, and ``PRAGMA user_version``) are written in. Bumped when a
#: change makes an older corearchive mishandle what this one writes; every release from
#: this one on refuses to write a folder or an index of a newer format (see
#: :func:`refuse_newer`). Releases before it stamped nothing (format 0): one of them put a
#: taken-down document back into the archive (s28 acc-upgrade H1).
ARCHIVE_FORMAT = 1
#: The folder's stamp (JSON: ``{"archive_format": N}``).
FORMAT_FILE = "FORMAT.json"
#: What an older corearchive that writes the index (into ``runs``, as every run does) is
#: told: a run of this one and later ones gives each run's ``format``; one of a release
#: that does not know formats gives none, and its run stops before it writes anything.
_GUARD = (
    "CREATE TRIGGER IF NOT EXISTS runs_format_guard BEFORE INSERT ON runs"
    " WHEN NEW.format IS NULL BEGIN SELECT RAISE(ABORT, 'this index was written by a newer"
    " corearchive (archive format {n} or later, see docs/archive.md): this corearchive does"
    " not know its format and would undo what it did (takedowns); run a release of archive"
    " format {n} or later'); END"
)


def _newer(what: str, found: int) -> str:
    return (
        f"{what} was written by a newer corearchive (archive format {found}; this corearchive"
        f" writes format {ARCHIVE_FORMAT}): it may not know what that one did (takedowns"
        " among them) and is refused; continue the archive with that corearchive or a newer"
        " one (docs/archive.md, 'Format version')"
    )


def folder_format(out: Path) -> int:
    """The archive format ``out`` is stamped with (0: none, a folder of an older release
    or a new one)."""
    try:
        data = json.loads((out / FORMAT_FILE).read_bytes())
        found = data["archive_format"]
        if type(found) is not int or found < 1:
            # (as this corearchive writes it: an integer; a string "1" or true was taken)
            raise ValueError(f"archive_format is {json.dumps(found)}, not a format number")
        return found
    except FileNotFoundError:
        return 0
    except (ValueError, TypeError, KeyError, OSError) as exc:
        raise ConfigError(
            f"{out / FORMAT_FILE} cannot be read ({exc}): it says which corearchive may write"
            " the folder; put it back from a backup"
        ) from exc


def index_format(db: sqlite3.Connection) -> int:
    """The archive format of the index open in ``db`` (0: none)."""
    (version,) = db.execute("PRAGMA user_version").fetchone()
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError:  # (no meta table: a new file)
        row = None
    return max(int(version), int(row[0]) if row and str(row[0]).isdigit() else 0)


def refuse_newer(out: Path, index: Path | None) -> None:
    """Refuse (:class:`ConfigError`) to write the folder ``out`` or the index ``index``
    when either was written by a newer archive format; read only. Called by every command
    that writes an archive (ingest, remove, index upgrade, index rebuild) before it changes
    anything, and by :class:`Catalog` as it opens an index."""
    if (found := folder_format(out)) > ARCHIVE_FORMAT:
        raise ConfigError(_newer(f"the output folder {out} ({FORMAT_FILE})", found))
    if index is not None and index.is_file():
        try:
            with contextlib.closing(open_read_only(index, untouched=True)) as db:
                found = index_format(db)
        except sqlite3.DatabaseError:
            return  # (what is wrong with it is said where it is opened)
        if found > ARCHIVE_FORMAT:
            raise ConfigError(_newer(f"the index {index}", found))


def stamp_folder(out: Path, run_id: str) -> None:
    """Stamp ``out`` with this archive format (after the command ``run_id`` committed its
    changes)."""
    if folder_format(out) == ARCHIVE_FORMAT:
        return
    from .atomic import write_atomic

    write_atomic(
        out / FORMAT_FILE,
        (
            json.dumps(
                {
                    "archive_format": ARCHIVE_FORMAT,
                    "about": "the archive format of this folder: a corearchive of an older"
                    " format refuses to write it (docs/archive.md, 'Format version')",
                }
            )
            + "\n"
        ).encode(),
        run_id,
    )


@dataclass(frozen=True, slots=True)
class ArchivedDocument:
    """What the catalog knows of one archived document."""

    id: str
    run_id: str
    sha256: str
    uri: str
    warc: str | None
    warc_offset: int | None
    raw_record_id: str | None
    archived_at: str


def open_read_only(path: Path, *, untouched: bool = False) -> sqlite3.Connection:
    """A read-only connection to the index at ``path``, for tasks that only look things up
    while a run holds the write lock (readers of a WAL database are never blocked).

    ``untouched``: the folder is left as it is (a read-only open of a WAL database creates
    its ``-shm`` and ``-wal`` files), by opening it immutable when no run's log is there."""
    immutable = untouched and not path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}", uri=True
    )


def indexed_runs(path: Path, *, finished: bool = False) -> set[str]:
    """The ids of the runs the index at ``path`` holds (empty when there is no file), only
    the committed ones if ``finished``, read without changing its folder; raises
    :class:`sqlite3.Error` for an unreadable one."""
    if not path.is_file():
        return set()
    where = " WHERE finished_at IS NOT NULL" if finished else ""
    with contextlib.closing(open_read_only(path, untouched=True)) as db:
        return {r for (r,) in db.execute(f"SELECT id FROM runs{where}")}


#: The condition of a document that a WARC file holds. A run with the ``warc`` sink skips
#: only those as already archived: a document archived by a run without it (records only)
#: is archived again, into a WARC file, its row replaced (such a run's documents were
#: skipped by every later run, and never reached a WARC file).
WITH_WARC = " AND warc IS NOT NULL"


def _identity(path: Path) -> tuple[int, int] | None:
    """The file ``path`` names (device, inode), None when there is none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


def create_index(path: Path) -> tuple[int, int] | None:
    """Make the index file ``path`` if there is none (an exclusive create: of two runs that
    start together on a new index, one makes it), as Python makes the run's other files
    (0666 less the umask): SQLite makes its files 0644 less the umask, so under a group's
    umask 002 every output was group-writable but the index (its -wal and -shm files take
    the database file's mode); its folder made if need be. Returns the file made
    (:func:`remove_new_index`), None when there was one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileExistsError:
        return None
    return _identity(path)


def remove_new_index(path: Path, made: tuple[int, int]) -> bool:
    """Delete the index ``path`` that a command made (``made``: :func:`create_index`) and
    that failed before its commit, so that it leaves no index of nothing behind; only while
    it is still that file, holds no run and no other connection has it open (another run
    that shares it, waiting for it or writing into it: a run that failed deleted the index
    another one then committed into, s29 acc-review M1). Returns whether it was deleted."""
    if _identity(path) != made:
        return False
    try:
        db = sqlite3.connect(path, isolation_level=None, timeout=0)
    except sqlite3.Error:
        return False
    try:
        # leaving WAL mode takes the file's exclusive lock, refused while any other
        # connection has it open; held (BEGIN EXCLUSIVE) until the names are gone. One that
        # connected and has not read yet finds its file gone once it holds the lock
        # (Catalog._open)
        if db.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            return False
        db.execute("BEGIN EXCLUSIVE")
        try:
            (runs,) = db.execute("SELECT count(*) FROM runs").fetchone()
        except sqlite3.OperationalError:  # (no table: the run failed before it made them)
            runs = 0
        if runs or _identity(path) != made:
            return False
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        return True
    except (sqlite3.Error, OSError):
        return False
    finally:
        db.close()


#: SQLite's page cache of the index by default, in MB (``--index-cache-mb``; see Catalog).
DEFAULT_CACHE_MB = 8


class Catalog:
    """The archive catalog of one run (see the module docstring)."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float = 30.0,
        cache_mb: int = DEFAULT_CACHE_MB,
        wal: bool = True,
        temp_in_memory: bool = False,
    ) -> None:
        """``wal``: switch the index to WAL mode (readers never blocked by a run), which
        changes an older release's file at once; without it (``index upgrade``, whose
        failure leaves the index byte for byte as it was), its mode is kept.
        ``temp_in_memory``: SQLite's temporary files in memory, not in the temporary folder
        (for a run, whose only ones are the journals of its statements and of the dedup
        stage's batch savepoint, a few MB at most; not for a command that sorts a whole
        table)."""
        self.path = path
        self._temp_in_memory = temp_in_memory
        # (the third time as it comes: a file system whose inode numbers change would
        # otherwise refuse every run)
        for attempt in range(3):
            create_index(path)
            if self._open(path, timeout, cache_mb, wal, same_file=attempt < 2):
                break
        row = self.db.execute("SELECT value FROM meta WHERE key = 'archive_uuid'").fetchone()
        if row is None:
            self.archive_uuid = str(uuid.uuid4())
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('archive_uuid', ?)", (self.archive_uuid,)
            )
        else:
            self.archive_uuid = row[0]

    def _open(
        self, path: Path, timeout: float, cache_mb: int, wal: bool, *, same_file: bool = True
    ) -> bool:
        """Connect to the index at ``path`` and take its write lock, its tables made and its
        format checked in the transaction; False (closed) when the file connected to is
        no longer the one ``path`` names once the lock is held: a run that made it and
        failed removed it (:func:`remove_new_index`) as this one waited, and this run
        would have committed into a deleted file (s29 acc-review M1)."""
        opened = _identity(path)
        if os.name == "posix":
            from .atomic import locks_unsupported, no_locks_message

            if (bad := locks_unsupported(path.parent)) is not None:
                raise NoLocksError(no_locks_message(path, bad, "--index"))
        # Autocommit mode: transactions are begun and ended explicitly below.
        self.db = sqlite3.connect(
            path,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
            cached_statements=16,
        )
        try:
            if wal:
                self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: the commit is durable when COMMIT returns (NORMAL may lose it to a power
            # cut), as the run's commit point must be (atomic.Commit); one commit per run
            self.db.execute("PRAGMA synchronous=FULL")
            # SQLite's own page cache, allocated as used: capped, so that a run's memory does
            # not grow with the index (the OS file cache holds the rest, a pread away). The
            # default, 8 MB, is filled by 10,000 documents already: the main process of a
            # one-worker run then held 257 MB at 10,000 and 281 MB at 100,000 documents
            # (16 MB: 261 and 289); the dedup stage's index work took ~5 % more CPU at
            # 100,000 than with 16 MB (--index-cache-mb; research/dedup/REPORT.md).
            self.db.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
            self.db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            if self._temp_in_memory:
                # A full /tmp (a small in-memory one) failed every document of a run into
                # an archive with runs, "database or disk is full": the batch savepoint's
                # journal went to the temporary folder once past 64 KiB (s30 storage F3).
                self.db.execute("PRAGMA temp_store=MEMORY")
            self._begin(timeout)
            if same_file and (opened is None or _identity(path) != opened):
                self.db.execute("ROLLBACK")
                self.db.close()
                return False
            # the tables in the transaction: a run refused or failed leaves an index made
            # by an older release as it was (executescript, which commits, added them)
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    self.db.execute(statement)
            self._stamp()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            if same_file and (opened is None or _identity(path) != opened):
                return False  # ("disk I/O error": SQLite finds its file deleted)
            if not isinstance(exc, sqlite3.OperationalError):  # "file is not a database"
                raise ConfigError(
                    f"the index {path} is no corearchive index (SQLite: {exc});"
                    " pass another --index"
                ) from exc
            if "locked" in str(exc) or "busy" in str(exc):
                raise IndexBusyError(
                    f"the index {path} is in use by another run (waited {timeout:g} s);"
                    " wait for it to finish or pass another --index"
                ) from exc
            raise
        return True

    def _stamp(self) -> None:
        """Refuse an index of a newer archive format; stamp an older one with this format
        (in the run's transaction), and guard it against releases that do not know formats
        (:data:`_GUARD`)."""
        found = index_format(self.db)
        if found > ARCHIVE_FORMAT:
            self.db.execute("ROLLBACK")
            self.db.close()
            raise ConfigError(_newer(f"the index {self.path}", found))
        if found == ARCHIVE_FORMAT:
            return
        if "format" not in {r[1] for r in self.db.execute("PRAGMA table_info(runs)")}:
            self.db.execute("ALTER TABLE runs ADD COLUMN format INTEGER")
        self.db.execute(_GUARD.format(n=ARCHIVE_FORMAT))
        self.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?)", (str(ARCHIVE_FORMAT),)
        )
        self.db.execute(f"PRAGMA user_version = {ARCHIVE_FORMAT}")

    def _begin(self, timeout: float) -> None:
        # BEGIN IMMEDIATE takes the write lock now, so two runs never interleave their writes.
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.2)

    # -- documents ---------------------------------------------------------------------------
    def get(self, doc_id: str, *, in_warc: bool = False) -> ArchivedDocument | None:
        """The archived document with this id, if any; ``in_warc``: only if a WARC file
        holds it (see :data:`WITH_WARC`)."""
        row = self.db.execute(
            "SELECT id, run_id, sha256, uri, warc, warc_offset, raw_record_id, archived_at"
            f" FROM documents WHERE id = ?{WITH_WARC if in_warc else ''}",
            (doc_id,),
        ).fetchone()
        return ArchivedDocument(*row) if row else None

    def get_same(
        self,
        sha256: str,
        uri: str,
        other_than_run: str,
        *,
        in_warc: bool = False,
        record_id: str | None = None,
    ) -> ArchivedDocument | None:
        """An archived document of another run with these raw bytes from this address, if
        any: the same input given by another spelling of its path (``seeds/a.txt`` from
        one folder, ``/data/seeds/a.txt`` from another), whose id differs; with
        ``record_id`` (a WARC record's), the one archived as that very record (its copy
        keeps the record's id): the crawl's WARC read again under another name. ``in_warc``:
        as for :meth:`get`."""
        row = self.db.execute(
            "SELECT id, run_id, sha256, uri, warc, warc_offset, raw_record_id, archived_at"
            " FROM documents WHERE sha256 = ? AND uri = ? AND run_id != ?"
            f"{'' if record_id is None else ' AND raw_record_id = ?'}"
            f"{WITH_WARC if in_warc else ''} LIMIT 1",
            (sha256, uri, other_than_run, *(() if record_id is None else (record_id,))),
        ).fetchone()
        return ArchivedDocument(*row) if row else None

    def taken_down(self, doc_id: str, sha256: str) -> tuple[str, str] | None:
        """The takedown (id, time) of this document, or of one with its raw bytes, if any."""
        row = self.db.execute(
            "SELECT id, at FROM takedowns WHERE id = ? OR sha256 = ? LIMIT 1", (doc_id, sha256)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def add(
        self,
        doc_id: str,
        *,
        run_id: str,
        sha256: str,
        uri: str,
        warc: str | None = None,
        warc_offset: int | None = None,
        raw_record_id: str | None = None,
    ) -> None:
        """Record that a document is archived (inside the run's transaction)."""
        self.db.execute(
            "INSERT OR REPLACE INTO documents"
            " (id, run_id, sha256, uri, warc, warc_offset, raw_record_id, archived_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, run_id, sha256, uri, warc, warc_offset, raw_record_id, now_utc()),
        )

    # -- runs --------------------------------------------------------------------------------
    def start_run(self, run_id: str, out: Path, at: str | None = None) -> None:
        """Record run ``run_id`` as started ``at`` (the manifest's ``started_at``: the two
        differed by a second when the clock's second turned between them, and an index
        rebuilt from the manifests then differed from the one the runs made), else now."""
        self.db.execute(
            "INSERT INTO runs (id, started_at, out, format) VALUES (?, ?, ?, ?)",
            (run_id, at or now_utc(), printable(str(out)), ARCHIVE_FORMAT),
        )

    def finish_run(self, run_id: str, counts: str, at: str | None = None) -> None:
        """Record run ``run_id`` as finished ``at`` (the manifest's ``finished_at``), else
        now, with its counts."""
        self.db.execute(
            "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
            (at or now_utc(), counts, run_id),
        )

    # -- transaction -------------------------------------------------------------------------
    def commit(self) -> None:
        """Make the run's additions durable and release the index."""
        self.db.execute("COMMIT")
        self.db.close()

    def checkpoint(self) -> None:
        """Commit what is there, move the write-ahead log into the database and empty it,
        then go on in a new transaction: for an index of the program's own that nothing
        rolls back (a :class:`~corearchive.Cleaner`'s, whose one transaction of its whole
        life left its WAL growing, 7.1 MB over 21,000 documents, s28 acc-embed L3)."""
        self.db.execute("COMMIT")
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.execute("BEGIN IMMEDIATE")

    def rollback(self) -> None:
        """Forget the run's additions and release the index."""
        try:
            self.db.execute("ROLLBACK")
        finally:
            self.db.close()

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run SQL inside the run's transaction (for plugins' own tables)."""
        return self.db.execute(sql, params)


def index_entry(index: Path, out: Path) -> dict[str, Any]:
    """How a run's manifest names the index it used: ``index`` relative to the output folder
    ``out`` when the index is inside it (the folder's own, ``index.sqlite``), else its
    absolute path; ``index_in_output`` says which. (The path as the run was given it, as
    manifests held it before, made a copy of the folder checked against the original's
    index, and a relative ``--index`` depend on the working folder.)"""
    folder, where = os.path.abspath(out), os.path.abspath(index)
    inside = where.startswith(folder + os.sep)
    return {
        "index": printable(os.path.relpath(where, folder) if inside else where),
        "index_in_output": inside,
    }


def manifest_index(manifest: dict[str, Any], out: Path, run_id: str) -> tuple[Path, bool] | None:
    """The index the run ``run_id`` used, as its manifest in ``out`` names it (see
    :func:`index_entry`), where it is for the folder ``out`` as it is now (copied or moved
    since), and whether it is the folder's own; None when the manifest names none.

    A manifest written before ``index_in_output`` holds the path as the run was given it
    (relative to where it ran, or absolute): the folder's own index when the folder the
    path names holds this run's manifest (``out`` itself, or the folder ``out`` was copied
    from), else that path if it is there (from here, or from the folder above ``out``), else
    the folder's own when it is named ``index.sqlite``."""
    name = manifest.get("index")
    if not isinstance(name, str):
        return None
    in_output = manifest.get("index_in_output")
    if isinstance(in_output, bool):
        where = out / name if in_output else Path(name)
        if "\\x" in name and not where.exists():
            # a name with bytes that are not UTF-8 is written as printable() escapes them
            # (``idx-\\xff.sqlite``): the file is named by the bytes (s30 acc-locale #10)
            named = Path(unprintable(str(where)))
            if named.exists():
                where = named
        return where, in_output
    path = Path(name)
    # (a relative path is of the working folder the run had, unknown: this one's, or the
    # folder above ``out``, where ``-o OUT --index OTHER/index.sqlite`` was typed)
    candidates = [path] if path.is_absolute() else [path, out.parent / path]
    with contextlib.suppress(OSError):
        for where in candidates:
            if (where.parent / "runs" / f"{run_id}.json").is_file():
                return out / where.name, True
        for where in candidates:
            if where.is_file():
                return where, False
    if path.name == "index.sqlite":
        return out / "index.sqlite", True
    return path, False


def now_utc(t: float | None = None) -> str:
    """The time now (or ``t``, seconds since 1970), ISO 8601 in UTC to the second
    (``2026-11-24T03:13:51Z``)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def run_manifests(out: Path) -> list[Path]:
    """The manifests of the runs into ``out`` (``OUT/runs``), oldest first (a run id starts
    with its time; runs of one second in the order they committed). The runner's check of
    cut files and a takedown's ``after_run`` must agree on which run is the last: a takedown
    that took the other one of two runs of one second made the next run warn of a cut
    ``records.jsonl`` (s29)."""
    folder = out / "runs"
    if not folder.is_dir():
        return []
    runs = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    # Runs of one second (the id's time) in the order they committed, their manifests'
    # (ns), not by the id's random part: the last of two such was taken for the earlier
    # (_warn_cut_files checked the older one's spans; s29 acc-review)
    seconds = [p.name[:16] for p in runs]
    if len(set(seconds)) < len(seconds):
        runs.sort(key=lambda p: (p.name[:16], _written(p), p.name))
    return runs


def _written(path: Path) -> int:
    """When ``path`` was last written (ns; 0 when it cannot be said)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
