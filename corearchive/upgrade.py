"""``corearchive index upgrade``: bring an index made by an older corearchive to this one's
format, in place.

An index records the version of its dedup keys (``dedup_meta``); a run refuses an index of
another version (its near-duplicate signatures would not compare). Where the change from
the older version is one that the archive's own records let redo, the index is upgraded:
the documents concerned are re-hashed from the texts of ``records.jsonl`` (every output
folder whose runs the index holds), in one write transaction of the index, after a copy of
the index as it was is made beside it (``index.sqlite.vN``, by SQLite's backup, so a
consistent one; ``.vN.1`` … beside an earlier one). An interrupted upgrade leaves the
index as it was.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .atomic import output_lock, recover_commits
from .catalog import FORMAT_FILE, Catalog, open_read_only, refuse_newer, stamp_folder
from .errors import ConfigError, IndexMissingError
from .rebuild import json_objects


def _records(folders: list[Path]) -> Iterator[dict[str, object]]:
    """The records of ``records.jsonl`` of each folder (lines that are not JSON objects are
    passed over: verify names them)."""
    for folder in folders:
        for _, record in json_objects(folder / "records.jsonl"):
            yield record


def _find(named: str, run_ids: list[str], out: Path, index: Path) -> Path | None:
    """The output folder a run of the index names ``named`` (as the run was given it:
    relative to the working folder it had, by older releases), where it is now: ``out``
    when its manifests are there, else ``named`` from here, from the index's folder or one
    above it, or from ``out``'s folder or one above it (an upgrade from another working
    folder looked from there only, found no folder, and re-hashed nothing, exit 0; s28
    acc-upgrade M2); one holding a manifest of its runs first, else one holding a
    ``records.jsonl``."""
    path = Path(named)
    places = [out.resolve()]
    if path.is_absolute():
        places.append(path)
    else:
        places.append(Path.cwd() / path)
        for base in (index.resolve().parent, out.resolve().parent):
            places += [b / path for b in (base, *base.parents)]
    with contextlib.suppress(OSError):
        for place in places:
            if any((place / "runs" / f"{r}.json").is_file() for r in run_ids):
                return place
        for place in places:
            # (``out`` by the name the runs gave it: a folder of releases without manifests)
            if (place / "records.jsonl").is_file() and (
                place != places[0] or path.name == place.name
            ):
                return place
    return None


def _folders(db: sqlite3.Connection, out: Path, index: Path) -> tuple[list[Path], list[str]]:
    """``out`` and the other output folders whose runs the index holds (an index shared
    with ``--index``), each once; and those not found whose runs archived documents (how
    the runs named each, with how many)."""
    by_out: dict[str, list[str]] = {}
    for run_id, named in db.execute("SELECT id, out FROM runs"):
        by_out.setdefault(str(named), []).append(str(run_id))
    archived = dict(db.execute("SELECT run_id, COUNT(*) FROM documents GROUP BY run_id"))
    folders, missing = [out.resolve()], []
    for named, run_ids in sorted(by_out.items()):
        folder = _find(named, run_ids, out, index)
        if folder is None:
            if n := sum(archived.get(r, 0) for r in run_ids):
                missing.append(f"{named} ({n} documents)")
        elif all(folder.resolve() != f for f in folders):
            folders.append(folder.resolve())
    return folders, missing


def _backup_name(path: Path, version: object) -> Path:
    """Where the index ``path`` of version ``version`` is kept as it was:
    ``index.sqlite.vN``, or ``.vN.1``, ``.vN.2`` … when there is one (an earlier upgrade's,
    of an index restored since: it was overwritten without a word; s29 acc-review)."""
    backup = path.with_name(f"{path.name}.v{version}")
    n = 0
    while os.path.lexists(backup):
        n += 1
        backup = path.with_name(f"{path.name}.v{version}.{n}")
    return backup


def upgrade(
    out: Path, index: Path | None, timeout: float, err: TextIO, skip_missing: bool = False
) -> str:
    """Upgrade the index of ``out`` (its own, or ``index``) in place; what was done.
    ``skip_missing``: though output folders of its runs are not found (their documents
    keep the old hashing)."""
    from .runner import new_run_id

    # the builtin dedup plugin's (the only index format that has changed); imported by
    # name, as the core does not depend on its plugins' modules
    dedup = importlib.import_module("corearchive_plugins.dedup")
    index_version, upgrade_index = dedup.index_version, dedup.upgrade_index
    path = index or out / "index.sqlite"
    # (OUT not made yet: a new folder on a shared index of an older release, which the
    # refused ingest names; "Directory ... does not exist", L5)
    there = out.is_dir()
    if not there and index is None:
        raise ConfigError(f"{out}: no such folder (OUT is an output folder of corearchive ingest)")
    if not path.is_file():
        raise IndexMissingError(f"the index {path} is not there")
    lock = output_lock(out, timeout, err) if there else contextlib.nullcontext()
    with lock, contextlib.ExitStack() as others:
        refuse_newer(out, path)
        if there:
            # (a run killed after its commit point: its lines are not in records.jsonl
            # until its commit is finished, and the upgrade re-hashed nothing of them; M2b)
            recover_commits(out, err)
        folders: list[Path] = []
        with contextlib.closing(open_read_only(path, untouched=True)) as probe:
            try:
                found = index_version(probe)
                if found is not None and dedup.upgradable(found):
                    folders, missing = _folders(probe, out, path)
            except sqlite3.DatabaseError as exc:
                raise ConfigError(f"the index {path} cannot be read ({exc})") from exc
        if found is None:
            return f"{path}: no dedup index in it: nothing to do"
        if dedup.needs_rebuild(found):
            # (it said "continue the archive with the corearchive that made it", though a
            # rebuild from the archive's files makes a working index)
            raise ConfigError(dedup.not_upgradable(str(found), path, out))
        if folders and missing and not skip_missing:
            raise ConfigError(
                f"the index {path} holds runs into output folders that are not found from"
                f" here: {', '.join(missing)}; their texts are needed to re-hash their"
                " documents. Run the upgrade from the working folder those runs were"
                " started in, or pass --skip-missing-folders (their documents then keep"
                f" version {found}'s hashing: near copies in scripts written without spaces"
                " are missed); the index is as it was"
            )
        for folder in folders[1:]:
            # (the other folders that share the index: no run into them meanwhile, and a
            # run of theirs killed after its commit point finished first)
            others.enter_context(output_lock(folder, timeout, err))
            recover_commits(folder, err)
        backup = _backup_name(path, found)
        # the write transaction, held to the end (in the index's journal mode: a failed
        # upgrade leaves it byte for byte as it was)
        catalog = Catalog(path, timeout=timeout, wal=False)
        try:
            report = upgrade_index(catalog.db, _records(folders or [out]))
            if report.found == report.to and not report.rekeyed:
                catalog.rollback()
                if there:  # (a folder's FORMAT.json lost: written again, as verify advises)
                    lost = not (out / FORMAT_FILE).exists()
                    stamp_folder(out, new_run_id())
                    if lost:  # (said: "nothing to do" hid it; s29 integration tester LOW-1)
                        return f"{path}: {report.summary()}; {out / FORMAT_FILE} written again"
                return f"{path}: {report.summary()}"
            # the copy as it was, before the upgrade commits (the transaction's changes
            # are not in it: SQLite's backup reads the committed database)
            with (
                contextlib.closing(sqlite3.connect(path)) as src,
                contextlib.closing(sqlite3.connect(backup)) as dst,
            ):
                src.backup(dst)
            catalog.commit()
            if there:
                stamp_folder(out, new_run_id())
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                catalog.rollback()
            raise
    return f"{path}: {report.summary()}; the index as it was: {backup}"
